package org.cometsim.dalvik.rt;

import org.cometsim.dalvik.rt.MethodCode;

/**
 * An interpreted activation. Registers are untyped as in Dalvik; the VM keeps two parallel
 * arrays with an invariant that makes reference maps exact at every pc:
 * <ul>
 *   <li>a primitive write to vN stores the value in {@code r[N]} (sign-extended; a wide value is
 *       stored whole in {@code r[N]} and its high word in {@code r[N+1]}) and clears {@code o[N]};</li>
 *   <li>a reference write stores it in {@code o[N]} and zero in {@code r[N]}.</li>
 * </ul>
 * So "vN holds a reference here" is exactly {@code o[N] != null} (a null reference is the same
 * as int 0 in Dalvik), and {@code if-eq}/{@code if-eqz} can compare both arrays without knowing
 * the operand type. The offload runtime captures and rebuilds frames through this layout.
 *
 * <p>A frame popped by a normal return from an ordinary guest call (not a base, {@code <clinit>}
 * or monitor-holding frame) may be reused by the interpreter for the next call of the same
 * method ({@link MethodCode#spare}), with its non-argument registers cleared as in a new frame;
 * so nothing may keep a reference to a frame once it has left the thread's stack.
 */
public final class Frame {
    public final VmMethod method;
    public final MethodCode code;
    public final long[] r;
    public final Object[] o;
    /** Instruction index (not code units; see {@link MethodCode#addressOf}). */
    public int pc;
    public Frame caller;
    /** A frame entered from host code (a callback); returning from it leaves the interpreter loop. */
    public boolean base;
    /** The class whose {@code <clinit>} this frame runs, or null. */
    public VmClass clinitOf;
    /** For native-synchronized or callback frames: the monitor object to release on exit. */
    public Object syncOn;
    public int depth;

    public Frame(VmMethod method, MethodCode code) {
        this.method = method;
        this.code = code;
        this.r = new long[code.registers];
        this.o = new Object[code.registers];
    }
}
