package org.cometsim.bench.interp.guest;

/**
 * Guest code for {@code Bench04_VolatileGateCost} (dexed at run time by the benchmark, never run
 * on the host): the same loop over a plain field and over a volatile one, so the volatile gate's
 * cost is the difference.
 */
public final class VolatileKernel {
    public int plain;
    public volatile int vol;

    public static VolatileKernel make() {
        return new VolatileKernel();
    }

    /** {@code n} iterations: one read and one write of {@code plain} (+ a call) each. */
    public static long runPlain(VolatileKernel k, int n) {
        k.plain = 0; // every operation computes the same
        long s = 0;
        for (int i = 0; i < n; i++) {
            int v = k.plain;
            k.plain = v + (i & 7);
            s += step(v);
        }
        return s;
    }

    /** The same loop over {@code vol}. */
    public static long runVolatile(VolatileKernel k, int n) {
        k.vol = 0;
        long s = 0;
        for (int i = 0; i < n; i++) {
            int v = k.vol;
            k.vol = v + (i & 7);
            s += step(v);
        }
        return s;
    }

    static int step(int i) {
        return i ^ (i >>> 3);
    }
}
