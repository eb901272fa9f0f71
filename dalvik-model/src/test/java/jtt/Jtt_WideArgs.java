package jtt;

/** long/double argument passing in odd register positions, wide results, wide values across calls. */
public final class Jtt_WideArgs {
    public static final Object[][] ARGS = { {1, 2L, 3.5}, {-1, Long.MIN_VALUE, Double.NaN}, {Integer.MAX_VALUE, -1L, -0.0}, {0, 0x123456789L, 1e300} };

    static long a(int x, long y) { return x + y; }                               // long starts at odd word
    static double b(long y, int x, double z) { return y + x + z; }
    static long c(boolean q, long y, char c, double z, byte w, long v) { return (q ? 1 : 0) + y + c + (long) z + w + v; }
    long inst(long y, int x, double z) { return y * 2 + x + (long) z; }         // this + long: long at odd word
    static double sel(int x, double p, double q) { return x > 0 ? p : q; }

    public static String testAll(int x, long y, double z) {
        Jtt_WideArgs o = new Jtt_WideArgs();
        return a(x, y) + " " + b(y, x, z) + " " + c(x > 0, y, 'z', z, (byte) x, y) + " " + o.inst(y, x, z) + " " + sel(x, z, y);
    }

    public static long testSwap(int x, long y, double z) {
        long p = y, q = x;
        for (int i = 0; i < 5; i++) { long t = p; p = q; q = t + i; }   // overlapping wide moves
        return p * 31 + q;
    }

    public static double testDoubleMix(int x, long y, double z) {
        double d1 = z, d2 = y, d3 = x;
        double t = d1; d1 = d2; d2 = d3; d3 = t;
        return d1 + d2 * 2 + (Double.isNaN(d3) ? 0 : d3) * 3;
    }

    static long ret(long v) { return v; }
    static double retD(double v) { return v; }
    public static String testReturnWide(int x, long y, double z) {
        long l = ret(y); double d = retD(z);
        return l + " " + d + " " + ret(l + x) + " " + retD(d * 2);
    }
}
