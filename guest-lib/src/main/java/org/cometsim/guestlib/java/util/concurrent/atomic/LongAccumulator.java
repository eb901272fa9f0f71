package org.cometsim.guestlib.java.util.concurrent.atomic;

import java.util.function.LongBinaryOperator;

/**
 * {@code java.util.concurrent.atomic.LongAccumulator} as guest code: one guest {@link AtomicLong}
 * updated by compare-and-set with the JDK's rule (the function is applied to the current value and
 * the update; nothing is written when it returns the current value). No striped cells (see
 * {@link LongAdder}), so {@code get} is exact.
 */
public class LongAccumulator extends Number implements java.io.Serializable {
    private static final long serialVersionUID = 7249069246863182397L;

    private final LongBinaryOperator function;
    private final long identity;
    private final AtomicLong base;

    public LongAccumulator(LongBinaryOperator accumulatorFunction, long identity) {
        this.function = accumulatorFunction;
        this.identity = identity;
        this.base = new AtomicLong(identity);
    }

    public void accumulate(long x) {
        for (;;) {
            long b = base.get();
            long r = function.applyAsLong(b, x);
            if (r == b || base.compareAndSet(b, r)) {
                return;
            }
        }
    }

    public long get() {
        return base.get();
    }

    public void reset() {
        base.set(identity);
    }

    public long getThenReset() {
        return base.getAndSet(identity);
    }

    @Override
    public String toString() {
        return Long.toString(get());
    }

    @Override
    public long longValue() {
        return get();
    }

    @Override
    public int intValue() {
        return (int) get();
    }

    @Override
    public float floatValue() {
        return (float) get();
    }

    @Override
    public double doubleValue() {
        return (double) get();
    }
}
