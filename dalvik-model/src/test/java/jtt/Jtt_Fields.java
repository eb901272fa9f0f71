package jtt;

/** iget/iput and sget/sput in all 7 flavours, default values, static_values constants, inherited and shadowed fields. */
public final class Jtt_Fields {
    public static final Object[][] ARGS = { {0}, {1}, {-1}, {123456}, {Integer.MIN_VALUE} };

    static class Holder {
        int i; long l; float f; double d; boolean z; byte b; char c; short s; Object o; String str; int[] arr;
    }

    static class Base { int x = 1; static int sx = 10; int get() { return x; } }
    static class Derived extends Base { int x = 2; static int sx = 20; int getSuperX() { return super.x; } }

    // static fields with constant initial values: D8 puts them in static_values, not <clinit>
    static int sInt = 42;
    static long sLong = 0x123456789abL;
    static float sFloat = 2.5f;
    static double sDouble = -1e100;
    static boolean sBool = true;
    static byte sByte = -7;
    static char sChar = 'Q';
    static short sShort = -12345;
    static String sStr = "static-string";
    static Object sObj;
    static int[] sArr = { 3, 4 };        // non-constant: set in <clinit>
    static final int CONST = 77;
    static final String CONST_S = "const";
    static final long CONST_L = Long.MIN_VALUE;
    static final double CONST_D = Double.NaN;

    public static String testInstance(int v) {
        Holder h = new Holder();
        String before = h.i + " " + h.l + " " + h.f + " " + h.d + " " + h.z + " " + h.b + " " + (int) h.c + " " + h.s + " " + h.o + " " + h.str + " " + h.arr;
        h.i = v; h.l = v * 3L; h.f = v / 2f; h.d = v / 4.0; h.z = v != 0; h.b = (byte) v; h.c = (char) v; h.s = (short) v;
        h.o = h; h.str = "s" + v; h.arr = new int[] { v };
        h.i += 1; h.l <<= 1; h.b++; h.c--; h.s *= 2; h.z = !h.z;
        return before + " / " + h.i + " " + h.l + " " + h.f + " " + h.d + " " + h.z + " " + h.b + " " + (int) h.c + " " + h.s + " " + (h.o == h) + " " + h.str + " " + h.arr[0];
    }

    public static String testStaticInitialValues() {
        return sInt + " " + sLong + " " + sFloat + " " + sDouble + " " + sBool + " " + sByte + " " + sChar + " " + sShort + " " + sStr
                + " " + sObj + " " + sArr[1] + " " + CONST + " " + CONST_S + " " + CONST_L + " " + CONST_D;
    }

    public static String testStatic(int v) {
        int oi = sInt; long ol = sLong; float of = sFloat; double od = sDouble; boolean oz = sBool; byte ob = sByte; char oc = sChar; short os = sShort; String ostr = sStr; Object oo = sObj;
        sInt = v; sLong = v * 5L; sFloat = v * 0.5f; sDouble = v * 0.25; sBool = v > 0; sByte = (byte) v; sChar = (char) v; sShort = (short) v; sStr = "v" + v; sObj = sStr;
        String r = sInt + " " + sLong + " " + sFloat + " " + sDouble + " " + sBool + " " + sByte + " " + (int) sChar + " " + sShort + " " + sStr + " " + sObj;
        sInt = oi; sLong = ol; sFloat = of; sDouble = od; sBool = oz; sByte = ob; sChar = oc; sShort = os; sStr = ostr; sObj = oo;
        return r;
    }

    public static String testShadowing(int v) {
        Derived d = new Derived();
        Base b = d;
        d.x += v;
        return b.x + " " + d.x + " " + d.getSuperX() + " " + b.get() + " " + Base.sx + " " + Derived.sx;
    }

    public static String testNullField(int v) {
        Holder h = v == 123456 ? new Holder() : null;
        try {
            h.l = v;
            return "ok " + h.l;
        } catch (NullPointerException e) {
            return "NPE";
        }
    }

    static class Counter { static int count; int id; Counter() { id = ++count; } }

    public static int testStaticCounter(int v) {
        Counter.count = 0;
        int s = 0;
        for (int i = 0; i < 5; i++) s += new Counter().id;
        return s + Counter.count;
    }

    static class Wide { long a; double b; long c; int d; }

    public static String testWideFields(int v) {
        Wide w = new Wide();
        w.a = ((long) v << 32) | 0xdeadbeefL;
        w.b = v * 1.5;
        w.c = -w.a;
        w.d = (int) (w.a >>> 16);
        w.a ^= w.c;
        return w.a + " " + w.b + " " + w.c + " " + w.d;
    }
}
