package jtt;

/** double binops (incl. rem), NaN/Inf/-0.0, /2addr forms, Math library bridging. */
public final class Jtt_DoubleArith {
    public static final Object[][] ARGS = {
        {1.5, 2.25}, {0.0, -0.0}, {-0.0, 0.0}, {1.0, 0.0}, {-1.0, 0.0}, {0.0, 0.0},
        {Double.NaN, 1.0}, {1.0, Double.NaN}, {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
        {Double.MAX_VALUE, 2.0}, {Double.MIN_VALUE, 0.5}, {-7.5, 2.0}, {7.5, -2.0}, {1e300, 1e-300},
        {0.1, 0.2}, {Double.POSITIVE_INFINITY, 3.0},
    };

    public static double testAdd(double a, double b) { return a + b; }
    public static double testSub(double a, double b) { return a - b; }
    public static double testMul(double a, double b) { return a * b; }
    public static double testDiv(double a, double b) { return a / b; }
    public static double testRem(double a, double b) { return a % b; }
    public static double testNeg(double a, double b) { return -a - b; }
    public static long testBits(double a, double b) { return Double.doubleToRawLongBits(a * b); }

    public static double test2Addr(double a, double b) {
        double x = a;
        x += b; x *= 3.0; x -= b; x /= 1.5; x %= 7.0 + b;
        return x;
    }

    public static String testCompareEach(double a, double b) {
        return "" + (a < b ? 'L' : '-') + (a <= b ? 'l' : '-') + (a > b ? 'G' : '-') + (a >= b ? 'g' : '-')
                + (a == b ? 'E' : '-') + (a != b ? 'N' : '-') + Double.compare(a, b);
    }

    public static double testMath(double a, double b) {
        return Math.abs(a) + Math.max(a, b) + Math.min(a, b) + Math.floor(a) + Math.ceil(b) + Math.sqrt(Math.abs(a));
    }

    public static String testEqualsBoxed(double a, double b) {
        Double x = a, y = b;
        return x.equals(y) + " " + (a == b) + " " + Double.valueOf(a).compareTo(b);
    }
}
