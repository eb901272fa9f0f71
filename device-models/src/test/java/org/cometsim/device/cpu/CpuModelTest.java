package org.cometsim.device.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.dalvik.rt.Opcodes;
import org.junit.jupiter.api.Test;

class CpuModelTest {

    /** Preset files name the interpreter's classes; renaming one breaks every preset. */
    @Test
    void opcodeClassNamesAreExactlyTheAgreedOnes() {
        assertEquals(List.of("NOP", "MOVE", "CONST", "BRANCH", "SWITCH", "COMPARE", "INT_ARITH", "INT_DIV",
                "LONG_ARITH", "FLOAT_ARITH", "FLOAT_DIV", "CONVERSION", "ARRAY_READ", "ARRAY_WRITE", "FIELD_READ",
                "FIELD_WRITE", "STATIC_READ", "STATIC_WRITE", "INVOKE", "RETURN", "ALLOCATION", "TYPE_CHECK",
                "MONITOR", "THROW"),
                Arrays.stream(OpcodeClass.values()).map(Enum::name).toList());
    }

    static CpuModel uniform(double ns) {
        Map<OpcodeClass, Double> m = new EnumMap<>(OpcodeClass.class);
        for (OpcodeClass c : OpcodeClass.values()) {
            m.put(c, ns);
        }
        m.put(OpcodeClass.INVOKE, 100.0);
        return new CpuModel("u", m, Map.of(HostCost.DEFAULT, new HostCallCost(1000, 10), HostCost.MATH, new HostCallCost(50, 0)), 2);
    }

    @Test
    void timeIsTheSumOfCountsTimesCosts() {
        CpuModel m = uniform(20);
        assertEquals(1_000_000 * 20 + 1_000 * 100, m.nanosFor(Map.of("INT_ARITH", 1_000_000L, "INVOKE", 1_000L)),
                "10^6 × 20 ns + 10^3 × 100 ns = 20.1 ms");
        long[] byOrdinal = new long[OpcodeClass.values().length];
        byOrdinal[OpcodeClass.INT_ARITH.ordinal()] = 1_000_000;
        byOrdinal[OpcodeClass.INVOKE.ordinal()] = 1_000;
        assertEquals(20_100_000L, m.nanosFor(byOrdinal));
        assertThrows(IllegalArgumentException.class, () -> m.nanosFor(Map.of("INT_ARTIH", 1L)), "typo must not cost 0");
    }

    @Test
    void hostCallsFallBackToDefault() {
        CpuModel m = uniform(20);
        assertEquals(50, m.nanosForHostCall(HostCost.MATH, 1000));
        assertEquals(1000 + 10 * 4096, m.nanosForHostCall(HostCost.ARRAYCOPY, 4096), "unlisted class -> default: 1 µs + 4096 × 10 ns");
        assertEquals(3 * 1000 + 10 * 100.0, m.nanosForHostCalls(HostCost.IO, 3, 100), 0.0, "3 calls × 1 µs + 100 elements × 10 ns");
        assertEquals(Map.of(HostCost.DEFAULT, new HostCallCost(1000, 10), HostCost.MATH, new HostCallCost(50, 0)),
                m.hostCosts(), "hostCosts() is what the model lists, not the filled-in table");
        assertEquals(2, m.cores());
    }

    @Test
    void hostCostsNeedDefaultAndRejectTheUncountedClass() {
        Map<OpcodeClass, Double> ns = uniform(1).nanosPerInstruction();
        assertThrows(IllegalArgumentException.class,
                () -> new CpuModel("x", ns, Map.of(HostCost.MATH, new HostCallCost(1, 0)), 1));
        assertThrows(IllegalArgumentException.class, () -> new CpuModel("x", ns,
                Map.of(HostCost.DEFAULT, new HostCallCost(1, 0), HostCost.NONE, new HostCallCost(1, 0)), 1));
    }

    @Test
    void rejectsIncompleteTables() {
        assertThrows(IllegalArgumentException.class,
                () -> new CpuModel("x", Map.of(OpcodeClass.NOP, 1.0), Map.of(HostCost.DEFAULT, new HostCallCost(0, 0)), 1));
    }

    @Test
    void sliceNanosByHand() {
        CpuModel m = uniform(20);
        long[] ops = new long[256];
        ops[0x90] = 1_000; // add-int: INT_ARITH, 20 ns
        ops[0xd8] = 500;   // add-int/lit8: INT_ARITH, 20 ns
        ops[0x6e] = 10;    // invoke-virtual: INVOKE, 100 ns
        ops[0x3e] = 7;     // unused opcode value: no class, not charged
        long[] calls = new long[HostCost.COUNT];
        long[] elements = new long[HostCost.COUNT];
        calls[HostCost.MATH.ordinal()] = 3;       // 3 × 50 ns
        calls[HostCost.STRING.ordinal()] = 2;     // unlisted -> default: 2 × 1000 ns
        elements[HostCost.STRING.ordinal()] = 40; // + 40 × 10 ns
        assertEquals(1_500 * 20 + 10 * 100 + (3 * 50 + 2 * 1000 + 40 * 10), m.sliceNanos(ops, calls, elements),
                "1500 × 20 + 10 × 100 = 31000 ns of instructions; 150 + 2000 + 400 = 2550 ns of host calls");
        assertEquals(0, m.sliceNanos(new long[256], new long[HostCost.COUNT], new long[HostCost.COUNT]));
    }

    /**
     * The reference is how cli's SimulatedRun priced a slice before CpuModel was the VM's time
     * model: fold the per-opcode counts by class, Σ count × ns in class order, round; then Σ over
     * cost classes of calls × perCall + elements × perElement, round. Costs like i/3 are not exact
     * binary fractions, so any other order of the floating-point operations shows up here.
     */
    @Test
    void sliceNanosEqualsFoldingByClassThenSumming() {
        Map<OpcodeClass, Double> ns = new EnumMap<>(OpcodeClass.class);
        for (OpcodeClass c : OpcodeClass.values()) {
            ns.put(c, (c.ordinal() + 7) / 3.0);
        }
        Map<HostCost, HostCallCost> host = Map.of(HostCost.DEFAULT, new HostCallCost(1000 / 3.0, 10 / 7.0),
                HostCost.STRING, new HostCallCost(200 / 3.0, 1 / 3.0), HostCost.IO, new HostCallCost(5000.1, 0.7));
        CpuModel m = new CpuModel("thirds", ns, host, 1);
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 20_000; round++) {
            long[] ops = new long[256];
            int used = 1 + rnd.nextInt(60);
            for (int k = 0; k < used; k++) {
                ops[rnd.nextInt(256)] = rnd.nextLong(round % 2 == 0 ? 1_000 : 50_000_000L);
            }
            long[] calls = new long[HostCost.COUNT];
            long[] elements = new long[HostCost.COUNT];
            for (int c = 0; c < HostCost.COUNT - 1; c++) { // NONE is never counted
                if (rnd.nextInt(3) == 0) {
                    calls[c] = rnd.nextLong(1_000);
                    elements[c] = rnd.nextLong(100_000);
                }
            }
            double hostRef = 0;
            for (HostCost c : HostCost.values()) {
                if (calls[c.ordinal()] != 0 || elements[c.ordinal()] != 0) {
                    hostRef += m.nanosForHostCalls(c, calls[c.ordinal()], elements[c.ordinal()]);
                }
            }
            long reference = m.nanosFor(Opcodes.countsByClass(ops)) + Math.round(hostRef);
            assertEquals(reference, m.sliceNanos(ops, calls, elements), "round " + round);
        }
    }

    /**
     * 836 add-int and 1 add-int/lit8 at 35/6 ns: the fold gives 837 × 5.833333333333333 = 4882.5
     * (rounds to 4883); summing per opcode, 836 × 5.833333333333333 + 1 × 5.833333333333333 =
     * 4882.499999999999 (would round to 4882). Found by a random search; the exact report
     * depends on the order of these operations.
     */
    @Test
    void sliceNanosRoundsLikeTheFoldWhereAPerOpcodeSumWouldNot() {
        Map<OpcodeClass, Double> ns = uniform(1).nanosPerInstruction();
        ns.put(OpcodeClass.INT_ARITH, 35 / 6.0);
        CpuModel m = new CpuModel("sixths", ns, Map.of(HostCost.DEFAULT, new HostCallCost(0, 0)), 1);
        long[] ops = new long[256];
        ops[0x90] = 836;
        ops[0xd8] = 1;
        assertEquals(4882.5, 837 * (35 / 6.0), 0.0);
        assertEquals(4882.499999999999, 836 * (35 / 6.0) + 35 / 6.0, 0.0);
        assertEquals(4883, m.sliceNanos(ops, new long[HostCost.COUNT], new long[HostCost.COUNT]));
    }
}
