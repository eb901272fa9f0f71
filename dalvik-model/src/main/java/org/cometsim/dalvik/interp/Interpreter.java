package org.cometsim.dalvik.interp;

import org.cometsim.dalvik.code.HostIntrinsics;

import org.cometsim.dalvik.code.MathIntrinsics;

import org.cometsim.dalvik.rt.Links;

import org.cometsim.dalvik.rt.CodeTemplate;

import org.cometsim.dalvik.rt.MethodCode;

import org.cometsim.dalvik.rt.Opcodes;

import org.cometsim.dalvik.host.HostBridge;
import org.cometsim.dalvik.hooks.MethodEvents;
import org.cometsim.dalvik.hooks.MonitorGate;
import org.cometsim.dalvik.hooks.VolatileGate;
import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.hooks.WriteBarrier;
import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.sched.Monitors;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.hooks.SafepointHandler;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.Frames;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.sched.Scheduler;
import org.cometsim.dalvik.sched.ThreadRunner;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * The Dalvik interpreter: one loop with one switch over pre-decoded instructions
 * ({@link MethodCode}), running a guest thread's explicit frame stack. Guest-to-guest calls push
 * a {@link Frame} and stay in the loop (no host recursion), which is what lets the VM switch
 * green threads, capture frames at safepoints and migrate them.
 *
 * <p>{@link #run} returns a status when the thread must leave the loop: its time slice ended,
 * it blocked, it finished, a callback frame returned, or the offload runtime asked for it.
 * Semantics follow the AOSP "Dalvik bytecode" page; see {@code dalvik-notes.md} §3 for the
 * checklist (wide moves, payloads, monitor-exit pc, class init with static values ...).
 *
 * <p>Speed (issue #3): the loop ({@code execute}, called by {@link #run}) must stay well under
 * HotSpot's 8000-byte limit, and C2 only
 * inlines small helpers into it while the caller plus inlined code stays under the same budget,
 * so it holds only the frequent instructions (moves, constants, branches split per opcode, int,
 * long, float and double arithmetic, arrays, field fast paths, invoke/return); everything rare
 * and every slow path is in {@link #slowOp}. After anything that may change the frame (call,
 * return, handler, slow path) the loop re-reads the top frame at {@code reload}. iget/iput are
 * quickened on first execution ({@code quickenField}); a returning frame is kept for the next
 * call of its method ({@link MethodCode#spare}); pure host methods such as boxing run inline
 * ({@link HostIntrinsics}). Per-opcode counters stay exact: one increment per dispatched
 * instruction, as before. The loop returns to {@link #run} at every safepoint slow path and is
 * called again ({@code RESTART}), so a deoptimized activation never lingers.
 *
 * <p>Hot methods with loops also have {@link CompiledCode} ({@link BaselineCompiler}, sampled at
 * safepoints; see {@link JitMode}): the loop hands the top frame to it at a method's start, at a
 * backward branch and after an instruction it ran on the compiled code's behalf
 * ({@code enterCompiled}), and goes on at whatever pc the compiled code left the frame.
 */
public final class Interpreter implements GuestCalls, ThreadRunner {
    /** Status codes returned by {@link #run}. */
    // Status codes of run(): ThreadRunner's YIELD, BLOCKED, TERMINATED, BASE_RETURN, MIGRATE.

    private static final int CONTINUE = -1;
    /**
     * From a safepoint slow path (see {@link #RESTART_PERIOD_MASK}) when nothing else stops the
     * thread: {@link #execute} returns and {@link #run} calls it again at once. A
     * thread otherwise stays inside one activation of {@code execute} for its whole life, and
     * when HotSpot deoptimizes that activation (a switch case or branch taken for the first time)
     * it finishes in HotSpot's bytecode interpreter, tens of times slower, until OSR catches up:
     * measured, single runs of the same workload took 88 ms or 1.9 s. Returning now and then
     * lets the next activation enter the newest compiled code.
     */
    private static final int RESTART = -2;
    /**
     * Frames deeper than this raise StackOverflowError (frames live on the heap, not the host stack).
     * At least HotSpot's default depth for the same code: 23,253 frames of a one-int recursion on
     * JDK 17 (1 MB thread stacks), 7,000-11,000 for frames with two longs (issue #12).
     */
    public static final int MAX_DEPTH = 65_536;

    private final OffloadHooks hooks;
    private ClassLinker linker;
    private MemberResolver resolver;
    private ClassInitializer init;
    private Heap heap;
    private GuestExceptions exceptions;
    private GuestFaults faults;
    private Scheduler scheduler;
    private Monitors monitors;
    private HostBridge bridge;
    private JitMode jitMode = JitMode.fromSystemProperty();
    private int safepointInterval = 1024;
    private long instructionLimit = Long.MAX_VALUE;

    public Interpreter(OffloadHooks hooks) {
        this.hooks = hooks;
    }

    /** Connects the engine to its VM's parts (once, while the VM is assembled). */
    public void attach(ClassLinker linker, MemberResolver resolver, ClassInitializer init, Heap heap,
                       GuestExceptions exceptions, Scheduler scheduler, Monitors monitors, HostBridge bridge) {
        this.linker = linker;
        this.resolver = resolver;
        this.init = init;
        this.heap = heap;
        this.exceptions = exceptions;
        this.faults = new GuestFaults(exceptions);
        this.scheduler = scheduler;
        this.monitors = monitors;
        this.bridge = bridge;
    }

    /** Whether hot guest methods run as compiled code (default from {@code -Dcomet.jit}, else ON). */
    public JitMode jitMode() {
        return jitMode;
    }

    public void setJitMode(JitMode mode) {
        this.jitMode = java.util.Objects.requireNonNull(mode);
    }

    /** How many safepoints a thread passes between two slow paths (COMET: 1024). */
    public int safepointInterval() {
        return safepointInterval;
    }

    public void setSafepointInterval(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("safepoint interval must be >= 1");
        }
        this.safepointInterval = n;
    }

    /**
     * Stops the run with a {@link VmError} once the guest has executed more than {@code limit}
     * instructions in all (checked at safepoint slow paths): a guard for tests and sweeps.
     */
    public void setInstructionLimit(long limit) {
        this.instructionLimit = limit;
    }

    private void checkInstructionLimit() {
        if (instructionLimit != Long.MAX_VALUE && scheduler.executedSoFar() > instructionLimit) {
            throw new VmError("instruction limit of " + instructionLimit + " exceeded");
        }
    }

    /** For compiled code: the write barrier (the no-op one when none is installed). */
    public WriteBarrier barrier() {
        return hooks.barrier();
    }

    /**
     * For compiled code, before a quickened iput (instruction {@code pc} of code {@code insns}
     * with links {@code links}) stores into {@code go}: the write barrier if the DSM tracks it.
     */
    public void fieldWriteBarrier(GuestObject go, int[] insns, Object[] links, int pc) {
        if (go.dsm != null) { // (small enough for HotSpot to inline into compiled code at every iput)
            trackedFieldWrite(go, insns, links, pc);
        }
    }

    private void trackedFieldWrite(GuestObject go, int[] insns, Object[] links, int pc) {
        Links.FieldLink fl = (Links.FieldLink) links[fieldLinkIndex(insns, pc << 2)];
        hooks.barrier().fieldWrite(go, fl.resolved);
    }

    /** For compiled code, before an sput stores static {@code fd} of {@code c}: the write barrier if the DSM tracks it. */
    public void staticWriteBarrier(VmClass c, VmField fd) {
        if (c.dsm != null) {
            hooks.barrier().staticWrite(c, fd);
        }
    }

    /**
     * For compiled code, before aput-object stores {@code v} (not null) into {@code arr}: whether
     * the store check the interpreter makes passes (the array's component is Object, or v's class
     * is a subtype of it) and the host array takes the value; if not, compiled code exits and the
     * interpreter raises the ArrayStoreException. Lets a store into a typed array (a tracked one
     * too: the barrier follows inline) stay in compiled code.
     */
    public boolean storeCheckPasses(GuestArray arr, Object v) {
        VmClass component = arr.type.component;
        if (component != linker.objectClass()) {
            VmClass vc = linker.classOf(v);
            if (vc != component && !vc.isSubtypeOf(component)) {
                return false;
            }
        }
        return arr.data.getClass().getComponentType().isInstance(v);
    }

    /** For compiled code: {@code java.lang.Object}'s class. */
    public VmClass objectClass() {
        return linker.objectClass();
    }

    /**
     * Runs {@code t} from its top frame's pc until it yields, blocks, terminates, returns from a
     * base (callback) frame, or is stopped for migration. Throws {@link GuestThrowable} when an
     * exception unwinds past a base frame.
     */
    @Override
    public int runSlice(GuestThread t) {
        return run(t);
    }

    public int run(GuestThread t) {
        int s;
        do {
            s = execute(t);
        } while (s == RESTART);
        return s;
    }

    /** {@link #run}, until the next {@link #RESTART}. */
    private int execute(GuestThread t) {
        final long[] counts = t.opCounts;
        Frame f = t.top;
        int pc = f.pc;
        Object pending = null;
        boolean jit = true; // try compiled code at the next reload (entering, after a call or a backward branch)

        while (true) {
            if (pending != null) {
                // Dispatch an exception raised by the previous iteration (t.top.pc is the throwing pc).
                Object ex = pending;
                pending = null;
                int s = unwind(t, t.top, ex);
                if (s != CONTINUE) {
                    return s;
                }
            }
            try {
                reload:
                while (true) {
                    // (Re)enter t.top at its pc: after calls, returns, handlers and slow paths.
                    if (jit) {
                        jit = false;
                        int s = enterCompiled(t);
                        if (s != CONTINUE) {
                            return s;
                        }
                    }
                    f = t.top;
                    pc = f.pc;
                    final MethodCode mc = f.code;
                    final int[] code = mc.insns;
                    final Object[] links = mc.links;
                    final long[] r = f.r;
                    final Object[] o = f.o;
                while (true) {
                    final int i = pc << 2;
                    final int op = code[i];
                    counts[op]++;
                    backward: {
                    switch (op) {
                        case 0x00: // nop
                            pc++;
                            break;
                        case 0x01: case 0x02: case 0x03: // move: copying both halves is right for any 32-bit value
                        case 0x07: case 0x08: case 0x09: { // move-object
                            int a = code[i + 1];
                            int b = code[i + 2];
                            r[a] = r[b];
                            o[a] = o[b];
                            pc++;
                            break;
                        }
                        case 0x04: case 0x05: case 0x06: { // move-wide: read before write (pairs may overlap)
                            int a = code[i + 1];
                            long v = r[code[i + 2]];
                            r[a] = v;
                            r[a + 1] = v >> 32;
                            o[a] = null;
                            o[a + 1] = null;
                            pc++;
                            break;
                        }
                        case 0x0a: { // move-result
                            int a = code[i + 1];
                            r[a] = t.retP;
                            o[a] = null;
                            pc++;
                            break;
                        }
                        case 0x0b: { // move-result-wide
                            int a = code[i + 1];
                            long v = t.retP;
                            r[a] = v;
                            r[a + 1] = v >> 32;
                            o[a] = null;
                            o[a + 1] = null;
                            pc++;
                            break;
                        }
                        case 0x0c: { // move-result-object
                            int a = code[i + 1];
                            o[a] = t.retR;
                            r[a] = 0;
                            t.retR = null;
                            pc++;
                            break;
                        }
                        case 0x0e: case 0x0f: case 0x10: case 0x11: { // return*
                            if (op == 0x0f) {
                                t.retP = (int) r[code[i + 1]];
                            } else if (op == 0x10) {
                                t.retP = r[code[i + 1]];
                            } else if (op == 0x11) {
                                t.retR = o[code[i + 1]];
                            }
                            Frame caller = f.caller;
                            if (caller == null || f.base || f.clinitOf != null || f.syncOn != null) {
                                int s = returnSlow(t, f);
                                if (s != CONTINUE) {
                                    return s;
                                }
                                continue reload;
                            }
                            t.top = caller;
                            caller.pc++;
                            f.code.spare = f; // popped: its registers may serve the next call of the method
                            MethodEvents ev = hooks.methodEvents();
                            if (ev != null) {
                                ev.exit(t, f.method, false);
                            }
                            jit = caller.code.compiled != null; // a return site is an entry
                            if (--t.safepointBudget < 0) {
                                int s = safepoint(t, SafepointHandler.Kind.RETURN);
                                if (s != CONTINUE) {
                                    return s;
                                }
                            }
                            continue reload;
                        }
                        case 0x12: case 0x13: case 0x14: case 0x15: { // const (0 is also null)
                            int a = code[i + 1];
                            r[a] = code[i + 2];
                            o[a] = null;
                            pc++;
                            break;
                        }
                        case 0x16: case 0x17: case 0x18: case 0x19: { // const-wide
                            int a = code[i + 1];
                            long v = (code[i + 2] & 0xFFFFFFFFL) | ((long) code[i + 3] << 32);
                            r[a] = v;
                            r[a + 1] = v >> 32;
                            o[a] = null;
                            o[a + 1] = null;
                            pc++;
                            break;
                        }
                        case 0x1a: case 0x1b: { // const-string
                            int a = code[i + 1];
                            o[a] = links[code[i + 3]];
                            r[a] = 0;
                            pc++;
                            break;
                        }
                        case 0x21: { // array-length
                            int a = code[i + 1];
                            Object arr = o[code[i + 2]];
                            if (arr == null) {
                                f.pc = pc;
                                throw exceptions.npe(t, "Cannot read the array length because the array is null");
                            }
                            r[a] = ((GuestArray) arr).length;
                            o[a] = null;
                            pc++;
                            break;
                        }
                        case 0x28: case 0x29: case 0x2a: { // goto
                            int tg = code[i + 1];
                            if (tg <= pc) {
                                pc = tg;
                                break backward;
                            }
                            pc = tg;
                            break;
                        }
                        case 0x32: { // if-eq: ints (o[] cleared) and references (r[] zeroed) alike
                            if (o[code[i + 1]] == o[code[i + 2]] && (int) r[code[i + 1]] == (int) r[code[i + 2]]) {
                                int tg = code[i + 3];
                                if (tg <= pc) {
                                    pc = tg;
                                    break backward;
                                }
                                pc = tg;
                            } else {
                                pc++;
                            }
                            break;
                        }
                        case 0x33: { // if-ne
                            if (o[code[i + 1]] != o[code[i + 2]] || (int) r[code[i + 1]] != (int) r[code[i + 2]]) {
                                int tg = code[i + 3];
                                if (tg <= pc) {
                                    pc = tg;
                                    break backward;
                                }
                                pc = tg;
                            } else {
                                pc++;
                            }
                            break;
                        }
                        case 0x34: { // if-lt
                            if ((int) r[code[i + 1]] < (int) r[code[i + 2]]) {
                                int tg = code[i + 3];
                                if (tg <= pc) {
                                    pc = tg;
                                    break backward;
                                }
                                pc = tg;
                            } else {
                                pc++;
                            }
                            break;
                        }
                        case 0x35: { // if-ge
                            if ((int) r[code[i + 1]] >= (int) r[code[i + 2]]) {
                                int tg = code[i + 3];
                                if (tg <= pc) {
                                    pc = tg;
                                    break backward;
                                }
                                pc = tg;
                            } else {
                                pc++;
                            }
                            break;
                        }
                        case 0x36: { // if-gt
                            if ((int) r[code[i + 1]] > (int) r[code[i + 2]]) {
                                int tg = code[i + 3];
                                if (tg <= pc) {
                                    pc = tg;
                                    break backward;
                                }
                                pc = tg;
                            } else {
                                pc++;
                            }
                            break;
                        }
                        case 0x37: { // if-le
                            if ((int) r[code[i + 1]] <= (int) r[code[i + 2]]) {
                                int tg = code[i + 3];
                                if (tg <= pc) {
                                    pc = tg;
                                    break backward;
                                }
                                pc = tg;
                            } else {
                                pc++;
                            }
                            break;
                        }
                        case 0x38: { // if-eqz
                            if (o[code[i + 1]] == null && (int) r[code[i + 1]] == 0) {
                                int tg = code[i + 2];
                                if (tg <= pc) {
                                    pc = tg;
                                    break backward;
                                }
                                pc = tg;
                            } else {
                                pc++;
                            }
                            break;
                        }
                        case 0x39: { // if-nez
                            if (o[code[i + 1]] != null || (int) r[code[i + 1]] != 0) {
                                int tg = code[i + 2];
                                if (tg <= pc) {
                                    pc = tg;
                                    break backward;
                                }
                                pc = tg;
                            } else {
                                pc++;
                            }
                            break;
                        }
                        case 0x3a: { // if-ltz
                            if ((int) r[code[i + 1]] < 0) {
                                int tg = code[i + 2];
                                if (tg <= pc) {
                                    pc = tg;
                                    break backward;
                                }
                                pc = tg;
                            } else {
                                pc++;
                            }
                            break;
                        }
                        case 0x3b: { // if-gez
                            if ((int) r[code[i + 1]] >= 0) {
                                int tg = code[i + 2];
                                if (tg <= pc) {
                                    pc = tg;
                                    break backward;
                                }
                                pc = tg;
                            } else {
                                pc++;
                            }
                            break;
                        }
                        case 0x3c: { // if-gtz
                            if ((int) r[code[i + 1]] > 0) {
                                int tg = code[i + 2];
                                if (tg <= pc) {
                                    pc = tg;
                                    break backward;
                                }
                                pc = tg;
                            } else {
                                pc++;
                            }
                            break;
                        }
                        case 0x3d: { // if-lez
                            if ((int) r[code[i + 1]] <= 0) {
                                int tg = code[i + 2];
                                if (tg <= pc) {
                                    pc = tg;
                                    break backward;
                                }
                                pc = tg;
                            } else {
                                pc++;
                            }
                            break;
                        }
                        case 0x44: { // aget (int or float)
                            int a = code[i + 1];
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            int idx = (int) r[code[i + 3]];
                            Object d = arr.data;
                            r[a] = d instanceof int[] ? ((int[]) d)[idx] : Float.floatToRawIntBits(((float[]) d)[idx]);
                            o[a] = null;
                            pc++;
                            break;
                        }
                        case 0x45: { // aget-wide
                            int a = code[i + 1];
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            int idx = (int) r[code[i + 3]];
                            Object d = arr.data;
                            long v = d instanceof long[] ? ((long[]) d)[idx] : Double.doubleToRawLongBits(((double[]) d)[idx]);
                            r[a] = v;
                            r[a + 1] = v >> 32;
                            o[a] = null;
                            o[a + 1] = null;
                            pc++;
                            break;
                        }
                        case 0x46: { // aget-object
                            int a = code[i + 1];
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            o[a] = ((Object[]) arr.data)[(int) r[code[i + 3]]];
                            r[a] = 0;
                            pc++;
                            break;
                        }
                        case 0x47: { // aget-boolean
                            int a = code[i + 1];
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            r[a] = ((boolean[]) arr.data)[(int) r[code[i + 3]]] ? 1 : 0;
                            o[a] = null;
                            pc++;
                            break;
                        }
                        case 0x48: { // aget-byte
                            int a = code[i + 1];
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            r[a] = ((byte[]) arr.data)[(int) r[code[i + 3]]];
                            o[a] = null;
                            pc++;
                            break;
                        }
                        case 0x49: { // aget-char
                            int a = code[i + 1];
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            r[a] = ((char[]) arr.data)[(int) r[code[i + 3]]];
                            o[a] = null;
                            pc++;
                            break;
                        }
                        case 0x4a: { // aget-short
                            int a = code[i + 1];
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            r[a] = ((short[]) arr.data)[(int) r[code[i + 3]]];
                            o[a] = null;
                            pc++;
                            break;
                        }
                        case 0x4b: { // aput (int or float)
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            int idx = (int) r[code[i + 3]];
                            if (arr.dsm != null) {
                                arrayBarrier(arr, idx); // before the store, like every write path
                            }
                            Object d = arr.data;
                            if (d instanceof int[]) {
                                ((int[]) d)[idx] = (int) r[code[i + 1]];
                            } else {
                                ((float[]) d)[idx] = Float.intBitsToFloat((int) r[code[i + 1]]);
                            }
                            pc++;
                            break;
                        }
                        case 0x4c: { // aput-wide
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            int idx = (int) r[code[i + 3]];
                            if (arr.dsm != null) {
                                arrayBarrier(arr, idx); // before the store, like every write path
                            }
                            Object d = arr.data;
                            long v = r[code[i + 1]];
                            if (d instanceof long[]) {
                                ((long[]) d)[idx] = v;
                            } else {
                                ((double[]) d)[idx] = Double.longBitsToDouble(v);
                            }
                            pc++;
                            break;
                        }
                        case 0x4e: { // aput-boolean
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            int idx = (int) r[code[i + 3]];
                            if (arr.dsm != null) {
                                arrayBarrier(arr, idx); // before the store, like every write path
                            }
                            ((boolean[]) arr.data)[idx] = ((int) r[code[i + 1]] & 1) != 0;
                            pc++;
                            break;
                        }
                        case 0x4f: { // aput-byte
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            int idx = (int) r[code[i + 3]];
                            if (arr.dsm != null) {
                                arrayBarrier(arr, idx); // before the store, like every write path
                            }
                            ((byte[]) arr.data)[idx] = (byte) r[code[i + 1]];
                            pc++;
                            break;
                        }
                        case 0x50: { // aput-char
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            int idx = (int) r[code[i + 3]];
                            if (arr.dsm != null) {
                                arrayBarrier(arr, idx); // before the store, like every write path
                            }
                            ((char[]) arr.data)[idx] = (char) r[code[i + 1]];
                            pc++;
                            break;
                        }
                        case 0x51: { // aput-short
                            GuestArray arr = (GuestArray) o[code[i + 2]];
                            int idx = (int) r[code[i + 3]];
                            if (arr.dsm != null) {
                                arrayBarrier(arr, idx); // before the store, like every write path
                            }
                            ((short[]) arr.data)[idx] = (short) r[code[i + 1]];
                            pc++;
                            break;
                        }
                        // ---- iget/iput: after the first execution c holds ~slot (see quickenField) ----
                        case 0x52: case 0x55: case 0x56: case 0x57: case 0x58: { // iget (32-bit and narrower)
                            int c = code[i + 3];
                            Object obj = o[code[i + 2] & 0xFFFF];
                            if (c < 0 && obj instanceof GuestObject) {
                                int a = code[i + 1];
                                r[a] = ((GuestObject) obj).p[~c];
                                o[a] = null;
                                pc++;
                                break;
                            }
                            f.pc = pc;
                            int s = slowOp(t, f, op);
                            if (s != CONTINUE) {
                                return s;
                            }
                            continue reload;
                        }
                        case 0x54: { // iget-object
                            int c = code[i + 3];
                            Object obj = o[code[i + 2] & 0xFFFF];
                            if (c < 0 && obj instanceof GuestObject) {
                                int a = code[i + 1];
                                o[a] = ((GuestObject) obj).r[~c];
                                r[a] = 0;
                                pc++;
                                break;
                            }
                            f.pc = pc;
                            int s = slowOp(t, f, op);
                            if (s != CONTINUE) {
                                return s;
                            }
                            continue reload;
                        }
                        case 0x53: { // iget-wide
                            int c = code[i + 3];
                            Object obj = o[code[i + 2] & 0xFFFF];
                            if (c < 0 && obj instanceof GuestObject) {
                                int w = code[i + 1]; long v = ((GuestObject) obj).p[~c]; r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null;
                                pc++;
                                break;
                            }
                            f.pc = pc;
                            int s = slowOp(t, f, op);
                            if (s != CONTINUE) {
                                return s;
                            }
                            continue reload;
                        }
                        case 0x59: case 0x5a: case 0x5b: case 0x5c: case 0x5d: case 0x5e: case 0x5f: { // iput*
                            int c = code[i + 3];
                            Object obj = o[code[i + 2] & 0xFFFF];
                            if (c < 0 && obj instanceof GuestObject && ((GuestObject) obj).dsm == null) {
                                GuestObject go = (GuestObject) obj; // (tracked objects take slowOp: write barrier)
                                int a = code[i + 1];
                                if (op == 0x59) {
                                    go.p[~c] = (int) r[a];
                                } else if (op == 0x5b) {
                                    go.r[~c] = o[a];
                                } else {
                                    putPrimitive(go.p, ~c, op - 0x59, r[a]);
                                }
                                pc++;
                                break;
                            }
                            f.pc = pc;
                            int s = slowOp(t, f, op);
                            if (s != CONTINUE) {
                                return s;
                            }
                            continue reload;
                        }
                        case 0x60: case 0x61: case 0x62: case 0x63: case 0x64: case 0x65: case 0x66: { // sget*
                            VmField fd = ((Links.FieldLink) links[code[i + 3]]).resolved;
                            VmClass oc;
                            if (fd != null && (oc = fd.owner).initState == VmClass.INIT_DONE) {
                                int a = code[i + 1];
                                if (op == 0x62) {
                                    o[a] = oc.staticR[fd.slot];
                                    r[a] = 0;
                                } else if (op == 0x61) {
                                    int w = a; long v = oc.staticP[fd.slot]; r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null;
                                } else {
                                    r[a] = oc.staticP[fd.slot];
                                    o[a] = null;
                                }
                                pc++;
                                break;
                            }
                            f.pc = pc;
                            int s = slowOp(t, f, op);
                            if (s != CONTINUE) {
                                return s;
                            }
                            continue reload;
                        }
                        case 0x6e: case 0x6f: case 0x70: case 0x71: case 0x72:
                        case 0x74: case 0x75: case 0x76: case 0x77: case 0x78:
                        case 0xfa: case 0xfb: case 0xfc: case 0xfd: { // invoke-*
                            f.pc = pc;
                            int s = invoke(t, f, op, code[i + 1], code[i + 2], code[i + 3]);
                            if (s == INVOKE_DONE) {
                                pc++;
                                if (mc.compiled != null) {
                                    f.pc = pc;
                                    jit = true;
                                    continue reload;
                                }
                                break;
                            }
                            if (s == INVOKE_PUSHED) {
                                jit = true;
                                continue reload;
                            }
                            return s; // BLOCKED or MIGRATE: the invoke is re-executed later
                        }
                        case Opcodes.MATH_INTRINSIC: // invoke-static of a pure java.lang.Math function
                            t.retP = MathIntrinsics.apply(code[i + 2], r, mc.argRegs, code[i + 3]);
                            pc++;
                            break;
                        // ---- int binops (23x and 2addr share a layout) ----
                        case 0x90: case 0xb0: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] + (int) r[code[i + 3]]; o[a] = null; pc++; break; }
                        case 0x91: case 0xb1: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] - (int) r[code[i + 3]]; o[a] = null; pc++; break; }
                        case 0x92: case 0xb2: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] * (int) r[code[i + 3]]; o[a] = null; pc++; break; }
                        case 0x95: case 0xb5: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] & (int) r[code[i + 3]]; o[a] = null; pc++; break; }
                        case 0x96: case 0xb6: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] | (int) r[code[i + 3]]; o[a] = null; pc++; break; }
                        case 0x97: case 0xb7: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] ^ (int) r[code[i + 3]]; o[a] = null; pc++; break; }
                        case 0x98: case 0xb8: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] << (int) r[code[i + 3]]; o[a] = null; pc++; break; }
                        case 0x99: case 0xb9: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] >> (int) r[code[i + 3]]; o[a] = null; pc++; break; }
                        case 0x9a: case 0xba: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] >>> (int) r[code[i + 3]]; o[a] = null; pc++; break; }
                        // ---- literal binops: a = dst, b = src, c = literal ----
                        case 0xd0: case 0xd8: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] + code[i + 3]; o[a] = null; pc++; break; }
                        case 0xd1: case 0xd9: { int a = code[i + 1]; r[a] = code[i + 3] - (int) r[code[i + 2]]; o[a] = null; pc++; break; }
                        case 0xd2: case 0xda: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] * code[i + 3]; o[a] = null; pc++; break; }
                        case 0xd5: case 0xdd: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] & code[i + 3]; o[a] = null; pc++; break; }
                        case 0xd6: case 0xde: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] | code[i + 3]; o[a] = null; pc++; break; }
                        case 0xd7: case 0xdf: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] ^ code[i + 3]; o[a] = null; pc++; break; }
                        case 0xe0: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] << code[i + 3]; o[a] = null; pc++; break; }
                        case 0xe1: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] >> code[i + 3]; o[a] = null; pc++; break; }
                        case 0xe2: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]] >>> code[i + 3]; o[a] = null; pc++; break; }
                        // ---- frequent long, float and double arithmetic, compares and conversions ----
                        case 0x31: { int a = code[i + 1]; r[a] = Long.compare(r[code[i + 2]], r[code[i + 3]]); o[a] = null; pc++; break; }
                        case 0x2f: case 0x30: { // cmpl-double, cmpg-double
                            int a = code[i + 1];
                            double x = Double.longBitsToDouble(r[code[i + 2]]);
                            double y = Double.longBitsToDouble(r[code[i + 3]]);
                            r[a] = x < y ? -1 : x > y ? 1 : x == y ? 0 : (op == 0x2f ? -1 : 1);
                            o[a] = null;
                            pc++;
                            break;
                        }
                        case 0x9b: case 0xbb: { int w = code[i + 1]; long v = r[code[i + 2]] + r[code[i + 3]]; r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0x9c: case 0xbc: { int w = code[i + 1]; long v = r[code[i + 2]] - r[code[i + 3]]; r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0x9d: case 0xbd: { int w = code[i + 1]; long v = r[code[i + 2]] * r[code[i + 3]]; r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0xa0: case 0xc0: { int w = code[i + 1]; long v = r[code[i + 2]] & r[code[i + 3]]; r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0xa1: case 0xc1: { int w = code[i + 1]; long v = r[code[i + 2]] | r[code[i + 3]]; r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0xa2: case 0xc2: { int w = code[i + 1]; long v = r[code[i + 2]] ^ r[code[i + 3]]; r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0xa3: case 0xc3: { int w = code[i + 1]; long v = r[code[i + 2]] << (int) r[code[i + 3]]; r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0xa4: case 0xc4: { int w = code[i + 1]; long v = r[code[i + 2]] >> (int) r[code[i + 3]]; r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0xa5: case 0xc5: { int w = code[i + 1]; long v = r[code[i + 2]] >>> (int) r[code[i + 3]]; r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0xa6: case 0xc6: { int a = code[i + 1]; r[a] = Float.floatToRawIntBits(Float.intBitsToFloat((int) r[code[i + 2]]) + Float.intBitsToFloat((int) r[code[i + 3]])); o[a] = null; pc++; break; }
                        case 0xa7: case 0xc7: { int a = code[i + 1]; r[a] = Float.floatToRawIntBits(Float.intBitsToFloat((int) r[code[i + 2]]) - Float.intBitsToFloat((int) r[code[i + 3]])); o[a] = null; pc++; break; }
                        case 0xa8: case 0xc8: { int a = code[i + 1]; r[a] = Float.floatToRawIntBits(Float.intBitsToFloat((int) r[code[i + 2]]) * Float.intBitsToFloat((int) r[code[i + 3]])); o[a] = null; pc++; break; }
                        case 0xa9: case 0xc9: { int a = code[i + 1]; r[a] = Float.floatToRawIntBits(Float.intBitsToFloat((int) r[code[i + 2]]) / Float.intBitsToFloat((int) r[code[i + 3]])); o[a] = null; pc++; break; }
                        case 0xab: case 0xcb: { int w = code[i + 1]; long v = Double.doubleToRawLongBits(Double.longBitsToDouble(r[code[i + 2]]) + Double.longBitsToDouble(r[code[i + 3]])); r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0xac: case 0xcc: { int w = code[i + 1]; long v = Double.doubleToRawLongBits(Double.longBitsToDouble(r[code[i + 2]]) - Double.longBitsToDouble(r[code[i + 3]])); r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0xad: case 0xcd: { int w = code[i + 1]; long v = Double.doubleToRawLongBits(Double.longBitsToDouble(r[code[i + 2]]) * Double.longBitsToDouble(r[code[i + 3]])); r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0xae: case 0xce: { int w = code[i + 1]; long v = Double.doubleToRawLongBits(Double.longBitsToDouble(r[code[i + 2]]) / Double.longBitsToDouble(r[code[i + 3]])); r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0x7b: { int a = code[i + 1]; r[a] = -(int) r[code[i + 2]]; o[a] = null; pc++; break; }
                        case 0x7c: { int a = code[i + 1]; r[a] = ~(int) r[code[i + 2]]; o[a] = null; pc++; break; }
                        case 0x81: { int w = code[i + 1]; long v = (int) r[code[i + 2]]; r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0x82: { int a = code[i + 1]; r[a] = Float.floatToRawIntBits((float) (int) r[code[i + 2]]); o[a] = null; pc++; break; }
                        case 0x83: { int w = code[i + 1]; long v = Double.doubleToRawLongBits((double) (int) r[code[i + 2]]); r[w] = v; r[w + 1] = v >> 32; o[w] = null; o[w + 1] = null; pc++; break; }
                        case 0x84: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]]; o[a] = null; pc++; break; }
                        case 0x87: { int a = code[i + 1]; r[a] = (int) Float.intBitsToFloat((int) r[code[i + 2]]); o[a] = null; pc++; break; }
                        case 0x8a: { int a = code[i + 1]; r[a] = (int) Double.longBitsToDouble(r[code[i + 2]]); o[a] = null; pc++; break; }
                        case 0x8d: { int a = code[i + 1]; r[a] = (byte) r[code[i + 2]]; o[a] = null; pc++; break; }
                        case 0x8e: { int a = code[i + 1]; r[a] = (char) r[code[i + 2]]; o[a] = null; pc++; break; }
                        default: {
                            // Rare instructions live in slowOp() so execute() stays under HotSpot's 8000-byte
                            // limit for JIT compilation (-XX:+DontCompileHugeMethods).
                            f.pc = pc;
                            int s = slowOp(t, f, op);
                            if (s != CONTINUE) {
                                return s;
                            }
                            jit = mc.compiled != null;
                            continue reload;
                        }
                    }
                    continue; // next instruction
                    } // backward: a taken backward branch (pc = its target) is a safepoint
                    if (--t.safepointBudget < 0) {
                        f.pc = pc;
                        int s = safepoint(t, SafepointHandler.Kind.BACKWARD_BRANCH);
                        if (s != CONTINUE) {
                            return s;
                        }
                    }
                    if (mc.compiled != null) { // a loop header of a compiled method: go on there
                        f.pc = pc;
                        jit = true;
                        continue reload;
                    }
                }
                }
            } catch (GuestThrowable e) {
                if (e.guest == null || t.top == null) {
                    throw e;
                }
                pending = e.guest; // raised with t.top.pc at the throwing instruction
            } catch (NullPointerException e) {
                f.pc = pc;
                pending = faults.translateHostFault(t, e);
            } catch (ArrayIndexOutOfBoundsException e) {
                f.pc = pc;
                pending = faults.translateHostFault(t, e);
            } catch (ClassCastException e) {
                f.pc = pc;
                pending = faults.translateHostFault(t, e);
            }
        }
    }

    /** return* from a frame that is a base or {@code <clinit>} frame, holds a monitor, or is the last. */
    private int returnSlow(GuestThread t, Frame f) {
        Frame caller = f.caller;
        leaveFrame(t, f, true);
        t.top = caller;
        methodExited(t, f, false);
        if (f.base) {
            return BASE_RETURN;
        }
        if (caller == null) {
            return TERMINATED;
        }
        if (f.clinitOf == null) {
            caller.pc++; // a <clinit> frame returns to the instruction that triggered it: re-executed
        }
        if (--t.safepointBudget < 0) {
            return safepoint(t, SafepointHandler.Kind.RETURN);
        }
        return CONTINUE;
    }

    /**
     * Unwinds {@code f} and its callers to the handler of {@code ex} thrown at {@code f.pc} (for a
     * faulting monitor-exit, f.pc is the instruction after it). Returns CONTINUE with the handler's
     * frame on top at the handler pc, or a status; throws when the exception leaves a base frame.
     */
    private int unwind(GuestThread t, Frame f, Object ex) {
        int throwPc = f.pc;
        int h;
        while (true) {
            h = findHandler(f, ex, throwPc);
            if (h >= 0) {
                t.caught = ex;
                break;
            }
            Frame caller = f.caller;
            leaveFrame(t, f, false);
            if (f.clinitOf != null) {
                ex = init.failInit(t, f.clinitOf, ex);
            }
            t.top = caller;
            methodExited(t, f, true);
            if (f.base) {
                throw new GuestThrowable((GuestObject) ex);
            }
            if (caller == null) {
                t.uncaught = ex;
                return TERMINATED;
            }
            f = caller;
            throwPc = f.pc;
        }
        f.pc = h;
        if (--t.safepointBudget < 0) {
            return safepoint(t, SafepointHandler.Kind.THROW);
        }
        return CONTINUE;
    }


    /**
     * Executes one of the rarer instructions (and the slow paths of field access) for
     * {@link #run}, with {@code f.pc} at the instruction. Returns CONTINUE with {@code t.top}'s pc
     * set to where execution goes on (a pushed {@code <clinit>} frame starts at 0), or a status.
     */
    private int slowOp(GuestThread t, Frame f, int op) {
        MethodCode mc = f.code;
        int[] code = mc.insns;
        Object[] links = mc.links;
        long[] r = f.r;
        Object[] o = f.o;
        int pc = f.pc;
        int i = pc << 2;
        switch (op) {
            case 0x0d: { // move-exception
                int a = code[i + 1];
                o[a] = t.caught;
                r[a] = 0;
                t.caught = null;
                break;
            }
            case 0x1c: { // const-class
                int a = code[i + 1];
                VmClass c = resolver.resolveClass(t, (Links.TypeLink) links[code[i + 3]]);
                o[a] = c;
                r[a] = 0;
                break;
            }
            case 0x1d: { // monitor-enter
                Object obj = o[code[i + 1]];
                if (obj == null) {
                    throw exceptions.npe(t, "Cannot enter synchronized block because the lock is null");
                }
                if (hooks.monitorGate() != null) {
                    // The lock may be the other endpoint's (COMET's ownership per tracked object).
                    int d = hooks.monitorGate().beforeEnter(t, obj);
                    if (d == MonitorGate.MIGRATE) {
                        return MIGRATE;
                    }
                    if (d == MonitorGate.WAIT) {
                        return BLOCKED;
                    }
                }
                if (!monitors.enter(t, obj)) {
                    return BLOCKED; // re-executed when the monitor may be free
                }
                break;
            }
            case 0x1e: { // monitor-exit: its exceptions are dispatched as if thrown after it
                Object obj = o[code[i + 1]];
                try {
                    if (obj == null) {
                        throw exceptions.npe(t, "Cannot exit synchronized block because the lock is null");
                    }
                    monitors.exit(t, obj);
                } catch (GuestThrowable e) {
                    f.pc = pc + 1;
                    throw e;
                }
                break;
            }
            case 0x1f: { // check-cast
                Object v = o[code[i + 1]];
                if (v != null) {
                    VmClass target = resolver.resolveClass(t, (Links.TypeLink) links[code[i + 3]]);
                    VmClass vc = linker.classOf(v);
                    if (vc != target && !vc.isSubtypeOf(target)) {
                        throw faults.classCast(t, vc, target);
                    }
                }
                break;
            }
            case 0x20: { // instance-of
                int a = code[i + 1];
                Object v = o[code[i + 2]];
                int res = 0;
                if (v != null) {
                    VmClass target = resolver.resolveClass(t, (Links.TypeLink) links[code[i + 3]]);
                    VmClass vc = linker.classOf(v);
                    res = (vc == target || vc.isSubtypeOf(target)) ? 1 : 0;
                }
                r[a] = res;
                o[a] = null;
                break;
            }
            case 0x22: { // new-instance
                VmClass c = resolver.resolveClass(t, (Links.TypeLink) links[code[i + 3]]);
                if (c.initState != VmClass.INIT_DONE) {
                    int s = init.ensureInitialized(t, c);
                    if (s != ClassInitializer.INIT_READY) {
                        // blocked, or a <clinit> frame was pushed (pc 0): re-executed afterwards
                        return s == ClassInitializer.INIT_BLOCKED ? BLOCKED : s == ClassInitializer.INIT_MIGRATE ? MIGRATE : CONTINUE;
                    }
                }
                int a = code[i + 1];
                o[a] = heap.allocate(t, c);
                r[a] = 0;
                break;
            }
            case 0x23: { // new-array
                int a = code[i + 1];
                int len = (int) r[code[i + 2]];
                VmClass c = resolver.resolveClass(t, (Links.TypeLink) links[code[i + 3]]);
                o[a] = heap.newArray(t, c, len);
                r[a] = 0;
                break;
            }
            case 0x24: case 0x25: { // filled-new-array(/range)
                int n = code[i + 1];
                int argBase = code[i + 3];
                VmClass c = resolver.resolveClass(t, (Links.TypeLink) links[code[i + 2]]);
                GuestArray arr = heap.newArray(t, c, n);
                int[] ar = mc.argRegs;
                if (arr.data instanceof int[]) {
                    int[] d = (int[]) arr.data;
                    for (int k = 0; k < n; k++) {
                        d[k] = (int) r[ar[argBase + k]];
                    }
                } else if (arr.data instanceof Object[]) {
                    Object[] d = (Object[]) arr.data;
                    for (int k = 0; k < n; k++) {
                        d[k] = o[ar[argBase + k]];
                    }
                } else {
                    throw faults.internal(t, "filled-new-array of " + c.name + " is not allowed");
                }
                t.retR = arr;
                break;
            }
            case 0x26: { // fill-array-data
                Object arr = o[code[i + 1]];
                if (arr == null) {
                    throw exceptions.npe(t, "Cannot fill the array because it is null");
                }
                heap.fillArrayData(t, (GuestArray) arr, mc.arrayData[code[i + 2]]);
                break;
            }
            case 0x27: { // throw
                Object ex = o[code[i + 1]];
                if (ex == null) {
                    throw exceptions.npe(t, "Cannot throw exception because the exception is null");
                }
                throw new GuestThrowable((GuestObject) ex);
            }
            case 0x2b: case 0x2c: { // packed-switch, sparse-switch
                int v = (int) r[code[i + 1]];
                int p = code[i + 2];
                int[] targets = mc.switchTargets[p];
                int target;
                if (op == 0x2b) {
                    int k = v - mc.switchKeys[p][0];
                    target = (k >= 0 && k < targets.length) ? targets[k] : pc + 1;
                } else {
                    int k = java.util.Arrays.binarySearch(mc.switchKeys[p], v);
                    target = k >= 0 ? targets[k] : pc + 1;
                }
                f.pc = target;
                if (target <= pc && --t.safepointBudget < 0) {
                    return safepoint(t, SafepointHandler.Kind.BACKWARD_BRANCH);
                }
                return CONTINUE;
            }
            case 0x52: case 0x53: case 0x54: case 0x55: case 0x56: case 0x57: case 0x58: { // iget*, slow path
                int a = code[i + 1];
                Object obj = o[code[i + 2] & 0xFFFF];
                Links.FieldLink fl = (Links.FieldLink) links[fieldLinkIndex(code, i)];
                VmField fd = resolver.resolveInstanceField(t, fl, obj);
                if (fd == null) { // a host object's field, read through the bridge
                    bridge.fieldGet(t, fl, obj, f, a);
                    break;
                }
                GuestObject go = (GuestObject) obj;
                if (fd.isVolatile() && hooks.volatileGate() != null) {
                    int s = volatileGate(t, go.dsm != null ? go : null, fd, VolatileGate.Access.READ);
                    if (s != CONTINUE) {
                        return s;
                    }
                } else {
                    quickenField(code, i, fd);
                }
                if (op == 0x54) {
                    o[a] = go.r[fd.slot];
                    r[a] = 0;
                } else if (op == 0x53) {
                    setWide(r, o, a, go.p[fd.slot]);
                } else {
                    r[a] = go.p[fd.slot];
                    o[a] = null;
                }
                break;
            }
            case 0x59: case 0x5a: case 0x5b: case 0x5c: case 0x5d: case 0x5e: case 0x5f: { // iput*, slow path
                int a = code[i + 1];
                Object obj = o[code[i + 2] & 0xFFFF];
                Links.FieldLink fl = (Links.FieldLink) links[fieldLinkIndex(code, i)];
                VmField fd = resolver.resolveInstanceField(t, fl, obj);
                if (fd == null) {
                    bridge.fieldPut(t, fl, obj, f, a);
                    break;
                }
                GuestObject go = (GuestObject) obj;
                if (fd.isVolatile() && hooks.volatileGate() != null) {
                    int s = volatileGate(t, go.dsm != null ? go : null, fd, VolatileGate.Access.WRITE);
                    if (s != CONTINUE) {
                        return s;
                    }
                } else {
                    quickenField(code, i, fd);
                }
                if (go.dsm != null) {
                    hooks.barrier().fieldWrite(go, fd);
                }
                if (op == 0x5b) {
                    go.r[fd.slot] = o[a];
                } else {
                    putPrimitive(go.p, fd.slot, op - 0x59, r[a]);
                }
                break;
            }
            case 0x60: case 0x61: case 0x62: case 0x63: case 0x64: case 0x65: case 0x66: // sget*, slow path
            case 0x67: case 0x68: case 0x69: case 0x6a: case 0x6b: case 0x6c: case 0x6d: { // sput*, slow path
                int a = code[i + 1];
                Links.FieldLink fl = (Links.FieldLink) links[code[i + 3]];
                VmField fd = fl.resolved;
                boolean get = op <= 0x66;
                if (fd == null) {
                    fd = resolver.resolveStaticField(t, fl);
                    if (fd == null) {
                        if (!get) {
                            throw VmError.unsupported("writing static field " + fl.owner + "->" + fl.name
                                    + " of a host library class");
                        }
                        bridge.staticGet(t, fl, f, a);
                        break;
                    }
                }
                VmClass oc = fd.owner;
                if (oc.initState != VmClass.INIT_DONE) {
                    int s = init.ensureInitialized(t, oc);
                    if (s != ClassInitializer.INIT_READY) {
                        return s == ClassInitializer.INIT_BLOCKED ? BLOCKED : s == ClassInitializer.INIT_MIGRATE ? MIGRATE : CONTINUE;
                    }
                }
                if (fd.isVolatile() && hooks.volatileGate() != null) {
                    // Left unresolved, so the sget fast path and compiled code bring every access here.
                    fl.resolved = null;
                    int s = volatileGate(t, oc, fd, get ? VolatileGate.Access.READ : VolatileGate.Access.WRITE);
                    if (s != CONTINUE) {
                        return s;
                    }
                }
                if (get) {
                    if (op == 0x62) {
                        o[a] = oc.staticR[fd.slot];
                        r[a] = 0;
                    } else if (op == 0x61) {
                        setWide(r, o, a, oc.staticP[fd.slot]);
                    } else {
                        r[a] = oc.staticP[fd.slot];
                        o[a] = null;
                    }
                } else {
                    if (oc.dsm != null) {
                        hooks.barrier().staticWrite(oc, fd);
                    }
                    if (op == 0x69) {
                        oc.staticR[fd.slot] = o[a];
                    } else {
                        putPrimitive(oc.staticP, fd.slot, op - 0x67, r[a]);
                    }
                }
                break;
            }
            case 0x4d: { // aput-object
                GuestArray arr = (GuestArray) o[code[i + 2]];
                int idx = (int) r[code[i + 3]];
                Object v = o[code[i + 1]];
                Object[] d = (Object[]) arr.data;
                if (idx < 0 || idx >= d.length) {
                    throw new ArrayIndexOutOfBoundsException("Index " + idx + " out of bounds for length " + d.length);
                }
                if (v != null && arr.type.component != linker.objectClass()) {
                    VmClass vc = linker.classOf(v);
                    if (vc != arr.type.component && !vc.isSubtypeOf(arr.type.component)) {
                        throw exceptions.create(t, "java.lang.ArrayStoreException", vc.name);
                    }
                }
                if (arr.dsm != null) {
                    hooks.barrier().arrayWrite(arr, idx, 1);
                }
                d[idx] = v;
                break;
            }
            case 0x93: case 0xb3: case 0x94: case 0xb4: // div-int, rem-int (and /2addr)
            case 0xd3: case 0xdb: case 0xd4: case 0xdc: { // div-int, rem-int /lit16, /lit8
                int a = code[i + 1];
                boolean lit = op >= 0xd3;
                int d = lit ? code[i + 3] : (int) r[code[i + 3]];
                if (d == 0) {
                    throw faults.arithmetic(t);
                }
                int x = (int) r[code[i + 2]];
                r[a] = (op == 0x93 || op == 0xb3 || op == 0xd3 || op == 0xdb) ? x / d : x % d;
                o[a] = null;
                break;
            }
            case 0xfe: case 0xff: // const-method-handle, const-method-type
                throw faults.unsupportedInstruction(t, op, links[code[i + 3]]);
            default:
                if ((op >= 0x2d && op <= 0x31) || (op >= 0x7b && op <= 0x8f) || (op >= 0x9b && op <= 0xaf)
                        || (op >= 0xbb && op <= 0xcf)) {
                    arith(t, op, code, i, r, o);
                    break;
                }
                throw faults.internal(t, "invalid opcode 0x" + Integer.toHexString(op));
        }
        f.pc = pc + 1;
        return CONTINUE;
    }

    /**
     * Asks the {@link VolatileGate} before an access to volatile {@code fd} of {@code holder} (a
     * tracked object, a class, or null for an untracked object, which is local and needs no
     * ownership): {@link #CONTINUE} to go on, else the status to leave the loop with (the
     * instruction's pc is left on it, so it runs again when the thread is woken or has moved).
     */
    private int volatileGate(GuestThread t, Object holder, VmField fd, VolatileGate.Access access) {
        if (holder == null) {
            return CONTINUE;
        }
        int d = hooks.volatileGate().beforeAccess(t, holder, fd, access, true);
        return d == VolatileGate.PROCEED ? CONTINUE : d == VolatileGate.MIGRATE ? MIGRATE : BLOCKED;
    }

    /**
     * Quickens iget/iput at {@code code[i..i+3]} once its field is resolved to a guest field:
     * {@code c} becomes {@code ~slot} (negative) and the link index moves to the upper half of
     * {@code b} (object registers are 16-bit), so the fast path reads the slot without the link.
     * The field of a link is the same for every execution (the object's class is a subclass of
     * the field's owner, whose fields come first), so this is safe to do once.
     */
    private static void quickenField(int[] code, int i, VmField fd) {
        int link = code[i + 3];
        if (link >= 0 && link <= 0xFFFF) {
            code[i + 2] = (code[i + 2] & 0xFFFF) | (link << 16);
            code[i + 3] = ~fd.slot;
        }
    }

    /** Link index of an iget/iput at {@code i}, quickened or not. */
    private static int fieldLinkIndex(int[] code, int i) {
        int c = code[i + 3];
        return c >= 0 ? c : code[i + 2] >>> 16;
    }

    /**
     * The write barrier of an array-element store about to happen: only for an index in bounds
     * (an out-of-bounds store writes nothing; the store itself then raises the exception).
     */
    private void arrayBarrier(GuestArray arr, int idx) {
        if (idx >= 0 && idx < arr.length) {
            hooks.barrier().arrayWrite(arr, idx, 1);
        }
    }

    /** Stores a primitive field of kind {@code k} (iput/sput order: int, wide, -, boolean, byte, char, short). */
    private static void putPrimitive(long[] p, int slot, int k, long v) {
        switch (k) {
            case 1: p[slot] = v; break;
            case 3: p[slot] = v & 1; break;
            case 4: p[slot] = (byte) v; break;
            case 5: p[slot] = (char) v; break;
            case 6: p[slot] = (short) v; break;
            default: p[slot] = (int) v; break;
        }
    }

    private static float fl(long[] r, int reg) {
        return Float.intBitsToFloat((int) r[reg]);
    }

    private static double db(long[] r, int reg) {
        return Double.longBitsToDouble(r[reg]);
    }

    /** Comparisons, unary ops, conversions, long/float/double binops: a = dst, b and c as decoded. */
    private void arith(GuestThread t, int op, int[] code, int i, long[] r, Object[] o) {
        switch (op) {
                        case 0x2d: case 0x2e: { // cmpl-float, cmpg-float
                            int a = code[i + 1];
                            float x = Float.intBitsToFloat((int) r[code[i + 2]]);
                            float y = Float.intBitsToFloat((int) r[code[i + 3]]);
                            r[a] = x < y ? -1 : x > y ? 1 : x == y ? 0 : (op == 0x2d ? -1 : 1);
                            o[a] = null;
                            break;
                        }
                        case 0x2f: case 0x30: { // cmpl-double, cmpg-double
                            int a = code[i + 1];
                            double x = Double.longBitsToDouble(r[code[i + 2]]);
                            double y = Double.longBitsToDouble(r[code[i + 3]]);
                            r[a] = x < y ? -1 : x > y ? 1 : x == y ? 0 : (op == 0x2f ? -1 : 1);
                            o[a] = null;
                            break;
                        }
                        case 0x31: { // cmp-long
                            int a = code[i + 1];
                            r[a] = Long.compare(r[code[i + 2]], r[code[i + 3]]);
                            o[a] = null;
                            break;
                        }
                        // ---- unary ops and conversions: a = dst, b = src ----
                        case 0x7b: { int a = code[i + 1]; r[a] = -(int) r[code[i + 2]]; o[a] = null; break; }
                        case 0x7c: { int a = code[i + 1]; r[a] = ~(int) r[code[i + 2]]; o[a] = null; break; }
                        case 0x7d: { int a = code[i + 1]; long v = -r[code[i + 2]]; setWide(r, o, a, v); break; }
                        case 0x7e: { int a = code[i + 1]; long v = ~r[code[i + 2]]; setWide(r, o, a, v); break; }
                        case 0x7f: { int a = code[i + 1]; r[a] = Float.floatToRawIntBits(-Float.intBitsToFloat((int) r[code[i + 2]])); o[a] = null; break; }
                        case 0x80: { int a = code[i + 1]; setWide(r, o, a, Double.doubleToRawLongBits(-Double.longBitsToDouble(r[code[i + 2]]))); break; }
                        case 0x81: { int a = code[i + 1]; setWide(r, o, a, (int) r[code[i + 2]]); break; }
                        case 0x82: { int a = code[i + 1]; r[a] = Float.floatToRawIntBits((float) (int) r[code[i + 2]]); o[a] = null; break; }
                        case 0x83: { int a = code[i + 1]; setWide(r, o, a, Double.doubleToRawLongBits((double) (int) r[code[i + 2]])); break; }
                        case 0x84: { int a = code[i + 1]; r[a] = (int) r[code[i + 2]]; o[a] = null; break; }
                        case 0x85: { int a = code[i + 1]; r[a] = Float.floatToRawIntBits((float) r[code[i + 2]]); o[a] = null; break; }
                        case 0x86: { int a = code[i + 1]; setWide(r, o, a, Double.doubleToRawLongBits((double) r[code[i + 2]])); break; }
                        case 0x87: { int a = code[i + 1]; r[a] = (int) Float.intBitsToFloat((int) r[code[i + 2]]); o[a] = null; break; }
                        case 0x88: { int a = code[i + 1]; setWide(r, o, a, (long) Float.intBitsToFloat((int) r[code[i + 2]])); break; }
                        case 0x89: { int a = code[i + 1]; setWide(r, o, a, Double.doubleToRawLongBits((double) Float.intBitsToFloat((int) r[code[i + 2]]))); break; }
                        case 0x8a: { int a = code[i + 1]; r[a] = (int) Double.longBitsToDouble(r[code[i + 2]]); o[a] = null; break; }
                        case 0x8b: { int a = code[i + 1]; setWide(r, o, a, (long) Double.longBitsToDouble(r[code[i + 2]])); break; }
                        case 0x8c: { int a = code[i + 1]; r[a] = Float.floatToRawIntBits((float) Double.longBitsToDouble(r[code[i + 2]])); o[a] = null; break; }
                        case 0x8d: { int a = code[i + 1]; r[a] = (byte) r[code[i + 2]]; o[a] = null; break; }
                        case 0x8e: { int a = code[i + 1]; r[a] = (char) r[code[i + 2]]; o[a] = null; break; }
                        case 0x8f: { int a = code[i + 1]; r[a] = (short) r[code[i + 2]]; o[a] = null; break; }
                        // ---- long binops ----
                        case 0x9b: case 0xbb: { setWide(r, o, code[i + 1], r[code[i + 2]] + r[code[i + 3]]); break; }
                        case 0x9c: case 0xbc: { setWide(r, o, code[i + 1], r[code[i + 2]] - r[code[i + 3]]); break; }
                        case 0x9d: case 0xbd: { setWide(r, o, code[i + 1], r[code[i + 2]] * r[code[i + 3]]); break; }
                        case 0x9e: case 0xbe: {
                            long d = r[code[i + 3]];
                            if (d == 0) {
                                                                throw faults.arithmetic(t);
                            }
                            setWide(r, o, code[i + 1], r[code[i + 2]] / d);
                            break;
                        }
                        case 0x9f: case 0xbf: {
                            long d = r[code[i + 3]];
                            if (d == 0) {
                                                                throw faults.arithmetic(t);
                            }
                            setWide(r, o, code[i + 1], r[code[i + 2]] % d);
                            break;
                        }
                        case 0xa0: case 0xc0: { setWide(r, o, code[i + 1], r[code[i + 2]] & r[code[i + 3]]); break; }
                        case 0xa1: case 0xc1: { setWide(r, o, code[i + 1], r[code[i + 2]] | r[code[i + 3]]); break; }
                        case 0xa2: case 0xc2: { setWide(r, o, code[i + 1], r[code[i + 2]] ^ r[code[i + 3]]); break; }
                        case 0xa3: case 0xc3: { setWide(r, o, code[i + 1], r[code[i + 2]] << (int) r[code[i + 3]]); break; }
                        case 0xa4: case 0xc4: { setWide(r, o, code[i + 1], r[code[i + 2]] >> (int) r[code[i + 3]]); break; }
                        case 0xa5: case 0xc5: { setWide(r, o, code[i + 1], r[code[i + 2]] >>> (int) r[code[i + 3]]); break; }
                        // ---- float binops ----
                        case 0xa6: case 0xc6: case 0xa7: case 0xc7: case 0xa8: case 0xc8: case 0xa9: case 0xc9: case 0xaa: case 0xca: {
                            int a = code[i + 1];
                            float x = Float.intBitsToFloat((int) r[code[i + 2]]);
                            float y = Float.intBitsToFloat((int) r[code[i + 3]]);
                            float v;
                            switch (op) {
                                case 0xa6: case 0xc6: v = x + y; break;
                                case 0xa7: case 0xc7: v = x - y; break;
                                case 0xa8: case 0xc8: v = x * y; break;
                                case 0xa9: case 0xc9: v = x / y; break;
                                default: v = x % y; break;
                            }
                            r[a] = Float.floatToRawIntBits(v);
                            o[a] = null;
                            break;
                        }
                        // ---- double binops ----
                        case 0xab: case 0xcb: { setWide(r, o, code[i + 1], Double.doubleToRawLongBits(Double.longBitsToDouble(r[code[i + 2]]) + Double.longBitsToDouble(r[code[i + 3]]))); break; }
                        case 0xac: case 0xcc: { setWide(r, o, code[i + 1], Double.doubleToRawLongBits(Double.longBitsToDouble(r[code[i + 2]]) - Double.longBitsToDouble(r[code[i + 3]]))); break; }
                        case 0xad: case 0xcd: { setWide(r, o, code[i + 1], Double.doubleToRawLongBits(Double.longBitsToDouble(r[code[i + 2]]) * Double.longBitsToDouble(r[code[i + 3]]))); break; }
                        case 0xae: case 0xce: { setWide(r, o, code[i + 1], Double.doubleToRawLongBits(Double.longBitsToDouble(r[code[i + 2]]) / Double.longBitsToDouble(r[code[i + 3]]))); break; }
                        case 0xaf: case 0xcf: { setWide(r, o, code[i + 1], Double.doubleToRawLongBits(Double.longBitsToDouble(r[code[i + 2]]) % Double.longBitsToDouble(r[code[i + 3]]))); break; }
            default:
                throw faults.internal(t, "arith: opcode 0x" + Integer.toHexString(op));
        }
    }

    private static void setWide(long[] r, Object[] o, int a, long v) {
        r[a] = v;
        r[a + 1] = v >> 32;
        o[a] = null;
        o[a + 1] = null;
    }

    /** Method-entry event of frame {@code f}, just pushed on {@code t} (nothing when nobody subscribes). */
    private void methodEntered(GuestThread t, Frame f) {
        MethodEvents ev = hooks.methodEvents();
        if (ev != null) {
            ev.enter(t, f.method);
        }
    }

    /** Method-exit event of frame {@code f}, just popped from {@code t}. */
    private void methodExited(GuestThread t, Frame f, boolean exceptional) {
        MethodEvents ev = hooks.methodEvents();
        if (ev != null) {
            ev.exit(t, f.method, exceptional);
        }
    }

    /** Releases what a frame holds when it is popped (normally or by an exception). */
    private void leaveFrame(GuestThread t, Frame f, boolean normal) {
        if (f.syncOn != null) {
            monitors.exitQuietly(t, f.syncOn);
        }
        if (normal && f.clinitOf != null) {
            init.finishInit(f.clinitOf);
        }
    }

    private int findHandler(Frame f, Object ex, int pc) {
        MethodCode mc = f.code;
        int[] starts = mc.tryStart;
        for (int k = 0; k < starts.length; k++) {
            if (pc >= starts[k] && pc < mc.tryEnd[k]) {
                Links.TypeLink[] types = mc.catchTypes[k];
                VmClass exClass = linker.classOf(ex);
                for (int h = 0; h < types.length; h++) {
                    Links.TypeLink tl = types[h];
                    if (tl == null) {
                        return mc.catchTargets[k][h];
                    }
                    VmClass c = resolver.tryResolveClass(tl);
                    if (c != null && exClass.isSubtypeOf(c)) {
                        return mc.catchTargets[k][h];
                    }
                }
                return -1; // dex try ranges do not overlap: only the first covering one counts
            }
        }
        return -1;
    }

    /**
     * Runs {@code t.top} in its compiled code ({@link CompiledCode}) if it has some and its pc is an
     * entry, for as long as the code keeps it (safepoints in between are run here). Returns
     * CONTINUE with {@code t.top} at the pc the interpreter goes on from, or a safepoint's status.
     */
    private int enterCompiled(GuestThread t) {
        if (jitMode == JitMode.OFF) {
            return CONTINUE; // (methods may have code another VM compiled)
        }
        while (true) {
            Frame f = t.top;
            MethodCode mc = f.code;
            CompiledCode cc = (CompiledCode) mc.compiled;
            if (cc == null) {
                if (jitMode != JitMode.EAGER || (cc = compiledCode(f)) == null) {
                    return CONTINUE;
                }
            }
            compiledRuns++;
            int s;
            try {
                s = cc.run(t, f, this);
            } catch (NullPointerException | ArrayIndexOutOfBoundsException | ClassCastException e) {
                // From a call compiled code made, with t.top.pc at the call (execute's own
                // translation would use its stale pc).
                throw new GuestThrowable((GuestObject) faults.translateHostFault(t, e));
            }
            switch (s) {
                case CompiledCode.EXIT:
                    return CONTINUE;
                case CompiledCode.SAFEPOINT: {
                    int st = safepoint(t, SafepointHandler.Kind.BACKWARD_BRANCH);
                    if (st != CONTINUE) {
                        return st;
                    }
                    continue; // t.top.pc is the target of a backward branch: an entry
                }
                case CompiledCode.SAFEPOINT_RETURN: {
                    int st = safepoint(t, SafepointHandler.Kind.RETURN);
                    if (st != CONTINUE) {
                        return st;
                    }
                    continue; // t.top.pc is a return site: an entry
                }
                case CompiledCode.BLOCKED:
                    return BLOCKED;
                case CompiledCode.MIGRATE:
                    return MIGRATE;
                default:
                    break;
            }
            // RETURNED: t.top is the caller, past its invoke (an entry if the caller is compiled)
            MethodEvents ev = hooks.methodEvents();
            if (ev != null) {
                ev.exit(t, f.method, false);
            }
            if (--t.safepointBudget < 0) {
                int st = safepoint(t, SafepointHandler.Kind.RETURN);
                if (st != CONTINUE) {
                    return st;
                }
            }
        }
    }

    private long compiledRuns;
    /** Compiled activations on this VM's host stack (calls compiled code makes into compiled code). */
    private int compiledNesting;
    /** Deeper guest calls from compiled code go back to the interpreter's loop (no host recursion). */
    static final int MAX_COMPILED_NESTING = 48;

    /**
     * An invoke executed by compiled code ({@code f} is {@code t.top}, its pc at the invoke, its
     * registers stored). A call that needs only a frame push to reach compiled code
     * ({@link #compiledTarget}) is pushed and run here directly; any other, the interpreter's own
     * invoke does, and a guest callee with compiled code runs right here, nested. When it returns
     * normally the caller's compiled code goes on ({@link CompiledCode#CALL_DONE}). Otherwise the caller's compiled code returns the status
     * this gives to {@link #enterCompiled}: the frames are consistent (each caller at its invoke)
     * and the interpreter continues with {@code t.top}.
     */
    int invokeFromCompiled(GuestThread t, Frame f, int op, int argc, int link, int argBase) {
        if (compiledNesting < MAX_COMPILED_NESTING) {
            CompiledCode cc = compiledTarget(f, op, link, argBase);
            if (cc != null) {
                return callCompiled(t, f, cc, argc, argBase);
            }
        }
        boolean hostConstructor = (op == 0x70 || op == 0x76) && argc > 0
                && f.o[f.code.argRegs[argBase]] instanceof Heap.UninitializedHostObject;
        int s = invoke(t, f, op, argc, link, argBase);
        if (s == INVOKE_DONE) {
            f.pc++;
            return hostConstructor ? CompiledCode.CALL_DONE_RELOAD : CompiledCode.CALL_DONE;
        }
        if (s == BLOCKED) {
            return CompiledCode.BLOCKED;
        }
        if (s != INVOKE_PUSHED) {
            return CompiledCode.MIGRATE;
        }
        Frame callee = t.top;
        CompiledCode cc = (CompiledCode) callee.code.compiled;
        if (cc == null) {
            // A method compiled code keeps calling is worth compiling even without a loop: the
            // call then stays in compiled code instead of leaving it twice.
            CodeTemplate tpl = callee.code.template;
            if (jitMode == JitMode.EAGER || (tpl != null && ++tpl.callsFromCompiled == JIT_CALLS)) {
                cc = compiledCode(callee);
            }
        }
        if (cc == null || compiledNesting >= MAX_COMPILED_NESTING) {
            return CompiledCode.EXIT; // the interpreter runs the callee; f stays at its invoke
        }
        return runNested(t, callee, cc);
    }

    /** The method of the last {@link #compiledTarget} that found one (its callee, for {@link #callCompiled}). */
    private VmMethod directTarget;

    /**
     * The compiled code of the guest method the invoke at {@code f.pc} calls, when nothing but a
     * frame push stands between the call and that code: a static call whose class is
     * initialized, a direct or super call whose target is resolved, a virtual or interface call
     * whose receiver is a guest object of the class the site's inline cache holds (monomorphic
     * hit), each to a method of this VM with compiled code, and the stack not at its limit.
     * Null otherwise (a miss, a null receiver, a host or native target, class initialization, a
     * stack overflow to raise ...): the interpreter's invoke then makes the call, as before.
     * The callee's method is left in {@link #directTarget}.
     */
    private CompiledCode compiledTarget(Frame f, int op, int link, int argBase) {
        MethodCode mc = f.code;
        Object lk = mc.links[link];
        if (!(lk instanceof Links.MethodLink) || f.depth >= MAX_DEPTH) {
            return null;
        }
        Links.MethodLink ml = (Links.MethodLink) lk;
        int kind = op >= 0x74 ? op - 0x74 : op - 0x6e; // 0 virtual, 1 super, 2 direct, 3 static, 4 interface
        VmMethod m;
        if (kind == 3) {
            m = ml.resolved;
            if (m == null || m.owner.initState != VmClass.INIT_DONE) {
                return null;
            }
        } else {
            Object receiver = f.o[mc.argRegs[argBase]];
            if (!(receiver instanceof GuestObject)) {
                return null;
            }
            if (kind == 0 || kind == 4) {
                VmClass[] ic = mc.icClass;
                if (ic == null || ic[f.pc] != ((GuestObject) receiver).cls) {
                    return null;
                }
                m = mc.icTarget[f.pc];
            } else {
                m = ml.resolved;
            }
            if (m == null || m.owner.kind == VmClass.Kind.HOST) {
                return null;
            }
        }
        MethodCode callee = m.code;
        if (callee == null || m.nativeImpl != null) {
            return null;
        }
        directTarget = m;
        return (CompiledCode) callee.compiled;
    }

    /**
     * A call {@link #compiledTarget} cleared: pushes the callee's frame exactly as the
     * interpreter's invoke does (the method's spare frame, registers that are not arguments
     * cleared, the arguments copied, the entry event), runs its compiled code nested, and
     * finishes as {@link #invokeFromCompiled} does after the callee's code returns.
     */
    private int callCompiled(GuestThread t, Frame f, CompiledCode cc, int argc, int argBase) {
        VmMethod m = directTarget;
        MethodCode callee = m.code;
        int dst = callee.registers - m.argWords;
        Frame nf = callee.spare;
        long[] nr;
        Object[] no;
        if (nf != null && nf.method == m) {
            callee.spare = null;
            nr = nf.r;
            no = nf.o;
            for (int k = 0; k < dst; k++) {
                nr[k] = 0;
                no[k] = null;
            }
        } else {
            nf = new Frame(m, callee);
            nr = nf.r;
            no = nf.o;
        }
        nf.caller = f;
        nf.depth = f.depth + 1;
        int[] ar = f.code.argRegs;
        long[] r = f.r;
        Object[] o = f.o;
        for (int k = 0; k < argc; k++) {
            int src = ar[argBase + k];
            nr[dst + k] = r[src];
            no[dst + k] = o[src];
        }
        nf.pc = 0;
        t.top = nf;
        MethodEvents ev = hooks.methodEvents();
        if (ev != null) {
            ev.enter(t, m);
        }
        directCalls++;
        return runNested(t, nf, cc);
    }

    /** Runs the just-pushed frame {@code callee} in {@code cc}, nested in its caller's compiled code. */
    private int runNested(GuestThread t, Frame callee, CompiledCode cc) {
        compiledNesting++;
        compiledRuns++;
        int r;
        try {
            r = cc.run(t, callee, this);
        } finally {
            compiledNesting--;
        }
        if (r != CompiledCode.RETURNED) {
            return r;
        }
        MethodEvents ev = hooks.methodEvents(); // compiled code popped the callee itself
        if (ev != null) {
            ev.exit(t, callee.method, false);
        }
        if (--t.safepointBudget < 0) {
            return CompiledCode.SAFEPOINT_RETURN;
        }
        return CompiledCode.CALL_DONE;
    }

    private long directCalls;

    /** Calls compiled code made straight into compiled code, past the interpreter's invoke (tests). */
    public long directCompiledCalls() {
        return directCalls;
    }

    /** How many times this VM's threads entered compiled code (tests: it did run). */
    public long compiledRuns() {
        return compiledRuns;
    }

    /**
     * The compiled code of {@code f}'s method, compiling it now if no VM has yet; null if the
     * method is not compiled ({@link BaselineCompiler#compile} declined it). Shared by every VM
     * that runs the same {@link CodeTemplate}.
     */
    private CompiledCode compiledCode(Frame f) {
        MethodCode mc = f.code;
        CodeTemplate tpl = mc.template;
        if (tpl == null) {
            return null;
        }
        CompiledCode cc = (CompiledCode) tpl.compiled(x -> BaselineCompiler.compile(x, String.valueOf(f.method)));
        mc.compiled = cc;
        return cc;
    }

    /**
     * A call pushed a frame for {@code mc}, which has no compiled code ({@link JitMode#ON}): a
     * method called {@link #JIT_INTERPRETED_CALLS} times gets compiled, loop or not, if its body
     * is long enough to save more per call than entering and leaving compiled code costs, or if
     * it makes calls (which then stay in compiled code). Sampling at safepoints misses such
     * methods: a return's safepoint finds the caller on top, not the method that returned, so a
     * library's small hot methods (comparisons, hashing, accessors with a call in them) stayed
     * interpreted for the whole run.
     */
    private void countInterpretedCall(MethodCode mc, VmMethod m) {
        CodeTemplate tpl = mc.template;
        if (tpl == null || ++tpl.interpretedCalls != JIT_INTERPRETED_CALLS) {
            return;
        }
        if (tpl.isCompiled() || tpl.instructionCount() >= JIT_MIN_INSTRUCTIONS || makesCalls(tpl)) {
            mc.compiled = tpl.compiled(x -> BaselineCompiler.compile(x, String.valueOf(m)));
        }
    }

    private static boolean makesCalls(CodeTemplate tpl) {
        int[] code = tpl.insns;
        for (int pc = 0; pc < tpl.instructionCount(); pc++) {
            int op = code[pc << 2];
            if ((op >= 0x6e && op <= 0x72) || (op >= 0x74 && op <= 0x78)) {
                return true;
            }
        }
        return false;
    }

    /** Interpreted calls that get a method compiled (see {@link #countInterpretedCall}). */
    private static final int JIT_INTERPRETED_CALLS = 2000;
    /** Instructions a method without calls needs for {@link #countInterpretedCall} to compile it. */
    private static final int JIT_MIN_INSTRUCTIONS = 12;

    /** At a safepoint: a method that keeps being found on top gets compiled ({@link JitMode#ON}). */
    private void sampleForCompilation(GuestThread t) {
        Frame top = t.top;
        if (top == null || top.code.compiled != null) {
            return;
        }
        CodeTemplate tpl = top.code.template;
        if (tpl != null && (tpl.isCompiled() || (++tpl.samples >= JIT_SAMPLES && tpl.hasLoop(BaselineCompiler::hasLoop)))) {
            compiledCode(top);
        }
    }

    /**
     * Safepoint slow paths (one per {@code safepointInterval} backward branches and returns) that
     * find a method on top before it is compiled: two, so code that runs only briefly (class
     * initializers, set-up) stays interpreted.
     */
    private static final int JIT_SAMPLES = 2;

    /** Calls from compiled code that get a method without a loop compiled. */
    private static final int JIT_CALLS = 1000;

    private int safepoint(GuestThread t, SafepointHandler.Kind kind) {
        t.safepointBudget = safepointInterval;
        if (jitMode == JitMode.ON) {
            sampleForCompilation(t);
        }
        checkInstructionLimit();
        SafepointHandler h = hooks.safepointHandler();
        if (h != null && h.atSafepoint(t, kind) == SafepointHandler.Action.MIGRATE && t.nestDepth == 0) {
            return MIGRATE;
        }
        if (t.nestDepth == 0 && scheduler.shouldPreempt(t)) {
            return YIELD;
        }
        return (++slowSafepoints & RESTART_PERIOD_MASK) == 0 ? RESTART : CONTINUE;
    }

    /**
     * RESTART at every 64th safepoint slow path (65,536 safepoints at COMET's interval). Not at
     * every one: an activation that enters the loop in HotSpot's bytecode interpreter (no
     * compiled entry yet, only an OSR one) runs about 1,024 backward branches there before it
     * jumps into OSR code, which at every slow path was a large share of the time (scimark
     * 2-5x slower).
     */
    private static final int RESTART_PERIOD_MASK = 63;
    private int slowSafepoints;

    // ------------------------------------------------------------------ invokes

    static final int INVOKE_DONE = -10;
    static final int INVOKE_PUSHED = -11;

    /**
     * Performs an invoke. Returns INVOKE_DONE (result in t.ret*), INVOKE_PUSHED (a guest frame is
     * now on top), BLOCKED or MIGRATE (the invoke will be re-executed).
     */
    private int invoke(GuestThread t, Frame f, int op, int argc, int linkIdx, int argBase) {
        MethodCode mc = f.code;
        Object link = mc.links[linkIdx];
        int[] ar = mc.argRegs;
        if (op >= 0xfa) {
            if (op == 0xfc || op == 0xfd) {
                return invokeCustom(t, f, (Links.CallSiteLink) link, argc, argBase);
            }
            throw faults.unsupportedInstruction(t, op, link);
        }
        Links.MethodLink ml = (Links.MethodLink) link;
        int kind = op >= 0x74 ? op - 0x74 : op - 0x6e; // 0 virtual, 1 super, 2 direct, 3 static, 4 interface
        VmMethod m;
        Object receiver = null;
        if (kind == 3) {
            m = ml.resolved;
            if (m == null) {
                m = resolver.resolveStatic(t, ml);
            }
            VmClass owner = m.owner;
            if (owner.initState != VmClass.INIT_DONE) {
                int s = init.ensureInitialized(t, owner);
                if (s == ClassInitializer.INIT_BLOCKED) {
                    return BLOCKED;
                }
                if (s == ClassInitializer.INIT_MIGRATE) {
                    return MIGRATE;
                }
                if (s == ClassInitializer.INIT_PUSHED) {
                    return INVOKE_PUSHED;
                }
            }
        } else {
            receiver = f.o[ar[argBase]];
            if (receiver == null) {
                throw exceptions.npe(t, "Cannot invoke \"" + resolver.displayMethodRef(ml) + "\" because value is null");
            }
            if (kind == 0 || kind == 4) {
                VmClass rc = receiver instanceof GuestObject ? ((GuestObject) receiver).cls : linker.classOf(receiver);
                int ic = f.pc;
                if (mc.icClass[ic] == rc) {
                    m = mc.icTarget[ic];
                } else {
                    m = resolver.findVirtual(t, rc, ml);
                    mc.icClass[ic] = rc;
                    mc.icTarget[ic] = m;
                }
            } else if (kind == 1) {
                m = ml.resolved;
                if (m == null) {
                    m = resolver.resolveSuper(t, ml, f.method.owner);
                }
            } else {
                m = ml.resolved;
                if (m == null) {
                    m = resolver.resolveDirect(t, ml);
                }
                if (receiver instanceof Heap.UninitializedHostObject) {
                    return constructHost(t, f, m, ml, (Heap.UninitializedHostObject) receiver, argc, argBase);
                }
                if (m.owner.kind == VmClass.Kind.HOST && receiver instanceof GuestObject && ml.name.equals("<init>")) {
                    // super(...) of a guest class extending a library class: build its host peer,
                    // if the native gate lets it run here (the offload server may not: a peer whose
                    // state cannot ship would keep the thread from going home; the receiver is args[0]).
                    Object[] peerArgs = boxArgs(f, ml.params, false, argBase);
                    if (hooks.nativeGate() != null && !hooks.nativeGate().mayRunHere(t, m, peerArgs)) {
                        return MIGRATE;
                    }
                    bridge.peers().constructPeer(t, (GuestObject) receiver, m.owner, ml.desc, peerArgs);
                    return INVOKE_DONE;
                }
            }
        }
        MethodCode callee = m.code;
        if (callee == null && m.nativeImpl == null) {
            callee = linker.codeOf(t, m);
        }
        if (callee != null) {
            if (f.depth >= MAX_DEPTH) {
                throw exceptions.create(t, "java.lang.StackOverflowError", null);
            }
            int dst = callee.registers - m.argWords;
            Frame nf = callee.spare;
            long[] nr;
            Object[] no;
            if (nf != null && nf.method == m) {
                // Reuse the method's last popped frame: clear what is not an argument, as in a new one.
                callee.spare = null;
                nr = nf.r;
                no = nf.o;
                for (int k = 0; k < dst; k++) {
                    nr[k] = 0;
                    no[k] = null;
                }
            } else {
                nf = new Frame(m, callee);
                nr = nf.r;
                no = nf.o;
            }
            nf.caller = f;
            nf.depth = f.depth + 1;
            long[] r = f.r;
            Object[] o = f.o;
            for (int k = 0; k < argc; k++) {
                int src = ar[argBase + k];
                nr[dst + k] = r[src];
                no[dst + k] = o[src];
            }
            nf.pc = 0;
            t.top = nf;
            MethodEvents ev = hooks.methodEvents(); // tested here, not in a helper: invoke is too big for HotSpot to inline one
            if (ev != null) {
                ev.enter(t, m);
            }
            if (callee.compiled == null && jitMode == JitMode.ON) {
                countInterpretedCall(callee, m);
            }
            return INVOKE_PUSHED;
        }
        int[] hi = mc.hostIntrinsic;
        if (hi != null && hi[f.pc] != 0 && hooks.nativeGate() == null
                && HostIntrinsics.apply(t, hi[f.pc], f.r, f.o, ar, argBase)) {
            t.countHostCall(m, NO_ARGS); // the intrinsics' arguments are scalars and boxes: no elements
            return INVOKE_DONE;
        }
        return invokeNative(t, f, m, ml.params, m.isStatic || kind == 3, argc, argBase);
    }

    private static final Object[] NO_ARGS = new Object[0];

    private int invokeNative(GuestThread t, Frame f, VmMethod m, char[] params, boolean isStatic, int argc, int argBase) {
        Object[] args = boxArgs(f, params, isStatic, argBase);
        if (hooks.nativeGate() != null && !hooks.nativeGate().mayRunHere(t, m, args)) {
            return MIGRATE;
        }
        Object res = callNative(t, m, args);
        if (res == NativeImpl.BLOCK) {
            return BLOCKED;
        }
        if (res instanceof NativeImpl.TailCall) {
            NativeImpl.TailCall tc = (NativeImpl.TailCall) res;
            return pushCall(t, f, tc.method(), tc.args());
        }
        storeResult(t, m.returnKind, res);
        return INVOKE_DONE;
    }

    /** Calls a native, turning host exceptions into guest ones. */
    public Object callNative(GuestThread t, VmMethod m, Object[] args) {
        try {
            t.countHostCall(m, args);
            return m.nativeImpl.invoke(this, t, args);
        } catch (GuestThrowable | VmExit | VmError e) {
            throw e;
        } catch (StackOverflowError e) {
            throw exceptions.create(t, "java.lang.StackOverflowError", null);
        } catch (Throwable e) {
            throw new GuestThrowable(bridge.toGuestThrowable(t, e));
        }
    }

    private int pushCall(GuestThread t, Frame f, VmMethod m, Object[] args) {
        MethodCode callee = m.nativeImpl == null ? linker.codeOf(t, m) : null;
        if (callee == null) {
            Object res = callNative(t, m, args);
            if (res == NativeImpl.BLOCK) {
                return BLOCKED;
            }
            if (res instanceof NativeImpl.TailCall) {
                NativeImpl.TailCall tc = (NativeImpl.TailCall) res;
                return pushCall(t, f, tc.method(), tc.args());
            }
            storeResult(t, m.returnKind, res);
            return INVOKE_DONE;
        }
        Frame nf = newFrameWithArgs(m, callee, args);
        nf.caller = f;
        nf.depth = f.depth + 1;
        t.top = nf;
        methodEntered(t, nf);
        return INVOKE_PUSHED;
    }

    /** Builds a frame for {@code m} with boxed arguments placed in its in-registers. */
    public Frame newFrameWithArgs(VmMethod m, MethodCode code, Object[] args) {
        return Frames.withArgs(m, code, args);
    }

    private Object[] boxArgs(Frame f, char[] params, boolean isStatic, int argBase) {
        int[] ar = f.code.argRegs;
        long[] r = f.r;
        Object[] o = f.o;
        Object[] args = new Object[params.length + (isStatic ? 0 : 1)];
        int ai = 0;
        int k = argBase;
        if (!isStatic) {
            args[ai++] = o[ar[k++]];
        }
        for (char p : params) {
            int reg = ar[k];
            switch (p) {
                case 'L': args[ai++] = o[reg]; k++; break;
                case 'I': args[ai++] = (int) r[reg]; k++; break;
                case 'J': args[ai++] = r[reg]; k += 2; break;
                case 'D': args[ai++] = Double.longBitsToDouble(r[reg]); k += 2; break;
                case 'F': args[ai++] = Float.intBitsToFloat((int) r[reg]); k++; break;
                case 'Z': args[ai++] = ((int) r[reg]) != 0; k++; break;
                case 'B': args[ai++] = (byte) r[reg]; k++; break;
                case 'C': args[ai++] = (char) r[reg]; k++; break;
                case 'S': args[ai++] = (short) r[reg]; k++; break;
                default: throw new IllegalStateException("bad parameter kind " + p);
            }
        }
        return args;
    }

    /** Stores a boxed native result into the thread's result registers. */
    public static void storeResult(GuestThread t, char kind, Object res) {
        switch (kind) {
            case 'V': break;
            case 'L': t.retR = res; break;
            case 'Z': t.retP = ((Boolean) res) ? 1 : 0; break;
            case 'C': t.retP = (Character) res; break;
            case 'J': t.retP = ((Number) res).longValue(); break;
            case 'F': t.retP = Float.floatToRawIntBits(((Number) res).floatValue()); break;
            case 'D': t.retP = Double.doubleToRawLongBits(((Number) res).doubleValue()); break;
            default: t.retP = ((Number) res).intValue(); break;
        }
    }

    /** Boxes the thread's result registers by kind (the inverse of {@link #storeResult}). */
    public static Object loadResult(GuestThread t, char kind) {
        switch (kind) {
            case 'V': return null;
            case 'L': { Object v = t.retR; t.retR = null; return v; }
            case 'Z': return t.retP != 0;
            case 'B': return (byte) t.retP;
            case 'C': return (char) t.retP;
            case 'S': return (short) t.retP;
            case 'I': return (int) t.retP;
            case 'J': return t.retP;
            case 'F': return Float.intBitsToFloat((int) t.retP);
            case 'D': return Double.longBitsToDouble(t.retP);
            default: throw new IllegalStateException("bad return kind " + kind);
        }
    }

    private int constructHost(GuestThread t, Frame f, VmMethod m, Links.MethodLink ml,
                              Heap.UninitializedHostObject placeholder, int argc, int argBase) {
        Object[] args = boxArgs(f, ml.params, false, argBase);
        Object made;
        try {
            made = m.nativeImpl.invoke(this, t, args);
        } catch (GuestThrowable | VmExit | VmError e) {
            throw e;
        } catch (Throwable e) {
            throw new GuestThrowable(bridge.toGuestThrowable(t, e));
        }
        // new-instance left a placeholder; every register still holding it now holds the object.
        Object[] o = f.o;
        for (int k = 0; k < o.length; k++) {
            if (o[k] == placeholder) {
                o[k] = made;
            }
        }
        return INVOKE_DONE;
    }

    private int invokeCustom(GuestThread t, Frame f, Links.CallSiteLink site, int argc, int argBase) {
        VmMethod target = bridge.linkCallSite(t, site);
        return invokeNative(t, f, target, target.params, true, argc, argBase);
    }

    // ------------------------------------------------------------------ callbacks

    /**
     * Calls a guest method from host code (a model native, the bridge, a test) on thread
     * {@code t} and returns its boxed result. The callee runs in a nested interpreter loop over
     * a base frame; if it blocks, other threads run until it can continue.
     */
    public Object callGuest(GuestThread t, VmMethod m, Object... args) {
        Scheduler sched = scheduler;
        if (sched.current() == null) {
            // Called by a tool or test outside any slice: the call gets one of its own.
            sched.enter(t);
            try {
                return callGuest(t, m, args);
            } finally {
                sched.leave(t);
            }
        }
        if (m.nativeImpl != null) {
            Object res = callNative(t, m, args);
            if (res instanceof NativeImpl.TailCall) {
                NativeImpl.TailCall tc = (NativeImpl.TailCall) res;
                return callGuest(t, tc.method(), tc.args());
            }
            if (res == NativeImpl.BLOCK) {
                // A blocking native called from host code: wait here, then retry it.
                scheduler.runOthersUntilRunnable(t);
                return callGuest(t, m, args);
            }
            return res;
        }
        MethodCode code = linker.codeOf(t, m);
        Frame nf = newFrameWithArgs(m, code, args);
        nf.base = true;
        nf.caller = t.top;
        nf.depth = t.top == null ? 0 : t.top.depth + 1;
        if (nf.depth >= MAX_DEPTH) {
            throw exceptions.create(t, "java.lang.StackOverflowError", null);
        }
        t.top = nf;
        methodEntered(t, nf);
        t.nestDepth++;
        try {
            while (true) {
                int s = run(t);
                if (s == BASE_RETURN) {
                    return loadResult(t, m.returnKind);
                }
                if (s == BLOCKED) {
                    scheduler.runOthersUntilRunnable(t);
                }
                // YIELD and MIGRATE are not honoured inside a callback: host frames are in the way.
            }
        } finally {
            t.nestDepth--;
        }
    }

    /** Virtual call by name and descriptor on a guest receiver, from host code. */
    @Override
    public Object callVirtual(GuestThread t, Object receiver, String name, String desc, Object... args) {
        VmMethod m = resolver.findVirtual(t, linker.classOf(receiver), name + desc);
        Object[] all = new Object[args.length + 1];
        all[0] = receiver;
        System.arraycopy(args, 0, all, 1, args.length);
        return callGuest(t, m, all);
    }
}
