package org.cometsim.guestlib.java.util.concurrent.atomic;

/**
 * {@code java.util.concurrent.atomic.AtomicBoolean} as guest code: the value is a guest
 * {@code volatile int} field (0 or 1, as the JDK's) the DSM tracks, and its compare-and-set and
 * get-and-set are VM natives ({@code model.AtomicNatives}), as {@link AtomicInteger}'s. The plain,
 * opaque, acquire and release modes are volatile accesses (stronger, as the JDK allows). On a plain
 * JVM the natives are unbound: golden program {@code G072_Atomics} in {@code dalvik-model} checks
 * the class against the JDK's.
 */
public class AtomicBoolean implements java.io.Serializable {
    private static final long serialVersionUID = 4654671469794556979L;

    private volatile int value;

    public AtomicBoolean(boolean initialValue) {
        value = initialValue ? 1 : 0;
    }

    public AtomicBoolean() {
    }

    /** Sets the value to {@code newValue} if it is {@code expectedValue}, atomically. */
    private native boolean casValue(int expectedValue, int newValue);

    /** Sets {@code newValue} atomically; returns the previous value. */
    private native int getAndSetValue(int newValue);

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }

    public final boolean get() {
        return value != 0;
    }

    public final boolean compareAndSet(boolean expectedValue, boolean newValue) {
        return casValue(bit(expectedValue), bit(newValue));
    }

    @Deprecated(since = "9")
    public boolean weakCompareAndSet(boolean expectedValue, boolean newValue) {
        return casValue(bit(expectedValue), bit(newValue));
    }

    public boolean weakCompareAndSetPlain(boolean expectedValue, boolean newValue) {
        return casValue(bit(expectedValue), bit(newValue));
    }

    public final void set(boolean newValue) {
        value = bit(newValue);
    }

    public final void lazySet(boolean newValue) {
        value = bit(newValue);
    }

    public final boolean getAndSet(boolean newValue) {
        return getAndSetValue(bit(newValue)) != 0;
    }

    @Override
    public String toString() {
        return Boolean.toString(get());
    }

    public final boolean getPlain() {
        return value != 0;
    }

    public final void setPlain(boolean newValue) {
        value = bit(newValue);
    }

    public final boolean getOpaque() {
        return value != 0;
    }

    public final void setOpaque(boolean newValue) {
        value = bit(newValue);
    }

    public final boolean getAcquire() {
        return value != 0;
    }

    public final void setRelease(boolean newValue) {
        value = bit(newValue);
    }

    public final boolean compareAndExchange(boolean expectedValue, boolean newValue) {
        while (true) {
            int witness = value;
            if (witness != bit(expectedValue) || casValue(witness, bit(newValue))) {
                return witness != 0;
            }
        }
    }

    public final boolean compareAndExchangeAcquire(boolean expectedValue, boolean newValue) {
        return compareAndExchange(expectedValue, newValue);
    }

    public final boolean compareAndExchangeRelease(boolean expectedValue, boolean newValue) {
        return compareAndExchange(expectedValue, newValue);
    }

    public final boolean weakCompareAndSetVolatile(boolean expectedValue, boolean newValue) {
        return casValue(bit(expectedValue), bit(newValue));
    }

    public final boolean weakCompareAndSetAcquire(boolean expectedValue, boolean newValue) {
        return casValue(bit(expectedValue), bit(newValue));
    }

    public final boolean weakCompareAndSetRelease(boolean expectedValue, boolean newValue) {
        return casValue(bit(expectedValue), bit(newValue));
    }
}
