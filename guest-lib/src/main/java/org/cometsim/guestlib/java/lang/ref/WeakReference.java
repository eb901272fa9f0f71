package org.cometsim.guestlib.java.lang.ref;

/** {@code java.lang.ref.WeakReference}: cleared by the VM's reachability pass at {@code gc()} ({@link Reference}). */
public class WeakReference<T> extends Reference<T> {
    public WeakReference(T referent) {
        super(referent);
    }

    public WeakReference(T referent, ReferenceQueue<? super T> q) {
        super(referent, q);
    }
}
