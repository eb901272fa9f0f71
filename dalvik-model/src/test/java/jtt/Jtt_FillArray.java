package jtt;

/** fill-array-data payloads of every element width (1, 2, 4, 8 bytes), sign handling, mixed constant/non-constant initialisers. */
public final class Jtt_FillArray {
    public static final Object[][] ARGS = { {0}, {1}, {3} };

    public static byte[] testBytes(int k) { byte[] a = { 1, -1, 127, -128, 0, 55, (byte) 200 }; a[0] += k; return a; }
    public static boolean[] testBooleans(int k) { boolean[] a = { true, false, true, true, false, false, true }; a[k] = !a[k]; return a; }
    public static short[] testShorts(int k) { short[] a = { 1, -1, 32767, -32768, 0, 1234 }; a[1] += k; return a; }
    public static char[] testChars(int k) { char[] a = { 'a', 'Z', '\u0000', '\uffff', '\u00e9', '0' }; a[0] += k; return a; }
    public static int[] testInts(int k) { int[] a = { 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0, 0x12345678, 99 }; a[2] -= k; return a; }
    public static float[] testFloats(int k) { float[] a = { 1.5f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY, 3e-40f, 0.1f }; a[0] *= k; return a; }
    public static long[] testLongs(int k) { long[] a = { 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 0x123456789abcdefL, 7L }; a[5] += k; return a; }
    public static double[] testDoubles(int k) { double[] a = { 1.5, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 1e-310, Math.E }; a[0] += k; return a; }

    /** Constant prefix, then computed elements (D8 may use a payload for the constant part only). */
    public static int[] testMixed(int k) { return new int[] { 10, 20, 30, 40, 50, k, k + 1, 80, 90, 100 }; }

    public static int testLargeTable(int k) {
        int[] t = {
            0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946, 17711, 28657,
            46368, 75025, 121393, 196418, 317811, 514229, 832040, 1346269, 2178309, 3524578, 5702887, 9227465, 14930352,
            24157817, 39088169, 63245986, 102334155, 165580141, 267914296, 433494437, 701408733, 1134903170, 1836311903,
        };
        int s = 0;
        for (int i = k; i < t.length; i += 2) s += t[i];
        return s + t.length;
    }

    public static int testCrc(int k) {
        short[] table = { 0x0000, (short) 0xC0C1, (short) 0xC181, 0x0140, (short) 0xC301, 0x03C0, 0x0280, (short) 0xC241,
                          (short) 0xC601, 0x06C0, 0x0780, (short) 0xC741, 0x0500, (short) 0xC5C1, (short) 0xC481, 0x0440 };
        int crc = 0xffff;
        for (int i = 0; i < 10 + k; i++) crc = (crc >>> 4) ^ (table[(crc ^ i) & 15] & 0xffff);
        return crc;
    }

    public static String testStringArray(int k) {
        String[] a = { "zero", "one", "two", "three", "four", "five", "six", "seven" };
        return a[k] + a.length;
    }
}
