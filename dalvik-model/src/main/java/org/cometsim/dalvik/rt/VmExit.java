package org.cometsim.dalvik.rt;

/**
 * Thrown through everything when the guest calls {@code System.exit}/{@code Runtime.exit}
 * ({@link #halt} false: the scheduler runs the shutdown hooks, then the VM stops) or
 * {@code Runtime.halt} ({@link #halt} true: it stops at once, without hooks, as the JVM does).
 */
public final class VmExit extends RuntimeException {
    public final int status;
    /** {@code Runtime.halt}: no shutdown hooks run. */
    public final boolean halt;

    public VmExit(int status) {
        this(status, false);
    }

    public VmExit(int status, boolean halt) {
        super(null, null, false, false);
        this.status = status;
        this.halt = halt;
    }
}
