package org.cometsim.dalvik.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.conformance.Corpus;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.MethodCode;
import org.cometsim.dalvik.rt.VmClass;
import org.junit.jupiter.api.Test;

/**
 * Compiled code calls compiled code directly (issue #17): golden program
 * {@code G093_CompiledCalls} (call-heavy: recursion to StackOverflowError, inline-cache misses,
 * class initialization, exceptions through compiled frames) takes the direct path under
 * {@code --jit on} and {@code eager}, never with the JIT off, and prints and counts the same in
 * every mode (CompiledExecutionTest and MethodEventTraceTest check the same program in more
 * configurations; GoldenProgramsTest against the JVM). Under {@code on}, a recursive method
 * without a loop, first called by interpreted code, gets compiled from its interpreted calls.
 */
class DirectCompiledCallsTest {

    private record Outcome(String out, long[] counts, long directCalls, boolean fibCompiled) {
    }

    private static Outcome run(JitMode jit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = Corpus.newVm(Corpus.capture(out), Corpus.capture(out));
        vm.setJitMode(jit);
        vm.runMain("golden.G093_CompiledCalls", new String[0]);
        long[] counts = new long[256];
        for (GuestThread t : vm.scheduler().threads()) {
            for (int k = 0; k < counts.length && k < t.opCounts.length; k++) {
                counts[k] += t.opCounts[k];
            }
        }
        VmClass c = vm.linker().classForDescriptor("Lgolden/G093_CompiledCalls;");
        MethodCode fib = vm.linker().codeOf(vm.launcher().mainThread(), c.methods.get("fib(I)I"));
        return new Outcome(out.toString(java.nio.charset.StandardCharsets.UTF_8), counts,
                vm.interpreter().directCompiledCalls(), fib.compiled != null);
    }

    @Test
    void compiledCallsGoStraightToCompiledCodeAndChangeNothingElse() throws Exception {
        Outcome off = run(JitMode.OFF);
        assertEquals(0, off.directCalls());
        assertFalse(off.fibCompiled());
        assertTrue(off.out().contains("overflow caught, deeper than 1000: true"), off.out());
        assertTrue(off.out().contains("typed stores 72 16 Rect"), off.out()); // what java prints
        for (JitMode jit : new JitMode[] {JitMode.ON, JitMode.EAGER}) {
            Outcome o = run(jit);
            assertTrue(o.directCalls() > 10_000, jit + ": direct compiled calls " + o.directCalls());
            // fib has no loop and main, its first caller, runs interpreted: under ON it is compiled
            // because the interpreter keeps calling it (and its recursion then stays compiled).
            assertTrue(o.fibCompiled(), jit + ": fib compiled");
            assertEquals(off.out(), o.out(), "output under " + jit);
            assertEquals(java.util.Arrays.toString(off.counts()), java.util.Arrays.toString(o.counts()),
                    "per-opcode counts under " + jit);
        }
    }
}
