package org.cometsim.guestlib.java.util;

import java.util.random.RandomGenerator;

/**
 * Guest-side {@code java.util.Random}: the JDK 17 48-bit linear congruential generator, with the
 * seed in a plain {@code long} field (thread safety by {@code synchronized} instead of an AtomicLong).
 * Same seed gives the same values as the JDK for every method. Deviation, by design: the no-arg
 * constructor is deterministic per VM run (a seed uniquifier only, no {@code System.nanoTime()}),
 * so comet-sim runs are reproducible. The stream methods ({@code ints()}, {@code longs()},
 * {@code doubles()}) are left to the {@link RandomGenerator} defaults (same values as the JDK's).
 */
public class Random implements RandomGenerator, java.io.Serializable {

    private static final long serialVersionUID = 3905348978240129619L;

    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private static final float FLOAT_UNIT = 0x1.0p-24f;

    private static final String BAD_BOUND = "bound must be positive";
    private static final String BAD_RANGE = "bound must be greater than origin";
    private static final String BAD_FLOATING_BOUND = "bound must be finite and positive";

    /** Uniquifier for seeds of no-arg instances: deterministic sequence, distinct per instance. */
    private static long seedUniquifier = 8682522807148012L;

    /** The 48-bit generator state. */
    private long seed;

    private double nextNextGaussian;
    private boolean haveNextNextGaussian;

    /** Deterministic (per VM run) seed, unlike the JDK's time-based one: comet-sim runs are reproducible. */
    public Random() {
        this(nextSeedUniquifier());
    }

    public Random(long seed) {
        if (getClass() == Random.class) {
            this.seed = (seed ^ MULTIPLIER) & MASK;
        } else {
            // A subclass may override setSeed; the JDK calls it in that case.
            setSeed(seed);
        }
    }

    private static synchronized long nextSeedUniquifier() {
        long u = seedUniquifier * 1181783497276652981L;
        seedUniquifier = u;
        return u;
    }

    public synchronized void setSeed(long seed) {
        this.seed = (seed ^ MULTIPLIER) & MASK;
        haveNextNextGaussian = false;
    }

    /** Advances the LCG and returns its top {@code bits} bits. */
    protected synchronized int next(int bits) {
        long s = (seed * MULTIPLIER + ADDEND) & MASK;
        seed = s;
        return (int) (s >>> (48 - bits));
    }

    @Override
    public void nextBytes(byte[] bytes) {
        int len = bytes.length;
        int i = 0;
        while (i < len) {
            int rnd = nextInt();
            int n = len - i;
            if (n > 4) {
                n = 4;
            }
            for (; n > 0; n--) {
                bytes[i++] = (byte) rnd;
                rnd >>= 8;
            }
        }
    }

    @Override
    public int nextInt() {
        return next(32);
    }

    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException(BAD_BOUND);
        }
        int r = next(31);
        int m = bound - 1;
        if ((bound & m) == 0) {
            // Power of two: take the high bits.
            return (int) ((bound * (long) r) >> 31);
        }
        // Reject the values of the incomplete last bucket (detected by int overflow).
        int u = r;
        while (u - (r = u % bound) + m < 0) {
            u = next(31);
        }
        return r;
    }

    /** Same values as the RandomGenerator default (JDK 17 RandomSupport.boundedNextInt). */
    @Override
    public int nextInt(int origin, int bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException(BAD_RANGE);
        }
        int r = nextInt();
        int n = bound - origin;
        int m = n - 1;
        if ((n & m) == 0) {
            return (r & m) + origin;
        }
        if (n > 0) {
            int u = r >>> 1;
            while (u + m - (r = u % n) < 0) {
                u = nextInt() >>> 1;
            }
            return r + origin;
        }
        // Range wider than int: rejection sampling on full ints.
        while (r < origin || r >= bound) {
            r = nextInt();
        }
        return r;
    }

    @Override
    public long nextLong() {
        return ((long) next(32) << 32) + next(32);
    }

    /** Same values as the RandomGenerator default (JDK 17 RandomSupport.boundedNextLong). */
    @Override
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException(BAD_BOUND);
        }
        long m = bound - 1;
        long r = nextLong();
        if ((bound & m) == 0L) {
            return r & m;
        }
        long u = r >>> 1;
        while (u + m - (r = u % bound) < 0L) {
            u = nextLong() >>> 1;
        }
        return r;
    }

    /** Same values as the RandomGenerator default (JDK 17 RandomSupport.boundedNextLong). */
    @Override
    public long nextLong(long origin, long bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException(BAD_RANGE);
        }
        long r = nextLong();
        long n = bound - origin;
        long m = n - 1;
        if ((n & m) == 0L) {
            return (r & m) + origin;
        }
        if (n > 0L) {
            long u = r >>> 1;
            while (u + m - (r = u % n) < 0L) {
                u = nextLong() >>> 1;
            }
            return r + origin;
        }
        while (r < origin || r >= bound) {
            r = nextLong();
        }
        return r;
    }

    @Override
    public boolean nextBoolean() {
        return next(1) != 0;
    }

    @Override
    public float nextFloat() {
        return next(24) * FLOAT_UNIT;
    }

    /** Same values as the RandomGenerator default (JDK 17 RandomSupport.boundedNextFloat). */
    @Override
    public float nextFloat(float bound) {
        if (!(0.0f < bound && bound < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(BAD_FLOATING_BOUND);
        }
        float r = nextFloat() * bound;
        return r >= bound ? Math.nextDown(bound) : r;
    }

    /** Same values as the RandomGenerator default (JDK 17 RandomSupport.boundedNextFloat). */
    @Override
    public float nextFloat(float origin, float bound) {
        if (!(origin < bound && (bound - origin) < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(BAD_RANGE);
        }
        float r = nextFloat() * (bound - origin) + origin;
        return r >= bound ? Math.nextAfter(bound, origin) : r;
    }

    @Override
    public double nextDouble() {
        return (((long) next(26) << 27) + next(27)) * DOUBLE_UNIT;
    }

    /** Same values as the RandomGenerator default (JDK 17 RandomSupport.boundedNextDouble). */
    @Override
    public double nextDouble(double bound) {
        if (!(0.0 < bound && bound < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(BAD_FLOATING_BOUND);
        }
        double r = nextDouble() * bound;
        return r >= bound ? Math.nextDown(bound) : r;
    }

    /** Same values as the RandomGenerator default (JDK 17 RandomSupport.boundedNextDouble). */
    @Override
    public double nextDouble(double origin, double bound) {
        if (!(origin < bound && (bound - origin) < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(BAD_RANGE);
        }
        double r = nextDouble() * (bound - origin) + origin;
        return r >= bound ? Math.nextAfter(bound, origin) : r;
    }

    /** Marsaglia polar method; the second value of each pair is cached, like the JDK. */
    @Override
    public synchronized double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        // StrictMath, as the JDK uses, so results are bit-identical.
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }

    // ---- VM entry points (not JDK API): library statics whose generator must be guest state ----

    /** The generator behind {@code Math.random()} (the JDK keeps one in a holder class). */
    private static Random mathRandom;
    /** The generator behind {@code Collections.shuffle(List)}. */
    private static Random shuffleRandom;

    /**
     * {@code Math.random()}: the VM routes calls here, so the generator is a guest static the DSM
     * can track and its sequence is reproducible (the JDK seeds it from the clock).
     */
    static synchronized double mathRandom() {
        if (mathRandom == null) {
            mathRandom = new Random();
        }
        return mathRandom.nextDouble();
    }

    /** {@code Collections.shuffle(List)}: the VM routes calls here (see {@link #shuffle(java.util.List, Random)}). */
    static void shuffle(java.util.List<?> list) {
        Random r;
        synchronized (Random.class) {
            if (shuffleRandom == null) {
                shuffleRandom = new Random();
            }
            r = shuffleRandom;
        }
        shuffle(list, r);
    }

    /**
     * {@code Collections.shuffle(List, Random)} as its Javadoc specifies it: from the last position
     * down to the second, swap in an element chosen by {@code rnd.nextInt(i)}; lists that are not
     * random access (and have 5 or more elements) are shuffled as an array and written back through
     * a list iterator. Same draws, same result as the JDK.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void shuffle(java.util.List<?> list, Random rnd) {
        int size = list.size();
        if (size < 5 || list instanceof java.util.RandomAccess) {
            java.util.List l = list;
            for (int i = size; i > 1; i--) {
                l.set(i - 1, l.set(rnd.nextInt(i), l.get(i - 1)));
            }
        } else {
            Object[] arr = list.toArray();
            for (int i = size; i > 1; i--) {
                int j = rnd.nextInt(i);
                Object tmp = arr[i - 1];
                arr[i - 1] = arr[j];
                arr[j] = tmp;
            }
            java.util.ListIterator it = list.listIterator();
            for (int k = 0; k < arr.length; k++) {
                it.next();
                it.set(arr[k]);
            }
        }
    }
}
