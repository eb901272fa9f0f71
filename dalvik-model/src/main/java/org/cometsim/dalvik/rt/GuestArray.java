package org.cometsim.dalvik.rt;

/**
 * A guest array. {@link #data} is a plain host array ({@code int[]}, {@code char[]}, ... or
 * {@code Object[]} for references, possibly of a final host component type such as
 * {@code String[]}) so host library calls can receive it without copying; the wrapper carries
 * the guest type, the lock, the identity hash and the offload-runtime tracking header.
 */
public final class GuestArray {
    public final VmClass type;
    public final Object data;
    public final int length;
    public Monitor monitor;
    public int hash;
    /** Offload-runtime tracking header; null = untracked (see {@link ObjectHeader}). */
    public ObjectHeader dsm;
    public Object hostView;
    /**
     * Handed to host code that may keep it (its backing array itself, to a method outside the
     * bridge's list of host classes that never keep their arguments): the VM's reachability
     * passes (the offload trim, {@code System.gc()}'s) cannot see who holds it.
     */
    public boolean escaped;

    public GuestArray(VmClass type, Object data, int length) {
        this.type = type;
        this.data = data;
        this.length = length;
    }

    @Override
    public String toString() {
        return "GuestArray[" + type.name + ", " + length + "]";
    }
}
