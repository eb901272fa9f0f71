package org.cometsim.guestlib.java.lang;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code java.lang.ThreadLocal} as guest code: a value per guest thread. The JDK's class keys its
 * map by the host thread, and every guest thread of a VM runs on one host thread, so bridged it
 * showed every guest thread the same value. Here, as in the JDK, each thread's values sit in a
 * {@link ThreadLocalMap} that hangs off its {@code Thread} object (the model class's field
 * {@code threadLocals}, or {@code inheritableThreadLocals} for {@link InheritableThreadLocal}),
 * reached through two natives because library code cannot name those fields. The maps and values
 * are guest objects, so the DSM tracks them like any other state, and a migrated thread takes its
 * values along with its {@code Thread} object.
 *
 * <p>Behaviour is JDK 17's: {@link #initialValue} runs on a thread's first {@link #get} and again
 * after {@link #remove}; {@link #withInitial} overrides it with a supplier; an
 * {@link InheritableThreadLocal}'s values are copied through {@code childValue} into a thread
 * when it is constructed (by the VM's {@code Thread} constructors, which end in
 * {@code inheritInto}). Deviation: the map holds its keys strongly (the JDK's entries are weak
 * references), so a value whose {@code ThreadLocal} became unreachable is kept until its thread's
 * {@code Thread} object is; nothing a program prints can tell.
 *
 * <p>On a plain JVM the natives are unbound, so {@code get}/{@code set}/{@code remove} throw
 * {@link UnsatisfiedLinkError} there; {@link ThreadLocalMap} runs anywhere.
 */
public class ThreadLocal<T> {
    /** Spreads consecutive hash codes over power-of-two tables (the JDK's constant). */
    private static final int HASH_INCREMENT = 0x61c88647;
    /** Next hash code to hand out (per VM: a guest static). */
    private static int nextHashCode;

    /** This ThreadLocal's hash in every thread's map. */
    final int threadLocalHashCode = nextHashCode();

    private static synchronized int nextHashCode() {
        int h = nextHashCode;
        nextHashCode = h + HASH_INCREMENT;
        return h;
    }

    public ThreadLocal() {
    }

    /** The value a thread sees before it sets one (and again after {@link #remove}): null unless overridden. */
    protected T initialValue() {
        return null;
    }

    /** A ThreadLocal whose initial value is {@code supplier.get()}. */
    public static <S> ThreadLocal<S> withInitial(Supplier<? extends S> supplier) {
        return new SuppliedThreadLocal<>(supplier);
    }

    /** The calling thread's value; its {@link #initialValue} first if it has none. */
    @SuppressWarnings("unchecked")
    public T get() {
        Thread t = Thread.currentThread();
        ThreadLocalMap map = getMap(t);
        if (map != null) {
            int slot = map.slotOf(this);
            if (slot >= 0) {
                return (T) map.valueAt(slot);
            }
        }
        return setInitialValue(t);
    }

    private T setInitialValue(Thread t) {
        T value = initialValue();
        ThreadLocalMap map = getMap(t); // initialValue may have set values of its own
        if (map != null) {
            map.set(this, value);
        } else {
            createMap(t, value);
        }
        return value;
    }

    /** Sets the calling thread's value. */
    public void set(T value) {
        Thread t = Thread.currentThread();
        ThreadLocalMap map = getMap(t);
        if (map != null) {
            map.set(this, value);
        } else {
            createMap(t, value);
        }
    }

    /** Removes the calling thread's value: its next {@link #get} calls {@link #initialValue} again. */
    public void remove() {
        ThreadLocalMap map = getMap(Thread.currentThread());
        if (map != null) {
            map.remove(this);
        }
    }

    /** The map of {@code t} this ThreadLocal keeps its values in, or null if it has none yet. */
    ThreadLocalMap getMap(Thread t) {
        return threadLocals(t);
    }

    /** Gives {@code t} its map, holding {@code firstValue} for this ThreadLocal. */
    void createMap(Thread t, T firstValue) {
        ThreadLocalMap map = new ThreadLocalMap();
        map.set(this, firstValue);
        setThreadLocals(t, map);
    }

    /** An inheritable value as the child thread gets it ({@link InheritableThreadLocal} only). */
    T childValue(T parentValue) {
        throw new UnsupportedOperationException();
    }

    /** The map for a new thread: the parent's inheritable values through {@code childValue}. */
    static ThreadLocalMap createInheritedMap(ThreadLocalMap parentMap) {
        return new ThreadLocalMap(parentMap);
    }

    /**
     * Called by the VM at the end of a {@code Thread} constructor when the constructing thread has
     * inheritable values (the JDK's constructor does the same inline): runs as guest code, so
     * {@code childValue} overrides run on the constructing thread like any call.
     */
    private static void inheritInto(Thread child, ThreadLocalMap parentMap) {
        setInheritableThreadLocals(child, createInheritedMap(parentMap));
    }

    /** Field {@code threadLocals} of {@code t}'s model class. */
    private static native ThreadLocalMap threadLocals(Thread t);

    private static native void setThreadLocals(Thread t, ThreadLocalMap map);

    /** Field {@code inheritableThreadLocals} of {@code t}'s model class. */
    static native ThreadLocalMap inheritableThreadLocals(Thread t);

    static native void setInheritableThreadLocals(Thread t, ThreadLocalMap map);

    /** {@link #withInitial}'s class (the JDK's name). */
    static final class SuppliedThreadLocal<T> extends ThreadLocal<T> {
        private final Supplier<? extends T> supplier;

        SuppliedThreadLocal(Supplier<? extends T> supplier) {
            this.supplier = Objects.requireNonNull(supplier);
        }

        @Override
        protected T initialValue() {
            return supplier.get();
        }
    }

    /**
     * One thread's values: open addressing with linear probing over a power-of-two table keyed by
     * {@link #threadLocalHashCode} (the JDK's scheme), keys held strongly. Removal re-inserts the
     * rest of the probe cluster, so no lookup stops at the hole.
     */
    static final class ThreadLocalMap {
        private static final int INITIAL_CAPACITY = 16;

        private ThreadLocal<?>[] keys;
        private Object[] values;
        private int size;

        ThreadLocalMap() {
            keys = new ThreadLocal<?>[INITIAL_CAPACITY];
            values = new Object[INITIAL_CAPACITY];
        }

        /** A child thread's map: every entry of {@code parent}, its value through the key's {@code childValue}. */
        @SuppressWarnings("unchecked")
        ThreadLocalMap(ThreadLocalMap parent) {
            int len = parent.keys.length;
            keys = new ThreadLocal<?>[len];
            values = new Object[len];
            for (int i = 0; i < len; i++) {
                ThreadLocal<Object> key = (ThreadLocal<Object>) parent.keys[i];
                if (key != null) {
                    Object value = key.childValue(parent.values[i]);
                    int h = key.threadLocalHashCode & (len - 1);
                    while (keys[h] != null) {
                        h = (h + 1) & (len - 1);
                    }
                    keys[h] = key;
                    values[h] = value;
                    size++;
                }
            }
        }

        /** Number of values held. */
        int size() {
            return size;
        }

        /** The slot holding {@code key}, or -1. */
        int slotOf(ThreadLocal<?> key) {
            int mask = keys.length - 1;
            for (int i = key.threadLocalHashCode & mask; ; i = (i + 1) & mask) {
                ThreadLocal<?> k = keys[i];
                if (k == key) {
                    return i;
                }
                if (k == null) {
                    return -1;
                }
            }
        }

        Object valueAt(int slot) {
            return values[slot];
        }

        void set(ThreadLocal<?> key, Object value) {
            int mask = keys.length - 1;
            int i = key.threadLocalHashCode & mask;
            while (keys[i] != null) {
                if (keys[i] == key) {
                    values[i] = value;
                    return;
                }
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
            size++;
            if (size * 3 >= keys.length * 2) {
                resize();
            }
        }

        void remove(ThreadLocal<?> key) {
            int slot = slotOf(key);
            if (slot < 0) {
                return;
            }
            keys[slot] = null;
            values[slot] = null;
            size--;
            int mask = keys.length - 1;
            for (int i = (slot + 1) & mask; keys[i] != null; i = (i + 1) & mask) {
                ThreadLocal<?> k = keys[i];
                Object v = values[i];
                keys[i] = null;
                values[i] = null;
                int h = k.threadLocalHashCode & mask;
                while (keys[h] != null) {
                    h = (h + 1) & mask;
                }
                keys[h] = k;
                values[h] = v;
            }
        }

        /** Doubles the table (kept at most two thirds full, so every probe meets an empty slot). */
        private void resize() {
            ThreadLocal<?>[] oldKeys = keys;
            Object[] oldValues = values;
            int len = oldKeys.length * 2;
            keys = new ThreadLocal<?>[len];
            values = new Object[len];
            for (int j = 0; j < oldKeys.length; j++) {
                ThreadLocal<?> k = oldKeys[j];
                if (k != null) {
                    int h = k.threadLocalHashCode & (len - 1);
                    while (keys[h] != null) {
                        h = (h + 1) & (len - 1);
                    }
                    keys[h] = k;
                    values[h] = oldValues[j];
                }
            }
        }
    }
}
