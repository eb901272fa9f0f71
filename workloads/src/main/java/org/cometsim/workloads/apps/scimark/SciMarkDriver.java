package org.cometsim.workloads.apps.scimark;

import jnt.scimark2.FFT;
import jnt.scimark2.LU;
import jnt.scimark2.MonteCarlo;
import jnt.scimark2.Random;
import jnt.scimark2.SOR;
import jnt.scimark2.SparseCompRow;
import jnt.scimark2.commandline;
import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;

/**
 * Driver for SciMark 2.0 ({@code gov.nist.math:scimark:2.0}, class path entry scimark; COMET category:
 * math tools). Two modes, chosen by the second argument:
 * <ul>
 *   <li>{@code fixed} (default): runs each kernel (FFT, SOR, Monte Carlo, sparse mat-mult, LU) at
 *       SciMark's standard problem sizes for a fixed number of cycles and prints a checksum of the
 *       numerical results instead of Mflops. Fully deterministic.</li>
 *   <li>{@code timed}: runs SciMark's own {@code jnt.scimark2.commandline.main} with a minimum time per
 *       kernel (small 0.01 s, medium 0.25 s, paper SciMark's default 2 s) and prints everything SciMark
 *       prints. Scores, and the java./os. property lines, differ run to run: ignore lines matching
 *       {@link #TIMED_IGNORE}. SciMark doubles the cycle count until the kernel runs for the minimum time,
 *       so the work done depends on the clock.</li>
 * </ul>
 * <p>Usage: {@code SciMarkDriver small|medium|paper [fixed|timed]}. Fixed-mode cycles per kernel scale
 * 1 : 10 : 50 (FFT 1024 x 4/40/200 transform+inverse pairs, SOR 100x100 x 4/40/200 sweeps, Monte Carlo
 * 50k/500k/2.5M samples, sparse 1000/5000 x 20/200/1000, LU 100x100 x 1/10/50 factor+solve).
 */
public final class SciMarkDriver {
    /** Lines of timed-mode output that vary between runs (a java.util.regex pattern, whole-line match). */
    public static final String TIMED_IGNORE =
            "(Composite Score:|FFT \\(|SOR \\(|Monte Carlo|Sparse matmult|LU \\(|java\\.|os\\.).*";

    private SciMarkDriver() {
    }

    public static void main(String[] args) {
        int size = AppArgs.size(args);
        String mode = AppArgs.stringArg(args, 1, "fixed");
        if (mode.equals("timed")) {
            String minTime = size == AppArgs.SMALL ? "0.01" : size == AppArgs.MEDIUM ? "0.25" : "2.0";
            System.out.println("scimark size=" + AppArgs.sizeName(size) + " mode=timed minTime=" + minTime);
            commandline.main(new String[] {minTime});
            return;
        }
        if (!mode.equals("fixed")) {
            throw new IllegalArgumentException("mode must be fixed or timed: " + mode);
        }
        int scale = AppArgs.pick(size, 1, 10, 50);
        System.out.println("scimark size=" + AppArgs.sizeName(size) + " mode=fixed scale=" + scale);
        Checksum total = new Checksum();
        Random rnd = new Random(101010);

        // FFT: transform + inverse of 1024 complex numbers; should return the input.
        double[] fft = randomVector(2 * 1024, rnd);
        double[] fftOrig = new double[fft.length];
        System.arraycopy(fft, 0, fftOrig, 0, fft.length);
        for (int c = 0; c < 4 * scale; c++) {
            FFT.transform(fft);
            FFT.inverse(fft);
        }
        double fftErr = 0;
        for (int i = 0; i < fft.length; i++) {
            fftErr = Math.max(fftErr, Math.abs(fft[i] - fftOrig[i]));
        }
        report("FFT", new Checksum().addAll(fft), "maxError=" + fftErr, total);

        // SOR: 100x100 grid, omega 1.25.
        double[][] grid = randomMatrix(100, 100, rnd);
        SOR.execute(1.25, grid, 4 * scale);
        Checksum sor = new Checksum();
        for (int i = 0; i < grid.length; i++) {
            sor.addAll(grid[i]);
        }
        report("SOR", sor, "g[50][50]=" + grid[50][50], total);

        // Monte Carlo pi (MonteCarlo uses its own fixed seed).
        double pi = MonteCarlo.integrate(50_000 * scale);
        report("MonteCarlo", new Checksum().add(pi), "pi~" + pi, total);

        // Sparse matrix-vector multiply, built exactly as SciMark's kernel.measureSparseMatmult does.
        int n = 1000;
        int nz = 5000;
        double[] x = randomVector(n, rnd);
        double[] y = new double[n];
        int nr = nz / n;
        int anz = nr * n;
        double[] val = randomVector(anz, rnd);
        int[] col = new int[anz];
        int[] row = new int[n + 1];
        for (int r = 0; r < n; r++) {
            int rowr = row[r];
            row[r + 1] = rowr + nr;
            int step = r / nr;
            if (step < 1) {
                step = 1;
            }
            for (int i = 0; i < nr; i++) {
                col[rowr + i] = i * step;
            }
        }
        SparseCompRow.matmult(y, val, row, col, x, 20 * scale);
        report("SparseMatmult", new Checksum().addAll(y), "y[0]=" + y[0], total);

        // LU: factor and solve a random 100x100 system.
        double[][] a = randomMatrix(100, 100, rnd);
        double[] b = randomVector(100, rnd);
        double[][] lu = new double[100][100];
        int[] pivot = new int[100];
        double[] sol = new double[100];
        for (int c = 0; c < scale; c++) {
            for (int i = 0; i < 100; i++) {
                System.arraycopy(a[i], 0, lu[i], 0, 100);
            }
            System.arraycopy(b, 0, sol, 0, 100);
            LU.factor(lu, pivot);
            LU.solve(lu, pivot, sol);
        }
        double resid = 0;
        for (int i = 0; i < 100; i++) {
            double s = -b[i];
            for (int j = 0; j < 100; j++) {
                s += a[i][j] * sol[j];
            }
            resid = Math.max(resid, Math.abs(s));
        }
        report("LU", new Checksum().addAll(sol).addAll(pivot), "residual=" + resid, total);
        System.out.println("checksum=" + total.hex());
    }

    private static void report(String kernel, Checksum c, String detail, Checksum total) {
        total.add(c.value());
        System.out.println(kernel + ": " + detail + " checksum=" + c.hex());
    }

    private static double[] randomVector(int n, Random r) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble();
        }
        return v;
    }

    private static double[][] randomMatrix(int m, int n, Random r) {
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = r.nextDouble();
            }
        }
        return a;
    }
}
