package golden;

/** Every primitive conversion, printed as a table. */
public class G002_Conversions {
    public static void main(String[] args) {
        double[] ds = { 0.0, -0.0, 0.49, -0.51, 1.5, 127.9, 128.0, -129.0, 32767.5, 65535.9, 2147483647.5, -2147483649.0,
                        9.3e18, -9.3e18, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-45, 3.5e38 };
        for (double d : ds) {
            float f = (float) d;
            System.out.println("d=" + d + " i=" + (int) d + " l=" + (long) d + " f=" + f + " fi=" + (int) f + " fl=" + (long) f
                    + " b=" + (byte) d + " s=" + (short) d + " c=" + (int) (char) d + " fd=" + (double) f);
        }
        long[] ls = { 0, 1, -1, 255, 256, 65535, 65536, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0x123456789L, Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1 };
        for (long l : ls) {
            System.out.println("l=" + l + " i=" + (int) l + " f=" + (float) l + " d=" + (double) l + " b=" + (byte) l + " s=" + (short) l + " c=" + (int) (char) l
                    + " hex=" + Long.toHexString(l) + " back=" + (long) (double) l);
        }
        int[] is = { 0, 1, -1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 16777217, Integer.MAX_VALUE, Integer.MIN_VALUE };
        for (int i : is) {
            System.out.println("i=" + i + " l=" + (long) i + " f=" + (float) i + " d=" + (double) i + " b=" + (byte) i + " s=" + (short) i + " c=" + (int) (char) i
                    + " ub=" + ((byte) i & 0xff) + " us=" + Short.toUnsignedInt((short) i) + " ul=" + Integer.toUnsignedLong(i));
        }
        char c = '\uffff';
        c++;
        byte b = 127;
        b++;
        short s = Short.MIN_VALUE;
        s--;
        System.out.println("wrap c=" + (int) c + " b=" + b + " s=" + s);
        System.out.println("bits " + Float.floatToIntBits(Float.NaN) + " " + Float.floatToRawIntBits(-0.0f) + " " + Double.doubleToLongBits(Double.NaN)
                + " " + Float.intBitsToFloat(0x3f800001) + " " + Double.longBitsToDouble(0x3ff0000000000001L));
    }
}
