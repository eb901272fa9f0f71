package org.cometsim.workloads.apps.tripplanner;

/** Dijkstra and A* shortest paths on a {@link CityGraph}; reusable scratch arrays, one query at a time. */
final class RoutePlanner {
    static final int INF = Integer.MAX_VALUE;

    private final CityGraph g;
    private final int[] dist;
    private final int[] prev;
    private final boolean[] settled;
    private final MinHeap heap;
    /** Nodes settled by the last query. */
    int settledCount;

    RoutePlanner(CityGraph g) {
        this.g = g;
        dist = new int[g.nodes];
        prev = new int[g.nodes];
        settled = new boolean[g.nodes];
        heap = new MinHeap(g.edges() + 1);
    }

    /** Shortest travel time from src to dst (INF if unreachable); aStar selects the heuristic. */
    int route(int src, int dst, boolean aStar) {
        for (int v = 0; v < g.nodes; v++) {
            dist[v] = INF;
            prev[v] = -1;
            settled[v] = false;
        }
        heap.clear();
        settledCount = 0;
        dist[src] = 0;
        heap.push(aStar ? g.heuristic(src, dst) : 0, src);
        while (!heap.isEmpty()) {
            int u = heap.pop();
            if (settled[u]) {
                continue;
            }
            settled[u] = true;
            settledCount++;
            if (u == dst) {
                return dist[u];
            }
            int du = dist[u];
            for (int e = g.first[u]; e < g.first[u + 1]; e++) {
                int v = g.to[e];
                int nd = du + g.weight[e];
                if (nd < dist[v]) {
                    dist[v] = nd;
                    prev[v] = u;
                    heap.push(aStar ? nd + g.heuristic(v, dst) : nd, v);
                }
            }
        }
        return INF;
    }

    /** Number of road segments on the last found path to dst, or -1. */
    int pathLength(int dst) {
        if (dist[dst] == INF) {
            return -1;
        }
        int n = 0;
        for (int v = dst; prev[v] >= 0; v = prev[v]) {
            n++;
        }
        return n;
    }

    /** Node ids of the last path (dst back to src) folded into a checksum value. */
    long pathHash(int dst) {
        long h = 17;
        if (dist[dst] == INF) {
            return h;
        }
        for (int v = dst; v >= 0; v = prev[v]) {
            h = h * 31 + v;
        }
        return h;
    }
}
