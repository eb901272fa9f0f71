package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.MapSetDiff.same;
import static org.cometsim.guestlib.java.util.MapSetDiff.sameMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.cometsim.guestlib.java.util.MapSetDiff.Key;
import org.cometsim.guestlib.java.util.MapSetDiff.Opaque;
import org.junit.jupiter.api.Test;

/** Our HashMap against java.util.HashMap: random op sequences (iteration order included) and edge cases. */
class HashMapDifferentialTest {

    /**
     * Key universe: ids 0..127 hashed by id, three groups of equal hash codes (one with high bits
     * that only the hash spreading brings down), an Opaque key, and null. Bins never reach the JDK's
     * treeify size once the table has 64 bins (a documented deviation), but do on smaller tables,
     * where the JDK resizes instead.
     */
    static Object[] keys() {
        List<Object> k = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            k.add(new Key(i, i));
        }
        for (int i = 0; i < 5; i++) {
            k.add(new Key(1000 + i, 1024 + 40));
            k.add(new Key(2000 + i, 2048 + 56));
        }
        for (int i = 0; i < 4; i++) {
            k.add(new Key(3000 + i, 0x50003));
        }
        k.add(new Opaque() {
            @Override
            public int hashCode() {
                return 77;
            }
        });
        k.add(null);
        return k.toArray();
    }

    @SuppressWarnings("unchecked")
    static MapDriver driver(long seed, Map<Object, Object> jdk, Map<Object, Object> ours) {
        return new MapDriver(seed, keys(), jdk, ours,
                m -> new Random(seed).nextBoolean() ? (Map<Object, Object>) ((java.util.HashMap<Object, Object>) m).clone()
                        : new java.util.HashMap<>(m),
                m -> new Random(seed).nextBoolean() ? (Map<Object, Object>) ((HashMap<Object, Object>) m).clone()
                        : new HashMap<>(m));
    }

    @Test
    void randomSequencesDefaultConstructor() {
        for (long seed = 1; seed <= 4; seed++) {
            driver(seed, new java.util.HashMap<>(), new HashMap<>()).run(2000, false);
        }
    }

    @Test
    void randomSequencesSizedConstructors() {
        int[] caps = {0, 1, 2, 3, 5, 17, 64, 100};
        float[] lfs = {0.75f, 0.5f, 1f, 0.3f, 2.5f};
        for (int i = 0; i < caps.length; i++) {
            float lf = lfs[i % lfs.length];
            driver(100 + i, new java.util.HashMap<>(caps[i], lf), new HashMap<>(caps[i], lf)).run(700, false);
            driver(200 + i, new java.util.HashMap<>(caps[i]), new HashMap<>(caps[i])).run(300, false);
        }
    }

    @Test
    void iterationOrderAfterManyPutsRemovesAndResizes() {
        Random r = new Random(42);
        java.util.HashMap<Object, Object> a = new java.util.HashMap<>();
        HashMap<Object, Object> b = new HashMap<>();
        for (int i = 0; i < 12000; i++) {
            Object k = r.nextInt(3) == 0 ? "s" + r.nextInt(3000) : Integer.valueOf(r.nextInt(5000) * (r.nextBoolean() ? 1 : 65536));
            if (r.nextInt(3) == 0) {
                assertEquals(a.remove(k), b.remove(k));
            } else {
                assertEquals(a.put(k, i), b.put(k, i));
            }
        }
        sameMap("big", a, b);
        assertEquals(new ArrayList<>(a.keySet()), new ArrayList<>(b.keySet()));
        sameMap("copy", new java.util.HashMap<>(a), new HashMap<>(b));
        sameMap("clone", (Map<?, ?>) a.clone(), (Map<?, ?>) b.clone());
    }

    @Test
    void sizingOfCopyCloneAndPutAll() {
        java.util.HashMap<Object, Object> a = new java.util.HashMap<>();
        HashMap<Object, Object> b = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            a.put(i * 7, i);
            b.put(i * 7, i);
        }
        for (int i = 5; i < 100; i++) {
            a.remove(i * 7);
            b.remove(i * 7);
        }
        // clone sizes its table for the current size, not the original's table
        java.util.HashMap<Object, Object> ac = (java.util.HashMap<Object, Object>) a.clone();
        HashMap<Object, Object> bc = (HashMap<Object, Object>) b.clone();
        for (int i = 0; i < 20; i++) {
            ac.put(i * 3, i);
            bc.put(i * 3, i);
            sameMap("clone grow " + i, ac, bc);
        }
        // putAll of a big map into a small non-empty one pre-resizes repeatedly
        java.util.IdentityHashMap<Object, Object> src = new java.util.IdentityHashMap<>();
        for (int i = 0; i < 100; i++) {
            src.put(new String("s"), i);
        }
        java.util.HashMap<Object, Object> p = new java.util.HashMap<>();
        HashMap<Object, Object> q = new HashMap<>();
        p.put("x", 1);
        q.put("x", 1);
        p.putAll(src);
        q.putAll(src);
        for (int i = 0; i < 300; i += 3) {
            p.put(i, i);
            q.put(i, i);
        }
        sameMap("putAll presize", p, q);
        // empty clone with a custom load factor gets the default threshold
        java.util.HashMap<Object, Object> e1 = new java.util.HashMap<>(4, 0.3f);
        HashMap<Object, Object> e2 = new HashMap<>(4, 0.3f);
        e1.put(1, 1);
        e2.put(1, 1);
        e1.remove(1);
        e2.remove(1);
        java.util.HashMap<Object, Object> e1c = (java.util.HashMap<Object, Object>) e1.clone();
        HashMap<Object, Object> e2c = (HashMap<Object, Object>) e2.clone();
        for (int i = 0; i < 40; i++) {
            e1c.put(i * 5, i);
            e2c.put(i * 5, i);
            sameMap("empty clone " + i, e1c, e2c);
        }
    }

    @Test
    void computeFamilyInsertsAtBinHeadWithoutResizing() {
        java.util.HashMap<Object, Object> a = new java.util.HashMap<>();
        HashMap<Object, Object> b = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            a.put(i, i);
            b.put(i, i);
        }
        a.computeIfAbsent(16, k -> 1);
        b.computeIfAbsent(16, k -> 1);
        a.merge(32, 1, (x, y) -> (Integer) x + (Integer) y);
        b.merge(32, 1, (x, y) -> (Integer) x + (Integer) y);
        a.compute(48, (k, v) -> 2);
        b.compute(48, (k, v) -> 2);
        sameMap("head insert, size over threshold", a, b);
        a.merge(0, 1, (x, y) -> (Integer) x + (Integer) y);
        b.merge(0, 1, (x, y) -> (Integer) x + (Integer) y);
        sameMap("deferred resize", a, b);
        // colliding keys via compute: 8 nodes make a small table resize (9 would treeify: deviation)
        java.util.HashMap<Object, Object> c = new java.util.HashMap<>();
        HashMap<Object, Object> d = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            Key k = new Key(i, 5);
            c.computeIfAbsent(k, x -> 1);
            d.computeIfAbsent(k, x -> 1);
            c.put(new Key(100 + i, 21), i);
            d.put(new Key(100 + i, 21), i);
            sameMap("collide " + i, c, d);
        }
    }

    /**
     * Documented deviation: the JDK treeifies a bin of 9 colliding keys once the table has 64 bins
     * and then iterates that bin in tree-root-first order; we keep list order. Contents still agree.
     */
    @Test
    void treeifiedBinsOnlyDifferInOrder() {
        java.util.HashMap<Object, Object> a = new java.util.HashMap<>(64);
        HashMap<Object, Object> b = new HashMap<>(64);
        for (int i = 0; i < 12; i++) {
            a.put(new Key(i, 3), i);
            b.put(new Key(i, 3), i);
        }
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(new java.util.HashSet<>(a.keySet()), b.keySet());
        for (int i = 0; i < 12; i += 2) {
            assertEquals(a.remove(new Key(i, 3)), b.remove(new Key(i, 3)));
        }
        assertEquals(a, b);
    }

    @Test
    void constructorsAndArguments() {
        same("negative capacity", () -> new java.util.HashMap<>(-1), () -> new HashMap<>(-1));
        same("bad load factor", () -> new java.util.HashMap<>(4, 0f), () -> new HashMap<>(4, 0f));
        same("NaN load factor", () -> new java.util.HashMap<>(4, Float.NaN), () -> new HashMap<>(4, Float.NaN));
        same("huge capacity", () -> new java.util.HashMap<>(Integer.MAX_VALUE).size(), () -> new HashMap<>(Integer.MAX_VALUE).size());
        same("copy null", () -> new java.util.HashMap<>(null), () -> new HashMap<>(null));
        java.util.HashMap<Object, Object> a = new java.util.HashMap<>();
        HashMap<Object, Object> b = new HashMap<>();
        same("forEach null", () -> {
            a.forEach(null);
            return 0;
        }, () -> {
            b.forEach(null);
            return 0;
        });
        same("replaceAll null", () -> {
            a.replaceAll(null);
            return 0;
        }, () -> {
            b.replaceAll(null);
            return 0;
        });
        same("merge null value", () -> a.merge(1, null, (x, y) -> x), () -> b.merge(1, null, (x, y) -> x));
        same("computeIfAbsent null fn", () -> a.computeIfAbsent(1, null), () -> b.computeIfAbsent(1, null));
        same("compute null fn", () -> a.compute(1, null), () -> b.compute(1, null));
        same("computeIfPresent null fn", () -> a.computeIfPresent(1, null), () -> b.computeIfPresent(1, null));
        same("keySet.forEach null", () -> {
            a.keySet().forEach(null);
            return 0;
        }, () -> {
            b.keySet().forEach(null);
            return 0;
        });
    }

    @Test
    void nullKeysValuesAndToString() {
        java.util.HashMap<Object, Object> a = new java.util.HashMap<>();
        HashMap<Object, Object> b = new HashMap<>();
        assertEquals(a.toString(), b.toString());
        for (Map<Object, Object> m : List.<Map<Object, Object>>of(a, b)) {
            m.put(null, null);
            m.put("a", null);
            m.put(null, "n");
            m.put(m, m);
            m.put("self", m);
        }
        assertEquals(a.toString(), b.toString());
        assertTrue(b.toString().contains("(this Map)=(this Map)"));
        for (Map<Object, Object> m : List.<Map<Object, Object>>of(a, b)) {
            // hashing m would recurse now (in the JDK too): remove without hashing
            m.values().removeIf(v -> v == m);
        }
        sameMap("nulls", a, b);
        same("get null", () -> a.get(null), () -> b.get(null));
        same("containsValue null", () -> a.containsValue(null), () -> b.containsValue(null));
        same("merge onto null value", () -> a.merge("a", 5, (x, y) -> 9), () -> b.merge("a", 5, (x, y) -> 9));
        same("computeIfAbsent onto null", () -> a.computeIfAbsent(null, k -> "z"), () -> b.computeIfAbsent(null, k -> "z"));
        same("putIfAbsent onto null", () -> a.putIfAbsent("q", null), () -> b.putIfAbsent("q", null));
        same("putIfAbsent replaces null", () -> a.putIfAbsent("q", 1), () -> b.putIfAbsent("q", 1));
        sameMap("after", a, b);
        // entries
        Map.Entry<Object, Object> ea = a.entrySet().iterator().next();
        Map.Entry<Object, Object> eb = b.entrySet().iterator().next();
        assertEquals(ea.toString(), eb.toString());
        assertEquals(ea.hashCode(), eb.hashCode());
        assertTrue(ea.equals(eb) && eb.equals(ea));
    }

    @Test
    void iteratorContracts() {
        @SuppressWarnings("unchecked")
        Map<Object, Object>[][] pairs = new Map[][] {{new java.util.HashMap<>(), new HashMap<>()},
            {new java.util.LinkedHashMap<>(), new LinkedHashMap<>()},
            {new java.util.LinkedHashMap<>(8, .75f, true), new LinkedHashMap<>(8, .75f, true)}};
        for (Map<Object, Object>[] p : pairs) {
            same("next on empty", () -> p[0].keySet().iterator().next(), () -> p[1].keySet().iterator().next());
            same("remove before next", () -> {
                p[0].values().iterator().remove();
                return 0;
            }, () -> {
                p[1].values().iterator().remove();
                return 0;
            });
            for (int i = 0; i < 5; i++) {
                p[0].put(i, i);
                p[1].put(i, i);
            }
            same("double remove", () -> twice(p[0]), () -> twice(p[1]));
            same("cme on next after put", () -> cme(p[0]), () -> cme(p[1]));
            same("cme on remove after put", () -> cmeRemove(p[0]), () -> cmeRemove(p[1]));
            same("no cme on value update", () -> valueUpdate(p[0]), () -> valueUpdate(p[1]));
            sameMap("after", p[0], p[1]);
        }
    }

    private static String twice(Map<Object, Object> m) {
        Iterator<Object> it = m.keySet().iterator();
        it.next();
        it.remove();
        try {
            it.remove();
            return "no";
        } catch (IllegalStateException e) {
            return "ISE " + m;
        }
    }

    private static String cme(Map<Object, Object> m) {
        Iterator<Map.Entry<Object, Object>> it = m.entrySet().iterator();
        it.next();
        m.put("new", 1);
        try {
            it.next();
            return "no";
        } catch (java.util.ConcurrentModificationException e) {
            return "CME " + it.hasNext();
        }
    }

    private static String cmeRemove(Map<Object, Object> m) {
        Iterator<Object> it = m.values().iterator();
        it.next();
        m.remove("new");
        try {
            it.remove();
            return "no";
        } catch (java.util.ConcurrentModificationException e) {
            return "CME " + m;
        }
    }

    private static String valueUpdate(Map<Object, Object> m) {
        StringBuilder sb = new StringBuilder();
        for (Iterator<Object> it = m.keySet().iterator(); it.hasNext();) {
            Object k = it.next();
            m.put(k, "u");
            sb.append(k);
        }
        return sb.append(m).toString();
    }

    @Test
    void keysWithThrowingAndCountingHashCodes() {
        int[] calls = new int[1];
        Object counting = new Object() {
            @Override
            public int hashCode() {
                calls[0]++;
                return 1;
            }
        };
        for (Map<Object, Object> m : List.<Map<Object, Object>>of(new java.util.HashMap<>(), new HashMap<>())) {
            calls[0] = 0;
            m.get(counting);
            m.containsKey(counting);
            m.getOrDefault(counting, 1);
            m.replace(counting, 1);
            m.computeIfPresent(counting, (x, y) -> 1);
            int lazy = calls[0];
            m.remove(counting);
            m.keySet().remove(counting);
            assertEquals(0, lazy, "no hashing before the table exists");
            assertEquals(2, calls[0]);
        }
    }

    @Test
    void equalsAcrossImplementations() {
        java.util.HashMap<Object, Object> a = new java.util.HashMap<>();
        HashMap<Object, Object> b = new HashMap<>();
        java.util.TreeMap<Object, Object> t = new java.util.TreeMap<>();
        for (int i = 0; i < 10; i++) {
            a.put(i, i % 3 == 0 ? null : i);
            b.put(i, i % 3 == 0 ? null : i);
            t.put(i, i % 3 == 0 ? null : i);
        }
        assertTrue(b.equals(a) && a.equals(b) && b.equals(t) && t.equals(b));
        assertEquals(a.hashCode(), b.hashCode());
        b.put(0, 0);
        assertTrue(!b.equals(a) && !a.equals(b));
        b.put(0, null);
        b.remove(9);
        b.put(10, 9);
        assertTrue(!b.equals(a) && !a.equals(b));
        assertTrue(!b.equals("x") && !b.equals(null));
        assertEquals(new java.util.HashSet<>(b.keySet()), b.keySet());
        assertTrue(b.keySet().equals(new java.util.HashSet<>(b.keySet())));
        assertTrue(b.entrySet().equals(new java.util.HashSet<>(b.entrySet())));
        HashMap<Object, Object> c = (HashMap<Object, Object>) b.clone();
        assertNotSame(b.keySet(), c.keySet());
        assertEquals(b, c);
        c.put("new", 1);
        assertTrue(!b.containsKey("new"));
    }
}
