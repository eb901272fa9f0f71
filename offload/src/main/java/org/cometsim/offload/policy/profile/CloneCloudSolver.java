package org.cometsim.offload.policy.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CloneCloud's offline partitioning [CC, EuroSys 2011] over a profile, as policies-reference §5.3
 * reconstructs it (the paper's §3 could not be read: the formulation below is UNVERIFIED against
 * it). One binary R_m per method: "migrate at every entry of m, re-integrate at its exit".
 *
 * <pre>
 * minimise   Σ_i p_i + Σ_m w_m·R_m,
 *            w_m = Σ_{invocations j of m} [ Σ_{i ∈ sub(j)} (s_i − p_i) + X_in(j) + X_out(j) ]
 * subject to R_m = 0 for the entry method (a thread's first method)
 *            R_m = 0 if an invocation of m has a client-pinned native call below it  (pinned)
 *            R_m1 + R_m2 ≤ 1 if an invocation of m2 lies strictly below one of m1  (no nesting)
 *            R_m = 0 if m is recursive (appears twice on one path)
 * </pre>
 * The no-nesting rows make each invocation's location 0 or 1, so the objective is exact. Sub-tree
 * sums come from the profile's calling-context tree (inclusive phone and server time of the
 * method's nodes), X from the {@link Environment} and the method's state estimate. The problem is
 * a maximum-weight independent set over the methods with w_m &lt; 0 (the others are never worth
 * setting), solved exactly by branch and bound (include / exclude the candidate of largest gain,
 * bound = gains so far + gains of the remaining compatible candidates); it is exact when it ends
 * within {@link #NODE_LIMIT} nodes. Solved once per link before the run (the paper's partition
 * database keyed by network, looked up at launch); never re-solved during the run.
 */
public final class CloneCloudSolver {
    public static final int NODE_LIMIT = 2_000_000;

    /**
     * @param migrationPoints ids of the methods with R_m = 1
     * @param predictedNanos Σ p_i + Σ w_m R_m
     * @param exact whether the search finished
     */
    public record Solution(List<Integer> migrationPoints, double predictedNanos, boolean exact, long nodes) {
    }

    private final double[] w;
    private final boolean[] allowed;
    private final boolean[][] conflict;
    private final double allLocal;

    public CloneCloudSolver(Profile p, Environment env) {
        int m = p.methods().size();
        w = new double[m];
        allowed = new boolean[m];
        conflict = new boolean[m][];
        long[][] inc = p.inclusive();
        boolean[] pinnedBelow = p.pinnedBelow();
        Arrays.fill(allowed, true);
        for (Profile.Method x : p.methods()) {
            if (x.pinnedTransitive() || x.recursive()) {
                allowed[x.id()] = false;
            }
            long bytes = x.stateBytes();
            w[x.id()] = (double) x.calls() * (env.inNanos(bytes) + env.outNanos(bytes));
        }
        for (Profile.Edge e : p.edges()) {
            if (e.caller() < 0) {
                allowed[e.callee()] = false;
            }
        }
        List<Profile.Node> nodes = p.nodes();
        for (Profile.Node node : nodes) {
            if (node.method() < 0) {
                continue;
            }
            w[node.method()] += inc[node.id()][1] - inc[node.id()][0];
            if (pinnedBelow[node.id()]) {
                allowed[node.method()] = false;
            }
        }
        double local = 0;
        for (Profile.Node node : nodes) {
            local += node.phoneSelfNanos();
        }
        allLocal = local;
        // No nesting: every candidate ancestor of a candidate node.
        for (Profile.Node node : nodes) {
            int m2 = node.method();
            if (m2 < 0 || !candidate(m2)) {
                continue;
            }
            for (int a = node.parent(); a >= 0; a = nodes.get(a).parent()) {
                int m1 = nodes.get(a).method();
                if (m1 >= 0 && m1 != m2 && candidate(m1)) {
                    row(m1)[m2] = true;
                    row(m2)[m1] = true;
                }
            }
        }
    }

    private boolean[] row(int m) {
        if (conflict[m] == null) {
            conflict[m] = new boolean[w.length];
        }
        return conflict[m];
    }

    private boolean candidate(int m) {
        return allowed[m] && w[m] < 0;
    }

    /** w_m of each method (negative: worth migrating at on its own). */
    public double weight(int method) {
        return w[method];
    }

    public Solution solve() {
        List<Integer> cands = new ArrayList<>();
        for (int m = 0; m < w.length; m++) {
            if (candidate(m)) {
                cands.add(m);
            }
        }
        cands.sort((a, b) -> Double.compare(w[a], w[b]) != 0 ? Double.compare(w[a], w[b]) : Integer.compare(a, b));
        int k = cands.size();
        int[] c = cands.stream().mapToInt(Integer::intValue).toArray();
        double[] gain = new double[k];
        for (int i = 0; i < k; i++) {
            gain[i] = -w[c[i]];
        }
        Search s = new Search(c, gain);
        s.run(0, new boolean[k], 0);
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (s.best[i]) {
                chosen.add(c[i]);
            }
        }
        chosen.sort(null);
        return new Solution(chosen, allLocal - s.bestGain, s.nodes <= NODE_LIMIT, s.nodes);
    }

    private final class Search {
        final int[] c;
        final double[] gain;
        boolean[] best;
        double bestGain;
        long nodes;

        Search(int[] c, double[] gain) {
            this.c = c;
            this.gain = gain;
            this.best = new boolean[c.length];
        }

        void run(int i, boolean[] chosen, double g) {
            if (++nodes > NODE_LIMIT) {
                return;
            }
            if (g > bestGain) {
                bestGain = g;
                best = chosen.clone();
            }
            double rest = 0;
            for (int j = i; j < c.length; j++) {
                if (compatible(j, chosen)) {
                    rest += gain[j];
                }
            }
            if (g + rest <= bestGain) {
                return;
            }
            int j = i;
            while (j < c.length && !compatible(j, chosen)) {
                j++;
            }
            if (j == c.length) {
                return;
            }
            chosen[j] = true;
            run(j + 1, chosen, g + gain[j]);
            chosen[j] = false;
            run(j + 1, chosen, g);
        }

        boolean compatible(int j, boolean[] chosen) {
            boolean[] row = conflict[c[j]];
            if (row == null) {
                return true;
            }
            for (int i = 0; i < c.length; i++) {
                if (chosen[i] && row[c[i]]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Exhaustive check for tests (few candidates only). */
    Solution bruteForce() {
        List<Integer> cands = new ArrayList<>();
        for (int m = 0; m < w.length; m++) {
            if (candidate(m)) {
                cands.add(m);
            }
        }
        double bestGain = 0;
        long bestMask = 0;
        for (long mask = 0; mask < (1L << cands.size()); mask++) {
            double g = 0;
            boolean ok = true;
            for (int i = 0; i < cands.size() && ok; i++) {
                if ((mask >>> i & 1) == 0) {
                    continue;
                }
                g -= w[cands.get(i)];
                for (int j = 0; j < i; j++) {
                    if ((mask >>> j & 1) != 0 && conflict[cands.get(i)] != null && conflict[cands.get(i)][cands.get(j)]) {
                        ok = false;
                    }
                }
            }
            if (ok && g > bestGain) {
                bestGain = g;
                bestMask = mask;
            }
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < cands.size(); i++) {
            if ((bestMask >>> i & 1) != 0) {
                chosen.add(cands.get(i));
            }
        }
        chosen.sort(null);
        return new Solution(chosen, allLocal - bestGain, true, 1L << cands.size());
    }
}
