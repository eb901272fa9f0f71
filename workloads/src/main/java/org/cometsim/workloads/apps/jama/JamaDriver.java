package org.cometsim.workloads.apps.jama;

import Jama.EigenvalueDecomposition;
import Jama.LUDecomposition;
import Jama.Matrix;
import Jama.QRDecomposition;
import Jama.SingularValueDecomposition;
import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;
import org.cometsim.workloads.apps.Lcg;

/**
 * Driver for Jama 1.0.3 ({@code gov.nist.math:jama:1.0.3}, class path entry jama; COMET category: math
 * tools): on a seeded, diagonally weighted n x n matrix A it runs solve, inverse, det, LU, QR, Cholesky
 * (on A'A), symmetric and non-symmetric eigenvalues and the SVD, printing a residual or key value and a
 * checksum per operation. Matrices come from our own LCG (Jama's Matrix.random uses Math.random).
 *
 * <p>Usage: {@code JamaDriver small|medium|paper}: n = 30, 100, 160. Single-threaded; fully deterministic.
 */
public final class JamaDriver {
    private JamaDriver() {
    }

    public static void main(String[] args) {
        int size = AppArgs.size(args);
        int n = AppArgs.pick(size, 30, 100, 160);
        Lcg rnd = new Lcg(2013);
        double[][] data = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                data[i][j] = rnd.nextDouble() - 0.5 + (i == j ? 2.0 : 0.0);
            }
        }
        Matrix a = new Matrix(data);
        double[][] rhs = new double[n][1];
        for (int i = 0; i < n; i++) {
            rhs[i][0] = rnd.nextDouble();
        }
        Matrix b = new Matrix(rhs);
        Checksum total = new Checksum();
        System.out.println("jama size=" + AppArgs.sizeName(size) + " n=" + n + " norm1=" + a.norm1());

        Matrix x = a.solve(b);
        report("solve", x, "residual=" + a.times(x).minus(b).normInf(), total);

        Matrix inv = a.inverse();
        report("inverse", inv, "|A*inv(A)-I|=" + a.times(inv).minus(Matrix.identity(n, n)).normInf(), total);

        double det = a.det();
        report("det", null, "det=" + det, total.add(det));

        LUDecomposition lu = a.lu();
        report("lu", lu.getU(), "pivotSign=" + lu.det() / Math.abs(lu.det()), total);

        QRDecomposition qr = a.qr();
        report("qr", qr.getR(), "|QR-A|=" + qr.getQ().times(qr.getR()).minus(a).normInf(), total);

        Matrix spd = a.transpose().times(a);
        Matrix chol = spd.chol().getL();
        report("chol", chol, "|LL'-A'A|=" + chol.times(chol.transpose()).minus(spd).normInf(), total);

        EigenvalueDecomposition symEig = spd.eig();
        double[] ev = symEig.getRealEigenvalues();
        report("eig(sym)", symEig.getV(), "lambda[min,max]=" + ev[0] + "," + ev[n - 1], total.addAll(ev));

        EigenvalueDecomposition eig = a.eig();
        double[] re = eig.getRealEigenvalues();
        double[] im = eig.getImagEigenvalues();
        int complex = 0;
        for (int i = 0; i < n; i++) {
            if (im[i] != 0) {
                complex++;
            }
        }
        report("eig", null, "complexEigenvalues=" + complex, total.addAll(re).addAll(im));

        SingularValueDecomposition svd = a.svd();
        double[] s = svd.getSingularValues();
        report("svd", svd.getU(), "cond=" + svd.cond() + " rank=" + svd.rank() + " norm2=" + s[0],
                total.addAll(s));
        System.out.println("checksum=" + total.hex());
    }

    private static void report(String op, Matrix m, String detail, Checksum total) {
        Checksum c = new Checksum();
        if (m != null) {
            double[][] d = m.getArray();
            for (int i = 0; i < d.length; i++) {
                c.addAll(d[i]);
            }
            total.add(c.value());
        }
        System.out.println(op + ": " + detail + (m != null ? " checksum=" + c.hex() : ""));
    }
}
