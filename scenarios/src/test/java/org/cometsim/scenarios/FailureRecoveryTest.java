package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.net.LinkPresets;
import org.cometsim.net.OutageSchedule;
import org.cometsim.net.ShapedLinkConfig;
import org.cometsim.offload.policy.Policies;
import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failure injection (issue #13): the connection fails at seeded random instants while a thread is
 * on the server, and the program's output must still equal the local run's (which equals
 * {@code java}'s: {@code WorkloadsMatchJavaTest}), with no hang. Failure points are drawn inside
 * the intervals during which the failure-free run had a thread on the server, so every case
 * really exercises recovery (the test checks threads were resumed on the phone).
 *
 * <p>The default suite runs a representative set (one single-threaded compute workload, one that
 * reconnects and offloads again, the two multi-threaded ones); the {@code slow} tag
 * ({@code mvn -Pfull}) runs every workload × {WiFi, 3G} × four policies × many points.
 */
class FailureRecoveryTest {
    private static final String PHONE = "phone-2012-hummingbird-portable";
    private static final String SERVER = "server-2012-portable";
    private static final Map<String, ClassPath> CODE = new HashMap<>();
    private static final Map<String, OffloadRun.Side> LOCAL = new HashMap<>();

    static Stream<Arguments> representative() {
        return Stream.of(
                Arguments.of("mandelbrot", "always"),
                Arguments.of("connectfour", "pingpong:7"),
                Arguments.of("parallelrender", "always"),
                Arguments.of("pipeline", "pingpong:7"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("representative")
    @Timeout(300) // a hang guard, not a timing assertion: a case takes seconds
    void outputSurvivesFailures(String workload, String policy) {
        checkFailures(workload, policy, "comet-wifi", 2, 13);
    }

    static Stream<Arguments> everything() {
        List<Arguments> all = new ArrayList<>();
        for (Workload w : WorkloadCatalog.all()) {
            for (String link : List.of("comet-wifi", "comet-3g")) {
                for (String policy : List.of("always", "comet", "pingpong:1", "pingpong:7")) {
                    all.add(Arguments.of(w.name(), policy, link));
                }
            }
        }
        return all.stream();
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everything")
    @Timeout(3600)
    void outputSurvivesManyFailures(String workload, String policy, String link) {
        int points = Integer.getInteger("comet.failure.points", 25); // 14 workloads × 8 × 25 ≈ 2800 failures
        checkFailures(workload, policy, link, points, workload.hashCode() ^ policy.hashCode() ^ link.hashCode());
    }

    /** A link outage breaks the connection at its start; the phone reconnects after it and offloads again. */
    @Test
    @Timeout(300)
    void anOutageBreaksTheConnectionAndThePhoneReconnectsAfterIt() {
        Workload w = WorkloadCatalog.get("chess");
        ShapedLinkConfig wifi = (ShapedLinkConfig) LinkPresets.load("comet-wifi").spec();
        ShapedLinkConfig withOutage = wifi.withOutages(new OutageSchedule(List.of(OutageSchedule.Window.of("60ms", "1500ms"))));
        OffloadRun.Config c = config(w, "always", "comet-wifi", List.of());
        c = new OffloadRun.Config(c.classPath(), c.classPathText(), c.mainClass(), c.args(), c.phone(), c.server(),
                sim -> LinkModels.create(withOutage, sim.streams()), c.radio(), c.policy(), c.energy(), c.seed(),
                c.compress(), c.jit(), List.of());
        OffloadRun.Result r = OffloadRun.run(c, local(w));
        assertEquals(r.local().stdout(), r.offload().stdout());
        assertEquals(1, r.phone().connectionsLost());
        assertTrue(r.phone().threadsRecovered() >= 1, "the thread on the server resumes on the phone");
        assertEquals(2, r.phone().connections(), "one reconnection, after the outage");
        long reconnect = eventTimes(r.trace(), "reconnect").get(0);
        assertTrue(reconnect >= 1_560_000_000L, "not during the outage: " + reconnect);
        assertTrue(r.phone().migrationsOut() >= 2, "it offloads again after reconnecting");
    }

    /**
     * A notify the phone forwarded to a waiter on the server, lost with the link before the server
     * applied it: the waiter resumes on the phone from the server's last push, still waiting, and
     * only the phone's replay of the notify wakes it. Without the replay, pipeline deadlocked here
     * (every thread waiting on a buffer, found by {@link #outputSurvivesFailures}'s points once locks
     * another thread took since stayed on the phone). The instant is one where such a notify is in
     * flight; if model changes move it, pick another from a run's trace ({@code notify} events of
     * the phone while a worker waits on the server).
     */
    @Test
    @Timeout(300)
    void aNotifyTheServerNeverAppliedIsReplayedAfterAFailure() {
        Workload w = WorkloadCatalog.get("pipeline");
        long at = 83_227_212L;
        OffloadRun.Result r = OffloadRun.run(config(w, "pingpong:7", "comet-wifi", List.of(at)), local(w));
        assertEquals(r.local().stdout(), r.offload().stdout(), "output after a failure at " + at + " ns");
        assertEquals(1, r.phone().connectionsLost());
        assertTrue(!eventTimes(r.trace(), "notify_replayed").isEmpty(),
                "the failure at " + at + " ns no longer finds a notify in flight: pick another instant");
    }

    private static void checkFailures(String workload, String policy, String link, int points, long seed) {
        Workload w = WorkloadCatalog.get(workload);
        OffloadRun.Result base = OffloadRun.run(config(w, policy, link, List.of()), local(w));
        assertEquals(base.local().stdout(), base.offload().stdout(), "the run without failure");
        List<long[]> remote = remoteIntervals(base.trace());
        assertTrue(!remote.isEmpty(), workload + " under " + policy + " never had a thread on the server");
        Random rnd = new Random(seed);
        long recovered = 0;
        for (int k = 0; k < points; k++) {
            long[] iv = remote.get(rnd.nextInt(remote.size()));
            long at = iv[0] + (long) (rnd.nextDouble() * (iv[1] - iv[0]));
            OffloadRun.Result r = OffloadRun.run(config(w, policy, link, List.of(at)), base.local());
            assertEquals(base.local().stdout(), r.offload().stdout(),
                    workload + " " + policy + " " + link + ": output after a failure at " + at + " ns");
            assertEquals(base.local().status(), r.offload().status());
            assertEquals(1, r.phone().connectionsLost(), "the failure at " + at + " ns happened");
            recovered += r.phone().threadsRecovered();
        }
        assertTrue(recovered > 0, "no failure point found a thread on the server to resume");
    }

    /** [arrival on the server, next departure from it] of every stay, from a run's trace. */
    static List<long[]> remoteIntervals(List<String> trace) {
        List<long[]> out = new ArrayList<>();
        Map<String, Long> arrived = new HashMap<>();
        Pattern p = Pattern.compile("\\{\"t_ns\":(\\d+),\"endpoint\":\"server[^\"]*\",\"event\":\"(migrate_in|migrate_out|thread_ended)\",\"thread\":(\\d+)");
        for (String line : trace) {
            Matcher m = p.matcher(line);
            if (!m.lookingAt()) {
                continue;
            }
            long t = Long.parseLong(m.group(1));
            if (m.group(2).equals("migrate_in")) {
                arrived.put(m.group(3), t);
            } else {
                Long from = arrived.remove(m.group(3));
                if (from != null && t > from) {
                    out.add(new long[] {from, t});
                }
            }
        }
        return out;
    }

    static List<Long> eventTimes(List<String> trace, String event) {
        List<Long> out = new ArrayList<>();
        Pattern p = Pattern.compile("\\{\"t_ns\":(\\d+),\"endpoint\":\"[^\"]*\",\"event\":\"" + event + "\"");
        for (String line : trace) {
            Matcher m = p.matcher(line);
            if (m.lookingAt()) {
                out.add(Long.parseLong(m.group(1)));
            }
        }
        return out;
    }

    static synchronized OffloadRun.Side local(Workload w) {
        return LOCAL.computeIfAbsent(w.name(), n -> OffloadRun.runLocal(config(w, "never", "comet-wifi", List.of())));
    }

    static OffloadRun.Config config(Workload w, String policy, String link, List<Long> failAt) {
        return new OffloadRun.Config(code(w), "app.jar", w.mainClass(), w.args(Size.SMALL).toArray(new String[0]),
                DeviceModels.cpu(PHONE), DeviceModels.cpu(SERVER), sim -> LinkModels.preset(link, sim.streams()),
                OffloadRun.radioFor(link), Policies.byName(policy), null, 1, true, null, failAt);
    }

    static synchronized ClassPath code(Workload w) {
        return CODE.computeIfAbsent(w.name(), n -> {
            try {
                Path dir = Files.createTempDirectory("comet-failure-" + n);
                Path[] dex = WorkloadCatalog.extract(w, dir, Kind.DEX);
                return ClassPath.parse(WorkloadCatalog.classPath(dex), D8Converter.withDefaultCache());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (org.cometsim.dalvik.load.LoadException e) {
                throw new IllegalStateException("a built-in workload does not load", e);
            }
        });
    }
}
