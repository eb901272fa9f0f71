package hooktarget;

import java.util.Arrays;

/** Guest code exercising every write path, for the write-barrier tests. */
public class Writes {
    public static int count;
    public int x;
    public Object ref;

    public static Object[] make() {
        return new Object[] {new Writes(), new int[8], new Object[4]};
    }

    public static void instanceField(Writes w) {
        w.x = 5;
    }

    public static void refField(Writes w) {
        w.ref = "r";
    }

    public static void staticField() {
        count = 7;
    }

    public static void arrayElement(int[] a) {
        a[3] = 1;
    }

    public static void objectArrayElement(Object[] o) {
        o[1] = "s";
    }

    public static void arraycopy(int[] a) {
        System.arraycopy(new int[] {1, 2, 3, 4}, 0, a, 2, 4);
    }

    public static void reflectiveArray(int[] a) {
        java.lang.reflect.Array.setInt(a, 6, 9);
    }

    public static void hostWritesArray(int[] a) {
        Arrays.fill(a, 4);
    }

    public static void reflectiveField(Writes w) throws Exception {
        java.lang.reflect.Field f = Writes.class.getDeclaredField("x");
        f.setInt(w, 11);
        Writes.class.getDeclaredField("count").set(null, 12);
    }

    public static int readOnly(Writes w, int[] a) {
        return w.x + a[0] + count;
    }
}
