package org.cometsim.device.cpu.calibration;

/**
 * Non-negative least squares, {@code min ‖A·x − b‖₂ subject to x ≥ 0}, by the Lawson–Hanson active-set
 * method (Lawson &amp; Hanson, <i>Solving Least Squares Problems</i>, 1974, ch. 23). Used by
 * {@link CalibrationFit} to fit nanoseconds per opcode class to kernel timings.
 *
 * <p>Columns are scaled to unit norm internally (instruction counts differ by orders of magnitude between
 * classes) and all-zero columns get 0. The sub-problems on the passive set are solved through the normal
 * equations with partial-pivot Gaussian elimination; near-singular pivots (collinear columns) are
 * treated as zero so the solver still returns a (non-unique) minimiser.
 */
final class CalibrationNnls {
    private CalibrationNnls() {
    }

    /** Returns x ≥ 0 minimising ‖A·x − b‖₂; {@code a} is rows × columns and is not modified. */
    static double[] solve(double[][] a, double[] b) {
        int m = a.length;
        int n = a[0].length;
        double[] scale = new double[n];
        double[][] s = new double[m][n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += a[i][j] * a[i][j];
            }
            scale[j] = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int i = 0; i < m; i++) {
                s[i][j] = a[i][j] * scale[j];
            }
        }
        double bNorm = 0;
        for (double v : b) {
            bNorm += v * v;
        }
        double tol = 1e-12 * Math.max(1, Math.sqrt(bNorm));
        boolean[] passive = new boolean[n];
        double[] x = new double[n];
        for (int outer = 0; outer < 10 * n + 10; outer++) {
            double[] w = gradient(s, b, x);
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (!passive[j] && scale[j] > 0 && w[j] > tol && (best < 0 || w[j] > w[best])) {
                    best = j;
                }
            }
            if (best < 0) {
                break;
            }
            passive[best] = true;
            for (int inner = 0; inner < 10 * n + 10; inner++) {
                double[] z = leastSquares(s, b, passive);
                double alpha = 1;
                boolean feasible = true;
                for (int j = 0; j < n; j++) {
                    if (passive[j] && z[j] <= 0) {
                        feasible = false;
                        double denom = x[j] - z[j];
                        alpha = Math.min(alpha, denom > 0 ? x[j] / denom : 0);
                    }
                }
                if (feasible) {
                    x = z;
                    break;
                }
                for (int j = 0; j < n; j++) {
                    x[j] += alpha * (z[j] - x[j]);
                    if (passive[j] && x[j] <= 1e-15) {
                        passive[j] = false;
                        x[j] = 0;
                    }
                }
            }
        }
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = Math.max(0, x[j]) * scale[j];
        }
        return out;
    }

    /** Aᵀ(b − A·x). */
    private static double[] gradient(double[][] a, double[] b, double[] x) {
        int n = x.length;
        double[] w = new double[n];
        for (int i = 0; i < a.length; i++) {
            double r = b[i];
            for (int j = 0; j < n; j++) {
                r -= a[i][j] * x[j];
            }
            for (int j = 0; j < n; j++) {
                w[j] += a[i][j] * r;
            }
        }
        return w;
    }

    /** Unconstrained least squares on the passive columns (others 0), via the normal equations. */
    private static double[] leastSquares(double[][] a, double[] b, boolean[] passive) {
        int n = passive.length;
        int[] idx = new int[n];
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (passive[j]) {
                idx[k++] = j;
            }
        }
        double[][] g = new double[k][k + 1];
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                double v = 0;
                for (double[] row : a) {
                    v += row[idx[p]] * row[idx[q]];
                }
                g[p][q] = v;
            }
            double v = 0;
            for (int i = 0; i < a.length; i++) {
                v += a[i][idx[p]] * b[i];
            }
            g[p][k] = v;
        }
        double[] y = gauss(g, k);
        double[] z = new double[n];
        for (int p = 0; p < k; p++) {
            z[idx[p]] = y[p];
        }
        return z;
    }

    /** Solves the k×k system in augmented matrix g (destroyed); singular directions get 0. */
    private static double[] gauss(double[][] g, int k) {
        int[] pivotCol = new int[k];
        int rank = 0;
        for (int col = 0; col < k; col++) {
            int piv = -1;
            for (int r = rank; r < k; r++) {
                if (piv < 0 || Math.abs(g[r][col]) > Math.abs(g[piv][col])) {
                    piv = r;
                }
            }
            if (piv < 0 || Math.abs(g[piv][col]) < 1e-12) {
                continue; // columns were normalised, so the diagonal of g is 1: this is a relative test
            }
            double[] t = g[piv];
            g[piv] = g[rank];
            g[rank] = t;
            for (int r = 0; r < k; r++) {
                if (r != rank && g[r][col] != 0) {
                    double f = g[r][col] / g[rank][col];
                    for (int c = col; c <= k; c++) {
                        g[r][c] -= f * g[rank][c];
                    }
                }
            }
            pivotCol[rank] = col;
            rank++;
        }
        double[] y = new double[k];
        for (int r = 0; r < rank; r++) {
            y[pivotCol[r]] = g[r][k] / g[r][pivotCol[r]];
        }
        return y;
    }
}
