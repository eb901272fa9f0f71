package jtt;

/** if-eq/ne/lt/ge/gt/le, if-eqz/nez/ltz/gez/gtz/lez, object compares, cmp-long, cmpl/cmpg float+double. */
public final class Jtt_Branches {
    public static final Object[][] ARGS = {
        {0, 0}, {1, 0}, {0, 1}, {-1, 1}, {1, -1}, {Integer.MIN_VALUE, Integer.MAX_VALUE}, {5, 5}, {-5, -5},
    };
    public static final Object[][] ARGS_testLong = {
        {0L, 0L}, {1L, 0L}, {0L, 1L}, {Long.MIN_VALUE, Long.MAX_VALUE}, {0x100000000L, 1L}, {-1L, 0xffffffffL},
    };
    public static final Object[][] ARGS_testFloat = {
        {0.0f, -0.0f}, {1.0f, 2.0f}, {2.0f, 1.0f}, {Float.NaN, 1.0f}, {1.0f, Float.NaN}, {Float.NaN, Float.NaN},
        {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY},
    };
    public static final Object[][] ARGS_testDouble = {
        {0.0, -0.0}, {1.0, 2.0}, {2.0, 1.0}, {Double.NaN, 1.0}, {1.0, Double.NaN}, {Double.NaN, Double.NaN},
        {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY},
    };
    public static final Object[][] ARGS_testRef = { {"a", "a"}, {"a", "b"} };

    public static int testTwo(int a, int b) {
        int r = 0;
        if (a == b) r |= 1;
        if (a != b) r |= 2;
        if (a < b) r |= 4;
        if (a >= b) r |= 8;
        if (a > b) r |= 16;
        if (a <= b) r |= 32;
        return r;
    }

    public static int testZero(int a, int b) {
        int r = 0;
        if (a == 0) r |= 1;
        if (a != 0) r |= 2;
        if (a < 0) r |= 4;
        if (a >= 0) r |= 8;
        if (a > 0) r |= 16;
        if (a <= 0) r |= 32;
        if (b == 0) r |= 64;
        if (b != 0) r |= 128;
        if (b < 0) r |= 256;
        if (b >= 0) r |= 512;
        if (b > 0) r |= 1024;
        if (b <= 0) r |= 2048;
        return r;
    }

    public static boolean testBool(int a, int b) {
        boolean x = a > b, y = a == 0;
        return (x && !y) || (y && a != b);
    }

    /** A loop whose body is longer than 127 code units forces goto/16 for the back edge. */
    public static int testLongLoop(int a, int b) {
        int s = a, t = b;
        for (int i = 0; i < 3; i++) {
            s = s * 31 + t; t = t ^ (s >>> 3); s = s + (t << 2); t = t - s * 7; s = s ^ (t >>> 11);
            s = s * 31 + t; t = t ^ (s >>> 3); s = s + (t << 2); t = t - s * 7; s = s ^ (t >>> 11);
            s = s * 37 + t; t = t ^ (s >>> 5); s = s + (t << 3); t = t - s * 9; s = s ^ (t >>> 13);
            s = s * 37 + t; t = t ^ (s >>> 5); s = s + (t << 3); t = t - s * 9; s = s ^ (t >>> 13);
            s = s * 41 + t; t = t ^ (s >>> 6); s = s + (t << 4); t = t - s * 11; s = s ^ (t >>> 17);
            s = s * 41 + t; t = t ^ (s >>> 6); s = s + (t << 4); t = t - s * 11; s = s ^ (t >>> 17);
            s = s * 43 + t; t = t ^ (s >>> 7); s = s + (t << 5); t = t - s * 13; s = s ^ (t >>> 19);
            s = s * 43 + t; t = t ^ (s >>> 7); s = s + (t << 5); t = t - s * 13; s = s ^ (t >>> 19);
            s = s * 47 + t; t = t ^ (s >>> 9); s = s + (t << 6); t = t - s * 15; s = s ^ (t >>> 21);
            s = s * 47 + t; t = t ^ (s >>> 9); s = s + (t << 6); t = t - s * 15; s = s ^ (t >>> 21);
            s = s * 53 + t; t = t ^ (s >>> 1); s = s + (t << 7); t = t - s * 17; s = s ^ (t >>> 23);
            s = s * 53 + t; t = t ^ (s >>> 1); s = s + (t << 7); t = t - s * 17; s = s ^ (t >>> 23);
            s = s * 59 + t; t = t ^ (s >>> 2); s = s + (t << 8); t = t - s * 19; s = s ^ (t >>> 25);
            s = s * 59 + t; t = t ^ (s >>> 2); s = s + (t << 8); t = t - s * 19; s = s ^ (t >>> 25);
            if (s == t) break;
        }
        return s + t;
    }

    public static int testLong(long a, long b) {
        int r = 0;
        if (a == b) r |= 1;
        if (a != b) r |= 2;
        if (a < b) r |= 4;
        if (a >= b) r |= 8;
        if (a > b) r |= 16;
        if (a <= b) r |= 32;
        if (a == 0) r |= 64;
        if (a < 0) r |= 128;
        return r;
    }

    public static int testFloat(float a, float b) {
        int r = 0;
        if (a == b) r |= 1;
        if (a != b) r |= 2;
        if (a < b) r |= 4;       // cmpg-float + if-gez
        if (a >= b) r |= 8;
        if (a > b) r |= 16;      // cmpl-float + if-lez
        if (a <= b) r |= 32;
        if (!(a < b)) r |= 64;
        if (!(a > b)) r |= 128;
        return r;
    }

    public static int testDouble(double a, double b) {
        int r = 0;
        if (a == b) r |= 1;
        if (a != b) r |= 2;
        if (a < b) r |= 4;
        if (a >= b) r |= 8;
        if (a > b) r |= 16;
        if (a <= b) r |= 32;
        if (!(a < b)) r |= 64;
        if (!(a > b)) r |= 128;
        return r;
    }

    public static int testRef(String a, String b) {
        String c = new String(a);
        int r = 0;
        if (a == b) r |= 1;
        if (a != c) r |= 2;
        if (a.equals(c)) r |= 4;
        Object n = a.isEmpty() ? a : null;
        if (n == null) r |= 8;
        if (n != null) r |= 16;
        return r;
    }

    public static int testTernaryChain(int a, int b) {
        return a < b ? -1 : a > b ? 1 : a == 0 ? 100 : 0;
    }
}
