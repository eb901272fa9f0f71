package jtt;

/** i2l i2f i2d l2i l2f l2d f2i f2l f2d d2i d2l d2f i2b i2c i2s, with saturation, NaN, -0.0 and rounding. */
public final class Jtt_Conversions {
    public static final Object[][] ARGS_testFromInt = {
        {0}, {1}, {-1}, {127}, {128}, {255}, {-129}, {32767}, {32768}, {65535}, {65536}, {-65537},
        {Integer.MAX_VALUE}, {Integer.MIN_VALUE}, {16777217}, {0x12345678},
    };
    public static final Object[][] ARGS_testFromLong = {
        {0L}, {-1L}, {0x80000000L}, {0xffffffffL}, {0x100000001L}, {Long.MAX_VALUE}, {Long.MIN_VALUE},
        {9007199254740993L}, {-9007199254740993L}, {0x123456789abcdefL},
    };
    public static final Object[][] ARGS_testFromFloat = {
        {0.0f}, {-0.0f}, {0.5f}, {-0.5f}, {1.9999f}, {-1.9999f}, {2.5f}, {Float.NaN}, {Float.POSITIVE_INFINITY},
        {Float.NEGATIVE_INFINITY}, {3e9f}, {-3e9f}, {1e19f}, {-1e19f}, {Float.MAX_VALUE}, {Float.MIN_VALUE}, {16777217.0f},
    };
    public static final Object[][] ARGS_testFromDouble = {
        {0.0}, {-0.0}, {0.5}, {-0.5}, {1.9999}, {-1.9999}, {2.5}, {Double.NaN}, {Double.POSITIVE_INFINITY},
        {Double.NEGATIVE_INFINITY}, {3e9}, {-3e9}, {1e19}, {-1e19}, {Double.MAX_VALUE}, {Double.MIN_VALUE},
        {2147483647.9}, {-2147483648.9}, {1e40}, {1.0000001}, {3.4028235677973366E38},
    };
    public static final Object[][] ARGS_testNarrow = ARGS_testFromInt;

    public static String testFromInt(int i) {
        long l = i; float f = i; double d = i;
        byte b = (byte) i; char c = (char) i; short s = (short) i;
        return l + "|" + f + "|" + d + "|" + b + "|" + (int) c + "|" + s;
    }

    public static Object[] testNarrow(int i) {
        return new Object[] { (byte) i, (char) i, (short) i, (byte) (i >> 8), (char) -i, (short) (i * 3) };
    }

    public static String testFromLong(long l) {
        int i = (int) l; float f = l; double d = l;
        return i + "|" + f + "|" + d + "|" + (byte) l + "|" + (short) l + "|" + (int) (char) l;
    }

    public static String testFromFloat(float f) {
        int i = (int) f; long l = (long) f; double d = f;
        return i + "|" + l + "|" + d + "|" + (byte) f + "|" + (short) f + "|" + (int) (char) f;
    }

    public static String testFromDouble(double d) {
        int i = (int) d; long l = (long) d; float f = (float) d;
        return i + "|" + l + "|" + f + "|" + Float.floatToRawIntBits(f) + "|" + (byte) d + "|" + (int) (char) d;
    }

    public static long testRoundTrip(long l) { return (long) (double) l - l; }
    public static final Object[][] ARGS_testRoundTrip = ARGS_testFromLong;

    public static int testIntFloatInt(int i) { return (int) (float) i; }
    public static final Object[][] ARGS_testIntFloatInt = ARGS_testFromInt;

    public static char testCharArith(int i) {
        char c = 'A';
        c += i;           // implicit narrowing to char
        c++;
        return c;
    }
    public static final Object[][] ARGS_testCharArith = ARGS_testFromInt;

    public static byte testByteArith(int i) {
        byte b = 100;
        b += i;
        b *= 3;
        return b;
    }
    public static final Object[][] ARGS_testByteArith = ARGS_testFromInt;

    public static short testShortArith(int i) {
        short s = 30000;
        s += i;
        s <<= 1;
        return s;
    }
    public static final Object[][] ARGS_testShortArith = ARGS_testFromInt;
}
