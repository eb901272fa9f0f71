package jtt;

/**
 * Class initialisation order. Each test uses its own helper classes and its own log, so it is idempotent:
 * the first call triggers the initialisers; later calls return the same accumulated log.
 */
public final class Jtt_ClassInit {

    // --- superclass first, triggered by new-instance
    static final StringBuilder LOG1 = new StringBuilder();
    static class A1 { static { LOG1.append("A1 "); } A1() { LOG1.append("A1() "); } }
    static class B1 extends A1 { static int v = init("B1.v "); static { LOG1.append("B1 "); } B1() { LOG1.append("B1() "); } }
    static int init(String s) { LOG1.append(s); return 1; }

    public static String testSuperFirst() {
        if (LOG1.indexOf("done") < 0) { new B1(); new B1(); LOG1.append("done"); }
        return LOG1.toString();
    }

    // --- triggered by sget, sput, invoke-static; constant fields do NOT trigger
    static final StringBuilder LOG2 = new StringBuilder();
    static class S1 { static final int K = 5; static int x = 7; static { LOG2.append("S1 "); } }
    static class S2 { static int y; static { LOG2.append("S2 "); } }
    static class S3 { static { LOG2.append("S3 "); } static int m() { return 3; } }
    static class S4 { static final String NAME = "n"; static { LOG2.append("S4 "); } }

    public static String testTriggers() {
        if (LOG2.indexOf("end") < 0) {
            LOG2.append("k=" + S1.K + " ");        // compile-time constant: no init
            LOG2.append("n=" + S4.NAME + " ");     // compile-time constant: no init
            LOG2.append("x=" + S1.x + " ");        // sget triggers
            S2.y = 4;                              // sput triggers
            LOG2.append("y=" + S2.y + " ");
            LOG2.append("m=" + S3.m() + " ");      // invoke-static triggers
            Object[] arr = new S4[3];              // new-array does not trigger
            LOG2.append("arr=" + arr.length + " ");
            Class<?> c = S4.class;                 // const-class does not trigger
            LOG2.append("cls=").append(c.getSimpleName()).append(" end");
        }
        return LOG2.toString();
    }

    // --- static initialiser values depend on textual order; clinit sees default values before assignment
    static final StringBuilder LOG3 = new StringBuilder();
    static class Order {
        static int a = 1;
        static int b = a + 1;
        static int c = peek();
        static int d = 40;
        static int peek() { return d; }        // still 0 here
        static { LOG3.append("a=" + a + " b=" + b + " c=" + c + " d=" + d); }
    }

    public static String testOrder() {
        int unused = Order.a;
        return LOG3.toString();
    }

    // --- exception in static initializer: ExceptionInInitializerError then NoClassDefFoundError
    static class Bad { static int v = 1 / zero(); static int zero() { return 0; } }

    public static String testInitError() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            try {
                sb.append(Bad.v);
            } catch (ExceptionInInitializerError e) {
                sb.append("EIIE(").append(e.getCause().getClass().getSimpleName()).append(':').append(e.getCause().getMessage()).append(") ");
            } catch (NoClassDefFoundError e) {
                sb.append("NCDFE ");
            }
        }
        return sb.toString().trim();
    }

    // --- interface static field initialisation is not triggered by implementing class init
    static final StringBuilder LOG4 = new StringBuilder();
    interface I4 { int X = Jtt_ClassInit.log4("I4.X "); default void m() {} }
    static class C4 implements I4 { static { LOG4.append("C4 "); } }
    static int log4(String s) { LOG4.append(s); return 9; }

    public static String testInterfaceInit() {
        if (LOG4.indexOf("|") < 0) {
            new C4();
            LOG4.append("| ");
            LOG4.append(I4.X);
        }
        return LOG4.toString();
    }
}
