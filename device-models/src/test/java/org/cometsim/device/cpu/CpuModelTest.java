package org.cometsim.device.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
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
}
