package jtt;

/** /range invokes (more than 5 argument words) for static, virtual, direct, super, interface; mixed wide args. */
public final class Jtt_InvokeRange {
    public static final Object[][] ARGS = { {0}, {1}, {-3}, {100} };

    static int six(int a, int b, int c, int d, int e, int f) { return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f; }
    static long mixed(int a, long b, double c, int d, long e, float f, char g, byte h, short i, boolean j) {
        return a + b + (long) c + d + e + (long) f + g + h + i + (j ? 1000 : 0);
    }
    static String many(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h) {
        return "" + a + b + c + d + e + f + g + h;
    }
    static double wides(long a, double b, long c, double d, long e) { return a + b + c + d + e; }

    interface Range {
        long r(int a, long b, int c, long d, int e);
        default String dr(int a, int b, int c, int d, int e, int f, int g) { return "def" + (a + b + c + d + e + f + g); }
    }
    static class Impl {
        final int base;
        Impl(int base, long x, double y, int z, String s, char ch) { this.base = base + (int) x + (int) y + z + s.length() + ch; }
        public long r(int a, long b, int c, long d, int e) { return base + a + b + c + d + e; }
        long v(int a, int b, int c, int d, int e, int f) { return base * (a + b + c + d + e + f); }
        private long p(long a, long b, long c) { return a * b * c + base; }
        long callP(int k) { return p(k, k + 1, k + 2); }
    }
    static class Sub extends Impl implements Range {
        Sub(int b) { super(b, 1L, 2.0, 3, "four", '5'); }
        @Override long v(int a, int b, int c, int d, int e, int f) { return 1 + super.v(a, b, c, d, e, f); }
        @Override public String dr(int a, int b, int c, int d, int e, int f, int g) { return "sub:" + Range.super.dr(a, b, c, d, e, f, g); }
    }

    public static int testStatic6(int k) { return six(k, k + 1, k + 2, k + 3, k + 4, k + 5); }
    public static long testMixed(int k) { return mixed(k, k * 100000000000L, k / 3.0, -k, Long.MIN_VALUE + k, 2.5f, 'x', (byte) k, (short) -k, (k & 1) == 0); }
    public static String testMany(int k) { return many(k, "b", 'c', 4L, 5.5, null, true, new int[0].length); }
    public static double testWides(int k) { return wides(k, k + 0.5, -k, 1e10, Long.MAX_VALUE); }

    public static String testVirtualSuperInterface(int k) {
        Sub s = new Sub(k);
        Range r = s;
        Impl i = s;
        return r.r(k, 2L, 3, 4L, 5) + " " + i.v(1, 2, 3, 4, 5, k) + " " + r.dr(1, 2, 3, 4, 5, 6, k) + " " + s.callP(k);
    }

    /** Calls with exactly 5 argument words (largest non-range) vs 6 words (smallest range). */
    static int five(int a, int b, int c, int d, int e) { return a - b + c - d + e; }
    static long fiveWide(long a, long b, int c) { return a - b + c; }
    static long sixWide(long a, long b, long c) { return a - b + c; }
    public static String testBoundary(int k) { return five(k, 1, 2, 3, 4) + " " + fiveWide(k, 2L, 3) + " " + sixWide(k, 2L, 3L); }

    /** Recursion with many args: register windows must not alias. */
    static long rec(int n, long a, long b, int c, double d, long e) {
        if (n == 0) return a + b + c + (long) d + e;
        return rec(n - 1, b, a + 1, c * 2, d + 0.5, e - a);
    }
    public static long testRecursiveRange(int k) { return rec(10, k, 2 * k, 1, 0.0, 7L); }
}
