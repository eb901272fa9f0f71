package hooktarget;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Guest code reaching every write path of the VM once, on objects the test tracks: the write
 * barrier must see each store's old value (it runs before the store).
 */
public class BarrierTarget {
    public static int sInt;
    public static Object sRef;

    public int i;
    public long j;
    public float f;
    public double d;
    public boolean z;
    public byte b;
    public char c;
    public short s;
    public Object ref;
    public volatile int vol;

    static final AtomicIntegerFieldUpdater<BarrierTarget> VOL = AtomicIntegerFieldUpdater.newUpdater(BarrierTarget.class, "vol");

    /** The objects the test tracks, in a fixed order. */
    public static Object[] make() {
        return new Object[] {new BarrierTarget(), new int[8], new long[4], new float[4], new double[4], new boolean[4],
            new byte[4], new char[4], new short[4], new Object[4], new String[4], new RuntimeException("e"),
            new Thread(() -> { }, "t1")};
    }

    public static void fields(BarrierTarget t) {
        t.i = 1;
        t.j = 2;
        t.f = 3;
        t.d = 4;
        t.z = true;
        t.b = 5;
        t.c = 'c';
        t.s = 6;
        t.ref = "r";
    }

    public static void statics() {
        sInt = 7;
        sRef = "s";
    }

    public static void arrays(int[] ia, long[] ja, float[] fa, double[] da, boolean[] za, byte[] ba, char[] ca, short[] sa,
                              Object[] oa) {
        ia[1] = 1;
        ja[1] = 2;
        fa[1] = 3;
        da[1] = 4;
        za[1] = true;
        ba[1] = 5;
        ca[1] = 'c';
        sa[1] = 6;
        oa[1] = "o";
    }

    /** Stores into a typed reference array (aput-object with a store check). */
    public static void typedArray(String[] sa) {
        sa[0] = "typed";
    }

    public static void arraycopy(int[] ia, Object[] oa) {
        System.arraycopy(new int[] {9, 9}, 0, ia, 2, 2);
        System.arraycopy(new Object[] {"x"}, 0, oa, 2, 1);
    }

    /** Copies until the element that does not fit a String[]: only the first is written. */
    public static String arraycopyStopsAtAMismatch(String[] sa) {
        try {
            System.arraycopy(new Object[] {"y", 1}, 0, sa, 1, 2);
            return "no exception";
        } catch (ArrayStoreException e) {
            return "ArrayStoreException";
        }
    }

    public static void reflectArray(int[] ia, Object[] oa, double[] da) {
        Array.setInt(ia, 4, 9);
        Array.set(oa, 3, "y");
        Array.setDouble(da, 2, 8.0);
    }

    public static void hostWrites(int[] ia, char[] ca) {
        Arrays.fill(ia, 4);
        "hello".getChars(0, 2, ca, 0);
    }

    /** A host-made list's toArray(T[]): the VM fills the guest array. */
    public static void hostToArray(Object[] oa) {
        List.of("p", "q").toArray(oa);
    }

    public static void reflectFields(BarrierTarget t) throws Exception {
        Field f = BarrierTarget.class.getDeclaredField("i");
        f.setInt(t, 11);
        BarrierTarget.class.getDeclaredField("sInt").set(null, 12);
    }

    public static void updater(BarrierTarget t) {
        VOL.incrementAndGet(t);
        VOL.set(t, 20);
    }

    public static void throwable(RuntimeException e, RuntimeException cause) {
        e.initCause(cause);
        e.setStackTrace(new StackTraceElement[0]);
        e.addSuppressed(cause);
        e.addSuppressed(new IllegalStateException());
    }

    public static void thread(Thread t) {
        t.setName("t2");
        t.setDaemon(true);
        t.setPriority(3);
    }

    /** Reads only: no barrier call. */
    public static long readOnly(BarrierTarget t, int[] ia) {
        return t.i + t.j + ia[0] + sInt;
    }

    /** A class whose initialisation stores static values from the dex. */
    public static class StaticValues {
        public static final long K = 42L;
        public static final String S = "s";

        public static long touch() {
            return K;
        }
    }
}
