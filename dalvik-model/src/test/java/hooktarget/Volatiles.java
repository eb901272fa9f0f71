package hooktarget;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/** Guest code touching volatile state on every path, for the volatile-gate tests. */
public class Volatiles {
    public volatile int vi;
    public volatile long vl;
    public volatile Object vr;
    public int plain;
    public static volatile int sv;
    public static int sPlain;
    public final AtomicInteger atomic = new AtomicInteger();

    static final AtomicIntegerFieldUpdater<Volatiles> VI = AtomicIntegerFieldUpdater.newUpdater(Volatiles.class, "vi");

    public static Volatiles make() {
        return new Volatiles();
    }

    /**
     * {@code n} rounds of: read vi, write vi, read vl, write vl, read vr, write vr, read sv, write
     * sv, and the same on plain fields (which never reach the gate). Long enough to be compiled.
     */
    public static long loop(Volatiles v, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            int x = v.vi;
            v.vi = x + 1;
            long y = v.vl;
            v.vl = y + 2;
            Object o = v.vr;
            v.vr = o == null ? "o" : null;
            int z = sv;
            sv = z + 3;
            v.plain += x;
            sPlain += z;
            s += x + y + z;
        }
        return s;
    }

    /** One volatile write, for the WAIT and MIGRATE tests. */
    public static int writeOnce(Volatiles v, int value) {
        v.vi = value;
        return v.vi;
    }

    /** Reflection, the field updater and AtomicInteger: the paths through natives. */
    public static String natives(Volatiles v) throws Exception {
        java.lang.reflect.Field f = Volatiles.class.getField("vi");
        f.setInt(v, 40);
        int a = f.getInt(v);
        VI.compareAndSet(v, 40, 41);
        int b = VI.get(v);
        v.atomic.set(7);
        int c = v.atomic.incrementAndGet();
        boolean d = v.atomic.compareAndSet(8, 9);
        int e = v.atomic.getAndAdd(5);
        int g = v.atomic.getAndSet(1);
        return a + " " + b + " " + c + " " + d + " " + e + " " + g + " " + v.atomic.get();
    }
}
