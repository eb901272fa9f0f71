package org.cometsim.guestlib.java.lang.ref;

/** {@code java.lang.ref.PhantomReference}: {@link #get} is always null; cleared and enqueued like a weak reference. */
public class PhantomReference<T> extends Reference<T> {
    public PhantomReference(T referent, ReferenceQueue<? super T> q) {
        super(referent, q);
    }

    @Override
    public T get() {
        return null;
    }
}
