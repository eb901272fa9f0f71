package org.cometsim.workloads.apps.tripplanner;

import org.cometsim.workloads.apps.Lcg;

/**
 * A generated city: an n-by-n grid of intersections joined by two-way roads stored in compressed
 * sparse row form. Weights are travel times: ordinary streets 10..40, arterial roads (every 8th row and
 * column) 3..6; about 8% of street segments are closed.
 */
final class CityGraph {
    static final int MIN_WEIGHT = 3;

    final int side;
    final int nodes;
    final int[] first; // edges of node v are first[v] .. first[v+1]-1
    final int[] to;
    final int[] weight;

    private CityGraph(int side, int[] first, int[] to, int[] weight) {
        this.side = side;
        this.nodes = side * side;
        this.first = first;
        this.to = to;
        this.weight = weight;
    }

    static CityGraph generate(int side, long seed) {
        Lcg rnd = new Lcg(seed);
        int nodes = side * side;
        // Horizontal segment (x,y)-(x+1,y) has index y*side+x; vertical (x,y)-(x,y+1) the same in vert.
        int[] horiz = new int[nodes];
        int[] vert = new int[nodes];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int id = y * side + x;
                horiz[id] = x + 1 < side ? segmentWeight(rnd, y % 8 == 0) : 0;
                vert[id] = y + 1 < side ? segmentWeight(rnd, x % 8 == 0) : 0;
            }
        }
        int[] degree = new int[nodes + 1];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int id = y * side + x;
                if (horiz[id] > 0) {
                    degree[id]++;
                    degree[id + 1]++;
                }
                if (vert[id] > 0) {
                    degree[id]++;
                    degree[id + side]++;
                }
            }
        }
        int[] first = new int[nodes + 1];
        for (int v = 0; v < nodes; v++) {
            first[v + 1] = first[v] + degree[v];
        }
        int[] fill = new int[nodes];
        int[] to = new int[first[nodes]];
        int[] weight = new int[first[nodes]];
        for (int id = 0; id < nodes; id++) {
            if (horiz[id] > 0) {
                addEdge(first, fill, to, weight, id, id + 1, horiz[id]);
                addEdge(first, fill, to, weight, id + 1, id, horiz[id]);
            }
            if (vert[id] > 0) {
                addEdge(first, fill, to, weight, id, id + side, vert[id]);
                addEdge(first, fill, to, weight, id + side, id, vert[id]);
            }
        }
        return new CityGraph(side, first, to, weight);
    }

    private static int segmentWeight(Lcg rnd, boolean arterial) {
        if (arterial) {
            return MIN_WEIGHT + rnd.nextInt(4);
        }
        if (rnd.nextInt(100) < 8) {
            return 0; // closed
        }
        return 10 + rnd.nextInt(31);
    }

    private static void addEdge(int[] first, int[] fill, int[] to, int[] weight, int a, int b, int w) {
        int slot = first[a] + fill[a]++;
        to[slot] = b;
        weight[slot] = w;
    }

    int edges() {
        return to.length;
    }

    /** Admissible A* heuristic: Manhattan distance times the cheapest segment weight. */
    int heuristic(int a, int b) {
        int dx = a % side - b % side;
        int dy = a / side - b / side;
        return ((dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy)) * MIN_WEIGHT;
    }
}
