package org.cometsim.cold;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.alg.interfaces.SpanningTreeAlgorithm;
import org.jgrapht.alg.spanning.KruskalMinimumSpanningTree;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Graph algorithms with jgrapht: a seeded random road network, then shortest paths, a minimum
 * spanning tree, connected components and a maximum flow. Prints figures only (no hash order).
 * Argument: the number of vertices (default 800).
 */
public final class GraphRoutes {
    private GraphRoutes() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 800;
        Random rnd = new Random(17);
        Graph<Integer, DefaultWeightedEdge> roads = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < n; v++) {
            roads.addVertex(v);
        }
        for (int v = 1; v < n; v++) {
            if (rnd.nextInt(50) != 0) { // a few isolated pieces, so components are interesting
                link(roads, v, rnd.nextInt(v), 1 + rnd.nextInt(100));
            }
        }
        for (int k = 0; k < 2 * n; k++) {
            link(roads, rnd.nextInt(n), rnd.nextInt(n), 1 + rnd.nextInt(100));
        }
        System.out.println("vertices " + roads.vertexSet().size() + ", edges " + roads.edgeSet().size());

        DijkstraShortestPath<Integer, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(roads);
        long total = 0;
        int reached = 0;
        int longestHops = 0;
        for (int k = 0; k < 40; k++) {
            int from = rnd.nextInt(n);
            int to = rnd.nextInt(n);
            GraphPath<Integer, DefaultWeightedEdge> p = dijkstra.getPath(from, to);
            if (p != null) {
                reached++;
                total += (long) p.getWeight();
                longestHops = Math.max(longestHops, p.getLength());
            }
        }
        System.out.println("shortest paths: " + reached + "/40 reached, total length " + total + ", most hops " + longestHops);

        SpanningTreeAlgorithm.SpanningTree<DefaultWeightedEdge> mst = new KruskalMinimumSpanningTree<>(roads).getSpanningTree();
        System.out.println("spanning forest: " + mst.getEdges().size() + " edges, weight " + (long) mst.getWeight());

        List<Set<Integer>> components = new ConnectivityInspector<>(roads).connectedSets();
        int largest = 0;
        for (Set<Integer> c : components) {
            largest = Math.max(largest, c.size());
        }
        System.out.println("components: " + components.size() + ", largest " + largest);

        Graph<Integer, DefaultWeightedEdge> pipes = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        int m = Math.max(10, n / 5);
        for (int v = 0; v < m; v++) {
            pipes.addVertex(v);
        }
        for (int k = 0; k < 6 * m; k++) {
            int a = rnd.nextInt(m);
            int b = rnd.nextInt(m);
            if (a != b && !pipes.containsEdge(a, b)) {
                pipes.setEdgeWeight(pipes.addEdge(a, b), 1 + rnd.nextInt(20));
            }
        }
        List<Double> flows = new ArrayList<>();
        EdmondsKarpMFImpl<Integer, DefaultWeightedEdge> flow = new EdmondsKarpMFImpl<>(pipes);
        for (int k = 1; k <= 5; k++) {
            flows.add(flow.getMaximumFlowValue(0, m - k));
        }
        System.out.println("max flows from 0: " + flows);
    }

    private static void link(Graph<Integer, DefaultWeightedEdge> g, int a, int b, int weight) {
        if (a != b && !g.containsEdge(a, b)) {
            g.setEdgeWeight(g.addEdge(a, b), weight);
        }
    }
}
