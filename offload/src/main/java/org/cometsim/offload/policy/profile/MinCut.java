package org.cometsim.offload.policy.profile;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Exact minimiser of a binary labelling energy with non-negative pairwise terms,
 * {@code Σ_v unary_v(x_v) + Σ_(u,v) w_uv·[x_u ≠ x_v]}, by a minimum s–t cut (Dinic's max-flow):
 * the classic reduction for submodular pairwise energies (Kolmogorov and Zabih, PAMI 2004). A
 * vertex ends on the source side for label 0 (local) and on the sink side for label 1 (remote).
 * MAUI's problem with the time objective has exactly this form, and with the energy objective and
 * a Lagrange multiplier on its latency constraint too ({@link MauiSolver}).
 */
final class MinCut {
    private final int n;
    private final int s;
    private final int t;
    private int[] head;
    private int[] next = new int[16];
    private int[] to = new int[16];
    private double[] cap = new double[16];
    private int edges;

    MinCut(int vertices) {
        this.n = vertices + 2;
        this.s = vertices;
        this.t = vertices + 1;
        this.head = new int[n];
        Arrays.fill(head, -1);
    }

    private void arc(int u, int v, double c1, double c2) {
        if (edges + 2 > to.length) {
            int m = to.length * 2;
            next = Arrays.copyOf(next, m);
            to = Arrays.copyOf(to, m);
            cap = Arrays.copyOf(cap, m);
        }
        to[edges] = v;
        cap[edges] = c1;
        next[edges] = head[u];
        head[u] = edges++;
        to[edges] = u;
        cap[edges] = c2;
        next[edges] = head[v];
        head[v] = edges++;
    }

    /** Costs of giving vertex v label 0 and label 1 (either may be infinite, not both). */
    void unary(int v, double cost0, double cost1) {
        double m = Math.min(cost0, cost1);
        double c0 = cost0 - m;
        double c1 = cost1 - m;
        if (c1 > 0) {
            arc(s, v, c1, 0); // cut when v is labelled 1 (sink side)
        }
        if (c0 > 0) {
            arc(v, t, c0, 0); // cut when v is labelled 0 (source side)
        }
    }

    /** Cost w ≥ 0 when u and v get different labels. */
    void pair(int u, int v, double w) {
        if (w > 0) {
            arc(u, v, w, w);
        }
    }

    /** The labels of a minimum labelling (index v: 0 or 1). */
    int[] solve() {
        int[] level = new int[n];
        int[] it = new int[n];
        while (true) {
            Arrays.fill(level, -1);
            level[s] = 0;
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(s);
            while (!q.isEmpty()) {
                int u = q.poll();
                for (int e = head[u]; e >= 0; e = next[e]) {
                    if (cap[e] > 1e-12 && level[to[e]] < 0) {
                        level[to[e]] = level[u] + 1;
                        q.add(to[e]);
                    }
                }
            }
            if (level[t] < 0) {
                break;
            }
            System.arraycopy(head, 0, it, 0, n);
            while (dfs(s, Double.POSITIVE_INFINITY, level, it) > 1e-12) {
                // augment until blocked
            }
        }
        // Source side (reachable in the residual graph) = label 0.
        boolean[] reach = new boolean[n];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(s);
        reach[s] = true;
        while (!q.isEmpty()) {
            int u = q.poll();
            for (int e = head[u]; e >= 0; e = next[e]) {
                if (cap[e] > 1e-12 && !reach[to[e]]) {
                    reach[to[e]] = true;
                    q.add(to[e]);
                }
            }
        }
        int[] label = new int[n - 2];
        for (int v = 0; v < n - 2; v++) {
            label[v] = reach[v] ? 0 : 1;
        }
        return label;
    }

    private double dfs(int u, double f, int[] level, int[] it) {
        if (u == t) {
            return f;
        }
        for (; it[u] >= 0; it[u] = next[it[u]]) {
            int e = it[u];
            int v = to[e];
            if (cap[e] > 1e-12 && level[v] == level[u] + 1) {
                double d = dfs(v, Math.min(f, cap[e]), level, it);
                if (d > 1e-12) {
                    if (cap[e] != Double.POSITIVE_INFINITY) {
                        cap[e] -= d;
                    }
                    if (cap[e ^ 1] != Double.POSITIVE_INFINITY) {
                        cap[e ^ 1] += d;
                    }
                    return d;
                }
            }
        }
        return 0;
    }
}
