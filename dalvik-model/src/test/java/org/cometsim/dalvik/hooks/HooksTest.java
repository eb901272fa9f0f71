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
import org.cometsim.dalvik.rt.ClassHeader;
import org.cometsim.dalvik.rt.ObjectHeader;
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

    private static Vm vm(ByteArrayOutputStream out) throws Exception {
        return Corpus.newVm(Corpus.capture(out), Corpus.capture(out));
    }

    /**
     * A barrier that records each call with the value it finds <em>at call time</em>: the old
     * value if the call precedes the store, as the one barrier rule says.
     */
    static final class BeforeStoreBarrier implements WriteBarrier {
        final List<String> events = new ArrayList<>();

        @Override
        public void fieldWrite(GuestObject obj, VmField field) {
            Object old = field.isRef ? obj.r[field.slot] : (Object) obj.p[field.slot];
            events.add("field " + field.name + " was " + show(old));
        }

        @Override
        public void staticWrite(VmClass cls, VmField field) {
            Object old = field.isRef ? cls.staticR[field.slot] : (Object) cls.staticP[field.slot];
            events.add("static " + cls.name.substring(cls.name.lastIndexOf('.') + 1) + "." + field.name + " was " + show(old));
        }

        @Override
        public void arrayWrite(GuestArray array, int from, int count) {
            StringBuilder sb = new StringBuilder();
            for (int k = from; k < from + count; k++) {
                sb.append(k == from ? "" : ",").append(show(java.lang.reflect.Array.get(array.data, k)));
            }
            events.add("array " + array.type.name + " [" + from + "," + (from + count) + ") was " + sb);
        }

        @Override
        public void arrayWrittenWhole(GuestArray array) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < array.length; k++) {
                sb.append(k == 0 ? "" : ",").append(show(java.lang.reflect.Array.get(array.data, k)));
            }
            events.add("whole " + array.type.name + " was " + sb);
        }

        private static String show(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof String str) {
                return "\"" + str + "\"";
            }
            if (v instanceof GuestObject g) {
                return "a " + g.cls.name;
            }
            if (v instanceof List<?> l) {
                return "a list of " + l.size();
            }
            if (v instanceof Object[] a) {
                return "an array of " + a.length;
            }
            if (v instanceof Boolean || v instanceof Character) {
                return v.toString();
            }
            if (v instanceof Number n && !(v instanceof Long)) {
                return String.valueOf(n.doubleValue() == n.longValue() ? Long.toString(n.longValue()) : n.toString());
            }
            return String.valueOf(v);
        }
    }

    private static final ObjectHeader TRACKED = new ObjectHeader(1);

    /**
     * Every write path of a tracked object calls the barrier before its store, in the interpreter
     * and in compiled code ({@code BaselineCompiler}, every method compiled on entry): the barrier
     * sees each store's old value, then the new value is in place.
     */
    @ParameterizedTest
    @EnumSource(value = JitMode.class, names = {"OFF", "EAGER"})
    void everyWritePathReportsBeforeItsStore(JitMode jit) throws Exception {
        Vm vm = vm(new ByteArrayOutputStream());
        vm.setJitMode(jit);
        BeforeStoreBarrier b = new BeforeStoreBarrier();
        vm.setWriteBarrier(b);
        String cls = "hooktarget.BarrierTarget";
        Object[] parts = (Object[]) ((GuestArray) vm.invokeStatic(cls, "make", "()[Ljava/lang/Object;")).data;
        GuestObject t = (GuestObject) parts[0];

        // Untracked objects never reach the barrier. (These first runs also resolve and quicken the
        // field instructions, so the tracked runs below take compiled code's own barrier calls.)
        vm.invokeStatic(cls, "fields", "(Lhooktarget/BarrierTarget;)V", t);
        vm.invokeStatic(cls, "statics", "()V");
        vm.invokeStatic(cls, "arrays", "([I[J[F[D[Z[B[C[S[Ljava/lang/Object;)V", parts[1], parts[2], parts[3], parts[4],
                parts[5], parts[6], parts[7], parts[8], parts[9]);
        assertEquals(List.of(), b.events);
        parts = (Object[]) ((GuestArray) vm.invokeStatic(cls, "make", "()[Ljava/lang/Object;")).data;
        t = (GuestObject) parts[0];
        Object[] fresh = (Object[]) ((GuestArray) vm.invokeStatic(cls, "make", "()[Ljava/lang/Object;")).data;

        for (Object o : parts) {
            if (o instanceof GuestObject g) {
                g.dsm = TRACKED;
            } else {
                ((GuestArray) o).dsm = TRACKED;
            }
        }
        VmClass targetClass = vm.linker().classForDescriptor("Lhooktarget/BarrierTarget;");
        targetClass.dsm = new ClassHeader(2);
        String self = "(Lhooktarget/BarrierTarget;)V";
        vm.invokeStatic(cls, "fields", self, t);
        vm.invokeStatic(cls, "statics", "()V");
        vm.invokeStatic(cls, "arrays", "([I[J[F[D[Z[B[C[S[Ljava/lang/Object;)V", parts[1], parts[2], parts[3], parts[4],
                parts[5], parts[6], parts[7], parts[8], parts[9]);
        vm.invokeStatic(cls, "typedArray", "([Ljava/lang/String;)V", parts[10]);
        vm.invokeStatic(cls, "arraycopy", "([I[Ljava/lang/Object;)V", parts[1], parts[9]);
        assertEquals("ArrayStoreException",
                vm.invokeStatic(cls, "arraycopyStopsAtAMismatch", "([Ljava/lang/String;)Ljava/lang/String;", parts[10]));
        vm.invokeStatic(cls, "reflectArray", "([I[Ljava/lang/Object;[D)V", parts[1], parts[9], parts[4]);
        vm.heap().fillArrayData(vm.launcher().mainThread(), (GuestArray) parts[2], new long[] {5, 6});
        vm.invokeStatic(cls, "hostWrites", "([I[C)V", parts[1], parts[7]);
        vm.invokeStatic(cls, "hostToArray", "([Ljava/lang/Object;)V", parts[9]);
        vm.invokeStatic(cls, "reflectFields", self, t);
        vm.invokeStatic(cls, "updater", self, t);
        GuestObject cause = (GuestObject) fresh[11]; // untracked
        vm.invokeStatic(cls, "throwable", "(Ljava/lang/RuntimeException;Ljava/lang/RuntimeException;)V", parts[11], cause);
        vm.invokeStatic(cls, "thread", "(Ljava/lang/Thread;)V", parts[12]);
        VmClass statics = vm.linker().classForDescriptor("Lhooktarget/BarrierTarget$StaticValues;");
        statics.dsm = new ClassHeader(3);
        assertEquals(42L, vm.invokeStatic("hooktarget.BarrierTarget$StaticValues", "touch", "()J"));
        int before = b.events.size();
        vm.invokeStatic(cls, "readOnly", "(Lhooktarget/BarrierTarget;[I)J", t, parts[1]);
        assertEquals(before, b.events.size(), "reads reach no barrier");

        assertEquals(List.of(
                "field i was 0", "field j was 0", "field f was 0", "field d was 0", "field z was 0", "field b was 0",
                "field c was 0", "field s was 0", "field ref was null",
                "static BarrierTarget.sInt was 7", "static BarrierTarget.sRef was \"s\"", // (set by the untracked run)
                "array [I [1,2) was 0", "array [J [1,2) was 0", "array [F [1,2) was 0", "array [D [1,2) was 0",
                "array [Z [1,2) was false", "array [B [1,2) was 0", "array [C [1,2) was \u0000", "array [S [1,2) was 0",
                "array [Ljava.lang.Object; [1,2) was null",
                "array [Ljava.lang.String; [0,1) was null",
                "array [I [2,4) was 0,0", "array [Ljava.lang.Object; [2,3) was null",
                "array [Ljava.lang.String; [1,2) was null",
                "array [I [4,5) was 0", "array [Ljava.lang.Object; [3,4) was null", "array [D [2,3) was 0",
                "array [J [0,2) was 0,2",
                "whole [I was 0,1,9,9,9,0,0,0", "whole [C was \u0000,c,\u0000,\u0000",
                "whole [Ljava.lang.Object; was null,\"o\",\"x\",\"y\"",
                "field i was 1", "static BarrierTarget.sInt was 7",
                "field vol was 0", "field vol was 1",
                "field cause was a java.lang.RuntimeException", "field stackTrace was an array of 1",
                "field suppressedExceptions was null", "field suppressedExceptions was a list of 1",
                "field name was \"t1\"", "field daemon was 0", "field priority was 5",
                "static BarrierTarget$StaticValues.K was 0", "static BarrierTarget$StaticValues.S was null"),
                stackTraceLengthFree(b.events));

        // ... and each store then happened.
        assertEquals(11L, t.p[t.cls.fields.get("i").slot]);
        assertEquals(20L, t.p[t.cls.fields.get("vol").slot]);
        assertEquals(12L, targetClass.staticP[targetClass.fields.get("sInt").slot]);
        assertEquals("[4, 4, 4, 4, 4, 4, 4, 4]", java.util.Arrays.toString((int[]) ((GuestArray) parts[1]).data));
        assertEquals("[5, 6, 0, 0]", java.util.Arrays.toString((long[]) ((GuestArray) parts[2]).data));
        assertEquals("[h, e, \u0000, \u0000]", java.util.Arrays.toString((char[]) ((GuestArray) parts[7]).data));
        assertEquals("[p, q, null, y]", java.util.Arrays.toString((Object[]) ((GuestArray) parts[9]).data));
        assertEquals("[typed, y, null, null]", java.util.Arrays.toString((Object[]) ((GuestArray) parts[10]).data));
        assertEquals(42L, statics.staticP[statics.fields.get("K").slot]);
    }

    /** The old stack trace's length depends on where the exception was made: only its presence matters. */
    private static List<String> stackTraceLengthFree(List<String> events) {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            out.add(e.startsWith("field stackTrace was an array of ") ? "field stackTrace was an array of 1" : e);
        }
        return out;
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
        ObjectTable ids = new ObjectTable(); // one heap for both VMs: references pass through
        List<ThreadImage> shipped = new ArrayList<>();
        phone.scheduler().setMigrationHandler(t -> shipped.add(phone.detach(t, ids)));
        VmMethod sum = phone.linker().classForDescriptor("Lhooktarget/Loop;").methods.get("sum(I)J");
        GuestThread pt = phone.launcher().spawn("worker", sum, 20_000);
        phone.launcher().runAll();
        assertEquals(1, shipped.size(), "the thread was stopped once");
        ThreadImage image = shipped.get(0);
        List<FrameCapture.FrameState> frames = image.frames();
        assertEquals("sum(I)J", frames.get(frames.size() - 1).methodKey());
        assertEquals("worker", image.name());
        assertEquals(pt.id, image.threadId());
        assertEquals(List.of(), image.heldMonitors());
        assertEquals(ThreadState.RUNNABLE, image.state());
        assertEquals(null, pt.top, "the thread's frames left with it");
        assertTrue(pt.totalInstructions() > 0);

        GuestThread st = server.adopt(image, ids, 0);
        assertTrue(st != pt && st.threadObject == pt.threadObject);
        assertEquals("worker", st.name);
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
        ObjectTable ids = new ObjectTable();
        server.scheduler().setMigrationHandler(t -> {
            ThreadImage image = server.detach(t, ids);
            stopped.add(image.frames().get(0));
            server.setNativeGate(null); // "back on the phone": natives may run now
            server.adopt(image, ids, 0, t); // into the same (paired) thread
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
