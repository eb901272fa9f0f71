package org.cometsim.guestlib.java.util.concurrent.atomic;

import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * {@code java.util.concurrent.atomic.AtomicLong} as guest code: the value is a guest
 * {@code volatile long} field the DSM tracks, and the read-modify-writes are VM natives
 * ({@code model.AtomicNatives}), exactly as {@link AtomicLong} (see there). On a plain JVM the
 * natives are unbound: golden program {@code G072_Atomics} in {@code dalvik-model} checks the
 * class against the JDK's.
 */
public class AtomicLong extends Number implements java.io.Serializable {
    private static final long serialVersionUID = 1927816293512124184L;

    private volatile long value;

    public AtomicLong(long initialValue) {
        value = initialValue;
    }

    public AtomicLong() {
    }

    /** Sets the value to {@code newValue} if it is {@code expectedValue}, atomically. */
    private native boolean casValue(long expectedValue, long newValue);

    /** Adds {@code delta} atomically; returns the previous value. */
    private native long getAndAddValue(long delta);

    /** Sets {@code newValue} atomically; returns the previous value. */
    private native long getAndSetValue(long newValue);

    public final long get() {
        return value;
    }

    public final void set(long newValue) {
        value = newValue;
    }

    public final void lazySet(long newValue) {
        value = newValue;
    }

    public final long getAndSet(long newValue) {
        return getAndSetValue(newValue);
    }

    public final boolean compareAndSet(long expectedValue, long newValue) {
        return casValue(expectedValue, newValue);
    }

    @Deprecated(since = "9")
    public final boolean weakCompareAndSet(long expectedValue, long newValue) {
        return casValue(expectedValue, newValue);
    }

    public final boolean weakCompareAndSetPlain(long expectedValue, long newValue) {
        return casValue(expectedValue, newValue);
    }

    public final long getAndIncrement() {
        return getAndAddValue(1);
    }

    public final long getAndDecrement() {
        return getAndAddValue(-1);
    }

    public final long getAndAdd(long delta) {
        return getAndAddValue(delta);
    }

    public final long incrementAndGet() {
        return getAndAddValue(1) + 1;
    }

    public final long decrementAndGet() {
        return getAndAddValue(-1) - 1;
    }

    public final long addAndGet(long delta) {
        return getAndAddValue(delta) + delta;
    }

    public final long getAndUpdate(LongUnaryOperator updateFunction) {
        long prev = get();
        long next = 0;
        for (boolean haveNext = false;;) {
            if (!haveNext) {
                next = updateFunction.applyAsLong(prev);
            }
            if (weakCompareAndSetVolatile(prev, next)) {
                return prev;
            }
            haveNext = prev == (prev = get());
        }
    }

    public final long updateAndGet(LongUnaryOperator updateFunction) {
        long prev = get();
        long next = 0;
        for (boolean haveNext = false;;) {
            if (!haveNext) {
                next = updateFunction.applyAsLong(prev);
            }
            if (weakCompareAndSetVolatile(prev, next)) {
                return next;
            }
            haveNext = prev == (prev = get());
        }
    }

    public final long getAndAccumulate(long x, LongBinaryOperator accumulatorFunction) {
        long prev = get();
        long next = 0;
        for (boolean haveNext = false;;) {
            if (!haveNext) {
                next = accumulatorFunction.applyAsLong(prev, x);
            }
            if (weakCompareAndSetVolatile(prev, next)) {
                return prev;
            }
            haveNext = prev == (prev = get());
        }
    }

    public final long accumulateAndGet(long x, LongBinaryOperator accumulatorFunction) {
        long prev = get();
        long next = 0;
        for (boolean haveNext = false;;) {
            if (!haveNext) {
                next = accumulatorFunction.applyAsLong(prev, x);
            }
            if (weakCompareAndSetVolatile(prev, next)) {
                return next;
            }
            haveNext = prev == (prev = get());
        }
    }

    @Override
    public String toString() {
        return Long.toString(get());
    }

    @Override
    public int intValue() {
        return (int) get();
    }

    @Override
    public long longValue() {
        return get();
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

    public final long getPlain() {
        return value;
    }

    public final void setPlain(long newValue) {
        value = newValue;
    }

    public final long getOpaque() {
        return value;
    }

    public final void setOpaque(long newValue) {
        value = newValue;
    }

    public final long getAcquire() {
        return value;
    }

    public final void setRelease(long newValue) {
        value = newValue;
    }

    public final long compareAndExchange(long expectedValue, long newValue) {
        while (true) {
            long witness = value;
            if (witness != expectedValue || casValue(witness, newValue)) {
                return witness;
            }
        }
    }

    public final long compareAndExchangeAcquire(long expectedValue, long newValue) {
        return compareAndExchange(expectedValue, newValue);
    }

    public final long compareAndExchangeRelease(long expectedValue, long newValue) {
        return compareAndExchange(expectedValue, newValue);
    }

    public final boolean weakCompareAndSetVolatile(long expectedValue, long newValue) {
        return casValue(expectedValue, newValue);
    }

    public final boolean weakCompareAndSetAcquire(long expectedValue, long newValue) {
        return casValue(expectedValue, newValue);
    }

    public final boolean weakCompareAndSetRelease(long expectedValue, long newValue) {
        return casValue(expectedValue, newValue);
    }
}
