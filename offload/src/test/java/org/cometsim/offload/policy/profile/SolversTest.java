package org.cometsim.offload.policy.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The exact solvers against exhaustive enumeration on random small profiles (random calling-context
 * trees over up to 9 methods, random pinned natives, state sizes and link costs), and the profile
 * format's round trip.
 */
class SolversTest {
    static Profile randomProfile(Random rnd) {
        int methods = 2 + rnd.nextInt(8);
        int nodeCount = 2 + rnd.nextInt(14);
        List<int[]> nodes = new ArrayList<>(); // {parent, method}
        nodes.add(new int[] {-1, -1});
        nodes.add(new int[] {0, 0}); // the entry method
        for (int k = 2; k < nodeCount; k++) {
            nodes.add(new int[] {1 + rnd.nextInt(k - 1), 1 + rnd.nextInt(methods - 1)});
        }
        long[] selfP = new long[methods];
        long[] selfS = new long[methods];
        long[] calls = new long[methods];
        boolean[] pinned = new boolean[methods];
        boolean[] recursive = new boolean[methods];
        List<Profile.Node> out = new ArrayList<>();
        java.util.Map<Long, Long> edges = new java.util.TreeMap<>();
        for (int k = 0; k < nodes.size(); k++) {
            int[] n = nodes.get(k);
            long c = n[1] < 0 ? 0 : 1 + rnd.nextInt(3);
            long p = n[1] < 0 ? 0 : rnd.nextInt(100_000_000);
            long s = p / (1 + rnd.nextInt(20));
            boolean pin = n[1] > 0 && rnd.nextInt(6) == 0;
            out.add(new Profile.Node(k, n[0], n[1], c, p, s, pin));
            if (n[1] >= 0) {
                selfP[n[1]] += p;
                selfS[n[1]] += s;
                calls[n[1]] += c;
                pinned[n[1]] |= pin;
                int parentMethod = nodes.get(n[0])[1];
                edges.merge(((long) (parentMethod + 1) << 32) | n[1], c, Long::sum);
                for (int a = n[0]; a >= 0; a = nodes.get(a)[0]) {
                    if (nodes.get(a)[1] == n[1]) {
                        recursive[n[1]] = true;
                    }
                }
            }
        }
        Profile skeleton = new Profile("R", "p", "s", 1, 0, 0, 0, List.of(), List.of(), out, List.of(), List.of());
        boolean[] below = skeleton.pinnedBelow();
        boolean[] pinT = new boolean[methods];
        for (Profile.Node n : out) {
            if (n.method() >= 0) {
                pinT[n.method()] |= below[n.id()];
            }
        }
        List<Profile.Method> ms = new ArrayList<>();
        for (int m = 0; m < methods; m++) {
            ms.add(new Profile.Method(m, "C", "m" + m, "()V", calls[m], selfP[m], selfS[m], 0, 0, rnd.nextInt(200_000), 1,
                    pinned[m], pinT[m], recursive[m]));
        }
        List<Profile.Edge> es = new ArrayList<>();
        edges.forEach((k, c) -> es.add(new Profile.Edge((int) (k >>> 32) - 1, (int) (long) k, c)));
        return new Profile("R", "p", "s", 1, 0, 0, 0, ms, es, out, List.of(),
                List.of(new OracleBound("l", 1, 2, 3, 4, true, List.of(1))));
    }

    static Environment randomEnv(Random rnd) {
        return new Environment("l", 1_000_000L * (1 + rnd.nextInt(100)), 0.0002 + rnd.nextDouble() * 0.01,
                0.0002 + rnd.nextDouble() * 0.01, 0.5, 0.1, 0.4 + rnd.nextDouble());
    }

    @Test
    void mauiMatchesExhaustiveSearch() {
        Random rnd = new Random(14);
        for (int trial = 0; trial < 300; trial++) {
            Profile p = randomProfile(rnd);
            Environment e = randomEnv(rnd);
            MauiSolver s = new MauiSolver(p, e);
            for (MauiSolver.Objective o : MauiSolver.Objective.values()) {
                MauiSolver.Solution got = s.solve(o);
                MauiSolver.Solution want = s.bruteForce(o);
                assertTrue(got.exact(), "trial " + trial);
                double g = o == MauiSolver.Objective.TIME ? got.timeNanos() : got.energyJoules();
                double w = o == MauiSolver.Objective.TIME ? want.timeNanos() : want.energyJoules();
                assertEquals(w, g, 1e-6 * Math.max(1, Math.abs(w)), "trial " + trial + " " + o + ": " + got + " vs " + want + "\n" + p.toJson());
                if (o == MauiSolver.Objective.ENERGY) {
                    assertTrue(got.timeNanos() <= 1.05 * s.allLocalNanos() * (1 + 1e-9), "the latency constraint holds");
                }
            }
        }
    }

    @Test
    void cloneCloudMatchesExhaustiveSearch() {
        Random rnd = new Random(15);
        for (int trial = 0; trial < 300; trial++) {
            Profile p = randomProfile(rnd);
            CloneCloudSolver s = new CloneCloudSolver(p, randomEnv(rnd));
            CloneCloudSolver.Solution got = s.solve();
            CloneCloudSolver.Solution want = s.bruteForce();
            assertTrue(got.exact());
            assertEquals(want.predictedNanos(), got.predictedNanos(), 1e-3, "trial " + trial);
            for (int m : got.migrationPoints()) {
                assertTrue(!p.methods().get(m).pinnedTransitive() && !p.methods().get(m).recursive() && m != 0,
                        "trial " + trial + ": " + m + " may not be a migration point");
            }
        }
    }

    @Test
    void profileJsonRoundTrips() {
        Profile p = randomProfile(new Random(3));
        assertEquals(p, Profile.parse(p.toJson()));
        assertEquals(p.toJson(), Profile.parse(p.toJson()).toJson());
    }
}
