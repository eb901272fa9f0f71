package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.offload.policy.profile.CloneCloudPolicy;
import org.cometsim.offload.policy.profile.Environment;
import org.cometsim.offload.policy.profile.MauiPolicy;
import org.cometsim.offload.policy.profile.MauiSolver;
import org.cometsim.offload.policy.profile.MethodPlacementPolicy;
import org.cometsim.offload.policy.profile.OraclePolicy;
import org.cometsim.offload.policy.profile.Profile;
import org.cometsim.offload.policy.profile.ProfiledPolicies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code maui}, {@code clonecloud} and {@code oracle} decide what a hand derivation says on
 * purpose-made programs (src/test/resources/profiled), and their runs print what the local run
 * prints. Numbers in the derivations are the profile's (phone-2012-hummingbird-portable against
 * server-2012-portable: the server prices the same work about 16× cheaper) and the links':
 * comet-wifi 5 ms one-way, 6.52 bytes/µs both ways; comet-3g 100 ms one-way, 0.174 bytes/µs up
 * and 0.464 down; energy aro-captivate (CPU 0.548 W, Wi-Fi 0.403 W, 3G DCH 1.02 W). The
 * assertions recompute each inequality from the profile, so they fail if a model changes
 * enough to flip the decision.
 */
class ProfiledPoliciesTest {
    @TempDir
    static Path dir;
    static ClassPath code;
    static final Map<String, Profile> PROFILES = new ConcurrentHashMap<>();

    @BeforeAll
    static void compile() throws Exception {
        code = CompiledTestProgram.compile("profiled", dir);
    }

    static Environment env(String link) {
        return ProfileRun.environment(link, DeviceModels.energy("aro-captivate").preset());
    }

    static Profile profile(String main, String... args) {
        return PROFILES.computeIfAbsent(main + String.join(" ", args), k -> {
            ProfileRun.Result r = ProfileRunTest.profile0(code, main, args);
            return r.profile();
        });
    }

    static OffloadRun.Result run(String main, String[] args, String link, OffloadPolicy policy) {
        return OffloadRun.run(new OffloadRun.Config(code, "profiled.jar", main, args,
                DeviceModels.cpu("phone-2012-hummingbird-portable"), DeviceModels.cpu("server-2012-portable"),
                sim -> LinkModels.preset(link, sim.streams()), OffloadRun.radioFor(link), policy, null, 1, true, null));
    }

    /** Crossing cost of one round trip into {@code m} and back: X_in + X_out of its state estimate. */
    static long roundTrip(Environment e, Profile.Method m) {
        return e.inNanos(m.stateBytes()) + e.outNanos(m.stateBytes());
    }

    static List<String> decided(String spec, Profile p, String link) {
        return List.copyOf(((MethodPlacementPolicy) ProfiledPolicies.create(spec, p, env(link))).offloaded());
    }

    /** Every policy's run prints what the local run prints, and none beats the oracle bound. */
    static void runAll(String main, String[] args, String link) {
        Profile p = profile(main, args);
        OraclePolicy oracle = (OraclePolicy) ProfiledPolicies.create("oracle", p, env(link));
        for (String spec : List.of("maui", "maui:time", "clonecloud", "oracle")) {
            OffloadRun.Result r = run(main, args, link, ProfiledPolicies.create(spec, p, env(link)));
            assertEquals(r.local().stdout(), r.offload().stdout(), spec + " on " + link);
            assertTrue(oracle.completionBoundNanos() <= r.offload().timeNanos(),
                    spec + " on " + link + ": " + r.offload().timeNanos() + " < bound " + oracle.completionBoundNanos());
            assertTrue(oracle.completionBoundNanos() <= r.local().timeNanos());
        }
    }

    /**
     * ComputeThenPrint 300000: compute() p = 72.60 ms on the phone, s = 4.54 ms on the server,
     * state 8 bytes (one int argument); main() prints (a client-pinned native) so it stays.
     * Wi-Fi: a round trip into compute costs 2 × (5 ms + 8 B / 6.52 B/µs) ≈ 10.0 ms, so
     * CloneCloud's w = s − p + X = 4.54 − 72.60 + 10.0 ≈ −58.1 ms < 0: migrate at compute.
     * MAUI (energy): offloading saves E^l = 0.548 W × 72.60 ms ≈ 39.8 mJ and costs
     * C = 0.403 W × 10.0 ms ≈ 4.0 mJ; its latency 4.54 + 10.0 + 0.02 ≈ 14.6 ms ≤ L = 1.05 × 72.64 ms:
     * remote. maui:time: 14.6 ms < 72.6 ms: remote. Oracle: the same placement with 5 ms crossings.
     * 3G: the round trip costs at least 2 × 100 ms = 200 ms > 68.1 ms saved: everything stays.
     */
    @Test
    void aLongComputePhaseGoesRemoteOverWifiButNotOver3gAndThePrintStaysLocal() {
        Profile p = profile("ComputeThenPrint", "300000");
        Profile.Method compute = p.method("ComputeThenPrint", "compute", "(I)J");
        Profile.Method main = p.method("ComputeThenPrint", "main", "([Ljava/lang/String;)V");
        assertTrue(main.pinnedSelf(), "main prints");
        long saved = compute.phoneSelfNanos() - compute.serverSelfNanos();
        assertTrue(roundTrip(env("comet-wifi"), compute) < saved, "Wi-Fi: the phase pays for its crossings");
        assertTrue(roundTrip(env("comet-3g"), compute) > saved, "3G: it does not");
        for (String spec : List.of("maui", "maui:time", "clonecloud", "oracle")) {
            assertEquals(List.of("ComputeThenPrint.compute(I)J"), decided(spec, p, "comet-wifi"), spec + " over Wi-Fi");
            assertEquals(List.of(), decided(spec, p, "comet-3g"), spec + " over 3G");
        }
        OffloadRun.Result r = run("ComputeThenPrint", new String[] {"300000"}, "comet-wifi",
                ProfiledPolicies.create("clonecloud", p, env("comet-wifi")));
        assertEquals(1, r.phone().migrationsOut(), "compute went to the server once");
        assertTrue(r.offload().timeNanos() < r.local().timeNanos(), "and that was faster");
        runAll("ComputeThenPrint", new String[] {"300000"}, "comet-wifi");
        runAll("ComputeThenPrint", new String[] {"300000"}, "comet-3g");
    }

    /**
     * ShortLoop 2000: little() runs 3 times, p = 1.18 ms in all (0.39 ms a call), s = 0.07 ms.
     * Even over Wi-Fi each call's round trip costs ≈ 10 ms, 30 ms for the three against 1.1 ms
     * saved: below every policy's threshold, nothing moves, and the oracle equals all-local.
     */
    @Test
    void aShortLoopBelowTheThresholdStaysLocal() {
        Profile p = profile("ShortLoop", "2000");
        Profile.Method little = p.method("ShortLoop", "little", "(I)J");
        assertEquals(3, little.calls());
        assertTrue(little.calls() * roundTrip(env("comet-wifi"), little) > little.phoneSelfNanos() - little.serverSelfNanos());
        for (String link : List.of("comet-wifi", "comet-3g")) {
            for (String spec : List.of("maui", "maui:time", "clonecloud", "oracle")) {
                assertEquals(List.of(), decided(spec, p, link), spec + " over " + link);
            }
            assertEquals(p.phoneNanos(), p.oracle(link).nestedNanos() + p.oracle(link).segments(), "the oracle is all-local");
        }
        runAll("ShortLoop", new String[] {"2000"}, "comet-wifi");
    }

    /**
     * BigState 65536 48: scan() over a 65,536-int array (state estimate 262,176 bytes), 48
     * passes: p ≈ 629 ms, s ≈ 39 ms, saving ≈ 590 ms. Wi-Fi: 2 × 5 ms + 2 × 262,176 B / 6.52 B/µs
     * ≈ 90 ms < 590 ms: remote. 3G: the latency alone (200 ms) would pay, but the array takes
     * 262,176 / 0.174 B/µs ≈ 1.51 s up and 262,176 / 0.464 ≈ 0.57 s back: ≈ 2.27 s > 590 ms, so
     * maui and clonecloud keep it local. The oracle charges crossings at latency only (a lower
     * bound whatever the DSM ships), so its bound is below all-local and its replay moves scan.
     */
    @Test
    void aPhaseWhoseStateIsTooLargeFor3gStaysLocalThere() {
        String[] args = {"65536", "48"};
        Profile p = profile("BigState", args);
        Profile.Method scan = p.method("BigState", "scan", "([II)J");
        assertTrue(scan.stateBytes() >= 65536 * 4, "the array is in the state: " + scan.stateBytes());
        long saved = scan.phoneSelfNanos() - scan.serverSelfNanos();
        Environment g3 = env("comet-3g");
        assertTrue(2 * g3.oneWayNanos() < saved, "latency alone would pay");
        assertTrue(roundTrip(g3, scan) > saved, "the state does not");
        assertTrue(roundTrip(env("comet-wifi"), scan) < saved);
        for (String spec : List.of("maui", "maui:time", "clonecloud")) {
            assertEquals(List.of("BigState.scan([II)J"), decided(spec, p, "comet-wifi"), spec + " over Wi-Fi");
            assertEquals(List.of(), decided(spec, p, "comet-3g"), spec + " over 3G");
        }
        assertEquals(List.of("BigState.scan([II)J"), decided("oracle", p, "comet-3g"));
        assertTrue(p.oracle("comet-3g").segmentNanos() < p.phoneNanos());
        runAll("BigState", args, "comet-wifi");
        runAll("BigState", args, "comet-3g");
    }

    /** MAUI's energy objective keeps its latency constraint: the solution never exceeds 1.05 × all-local. */
    @Test
    void mauiEnergyRespectsTheLatencyConstraint() {
        Profile p = profile("BigState", "65536", "48");
        for (String link : List.of("comet-wifi", "comet-3g")) {
            MauiPolicy m = (MauiPolicy) ProfiledPolicies.create("maui", p, env(link));
            MauiSolver s = new MauiSolver(p, env(link));
            assertTrue(m.solution().exact());
            assertTrue(m.solution().timeNanos() <= 1.05 * s.allLocalNanos() + 1);
            CloneCloudPolicy c = (CloneCloudPolicy) ProfiledPolicies.create("clonecloud", p, env(link));
            assertTrue(c.solution().exact());
        }
    }
}
