package org.cometsim.workloads.apps.mandelbrot;

import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;

/**
 * Mandelbrot fractal (COMET category: math tools): escape-time iteration over a W x H grid of the region
 * [-2.2, 0.8] x [-1.2, 1.2]; reports total iterations, points inside the set and a checksum of all
 * iteration counts. The single-threaded twin of {@code parallelrender.ParallelRender}'s tiles.
 *
 * <p>Usage: {@code Mandelbrot small|medium|paper}: 160x120 (max 256 iterations), 480x360 (512),
 * 1280x960 (1000). Output fully deterministic.
 */
public final class Mandelbrot {
    private Mandelbrot() {
    }

    public static void main(String[] args) {
        int size = AppArgs.size(args);
        int w = AppArgs.pick(size, 160, 480, 1280);
        int h = AppArgs.pick(size, 120, 360, 960);
        int maxIter = AppArgs.pick(size, 256, 512, 1000);
        Checksum sum = new Checksum();
        long totalIter = 0;
        int inside = 0;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            computeRow(y, w, h, maxIter, row);
            for (int x = 0; x < w; x++) {
                totalIter += row[x];
                if (row[x] == maxIter) {
                    inside++;
                }
            }
            sum.addAll(row);
        }
        System.out.println("mandelbrot size=" + AppArgs.sizeName(size) + " " + w + "x" + h + " maxIter=" + maxIter);
        System.out.println("iterations=" + totalIter + " inside=" + inside);
        System.out.println("checksum=" + sum.hex());
    }

    /** Iteration counts of row y. */
    public static void computeRow(int y, int w, int h, int maxIter, int[] out) {
        double ci = -1.2 + 2.4 * y / h;
        for (int x = 0; x < w; x++) {
            double cr = -2.2 + 3.0 * x / w;
            double zr = 0;
            double zi = 0;
            int it = 0;
            while (it < maxIter) {
                double zr2 = zr * zr;
                double zi2 = zi * zi;
                if (zr2 + zi2 > 4.0) {
                    break;
                }
                zi = 2 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                it++;
            }
            out[x] = it;
        }
    }
}
