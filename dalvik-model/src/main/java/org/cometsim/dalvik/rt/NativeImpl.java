package org.cometsim.dalvik.rt;

/**
 * Host code standing in for a method: a model-class method, an intercept, or a host-library
 * method reached through a method handle. Arguments arrive boxed by their declared kind
 * (receiver first for instance methods): Z→Boolean, B→Byte, C→Character, S→Short, I→Integer,
 * J→Long, F→Float, D→Double, references as guest values. The result is boxed the same way.
 *
 * <p>Two special results: {@link #BLOCK} (the thread blocked; the invoke is re-executed when the
 * scheduler wakes it, with {@link GuestThread#blockPhase} telling the native why) and a
 * {@link TailCall} (continue in a guest method whose result becomes this native's result).
 */
@FunctionalInterface
public interface NativeImpl {
    Object BLOCK = new Object() {
        @Override
        public String toString() {
            return "BLOCK";
        }
    };

    /**
     * Runs the native for {@code t}; {@code in} calls back into guest code (host→guest callbacks:
     * {@code toString}, {@code compare}, a {@code Runnable} ...).
     */
    Object invoke(GuestCalls in, GuestThread t, Object[] args) throws Throwable;

    /** Continue in a guest method; its return value is returned to the native's caller. */
    record TailCall(VmMethod method, Object[] args) {
    }
}
