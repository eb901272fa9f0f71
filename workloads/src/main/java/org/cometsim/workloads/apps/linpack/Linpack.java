package org.cometsim.workloads.apps.linpack;

import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;

/**
 * Linpack-style benchmark (COMET category: math tools): generates the classic Linpack matrix (seed 1325),
 * factors it by Gaussian elimination with partial pivoting (dgefa), solves (dgesl) for a right-hand side
 * whose exact solution is all ones, and reports the normalised residual and a checksum of the solution.
 *
 * <p>Usage: {@code Linpack small|medium|paper}: n=100 x1, n=250 x2, n=500 x3 repetitions.
 * Single-threaded; output fully deterministic. Uses double[][] rows (one array per row, like Java Linpack).
 */
public final class Linpack {
    private Linpack() {
    }

    public static void main(String[] args) {
        int size = AppArgs.size(args);
        int n = AppArgs.pick(size, 100, 250, 500);
        int reps = AppArgs.pick(size, 1, 2, 3);
        Checksum sum = new Checksum();
        double residual = 0;
        double maxError = 0;
        for (int r = 0; r < reps; r++) {
            double[][] a = new double[n][n];
            double[] b = new double[n];
            double normA = matgen(a, b, n);
            double[][] lu = new double[n][];
            for (int i = 0; i < n; i++) {
                lu[i] = new double[n];
                System.arraycopy(a[i], 0, lu[i], 0, n);
            }
            double[] x = new double[n];
            System.arraycopy(b, 0, x, 0, n);
            int[] pivot = new int[n];
            int info = dgefa(lu, n, pivot);
            if (info != 0) {
                throw new IllegalStateException("singular matrix at column " + info);
            }
            dgesl(lu, n, pivot, x);
            // Residual r = A x - b, normalised as in Linpack: |r| / (n |A| |x| eps).
            double normR = 0;
            double normX = 0;
            maxError = 0;
            for (int i = 0; i < n; i++) {
                double s = -b[i];
                double[] row = a[i];
                for (int j = 0; j < n; j++) {
                    s += row[j] * x[j];
                }
                normR = Math.max(normR, Math.abs(s));
                normX = Math.max(normX, Math.abs(x[i]));
                maxError = Math.max(maxError, Math.abs(x[i] - 1.0));
            }
            residual = normR / (n * normA * normX * 2.220446049250313e-16);
            sum.addAll(x).addAll(pivot);
        }
        System.out.println("linpack size=" + AppArgs.sizeName(size) + " n=" + n + " reps=" + reps);
        System.out.println("normalised residual=" + residual + " max |x-1|=" + maxError);
        System.out.println("checksum=" + sum.hex());
    }

    /** Classic Linpack matgen: entries in [-2, 2), b = row sums; returns max |a_ij|. */
    static double matgen(double[][] a, double[] b, int n) {
        int seed = 1325;
        double norm = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                seed = 3125 * seed % 65536;
                a[i][j] = (seed - 32768.0) / 16384.0;
                norm = Math.max(norm, Math.abs(a[i][j]));
            }
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j];
            }
            b[i] = s;
        }
        return norm;
    }

    /** LU factorisation with partial pivoting, row-oriented; returns 0 or 1 + the singular column. */
    static int dgefa(double[][] a, int n, int[] pivot) {
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(a[k][k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(a[i][k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            pivot[k] = p;
            if (max == 0.0) {
                return k + 1;
            }
            if (p != k) {
                double[] t = a[p];
                a[p] = a[k];
                a[k] = t;
            }
            double[] rowK = a[k];
            double inv = 1.0 / rowK[k];
            for (int i = k + 1; i < n; i++) {
                double[] rowI = a[i];
                double m = rowI[k] * inv;
                rowI[k] = m;
                if (m != 0.0) {
                    for (int j = k + 1; j < n; j++) {
                        rowI[j] -= m * rowK[j];
                    }
                }
            }
        }
        return 0;
    }

    /** Solves L U x = P b in place, given dgefa's output (rows already swapped). */
    static void dgesl(double[][] a, int n, int[] pivot, double[] b) {
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double t = b[p];
                b[p] = b[k];
                b[k] = t;
            }
        }
        for (int i = 0; i < n; i++) {
            double[] row = a[i];
            double s = b[i];
            for (int j = 0; j < i; j++) {
                s -= row[j] * b[j];
            }
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            double[] row = a[i];
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= row[j] * b[j];
            }
            b[i] = s / row[i];
        }
    }
}
