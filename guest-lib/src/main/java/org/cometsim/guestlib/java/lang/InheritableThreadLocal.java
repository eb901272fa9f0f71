package org.cometsim.guestlib.java.lang;

/**
 * {@code java.lang.InheritableThreadLocal} as guest code: a {@link ThreadLocal} whose values a
 * new thread receives from the thread that constructs it, each through {@link #childValue}
 * (JDK 17: at construction, not at start; not with the {@code Thread} constructor whose
 * {@code inheritThreadLocals} argument is false). Its values live in the {@code Thread} object's
 * {@code inheritableThreadLocals} map.
 */
public class InheritableThreadLocal<T> extends ThreadLocal<T> {
    public InheritableThreadLocal() {
    }

    /** The child's initial value for the parent's {@code parentValue}: the same value unless overridden. */
    @Override
    protected T childValue(T parentValue) {
        return parentValue;
    }

    @Override
    ThreadLocalMap getMap(Thread t) {
        return inheritableThreadLocals(t);
    }

    @Override
    void createMap(Thread t, T firstValue) {
        ThreadLocalMap map = new ThreadLocalMap();
        map.set(this, firstValue);
        setInheritableThreadLocals(t, map);
    }
}
