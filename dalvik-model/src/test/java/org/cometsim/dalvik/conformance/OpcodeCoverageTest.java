package org.cometsim.dalvik.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.Opcodes;
import org.cometsim.dalvik.rt.GuestThread;
import org.junit.jupiter.api.Test;

/**
 * Opcode accounting: the opcode table has the spec's 224 entries, and (checked at the end of
 * {@link JttConformanceTest}) the corpus executes every classic Dalvik opcode (the 218 of DEX
 * 035) in the interpreter; the JTT and golden runs record their VMs' counters here.
 */
class OpcodeCoverageTest {
    private static final long[] EXECUTED = new long[256];

    static synchronized void record(Vm vm) {
        for (GuestThread t : vm.scheduler().threads()) {
            for (int op = 0; op < 256; op++) {
                EXECUTED[op] += t.opCounts[op];
            }
        }
    }

    @Test
    void dexVersion035to039DefinesTheSpecCount() {
        assertEquals(224, Opcodes.definedCount());
    }

    /** Called by {@link JttConformanceTest} after all families ran (golden runs add to the counts). */
    static void assertAllClassicOpcodesExecuted() {
        List<String> missing = new ArrayList<>();
        for (int op = 0; op <= 0xe2; op++) {
            if (Opcodes.name(op) != null && EXECUTED[op] == 0) {
                missing.add(Opcodes.name(op));
            }
        }
        assertTrue(missing.isEmpty(), "opcodes never executed by the corpus: " + new TreeSet<>(missing));
    }

}
