package org.cometsim.workloads.apps.tripplanner;

import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;
import org.cometsim.workloads.apps.Lcg;

/**
 * Trip planner (COMET category: trip planner): answers random origin-destination queries on a generated
 * city grid with Dijkstra and with A*, checks that both agree, and reports travel times, the work each
 * algorithm did (settled nodes) and a checksum of the routes.
 *
 * <p>Usage: {@code TripPlanner small|medium|paper}. Sizes: 40x40 grid and 12 queries; 120x120 and 30; 300x300
 * and 60. Single-threaded; output fully deterministic.
 */
public final class TripPlanner {
    private TripPlanner() {
    }

    public static void main(String[] args) {
        int size = AppArgs.size(args);
        int side = AppArgs.pick(size, 40, 120, 300);
        int queries = AppArgs.pick(size, 12, 30, 60);
        CityGraph city = CityGraph.generate(side, 20120101L);
        RoutePlanner planner = new RoutePlanner(city);
        Lcg rnd = new Lcg(42);
        Checksum sum = new Checksum();
        long totalTime = 0;
        long dijkstraSettled = 0;
        long aStarSettled = 0;
        int unreachable = 0;
        for (int q = 0; q < queries; q++) {
            int src = rnd.nextInt(city.nodes);
            int dst = rnd.nextInt(city.nodes);
            int d1 = planner.route(src, dst, false);
            dijkstraSettled += planner.settledCount;
            int d2 = planner.route(src, dst, true);
            aStarSettled += planner.settledCount;
            if (d1 != d2) {
                throw new IllegalStateException("Dijkstra " + d1 + " != A* " + d2 + " for query " + q);
            }
            if (d1 == RoutePlanner.INF) {
                unreachable++;
                sum.add(-1);
                continue;
            }
            totalTime += d1;
            sum.add(d1).add(planner.pathLength(dst)).add(planner.pathHash(dst));
            if (q < 3) {
                System.out.println("query " + q + ": " + src + " -> " + dst + " time=" + d1
                        + " segments=" + planner.pathLength(dst));
            }
        }
        System.out.println("tripplanner size=" + AppArgs.sizeName(size) + " grid=" + side + "x" + side
                + " roads=" + city.edges() + " queries=" + queries + " unreachable=" + unreachable);
        System.out.println("total travel time=" + totalTime + " settled dijkstra=" + dijkstraSettled
                + " astar=" + aStarSettled);
        System.out.println("checksum=" + sum.hex());
    }
}
