package org.cometsim.bench.device;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.dalvik.rt.Opcodes;
import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.cpu.HostCallCost;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What it costs to price one slice of guest execution: the VM's scheduler calls
 * {@code CpuTimeModel.sliceNanos} at every safepoint slow path of a {@code comet exec --cpu} run.
 *
 * <ul>
 *   <li>{@link #adapter}: how cli's {@code SimulatedRun} did it until the CPU model became the
 *       time model (reproduced here, as that code is gone): fold the 256 per-opcode counts into a
 *       new per-class array ({@code Opcodes.countsByClass}), copy it into a second new array
 *       indexed by device-models' own copy of the class enum, price it
 *       ({@code CpuModel.nanosFor(long[])}), and look each counted host-call class up by its
 *       string key in a sorted map, falling back to {@code default}.</li>
 *   <li>{@link #cpuModel}: {@code CpuModel.sliceNanos}, one pass over tables built with the model,
 *       no allocation; numerically identical to {@link #adapter} (checked in set-up for every
 *       slice used here, and by {@code CpuModelTest}).</li>
 *   <li>{@link #perOpcodeTable}: the alternative not taken, Σ ns[class(op)] × count[op] over 256
 *       precomputed doubles. It rounds differently in the last bits (so a report could move by
 *       a nanosecond); it is here to show what the exact order costs, if anything.</li>
 * </ul>
 * Inputs: 64 pre-generated slices, visited in turn ({@code @OperationsPerInvocation} divides the
 * time back to one slice). {@code typical}: 40 distinct opcodes with up to 10^4 executions each
 * and 2 host-call classes in use, like a slice between safepoint slow paths of a real workload;
 * {@code dense}: every classified opcode counted and every host-call class in use. Costs from the
 * {@code phone-2012-hummingbird-portable} preset.
 *
 * <h2>HOW TO RUN THIS TEST</h2>
 * <pre>
 * mvn -q -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar Bench03_CpuModelSlice -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 * Results are in device-models/README.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Bench03_CpuModelSlice {

    static final int SLICES = 64;
    /** {@code values()} clones its array on every call; the loops index this one. */
    static final HostCost[] COST_CLASSES = HostCost.values();

    @State(Scope.Thread)
    public static class Slices {
        @Param({"typical", "dense"})
        String shape;

        CpuModel cpu;
        long[][] ops = new long[SLICES][];
        long[][] calls = new long[SLICES][];
        long[][] elements = new long[SLICES][];

        // What the old adapter held.
        int[] classMap;
        String[] costKeys;
        Map<String, HostCallCost> hostCostsByKey;

        // The per-opcode alternative.
        double[] nanosByOpcode;

        @Setup(Level.Trial)
        public void build() {
            cpu = DeviceModels.cpu("phone-2012-hummingbird-portable");
            SplittableRandom rnd = new SplittableRandom(3);
            for (int s = 0; s < SLICES; s++) {
                long[] o = new long[256];
                long[] c = new long[HostCost.COUNT];
                long[] e = new long[HostCost.COUNT];
                if (shape.equals("typical")) {
                    for (int k = 0; k < 40; k++) {
                        o[rnd.nextInt(256)] = rnd.nextLong(1, 10_000);
                    }
                    c[HostCost.STRING.ordinal()] = rnd.nextLong(1, 20);
                    e[HostCost.STRING.ordinal()] = rnd.nextLong(0, 400);
                    c[HostCost.MATH.ordinal()] = rnd.nextLong(1, 20);
                } else {
                    for (int op = 0; op < 256; op++) {
                        o[op] = Opcodes.classOf(op) == null ? 0 : rnd.nextLong(1, 10_000);
                    }
                    for (HostCost h : HostCost.values()) {
                        if (h != HostCost.NONE) {
                            c[h.ordinal()] = rnd.nextLong(1, 20);
                            e[h.ordinal()] = rnd.nextLong(0, 400);
                        }
                    }
                }
                ops[s] = o;
                calls[s] = c;
                elements[s] = e;
            }
            // Identity today (one enum), but the old adapter paid for the copy through it.
            classMap = new int[OpcodeClass.values().length];
            for (OpcodeClass c : OpcodeClass.values()) {
                classMap[c.ordinal()] = c.ordinal();
            }
            costKeys = new String[HostCost.COUNT];
            hostCostsByKey = new TreeMap<>();
            for (HostCost h : HostCost.values()) {
                costKeys[h.ordinal()] = h.key;
            }
            cpu.hostCosts().forEach((h, cost) -> hostCostsByKey.put(h.key, cost));
            nanosByOpcode = new double[256];
            for (int op = 0; op < 256; op++) {
                OpcodeClass c = Opcodes.classOf(op);
                nanosByOpcode[op] = c == null ? 0 : cpu.nanosPerInstruction(c);
            }
            for (int s = 0; s < SLICES; s++) {
                long a = adapterSlice(this, ops[s], calls[s], elements[s]);
                long b = cpu.sliceNanos(ops[s], calls[s], elements[s]);
                if (a != b) {
                    throw new IllegalStateException("slice " + s + ": adapter " + a + " ns, CpuModel " + b + " ns");
                }
            }
        }
    }

    /** The adapter cli's SimulatedRun used, as it was. */
    static long adapterSlice(Slices st, long[] opCountDelta, long[] hostCallsByCost, long[] hostElementsByCost) {
        long[] mine = Opcodes.countsByClass(opCountDelta);
        long[] byTheirs = new long[st.classMap.length];
        for (int i = 0; i < mine.length; i++) {
            byTheirs[st.classMap[i]] += mine[i];
        }
        double host = 0;
        for (int c = 0; c < st.costKeys.length; c++) {
            if (hostCallsByCost[c] != 0 || hostElementsByCost[c] != 0) {
                HostCallCost cost = st.hostCostsByKey.getOrDefault(st.costKeys[c], st.hostCostsByKey.get("default"));
                host += hostCallsByCost[c] * cost.perCallNanos() + Math.max(0, hostElementsByCost[c]) * cost.perElementNanos();
            }
        }
        return st.cpu.nanosFor(byTheirs) + Math.round(host);
    }

    @Benchmark
    @OperationsPerInvocation(SLICES)
    public long adapter(Slices st) {
        long sum = 0;
        for (int s = 0; s < SLICES; s++) {
            sum += adapterSlice(st, st.ops[s], st.calls[s], st.elements[s]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(SLICES)
    public long cpuModel(Slices st) {
        long sum = 0;
        CpuModel cpu = st.cpu;
        for (int s = 0; s < SLICES; s++) {
            sum += cpu.sliceNanos(st.ops[s], st.calls[s], st.elements[s]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(SLICES)
    public long perOpcodeTable(Slices st) {
        long sum = 0;
        double[] ns = st.nanosByOpcode;
        for (int s = 0; s < SLICES; s++) {
            long[] ops = st.ops[s];
            double instructions = 0;
            for (int op = 0; op < 256; op++) {
                instructions += ns[op] * ops[op];
            }
            long[] calls = st.calls[s];
            long[] elements = st.elements[s];
            double host = 0;
            for (int c = 0; c < HostCost.COUNT; c++) {
                if (calls[c] != 0 || elements[c] != 0) {
                    HostCallCost cost = st.cpu.hostCost(COST_CLASSES[c]);
                    host += calls[c] * cost.perCallNanos() + Math.max(0, elements[c]) * cost.perElementNanos();
                }
            }
            sum += Math.round(instructions) + Math.round(host);
        }
        return sum;
    }
}
