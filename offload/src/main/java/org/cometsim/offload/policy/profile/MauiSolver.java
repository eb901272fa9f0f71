package org.cometsim.offload.policy.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MAUI's 0-1 integer program over a profile's call graph [MAUI §6], policies-reference §5.2,
 * solved exactly.
 *
 * <p><b>Graph.</b> One vertex per profiled method plus a vertex for "a thread's start", fixed
 * local. T^l_v and T^r_v are the method's summed self times on the phone and (priced) on the server
 * (summing over calls plays the role of MAUI's loop scaling); E^l_v = phone CPU power × T^l_v.
 * Each caller→callee method pair (u ≠ v) is an edge with B_uv = calls × (X_in + X_out) of the
 * callee's state estimate (the crossing if u and v run on different sides) and C_uv the radio's
 * energy over B_uv. r_v = 0 (must run locally) for the entry method ({@code main}: the caller
 * of every other method on the phone) and for methods whose own code called a client-pinned native.
 *
 * <p><b>Objectives.</b> {@link Objective#ENERGY} (MAUI's): maximise the phone energy saved,
 * {@code Σ I_v·E^l_v − Σ |I_u − I_v|·C_uv}, subject to the latency constraint
 * {@code Σ[(1−I_v)T^l_v + I_v·T^r_v] + Σ|I_u − I_v|·B_uv ≤ L}, L = 1.05 × all-local time (MAUI's
 * default). {@link Objective#TIME} (our extension, reference §5.2): minimise that latency.
 *
 * <p><b>Solver.</b> MAUI names no solver package. With B, C ≥ 0 both problems are binary
 * labellings with non-negative "different sides" pair costs: the time objective is one minimum
 * s–t cut ({@link MinCut}), exact in polynomial time. The energy objective's latency constraint is
 * dualised (Lagrange multiplier λ ≥ 0: each relaxation is again one minimum cut, and gives a
 * lower bound on the phone energy) inside a depth-first branch and bound that fixes variables
 * until the bound meets the best feasible labelling found; the search is exact when it finishes
 * within {@link #NODE_LIMIT} nodes ({@link Solution#exact}), which the profiles we have reach in
 * a few nodes (the relaxation is usually tight).
 */
public final class MauiSolver {
    /** Branch-and-bound nodes at most, beyond which the best feasible labelling so far is returned, marked inexact. */
    public static final int NODE_LIMIT = 5000;
    /** MAUI's latency slack: L = (1 + 5 %) × all-local time [MAUI §6]. */
    public static final double LATENCY_SLACK = 0.05;

    public enum Objective { TIME, ENERGY }

    /**
     * A decision: which methods run remotely, and what the model predicts for it.
     *
     * @param remote ids of the methods with I_v = 1
     * @param timeNanos the predicted completion (the constraint's left-hand side)
     * @param energyJoules the predicted phone energy: local CPU work plus transfers
     * @param exact whether optimality was proven
     * @param nodes branch-and-bound nodes used (1 for the time objective)
     */
    public record Solution(List<Integer> remote, double timeNanos, double energyJoules, boolean exact, int nodes) {
    }

    private final int n; // vertices: methods 0..m-1, vertex m = thread start
    private final double[] tl;
    private final double[] tr;
    private final double[] el;
    private final boolean[] remoteable;
    private final List<int[]> pairs = new ArrayList<>();
    private final List<double[]> pairCost = new ArrayList<>(); // {B_uv ns, C_uv J}
    private final double allLocalNanos;

    public MauiSolver(Profile p, Environment env) {
        int m = p.methods().size();
        n = m + 1;
        tl = new double[n];
        tr = new double[n];
        el = new double[n];
        remoteable = new boolean[n];
        double local = 0;
        for (Profile.Method x : p.methods()) {
            tl[x.id()] = x.phoneSelfNanos();
            tr[x.id()] = x.serverSelfNanos();
            el[x.id()] = env.cpuJoules(x.phoneSelfNanos());
            remoteable[x.id()] = !x.pinnedSelf();
            local += x.phoneSelfNanos();
        }
        allLocalNanos = local;
        Map<Long, double[]> merged = new HashMap<>();
        for (Profile.Edge e : p.edges()) {
            int u = e.caller() < 0 ? m : e.caller();
            int v = e.callee();
            if (e.caller() < 0) {
                remoteable[v] = false; // a thread's first method: the entry point stays on the phone
            }
            if (u == v) {
                continue; // self-edges never cross
            }
            long bytes = p.methods().get(v).stateBytes();
            long ns = e.calls() * (env.inNanos(bytes) + env.outNanos(bytes));
            int a = Math.min(u, v);
            int b = Math.max(u, v);
            double[] c = merged.computeIfAbsent(((long) a << 32) | b, k -> new double[2]);
            c[0] += ns;
            c[1] += env.radioJoules(ns);
        }
        merged.keySet().stream().sorted().forEach(k -> {
            pairs.add(new int[] {(int) (k >>> 32), (int) (long) k});
            pairCost.add(merged.get(k));
        });
    }

    /** The all-local time Σ T^l_v. */
    public double allLocalNanos() {
        return allLocalNanos;
    }

    public Solution solve(Objective objective) {
        int[] fixed = new int[n]; // -1 free, 0 local, 1 remote
        java.util.Arrays.fill(fixed, -1);
        for (int v = 0; v < n; v++) {
            if (!remoteable[v] || v == n - 1) {
                fixed[v] = 0;
            }
        }
        if (objective == Objective.TIME) {
            int[] x = cut(fixed, 0, 1);
            return solution(x, true, 1);
        }
        double limit = (1 + LATENCY_SLACK) * allLocalNanos;
        Search s = new Search(limit);
        int[] allLocal = new int[n];
        s.offer(allLocal); // always feasible
        s.branch(fixed);
        return solution(s.best, s.nodes <= NODE_LIMIT, s.nodes);
    }

    private final class Search {
        final double limit;
        int[] best;
        double bestEnergy = Double.POSITIVE_INFINITY;
        int nodes;

        Search(double limit) {
            this.limit = limit;
        }

        void offer(int[] x) {
            if (time(x) <= limit * (1 + 1e-12)) {
                double e = energy(x);
                if (e < bestEnergy - 1e-15) {
                    bestEnergy = e;
                    best = x.clone();
                }
            }
        }

        void branch(int[] fixed) {
            if (++nodes > NODE_LIMIT) {
                return;
            }
            // λ = 0: the energy-only labelling; feasible means optimal under these fixings.
            int[] x0 = cut(fixed, 1, 0);
            offer(x0);
            if (time(x0) <= limit) {
                return;
            }
            // Bisection for the multiplier where the relaxation turns feasible; track the best dual bound.
            double lo = 0;
            double hi = 1e-9;
            int[] xHi = cut(fixed, 1, hi);
            double bound = dual(x0, 0);
            for (int k = 0; k < 60 && time(xHi) > limit; k++) {
                lo = hi;
                bound = Math.max(bound, dual(xHi, hi));
                hi *= 4;
                xHi = cut(fixed, 1, hi);
            }
            offer(xHi);
            if (time(xHi) > limit) {
                return; // nothing feasible under these fixings
            }
            int[] xLo = cut(fixed, 1, lo);
            for (int k = 0; k < 40; k++) {
                double mid = (lo + hi) / 2;
                int[] xm = cut(fixed, 1, mid);
                bound = Math.max(bound, dual(xm, mid));
                if (time(xm) > limit) {
                    lo = mid;
                    xLo = xm;
                } else {
                    hi = mid;
                    xHi = xm;
                    offer(xm);
                }
            }
            bound = Math.max(bound, Math.max(dual(xLo, lo), dual(xHi, hi)));
            if (bound >= bestEnergy - 1e-12 * Math.max(1, Math.abs(bestEnergy))) {
                return;
            }
            // Branch on a free variable where the infeasible and the feasible relaxations disagree.
            int v = -1;
            for (int k = 0; k < n; k++) {
                if (fixed[k] < 0 && xLo[k] != xHi[k]) {
                    v = k;
                    break;
                }
            }
            if (v < 0) {
                for (int k = 0; k < n; k++) {
                    if (fixed[k] < 0) {
                        v = k;
                        break;
                    }
                }
            }
            if (v < 0) {
                return;
            }
            int first = xHi[v];
            for (int label : new int[] {first, 1 - first}) {
                int[] f = fixed.clone();
                f[v] = label;
                branch(f);
            }
        }

        /** The Lagrangian value of labelling x at λ: a lower bound on the constrained optimum when x minimises it. */
        double dual(int[] x, double lambda) {
            return energy(x) + lambda * (time(x) - limit);
        }
    }

    /** The labelling minimising {@code wE·energy + wT·time} under the fixings. */
    private int[] cut(int[] fixed, double wE, double wT) {
        MinCut g = new MinCut(n);
        for (int v = 0; v < n; v++) {
            double c0 = wE * el[v] + wT * tl[v];
            double c1 = wT * tr[v];
            if (fixed[v] == 0) {
                c1 = Double.POSITIVE_INFINITY;
            } else if (fixed[v] == 1) {
                c0 = Double.POSITIVE_INFINITY;
            }
            g.unary(v, c0, c1);
        }
        for (int k = 0; k < pairs.size(); k++) {
            double[] c = pairCost.get(k);
            g.pair(pairs.get(k)[0], pairs.get(k)[1], wE * c[1] + wT * c[0]);
        }
        return g.solve();
    }

    /** The latency: local and remote work plus crossings. */
    public double time(int[] x) {
        double t = 0;
        for (int v = 0; v < n; v++) {
            t += x[v] == 1 ? tr[v] : tl[v];
        }
        for (int k = 0; k < pairs.size(); k++) {
            if (x[pairs.get(k)[0]] != x[pairs.get(k)[1]]) {
                t += pairCost.get(k)[0];
            }
        }
        return t;
    }

    /** Phone energy: local CPU work plus transfers (MAUI leaves the idle wait out, and so do we). */
    public double energy(int[] x) {
        double e = 0;
        for (int v = 0; v < n; v++) {
            if (x[v] == 0) {
                e += el[v];
            }
        }
        for (int k = 0; k < pairs.size(); k++) {
            if (x[pairs.get(k)[0]] != x[pairs.get(k)[1]]) {
                e += pairCost.get(k)[1];
            }
        }
        return e;
    }

    private Solution solution(int[] x, boolean exact, int nodes) {
        List<Integer> remote = new ArrayList<>();
        for (int v = 0; v < n - 1; v++) {
            if (x[v] == 1) {
                remote.add(v);
            }
        }
        return new Solution(remote, time(x), energy(x), exact, nodes);
    }

    /** Exhaustive check for tests: the best labelling over all assignments of the remoteable methods (few only). */
    Solution bruteForce(Objective objective) {
        List<Integer> free = new ArrayList<>();
        for (int v = 0; v < n - 1; v++) {
            if (remoteable[v]) {
                free.add(v);
            }
        }
        if (free.size() > 20) {
            throw new IllegalStateException("too many remoteable methods for brute force: " + free.size());
        }
        double limit = (1 + LATENCY_SLACK) * allLocalNanos;
        int[] best = new int[n];
        double bestValue = Double.POSITIVE_INFINITY;
        for (long mask = 0; mask < (1L << free.size()); mask++) {
            int[] x = new int[n];
            for (int k = 0; k < free.size(); k++) {
                x[free.get(k)] = (int) ((mask >>> k) & 1);
            }
            double value;
            if (objective == Objective.TIME) {
                value = time(x);
            } else {
                value = time(x) <= limit * (1 + 1e-12) ? energy(x) : Double.POSITIVE_INFINITY;
            }
            if (bestValue == Double.POSITIVE_INFINITY ? value < bestValue
                    : value < bestValue - 1e-9 * Math.max(1, Math.abs(bestValue))) {
                bestValue = value;
                best = x;
            }
        }
        return solution(best, true, (int) Math.min(Integer.MAX_VALUE, 1L << free.size()));
    }
}
