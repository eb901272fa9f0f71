package org.cometsim.guestlib.java.lang.ref;

/** {@code java.lang.ref.SoftReference}: never cleared by the VM (no memory pressure is modelled; see {@link Reference}). */
public class SoftReference<T> extends Reference<T> {
    public SoftReference(T referent) {
        super(referent);
    }

    public SoftReference(T referent, ReferenceQueue<? super T> q) {
        super(referent, q);
    }
}
