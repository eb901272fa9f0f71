package org.cometsim.device.cpu;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.cometsim.dalvik.rt.CpuTimeModel;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.dalvik.rt.Opcodes;

/**
 * How fast a device interprets Dalvik code: nanoseconds per instruction for each
 * {@link OpcodeClass}, the cost of host (native) method calls for each {@link HostCost} class, and
 * the number of cores. Immutable; build one from a preset ({@link CpuPresets}) or directly.
 *
 * <p>Costs are additive (time = Σ count × cost): no pipelining, cache or JIT effects, which is
 * adequate for the portable interpreter COMET used as its baseline, whose dispatch overhead
 * dominates every instruction.
 *
 * <p>It is the VM's {@link CpuTimeModel} as it is: pass it to
 * {@code vm.scheduler().setTimeModel(cpu, listener)}. {@link #sliceNanos} is called at every
 * safepoint slow path, so it is one pass over tables built here, with no allocation.
 */
public final class CpuModel implements CpuTimeModel {

    private static final int CLASSES = OpcodeClass.values().length;
    /**
     * Every opcode that has a class, grouped by class in {@link OpcodeClass} order
     * ({@link #CLASS_END}[c] ends class c's run). {@link #sliceNanos} sums a class's counts as
     * longs and multiplies once per class, in class order: the same floating-point operations,
     * in the same order, as folding counts by class ({@link Opcodes#countsByClass}) and then
     * applying {@link #nanosFor(long[])}. A per-opcode table (Σ ns[class(op)] × count[op]) would
     * round differently in the last bits and could move a slice by a nanosecond after
     * {@link Math#round}, which would change {@code comet exec --cpu} reports.
     */
    private static final int[] OPCODES_BY_CLASS;
    private static final int[] CLASS_END = new int[CLASSES];

    static {
        int[] perClass = new int[CLASSES];
        int classified = 0;
        for (int op = 0; op < 256; op++) {
            OpcodeClass c = Opcodes.classOf(op);
            if (c != null) {
                perClass[c.ordinal()]++;
                classified++;
            }
        }
        int end = 0;
        for (int c = 0; c < CLASSES; c++) {
            end += perClass[c];
            CLASS_END[c] = end;
        }
        OPCODES_BY_CLASS = new int[classified];
        int[] next = new int[CLASSES];
        for (int c = 1; c < CLASSES; c++) {
            next[c] = CLASS_END[c - 1];
        }
        for (int op = 0; op < 256; op++) {
            OpcodeClass c = Opcodes.classOf(op);
            if (c != null) {
                OPCODES_BY_CLASS[next[c.ordinal()]++] = op;
            }
        }
    }

    private final String name;
    private final double[] nanosPerInstruction = new double[OpcodeClass.values().length];
    /** The classes the model lists, as given (for presets and reports). */
    private final Map<HostCost, HostCallCost> listedHostCosts;
    /** Cost of every class by {@link HostCost#ordinal()}: listed, else {@link HostCost#DEFAULT}'s. */
    private final HostCallCost[] hostCostByClass = new HostCallCost[HostCost.COUNT];
    /** {@link #hostCostByClass} unpacked for {@link #sliceNanos}. */
    private final double[] perCallNanos = new double[HostCost.COUNT];
    private final double[] perElementNanos = new double[HostCost.COUNT];
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
            HostCallCost cost = listed.getOrDefault(c, fallback);
            hostCostByClass[c.ordinal()] = cost;
            perCallNanos[c.ordinal()] = cost.perCallNanos();
            perElementNanos[c.ordinal()] = cost.perElementNanos();
        }
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be ≥ 1");
        }
        this.cores = cores;
    }

    public String name() {
        return name;
    }

    @Override
    public int cores() {
        return cores;
    }

    /**
     * Simulated time of a slice: {@code round(Σ_class ns[class] × count[class])} for the
     * instructions plus {@code round(Σ_costClass calls × perCall + elements × perElement)} for
     * the host calls, each sum rounded on its own. Opcodes without a class are not charged.
     *
     * @param opCountDelta instructions executed, by Dalvik opcode value (256 entries)
     * @param hostCallsByCost host calls, by {@link HostCost#ordinal()}
     * @param hostElementsByCost elements those calls processed, by {@link HostCost#ordinal()}
     */
    @Override
    public long sliceNanos(long[] opCountDelta, long[] hostCallsByCost, long[] hostElementsByCost) {
        double instructions = 0;
        int i = 0;
        for (int c = 0; c < CLASSES; c++) {
            long n = 0;
            for (int end = CLASS_END[c]; i < end; i++) {
                n += opCountDelta[OPCODES_BY_CLASS[i]];
            }
            instructions += nanosPerInstruction[c] * n;
        }
        double host = 0;
        for (int c = 0; c < HostCost.COUNT; c++) {
            long calls = hostCallsByCost[c];
            long elements = hostElementsByCost[c];
            if (calls != 0 || elements != 0) {
                host += calls * perCallNanos[c] + Math.max(0, elements) * perElementNanos[c];
            }
        }
        return Math.round(instructions) + Math.round(host);
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
