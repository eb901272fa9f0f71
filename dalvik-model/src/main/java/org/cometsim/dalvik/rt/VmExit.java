package org.cometsim.dalvik.rt;

/** Thrown through everything when the guest calls {@code System.exit}. */
public final class VmExit extends RuntimeException {
    public final int status;

    public VmExit(int status) {
        super(null, null, false, false);
        this.status = status;
    }
}
