package org.cometsim.dalvik.host;

import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;

/**
 * A host {@code java.util.Random} that draws from a guest one (the guest library's
 * {@code java.util.Random}, or a guest subclass of it), for JDK methods that take a generator:
 * {@code new BigInteger(bits, rnd)}, {@code BigInteger.probablePrime}, {@code Collections.shuffle}.
 * Every public generator method calls the guest's, so the numbers, and hence the results, are
 * those the JVM computes with the same generator; the host state of this object is never used.
 * Only for the duration of one host call on {@code thread} (the callbacks run on it).
 */
final class GuestRandomView extends java.util.Random {
    private static final long serialVersionUID = 1L;
    private final transient GuestCalls in;
    private final transient GuestThread thread;
    private final transient GuestObject guest;

    GuestRandomView(GuestCalls in, GuestThread thread, GuestObject guest) {
        super(0L);
        this.in = in;
        this.thread = thread;
        this.guest = guest;
    }

    private Object call(String name, String desc, Object... args) {
        return in.callVirtual(thread, guest, name, desc, args);
    }

    @Override
    public synchronized void setSeed(long seed) {
        if (guest != null) { // null while java.util.Random's constructor runs
            call("setSeed", "(J)V", seed);
        }
    }

    @Override
    protected int next(int bits) {
        return (Integer) call("next", "(I)I", bits);
    }

    @Override
    public int nextInt() {
        return (Integer) call("nextInt", "()I");
    }

    @Override
    public int nextInt(int bound) {
        return (Integer) call("nextInt", "(I)I", bound);
    }

    @Override
    public long nextLong() {
        return (Long) call("nextLong", "()J");
    }

    @Override
    public boolean nextBoolean() {
        return (Boolean) call("nextBoolean", "()Z");
    }

    @Override
    public float nextFloat() {
        return (Float) call("nextFloat", "()F");
    }

    @Override
    public double nextDouble() {
        return (Double) call("nextDouble", "()D");
    }

    @Override
    public synchronized double nextGaussian() {
        return (Double) call("nextGaussian", "()D");
    }
}
