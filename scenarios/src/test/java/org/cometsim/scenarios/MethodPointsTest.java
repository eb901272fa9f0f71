package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.MethodPoint;
import org.cometsim.offload.policy.OffloadPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy can ask for evaluations at method entries and exits (method-granularity offloading,
 * the interface MAUI- and CloneCloud-like policies use): here it offloads {@code heavy} at its
 * entry and brings the thread home at its exit, deciding on the server too.
 */
class MethodPointsTest {
    @TempDir
    static Path dir;
    private static ClassPath code;

    @BeforeAll
    static void compile() throws Exception {
        code = CompiledTestProgram.compile("methodpoints", dir);
    }

    /** Offload {@code MethodPoints.heavy} for its duration, nothing else; records what it was asked. */
    static final class HeavyOnly implements OffloadPolicy {
        final List<String> asked = new ArrayList<>();

        @Override
        public String name() {
            return "heavy-only";
        }

        @Override
        public boolean usesMethodPoints() {
            return true;
        }

        @Override
        public boolean decidesOnServer() {
            return true;
        }

        @Override
        public boolean evaluatesAt(MethodPoint p) {
            return p.className().equals("MethodPoints") && p.methodName().equals("heavy");
        }

        @Override
        public boolean migrate(Decision d) {
            if (d.point() == null) {
                return false; // periodic evaluations: stay where it is
            }
            asked.add((d.onServer() ? "server " : "phone ") + d.point());
            return d.onServer() == d.point().exit(); // in at the entry (phone), out at the exit (server)
        }
    }

    @Test
    void offloadsTheNamedMethodForItsDurationOnly() {
        HeavyOnly policy = new HeavyOnly();
        OffloadRun.Result r = OffloadRun.run(new OffloadRun.Config(code, "methodpoints.jar", "MethodPoints",
                new String[0], DeviceModels.cpu("phone-2012-hummingbird-portable"), DeviceModels.cpu("server-2012-portable"),
                sim -> LinkModels.preset("comet-wifi", sim.streams()), OffloadRun.radioFor("comet-wifi"), policy, null, 1,
                true, null));
        assertEquals(r.local().stdout(), r.offload().stdout());
        assertTrue(r.local().stdout().contains("round 2"), r.local().stdout());
        // The first entry comes before the server is ready (no evaluation then); the other two offload.
        assertTrue(r.phone().migrationsOut() >= 2, "heavy went to the server: " + policy.asked);
        assertEquals(r.phone().migrationsOut(), r.server().migrationsOut(), "and came back each time");
        for (var e : r.server().forcedReturns().entrySet()) {
            assertTrue(e.getKey().equals("policy heavy-only at exit of MethodPoints.heavy(I)J"), "returned by the policy only: " + e);
        }
        assertTrue(policy.asked.contains("phone entry of MethodPoints.heavy(I)J"), policy.asked.toString());
        assertTrue(policy.asked.contains("server exit of MethodPoints.heavy(I)J"), policy.asked.toString());
        assertTrue(r.serverInstructions() > r.offload().instructions() / 2, "heavy's loop ran on the server");
    }
}
