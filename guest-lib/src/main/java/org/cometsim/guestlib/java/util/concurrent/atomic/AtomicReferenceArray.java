package org.cometsim.guestlib.java.util.concurrent.atomic;

import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * {@code java.util.concurrent.atomic.AtomicReferenceArray} as guest code: the elements are a guest array the DSM
 * tracks element by element (the JDK's is a host object that pins every thread reaching it). Every
 * access, plain reads and writes included, runs on the monitor of an internal lock object, which
 * makes the read-modify-writes atomic among guest threads and gives each access the JDK's volatile
 * ordering on every endpoint of an offload; the functional updates loop on compare-and-set outside
 * the lock, as the JDK's; {@code toString} reads without it. Golden program {@code G075_AtomicArraysAdder} checks it against the JDK's.
 */
@SuppressWarnings("unchecked")
public class AtomicReferenceArray<E> implements java.io.Serializable {
    private static final long serialVersionUID = -6209656149925076980L;

    private final Object lock = new Object();
    private final Object[] array;

    public AtomicReferenceArray(int length) {
        array = new Object[length];
    }

    public AtomicReferenceArray(E[] array) {
        this.array = Arrays.copyOf(array, array.length, Object[].class);
    }

    public final int length() {
        return array.length;
    }

    public final E get(int i) {
        synchronized (lock) {
            return (E) array[i];
        }
    }

    public final void set(int i, E newValue) {
        synchronized (lock) {
            array[i] = newValue;
        }
    }

    public final void lazySet(int i, E newValue) {
        set(i, newValue);
    }

    public final E getAndSet(int i, E newValue) {
        synchronized (lock) {
            E old = (E) array[i];
            array[i] = newValue;
            return old;
        }
    }

    public final boolean compareAndSet(int i, E expectedValue, E newValue) {
        synchronized (lock) {
            if (array[i] != expectedValue) {
                return false;
            }
            array[i] = newValue;
            return true;
        }
    }

    @Deprecated(since = "9")
    public final boolean weakCompareAndSet(int i, E expectedValue, E newValue) {
        return compareAndSet(i, expectedValue, newValue);
    }

    public final boolean weakCompareAndSetPlain(int i, E expectedValue, E newValue) {
        return compareAndSet(i, expectedValue, newValue);
    }

    public final E getAndUpdate(int i, UnaryOperator<E> updateFunction) {
        E prev = get(i);
        E next = null;
        for (boolean haveNext = false;;) {
            if (!haveNext) {
                next = updateFunction.apply(prev);
            }
            if (weakCompareAndSetVolatile(i, prev, next)) {
                return prev;
            }
            haveNext = prev == (prev = get(i));
        }
    }

    public final E updateAndGet(int i, UnaryOperator<E> updateFunction) {
        E prev = get(i);
        E next = null;
        for (boolean haveNext = false;;) {
            if (!haveNext) {
                next = updateFunction.apply(prev);
            }
            if (weakCompareAndSetVolatile(i, prev, next)) {
                return next;
            }
            haveNext = prev == (prev = get(i));
        }
    }

    public final E getAndAccumulate(int i, E x, BinaryOperator<E> accumulatorFunction) {
        E prev = get(i);
        E next = null;
        for (boolean haveNext = false;;) {
            if (!haveNext) {
                next = accumulatorFunction.apply(prev, x);
            }
            if (weakCompareAndSetVolatile(i, prev, next)) {
                return prev;
            }
            haveNext = prev == (prev = get(i));
        }
    }

    public final E accumulateAndGet(int i, E x, BinaryOperator<E> accumulatorFunction) {
        E prev = get(i);
        E next = null;
        for (boolean haveNext = false;;) {
            if (!haveNext) {
                next = accumulatorFunction.apply(prev, x);
            }
            if (weakCompareAndSetVolatile(i, prev, next)) {
                return next;
            }
            haveNext = prev == (prev = get(i));
        }
    }

    @Override
    public String toString() {
        // Plain reads without the lock, as the JDK's (getPlain): toString is often called by host
        // code (String.valueOf in a concatenation), where a guest thread must not block on a
        // monitor another endpoint holds.
        int iMax = array.length - 1;
        if (iMax == -1) {
            return "[]";
        }
        org.cometsim.guestlib.java.lang.StringBuilder b = new org.cometsim.guestlib.java.lang.StringBuilder();
        b.append('[');
        for (int i = 0;; i++) {
            b.append(String.valueOf(array[i]));
            if (i == iMax) {
                return b.append(']').toString();
            }
            b.append(',').append(' ');
        }
    }

    public final E getPlain(int i) {
        return get(i);
    }

    public final void setPlain(int i, E newValue) {
        set(i, newValue);
    }

    public final E getOpaque(int i) {
        return get(i);
    }

    public final void setOpaque(int i, E newValue) {
        set(i, newValue);
    }

    public final E getAcquire(int i) {
        return get(i);
    }

    public final void setRelease(int i, E newValue) {
        set(i, newValue);
    }

    public final E compareAndExchange(int i, E expectedValue, E newValue) {
        synchronized (lock) {
            E witness = (E) array[i];
            if (witness == expectedValue) {
                array[i] = newValue;
            }
            return witness;
        }
    }

    public final E compareAndExchangeAcquire(int i, E expectedValue, E newValue) {
        return compareAndExchange(i, expectedValue, newValue);
    }

    public final E compareAndExchangeRelease(int i, E expectedValue, E newValue) {
        return compareAndExchange(i, expectedValue, newValue);
    }

    public final boolean weakCompareAndSetVolatile(int i, E expectedValue, E newValue) {
        return compareAndSet(i, expectedValue, newValue);
    }

    public final boolean weakCompareAndSetAcquire(int i, E expectedValue, E newValue) {
        return compareAndSet(i, expectedValue, newValue);
    }

    public final boolean weakCompareAndSetRelease(int i, E expectedValue, E newValue) {
        return compareAndSet(i, expectedValue, newValue);
    }
}
