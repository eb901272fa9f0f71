package org.cometsim.device.cpu.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** {@link CalibrationNnls} on small systems whose answers are derived by hand beside each assertion. */
class CalibrationNnlsTest {

    @Test
    void activeConstraintIsFoundAndTheRestRefitted() {
        // rows: x1 = 1, x2 = -1, x1 + x2 = 0.5.
        // Unconstrained: AᵀA = [[2,1],[1,2]], Aᵀb = [1.5,-0.5] -> x = (3.5/3, -2.5/3): x2 < 0.
        // With x2 = 0: minimise (x1-1)² + 1 + (x1-0.5)² -> 2(x1-1) + 2(x1-0.5) = 0 -> x1 = 0.75.
        // KKT: gradient for x2 at (0.75, 0) is Aᵀ(b - Ax) = (-1) + (0.5-0.75) = -1.25 < 0, so x2 = 0 is optimal.
        double[] x = CalibrationNnls.solve(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {1, -1, 0.5});
        assertArrayEquals(new double[] {0.75, 0}, x, 1e-12);
    }

    @Test
    void consistentOverdeterminedSystemIsSolvedExactly() {
        // x* = (2, 0.5, 7): b = (1·2 + 2·0.5, 0.5 + 3·7, 2·2 + 7, 2 + 0.5 + 7) = (3, 21.5, 11, 9.5).
        double[][] a = {{1, 2, 0}, {0, 1, 3}, {2, 0, 1}, {1, 1, 1}};
        double[] x = CalibrationNnls.solve(a, new double[] {3, 21.5, 11, 9.5});
        assertArrayEquals(new double[] {2, 0.5, 7}, x, 1e-9);
    }

    @Test
    void countsOfVeryDifferentScaleAndAnUnusedColumn() {
        // Like calibration rows: 1e6 loop instructions at 5 ns, plus 1e3 expensive ones at 200 ns;
        // column 3 is never executed and must come back 0.
        // b1 = 1e6·5 = 5e6; b2 = 1e6·5 + 1e3·200 = 5.2e6.
        double[][] a = {{1e6, 0, 0}, {1e6, 1e3, 0}};
        double[] x = CalibrationNnls.solve(a, new double[] {5e6, 5.2e6});
        assertArrayEquals(new double[] {5, 200, 0}, x, 1e-9);
    }

    @Test
    void allNegativeTargetGivesZero() {
        // b = (-1, -2) with A = I: every coordinate wants to be negative, so x = 0.
        double[] x = CalibrationNnls.solve(new double[][] {{1, 0}, {0, 1}}, new double[] {-1, -2});
        assertArrayEquals(new double[] {0, 0}, x, 0);
    }
}
