package jtt;

/** binop/lit8 and binop/lit16 forms incl. rsub-int (literal minus register), div/rem by literal zero. */
public final class Jtt_Literals {
    public static final Object[][] ARGS = {
        {0}, {1}, {-1}, {7}, {-7}, {100}, {Integer.MAX_VALUE}, {Integer.MIN_VALUE}, {0x12345678}, {-32768}, {32767},
    };

    // lit8 (literal in -128..127)
    public static int testAddLit8(int a) { return a + 5; }
    public static int testSubLit8(int a) { return a - 100; }
    public static int testRsubLit8(int a) { return 10 - a; }
    public static int testMulLit8(int a) { return a * 77; }
    public static int testDivLit8(int a) { return a / 7; }
    public static int testDivLit8Neg(int a) { return a / -3; }
    public static int testRemLit8(int a) { return a % 7; }
    public static int testRemLit8Neg(int a) { return a % -3; }
    public static int testAndLit8(int a) { return a & 0x5a; }
    public static int testOrLit8(int a) { return a | 0x21; }
    public static int testXorLit8(int a) { return a ^ -2; }
    public static int testShlLit8(int a) { return a << 3; }
    public static int testShrLit8(int a) { return a >> 5; }
    public static int testUshrLit8(int a) { return a >>> 7; }
    public static int testShlLit8Big(int a) { return a << 35; }
    public static int testUshrLit8Big(int a) { return a >>> 36; }

    // lit16 (literal in -32768..32767)
    public static int testAddLit16(int a) { return a + 1000; }
    public static int testRsubLit16(int a) { return 1000 - a; }
    public static int testRsubLit16Neg(int a) { return -30000 - a; }
    public static int testMulLit16(int a) { return a * 1234; }
    public static int testDivLit16(int a) { return a / 1000; }
    public static int testDivLit16Neg(int a) { return a / -32768; }
    public static int testRemLit16(int a) { return a % 1000; }
    public static int testAndLit16(int a) { return a & 0x7ff0; }
    public static int testOrLit16(int a) { return a | 0x1234; }
    public static int testXorLit16(int a) { return a ^ -4096; }

    // division by a literal -1 and by literal zero
    public static int testDivMinus1(int a) { return a / -1; }
    public static int testRemMinus1(int a) { return a % -1; }
    public static String testDivByLitZero(int a) {
        try { return "x" + (a / 0); } catch (ArithmeticException e) { return e.getMessage(); }
    }
    public static String testRemByLitZero(int a) {
        try { return "x" + (a % 0); } catch (ArithmeticException e) { return e.getMessage(); }
    }

    public static int testChain(int a) {
        int x = 3 - a;          // rsub lit8
        x = 300 - x;            // rsub lit16
        x = x * -9;             // mul lit8
        x = x + -20000;         // add lit16
        x = x % 99;             // rem lit8
        x = x / 300;            // div lit16
        return x ^ 0x4321;      // xor lit16
    }
}
