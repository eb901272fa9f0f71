package jtt;

/** long binops incl. /2addr, div/rem by zero, MIN_VALUE / -1, shift counts taken mod 64. */
public final class Jtt_LongArith {
    public static final Object[][] ARGS = {
        {1L, 2L}, {0L, 0L}, {-7L, 3L}, {7L, -3L}, {Long.MIN_VALUE, -1L}, {Long.MAX_VALUE, 1L},
        {Long.MIN_VALUE, Long.MIN_VALUE}, {123456789012345L, 98765L}, {-1L, 63L}, {5L, 64L}, {5L, 65L},
        {0x7f00ff00aa55L, -33L}, {13L, 0L}, {0x100000000L, 0xffffffffL},
    };
    public static final Object[][] ARGS_testShl = {
        {1L, 0}, {1L, 63}, {1L, 64}, {1L, 65}, {-1L, -1}, {0x123456789abcdefL, 32}, {Long.MIN_VALUE, 100}, {7L, Integer.MIN_VALUE},
    };
    public static final Object[][] ARGS_testShr = ARGS_testShl;
    public static final Object[][] ARGS_testUshr = ARGS_testShl;

    public static long testAdd(long a, long b) { return a + b; }
    public static long testSub(long a, long b) { return a - b; }
    public static long testMul(long a, long b) { return a * b; }
    public static long testDiv(long a, long b) { return a / b; }
    public static long testRem(long a, long b) { return a % b; }
    public static long testAnd(long a, long b) { return a & b; }
    public static long testOr(long a, long b) { return a | b; }
    public static long testXor(long a, long b) { return a ^ b; }
    public static long testShl(long a, int b) { return a << b; }
    public static long testShr(long a, int b) { return a >> b; }
    public static long testUshr(long a, int b) { return a >>> b; }
    public static int testCmp(long a, long b) { return Long.compare(a, b) * 10 + (a < b ? 1 : 0) + (a > b ? 2 : 0) + (a == b ? 4 : 0); }

    public static long test2Addr(long a, long b) {
        long x = a;
        x += b; x *= 3; x -= b; x &= 0x7ffffffffff7L | b; x |= b; x ^= a;
        x <<= b; x >>= (b & 7); x >>>= 1 + (b & 3);
        long h = x;
        if (b != 0) { h /= b; h %= b; }
        return x * 31 + h;
    }

    public static String testDivCaught(long a, long b) {
        try {
            return "q=" + (a / b) + " r=" + (a % b);
        } catch (ArithmeticException e) {
            return "caught " + e.getMessage();
        }
    }

    public static long testLoopMix(long a, long b) {
        long acc = a, t = b | 1;
        for (int i = 0; i < 8; i++) {
            acc += i; acc -= t; acc *= 7; acc ^= i; acc |= (long) i << 40; acc &= ~(long) i;
            acc <<= i; acc >>= 2; acc >>>= 1;
            long d = t; d /= 3 + (i & 1); acc += d; d = acc; d %= t; acc -= d;
        }
        return acc;
    }

    public static long testMixedIntLong(long a, long b) {
        int i = (int) a;
        long r = i * b + (a >>> 3) * i;
        return r ^ (i >> 3);
    }
}
