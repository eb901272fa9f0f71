package org.cometsim.guestlib.java.util.concurrent.atomic;

import java.util.function.DoubleBinaryOperator;

/**
 * {@code java.util.concurrent.atomic.DoubleAccumulator} as guest code: the value's raw bits in one
 * guest {@link AtomicLong}, updated by compare-and-set with the JDK's rule (nothing is written when
 * the function returns the current value, compared as raw bits). See {@link LongAccumulator}.
 */
public class DoubleAccumulator extends Number implements java.io.Serializable {
    private static final long serialVersionUID = 7249069246863182397L;

    private final DoubleBinaryOperator function;
    private final long identity;
    private final AtomicLong base;

    public DoubleAccumulator(DoubleBinaryOperator accumulatorFunction, double identity) {
        this.function = accumulatorFunction;
        this.identity = Double.doubleToRawLongBits(identity);
        this.base = new AtomicLong(this.identity);
    }

    public void accumulate(double x) {
        for (;;) {
            long b = base.get();
            long r = Double.doubleToRawLongBits(function.applyAsDouble(Double.longBitsToDouble(b), x));
            if (r == b || base.compareAndSet(b, r)) {
                return;
            }
        }
    }

    public double get() {
        return Double.longBitsToDouble(base.get());
    }

    public void reset() {
        base.set(identity);
    }

    public double getThenReset() {
        return Double.longBitsToDouble(base.getAndSet(identity));
    }

    @Override
    public String toString() {
        return Double.toString(get());
    }

    @Override
    public double doubleValue() {
        return get();
    }

    @Override
    public long longValue() {
        return (long) get();
    }

    @Override
    public int intValue() {
        return (int) get();
    }

    @Override
    public float floatValue() {
        return (float) get();
    }
}
