package org.cometsim.device.cpu;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.cometsim.dalvik.rt.OpcodeClass;

/**
 * A dynamic instruction mix: the fraction of executed instructions in each
 * {@link OpcodeClass}, summing to 1.
 *
 * <p>{@link #DEFAULT} is the "average Dalvik instruction" used by the preset catalog ("time
 * for 10^9 average instructions"). ASSUMPTION: it is not taken from a cited measurement
 * (model-sources.md has no dynamic opcode-frequency row); it is a plausible object-oriented
 * mix (many moves, field reads, branches and integer ops; few divisions, allocations,
 * monitors). Replace it with counts from the workloads module once the interpreter runs them
 * (issue #4).
 *
 * <p>{@link #LINPACK_DAXPY} is the mix of Linpack's inner loop {@code dy[i] += da * dx[i]} as
 * dx compiles it (10 instructions per iteration: if-ge, 2 × add-int for the offsets,
 * 2 × aget-wide, mul-double, add-double, aput-wide, add-int/lit8, goto). The phone preset is
 * calibrated on it, because the cited phone speeds are Linpack MFLOPS.
 */
public record InstructionMix(String name, Map<OpcodeClass, Double> fractions) {

    public static final InstructionMix DEFAULT = of("default-oo-mix (assumption)", Map.ofEntries(
            Map.entry(OpcodeClass.MOVE, 13.0),
            Map.entry(OpcodeClass.CONST, 8.0),
            Map.entry(OpcodeClass.BRANCH, 13.0),
            Map.entry(OpcodeClass.SWITCH, 0.3),
            Map.entry(OpcodeClass.COMPARE, 2.0),
            Map.entry(OpcodeClass.INT_ARITH, 17.0),
            Map.entry(OpcodeClass.INT_DIV, 0.3),
            Map.entry(OpcodeClass.LONG_ARITH, 1.0),
            Map.entry(OpcodeClass.FLOAT_ARITH, 3.0),
            Map.entry(OpcodeClass.FLOAT_DIV, 0.2),
            Map.entry(OpcodeClass.CONVERSION, 1.0),
            Map.entry(OpcodeClass.ARRAY_READ, 7.0),
            Map.entry(OpcodeClass.ARRAY_WRITE, 3.0),
            Map.entry(OpcodeClass.FIELD_READ, 12.0),
            Map.entry(OpcodeClass.FIELD_WRITE, 4.0),
            Map.entry(OpcodeClass.STATIC_READ, 1.5),
            Map.entry(OpcodeClass.STATIC_WRITE, 0.5),
            Map.entry(OpcodeClass.INVOKE, 6.0),
            Map.entry(OpcodeClass.RETURN, 5.8),
            Map.entry(OpcodeClass.ALLOCATION, 0.5),
            Map.entry(OpcodeClass.TYPE_CHECK, 0.3),
            Map.entry(OpcodeClass.MONITOR, 0.1),
            Map.entry(OpcodeClass.THROW, 0.0)));

    public static final InstructionMix LINPACK_DAXPY = of("linpack-daxpy-loop", Map.of(
            OpcodeClass.BRANCH, 2.0,
            OpcodeClass.INT_ARITH, 3.0,
            OpcodeClass.ARRAY_READ, 2.0,
            OpcodeClass.FLOAT_ARITH, 2.0,
            OpcodeClass.ARRAY_WRITE, 1.0));

    public InstructionMix {
        EnumMap<OpcodeClass, Double> m = new EnumMap<>(OpcodeClass.class);
        m.putAll(fractions);
        fractions = Collections.unmodifiableMap(m);
    }

    /** Normalises non-negative weights to fractions. */
    public static InstructionMix of(String name, Map<OpcodeClass, Double> weights) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(sum > 0)) {
            throw new IllegalArgumentException("empty mix");
        }
        EnumMap<OpcodeClass, Double> m = new EnumMap<>(OpcodeClass.class);
        weights.forEach((k, v) -> {
            if (v < 0) {
                throw new IllegalArgumentException("negative weight for " + k);
            }
            m.put(k, v / sum);
        });
        return new InstructionMix(name, m);
    }

    public double fraction(OpcodeClass c) {
        return fractions.getOrDefault(c, 0.0);
    }

    /**
     * Instruction counts by class name for {@code total} instructions (the form
     * {@link CpuModel#nanosFor(Map)} takes). Rounded per class, so the sum may differ from
     * {@code total} by a few instructions.
     */
    public Map<String, Long> counts(long total) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        fractions.forEach((k, v) -> out.put(k.name(), Math.round(v * total)));
        return out;
    }
}
