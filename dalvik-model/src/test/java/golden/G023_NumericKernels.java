package golden;

/** SciMark-flavoured kernels with fixed seeds: sieve, LU decomposition, SOR, Monte Carlo pi, FFT-free DFT, sparse mat-vec. */
public class G023_NumericKernels {
    static int seed = 12345;
    static double rnd() { seed = seed * 1103515245 + 12345; return ((seed >>> 1) & 0x3fffffff) / (double) 0x40000000; }

    public static void main(String[] args) {
        boolean[] composite = new boolean[10001];
        int primes = 0; long psum = 0;
        for (int i = 2; i <= 10000; i++) {
            if (composite[i]) continue;
            primes++; psum += i;
            for (int j = i * i; j <= 10000; j += i) composite[j] = true;
        }
        System.out.println("primes<=10000: " + primes + " sum " + psum);

        int n = 8;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = rnd() + (i == j ? n : 0);
        double[][] lu = new double[n][];
        for (int i = 0; i < n; i++) lu[i] = a[i].clone();
        int[] piv = new int[n];
        for (int j = 0; j < n; j++) {
            int p = j;
            for (int i = j + 1; i < n; i++) if (Math.abs(lu[i][j]) > Math.abs(lu[p][j])) p = i;
            piv[j] = p;
            double[] t = lu[p]; lu[p] = lu[j]; lu[j] = t;
            for (int i = j + 1; i < n; i++) {
                lu[i][j] /= lu[j][j];
                for (int k = j + 1; k < n; k++) lu[i][k] -= lu[i][j] * lu[j][k];
            }
        }
        double det = 1;
        for (int i = 0; i < n; i++) det *= lu[i][i];
        int swaps = 0;
        for (int i = 0; i < n; i++) if (piv[i] != i) swaps++;
        System.out.printf("LU det=%.6f swaps=%d u00=%.9f%n", swaps % 2 == 0 ? det : -det, swaps, lu[0][0]);

        double[][] g = new double[20][20];
        for (int i = 0; i < 20; i++) for (int j = 0; j < 20; j++) g[i][j] = rnd();
        double omega = 1.25;
        for (int it = 0; it < 10; it++)
            for (int i = 1; i < 19; i++) for (int j = 1; j < 19; j++)
                g[i][j] = omega * 0.25 * (g[i - 1][j] + g[i + 1][j] + g[i][j - 1] + g[i][j + 1]) + (1 - omega) * g[i][j];
        double sorSum = 0;
        for (double[] row : g) for (double v : row) sorSum += v;
        System.out.printf("SOR sum=%.10f%n", sorSum);

        int under = 0, samples = 20000;
        for (int i = 0; i < samples; i++) { double x = rnd(), y = rnd(); if (x * x + y * y <= 1.0) under++; }
        System.out.println("MonteCarlo pi~" + (4.0 * under / samples) + " under=" + under);

        int m = 16;
        double[] re = new double[m], im = new double[m];
        for (int k = 0; k < m; k++) {
            for (int t = 0; t < m; t++) {
                double sig = Math.sin(2 * Math.PI * 3 * t / m) + 0.5 * Math.cos(2 * Math.PI * 5 * t / m);
                re[k] += sig * Math.cos(2 * Math.PI * k * t / m);
                im[k] -= sig * Math.sin(2 * Math.PI * k * t / m);
            }
        }
        StringBuilder sb = new StringBuilder("DFT |X|:");
        for (int k = 0; k < m; k++) sb.append(String.format(" %.3f", Math.sqrt(re[k] * re[k] + im[k] * im[k])));
        System.out.println(sb);

        int rows = 50, nzPerRow = 5;
        int[] rowStart = new int[rows + 1], col = new int[rows * nzPerRow];
        double[] val = new double[rows * nzPerRow], x = new double[rows], y = new double[rows];
        for (int r = 0; r < rows; r++) {
            rowStart[r + 1] = rowStart[r] + nzPerRow;
            for (int k = 0; k < nzPerRow; k++) { col[r * nzPerRow + k] = (r * 7 + k * 13) % rows; val[r * nzPerRow + k] = rnd(); }
            x[r] = r * 0.01;
        }
        for (int rep = 0; rep < 10; rep++)
            for (int r = 0; r < rows; r++) { double s = 0; for (int k = rowStart[r]; k < rowStart[r + 1]; k++) s += val[k] * x[col[k]]; y[r] = s; }
        double ysum = 0;
        for (double v : y) ysum += v;
        System.out.println("sparse y-sum " + ysum);
        System.out.println("math " + Math.sqrt(2) + " " + Math.exp(1) + " " + Math.log(10) + " " + Math.pow(2, 0.5) + " " + Math.atan2(1, 1) + " " + Math.cbrt(27) + " " + StrictMath.sin(1));
    }
}
