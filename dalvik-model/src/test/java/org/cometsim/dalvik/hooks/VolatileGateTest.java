package org.cometsim.dalvik.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.conformance.Corpus;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.rt.ClassHeader;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.ObjectHeader;
import org.cometsim.dalvik.rt.Opcodes;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link VolatileGate}: asked before every volatile access of a tracked object and every
 * volatile static (instance fields of untracked objects never), from the interpreter, from
 * compiled code (which hands such instructions to the interpreter), from reflection and from the
 * guest library's atomic natives; the access runs after the gate, again after a WAIT, and a
 * MIGRATE stops the thread with its pc on the access. With no gate, volatile field instructions
 * take the fast paths like any other.
 */
class VolatileGateTest {
    private static final String CLS = "hooktarget.Volatiles";
    private static final String SELF = "Lhooktarget/Volatiles;";

    private static Vm vm() throws Exception {
        return Corpus.newVm(Corpus.capture(new ByteArrayOutputStream()), Corpus.capture(new ByteArrayOutputStream()));
    }

    /** Records each call as "ACCESS field old-value" and answers with {@code answer}. */
    static final class RecordingGate implements VolatileGate {
        final List<String> calls = new ArrayList<>();
        Function<String, Integer> answer = call -> PROCEED;

        @Override
        public int beforeAccess(GuestThread t, Object holder, VmField field, Access access, boolean mayMigrate) {
            Object old = field.isStatic ? ((VmClass) holder).staticP[field.slot]
                    : field.isRef ? ((GuestObject) holder).r[field.slot] : (Object) ((GuestObject) holder).p[field.slot];
            String call = access + " " + field.name + " was " + old + (mayMigrate ? "" : " (native)");
            calls.add(call);
            return answer.apply(call);
        }
    }

    private static long count(List<String> calls, String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }

    /**
     * A loop of volatile reads and writes: each access asks the gate once, in order, with the old
     * value still in place, under every JIT mode (compiled code leaves such instructions to the
     * interpreter); the result and the calls are identical.
     */
    @ParameterizedTest
    @EnumSource(JitMode.class)
    void everyVolatileAccessAsksTheGateFirst(JitMode jit) throws Exception {
        Vm vm = vm();
        vm.setJitMode(jit);
        RecordingGate gate = new RecordingGate();
        vm.hooks().setVolatileGate(gate);
        GuestObject v = (GuestObject) vm.invokeStatic(CLS, "make", "()" + SELF);
        VmClass c = vm.linker().classForDescriptor(SELF);
        int n = 3000;

        // Untracked: instance fields never reach the gate; a class's volatile statics always do.
        long untracked = (Long) vm.invokeStatic(CLS, "loop", "(" + SELF + "I)J", v, n);
        assertEquals(2L * n, gate.calls.size(), "only sv's read and write: " + gate.calls.subList(0, 4));
        assertEquals(n, count(gate.calls, "READ sv"));
        assertEquals(n, count(gate.calls, "WRITE sv"));

        gate.calls.clear();
        v.dsm = new ObjectHeader(1);
        c.dsm = new ClassHeader(2);
        long tracked = (Long) vm.invokeStatic(CLS, "loop", "(" + SELF + "I)J", v, n);
        assertEquals(8L * n, gate.calls.size());
        assertEquals(List.of("READ vi was " + n, "WRITE vi was " + n, "READ vl was " + 2L * n, "WRITE vl was " + 2L * n,
                "READ vr was null", "WRITE vr was null", "READ sv was " + 3 * n, "WRITE sv was " + 3 * n,
                "READ vi was " + (n + 1)), gate.calls.subList(0, 9), "in program order, before each store");
        for (String kind : List.of("READ vi", "WRITE vi", "READ vl", "WRITE vl", "READ vr", "WRITE vr", "READ sv", "WRITE sv")) {
            assertEquals(n, count(gate.calls, kind), kind);
        }
        assertEquals(expected(0, 0, 0, n), untracked);
        assertEquals(expected(n, 2L * n, 3L * n, n), tracked);
        assertEquals(2L * n, v.p[c.fields.get("vi").slot]);
    }

    /** What {@code Volatiles.loop} returns from the given starting values. */
    private static long expected(long vi, long vl, long sv, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += (vi + i) + (vl + 2L * i) + (sv + 3L * i);
        }
        return s;
    }

    /** Reflection, the field updater and AtomicInteger's natives ask the gate (as natives: no migration), before each change. */
    @Test
    void nativesAskTheGateBeforeTheyReadOrWrite() throws Exception {
        Vm vm = vm();
        RecordingGate gate = new RecordingGate();
        vm.hooks().setVolatileGate(gate);
        GuestObject v = (GuestObject) vm.invokeStatic(CLS, "make", "()" + SELF);
        GuestObject atomic = (GuestObject) v.r[v.cls.fields.get("atomic").slot];
        v.dsm = new ObjectHeader(1);
        atomic.dsm = new ObjectHeader(2);
        Object r = vm.invokeStatic(CLS, "natives", "(" + SELF + ")Ljava/lang/String;", v);
        assertEquals("40 41 8 true 9 14 1", r);
        assertEquals(List.of(
                "WRITE vi was 0 (native)", "READ vi was 40 (native)", // Field.setInt, getInt
                "READ vi was 40 (native)", "WRITE vi was 40 (native)", // the updater's compareAndSet
                "READ vi was 41 (native)", // the updater's get
                "WRITE value was 0", // AtomicInteger.set: guest code
                "ATOMIC value was 7 (native)", "ATOMIC value was 8 (native)", "ATOMIC value was 9 (native)",
                "ATOMIC value was 14 (native)", "READ value was 1"), gate.calls);
    }

    /** WAIT: the thread blocks; woken, it runs the access again from the start, which then happens once. */
    @ParameterizedTest
    @EnumSource(value = JitMode.class, names = {"OFF", "EAGER"})
    void aWaitRunsTheAccessAgainWhenWoken(JitMode jit) throws Exception {
        Vm vm = vm();
        vm.setJitMode(jit);
        RecordingGate gate = new RecordingGate();
        vm.hooks().setVolatileGate(gate);
        GuestObject v = (GuestObject) vm.invokeStatic(CLS, "make", "()" + SELF);
        v.dsm = new ObjectHeader(1);
        int[] waits = {0};
        VolatileGate waitOnce = (t, holder, field, access, mayMigrate) -> {
            int d = gate.beforeAccess(t, holder, field, access, mayMigrate);
            if (access == VolatileGate.Access.WRITE && waits[0]++ == 0) {
                // Ownership "arrives" at once: the thread is runnable again and re-executes the write.
                vm.scheduler().blockExternally(t, "ownership");
                vm.scheduler().wakeExternal(t, vm.scheduler().now());
                return VolatileGate.WAIT;
            }
            return d;
        };
        vm.hooks().setVolatileGate(waitOnce);
        VmMethod m = v.cls.methods.get("writeOnce(" + SELF + "I)I");
        GuestThread t = vm.launcher().spawn("writer", m, v, 77);
        vm.launcher().runAll();
        assertEquals(77L, t.retP);
        assertEquals(List.of("WRITE vi was 0", "WRITE vi was 0", "READ vi was 77"), gate.calls,
                "nothing was written before the gate said PROCEED");
        assertEquals(0, t.blockPhase, "the outside wait left no block phase behind");
    }

    /** MIGRATE: the thread stops with its pc on the volatile access, which runs (once) where it resumes. */
    @Test
    void aMigrateStopsTheThreadOnTheAccess() throws Exception {
        Vm vm = vm();
        GuestObject v = (GuestObject) vm.invokeStatic(CLS, "make", "()" + SELF);
        v.dsm = new ObjectHeader(1);
        RecordingGate gate = new RecordingGate();
        gate.answer = call -> call.startsWith("WRITE") ? VolatileGate.MIGRATE : VolatileGate.PROCEED;
        vm.hooks().setVolatileGate(gate);
        ObjectTable ids = new ObjectTable();
        List<FrameCapture.FrameState> stopped = new ArrayList<>();
        vm.scheduler().setMigrationHandler(t -> {
            ThreadImage image = vm.detach(t, ids);
            stopped.add(image.frames().get(0));
            gate.answer = call -> VolatileGate.PROCEED; // "on the other endpoint", which owns it
            vm.adopt(image, ids, 0, t);
        });
        VmMethod m = v.cls.methods.get("writeOnce(" + SELF + "I)I");
        GuestThread t = vm.launcher().spawn("writer", m, v, 5);
        vm.launcher().runAll();
        assertEquals(5L, t.retP);
        assertEquals(1, stopped.size());
        int idx = m.code.indexOfAddress(stopped.get(0).pcCodeUnits());
        assertEquals("iput", Opcodes.name(m.code.insns[idx * 4]), "pc on the volatile write");
        assertEquals(List.of("WRITE vi was 0", "WRITE vi was 0", "READ vi was 5"), gate.calls);
    }

    /**
     * With no gate a volatile field instruction is quickened like any other (the fast paths and
     * compiled code run it: no test on them); with a gate it stays on the slow path.
     */
    @Test
    void withoutAGateVolatileFieldsTakeTheFastPath() throws Exception {
        for (boolean gated : new boolean[] {false, true}) {
            Vm vm = vm();
            vm.setJitMode(JitMode.OFF);
            if (gated) {
                vm.hooks().setVolatileGate(new RecordingGate());
            }
            GuestObject v = (GuestObject) vm.invokeStatic(CLS, "make", "()" + SELF);
            vm.invokeStatic(CLS, "writeOnce", "(" + SELF + "I)I", v, 1);
            VmMethod m = v.cls.methods.get("writeOnce(" + SELF + "I)I");
            int[] code = m.code.insns;
            int quickened = 0;
            int fieldInsns = 0;
            for (int pc = 0; pc < m.code.instructionCount(); pc++) {
                int op = code[pc << 2];
                if (op >= 0x52 && op <= 0x5f) {
                    fieldInsns++;
                    quickened += code[(pc << 2) + 3] < 0 ? 1 : 0;
                }
            }
            assertEquals(2, fieldInsns);
            assertEquals(gated ? 0 : 2, quickened, gated ? "gated: never quickened" : "no gate: quickened");
        }
    }
}
