package jtt;

/** neg-int, not-int, neg-long, not-long, neg-float, neg-double (incl. -0.0, NaN, MIN_VALUE). */
public final class Jtt_Unary {
    public static final Object[][] ARGS_testInt = { {0}, {1}, {-1}, {Integer.MIN_VALUE}, {Integer.MAX_VALUE}, {0x55aa55aa} };
    public static final Object[][] ARGS_testLong = { {0L}, {1L}, {-1L}, {Long.MIN_VALUE}, {Long.MAX_VALUE}, {0x55aa55aa55aa55aaL} };
    public static final Object[][] ARGS_testFloat = { {0.0f}, {-0.0f}, {1.5f}, {Float.NaN}, {Float.NEGATIVE_INFINITY} };
    public static final Object[][] ARGS_testDouble = { {0.0}, {-0.0}, {1.5}, {Double.NaN}, {Double.NEGATIVE_INFINITY} };

    public static String testInt(int a) { int n = -a; int m = ~a; return n + " " + m + " " + (-(~a)) + " " + (~(-a)); }
    public static String testLong(long a) { long n = -a; long m = ~a; return n + " " + m + " " + (-(~a)) + " " + (~(-a)); }
    public static String testFloat(float a) { float n = -a; return n + " " + Float.floatToRawIntBits(n) + " " + (0.0f - a); }
    public static String testDouble(double a) { double n = -a; return n + " " + Double.doubleToRawLongBits(n) + " " + (0.0 - a); }
    public static boolean testNotBool(int a) { boolean b = a > 0; return !b; }
    public static final Object[][] ARGS_testNotBool = ARGS_testInt;
}
