package org.cometsim.dalvik.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.conformance.Corpus;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.dalvik.rt.Opcodes;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.cometsim.dalvik.interp.JitMode;

/** The interpreter's hooks for the offload runtime, exercised through real guest code. */
class HooksTest {

    /** Records every barrier call as text. */
    static final class RecordingBarrier implements WriteBarrier {
        final List<String> events = new ArrayList<>();

        @Override
        public void fieldWrite(GuestObject obj, VmField field) {
            events.add("field " + field.name);
        }

        @Override
        public void staticWrite(VmClass cls, VmField field) {
            events.add("static " + cls.name + "." + field.name);
        }

        @Override
        public void arrayWrite(GuestArray array, int from, int count) {
            events.add("array " + array.type.name + " [" + from + "," + (from + count) + ")");
        }

        @Override
        public void arrayWrittenWhole(GuestArray array) {
            events.add("whole " + array.type.name);
        }
    }

    private static Vm vm(ByteArrayOutputStream out) throws Exception {
        return Corpus.newVm(Corpus.capture(out), Corpus.capture(out));
    }

    /** Interpreted and compiled ({@code BaselineCompiler}): compiled code must reach the barrier too. */
    @ParameterizedTest
    @EnumSource(value = JitMode.class, names = {"OFF", "EAGER"})
    void everyWritePathOfATrackedObjectReachesTheBarrier(JitMode jit) throws Exception {
        Vm vm = vm(new ByteArrayOutputStream());
        vm.setJitMode(jit);
        RecordingBarrier b = new RecordingBarrier();
        vm.setWriteBarrier(b);
        GuestArray made = (GuestArray) vm.invokeStatic("hooktarget.Writes", "make", "()[Ljava/lang/Object;");
        Object[] parts = (Object[]) made.data;
        GuestObject w = (GuestObject) parts[0];
        GuestArray ints = (GuestArray) parts[1];
        GuestArray objs = (GuestArray) parts[2];
        String sig = "(Lhooktarget/Writes;)V";

        // Untracked objects never reach the barrier.
        vm.invokeStatic("hooktarget.Writes", "instanceField", sig, w);
        vm.invokeStatic("hooktarget.Writes", "arrayElement", "([I)V", ints);
        assertEquals(List.of(), b.events);

        w.dsm = "tracked";
        ints.dsm = "tracked";
        objs.dsm = "tracked";
        vm.linker().classForDescriptor("Lhooktarget/Writes;").dsm = "tracked";
        vm.invokeStatic("hooktarget.Writes", "instanceField", sig, w);
        vm.invokeStatic("hooktarget.Writes", "refField", sig, w);
        vm.invokeStatic("hooktarget.Writes", "staticField", "()V");
        vm.invokeStatic("hooktarget.Writes", "arrayElement", "([I)V", ints);
        vm.invokeStatic("hooktarget.Writes", "objectArrayElement", "([Ljava/lang/Object;)V", objs);
        vm.invokeStatic("hooktarget.Writes", "arraycopy", "([I)V", ints);
        vm.invokeStatic("hooktarget.Writes", "reflectiveArray", "([I)V", ints);
        vm.invokeStatic("hooktarget.Writes", "hostWritesArray", "([I)V", ints);
        vm.heap().fillArrayData(vm.launcher().mainThread(), ints, new int[] {1, 2});
        vm.invokeStatic("hooktarget.Writes", "reflectiveField", sig, w);
        vm.invokeStatic("hooktarget.Writes", "readOnly", "(Lhooktarget/Writes;[I)I", w, ints);
        assertEquals(List.of(
                "field x",
                "field ref",
                "static hooktarget.Writes.count",
                "array [I [3,4)",
                "array [Ljava.lang.Object; [1,2)",
                "array [I [2,6)",
                "array [I [6,7)",
                "whole [I",
                "array [I [0,2)",
                "field x",
                "static hooktarget.Writes.count"), b.events);
        assertEquals(11L, w.p[w.cls.fields.get("x").slot]);
        assertEquals(2, ((int[]) ints.data)[1]);
    }

    @Test
    void safepointsRunOnBackwardBranchesAndReturnsEveryInterval() throws Exception {
        Vm vm = vm(new ByteArrayOutputStream());
        vm.setSafepointInterval(64);
        List<SafepointHandler.Kind> kinds = new ArrayList<>();
        vm.setSafepointHandler((t, kind) -> {
            kinds.add(kind);
            return SafepointHandler.Action.CONTINUE;
        });
        Object r = vm.invokeStatic("hooktarget.Loop", "sum", "(I)J", 10_000);
        assertEquals(expectedSum(10_000), r);
        // 10,000 backward branches + 10,000 returns from step(): about 20,000 / 64 calls.
        assertTrue(kinds.size() >= 300 && kinds.size() <= 320, "handler calls: " + kinds.size());
        assertTrue(kinds.contains(SafepointHandler.Kind.BACKWARD_BRANCH));
        assertTrue(kinds.contains(SafepointHandler.Kind.RETURN));
    }

    @Test
    void instructionCountersFeedTheCostModel() throws Exception {
        Vm vm = vm(new ByteArrayOutputStream());
        vm.invokeStatic("hooktarget.Loop", "sum", "(I)J", 1000);
        GuestThread t = vm.launcher().mainThread();
        long[] byClass = Opcodes.countsByClass(t.opCounts);
        long total = 0;
        for (long c : byClass) {
            total += c;
        }
        assertEquals(t.totalInstructions(), total);
        assertTrue(byClass[OpcodeClass.INVOKE.ordinal()] >= 1000, "one invoke of step() per iteration");
        assertTrue(byClass[OpcodeClass.RETURN.ordinal()] >= 1000);
        assertTrue(byClass[OpcodeClass.LONG_ARITH.ordinal()] >= 1000);
        assertTrue(byClass[OpcodeClass.BRANCH.ordinal()] >= 1000);
    }

    /** Also from compiled code, which leaves the frame in interpreter form at the safepoint. */
    @ParameterizedTest
    @EnumSource(value = JitMode.class, names = {"OFF", "EAGER"})
    void aThreadStoppedAtASafepointMovesToAnotherVmAndFinishesThere(JitMode jit) throws Exception {
        Vm phone = vm(new ByteArrayOutputStream());
        Vm server = vm(new ByteArrayOutputStream());
        phone.setJitMode(jit);
        server.setJitMode(jit);
        phone.setSafepointInterval(100);
        AtomicInteger calls = new AtomicInteger();
        phone.setSafepointHandler((t, kind) ->
                calls.incrementAndGet() == 5 ? SafepointHandler.Action.MIGRATE : SafepointHandler.Action.CONTINUE);
        List<List<FrameCapture.FrameState>> shipped = new ArrayList<>();
        phone.scheduler().setMigrationHandler(t -> {
            shipped.add(FrameCapture.capture(t));
            phone.scheduler().detach(t); // the thread now lives on the other endpoint
            t.top = null;
            t.state = ThreadState.TERMINATED;
        });
        VmMethod sum = phone.linker().classForDescriptor("Lhooktarget/Loop;").methods.get("sum(I)J");
        GuestThread pt = phone.launcher().spawn("worker", sum, 20_000);
        phone.launcher().runAll();
        assertEquals(1, shipped.size(), "the thread was stopped once");
        List<FrameCapture.FrameState> frames = shipped.get(0);
        assertTrue(frames.get(frames.size() - 1).methodKey().equals("sum(I)J"));
        assertTrue(pt.totalInstructions() > 0);

        GuestThread st = server.models().threads().createStartedThread("worker");
        FrameCapture.restore(server, st, frames);
        server.scheduler().adopt(st, 0);
        server.launcher().runAll();
        assertEquals(ThreadState.TERMINATED, st.state);
        assertEquals(expectedSum(20_000), st.retP, "the computation continued exactly where it stopped");
        assertTrue(st.totalInstructions() > 0 && pt.totalInstructions() > 0, "both endpoints did part of the work");
    }

    @Test
    void aRefusedNativeStopsTheThreadWithThePcOnTheInvoke() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm server = vm(out);
        AtomicInteger refusals = new AtomicInteger();
        server.setNativeGate((t, m) -> {
            boolean pinned = m.owner.name.equals("java.io.PrintStream");
            if (pinned) {
                refusals.incrementAndGet();
            }
            return !pinned;
        });
        List<FrameCapture.FrameState> stopped = new ArrayList<>();
        server.scheduler().setMigrationHandler(t -> {
            stopped.add(FrameCapture.capture(t).get(0));
            server.setNativeGate(null); // "back on the phone": natives may run now
            server.scheduler().adopt(t, 0);
        });
        VmMethod m = server.linker().classForDescriptor("Lhooktarget/Loop;").methods.get("printTwice()V");
        server.launcher().spawn("ui", m);
        server.launcher().runAll();
        assertEquals(1, refusals.get());
        assertEquals(1, stopped.size());
        FrameCapture.FrameState top = stopped.get(0);
        VmMethod pm = server.linker().classForDescriptor("Lhooktarget/Loop;").methods.get("printTwice()V");
        int idx = pm.code.indexOfAddress(top.pcCodeUnits());
        int op = pm.code.insns[idx * 4];
        assertTrue(op == 0x6e || op == 0x74, "pc is on the invoke-virtual of println, was " + Opcodes.name(op));
        assertEquals("first\nsecond\n", out.toString(), "the refused call ran exactly once, after the stop");
    }

    @Test
    void twoVmsInOneJvmDoNotShareState() throws Exception {
        Vm a = vm(new ByteArrayOutputStream());
        Vm b = vm(new ByteArrayOutputStream());
        a.invokeStatic("hooktarget.Writes", "staticField", "()V");
        VmClass ca = a.linker().classForDescriptor("Lhooktarget/Writes;");
        VmClass cb = b.linker().classForDescriptor("Lhooktarget/Writes;");
        assertTrue(ca != cb);
        assertEquals(7L, ca.staticP[ca.fields.get("count").slot]);
        assertEquals(0L, cb.staticP[cb.fields.get("count").slot]);
    }

    @Test
    void aDeadlockIsReportedNotHung() throws Exception {
        Vm vm = vm(new ByteArrayOutputStream());
        VmError e = assertThrows(VmError.class, () -> vm.runMain("hooktarget.Deadlock", new String[0]));
        assertTrue(e.getMessage().startsWith("deadlock:"), e.getMessage());
        assertTrue(e.getMessage().contains("\"left\"") && e.getMessage().contains("\"right\""), e.getMessage());
        assertNotNull(e.getMessage());
    }

    private static long expectedSum(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += (long) i * i % 7 + (i & 3);
        }
        return s;
    }
}
