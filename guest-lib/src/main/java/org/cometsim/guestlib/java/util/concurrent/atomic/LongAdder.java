package org.cometsim.guestlib.java.util.concurrent.atomic;

/**
 * {@code java.util.concurrent.atomic.LongAdder} as guest code: one guest {@link AtomicLong} (whose
 * read-modify-writes are VM natives) instead of the JDK's striped cells, which spread contention
 * over host CPUs; guest threads are scheduled by the VM, so one cell serves. Every result is the
 * JDK's for a quiescent adder ({@code sum} is exact here, the JDK's may miss concurrent updates).
 * Golden program {@code G075_AtomicArraysAdder} checks it against the JDK's.
 */
public class LongAdder extends Number implements java.io.Serializable {
    private static final long serialVersionUID = 7249069246863182397L;

    private final AtomicLong base = new AtomicLong();

    public LongAdder() {
    }

    public void add(long x) {
        base.getAndAdd(x);
    }

    public void increment() {
        add(1L);
    }

    public void decrement() {
        add(-1L);
    }

    public long sum() {
        return base.get();
    }

    public void reset() {
        base.set(0L);
    }

    public long sumThenReset() {
        return base.getAndSet(0L);
    }

    @Override
    public String toString() {
        return Long.toString(sum());
    }

    @Override
    public long longValue() {
        return sum();
    }

    @Override
    public int intValue() {
        return (int) sum();
    }

    @Override
    public float floatValue() {
        return (float) sum();
    }

    @Override
    public double doubleValue() {
        return (double) sum();
    }

    @Override
    public byte byteValue() {
        return (byte) sum();
    }

    @Override
    public short shortValue() {
        return (short) sum();
    }
}
