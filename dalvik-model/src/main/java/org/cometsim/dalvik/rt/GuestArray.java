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
    /** The backing array once it was handed to host code itself (the host may keep it), else null. */
    public Object hostView;

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
