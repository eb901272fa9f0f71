package org.cometsim.device.cpu.calibration;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.device.cpu.CpuPresetWriter;
import org.cometsim.device.cpu.HostCallCost;

/**
 * A CPU preset made from a calibration: the fitted costs rounded to 4 significant digits, one
 * core (the interpreter runs guest threads on one host thread), the fitted host-call cost as
 * {@code hostCalls.default.perCall}, and a source text that records the host, the JDK, the
 * method and every class that was derived rather than measured. {@link #write} writes it with
 * {@link CpuPresetWriter}; {@code CpuPresets.read} loads it back.
 */
public final class CalibratedPreset {
    private final String name;
    private final String description;
    private final Map<String, Double> nanosPerOpcodeClass;
    private final double hostCallNanos;
    private final String source;

    private CalibratedPreset(String name, String description, Map<String, Double> nanos, double hostCallNanos,
            String source) {
        this.name = name;
        this.description = description;
        this.nanosPerOpcodeClass = Collections.unmodifiableMap(nanos);
        this.hostCallNanos = hostCallNanos;
        this.source = source;
    }

    /** The preset {@code name} for what {@code m} measured and {@code fit} made of it. */
    public static CalibratedPreset of(String name, CalibrationMeasurement m, CalibrationFit fit) {
        Map<String, Double> nanos = new LinkedHashMap<>();
        List<String> notMeasured = new ArrayList<>();
        List<String> atZero = new ArrayList<>();
        for (OpcodeClass c : OpcodeClass.values()) {
            nanos.put(c.name(), round4(fit.nanos()[c.ordinal()]));
            if (fit.status()[c.ordinal()] == CalibrationFit.Status.NOT_MEASURED) {
                notMeasured.add(c.name());
            } else if (fit.status()[c.ordinal()] == CalibrationFit.Status.AT_ZERO) {
                atZero.add(c.name());
            }
        }
        String description = String.format(Locale.ROOT,
                "This host (%s) running comet-sim's Dalvik interpreter on JDK %s: %.2f ns/instr count-weighted over"
                        + " the calibration kernels, measured by comet calibrate",
                m.host().name(), m.host().javaVersion(), fit.meanNanos());
        return new CalibratedPreset(name, description, nanos, round4(fit.nanos()[CalibrationFit.HOST]),
                source(m, fit, notMeasured, atZero));
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** ns per instruction by {@link OpcodeClass} name, in enum order. */
    public Map<String, Double> nanosPerOpcodeClass() {
        return nanosPerOpcodeClass;
    }

    /** ns per host call beyond its INVOKE ({@code hostCalls.default.perCall}). */
    public double hostCallNanos() {
        return hostCallNanos;
    }

    /** The citation recorded for every constant. */
    public String source() {
        return source;
    }

    /** Writes the preset file. */
    public void write(Path out) {
        CpuPresetWriter.write(name, description, nanosPerOpcodeClass,
                Map.of(HostCost.DEFAULT, new HostCallCost(hostCallNanos, 0)), 1, source, out);
    }

    static String source(CalibrationMeasurement m, CalibrationFit fit, List<String> notMeasured, List<String> atZero) {
        StringBuilder kernels = new StringBuilder();
        for (KernelSample k : m.samples()) {
            kernels.append(kernels.length() == 0 ? "" : ",").append(k.kernel());
        }
        MeasuredHost h = m.host();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "comet calibrate on host %s (%s %s %s, %d hardware threads), JDK %s %s (%s), %s. Method: comet-sim"
                        + " dalvik-model interpreter (%s), %s; warm-up %.1f s, then per kernel the fastest of %d"
                        + " runs of ~%.0f ms (--seconds %s); per-class instruction counts from the interpreter's"
                        + " per-opcode counters; time_k = sum_c count_k[c]*ns[c] + hostCalls_k*perCall fitted by"
                        + " non-negative least squares (Lawson-Hanson, rows weighted by 1/time_k), rms relative"
                        + " error %.2f%%, max %.2f%%. Kernels: %s.{%s} (comet-apps.dex, %s).",
                h.name(), h.osName(), h.osVersion(), h.osArch(), h.hardwareThreads(), h.javaVendor(), h.javaVersion(),
                h.javaVmName(), m.started(), h.jitNote(),
                m.cpuClock() ? "thread CPU time (--clock cpu)" : String.format(Locale.ROOT,
                        "wall clock (kernels got %.0f%% of a CPU)", 100 * m.cpuShare()), m.warmupSeconds(),
                m.runsPerKernel(), m.sampleSeconds() * 1e3, fmt(m.budgetSeconds()), 100 * fit.rmsResidual(),
                100 * fit.maxResidual(), m.kernelClass(), kernels, m.d8()));
        if (!notMeasured.isEmpty()) {
            s.append(String.format(Locale.ROOT, " Not measured (no kernel executes them; count-weighted mean %.4f"
                    + " ns): %s.", fit.meanNanos(), String.join(",", notMeasured)));
        }
        if (!atZero.isEmpty()) {
            s.append(" Not measured (fit hit the zero bound; set to the smallest measured class cost): ")
                    .append(String.join(",", atZero)).append('.');
        }
        s.append(fit.status()[CalibrationFit.HOST] == CalibrationFit.Status.MEASURED
                ? " hostCalls.default.perCall: measured (Math.abs/Math.max, cost beyond the INVOKE);"
                : " hostCalls.default.perCall: not measured (fit gave 0);");
        s.append(" perElement and other host cost classes: not measured (0 / fall back to default). cores: 1,"
                + " the interpreter runs guest threads on one host thread.");
        return s.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** 4 significant digits: the preset should not pretend to more precision than timing gives. */
    static double round4(double v) {
        return new BigDecimal(v).round(new MathContext(4)).doubleValue();
    }
}
