package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.ListQueueDiff.P;
import static org.cometsim.guestlib.java.util.ListQueueDiff.same;
import static org.cometsim.guestlib.java.util.ListQueueDiff.sameState;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Differential tests for the Vector-specific API (capacity, element* methods, enumerations, their
 * exception messages) and for Stack, compared op by op with the JDK.
 */
class VectorStackDifferentialTest {

    /** The legacy Vector API seen from both sides (java.util.Vector vs ours have no common type). */
    interface V {
        Object call(int op, int i, int j, Integer e);
    }

    static V jdk(java.util.Vector<Integer> v) {
        return (op, i, j, e) -> switch (op) {
            case 0 -> { v.addElement(e); yield null; }
            case 1 -> { v.insertElementAt(e, i); yield null; }
            case 2 -> { v.removeElementAt(i); yield null; }
            case 3 -> v.elementAt(i);
            case 4 -> { v.setElementAt(e, i); yield null; }
            case 5 -> v.firstElement();
            case 6 -> v.lastElement();
            case 7 -> { v.setSize(i); yield null; }
            case 8 -> v.capacity();
            case 9 -> { v.ensureCapacity(i * 7); yield null; }
            case 10 -> { v.trimToSize(); yield null; }
            case 11 -> { Object[] a = new Object[v.size() + 2]; v.copyInto(a); yield Arrays.toString(a); }
            case 12 -> enumerate(v.elements());
            case 13 -> v.indexOf(e, i);
            case 14 -> v.lastIndexOf(e, i);
            case 15 -> v.removeElement(e);
            case 16 -> { v.removeAllElements(); yield null; }
            case 17 -> ((java.util.Vector<?>) v.clone()).capacity() + " " + v.clone();
            case 18 -> v.get(i);
            case 19 -> v.set(i, e);
            case 20 -> v.remove(i);
            case 21 -> v.addAll(i, List.of(1, 2, 3));
            case 22 -> v.listIterator(i).hasNext();
            case 23 -> v.lastIndexOf(e);
            case 24 -> v.subList(i, j).toString();
            case 25 -> { v.add(i, e); yield null; }
            default -> { v.add(e); yield null; }
        };
    }

    static V ours(Vector<Integer> v) {
        return (op, i, j, e) -> switch (op) {
            case 0 -> { v.addElement(e); yield null; }
            case 1 -> { v.insertElementAt(e, i); yield null; }
            case 2 -> { v.removeElementAt(i); yield null; }
            case 3 -> v.elementAt(i);
            case 4 -> { v.setElementAt(e, i); yield null; }
            case 5 -> v.firstElement();
            case 6 -> v.lastElement();
            case 7 -> { v.setSize(i); yield null; }
            case 8 -> v.capacity();
            case 9 -> { v.ensureCapacity(i * 7); yield null; }
            case 10 -> { v.trimToSize(); yield null; }
            case 11 -> { Object[] a = new Object[v.size() + 2]; v.copyInto(a); yield Arrays.toString(a); }
            case 12 -> enumerate(v.elements());
            case 13 -> v.indexOf(e, i);
            case 14 -> v.lastIndexOf(e, i);
            case 15 -> v.removeElement(e);
            case 16 -> { v.removeAllElements(); yield null; }
            case 17 -> ((Vector<?>) v.clone()).capacity() + " " + v.clone();
            case 18 -> v.get(i);
            case 19 -> v.set(i, e);
            case 20 -> v.remove(i);
            case 21 -> v.addAll(i, List.of(1, 2, 3));
            case 22 -> v.listIterator(i).hasNext();
            case 23 -> v.lastIndexOf(e);
            case 24 -> v.subList(i, j).toString();
            case 25 -> { v.add(i, e); yield null; }
            default -> { v.add(e); yield null; }
        };
    }

    static String enumerate(Enumeration<?> en) {
        StringBuilder sb = new StringBuilder();
        while (en.hasMoreElements()) {
            sb.append(en.nextElement()).append(' ');
        }
        try {
            en.nextElement();
        } catch (RuntimeException ex) {
            sb.append(ex);
        }
        return sb.toString();
    }

    static void fuzzVector(int cap, int incr, long seed, int ops) {
        java.util.Random r = new java.util.Random(seed);
        java.util.Vector<Integer> jv = new java.util.Vector<>(cap, incr);
        Vector<Integer> ov = new Vector<>(cap, incr);
        P<V> p = new P<>(jdk(jv), ours(ov));
        P<List<Integer>> lists = new P<>(jv, ov);
        P<Iterator<Integer>> it = new P<>(jv.iterator(), ov.iterator());
        for (int step = 0; step < ops; step++) {
            int n = jv.size();
            int i = r.nextInt(n + 4) - 2;
            int j = r.nextInt(n + 4) - 2;
            int x = r.nextInt(15);
            Integer e = x == 14 ? null : Integer.valueOf(x);
            int op = r.nextInt(31);
            if (op == 16 && r.nextInt(5) != 0) {
                op = 0;
            }
            if (op == 7 && i > 40) {
                op = 0;
            }
            String what = "seed " + seed + " step " + step + " op " + op + " i=" + i + " j=" + j + " e=" + e;
            int fop = op;
            if (op == 30) {
                same(it, Iterator::next, what + " it.next");
                if (r.nextInt(4) == 0) {
                    it = new P<>(jv.iterator(), ov.iterator());
                }
            } else {
                same(p, v -> v.call(fop, i, j, e), what);
            }
            sameState(lists, what);
            same(p, v -> v.call(8, 0, 0, null), what + " capacity");
        }
    }

    @Test
    void vectorRandomLegacyOps() {
        fuzzVector(10, 0, 1, 3000);
        fuzzVector(0, 0, 2, 3000);
        fuzzVector(1, 3, 3, 3000);
        fuzzVector(5, 1, 4, 2000);
    }

    @Test
    void vectorMessages() {
        java.util.Vector<Integer> jv = new java.util.Vector<>(List.of(1, 2, 3));
        Vector<Integer> ov = new Vector<>(List.of(1, 2, 3));
        P<V> p = new P<>(jdk(jv), ours(ov));
        for (int op : new int[] {1, 2, 3, 4, 14, 18, 19, 20, 21, 22, 24}) {
            for (int i : new int[] {-1, 3, 4, 7}) {
                int fi = i;
                same(p, v -> v.call(op, fi, 1, 5), "op " + op + " index " + i);
            }
        }
        Vector<Integer> v3 = new Vector<>(List.of(1, 2, 3));
        assertEquals("java.lang.ArrayIndexOutOfBoundsException:Array index out of range: 3",
                ListDifferentialTest.msg(() -> v3.get(3)));
        assertEquals("java.lang.ArrayIndexOutOfBoundsException:5 >= 3",
                ListDifferentialTest.msg(() -> v3.elementAt(5)));
        Vector<Integer> empty = new Vector<>();
        assertEquals(ListDifferentialTest.msg(() -> new java.util.Vector<>().firstElement()),
                ListDifferentialTest.msg(empty::firstElement));
    }

    @Test
    void vectorCapacityFromConstructors() {
        assertEquals(new java.util.Vector<>(List.of(1, 2, 3)).capacity(), new Vector<>(List.of(1, 2, 3)).capacity());
        assertEquals(new java.util.Vector<>().capacity(), new Vector<>().capacity());
        java.util.Vector<Integer> jv = new java.util.Vector<>(List.of());
        Vector<Integer> ov = new Vector<>(List.of());
        for (int i = 0; i < 40; i++) {
            jv.add(i);
            ov.add(i);
            assertEquals(jv.capacity(), ov.capacity());
        }
    }

    @Test
    void vectorRemoveOfAbsentElementIsAModification() {
        java.util.Vector<Integer> jv = new java.util.Vector<>(List.of(1, 2));
        Vector<Integer> ov = new Vector<>(List.of(1, 2));
        P<Iterator<Integer>> it = new P<>(jv.iterator(), ov.iterator());
        same(it, Iterator::next, "next");
        assertEquals(jv.remove((Object) 9), ov.remove((Object) 9));
        same(it, Iterator::next, "next after remove(absent)");
    }

    @Test
    void stackRandomOps() {
        for (long seed : new long[] {1, 2, 3}) {
            java.util.Random r = new java.util.Random(seed);
            P<java.util.Stack<Integer>> js = new P<>(new java.util.Stack<>(), null);
            java.util.Stack<Integer> j = js.jdk();
            Stack<Integer> o = new Stack<>();
            for (int step = 0; step < 3000; step++) {
                int x = r.nextInt(12);
                Integer e = x == 11 ? null : Integer.valueOf(x);
                String what = "seed " + seed + " step " + step;
                switch (r.nextInt(7)) {
                    case 0, 1 -> assertEquals(j.push(e), o.push(e), what);
                    case 2 -> assertEquals(ListDifferentialTest.msg(j::pop) + pop(j), ListDifferentialTest.msg(o::pop) + pop(o), what);
                    case 3 -> assertEquals(ListDifferentialTest.msg(j::peek), ListDifferentialTest.msg(o::peek), what);
                    case 4 -> assertEquals(j.empty(), o.empty(), what);
                    case 5 -> assertEquals(j.search(e), o.search(e), what);
                    default -> assertEquals(j.capacity(), o.capacity(), what);
                }
                assertEquals(j.toString(), o.toString(), what);
            }
        }
        Stack<Integer> s = new Stack<>();
        assertEquals("java.util.EmptyStackException:null", ListDifferentialTest.msg(s::pop));
        assertEquals("java.util.EmptyStackException:null", ListDifferentialTest.msg(s::peek));
    }

    private static String pop(java.util.Stack<Integer> s) {
        return s.isEmpty() ? "" : String.valueOf(s.peek());
    }

    private static String pop(Stack<Integer> s) {
        return s.isEmpty() ? "" : String.valueOf(s.peek());
    }
}
