package golden;

import java.util.ArrayList;
import java.util.List;

/**
 * Identity of boxes, for all eight box types, inside and outside the {@code valueOf} caches
 * (Integer/Long/Short/Byte -128..127, Character 0..127, Boolean always; Float/Double never):
 * autoboxed constants compared with {@code ==} (as locals, as arguments, as array elements, as
 * return values, many of them in one method), explicit {@code valueOf}, boxes of computed values,
 * unboxing comparisons and {@code equals}. D8 used to merge {@code valueOf} calls with equal
 * constant arguments, so {@code Integer c = 128, d = 128; c == d} was true in the VM.
 */
public class G049_BoxingIdentity {
    static boolean same(Object a, Object b) {
        return a == b;
    }

    static Integer boxInt(int x) {
        return x;
    }

    static Long boxLong(long x) {
        return x;
    }

    static Character boxChar(char x) {
        return x;
    }

    static Double boxDouble(double x) {
        return x;
    }

    public static void main(String[] args) {
        locals();
        arguments();
        arrays();
        explicitValueOf();
        manyInOneMethod();
        computed(args.length);
        unboxingAndEquals();
        collections();
    }

    /** Autoboxed constants held in named locals. */
    static void locals() {
        Integer i1 = 127, i2 = 127, i3 = 128, i4 = 128, i5 = -128, i6 = -128, i7 = -129, i8 = -129;
        System.out.println("Integer locals " + (i1 == i2) + " " + (i3 == i4) + " " + (i5 == i6) + " " + (i7 == i8));
        Long l1 = 127L, l2 = 127L, l3 = 128L, l4 = 128L, l5 = -129L, l6 = -129L;
        System.out.println("Long locals " + (l1 == l2) + " " + (l3 == l4) + " " + (l5 == l6));
        Short s1 = 127, s2 = 127, s3 = 128, s4 = 128, s5 = -129, s6 = -129;
        System.out.println("Short locals " + (s1 == s2) + " " + (s3 == s4) + " " + (s5 == s6));
        Byte b1 = 127, b2 = 127, b3 = -128, b4 = -128;
        System.out.println("Byte locals " + (b1 == b2) + " " + (b3 == b4));
        Character c1 = 'a', c2 = 'a', c3 = 127, c4 = 127, c5 = 128, c6 = 128, c7 = '\u20ac', c8 = '\u20ac';
        System.out.println("Character locals " + (c1 == c2) + " " + (c3 == c4) + " " + (c5 == c6) + " " + (c7 == c8));
        Boolean z1 = true, z2 = true, z3 = false, z4 = false;
        System.out.println("Boolean locals " + (z1 == z2) + " " + (z3 == z4) + " " + (z1 == z3));
        Float f1 = 0f, f2 = 0f, f3 = 1.5f, f4 = 1.5f;
        System.out.println("Float locals " + (f1 == f2) + " " + (f3 == f4));
        Double d1 = 0d, d2 = 0d, d3 = 1.5, d4 = 1.5;
        System.out.println("Double locals " + (d1 == d2) + " " + (d3 == d4));
    }

    /** Boxes that go straight into a call: no local holds them. */
    static void arguments() {
        System.out.println("Integer args " + same(127, 127) + " " + same(128, 128) + " " + same(-129, -129) + " " + same(1000, 1000));
        System.out.println("Long args " + same(127L, 127L) + " " + same(128L, 128L) + " " + same(-129L, -129L));
        System.out.println("Short args " + same((short) 127, (short) 127) + " " + same((short) 128, (short) 128));
        System.out.println("Byte args " + same((byte) -128, (byte) -128) + " " + same((byte) 127, (byte) 127));
        System.out.println("Character args " + same('z', 'z') + " " + same((char) 128, (char) 128) + " " + same('\u00e9', '\u00e9'));
        System.out.println("Boolean args " + same(true, true) + " " + same(false, false) + " " + same(true, false));
        System.out.println("Float args " + same(0f, 0f) + " " + same(2.5f, 2.5f));
        System.out.println("Double args " + same(0d, 0d) + " " + same(2.5, 2.5));
        System.out.println("returned " + (boxInt(128) == boxInt(128)) + " " + (boxInt(5) == boxInt(5))
                + " " + (boxLong(128) == boxLong(128)) + " " + (boxChar('\u0100') == boxChar('\u0100'))
                + " " + (boxDouble(0) == boxDouble(0)));
    }

    /** Boxes stored as array elements. */
    static void arrays() {
        Object[] ints = {128, 128, 127, 127};
        Object[] longs = {128L, 128L, 0L, 0L};
        Object[] chars = {(char) 200, (char) 200, 'x', 'x'};
        Object[] doubles = {1.0, 1.0};
        System.out.println("arrays " + (ints[0] == ints[1]) + " " + (ints[2] == ints[3]) + " " + (longs[0] == longs[1])
                + " " + (longs[2] == longs[3]) + " " + (chars[0] == chars[1]) + " " + (chars[2] == chars[3])
                + " " + (doubles[0] == doubles[1]));
    }

    /** Explicit valueOf calls, which autoboxing compiles to as well. */
    static void explicitValueOf() {
        System.out.println("valueOf " + (Integer.valueOf(128) == Integer.valueOf(128))
                + " " + (Integer.valueOf(1000) == Integer.valueOf(1000))
                + " " + (Integer.valueOf(-128) == Integer.valueOf(-128))
                + " " + (Long.valueOf(-129) == Long.valueOf(-129))
                + " " + (Short.valueOf((short) 300) == Short.valueOf((short) 300))
                + " " + (Byte.valueOf((byte) 3) == Byte.valueOf((byte) 3))
                + " " + (Character.valueOf('\u0400') == Character.valueOf('\u0400'))
                + " " + (Boolean.valueOf(true) == Boolean.TRUE)
                + " " + (Float.valueOf(3f) == Float.valueOf(3f))
                + " " + (Double.valueOf(3) == Double.valueOf(3))
                + " " + (Integer.valueOf("128") == Integer.valueOf("128"))
                + " " + (Integer.valueOf("12") == Integer.valueOf("12")));
    }

    /** More equal constant boxings in one method than D8 merged at most (15): every pair counts. */
    static void manyInOneMethod() {
        int distinct = 0;
        distinct += same(200, 200) ? 0 : 1;
        distinct += same(201, 201) ? 0 : 1;
        distinct += same(202, 202) ? 0 : 1;
        distinct += same(203, 203) ? 0 : 1;
        distinct += same(204, 204) ? 0 : 1;
        distinct += same(205, 205) ? 0 : 1;
        distinct += same(206, 206) ? 0 : 1;
        distinct += same(207, 207) ? 0 : 1;
        distinct += same(208, 208) ? 0 : 1;
        distinct += same(209, 209) ? 0 : 1;
        distinct += same(210L, 210L) ? 0 : 1;
        distinct += same(211L, 211L) ? 0 : 1;
        distinct += same((short) 212, (short) 212) ? 0 : 1;
        distinct += same((char) 213, (char) 213) ? 0 : 1;
        distinct += same(214f, 214f) ? 0 : 1;
        distinct += same(215d, 215d) ? 0 : 1;
        distinct += same(216, 216) ? 0 : 1;
        distinct += same(217, 217) ? 0 : 1;
        distinct += same(10, 10) ? 0 : 1;
        distinct += same(11L, 11L) ? 0 : 1;
        System.out.println("many: " + distinct + " of 20 pairs are distinct objects");
    }

    /** Boxes of values computed at run time, across and around the caches. */
    static void computed(int zero) {
        int sameInt = 0, sameLong = 0, sameShort = 0, sameByte = 0, sameChar = 0, sameFloat = 0, sameDouble = 0, sameBool = 0;
        for (int v = -300 + zero; v <= 300; v++) {
            Integer a = v, b = v;
            Long la = (long) v, lb = (long) v;
            Short sa = (short) v, sb = (short) v;
            Byte ba = (byte) v, bb = (byte) v;
            Character ca = (char) (v + 300), cb = (char) (v + 300);
            Float fa = (float) v, fb = (float) v;
            Double da = (double) v, db = (double) v;
            Boolean za = (v & 1) == 0, zb = (v & 1) == 0;
            sameInt += a == b ? 1 : 0;
            sameLong += la == lb ? 1 : 0;
            sameShort += sa == sb ? 1 : 0;
            sameByte += ba == bb ? 1 : 0;
            sameChar += ca == cb ? 1 : 0;
            sameFloat += fa == fb ? 1 : 0;
            sameDouble += da == db ? 1 : 0;
            sameBool += za == zb ? 1 : 0;
        }
        System.out.println("computed, identical pairs of 601: Integer " + sameInt + " Long " + sameLong + " Short " + sameShort
                + " Byte " + sameByte + " Character " + sameChar + " Float " + sameFloat + " Double " + sameDouble
                + " Boolean " + sameBool);
    }

    /** Unboxing comparisons and equals do not depend on identity. */
    static void unboxingAndEquals() {
        Integer x = 1000, y = 1000;
        int p = 1000;
        Long lx = 5000L;
        Double dx = 0.5, dy = 0.5;
        System.out.println("by value " + (x == p) + " " + x.equals(y) + " " + (x.intValue() == y.intValue()) + " " + (lx == 5000L)
                + " " + dx.equals(dy) + " " + (dx.doubleValue() == dy) + " " + x.compareTo(y) + " " + (x <= y && x >= y));
        Integer counter = 126;
        Integer before = counter;
        counter++;
        Integer at127 = counter;
        counter++;
        System.out.println("increments " + (before == Integer.valueOf(126)) + " " + (at127 == Integer.valueOf(127))
                + " " + (counter == Integer.valueOf(128)) + " " + counter.equals(128));
    }

    /** Boxes kept in a collection keep their identity. */
    static void collections() {
        List<Object> list = new ArrayList<>();
        list.add(1000);
        list.add(1000);
        list.add(100);
        list.add(100);
        Integer kept = 4242;
        list.add(kept);
        list.add(kept);
        System.out.println("list " + (list.get(0) == list.get(1)) + " " + (list.get(2) == list.get(3)) + " " + (list.get(4) == list.get(5))
                + " indexOf " + list.indexOf(1000) + " " + list.contains(4242));
    }
}
