package org.cometsim.dalvik.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmExit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiled code ({@code BaselineCompiler}) must be invisible: every golden program, run with
 * every method compiled on first entry, and with sampled compilation at a tiny safepoint
 * interval (compiles mid-loop and leaves compiled code at a safepoint every few branches),
 * prints the same, exits the same and executes exactly the same instructions per opcode and
 * per thread as the interpreter alone. Counters feed the simulated clock and the scheduler, so
 * equal counts mean equal simulated time and thread interleaving.
 */
class CompiledExecutionTest {

    @TestFactory
    Stream<DynamicTest> compiledRunsEqualInterpretedRuns() throws Exception {
        return GoldenProgramsTest.mains().stream().map(m -> DynamicTest.dynamicTest(m, () -> check(m)));
    }

    private record Outcome(String out, String err, int status, List<long[]> counts, long compiledRuns) {
    }

    private static Outcome run(String mainClass, JitMode jit, int safepointInterval) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Vm vm = Corpus.newVm(Corpus.capture(out), Corpus.capture(err));
        vm.setJitMode(jit);
        vm.setSafepointInterval(safepointInterval);
        vm.setInstructionLimit(3_000_000_000L);
        int status;
        try {
            status = vm.runMain(mainClass, new String[0]);
        } catch (VmExit e) {
            status = e.status;
        }
        List<long[]> counts = new ArrayList<>();
        for (GuestThread t : vm.scheduler().threads()) {
            counts.add(t.opCounts.clone());
        }
        return new Outcome(Corpus.text(out), Corpus.text(err), status, counts, vm.interpreter().compiledRuns());
    }

    private static void check(String mainClass) throws Exception {
        for (int interval : new int[] {1024, 3}) {
            Outcome interpreted = run(mainClass, JitMode.OFF, interval);
            assertEquals(0, interpreted.compiledRuns());
            for (JitMode jit : interval == 3 ? List.of(JitMode.EAGER, JitMode.ON) : List.of(JitMode.EAGER)) {
                Outcome compiled = run(mainClass, jit, interval);
                String what = mainClass + " (" + jit + ", safepoint interval " + interval + ")";
                if (jit == JitMode.EAGER) {
                    assertTrue(compiled.compiledRuns() > 0, "no compiled code ran: " + what);
                }
                assertEquals(interpreted.out(), compiled.out(), "stdout of " + what);
                assertEquals(interpreted.err(), compiled.err(), "stderr of " + what);
                assertEquals(interpreted.status(), compiled.status(), "exit status of " + what);
                assertEquals(interpreted.counts().size(), compiled.counts().size(), "threads of " + what);
                for (int k = 0; k < interpreted.counts().size(); k++) {
                    assertArrayEquals(interpreted.counts().get(k), compiled.counts().get(k),
                            "per-opcode counts of thread " + k + " of " + what);
                }
            }
        }
    }
}
