package golden;

/** Calls with many and wide arguments (/range invokes), long/double in odd register positions, many live locals, constructors with many args. */
public class G029_ManyArgsAndLocals {
    final long a; final double b; final int c; final String d; final char e; final float f; final short g; final byte h; final boolean i;
    G029_ManyArgsAndLocals(long a, double b, int c, String d, char e, float f, short g, byte h, boolean i) {
        this.a = a; this.b = b; this.c = c; this.d = d; this.e = e; this.f = f; this.g = g; this.h = h; this.i = i;
    }
    @Override public String toString() { return a + "," + b + "," + c + "," + d + "," + e + "," + f + "," + g + "," + h + "," + i; }

    static long sum9(int a, long b, int c, double d, int e, long f, float g, int h, double i) { return a + b + c + (long) d + e + f + (long) g + h + (long) i; }
    long inst(int x, long y, double z, int w, long v, double u) { return a + x + y + (long) z + w + v + (long) u + c; }
    static String mix(Object o1, long l1, Object o2, double d1, Object o3, int i1, Object o4) { return "" + o1 + l1 + o2 + d1 + o3 + i1 + o4; }
    static double chain(double x0, double x1, double x2, double x3, double x4, double x5, double x6, double x7) {
        return x0 + 2 * x1 + 3 * x2 + 4 * x3 + 5 * x4 + 6 * x5 + 7 * x6 + 8 * x7;
    }
    static long tail(int n, long acc1, long acc2, double d, int k) { return n == 0 ? acc1 ^ acc2 ^ (long) d ^ k : tail(n - 1, acc2 * 3 + k, acc1 + n, d * 1.5, k + 1); }

    public static void main(String[] args) {
        System.out.println(sum9(1, 2L, 3, 4.5, 5, 6L, 7.5f, 8, 9.25));
        G029_ManyArgsAndLocals o = new G029_ManyArgsAndLocals(Long.MAX_VALUE, -0.5, 42, "str", 'q', 1.25f, (short) -3, (byte) 0x7f, true);
        System.out.println(o);
        System.out.println(o.inst(1, 2L, 3.0, 4, 5L, 6.0) + " " + mix("x", 1L, 'y', 2.5, null, 3, o.d));
        System.out.println(chain(1, 2, 3, 4, 5, 6, 7, 8) + " " + tail(30, 1, 2, 1.0, 0));
        int v0 = args.length + 1, v1 = v0 * 3, v2 = v1 ^ 5, v3 = v2 + v0, v4 = v3 * v3, v5 = v4 - v1, v6 = v5 >> 1, v7 = v6 | 9, v8 = v7 & 0xff, v9 = v8 + v2;
        long w0 = v9 * 1000000007L, w1 = w0 ^ v4, w2 = w1 + w0, w3 = w2 * 31, w4 = w3 >>> 3, w5 = w4 - w1;
        double d0 = v0 / 3.0, d1 = d0 * w0, d2 = d1 - v5, d3 = Math.sqrt(Math.abs(d2)), d4 = d3 * d0;
        for (int k = 0; k < 3; k++) {
            int t = v0; v0 = v1; v1 = v2; v2 = v3; v3 = v4; v4 = v5; v5 = v6; v6 = v7; v7 = v8; v8 = v9; v9 = t + k;
            long lt = w0; w0 = w1; w1 = w2; w2 = w3; w3 = w4; w4 = w5; w5 = lt - k;
            double dt = d0; d0 = d1; d1 = d2; d2 = d3; d3 = d4; d4 = dt;
        }
        System.out.println(v0 + " " + v1 + " " + v2 + " " + v3 + " " + v4 + " " + v5 + " " + v6 + " " + v7 + " " + v8 + " " + v9);
        System.out.println(w0 + " " + w1 + " " + w2 + " " + w3 + " " + w4 + " " + w5);
        System.out.println(d0 + " " + d1 + " " + d2 + " " + d3 + " " + d4);
    }
}
