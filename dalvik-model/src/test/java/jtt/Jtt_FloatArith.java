package jtt;

/** float binops (incl. rem = fmod semantics), NaN/Inf/-0.0 propagation, /2addr forms. */
public final class Jtt_FloatArith {
    public static final Object[][] ARGS = {
        {1.5f, 2.25f}, {0.0f, -0.0f}, {-0.0f, 0.0f}, {1.0f, 0.0f}, {-1.0f, 0.0f}, {0.0f, 0.0f},
        {Float.NaN, 1.0f}, {1.0f, Float.NaN}, {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY},
        {Float.MAX_VALUE, 2.0f}, {Float.MIN_VALUE, 0.5f}, {-7.5f, 2.0f}, {7.5f, -2.0f}, {1e20f, 3.0f},
        {Float.POSITIVE_INFINITY, 2.0f}, {5.0f, Float.POSITIVE_INFINITY},
    };

    public static float testAdd(float a, float b) { return a + b; }
    public static float testSub(float a, float b) { return a - b; }
    public static float testMul(float a, float b) { return a * b; }
    public static float testDiv(float a, float b) { return a / b; }
    public static float testRem(float a, float b) { return a % b; }
    public static float testNeg(float a, float b) { return -a + (-b) * 0.0f; }
    public static int testBits(float a, float b) { return Float.floatToRawIntBits(a / b); }

    public static float test2Addr(float a, float b) {
        float x = a;
        x += b; x *= 3.0f; x -= b; x /= 1.5f; x %= 7.0f + b;
        return x;
    }

    public static boolean testCompareAll(float a, float b) {
        return (a < b) ^ (a <= b) ^ (a > b) ^ (a >= b) ^ (a == b) ^ (a != b);
    }

    public static String testCompareEach(float a, float b) {
        return "" + (a < b ? 'L' : '-') + (a <= b ? 'l' : '-') + (a > b ? 'G' : '-') + (a >= b ? 'g' : '-')
                + (a == b ? 'E' : '-') + (a != b ? 'N' : '-') + Float.compare(a, b);
    }
}
