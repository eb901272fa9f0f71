package org.cometsim.dalvik.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.hooks.MethodEvents;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.dalvik.rt.VmMethod;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Method entry and exit events ({@link MethodEvents}) are the same whether methods run
 * interpreted, compiled when hot or compiled on first entry: golden programs (recursion,
 * exceptions, threads, monitors, compiled-code edge cases, {@code System.exit}) give identical
 * traces under {@code --jit off|on|eager}, every enter has its exit (but for frames a
 * {@code System.exit} abandons), and a recursion's calls are counted exactly.
 */
class MethodEventTraceTest {
    private static final List<String> PROGRAMS = List.of("golden.G003_ControlFlow", "golden.G006_Polymorphism",
            "golden.G007_Exceptions", "golden.G012_Recursion", "golden.G015_ThreadBasics", "golden.G017_SyncCounters",
            "golden.G022_Monitors", "golden.G023_NumericKernels", "golden.G045_CompiledEdges", "golden.G093_CompiledCalls",
            "golden.exit.GE01_SystemExit", "golden.exit.GE02_UncaughtException");

    /** A trace: its SHA-256, its length, per-method entry counts, exceptional exits, the depth each thread ends at. */
    private record Trace(String sha256, long events, Map<String, Long> enters, long exceptionalExits,
                         Map<String, Integer> endDepths, String out) {
    }

    private static final class Recorder implements MethodEvents {
        final MessageDigest digest;
        long events;
        long exceptionalExits;
        final Map<String, Long> enters = new HashMap<>();
        final Map<GuestThread, Integer> depth = new IdentityHashMap<>();
        final List<String> firstLines = new ArrayList<>();
        boolean negativeDepth;

        Recorder() throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
        }

        private void line(String s) {
            events++;
            if (firstLines.size() < 50) {
                firstLines.add(s);
            }
            digest.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }

        @Override
        public void enter(GuestThread thread, VmMethod method) {
            line(thread.id + " > " + method.owner.descriptor + method.key());
            enters.merge(method.owner.descriptor + method.key(), 1L, Long::sum);
            depth.merge(thread, 1, Integer::sum);
        }

        @Override
        public void exit(GuestThread thread, VmMethod method, boolean exceptional) {
            line(thread.id + (exceptional ? " <! " : " < ") + method.owner.descriptor + method.key());
            if (exceptional) {
                exceptionalExits++;
            }
            if (depth.merge(thread, -1, Integer::sum) < 0) {
                negativeDepth = true;
            }
        }
    }

    private static Trace run(String mainClass, JitMode jit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = Corpus.newVm(Corpus.capture(out), Corpus.capture(out));
        vm.setJitMode(jit);
        Recorder rec = new Recorder();
        vm.setMethodEvents(rec);
        try {
            vm.runMain(mainClass, new String[0]);
        } catch (VmExit e) {
            // System.exit: the frames still on the stacks never exit
        }
        assertTrue(!rec.negativeDepth, "an exit without its enter in " + mainClass + " (" + jit + ")");
        Map<String, Integer> ends = new HashMap<>();
        rec.depth.forEach((t, d) -> ends.put(t.id + " " + t.name, d));
        return new Trace(HexFormat.of().formatHex(rec.digest.digest()), rec.events, rec.enters, rec.exceptionalExits, ends,
                Corpus.text(out));
    }

    @TestFactory
    Stream<DynamicTest> tracesAreTheSameInEveryJitMode() {
        return PROGRAMS.stream().map(m -> DynamicTest.dynamicTest(m, () -> {
            Trace off = run(m, JitMode.OFF);
            assertTrue(off.events() > 0, m + ": no events");
            for (JitMode jit : List.of(JitMode.ON, JitMode.EAGER)) {
                Trace other = run(m, jit);
                assertEquals(off.out(), other.out(), "output of " + m + " under --jit " + jit);
                assertEquals(off.events(), other.events(), "events of " + m + " under --jit " + jit);
                assertEquals(off.enters(), other.enters(), "entries per method of " + m + " under --jit " + jit);
                assertEquals(off, other, "trace of " + m + " under --jit " + jit);
            }
            if (!m.contains("SystemExit")) {
                for (Map.Entry<String, Integer> e : off.endDepths().entrySet()) {
                    assertEquals(0, e.getValue(), m + ": thread " + e.getKey() + " ends with frames never exited");
                }
            }
        }));
    }

    private static long fibCalls(int n) {
        return n < 2 ? 1 : 1 + fibCalls(n - 1) + fibCalls(n - 2);
    }

    /** Counts: naive fib(0..20) and hanoi(10) make exactly as many calls as on paper; exceptions exit exceptionally. */
    @Test
    void countsAreExact() throws Exception {
        for (JitMode jit : List.of(JitMode.OFF, JitMode.EAGER)) {
            Trace t = run("golden.G012_Recursion", jit);
            long fib = 0;
            for (int i = 0; i <= 20; i++) {
                fib += fibCalls(i);
            }
            assertEquals(fib, t.enters().get("Lgolden/G012_Recursion;fib(I)I"), "fib calls, " + jit);
            assertEquals((1L << 11) - 1, t.enters().get("Lgolden/G012_Recursion;hanoi(ICCCLjava/lang/StringBuilder;)V"),
                    "hanoi calls, " + jit);
            assertEquals(1L, t.enters().get("Lgolden/G012_Recursion;main([Ljava/lang/String;)V"));
            Trace ex = run("golden.G007_Exceptions", jit);
            assertTrue(ex.exceptionalExits() > 0, "frames unwound by exceptions: " + ex.exceptionalExits());
        }
    }
}
