package org.cometsim.guestlib.java.lang.ref;

/**
 * {@code java.lang.ref.Reference} as guest code. The JDK's class is cleared by the host JVM's
 * garbage collector, whenever it runs: bridged, a guest program's weak reference depended on host
 * timing (and a reference reachable from shipped state could not travel). Here the referent is an
 * ordinary field, so the DSM ships it like any other, and only the VM clears it, at deterministic
 * points: {@code System.gc()} and {@code Runtime.gc()} run a reachability pass over the guest heap
 * (dalvik-model {@code host.ReferenceProcessing}) that clears every {@link WeakReference} and
 * {@link PhantomReference} whose referent is no longer strongly reachable and puts it on its
 * queue's pending list, which {@link ReferenceQueue} takes over on its next call.
 *
 * <p>Deviations from JDK 17: nothing is cleared between two {@code gc()} calls (a JVM may clear at
 * any allocation); {@link SoftReference}s are never cleared (HotSpot clears them only under memory
 * pressure, which a program cannot rely on either); references are enqueued at once (the JDK's
 * reference handler thread does it soon after). Finalization does not exist.
 */
public abstract class Reference<T> {
    /** The referent; cleared (set to null) by {@link #clear} or by the VM's reachability pass. */
    private T referent;
    /**
     * The queue it is registered with, or null; {@link ReferenceQueue#ENQUEUED} while on it,
     * {@link ReferenceQueue#REMOVED} once taken off (it is never enqueued again).
     */
    volatile ReferenceQueue<? super T> queue;
    /** The next reference on its queue's list (pending or enqueued), or null. */
    Reference<?> next;

    Reference(T referent) {
        this(referent, null);
    }

    Reference(T referent, ReferenceQueue<? super T> queue) {
        this.referent = referent;
        this.queue = queue;
    }

    public T get() {
        return referent;
    }

    public final boolean refersTo(T obj) {
        return referent == obj;
    }

    public void clear() {
        referent = null;
    }

    public boolean isEnqueued() {
        return queue == ReferenceQueue.ENQUEUED;
    }

    public boolean enqueue() {
        referent = null;
        ReferenceQueue<? super T> q = queue;
        return q != null && q != ReferenceQueue.ENQUEUED && q != ReferenceQueue.REMOVED && q.enqueue(this);
    }

    @Override
    protected Object clone() throws CloneNotSupportedException {
        throw new CloneNotSupportedException();
    }

    /** Keeps {@code ref} strongly reachable up to this call (nothing to do: the VM's passes run only at gc()). */
    public static void reachabilityFence(Object ref) {
    }
}
