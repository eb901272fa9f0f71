package org.cometsim.device.cpu.calibration;

import java.util.List;
import org.cometsim.dalvik.rt.OpcodeClass;

/**
 * Nanoseconds per {@link OpcodeClass} and per host call, fitted to calibration kernel runs.
 *
 * <p>Model: {@code time_k = Σ_c count_k[c]·x_c + hostCalls_k·h}, the additive model the
 * simulator's {@code CpuModel} uses, fitted by non-negative least squares
 * ({@link CalibrationNnls}) with each row divided by {@code time_k}, i.e. relative errors.
 * Classes no kernel executes get the count-weighted mean over all kernels
 * ({@link Status#NOT_MEASURED}); classes the fit drives to the zero bound get the smallest
 * measured cost ({@link Status#AT_ZERO}).
 *
 * @param nanos ns per class by {@link OpcodeClass#ordinal()}, then the host call at {@link #HOST},
 *     substitutions applied
 * @param status how each entry of {@code nanos} was obtained
 * @param residuals per kernel, (predicted − measured) / measured of the fit before substitutions
 * @param meanNanos count-weighted mean ns per instruction over every instruction the kernels ran
 */
public record CalibrationFit(double[] nanos, Status[] status, double[] residuals, double meanNanos,
        double rmsResidual, double maxResidual) {

    /** Number of opcode classes. */
    public static final int CLASSES = OpcodeClass.values().length;
    /** Index of the host-call cost in {@link #nanos} and {@link #status}. */
    public static final int HOST = CLASSES;

    /** How a cost was obtained. */
    public enum Status {
        MEASURED("measured"), NOT_MEASURED("derived: not measured, count-weighted mean"),
        AT_ZERO("derived: fit hit the x>=0 bound, smallest measured cost");

        /** What the report prints. */
        public final String text;

        Status(String text) {
            this.text = text;
        }
    }

    /** Fits ns per class and per host call to {@code samples} (see the class comment). */
    public static CalibrationFit fit(List<KernelSample> samples) {
        int m = samples.size();
        double[][] a = new double[m][CLASSES + 1];
        double[] b = new double[m];
        boolean[] exercised = new boolean[CLASSES + 1];
        double totalTime = 0;
        double totalInstr = 0;
        for (int k = 0; k < m; k++) {
            KernelSample s = samples.get(k);
            double t = s.nanos();
            for (int c = 0; c < CLASSES; c++) {
                a[k][c] = s.classCounts()[c] / t;
                exercised[c] |= s.classCounts()[c] > 0;
            }
            a[k][HOST] = s.hostCalls() / t;
            exercised[HOST] |= s.hostCalls() > 0;
            b[k] = 1;
            totalTime += t;
            totalInstr += s.instructions();
        }
        double[] x = CalibrationNnls.solve(a, b);
        Status[] status = new Status[CLASSES + 1];
        double minMeasured = Double.POSITIVE_INFINITY;
        for (int c = 0; c <= CLASSES; c++) {
            status[c] = !exercised[c] ? Status.NOT_MEASURED : x[c] > 0 ? Status.MEASURED : Status.AT_ZERO;
            if (c < CLASSES && status[c] == Status.MEASURED) {
                minMeasured = Math.min(minMeasured, x[c]);
            }
        }
        // Count-weighted mean of the fitted costs over every instruction the kernels executed.
        double predictedInstrTime = 0;
        for (KernelSample s : samples) {
            for (int c = 0; c < CLASSES; c++) {
                predictedInstrTime += s.classCounts()[c] * x[c];
            }
        }
        double mean = totalInstr > 0 ? predictedInstrTime / totalInstr : 0;
        if (!(mean > 0)) {
            mean = totalInstr > 0 ? totalTime / totalInstr : 1; // degenerate fit: raw time per instruction
        }
        if (!Double.isFinite(minMeasured)) {
            minMeasured = mean;
        }
        double[] nanos = x.clone();
        for (int c = 0; c < CLASSES; c++) {
            if (status[c] == Status.NOT_MEASURED) {
                nanos[c] = mean;
            } else if (status[c] == Status.AT_ZERO) {
                nanos[c] = minMeasured;
            }
        }
        // Residuals of the fit itself (x, before substitutions; unexercised classes do not enter).
        double[] res = new double[m];
        double sq = 0;
        double max = 0;
        for (int k = 0; k < m; k++) {
            double pred = 0;
            for (int c = 0; c <= CLASSES; c++) {
                pred += a[k][c] * x[c];
            }
            res[k] = pred - 1;
            sq += res[k] * res[k];
            max = Math.max(max, Math.abs(res[k]));
        }
        return new CalibrationFit(nanos, status, res, mean, Math.sqrt(sq / m), max);
    }
}
