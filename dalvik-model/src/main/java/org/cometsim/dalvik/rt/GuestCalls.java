package org.cometsim.dalvik.rt;

/**
 * How host code (natives, the host bridge, reflection) calls back into guest code on the thread
 * it runs for: a nested interpreter loop on the same guest thread. The execution engine
 * ({@code interp.Interpreter}) implements it; natives receive it as their first argument, so
 * nothing below the engine needs to know the engine.
 */
public interface GuestCalls {
    /**
     * Runs {@code m(args)} (arguments and result boxed by kind, see {@link NativeImpl}) to
     * completion on {@code t} and returns its result; a guest exception escapes as
     * {@link GuestThrowable}.
     */
    Object callGuest(GuestThread t, VmMethod m, Object... args);

    /** Virtual call of {@code name desc} on {@code receiver} (guest or host object), as {@link #callGuest}. */
    Object callVirtual(GuestThread t, Object receiver, String name, String desc, Object... args);
}
