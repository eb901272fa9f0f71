package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.MapSetDiff.same;
import static org.cometsim.guestlib.java.util.MapSetDiff.sameSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Our HashSet/LinkedHashSet against the JDK's: random sequences, constructor sizing, iteration order. */
class HashSetDifferentialTest {

    static void run(long seed, Set<Object> a, Set<Object> b, boolean linked, int ops) {
        Random r = new Random(seed);
        Object[] keys = HashMapDifferentialTest.keys();
        for (int i = 0; i < ops; i++) {
            Object k = keys[r.nextInt(keys.length)];
            String at = "seed " + seed + " op " + i + " ";
            Set<Object> fa = a;
            Set<Object> fb = b;
            switch (r.nextInt(14)) {
                case 0, 1, 2, 3 -> same(at + "add " + k, () -> fa.add(k), () -> fb.add(k));
                case 4, 5 -> same(at + "remove " + k, () -> fa.remove(k), () -> fb.remove(k));
                case 6 -> same(at + "contains " + k, () -> fa.contains(k), () -> fb.contains(k));
                case 7 -> {
                    List<Object> c = new ArrayList<>();
                    for (int j = r.nextInt(30); j > 0; j--) {
                        c.add(keys[r.nextInt(keys.length)]);
                    }
                    int which = r.nextInt(4);
                    same(at + "bulk " + which, () -> bulk(fa, c, which), () -> bulk(fb, c, which));
                }
                case 8 -> {
                    int mod = 2 + r.nextInt(3);
                    same(at + "iterator remove", () -> iterRemove(fa, mod), () -> iterRemove(fb, mod));
                }
                case 9 -> {
                    int len = r.nextInt(a.size() + 2);
                    same(at + "toArray(T[])", () -> Arrays.asList(fa.toArray(new Object[len])),
                            () -> Arrays.asList(fb.toArray(new Object[len])));
                    same(at + "toArray", () -> fa.toArray(), () -> fb.toArray());
                }
                case 10 -> same(at + "cme", () -> cme(fa, k), () -> cme(fb, k));
                case 11 -> {
                    if (r.nextInt(5) == 0) {
                        a = linked ? new java.util.LinkedHashSet<>(a) : new java.util.HashSet<>(a);
                        b = linked ? new LinkedHashSet<>(b) : new HashSet<>(b);
                    } else if (r.nextInt(3) == 0) {
                        a = cloneJdk(a);
                        b = cloneOurs(b);
                    }
                }
                case 12 -> {
                    if (r.nextInt(20) == 0) {
                        a.clear();
                        b.clear();
                    }
                }
                default -> same(at + "forEach", () -> {
                    StringBuilder sb = new StringBuilder();
                    fa.forEach(x -> sb.append(x).append(' '));
                    return sb.toString();
                }, () -> {
                    StringBuilder sb = new StringBuilder();
                    fb.forEach(x -> sb.append(x).append(' '));
                    return sb.toString();
                });
            }
            if (i % 50 == 0) {
                sameSet(at, a, b);
            }
        }
        sameSet("seed " + seed + " end", a, b);
    }

    @SuppressWarnings("unchecked")
    static Set<Object> cloneJdk(Set<Object> s) {
        return (Set<Object>) ((java.util.HashSet<Object>) s).clone();
    }

    @SuppressWarnings("unchecked")
    static Set<Object> cloneOurs(Set<Object> s) {
        return (Set<Object>) ((HashSet<Object>) s).clone();
    }

    static Object bulk(Set<Object> s, Collection<Object> c, int which) {
        boolean r = switch (which) {
            case 0 -> s.addAll(c);
            case 1 -> s.removeAll(c);
            case 2 -> s.retainAll(new java.util.HashSet<>(c).size() > 0 ? c : List.of());
            default -> s.removeIf(x -> x != null && x.hashCode() % 5 == 0);
        };
        return r + " " + s;
    }

    static String iterRemove(Set<Object> s, int mod) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Iterator<Object> it = s.iterator(); it.hasNext(); i++) {
            sb.append(it.next()).append(' ');
            if (i % mod == 0) {
                it.remove();
            }
        }
        return sb.append(s).toString();
    }

    static String cme(Set<Object> s, Object k) {
        StringBuilder sb = new StringBuilder();
        try {
            for (Object x : s) {
                sb.append(x).append(' ');
                s.add(k);
            }
        } catch (java.util.ConcurrentModificationException e) {
            sb.append("CME");
        }
        return sb.append(s).toString();
    }

    @Test
    void randomHashSet() {
        for (long seed = 1; seed <= 5; seed++) {
            run(seed, new java.util.HashSet<>(), new HashSet<>(), false, 2000);
        }
        run(6, new java.util.HashSet<>(3, 0.5f), new HashSet<>(3, 0.5f), false, 1500);
        run(7, new java.util.HashSet<>(100), new HashSet<>(100), false, 1500);
    }

    @Test
    void randomLinkedHashSet() {
        for (long seed = 1; seed <= 4; seed++) {
            run(seed, new java.util.LinkedHashSet<>(), new LinkedHashSet<>(), true, 2000);
        }
        run(5, new java.util.LinkedHashSet<>(2, 2f), new LinkedHashSet<>(2, 2f), true, 1500);
    }

    @Test
    void collectionConstructorSizing() {
        Random r = new Random(3);
        for (int n : new int[] {0, 1, 5, 11, 12, 13, 20, 24, 25, 48, 49, 100, 700}) {
            List<Object> src = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                src.add(r.nextBoolean() ? "s" + r.nextInt(1000) : Integer.valueOf(r.nextInt(100000)));
            }
            java.util.HashSet<Object> a = new java.util.HashSet<>(src);
            HashSet<Object> b = new HashSet<>(src);
            sameSet("HashSet(" + n + ")", a, b);
            java.util.LinkedHashSet<Object> c = new java.util.LinkedHashSet<>(src);
            LinkedHashSet<Object> d = new LinkedHashSet<>(src);
            sameSet("LinkedHashSet(" + n + ")", c, d);
            // later growth depends on the initial table
            for (int i = 0; i < 2 * n + 10; i++) {
                Object x = Integer.valueOf(r.nextInt(1 << 20));
                a.add(x);
                b.add(x);
            }
            sameSet("grown " + n, a, b);
        }
    }

    @Test
    void edgeCases() {
        same("negative capacity", () -> new java.util.HashSet<>(-1), () -> new HashSet<>(-1));
        same("bad load factor", () -> new java.util.LinkedHashSet<>(1, -1f), () -> new LinkedHashSet<>(1, -1f));
        same("null collection", () -> new java.util.HashSet<>(null), () -> new HashSet<>(null));
        java.util.HashSet<Object> a = new java.util.HashSet<>();
        HashSet<Object> b = new HashSet<>();
        assertEquals(a.toString(), b.toString());
        a.add(a);
        b.add(b);
        assertEquals("[(this Collection)]", b.toString());
        a.clear();
        b.clear();
        for (Object o : new Object[] {null, "a", 1, null, 2.5}) {
            assertEquals(a.add(o), b.add(o));
        }
        sameSet("nulls", a, b);
        assertEquals(a.remove(null), b.remove(null));
        assertEquals(a.remove(null), b.remove(null));
        sameSet("removed null", a, b);
        HashSet<Object> c = cloneOursTyped(b);
        assertNotSame(c, b);
        c.add("only in clone");
        assertTrue(!b.contains("only in clone"));
        assertTrue(b.equals(a) && !c.equals(a));
        same("ArrayStoreException", () -> b.toArray(new String[0]), () -> a.toArray(new String[0]));
        java.util.HashSet<Object> s1 = new java.util.HashSet<>(List.of("x", "y"));
        HashSet<Object> s2 = new HashSet<>(List.of("x", "y"));
        same("typed toArray", () -> s1.toArray(new String[0]), () -> s2.toArray(new String[0]));
        same("typed toArray big", () -> s1.toArray(new String[] {"1", "2", "3", "4"}),
                () -> s2.toArray(new String[] {"1", "2", "3", "4"}));
    }

    @SuppressWarnings("unchecked")
    private static HashSet<Object> cloneOursTyped(HashSet<Object> s) {
        return (HashSet<Object>) s.clone();
    }
}
