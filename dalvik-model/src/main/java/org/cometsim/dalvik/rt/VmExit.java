package org.cometsim.dalvik.rt;

/** Thrown through everything when the guest calls {@code System.exit}. */
public final class VmExit extends RuntimeException {
    public final int status;
    /** {@code Runtime.halt}: the JVM stops without running shutdown hooks. */
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
