package golden;

/** Instance/static fields of every type, static_values constants, class initialisation order and triggers. */
public class G005_FieldsAndInit {
    static final StringBuilder LOG = new StringBuilder();
    static void log(String s) { LOG.append(s).append(' '); }

    static class Base {
        static { log("Base.<clinit>"); }
        static int baseStatic = mark("Base.baseStatic", 1);
        int baseField = markI("Base.baseField", 2);
        { log("Base.{init}"); }
        Base() { log("Base()"); describe(); }
        void describe() { log("Base.describe"); }
    }
    static class Derived extends Base {
        static { log("Derived.<clinit>"); }
        static final int CONST = 99;                  // compile-time constant
        static final Integer BOXED = mark("Derived.BOXED", 5);
        int derivedField = markI("Derived.derivedField", 3);
        Derived() { super(); log("Derived() derivedField=" + derivedField); }
        @Override void describe() { log("Derived.describe(derivedField=" + derivedField + ")"); }  // sees default 0
    }
    static class Lazy { static { log("Lazy.<clinit>"); } static void touch() { log("Lazy.touch"); } }
    static class Holder { static final Holder INSTANCE = new Holder(); static int counter = 10; int snapshot; Holder() { snapshot = counter; counter++; } }

    static int mark(String s, int v) { log(s); return v; }
    static int markI(String s, int v) { log(s); return v; }

    static class AllTypes {
        boolean z; byte b; short s; char c; int i; long l; float f; double d; Object o; int[] a;
        static boolean sz = true; static byte sb = 1; static short ss = 2; static char sc = 'c'; static int si = 4; static long sl = 5L;
        static float sf = 6.5f; static double sd = 7.25; static String sstr = "eight"; static Class<?> scls = String.class;
        public String toString() { return z + " " + b + " " + s + " " + (int) c + " " + i + " " + l + " " + f + " " + d + " " + o + " " + (a == null ? "null" : a.length); }
    }

    public static void main(String[] args) {
        log("main-start");
        System.out.println("CONST=" + Derived.CONST);
        System.out.println(LOG); LOG.setLength(0);
        new Derived();
        System.out.println(LOG); LOG.setLength(0);
        new Derived();
        System.out.println(LOG); LOG.setLength(0);
        Lazy[] arr = new Lazy[2];
        log("array:" + arr.length);
        Lazy.touch();
        Lazy.touch();
        System.out.println(LOG); LOG.setLength(0);
        System.out.println("Holder snapshot=" + Holder.INSTANCE.snapshot + " counter=" + Holder.counter);

        AllTypes t = new AllTypes();
        System.out.println("defaults: " + t);
        t.z = true; t.b = (byte) 200; t.s = (short) 40000; t.c = 'Z'; t.i = -1; t.l = 1L << 62; t.f = 1f / 3; t.d = 2.0 / 3; t.o = "obj"; t.a = new int[4];
        System.out.println("set: " + t);
        t.b += 100; t.s *= 2; t.c++; t.i >>>= 4; t.l <<= 1; t.f *= 3; t.d -= 1;
        System.out.println("compound: " + t);
        System.out.println("statics: " + AllTypes.sz + " " + AllTypes.sb + " " + AllTypes.ss + " " + AllTypes.sc + " " + AllTypes.si + " " + AllTypes.sl
                + " " + AllTypes.sf + " " + AllTypes.sd + " " + AllTypes.sstr + " " + AllTypes.scls.getName());
        AllTypes.sz ^= true; AllTypes.sb--; AllTypes.ss += 30000; AllTypes.sc += 2; AllTypes.si *= -4; AllTypes.sl = ~AllTypes.sl; AllTypes.sf /= 0; AllTypes.sd %= 2;
        System.out.println("statics': " + AllTypes.sz + " " + AllTypes.sb + " " + AllTypes.ss + " " + AllTypes.sc + " " + AllTypes.si + " " + AllTypes.sl
                + " " + AllTypes.sf + " " + AllTypes.sd);
    }
}
