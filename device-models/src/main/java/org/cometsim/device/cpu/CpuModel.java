package org.cometsim.device.cpu;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;

/**
 * How fast a device interprets Dalvik code: nanoseconds per instruction for each
 * {@link OpcodeClass}, the cost of host (native) method calls for each {@link HostCost} class, and
 * the number of cores. Immutable; build one from a preset ({@link CpuPresets}) or directly.
 *
 * <p>Costs are additive (time = Σ count × cost): no pipelining, cache or JIT effects, which is
 * adequate for the portable interpreter COMET used as its baseline, whose dispatch overhead
 * dominates every instruction.
 */
public final class CpuModel {

    private final String name;
    private final double[] nanosPerInstruction = new double[OpcodeClass.values().length];
    /** The classes the model lists, as given (for presets and reports). */
    private final Map<HostCost, HostCallCost> listedHostCosts;
    /** Cost of every class by {@link HostCost#ordinal()}: listed, else {@link HostCost#DEFAULT}'s. */
    private final HostCallCost[] hostCostByClass = new HostCallCost[HostCost.COUNT];
    private final int cores;

    /**
     * @param nanosPerInstruction must hold every {@link OpcodeClass}
     * @param hostCosts must hold {@link HostCost#DEFAULT}, which also prices every class not
     *     listed; {@link HostCost#NONE} is never counted, so it cannot have a cost
     */
    public CpuModel(String name, Map<OpcodeClass, Double> nanosPerInstruction, Map<HostCost, HostCallCost> hostCosts, int cores) {
        this.name = Objects.requireNonNull(name);
        for (OpcodeClass c : OpcodeClass.values()) {
            Double v = nanosPerInstruction.get(c);
            if (v == null || !(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(name + ": missing or invalid cost for " + c + ": " + v);
            }
            this.nanosPerInstruction[c.ordinal()] = v;
        }
        HostCallCost fallback = hostCosts.get(HostCost.DEFAULT);
        if (fallback == null) {
            throw new IllegalArgumentException(name + ": host costs need a '" + HostCost.DEFAULT.key + "' class");
        }
        if (hostCosts.containsKey(HostCost.NONE)) {
            throw new IllegalArgumentException(name + ": host-call class '" + HostCost.NONE.key
                    + "' is never counted and cannot have a cost");
        }
        EnumMap<HostCost, HostCallCost> listed = new EnumMap<>(HostCost.class);
        listed.putAll(hostCosts);
        this.listedHostCosts = Collections.unmodifiableMap(listed);
        for (HostCost c : HostCost.values()) {
            hostCostByClass[c.ordinal()] = listed.getOrDefault(c, fallback);
        }
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

    /** The host-call classes the model lists (always {@link HostCost#DEFAULT}), in enum order. */
    public Map<HostCost, HostCallCost> hostCosts() {
        return listedHostCosts;
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

    /** The cost of class {@code costClass}: the listed one, or {@link HostCost#DEFAULT}'s. */
    public HostCallCost hostCost(HostCost costClass) {
        return hostCostByClass[costClass.ordinal()];
    }

    /** Time of one host-method call of {@code costClass} over {@code elements} elements. */
    public long nanosForHostCall(HostCost costClass, long elements) {
        return Math.round(hostCost(costClass).nanosFor(elements));
    }

    /**
     * Time of {@code calls} host-method calls of {@code costClass} that together looped over
     * {@code elements} elements: {@code calls × perCall + elements × perElement}.
     */
    public double nanosForHostCalls(HostCost costClass, long calls, long elements) {
        return hostCost(costClass).nanosFor(calls, elements);
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
