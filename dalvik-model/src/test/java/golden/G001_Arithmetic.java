package golden;

/** int/long/float/double arithmetic end-to-end: overflow, division, remainder, shifts, NaN, -0.0. */
public class G001_Arithmetic {
    static int ipow(int b, int e) { int r = 1; while (e-- > 0) r *= b; return r; }
    static long lpow(long b, int e) { long r = 1; for (int i = 0; i < e; i++) r *= b; return r; }

    public static void main(String[] args) {
        int[] is = { 0, 1, -1, 7, -7, 46341, Integer.MAX_VALUE, Integer.MIN_VALUE };
        for (int a : is) {
            StringBuilder sb = new StringBuilder("int ").append(a).append(':');
            for (int b : is) {
                sb.append(' ').append(a + b).append('/').append(a - b).append('/').append(a * b);
                if (b != 0) sb.append('/').append(a / b).append('/').append(a % b);
                else sb.append("/div0");
            }
            System.out.println(sb);
        }
        long[] ls = { 0L, 3L, -3L, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, 0xCAFEBABEL };
        for (long a : ls) {
            StringBuilder sb = new StringBuilder("long ").append(a).append(':');
            for (long b : ls) {
                sb.append(' ').append(a * b ^ (a - b));
                if (b != 0) sb.append('/').append(a / b).append('/').append(a % b);
            }
            System.out.println(sb);
        }
        for (int s = -3; s <= 70; s += 7) {
            System.out.println("shift " + s + ": " + (0x80000001 << s) + " " + (0x80000001 >> s) + " " + (0x80000001 >>> s) + " "
                    + (0x8000000000000001L << s) + " " + (0x8000000000000001L >> s) + " " + (0x8000000000000001L >>> s));
        }
        double[] ds = { 0.0, -0.0, 1.0, -2.5, Double.NaN, Double.POSITIVE_INFINITY, 1e-320, 3.0 };
        for (double a : ds) {
            StringBuilder sb = new StringBuilder("double ").append(a).append(':');
            for (double b : ds) sb.append(' ').append(a / b).append('|').append(a % b).append('|').append(a * b);
            System.out.println(sb);
        }
        float f = 0.1f; double d = 0.1;
        for (int i = 0; i < 5; i++) { f = f * 3 + 0.7f; d = d * 3 + 0.7; }
        System.out.println("float accum " + f + " double accum " + d + " " + (float) d);
        System.out.println("pow " + ipow(3, 19) + " " + ipow(3, 21) + " " + lpow(7, 22) + " " + lpow(7, 23));
        try {
            System.out.println(ipow(2, 3) / (ipow(2, 3) - 8));
        } catch (ArithmeticException e) {
            System.out.println("caught: " + e);
        }
        System.out.println("abs(MIN)=" + Math.abs(Integer.MIN_VALUE) + " neg(MIN)=" + -Long.MIN_VALUE + " MIN/-1=" + (Integer.MIN_VALUE / -1) + " MIN%-1=" + (Long.MIN_VALUE % -1));
        System.out.println("floorDiv " + Math.floorDiv(-7, 2) + " floorMod " + Math.floorMod(-7, 2) + " hypot " + Math.hypot(3, 4) + " round " + Math.round(-2.5) + " " + Math.round(2.5f));
    }
}
