package org.cometsim.guestlib.java.util.concurrent.atomic;

/**
 * {@code java.util.concurrent.atomic.DoubleAdder} as guest code: the sum's raw bits in one guest
 * {@link AtomicLong}, updated by compare-and-set (the JDK's base cell without its striped cells;
 * see {@link LongAdder}). Additions apply in the order the VM runs them, so the sum of a
 * single-threaded sequence is the JDK's bit for bit.
 */
public class DoubleAdder extends Number implements java.io.Serializable {
    private static final long serialVersionUID = 7249069246863182397L;

    private final AtomicLong base = new AtomicLong(Double.doubleToRawLongBits(0.0d));

    public DoubleAdder() {
    }

    public void add(double x) {
        for (;;) {
            long b = base.get();
            long r = Double.doubleToRawLongBits(Double.longBitsToDouble(b) + x);
            if (base.compareAndSet(b, r)) {
                return;
            }
        }
    }

    public double sum() {
        return Double.longBitsToDouble(base.get());
    }

    public void reset() {
        base.set(Double.doubleToRawLongBits(0.0d));
    }

    public double sumThenReset() {
        return Double.longBitsToDouble(base.getAndSet(Double.doubleToRawLongBits(0.0d)));
    }

    @Override
    public String toString() {
        return Double.toString(sum());
    }

    @Override
    public double doubleValue() {
        return sum();
    }

    @Override
    public long longValue() {
        return (long) sum();
    }

    @Override
    public int intValue() {
        return (int) sum();
    }

    @Override
    public float floatValue() {
        return (float) sum();
    }
}
