package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.offload.policy.Policies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simple built-in policies decide what a hand derivation says on purpose-made programs
 * ({@code src/test/resources/policies}), and every decision they take shows in the trace with
 * what the policy saw.
 *
 * <p>Facts the derivations use. {@code Phases N} runs one loop of N iterations that touches no
 * object and then prints (a client-pinned native). On the phone preset the loop takes 242 ns per
 * iteration; evaluations come every 1024th safepoint, one per 1024 iterations, so every 248 µs of
 * phone time: N = 100 000 is a 24 ms phase, N = 1 000 000 a 242 ms one (the local baselines below
 * measure both). comet-wifi has a constant 5 ms one-way latency and no jitter: every RTT sample is
 * 10 ms, so SRTT = 10 ms from the first sample on (before any, the transport starts from twice
 * the minimum latency: 10 ms too). comet-3g: 100 ms one way, SRTT = 200 ms.
 */
class PolicyDecisionsTest {
    @TempDir
    static Path dir;
    private static ClassPath code;
    private static final long MS = 1_000_000L;

    @BeforeAll
    static void compile() throws Exception {
        code = CompiledTestProgram.compile("policies", dir);
    }

    /** Delegates to a named policy and records every phone decision: what it saw, what it answered. */
    static class Recording implements OffloadPolicy {
        final OffloadPolicy inner;
        final List<OffloadPolicy.Decision> seen = new ArrayList<>();
        final List<Boolean> answers = new ArrayList<>();
        final List<Long> pendingBytes = new ArrayList<>();

        Recording(String spec) {
            this.inner = Policies.byName(spec);
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public boolean migrate(Decision d) {
            boolean a = inner.migrate(d);
            if (!d.onServer()) {
                seen.add(d);
                answers.add(a);
                pendingBytes.add(d.pendingSyncBytes()); // valid only now
            }
            return a;
        }

        @Override
        public String explain(Decision d) {
            return inner.explain(d);
        }

        /** The index of the first decision that migrated, or -1. */
        int firstMigration() {
            return answers.indexOf(true);
        }
    }

    private static OffloadRun.Result run(String main, String arg, String link, OffloadPolicy p) {
        return run(main, new String[] {arg}, link, p);
    }

    private static OffloadRun.Result run(String main, String[] args, String link, OffloadPolicy p) {
        return OffloadRun.run(new OffloadRun.Config(code, "policies.jar", main, args,
                DeviceModels.cpu("phone-2012-hummingbird-portable"), DeviceModels.cpu("server-2012-portable"),
                sim -> LinkModels.preset(link, sim.streams()), OffloadRun.radioFor(link), p, null, 1, true, null));
    }

    /** The recorded evaluations' spacing in phone time (they come every 1024 iterations of the loop). */
    private static long interval(Recording r) {
        return r.seen.get(1).localNanos() - r.seen.get(0).localNanos();
    }

    /**
     * A long compute phase (242 ms) then a pinned print, threshold:50ms on WiFi. Derivation: the
     * thread's phone clock passes 50 ms inside the loop, so it leaves at the first evaluation
     * with more than 50 ms on it, i.e. within one evaluation interval (≈ 248 µs) after 50 ms, and
     * every earlier evaluation stayed. It comes back for the print (the string concatenation's
     * class initialisation or the print itself, both phone-only), and no later evaluation
     * reaches 50 ms again: one migration each way.
     */
    @Test
    void thresholdOffloadsALongPhaseOnceAfterT() {
        Recording p = new Recording("threshold:50ms");
        OffloadRun.Result r = run("Phases", "1000000", "comet-wifi", p);
        assertEquals(r.local().stdout(), r.offload().stdout());
        assertTrue(r.local().timeNanos() > 200 * MS, "a 242 ms phase: " + r.local().timeNanos());
        for (int i = 0; i < p.seen.size(); i++) {
            assertEquals(p.seen.get(i).localNanos() > 50 * MS, p.answers.get(i), "decision " + i);
        }
        int first = p.firstMigration();
        assertTrue(first > 0, "stayed at first, then migrated");
        long local = p.seen.get(first).localNanos();
        assertTrue(local > 50 * MS && local <= 50 * MS + interval(p), "left within one interval after T: " + local);
        assertEquals(1, r.phone().migrationsOut());
        assertEquals(1, r.server().migrationsOut(), "came home for the print");
        assertTrue(r.offload().timeNanos() < r.local().timeNanos(), "the rest of the phase ran on the faster server");
        // The migration decision is in the trace with its inputs and reason.
        String decision = r.trace().stream().filter(l -> l.contains("\"event\":\"decision\"") && l.contains("\"migrate\""))
                .findFirst().orElseThrow();
        assertTrue(decision.contains("\"local_ns\":" + local), decision);
        assertTrue(decision.contains("\"policy\":\"threshold:50ms\""), decision);
        assertTrue(decision.contains("\"method\":\"Phases.main([Ljava/lang/String;)V\""), decision);
        assertTrue(decision.contains("\"depth\":1"), decision);
        assertTrue(decision.contains("\"srtt_ns\":10000000"), decision);
        assertTrue(decision.contains("\"radio\":{\"kind\":\"wifi\""), decision);
        assertTrue(decision.contains("> T 50ms"), decision);
    }

    /**
     * A short loop below the threshold: 24 ms of phone time against T = 50 ms. Derivation: no
     * evaluation can see more than 24 ms, so all stay; the run is the local run.
     */
    @Test
    void thresholdLeavesAShortLoopAlone() {
        Recording p = new Recording("threshold:50ms");
        OffloadRun.Result r = run("Phases", "100000", "comet-wifi", p);
        assertEquals(r.local().stdout(), r.offload().stdout());
        assertTrue(r.local().timeNanos() < 50 * MS, "a 24 ms loop: " + r.local().timeNanos());
        assertFalse(p.seen.isEmpty(), "it was asked");
        assertEquals(-1, p.firstMigration());
        assertEquals(0, r.phone().migrationsOut());
        // Stays are traced, sampled: evaluations 1, 2, 4, 8 ... of the thread.
        List<String> stays = r.trace().stream().filter(l -> l.contains("\"decided\":\"stay\"")).toList();
        assertTrue(stays.size() >= 4 && stays.get(0).contains("\"evaluation\":1,"), stays.toString());
        assertTrue(stays.stream().allMatch(l -> l.matches(".*\"evaluation\":(1|2|4|8|16|32|64|128|256|512|\\d*(256|512|768|024)),.*")),
                stays.toString());
    }

    /**
     * comet-2rtt on WiFi: threshold 2 × 10 ms = 20 ms. The server is ready only after the
     * handshake (its dex request and the app's code), about 20 ms in, so the first evaluation
     * already sees a little more than 20 ms: it migrates at once. Every decision saw SRTT 10 ms.
     */
    @Test
    void twoRttOnWifiLeavesAtTheFirstEvaluationPast20ms() {
        Recording p = new Recording("comet-2rtt");
        OffloadRun.Result r = run("Phases", "1000000", "comet-wifi", p);
        assertEquals(r.local().stdout(), r.offload().stdout());
        for (int i = 0; i < p.seen.size(); i++) {
            OffloadPolicy.Decision d = p.seen.get(i);
            assertEquals(10 * MS, d.srttNanos(), "constant 5 ms one way");
            assertEquals(d.localNanos() > 20 * MS, p.answers.get(i), "decision " + i);
        }
        int first = p.firstMigration();
        assertTrue(first >= 0);
        long local = p.seen.get(first).localNanos();
        assertTrue(local > 20 * MS && (first == 0 || local <= 20 * MS + interval(p)), "first past 20 ms: " + local);
        assertEquals(1, r.phone().migrationsOut());
    }

    /**
     * comet-2rtt on 3G: threshold 2 × 200 ms = 400 ms. {@code Phases 1000000 6}: six 242 ms
     * phases, each ended by a print that restarts the thread's phone clock, so no evaluation can
     * see more than 242 ms: it never migrates, even once the server is ready (the 3G handshake
     * takes a few phases). threshold:50ms on the same program and link does (it ignores the
     * link): in every phase after the server is ready.
     */
    @Test
    void twoRttOn3gKeepsPhasesShorterThanTwoRtts() {
        String[] args = {"1000000", "6"};
        Recording p = new Recording("comet-2rtt");
        OffloadRun.Result r = run("Phases", args, "comet-3g", p);
        assertEquals(r.local().stdout(), r.offload().stdout());
        assertFalse(p.seen.isEmpty(), "it was asked");
        for (OffloadPolicy.Decision d : p.seen) {
            assertEquals(200 * MS, d.srttNanos(), "constant 100 ms one way");
            assertTrue(d.localNanos() < 250 * MS, "a phase is 242 ms: " + d.localNanos());
        }
        assertEquals(-1, p.firstMigration());
        assertEquals(0, r.phone().migrationsOut());
        Recording t = new Recording("threshold:50ms");
        OffloadRun.Result rt = run("Phases", args, "comet-3g", t);
        assertEquals(r.local().stdout(), rt.offload().stdout());
        assertTrue(rt.phone().migrationsOut() >= 1, "threshold:50ms offloads on 3G too");
        for (int i = 0; i < t.seen.size(); i++) {
            assertEquals(t.seen.get(i).localNanos() > 50 * MS, t.answers.get(i), "decision " + i);
        }
    }

    /**
     * What a sync would ship, from the dirty set: {@code DirtyArray} fills an int[100 000] on the
     * server (offloaded by {@code always}), comes home to print, rewrites every element on the
     * phone and then computes without writing. Derivation: during that last loop the whole array
     * is dirty, 100 000 elements × 4 bytes = 400 000 bytes, plus at most a few dirty slots of
     * other objects (the loop writes none); before the rewrite nothing of it is dirty here.
     */
    @Test
    void pendingSyncBytesCountTheDirtyArray() {
        Recording p = new Recording("threshold:10s"); // asked, never migrates: the phone keeps its dirt
        OffloadRun.Result r = run("DirtyArray", "300000", "comet-wifi", p);
        assertEquals(r.local().stdout(), r.offload().stdout());
        // Nothing is tracked before a first push: nothing counted (the estimate is a lower bound).
        assertTrue(p.pendingBytes.stream().allMatch(b -> b == 0), p.pendingBytes.toString());
        Recording once = new Recording("always") {
            private boolean moved;

            @Override
            public boolean migrate(Decision d) {
                super.migrate(d);
                boolean go = !moved && !d.onServer();
                moved |= go;
                return go;
            }
        };
        OffloadRun.Result r2 = run("DirtyArray", "300000", "comet-wifi", once);
        assertEquals(r2.local().stdout(), r2.offload().stdout());
        assertEquals(1, r2.phone().migrationsOut(), "offloaded once, at the first evaluation");
        long max = once.pendingBytes.stream().mapToLong(Long::longValue).max().orElse(-1);
        assertTrue(max >= 400_000 && max < 400_000 + 1024, "the whole array is dirty: " + once.pendingBytes);
    }

    /**
     * A policy that observes methods sees every entry and exit on both endpoints. Derivation:
     * {@code DirtyArray} calls {@code spin} twice from {@code main}, so two entries and two exits
     * at depth 2 (main's frame is 1), wherever the thread was: a frame that migrates has its
     * entry on one endpoint and its exit on the other. The first call is offloaded (the policy
     * migrates at the first evaluation, inside it), so the server reports exits too.
     */
    @Test
    void methodObserverSeesEveryEntryAndExitOnBothEndpoints() {
        List<String> events = new ArrayList<>();
        Recording once = new Recording("always") {
            private boolean moved;

            @Override
            public boolean migrate(Decision d) {
                boolean go = !moved && !d.onServer();
                moved |= go;
                return go;
            }

            @Override
            public org.cometsim.offload.policy.MethodObserver methodObserver() {
                return new org.cometsim.offload.policy.MethodObserver() {
                    @Override
                    public void entered(int thread, org.cometsim.offload.policy.MethodId m, int depth, long now,
                                        boolean onServer) {
                        if (m.methodName().equals("spin")) {
                            events.add("enter " + m + " depth " + depth + (onServer ? " server" : " phone"));
                        }
                    }

                    @Override
                    public void exited(int thread, org.cometsim.offload.policy.MethodId m, int depth, long now,
                                       boolean onServer, boolean exceptional) {
                        if (m.methodName().equals("spin")) {
                            events.add("exit " + m + " depth " + depth + (onServer ? " server" : " phone"));
                        }
                    }
                };
            }
        };
        OffloadRun.Result r = run("DirtyArray", "300000", "comet-wifi", once);
        assertEquals(r.local().stdout(), r.offload().stdout());
        assertEquals(List.of("enter DirtyArray.spin(I)J depth 2 phone", "exit DirtyArray.spin(I)J depth 2 server",
                "enter DirtyArray.spin(I)J depth 2 phone", "exit DirtyArray.spin(I)J depth 2 phone"), events);
    }
}
