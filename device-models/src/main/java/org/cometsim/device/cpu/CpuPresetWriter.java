package org.cometsim.device.cpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;

/**
 * Writes a CPU preset file that {@link CpuPresets#read} loads back; the output of
 * {@code comet calibrate}.
 *
 * <p>Output is plain text in a fixed order (opcode classes and host-call classes in enum order)
 * so that two calibrations with equal numbers give byte-identical files, which keeps diffs
 * reviewable.
 */
public final class CpuPresetWriter {

    private CpuPresetWriter() {}

    /**
     * Writes preset {@code name}.
     *
     * @param nanosPerOpcodeClass ns per instruction for every {@link OpcodeClass} name
     * @param source citation recorded for every constant (e.g. "comet calibrate on host X, date")
     * @throws IllegalArgumentException if a class is missing or unknown, or a value is negative
     */
    public static void write(String name, Map<String, Double> nanosPerOpcodeClass, int cores, String source, Path out) {
        write(name, "Calibrated CPU preset " + name, nanosPerOpcodeClass, Map.of(), cores, source, out);
    }

    /** Full form with a description and host-call costs (may be empty). */
    public static void write(String name, String description, Map<String, Double> nanosPerOpcodeClass,
            Map<HostCost, HostCallCost> hostCosts, int cores, String source, Path out) {
        for (String k : nanosPerOpcodeClass.keySet()) {
            OpcodeClass.valueOf(k); // throws for unknown names
        }
        if (hostCosts.containsKey(HostCost.NONE)) {
            throw new IllegalArgumentException("host-call class '" + HostCost.NONE.key + "' is never counted and cannot have a cost");
        }
        StringBuilder y = new StringBuilder();
        y.append("# Written by CpuPresetWriter. Every constant: ").append(oneLine(source)).append('\n');
        y.append("name: ").append(quote(name)).append('\n');
        y.append("description: ").append(quote(description)).append('\n');
        y.append("cores: ").append(cores).append('\n');
        y.append("nanosPerInstruction:\n");
        for (OpcodeClass c : OpcodeClass.values()) {
            Double v = nanosPerOpcodeClass.get(c.name());
            if (v == null || !(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("missing or invalid cost for " + c + ": " + v);
            }
            // Double.toString round-trips exactly through the YAML float parser.
            y.append("  ").append(c.name()).append(": ").append(Double.toString(v)).append('\n');
        }
        if (!hostCosts.isEmpty()) {
            y.append("hostCalls:\n");
            new EnumMap<>(hostCosts).forEach((k, v) -> y.append("  ").append(quote(k.key)).append(": {perCall: \"")
                    .append(num(v.perCallNanos())).append("ns\", perElement: \"")
                    .append(num(v.perElementNanos())).append("ns\"}\n"));
        }
        y.append("sources:\n");
        y.append("  cores: ").append(quote(source)).append('\n');
        y.append("  nanosPerInstruction: ").append(quote(source)).append('\n');
        if (!hostCosts.isEmpty()) {
            y.append("  hostCalls: ").append(quote(source)).append('\n');
        }
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, y.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }

    private static String quote(String s) {
        return "\"" + oneLine(s).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
