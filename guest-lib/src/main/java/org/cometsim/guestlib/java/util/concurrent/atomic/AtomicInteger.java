package org.cometsim.guestlib.java.util.concurrent.atomic;

import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * {@code java.util.concurrent.atomic.AtomicInteger} as guest code: the value is a guest
 * {@code volatile int} field, so the DSM tracks it and an offload runtime moves its ownership
 * between endpoints like any volatile (the JDK's is a host object, which pins every thread that
 * reaches it to the phone). The read-modify-writes are three VM natives
 * ({@code model.AtomicNatives}: compare-and-set, get-and-add, get-and-set) acting on the field
 * atomically, after the VM's volatile gate and write barrier, as COMET's {@code Unsafe} CAS did;
 * everything else is written on top of them as the JDK does. The plain, opaque, acquire and
 * release modes are volatile accesses here (stronger, as the JDK allows). On a plain JVM the
 * natives are unbound: golden program {@code G070_AtomicInteger} in {@code dalvik-model} checks
 * the class against the JDK's.
 */
public class AtomicInteger extends Number implements java.io.Serializable {
    private static final long serialVersionUID = 6214790243416807050L;

    private volatile int value;

    public AtomicInteger(int initialValue) {
        value = initialValue;
    }

    public AtomicInteger() {
    }

    /** Sets the value to {@code newValue} if it is {@code expectedValue}, atomically. */
    private native boolean casValue(int expectedValue, int newValue);

    /** Adds {@code delta} atomically; returns the previous value. */
    private native int getAndAddValue(int delta);

    /** Sets {@code newValue} atomically; returns the previous value. */
    private native int getAndSetValue(int newValue);

    public final int get() {
        return value;
    }

    public final void set(int newValue) {
        value = newValue;
    }

    public final void lazySet(int newValue) {
        value = newValue;
    }

    public final int getAndSet(int newValue) {
        return getAndSetValue(newValue);
    }

    public final boolean compareAndSet(int expectedValue, int newValue) {
        return casValue(expectedValue, newValue);
    }

    @Deprecated(since = "9")
    public final boolean weakCompareAndSet(int expectedValue, int newValue) {
        return casValue(expectedValue, newValue);
    }

    public final boolean weakCompareAndSetPlain(int expectedValue, int newValue) {
        return casValue(expectedValue, newValue);
    }

    public final int getAndIncrement() {
        return getAndAddValue(1);
    }

    public final int getAndDecrement() {
        return getAndAddValue(-1);
    }

    public final int getAndAdd(int delta) {
        return getAndAddValue(delta);
    }

    public final int incrementAndGet() {
        return getAndAddValue(1) + 1;
    }

    public final int decrementAndGet() {
        return getAndAddValue(-1) - 1;
    }

    public final int addAndGet(int delta) {
        return getAndAddValue(delta) + delta;
    }

    public final int getAndUpdate(IntUnaryOperator updateFunction) {
        int prev = get();
        int next = 0;
        for (boolean haveNext = false;;) {
            if (!haveNext) {
                next = updateFunction.applyAsInt(prev);
            }
            if (weakCompareAndSetVolatile(prev, next)) {
                return prev;
            }
            haveNext = prev == (prev = get());
        }
    }

    public final int updateAndGet(IntUnaryOperator updateFunction) {
        int prev = get();
        int next = 0;
        for (boolean haveNext = false;;) {
            if (!haveNext) {
                next = updateFunction.applyAsInt(prev);
            }
            if (weakCompareAndSetVolatile(prev, next)) {
                return next;
            }
            haveNext = prev == (prev = get());
        }
    }

    public final int getAndAccumulate(int x, IntBinaryOperator accumulatorFunction) {
        int prev = get();
        int next = 0;
        for (boolean haveNext = false;;) {
            if (!haveNext) {
                next = accumulatorFunction.applyAsInt(prev, x);
            }
            if (weakCompareAndSetVolatile(prev, next)) {
                return prev;
            }
            haveNext = prev == (prev = get());
        }
    }

    public final int accumulateAndGet(int x, IntBinaryOperator accumulatorFunction) {
        int prev = get();
        int next = 0;
        for (boolean haveNext = false;;) {
            if (!haveNext) {
                next = accumulatorFunction.applyAsInt(prev, x);
            }
            if (weakCompareAndSetVolatile(prev, next)) {
                return next;
            }
            haveNext = prev == (prev = get());
        }
    }

    @Override
    public String toString() {
        return Integer.toString(get());
    }

    @Override
    public int intValue() {
        return get();
    }

    @Override
    public long longValue() {
        return (long) get();
    }

    @Override
    public float floatValue() {
        return (float) get();
    }

    @Override
    public double doubleValue() {
        return (double) get();
    }

    // Number's own, overridden so no call reaches the host class's code (same results).
    @Override
    public byte byteValue() {
        return (byte) get();
    }

    @Override
    public short shortValue() {
        return (short) get();
    }

    public final int getPlain() {
        return value;
    }

    public final void setPlain(int newValue) {
        value = newValue;
    }

    public final int getOpaque() {
        return value;
    }

    public final void setOpaque(int newValue) {
        value = newValue;
    }

    public final int getAcquire() {
        return value;
    }

    public final void setRelease(int newValue) {
        value = newValue;
    }

    public final int compareAndExchange(int expectedValue, int newValue) {
        while (true) {
            int witness = value;
            if (witness != expectedValue || casValue(witness, newValue)) {
                return witness;
            }
        }
    }

    public final int compareAndExchangeAcquire(int expectedValue, int newValue) {
        return compareAndExchange(expectedValue, newValue);
    }

    public final int compareAndExchangeRelease(int expectedValue, int newValue) {
        return compareAndExchange(expectedValue, newValue);
    }

    public final boolean weakCompareAndSetVolatile(int expectedValue, int newValue) {
        return casValue(expectedValue, newValue);
    }

    public final boolean weakCompareAndSetAcquire(int expectedValue, int newValue) {
        return casValue(expectedValue, newValue);
    }

    public final boolean weakCompareAndSetRelease(int expectedValue, int newValue) {
        return casValue(expectedValue, newValue);
    }
}
