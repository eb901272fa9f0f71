package jtt;

/** All 32 binops in the three-register (non-/2addr) form: both operands stay live, so D8 cannot reuse a source register. */
public final class Jtt_ThreeReg {
    public static final Object[][] ARGS_testInt = { {7, 3}, {-7, 3}, {Integer.MIN_VALUE, -1}, {5, 0}, {-1, 33}, {0x12345678, -2} };
    public static final Object[][] ARGS_testLong = { {7L, 3L}, {-7L, 3L}, {Long.MIN_VALUE, -1L}, {5L, 0L}, {-1L, 65L}, {0x123456789abL, -2L} };
    public static final Object[][] ARGS_testFloat = { {7.5f, 2f}, {-7.5f, 2f}, {1f, 0f}, {0f, 0f}, {Float.NaN, 1f}, {1e30f, 1e-30f} };
    public static final Object[][] ARGS_testDouble = { {7.5, 2.0}, {-7.5, 2.0}, {1.0, 0.0}, {-0.0, 0.0}, {Double.NaN, 1.0}, {1e300, 1e-300} };

    public static int[] testInt(int a, int b) {
        int q = b == 0 ? 0 : a / b, r = b == 0 ? 0 : a % b;
        return new int[] { a + b, a - b, a * b, q, r, a & b, a | b, a ^ b, a << b, a >> b, a >>> b, a, b };
    }

    public static long[] testLong(long a, long b) {
        long q = b == 0 ? 0 : a / b, r = b == 0 ? 0 : a % b;
        int s = (int) b;
        return new long[] { a + b, a - b, a * b, q, r, a & b, a | b, a ^ b, a << s, a >> s, a >>> s, a, b };
    }

    public static float[] testFloat(float a, float b) {
        return new float[] { a + b, a - b, a * b, a / b, a % b, a, b };
    }

    public static double[] testDouble(double a, double b) {
        return new double[] { a + b, a - b, a * b, a / b, a % b, a, b };
    }

    /** Result kept alongside both inputs in a loop. */
    public static long testIntLoop(int a, int b) {
        long h = 0;
        for (int i = 0; i < 4; i++) {
            int x = a - i, y = b ^ i;
            int s = x - y, n = x & y, o = x | y, l = x << y, r = x >> y, u = x >>> y;
            h = h * 31 + s + n + o + l + r + u + x + y;
        }
        return h;
    }
    public static final Object[][] ARGS_testIntLoop = ARGS_testInt;

    public static long testLongLoop(long a, long b) {
        long h = 0;
        for (int i = 0; i < 4; i++) {
            long x = a - i, y = b ^ i;
            long n = x & y, o = x | y, e = x ^ y, r = x >> y, u = x >>> y;
            h = h * 31 + n + o + e + r + u + x + y;
        }
        return h;
    }
    public static final Object[][] ARGS_testLongLoop = ARGS_testLong;

    public static double testFloatLoop(float a, float b) {
        double h = 0;
        for (int i = 0; i < 3; i++) {
            float x = a + i, y = b * i;
            float s = x + y, d = x - y, m = x * y, q = x / y, r = x % y;
            h = h * 3 + s + d + m + (Float.isNaN(q) ? 7 : q) + (Float.isNaN(r) ? 11 : r) + x + y;
        }
        return h;
    }
    public static final Object[][] ARGS_testFloatLoop = ARGS_testFloat;

    public static double testDoubleLoop(double a, double b) {
        double h = 0;
        for (int i = 0; i < 3; i++) {
            double x = a + i, y = b * i;
            double s = x - y, r = x % y;
            h = h * 3 + s + (Double.isNaN(r) ? 11 : r) + x + y;
        }
        return h;
    }
    public static final Object[][] ARGS_testDoubleLoop = ARGS_testDouble;
}
