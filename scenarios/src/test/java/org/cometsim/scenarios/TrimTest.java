package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.Policies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed trim of the tracked set (issue #13 item 2, {@code offload.dsm.Trim}): a
 * long-running allocation-heavy program under pingpong keeps its tracked set bounded, prints what
 * the local run prints, and reruns are identical.
 */
class TrimTest {
    @TempDir
    static Path dir;
    private static ClassPath code;

    @BeforeAll
    static void compile() throws Exception {
        code = CompiledTestProgram.compile("trim", dir);
    }

    static OffloadRun.Config config(int rounds, String policy, int trimFloor) {
        return new OffloadRun.Config(code, "trim.jar", "Churn", new String[] {String.valueOf(rounds)},
                DeviceModels.cpu("phone-2012-hummingbird-portable"), DeviceModels.cpu("server-2012-portable"),
                sim -> LinkModels.preset("comet-wifi", sim.streams()), OffloadRun.radioFor("comet-wifi"),
                Policies.byName(policy), null, 1, true, null).withTrimFloor(trimFloor);
    }

    @Test
    void trackedSetStaysBoundedUnderPingpong() {
        int floor = 2000;
        OffloadRun.Config long_ = config(1200, "pingpong:1", floor);
        OffloadRun.Side local = OffloadRun.runLocal(long_);
        OffloadRun.Result large = OffloadRun.run(long_, local);
        OffloadRun.Result untrimmed = OffloadRun.run(long_.withTrimFloor(0), local);
        System.out.printf("trim: untrimmed high water %d (%d migrations); trimmed %d (1200 rounds,"
                        + " %d migrations), %d trims, %d rounds, %d ids untracked, %d + %d trim wire bytes, %d ns in trims;"
                        + " wire bytes %d+%d vs %d+%d untrimmed; time %d vs %d ns%n",
                untrimmed.phone().trackedHighWater(), untrimmed.phone().migrationsOut(),
                large.phone().trackedHighWater(), large.phone().migrationsOut(), large.phone().trims(),
                large.phone().trimRounds() + large.server().trimRounds(), large.phone().untracked(),
                large.phone().trimWireBytesSent(), large.server().trimWireBytesSent(), large.phone().trimNanos(),
                large.phone().wireBytesSent(), large.server().wireBytesSent(), untrimmed.phone().wireBytesSent(),
                untrimmed.server().wireBytesSent(), large.offload().timeNanos(), untrimmed.offload().timeNanos());
        for (OffloadRun.Result r : new OffloadRun.Result[] {large, untrimmed}) {
            if (System.getenv("TRIM_DEBUG") != null) {
                r.trace().forEach(System.out::println);
            }
            assertEquals(r.local().stdout(), r.offload().stdout());
            assertTrue(r.phone().migrationsOut() >= 10, "really offloads: " + r.phone().migrationsOut());
            assertTrue(r.server().migrationsOut() >= 10, "both ways: " + r.server().migrationsOut());
        }
        assertTrue(large.phone().trims() >= 3, "trims ran: " + large.phone().trims());
        // Both sides untracked the same number of ids in every trim (the last may still run when the program ends).
        java.util.List<String> phoneEnds = trimEnds(large, "phone");
        java.util.List<String> serverEnds = trimEnds(large, "server");
        int n = Math.min(phoneEnds.size(), serverEnds.size());
        assertTrue(n >= 3 && Math.abs(phoneEnds.size() - serverEnds.size()) <= 1, phoneEnds + " vs " + serverEnds);
        assertEquals(phoneEnds.subList(0, n), serverEnds.subList(0, n));
        // Without trims the tracked set grows with the rounds; with them it stays under a bound
        // that does not depend on the run's length.
        assertTrue(untrimmed.phone().trackedHighWater() > 3 * large.phone().trackedHighWater(),
                untrimmed.phone().trackedHighWater() + " untrimmed vs " + large.phone().trackedHighWater());
        // The bound: the threshold is max(floor, 2 x what the last trim kept), the live set here is
        // under 1000 ids, and a trim starts at the first quiescent point past the threshold, after
        // which one sync (about 1100 ids here) may still arrive.
        assertTrue(large.phone().trackedHighWater() <= 2 * floor, "bounded: " + large.phone().trackedHighWater());
        assertTrue(large.server().trackedHighWater() <= 2 * floor, "bounded: " + large.server().trackedHighWater());
    }

    /** "tracked_before,untracked" of each trim that ended on {@code endpoint}, in order. */
    static java.util.List<String> trimEnds(OffloadRun.Result r, String endpoint) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("\"tracked_before\":(\\d+),\"untracked\":(\\d+)");
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String line : r.trace()) {
            if (line.contains("\"endpoint\":\"" + endpoint + "\"") && line.contains("\"event\":\"trim_end\"")) {
                java.util.regex.Matcher m = p.matcher(line);
                assertTrue(m.find(), line);
                out.add(m.group(1) + "," + m.group(2));
            }
        }
        return out;
    }

    /** The connection fails in the middle of a trim (found in a first run's trace): recovery, same output. */
    @Test
    void failureDuringATrim() {
        OffloadRun.Config c = config(400, "pingpong:1", 400);
        OffloadRun.Side local = OffloadRun.runLocal(c);
        OffloadRun.Result first = OffloadRun.run(c, local);
        long at = -1;
        for (String line : first.trace()) {
            if (line.contains("\"event\":\"trim_start\"") && at < 0) {
                at = Long.parseLong(line.replaceAll(".*\"t_ns\":(\\d+).*", "$1")) + 1000;
            }
        }
        assertTrue(at > 0, "a trim ran");
        OffloadRun.Config failing = new OffloadRun.Config(c.classPath(), c.classPathText(), c.mainClass(), c.args(),
                c.phone(), c.server(), c.linkFactory(), c.radio(), c.policy(), c.energy(), c.seed(), c.compress(), c.jit(),
                java.util.List.of(at), c.trimFloor());
        OffloadRun.Result r = OffloadRun.run(failing, local);
        assertEquals(local.stdout(), r.offload().stdout());
        assertEquals(1, r.phone().connectionsLost());
        String open = null; // the phone's trim in progress when the connection failed
        for (String line : r.trace()) {
            if (line.contains("\"endpoint\":\"phone\"") && line.contains("\"event\":\"trim_")) {
                open = line.contains("trim_start") ? line : null;
            }
            if (line.contains("\"endpoint\":\"phone\"") && line.contains("\"event\":\"connection_lost\"")) {
                break;
            }
        }
        assertTrue(open != null, "the failure came during a trim");
    }

    @Test
    void rerunsAreIdentical() {
        OffloadRun.Result a = OffloadRun.run(config(200, "pingpong:3", 300));
        OffloadRun.Result b = OffloadRun.run(config(200, "pingpong:3", 300));
        assertEquals(a.local().stdout(), a.offload().stdout());
        assertTrue(a.phone().trims() >= 1, "trims ran: " + a.phone().trims());
        assertEquals(a.trace(), b.trace());
        assertEquals(a.phone().wireBytesSent(), b.phone().wireBytesSent());
        assertEquals(a.offload().timeNanos(), b.offload().timeNanos());
    }
}
