package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.MapSetDiff.same;
import static org.cometsim.guestlib.java.util.MapSetDiff.sameSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Random;
import java.util.SortedSet;

import org.cometsim.guestlib.java.util.MapSetDiff.Opaque;
import org.junit.jupiter.api.Test;

/** Our TreeSet against java.util.TreeSet: random sequences with navigation and range views, edge cases. */
class TreeSetDifferentialTest {

    static final class Driver {
        final Random rnd;
        final Object[] keys;
        NavigableSet<Object> jdk;
        NavigableSet<Object> ours;
        int step;

        Driver(long seed, Object[] keys, NavigableSet<Object> jdk, NavigableSet<Object> ours) {
            rnd = new Random(seed);
            this.keys = keys;
            this.jdk = jdk;
            this.ours = ours;
        }

        Object key() {
            return keys[rnd.nextInt(keys.length)];
        }

        void run(int ops) {
            for (int i = 0; i < ops; i++) {
                step++;
                if (rnd.nextInt(8) == 0) {
                    views();
                } else {
                    op(jdk, ours, false);
                }
                if (step % 40 == 0) {
                    sameSet("step " + step, jdk, ours);
                }
            }
            sameSet("end", jdk, ours);
        }

        @SuppressWarnings("unchecked")
        void op(NavigableSet<Object> a, NavigableSet<Object> b, boolean inView) {
            Object k = key();
            String at = "step " + step + " ";
            switch (rnd.nextInt(20)) {
                case 0, 1, 2, 3 -> same(at + "add " + k, () -> a.add(k), () -> b.add(k));
                case 4, 5 -> same(at + "remove " + k, () -> a.remove(k), () -> b.remove(k));
                case 6 -> same(at + "contains " + k, () -> a.contains(k), () -> b.contains(k));
                case 7 -> {
                    same(at + "first", a::first, b::first);
                    same(at + "last", a::last, b::last);
                }
                case 8 -> same(at + "lower/floor/ceiling/higher " + k,
                        () -> a.lower(k) + " " + a.floor(k) + " " + a.ceiling(k) + " " + a.higher(k),
                        () -> b.lower(k) + " " + b.floor(k) + " " + b.ceiling(k) + " " + b.higher(k));
                case 9 -> same(at + "pollFirst", a::pollFirst, b::pollFirst);
                case 10 -> same(at + "pollLast", a::pollLast, b::pollLast);
                case 11 -> {
                    int mod = 2 + rnd.nextInt(3);
                    boolean desc = rnd.nextBoolean();
                    same(at + "iterator remove", () -> iterRemove(a, mod, desc), () -> iterRemove(b, mod, desc));
                }
                case 12 -> {
                    List<Object> c = new ArrayList<>();
                    for (int j = rnd.nextInt(12); j > 0; j--) {
                        c.add(key());
                    }
                    int which = rnd.nextInt(4);
                    same(at + "bulk " + which, () -> HashSetDifferentialTest.bulk(a, c, which),
                            () -> HashSetDifferentialTest.bulk(b, c, which));
                }
                case 13 -> {
                    // sorted source: the bulk-build path when the set is empty
                    java.util.TreeSet<Object> src = new java.util.TreeSet<>(a.comparator());
                    for (int j = rnd.nextInt(15); j > 0; j--) {
                        Object x = key();
                        try {
                            src.add(x);
                        } catch (RuntimeException e) {
                            // null or non-comparable key: leave it out
                        }
                    }
                    if (!inView && rnd.nextBoolean()) {
                        a.clear();
                        b.clear();
                    }
                    same(at + "addAll sorted", () -> a.addAll(src) + " " + a, () -> b.addAll(src) + " " + b);
                }
                case 14 -> same(at + "descendingSet", () -> a.descendingSet().toString(), () -> b.descendingSet().toString());
                case 15 -> same(at + "cme", () -> cme(a, k), () -> cme(b, k));
                case 16 -> {
                    int len = rnd.nextInt(a.size() + 2);
                    same(at + "toArray(T[])", () -> MapDriver.arrayWithMarker(a, len), () -> MapDriver.arrayWithMarker(b, len));
                }
                case 17 -> {
                    if (!inView && rnd.nextInt(4) == 0) {
                        if (rnd.nextBoolean()) {
                            jdk = (NavigableSet<Object>) ((java.util.TreeSet<Object>) jdk).clone();
                            ours = (NavigableSet<Object>) ((TreeSet<Object>) ours).clone();
                        } else {
                            jdk = new java.util.TreeSet<>((SortedSet<Object>) jdk);
                            ours = new TreeSet<>((SortedSet<Object>) ours);
                        }
                        sameSet(at + "copy", jdk, ours);
                    } else if (!inView && rnd.nextInt(20) == 0) {
                        a.clear();
                        b.clear();
                    }
                }
                default -> same(at + "size/isEmpty", () -> a.size() + " " + a.isEmpty(), () -> b.size() + " " + b.isEmpty());
            }
        }

        @SuppressWarnings("unchecked")
        void views() {
            NavigableSet<Object> a = jdk;
            NavigableSet<Object> b = ours;
            StringBuilder path = new StringBuilder();
            for (int depth = 1 + rnd.nextInt(3); depth > 0; depth--) {
                Object k1 = key();
                Object k2 = key();
                boolean i1 = rnd.nextBoolean();
                boolean i2 = rnd.nextBoolean();
                int kind = rnd.nextInt(6);
                path.append(' ').append(kind).append(k1).append(i1).append(k2).append(i2);
                NavigableSet<Object>[] na = new NavigableSet[1];
                NavigableSet<Object>[] nb = new NavigableSet[1];
                NavigableSet<Object> ca = a;
                NavigableSet<Object> cb = b;
                String out = same("step " + step + " derive" + path, () -> na[0] = derive(ca, kind, k1, i1, k2, i2),
                        () -> nb[0] = derive(cb, kind, k1, i1, k2, i2));
                if (out.startsWith("EX:")) {
                    return;
                }
                a = na[0];
                b = nb[0];
            }
            for (int i = 1 + rnd.nextInt(6); i > 0; i--) {
                op(a, b, true);
            }
            sameSet("view" + path, a, b);
        }

        static NavigableSet<Object> derive(NavigableSet<Object> s, int kind, Object k1, boolean i1, Object k2, boolean i2) {
            return switch (kind) {
                case 0 -> s.headSet(k1, i1);
                case 1 -> s.tailSet(k1, i1);
                case 2 -> s.subSet(k1, i1, k2, i2);
                case 3 -> s.descendingSet();
                case 4 -> (NavigableSet<Object>) s.headSet(k1);
                default -> (NavigableSet<Object>) s.subSet(k1, k2);
            };
        }
    }

    static String iterRemove(NavigableSet<Object> s, int mod, boolean descending) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Iterator<Object> it = descending ? s.descendingIterator() : s.iterator(); it.hasNext(); i++) {
            sb.append(it.next()).append(' ');
            if (i % mod == 0) {
                it.remove();
            }
        }
        return sb.append(s).toString();
    }

    static String cme(NavigableSet<Object> s, Object k) {
        StringBuilder sb = new StringBuilder();
        try {
            for (Object x : s) {
                sb.append(x).append(' ');
                if (sb.length() > 8) {
                    s.remove(k);
                }
            }
        } catch (RuntimeException e) {
            sb.append(e.getClass().getName());
        }
        return sb.append(s).toString();
    }

    @Test
    void randomNaturalOrder() {
        Object[] keys = TreeMapDifferentialTest.keys();
        for (long seed = 1; seed <= 4; seed++) {
            new Driver(seed, keys, new java.util.TreeSet<>(), new TreeSet<>()).run(1500);
        }
    }

    @Test
    void randomWithComparator() {
        Object[] keys = TreeMapDifferentialTest.keys();
        for (long seed = 11; seed <= 13; seed++) {
            new Driver(seed, keys, new java.util.TreeSet<>(TreeMapDifferentialTest.MOD40),
                    new TreeSet<>(TreeMapDifferentialTest.MOD40)).run(1500);
        }
        Object[] ints = new Object[50];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = i * 3;
        }
        new Driver(20, ints, new java.util.TreeSet<>(Collections.reverseOrder()), new TreeSet<>(Collections.reverseOrder())).run(1500);
    }

    @Test
    void constructorsAndEdges() {
        List<Object> src = new ArrayList<>();
        Random r = new Random(9);
        for (int i = 0; i < 40; i++) {
            src.add(r.nextInt(100));
        }
        sameSet("Collection ctor", new java.util.TreeSet<>(src), new TreeSet<>(src));
        java.util.TreeSet<Object> sorted = new java.util.TreeSet<>(Collections.reverseOrder());
        sorted.addAll(src);
        java.util.TreeSet<Object> a = new java.util.TreeSet<>(sorted);
        TreeSet<Object> b = new TreeSet<>(sorted);
        sameSet("SortedSet ctor", a, b);
        assertSame(sorted.comparator(), b.comparator());
        same("Collection ctor treats a SortedSet as a Collection", () -> new java.util.TreeSet<>((java.util.Collection<Object>) sorted).first(),
                () -> new TreeSet<>((java.util.Collection<Object>) sorted).first());
        same("null element", () -> new java.util.TreeSet<>().add(null), () -> new TreeSet<>().add(null));
        same("non-comparable element", () -> new java.util.TreeSet<>().add(new Opaque()), () -> new TreeSet<>().add(new Opaque()));
        same("first of empty", () -> new java.util.TreeSet<>().first(), () -> new TreeSet<>().first());
        same("pollLast of empty", () -> new java.util.TreeSet<>().pollLast(), () -> new TreeSet<>().pollLast());
        same("subSet reversed", () -> a.subSet(10, 50), () -> b.subSet(10, 50));
        same("headSet add out of range", () -> a.headSet(50).add(10), () -> b.headSet(50).add(10));
        same("tailSet tailSet out of range", () -> a.tailSet(50, true).tailSet(60, true), () -> b.tailSet(50, true).tailSet(60, true));
        same("descending iterator", () -> iterRemove(a.descendingSet(), 100, true), () -> iterRemove(b.descendingSet(), 100, true));
        @SuppressWarnings("unchecked")
        TreeSet<Object> c = (TreeSet<Object>) b.clone();
        c.add(-5);
        assertTrue(!b.contains(-5));
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(!b.equals(c));
        java.util.TreeSet<Object> self1 = new java.util.TreeSet<>(Comparator.comparing(Object::toString));
        TreeSet<Object> self2 = new TreeSet<>(Comparator.comparing(Object::toString));
        self1.add(List.of());
        self2.add(List.of());
        assertEquals(self1.toString(), self2.toString());
        same("toArray typed", () -> a.toArray(new Integer[0]), () -> b.toArray(new Integer[0]));
        same("toArray wrong type", () -> a.toArray(new String[0]), () -> b.toArray(new String[0]));
    }
}
