package org.cometsim.dalvik.rt;

/**
 * An instance of a guest class (a class loaded from dex, or a model class such as
 * {@code java.lang.Object}, the {@code Throwable} family, {@code Thread} or {@code Enum}).
 *
 * <p>Fields live in two arrays laid out by {@link VmClass}: {@link #p} holds every primitive field
 * (any width, one slot each) and {@link #r} every reference field. Each field also has a dense
 * index ({@link VmField#index}) used for field-granularity dirty tracking by the offload runtime.
 * The {@link #dsm} header ({@link ObjectHeader}) is owned by that runtime: {@code null} means
 * "not tracked", and write barriers fire only for tracked objects, as in COMET.
 */
public final class GuestObject {
    public final VmClass cls;
    public final long[] p;
    public final Object[] r;
    /** Lock state; created on first use. */
    public Monitor monitor;
    /** Identity hash; 0 = not yet assigned (assigned deterministically by the VM). */
    public int hash;
    /** Offload-runtime tracking header; null = untracked (see {@link ObjectHeader}). */
    public ObjectHeader dsm;
    /** VM-internal, guest-invisible, immutable metadata (e.g. the field behind a reflect.Field). */
    public Object vmData;
    /** Cached host-side view handed to host library code, so identity is preserved. */
    public Object hostView;
    /**
     * Its host view was handed to host code that may keep it (anything outside the bridge's list
     * of host classes that never keep their arguments): the VM's reachability passes (the offload
     * trim, {@code System.gc()}'s) cannot see who holds it.
     */
    public boolean escaped;

    public GuestObject(VmClass cls) {
        this.cls = cls;
        this.p = cls.instancePrimCount == 0 ? EMPTY_P : new long[cls.instancePrimCount];
        this.r = cls.instanceRefCount == 0 ? EMPTY_R : new Object[cls.instanceRefCount];
    }

    private static final long[] EMPTY_P = new long[0];
    private static final Object[] EMPTY_R = new Object[0];

    @Override
    public String toString() {
        return "GuestObject[" + cls.name + "]";
    }
}
