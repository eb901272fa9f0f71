package jtt;

/** int three-register and /2addr binops, div/rem by zero, MIN_VALUE / -1, shifts. */
public final class Jtt_IntArith {
    public static final Object[][] ARGS = {
        {1, 2}, {0, 0}, {-7, 3}, {7, -3}, {Integer.MIN_VALUE, -1}, {Integer.MAX_VALUE, 1},
        {Integer.MIN_VALUE, Integer.MIN_VALUE}, {123456789, 987654321}, {-1, 31}, {5, 32}, {5, 33},
        {-100, -1}, {0x7f00ff00, -33}, {13, 0}, {-13, 64},
    };

    public static int testAdd(int a, int b) { return a + b; }
    public static int testSub(int a, int b) { return a - b; }
    public static int testMul(int a, int b) { return a * b; }
    public static int testDiv(int a, int b) { return a / b; }
    public static int testRem(int a, int b) { return a % b; }
    public static int testAnd(int a, int b) { return a & b; }
    public static int testOr(int a, int b) { return a | b; }
    public static int testXor(int a, int b) { return a ^ b; }
    public static int testShl(int a, int b) { return a << b; }
    public static int testShr(int a, int b) { return a >> b; }
    public static int testUshr(int a, int b) { return a >>> b; }

    /** Compound assignments: D8 emits the /2addr forms when dest == first source. */
    public static int test2Addr(int a, int b) {
        int x = a;
        x += b; x *= 3; x -= b; x &= 0x7ffffff7 | b; x |= b; x ^= a;
        x <<= b; x >>= (b & 7); x >>>= 1 + (b & 3);
        int h = x;
        if (b != 0) { h /= b; h %= b + (b == -1 ? 0 : 0); }
        return x * 31 + h;
    }

    public static String testDivCaught(int a, int b) {
        try {
            return "q=" + (a / b) + " r=" + (a % b);
        } catch (ArithmeticException e) {
            return "caught " + e.getMessage();
        }
    }

    /** Exercises the remaining 2addr ops in a loop (keeps registers low). */
    public static int testLoopMix(int a, int b) {
        int acc = a, t = b | 1;
        for (int i = 0; i < 8; i++) {
            acc += i; acc -= t; acc *= 7; acc ^= i; acc |= i << 3; acc &= ~i;
            acc <<= i; acc >>= 2; acc >>>= 1;
            int d = t; d /= 3 + (i & 1); acc += d; d = acc; d %= t; acc -= d;
        }
        return acc;
    }

    public static int testShiftConstCounts(int a, int b) {
        return (a << 33) ^ (a >> -1) ^ (a >>> 40) ^ (b << -31);
    }

    public static int testIncDec(int a, int b) {
        int x = a;
        x++; ++x; x--; x += 127; x += 128; x -= 128; x -= 129; x += 32767; x += 32768; x -= 32768; x -= 32769;
        return x + b;
    }
}
