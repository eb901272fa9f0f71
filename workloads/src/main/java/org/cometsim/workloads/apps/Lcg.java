package org.cometsim.workloads.apps;

/**
 * Tiny deterministic random source (64-bit LCG, Knuth's MMIX constants, high bits used).
 * Guest code with no java.* calls, so workloads do not depend on java.util.Random's implementation.
 */
public final class Lcg {
    private long state;

    public Lcg(long seed) {
        state = seed ^ 0x5deece66dL;
    }

    /** Next 32 random bits. */
    public int nextInt() {
        state = state * 6364136223846793005L + 1442695040888963407L;
        return (int) (state >>> 32);
    }

    /** Uniform in [0, bound), bound > 0. */
    public int nextInt(int bound) {
        return (int) (((nextInt() & 0xffffffffL) * bound) >>> 32);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        state = state * 6364136223846793005L + 1442695040888963407L;
        return (state >>> 11) * 0x1.0p-53;
    }

    /** 64 random bits. */
    public long nextLong() {
        long hi = nextInt();
        return (hi << 32) ^ (nextInt() & 0xffffffffL);
    }
}
