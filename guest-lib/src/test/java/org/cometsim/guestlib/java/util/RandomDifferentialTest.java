package org.cometsim.guestlib.java.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our Random vs JDK 17's java.util.Random: same seeds must give identical values for every method. */
class RandomDifferentialTest {

    private static final int[] INT_BOUNDS = {1, 2, 3, 7, 8, 10, 16, 100, 1000, 1 << 20, (1 << 30) + 1,
        (1 << 30) + (1 << 29), 1 << 30, Integer.MAX_VALUE, 0, -1, -16, Integer.MIN_VALUE};
    private static final long[] LONG_BOUNDS = {1, 2, 3, 8, 10, 1L << 40, (1L << 62) + 1, (1L << 62) + (1L << 61),
        1L << 62, Long.MAX_VALUE, 0, -1, Long.MIN_VALUE, 100000007L};
    private static final double[] DOUBLE_BOUNDS = {1, 0.5, 3.7, 1e300, Double.MAX_VALUE, Double.MIN_VALUE, 0, -1,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE};
    private static final float[] FLOAT_BOUNDS = {1, 0.5f, 3.7f, 1e30f, Float.MAX_VALUE, Float.MIN_VALUE, 0, -1,
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -Float.MAX_VALUE};

    /** One operation applied to a generator; the result is compared with equals (boxed). */
    private interface Op {
        Object apply(RandomGenerator g);
    }

    private static Object outcome(Op op, RandomGenerator g) {
        try {
            Object r = op.apply(g);
            if (r instanceof byte[] b) {
                return java.util.Arrays.toString(b);
            }
            if (r instanceof Double d) {
                return Double.doubleToRawLongBits(d) + "d";
            }
            if (r instanceof Float f) {
                return Float.floatToRawIntBits(f) + "f";
            }
            return r;
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static Op randomOp(java.util.Random pick, List<String> names) {
        int k = pick.nextInt(30);
        int bi = INT_BOUNDS[pick.nextInt(INT_BOUNDS.length)];
        int bi2 = INT_BOUNDS[pick.nextInt(INT_BOUNDS.length)];
        long bl = LONG_BOUNDS[pick.nextInt(LONG_BOUNDS.length)];
        long bl2 = pick.nextBoolean() ? LONG_BOUNDS[pick.nextInt(LONG_BOUNDS.length)] : pick.nextLong();
        double bd = DOUBLE_BOUNDS[pick.nextInt(DOUBLE_BOUNDS.length)];
        double bd2 = pick.nextBoolean() ? DOUBLE_BOUNDS[pick.nextInt(DOUBLE_BOUNDS.length)] : pick.nextGaussian() * 10;
        float bf = FLOAT_BOUNDS[pick.nextInt(FLOAT_BOUNDS.length)];
        float bf2 = pick.nextBoolean() ? FLOAT_BOUNDS[pick.nextInt(FLOAT_BOUNDS.length)] : (float) pick.nextGaussian();
        int origin = pick.nextBoolean() ? -bi : pick.nextInt(21) - 10;
        long seed = pick.nextInt(4) == 0 ? pick.nextInt(5) - 2 : pick.nextLong();
        int nBytes = pick.nextInt(10);
        switch (k) {
            case 0: case 1: names.add("nextInt()"); return RandomGenerator::nextInt;
            case 2: case 3: names.add("nextInt(" + bi + ")"); return g -> g.nextInt(bi);
            case 4: names.add("nextInt(" + origin + ", " + bi2 + ")"); return g -> g.nextInt(origin, bi2);
            case 5: names.add("nextInt(" + bi + ", " + bi2 + ")"); return g -> g.nextInt(bi, bi2);
            case 6: names.add("nextLong()"); return RandomGenerator::nextLong;
            case 7: names.add("nextLong(" + bl + ")"); return g -> g.nextLong(bl);
            case 8: names.add("nextLong(" + bl2 + ", " + bl + ")"); return g -> g.nextLong(bl2, bl);
            case 9: names.add("nextBoolean()"); return RandomGenerator::nextBoolean;
            case 10: names.add("nextFloat()"); return RandomGenerator::nextFloat;
            case 11: names.add("nextFloat(" + bf + ")"); return g -> g.nextFloat(bf);
            case 12: names.add("nextFloat(" + bf2 + ", " + bf + ")"); return g -> g.nextFloat(bf2, bf);
            case 13: names.add("nextDouble()"); return RandomGenerator::nextDouble;
            case 14: names.add("nextDouble(" + bd + ")"); return g -> g.nextDouble(bd);
            case 15: names.add("nextDouble(" + bd2 + ", " + bd + ")"); return g -> g.nextDouble(bd2, bd);
            case 16: case 17: case 18: names.add("nextGaussian()"); return RandomGenerator::nextGaussian;
            case 19: names.add("nextGaussian(" + bd2 + ", " + bd + ")"); return g -> g.nextGaussian(bd2, bd);
            case 20: names.add("nextExponential()"); return RandomGenerator::nextExponential;
            case 21: names.add("nextBytes(" + nBytes + ")"); return g -> {
                byte[] b = new byte[nBytes];
                g.nextBytes(b);
                return b;
            };
            case 22: names.add("setSeed(" + seed + ")"); return g -> {
                if (g instanceof java.util.Random j) {
                    j.setSeed(seed);
                } else {
                    ((Random) g).setSeed(seed);
                }
                return null;
            };
            case 23: names.add("isDeprecated()"); return RandomGenerator::isDeprecated;
            case 24: names.add("ints(3).toArray()"); return g -> java.util.Arrays.toString(g.ints(3).toArray());
            case 25: names.add("doubles(2).toArray()"); return g -> java.util.Arrays.toString(g.doubles(2).toArray());
            case 26: names.add("ints(3, " + origin + ", " + bi2 + ")");
                return g -> java.util.Arrays.toString(g.ints(3, origin, bi2).toArray());
            case 27: names.add("longs(2, " + bl2 + ", " + bl + ")");
                return g -> java.util.Arrays.toString(g.longs(2, bl2, bl).toArray());
            case 28: names.add("doubles(2, " + bd2 + ", " + bd + ")");
                return g -> java.util.Arrays.toString(g.doubles(2, bd2, bd).toArray());
            default: names.add("ints(" + (nBytes - 2) + ")");
                return g -> java.util.Arrays.toString(g.ints(nBytes - 2).toArray());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, 42, 0x5DEECE66DL, Long.MIN_VALUE, 987654321987L})
    void randomOpSequences(long seed) {
        java.util.Random pick = new java.util.Random(seed * 31 + 7);
        java.util.Random jdk = new java.util.Random(seed);
        Random ours = new Random(seed);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            Op op = randomOp(pick, names);
            Object expected = outcome(op, jdk);
            Object actual = outcome(op, ours);
            if (!java.util.Objects.equals(expected, actual)) {
                fail("op #" + i + " " + names.subList(Math.max(0, names.size() - 5), names.size())
                        + ": expected " + expected + " but was " + actual);
            }
        }
    }

    @Test
    void everyMethodManyValues() {
        List<Function<RandomGenerator, Object>> ops = List.of(
            RandomGenerator::nextInt, g -> g.nextInt(10), g -> g.nextInt(1 << 20), g -> g.nextInt((1 << 30) + 1),
            g -> g.nextInt(-5, 5), g -> g.nextInt(Integer.MIN_VALUE, Integer.MAX_VALUE),
            g -> g.nextInt(Integer.MIN_VALUE, 1 << 30), g -> g.nextInt(0, 1 << 30),
            RandomGenerator::nextLong, g -> g.nextLong(3), g -> g.nextLong(1L << 33), g -> g.nextLong((1L << 62) + 1),
            g -> g.nextLong(-7, 1000), g -> g.nextLong(Long.MIN_VALUE, Long.MAX_VALUE),
            g -> g.nextLong(Long.MIN_VALUE, 1L << 62),
            RandomGenerator::nextBoolean, RandomGenerator::nextFloat, g -> g.nextFloat(2.5f),
            g -> g.nextFloat(-1f, 1f), RandomGenerator::nextDouble, g -> g.nextDouble(1e-300),
            g -> g.nextDouble(-Double.MAX_VALUE / 2, Double.MAX_VALUE / 2), g -> g.nextDouble(1, 1 + Math.ulp(1.0)),
            g -> g.nextFloat(1, Math.nextUp(1f)), RandomGenerator::nextGaussian);
        for (int i = 0; i < ops.size(); i++) {
            java.util.Random jdk = new java.util.Random(i * 1000003L);
            Random ours = new Random(i * 1000003L);
            for (int n = 0; n < 500; n++) {
                Object e = ops.get(i).apply(jdk);
                Object a = ops.get(i).apply(ours);
                assertEquals(e, a, "op index " + i + " call " + n);
            }
            assertEquals(jdk.nextLong(), ours.nextLong(), "state after op index " + i);
        }
    }

    @Test
    void gaussianCacheClearedBySetSeed() {
        java.util.Random jdk = new java.util.Random(5);
        Random ours = new Random(5);
        assertEquals(jdk.nextGaussian(), ours.nextGaussian());
        jdk.setSeed(9);
        ours.setSeed(9);
        // The cached second Gaussian must be dropped by setSeed.
        assertEquals(jdk.nextGaussian(), ours.nextGaussian());
        assertEquals(jdk.nextGaussian(), ours.nextGaussian());
        assertEquals(jdk.nextInt(), ours.nextInt());
    }

    @Test
    void noArgConstructorIsDeterministicUniquifier() throws Exception {
        Field f = Random.class.getDeclaredField("seedUniquifier");
        f.setAccessible(true);
        long u = f.getLong(null);
        Random a = new Random();
        Random b = new Random();
        long ua = u * 1181783497276652981L;
        long ub = ua * 1181783497276652981L;
        java.util.Random ja = new java.util.Random(ua);
        java.util.Random jb = new java.util.Random(ub);
        for (int i = 0; i < 10; i++) {
            assertEquals(ja.nextLong(), a.nextLong());
            assertEquals(jb.nextLong(), b.nextLong());
        }
        assertNotEquals(ua, ub);
    }

    /** Records next(bits) calls, so subclasses see the same calls as with the JDK. */
    static final class TracingJdk extends java.util.Random {
        final List<Integer> calls = new ArrayList<>();
        final List<Long> seeds = new ArrayList<>();

        TracingJdk(long seed) {
            super(seed);
        }

        @Override
        protected int next(int bits) {
            calls.add(bits);
            return super.next(bits);
        }

        @Override
        public synchronized void setSeed(long seed) {
            if (seeds != null) {
                seeds.add(seed);
            }
            super.setSeed(seed);
        }
    }

    static final class TracingOurs extends Random {
        final List<Integer> calls = new ArrayList<>();
        final List<Long> seeds = new ArrayList<>();

        TracingOurs(long seed) {
            super(seed);
        }

        @Override
        protected int next(int bits) {
            calls.add(bits);
            return super.next(bits);
        }

        @Override
        public synchronized void setSeed(long seed) {
            if (seeds != null) {
                seeds.add(seed);
            }
            super.setSeed(seed);
        }
    }

    @Test
    void subclassSeesSameNextCalls() {
        TracingJdk jdk = new TracingJdk(77);
        TracingOurs ours = new TracingOurs(77);
        java.util.Random pick = new java.util.Random(3);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Op op = randomOp(pick, names);
            assertEquals(outcome(op, jdk), outcome(op, ours), names.get(names.size() - 1));
            assertEquals(jdk.calls, ours.calls, names.get(names.size() - 1));
        }
        assertEquals(jdk.seeds, ours.seeds);
    }

    @Test
    void types() {
        Random r = new Random(1);
        assertTrue(r instanceof java.io.Serializable);
        assertTrue(r instanceof RandomGenerator);
        assertFalse(r.isDeprecated());
        assertNotEquals(new Random(1), new Random(1));
    }

    @Test
    void nextBytesLengths() {
        for (int n = 0; n < 20; n++) {
            java.util.Random jdk = new java.util.Random(n);
            Random ours = new Random(n);
            byte[] e = new byte[n];
            byte[] a = new byte[n];
            jdk.nextBytes(e);
            ours.nextBytes(a);
            assertArrayEquals(e, a);
            assertEquals(jdk.nextInt(), ours.nextInt());
        }
    }
}
