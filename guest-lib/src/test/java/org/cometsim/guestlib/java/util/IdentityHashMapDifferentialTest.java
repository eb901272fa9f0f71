package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.MapSetDiff.same;
import static org.cometsim.guestlib.java.util.MapSetDiff.sameMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Our IdentityHashMap against java.util.IdentityHashMap. On one JVM both see the same identity
 * hash codes, so even iteration order must agree (across VMs it cannot, by design).
 */
class IdentityHashMapDifferentialTest {

    /**
     * Equal-but-distinct strings (identity matters). No null key: it is stored as a sentinel object
     * whose identity hash differs between the two implementations, so its position (and thus the
     * order) legitimately differs; null keys are covered by {@link #nullKey()}.
     */
    static Object[] keys() {
        List<Object> k = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            k.add(new String("s" + (i % 10)));
        }
        return k.toArray();
    }

    @Test
    void nullKey() {
        java.util.IdentityHashMap<Object, Object> a = new java.util.IdentityHashMap<>();
        IdentityHashMap<Object, Object> b = new IdentityHashMap<>();
        for (int i = 0; i < 30; i++) {
            Object k = i % 7 == 0 ? null : Integer.valueOf(i);
            a.put(k, i);
            b.put(k, i);
            if (i % 5 == 0) {
                assertEquals(a.remove(null), b.remove(null));
            }
            assertEquals(a.get(null), b.get(null));
            assertEquals(a.containsKey(null), b.containsKey(null));
            assertEquals(a, b);
            assertEquals(b, a);
            assertEquals(a.hashCode(), b.hashCode());
            assertEquals(new java.util.HashSet<>(a.keySet()), new java.util.HashSet<>(b.keySet()));
        }
        b.put(null, "x");
        assertTrue(b.toString().contains("null=x"));
        assertTrue(b.entrySet().contains(Map.entry("x", "x")) == false);
    }

    @SuppressWarnings("unchecked")
    static MapDriver driver(long seed, Map<Object, Object> jdk, Map<Object, Object> ours) {
        return new MapDriver(seed, keys(), jdk, ours,
                m -> new Random(seed).nextBoolean() ? (Map<Object, Object>) ((java.util.IdentityHashMap<Object, Object>) m).clone()
                        : new java.util.IdentityHashMap<>(m),
                m -> new Random(seed).nextBoolean() ? (Map<Object, Object>) ((IdentityHashMap<Object, Object>) m).clone()
                        : new IdentityHashMap<>(m));
    }

    @Test
    void randomSequences() {
        for (long seed = 1; seed <= 3; seed++) {
            driver(seed, new java.util.IdentityHashMap<>(), new IdentityHashMap<>()).run(2000, false);
        }
        for (int cap : new int[] {0, 1, 2, 3, 10, 100}) {
            driver(cap + 50, new java.util.IdentityHashMap<>(cap), new IdentityHashMap<>(cap)).run(800, false);
        }
    }

    @Test
    void iteratorRemovalNearTableEnd() {
        // many removals through iterators exercise the gap closure and the copied-traversal case
        Random r = new Random(77);
        for (int round = 0; round < 200; round++) {
            java.util.IdentityHashMap<Object, Object> a = new java.util.IdentityHashMap<>(4);
            IdentityHashMap<Object, Object> b = new IdentityHashMap<>(4);
            for (int i = r.nextInt(40); i > 0; i--) {
                Object k = new Object();
                a.put(k, i);
                b.put(k, i);
            }
            int mod = 1 + r.nextInt(3);
            same("round " + round, () -> removeEvery(a, mod), () -> removeEvery(b, mod));
            sameMap("round " + round, a, b);
        }
    }

    private static String removeEvery(Map<Object, Object> m, int mod) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        List<Map.Entry<Object, Object>> removed = new ArrayList<>();
        for (Iterator<Map.Entry<Object, Object>> it = m.entrySet().iterator(); it.hasNext(); i++) {
            Map.Entry<Object, Object> e = it.next();
            sb.append(e.getValue()).append(' ');
            if (i % mod == 0) {
                it.remove();
                removed.add(e);
            } else {
                e.setValue(-i);
            }
        }
        for (Map.Entry<Object, Object> e : removed) {
            try {
                e.getKey();
            } catch (IllegalStateException ex) {
                sb.append(ex.getMessage()).append(';');
            }
        }
        return sb.toString();
    }

    @Test
    void referenceSemantics() {
        java.util.IdentityHashMap<Object, Object> a = new java.util.IdentityHashMap<>();
        IdentityHashMap<Object, Object> b = new IdentityHashMap<>();
        String k1 = new String("k");
        String k2 = new String("k");
        Integer v = 1000;
        Integer w = 1000;
        String k3 = new String("z");
        for (Map<Object, Object> m : List.<Map<Object, Object>>of(a, b)) {
            m.put(k1, v);
            m.put(k2, w);
            m.put(k3, null);
        }
        sameMap("two equal keys", a, b);
        same("containsValue equal but distinct", () -> a.containsValue(Integer.valueOf(1000) == v ? null : new Integer(1000)),
                () -> b.containsValue(Integer.valueOf(1000) == v ? null : new Integer(1000)));
        same("get equal key", () -> a.get("k"), () -> b.get("k"));
        same("remove(k, v) uses equals in JDK 17", () -> a.remove(k1, new Integer(1000)), () -> b.remove(k1, new Integer(1000)));
        same("replace3 uses equals in JDK 17", () -> a.replace(k2, new Integer(1000), 5), () -> b.replace(k2, new Integer(1000), 5));
        same("entrySet.contains by reference", () -> a.entrySet().contains(Map.entry(k2, 5)), () -> b.entrySet().contains(Map.entry(k2, 5)));
        same("entrySet.remove by reference", () -> a.entrySet().remove(new java.util.AbstractMap.SimpleEntry<>(k2, new Integer(5))),
                () -> b.entrySet().remove(new java.util.AbstractMap.SimpleEntry<>(k2, new Integer(5))));
        same("values.remove by reference", () -> a.values().remove(new Integer(5)), () -> b.values().remove(new Integer(5)));
        same("keySet hashCode", () -> a.keySet().hashCode(), () -> b.keySet().hashCode());
        same("entrySet toArray", () -> a.entrySet().toArray(), () -> b.entrySet().toArray());
        same("keySet toArray typed", () -> a.keySet().toArray(new String[0]), () -> b.keySet().toArray(new String[0]));
        same("equals HashMap", () -> a.equals(new java.util.HashMap<>(a)), () -> b.equals(new java.util.HashMap<>(b)));
        java.util.HashMap<Object, Object> hm = new java.util.HashMap<>();
        hm.put(new String("k"), v);
        hm.put(k3, null);
        same("equals HashMap with equal keys", () -> a.equals(hm), () -> b.equals(hm));
        assertTrue(b.equals(a) && a.equals(b));
        same("negative size", () -> new java.util.IdentityHashMap<>(-1), () -> new IdentityHashMap<>(-1));
        same("toString", a::toString, b::toString);
        IdentityHashMap<Object, Object> c = (IdentityHashMap<Object, Object>) b.clone();
        c.put("new", 1);
        assertTrue(!b.containsKey("new"));
        assertEquals(a, b);
    }
}
