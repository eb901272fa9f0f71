package org.cometsim.dalvik.interp;

import org.cometsim.dalvik.rt.CompiledBody;

import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestThread;

/**
 * A guest method body translated to JVM bytecode by {@link BaselineCompiler}: HotSpot then
 * compiles it like any Java method, with the guest registers in JVM locals instead of the
 * interpreter's dispatch loop over the frame's arrays.
 *
 * <p>The contract that keeps the interpreter, frame capture and the counters unaware of it:
 * <ul>
 *   <li>{@link #run} is entered with {@code f == t.top} at {@code f.pc}; it runs only if that pc is
 *       an entry (the method's start, the target of a backward branch, or the instruction after
 *       one the interpreter ran for it), else it returns {@link #EXIT} without touching anything;</li>
 *   <li>whenever it returns, every frame is exactly what the interpreter would have left: every
 *       register it wrote is stored back in {@code f.r}/{@code f.o} with the frame's invariant (a
 *       primitive write clears {@code o}, a reference write zeroes {@code r}). Allocation, casts,
 *       monitors, throw and every other instruction it does not translate make it return
 *       {@link #EXIT} at that instruction, which the interpreter then executes. So does any
 *       instruction whose JVM equivalent would throw (a null or too short array, a zero divisor):
 *       compiled code checks first and exits before the instruction has any effect, and the
 *       interpreter raises the guest exception. A call it makes leaves the caller at its invoke
 *       while the callee runs; if the callee needs the interpreter, the caller returns with
 *       {@code t.top} the callee's frame;</li>
 *   <li>per-opcode counts are exact: each basic block adds its instructions' counts when entered,
 *       and an exit in the middle of a block takes back the instructions from the exit point on
 *       ({@link #uncount});</li>
 *   <li>it never calls a safepoint: a taken backward branch decrements the budget as the
 *       interpreter does, and when it runs out returns {@link #SAFEPOINT} with {@code f.pc} at
 *       the branch target, so the interpreter runs the safepoint (scheduling, migration) with the
 *       frame in interpreter form.</li>
 * </ul>
 * One instance serves every VM that runs the same {@link CodeTemplate} (VM-specific state, such
 * as quickened field slots and links, is read from the frame's {@link MethodCode} at run time).
 */
public abstract class CompiledCode extends CompiledBody {
    /** Continue interpreting at {@code f.pc} (also: the pc was not an entry). */
    public static final int EXIT = 0;
    /** A backward branch ran the safepoint budget out; {@code f.pc} is its target. */
    public static final int SAFEPOINT = 1;
    /** The frame returned normally to its guest caller: {@code t.top} is the caller, past its invoke. */
    public static final int RETURNED = 2;
    /**
     * A call made by compiled code returned and ran the safepoint budget out: {@code t.top} is the
     * caller at the instruction after its invoke; the interpreter runs the safepoint (kind RETURN).
     */
    public static final int SAFEPOINT_RETURN = 3;
    /** A call blocked (class initialization by another thread ...): {@code f.pc} is the invoke, run again later. */
    public static final int BLOCKED = 4;
    /** A call stopped the thread for migration ({@code NativeGate}): {@code f.pc} is the invoke. */
    public static final int MIGRATE = 5;
    /** From {@code Interpreter.invokeFromCompiled} only: the call is done, go on after the invoke. */
    static final int CALL_DONE = -1;
    /**
     * As {@link #CALL_DONE}, after the constructor of a host-library object: the interpreter
     * replaced new-instance's placeholder in the frame's registers, so compiled code reloads its
     * reference registers from the frame.
     */
    static final int CALL_DONE_RELOAD = -2;

    /** Per instruction: the last instruction of its basic block (see {@link #uncount}). */
    int[] blockEnd;
    /** The guest method, for diagnostics. */
    String name;

    /** Runs the guest frame {@code f} (the top of {@code t}) from {@code f.pc}; see the class comment. */
    public abstract int run(GuestThread t, Frame f, Interpreter in);

    /** Takes back the counts of instructions {@code from .. blockEnd[from]}: an exit at {@code from}. */
    final void uncount(long[] counts, int[] insns, int from) {
        int to = blockEnd[from];
        for (int p = from; p <= to; p++) {
            counts[insns[p << 2]]--;
        }
    }

    @Override
    public String toString() {
        return "compiled " + name;
    }
}
