package org.cometsim.device.cpu;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How fast a device interprets Dalvik code: nanoseconds per instruction for each
 * {@link OpcodeClass}, the cost of host (native) method calls by cost class, and the number of
 * cores. Immutable; build one from a preset ({@link CpuPresets}) or directly.
 *
 * <p>Costs are additive (time = Σ count × cost): no pipelining, cache or JIT effects, which is
 * adequate for the portable interpreter COMET used as its baseline, whose dispatch overhead
 * dominates every instruction.
 */
public final class CpuModel {

    /** Host-call cost class used when a class is not listed. */
    public static final String DEFAULT_HOST_CLASS = "default";

    private final String name;
    private final double[] nanosPerInstruction = new double[OpcodeClass.values().length];
    private final Map<String, HostCost> hostCosts;
    private final int cores;

    /**
     * @param nanosPerInstruction must hold every {@link OpcodeClass}
     * @param hostCosts must hold {@link #DEFAULT_HOST_CLASS}
     */
    public CpuModel(String name, Map<OpcodeClass, Double> nanosPerInstruction, Map<String, HostCost> hostCosts, int cores) {
        this.name = Objects.requireNonNull(name);
        for (OpcodeClass c : OpcodeClass.values()) {
            Double v = nanosPerInstruction.get(c);
            if (v == null || !(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(name + ": missing or invalid cost for " + c + ": " + v);
            }
            this.nanosPerInstruction[c.ordinal()] = v;
        }
        if (!hostCosts.containsKey(DEFAULT_HOST_CLASS)) {
            throw new IllegalArgumentException(name + ": host costs need a '" + DEFAULT_HOST_CLASS + "' class");
        }
        this.hostCosts = Collections.unmodifiableMap(new TreeMap<>(hostCosts));
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be ≥ 1");
        }
        this.cores = cores;
    }

    public String name() {
        return name;
    }

    public int cores() {
        return cores;
    }

    public double nanosPerInstruction(OpcodeClass c) {
        return nanosPerInstruction[c.ordinal()];
    }

    /** All per-class costs, in enum order. */
    public Map<OpcodeClass, Double> nanosPerInstruction() {
        EnumMap<OpcodeClass, Double> m = new EnumMap<>(OpcodeClass.class);
        for (OpcodeClass c : OpcodeClass.values()) {
            m.put(c, nanosPerInstruction[c.ordinal()]);
        }
        return m;
    }

    public Map<String, HostCost> hostCosts() {
        return hostCosts;
    }

    /**
     * Time to execute the given instruction counts, keyed by {@link OpcodeClass} name.
     *
     * @throws IllegalArgumentException for a name that is not an {@link OpcodeClass}: a
     *     misspelt class would otherwise cost nothing
     */
    public long nanosFor(Map<String, Long> countsByOpcodeClass) {
        double sum = 0;
        for (Map.Entry<String, Long> e : countsByOpcodeClass.entrySet()) {
            OpcodeClass c;
            try {
                c = OpcodeClass.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("unknown opcode class '" + e.getKey() + "'", ex);
            }
            sum += nanosPerInstruction[c.ordinal()] * e.getValue();
        }
        return Math.round(sum);
    }

    /** Fast path: counts indexed by {@link OpcodeClass#ordinal()}. */
    public long nanosFor(long[] countsByOrdinal) {
        double sum = 0;
        for (int i = 0; i < countsByOrdinal.length; i++) {
            sum += nanosPerInstruction[i] * countsByOrdinal[i];
        }
        return Math.round(sum);
    }

    /** Time of one host-method call of {@code costClass} over {@code elements} elements. */
    public long nanosForHostCall(String costClass, long elements) {
        HostCost c = hostCosts.getOrDefault(costClass, hostCosts.get(DEFAULT_HOST_CLASS));
        return Math.round(c.nanosFor(elements));
    }

    /** The cost class {@code costClass}, or the {@code default} one when the preset does not list it. */
    public HostCost hostCost(String costClass) {
        return hostCosts.getOrDefault(costClass, hostCosts.get(DEFAULT_HOST_CLASS));
    }

    /**
     * Time of {@code calls} host-method calls of {@code costClass} that together looped over
     * {@code elements} elements: {@code calls × perCall + elements × perElement}.
     */
    public double nanosForHostCalls(String costClass, long calls, long elements) {
        HostCost c = hostCost(costClass);
        return calls * c.perCallNanos() + Math.max(0, elements) * c.perElementNanos();
    }

    /** Mean nanoseconds per instruction under {@code mix}. */
    public double averageNanosPerInstruction(InstructionMix mix) {
        double s = 0;
        for (Map.Entry<OpcodeClass, Double> e : mix.fractions().entrySet()) {
            s += e.getValue() * nanosPerInstruction[e.getKey().ordinal()];
        }
        return s;
    }

    @Override
    public String toString() {
        return "CpuModel[" + name + ", " + cores + " cores]";
    }
}
