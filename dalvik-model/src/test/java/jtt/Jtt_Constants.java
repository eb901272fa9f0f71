package jtt;

/** const/4, const/16, const, const/high16, const-wide/16, /32, const-wide, const-wide/high16, const-string, const-class. */
public final class Jtt_Constants {
    public static final Object[][] ARGS = {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15}, {16}, {17}, {18}, {19}, {20}};

    public static int testInt(int i) {
        switch (i) {
            case 0: return 0;
            case 1: return -8;
            case 2: return 7;
            case 3: return -32768;
            case 4: return 32767;
            case 5: return 0x10000;            // high16
            case 6: return 0x7fff0000;         // high16
            case 7: return 0x80000000;         // high16 (MIN_VALUE)
            case 8: return 0x12345678;
            case 9: return Integer.MAX_VALUE;
            case 10: return -65536;            // high16 0xffff0000
            case 11: return 32768;
            case 12: return -32769;
            default: return -1;
        }
    }

    public static long testLong(int i) {
        switch (i) {
            case 0: return 0L;
            case 1: return -1L;
            case 2: return 7L;
            case 3: return -32768L;            // const-wide/16
            case 4: return 32767L;
            case 5: return 0x12345678L;        // const-wide/32
            case 6: return -2147483648L;
            case 7: return 0x80000000L;        // const-wide
            case 8: return 0x123456789abcdef0L;
            case 9: return Long.MAX_VALUE;
            case 10: return Long.MIN_VALUE;    // const-wide/high16
            case 11: return 0x7ff0000000000000L;
            case 12: return 0x0001000000000000L;
            case 13: return 0xffff000000000000L;
            case 14: return 4294967296L;
            default: return 42L;
        }
    }

    public static float testFloat(int i) {
        switch (i) {
            case 0: return 0.0f;
            case 1: return -0.0f;
            case 2: return 1.0f;               // const/high16 0x3f800000
            case 3: return -2.0f;
            case 4: return 0.1f;
            case 5: return Float.NaN;
            case 6: return Float.POSITIVE_INFINITY;
            case 7: return Float.NEGATIVE_INFINITY;
            case 8: return Float.MAX_VALUE;
            case 9: return Float.MIN_VALUE;
            case 10: return Float.MIN_NORMAL;
            case 11: return 3.4028235e38f;
            case 12: return 123456.78f;
            default: return Float.intBitsToFloat(0x7fc00001); // non-canonical NaN bits
        }
    }

    public static int testFloatBits(int i) { return Float.floatToRawIntBits(testFloat(i)); }

    public static double testDouble(int i) {
        switch (i) {
            case 0: return 0.0;
            case 1: return -0.0;               // const-wide/high16 0x8000...
            case 2: return 1.0;                // const-wide/high16 0x3ff0...
            case 3: return -2.5;
            case 4: return 0.1;
            case 5: return Double.NaN;
            case 6: return Double.POSITIVE_INFINITY;
            case 7: return Double.NEGATIVE_INFINITY;
            case 8: return Double.MAX_VALUE;
            case 9: return Double.MIN_VALUE;
            case 10: return Double.MIN_NORMAL;
            case 11: return Math.PI;
            case 12: return 1e-300;
            default: return 6.02214076e23;
        }
    }

    public static long testDoubleBits(int i) { return Double.doubleToRawLongBits(testDouble(i)); }

    public static String testString(int i) {
        switch (i) {
            case 0: return "";
            case 1: return "hello";
            case 2: return "\u00e9\u4e2d\ud83d\ude00";   // BMP + supplementary (surrogate pair)
            case 3: return "nul\u0000inside";
            case 4: return "tab\tnl\nquote\"";
            default: return "s" + i;
        }
    }

    public static int testStringLength(int i) { return testString(i).length(); }

    public static String testClass(int i) {
        Class<?>[] cs = { int.class, Integer.class, String.class, int[].class, String[][].class, Jtt_Constants.class,
                void.class, long[].class, Runnable.class };
        return cs[i % cs.length].getName();
    }

    public static boolean testClassIdentity() { return Jtt_Constants.class == new Jtt_Constants().getClass(); }

    public static String testStringIdentity() {
        String a = "interned";
        String b = "intern" + "ed";            // compile-time constant
        return (a == b) + " " + a.equals(b);
    }
}
