package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.MapSetDiff.same;
import static org.cometsim.guestlib.java.util.MapSetDiff.sameMap;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Our LinkedHashMap against java.util.LinkedHashMap: insertion/access order, eviction hook, views. */
class LinkedHashMapDifferentialTest {

    /** JDK LRU map evicting above max entries, recording the eldest entries it was offered. */
    static final class JdkLru extends java.util.LinkedHashMap<Object, Object> {
        final int max;
        final List<String> offered = new ArrayList<>();

        JdkLru(int max, boolean accessOrder) {
            super(4, 0.75f, accessOrder);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            offered.add(String.valueOf(eldest));
            return size() > max;
        }
    }

    /** Our counterpart of {@link JdkLru}: a user subclass overriding the protected hook. */
    static final class OurLru extends LinkedHashMap<Object, Object> {
        final int max;
        final List<String> offered = new ArrayList<>();

        OurLru(int max, boolean accessOrder) {
            super(4, 0.75f, accessOrder);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            offered.add(String.valueOf(eldest));
            return size() > max;
        }
    }

    @SuppressWarnings("unchecked")
    static MapDriver driver(long seed, Map<Object, Object> jdk, Map<Object, Object> ours) {
        return new MapDriver(seed, HashMapDifferentialTest.keys(), jdk, ours,
                m -> (Map<Object, Object>) ((java.util.HashMap<Object, Object>) m).clone(),
                m -> (Map<Object, Object>) ((HashMap<Object, Object>) m).clone());
    }

    @Test
    void randomInsertionOrder() {
        for (long seed = 1; seed <= 4; seed++) {
            driver(seed, new java.util.LinkedHashMap<>(), new LinkedHashMap<>()).run(2000, false);
        }
    }

    @Test
    void randomAccessOrder() {
        for (long seed = 11; seed <= 14; seed++) {
            driver(seed, new java.util.LinkedHashMap<>(16, 0.75f, true), new LinkedHashMap<>(16, 0.75f, true))
                    .run(2000, false);
        }
    }

    @Test
    void randomWithEvictingSubclass() {
        for (long seed = 21; seed <= 24; seed++) {
            boolean access = seed % 2 == 0;
            JdkLru a = new JdkLru(10 + (int) seed, access);
            OurLru b = new OurLru(10 + (int) seed, access);
            MapDriver d = new MapDriver(seed, HashMapDifferentialTest.keys(), a, b, null, null);
            d.run(2000, false);
            assertEquals(a.offered, b.offered, "removeEldestEntry calls");
        }
    }

    @Test
    void evictionHookIsNotCalledByCopyConstructorOrClone() {
        JdkLru a = new JdkLru(3, false);
        OurLru b = new OurLru(3, false);
        for (int i = 0; i < 10; i++) {
            a.put(i, i);
            b.put(i, i);
        }
        a.putAll(Map.of("x", 1, "y", 2));
        b.putAll(Map.of("x", 1, "y", 2));
        a.computeIfAbsent("z", k -> 3);
        b.computeIfAbsent("z", k -> 3);
        a.merge("w", 1, (x, y) -> x);
        b.merge("w", 1, (x, y) -> x);
        a.compute("v", (k, v) -> 1);
        b.compute("v", (k, v) -> 1);
        a.putIfAbsent("u", 1);
        b.putIfAbsent("u", 1);
        a.put("u", 2); // existing key: no hook call
        b.put("u", 2);
        assertEquals(a.offered, b.offered);
        sameMap("lru", a, b);
        int before = b.offered.size();
        JdkLru ac = (JdkLru) a.clone();
        OurLru bc = (OurLru) b.clone();
        sameMap("clone", ac, bc);
        assertEquals(before, b.offered.size());
        sameMap("copy", new java.util.LinkedHashMap<>(a), new LinkedHashMap<>(b));
    }

    @Test
    void accessOrderCountsAsModification() {
        java.util.LinkedHashMap<Object, Object> a = new java.util.LinkedHashMap<>(16, 0.75f, true);
        LinkedHashMap<Object, Object> b = new LinkedHashMap<>(16, 0.75f, true);
        for (int i = 0; i < 6; i++) {
            a.put(i, i);
            b.put(i, i);
        }
        same("get during iteration", () -> getWhileIterating(a), () -> getWhileIterating(b));
        same("get of tail is no modification", () -> {
            var it = a.keySet().iterator();
            it.next();
            a.get(5);
            return it.next();
        }, () -> {
            var it = b.keySet().iterator();
            it.next();
            b.get(5);
            return it.next();
        });
        for (String op : new String[] {"get", "getOrDefault", "put", "putIfAbsent", "replace", "replace3",
            "computeIfAbsent", "computeIfPresent", "compute", "merge"}) {
            same(op, () -> access(a, op), () -> access(b, op));
        }
        sameMap("after", a, b);
    }

    private static String getWhileIterating(Map<Object, Object> m) {
        StringBuilder sb = new StringBuilder();
        try {
            for (Object k : m.keySet()) {
                sb.append(k);
                m.get(2);
            }
        } catch (java.util.ConcurrentModificationException e) {
            sb.append(" CME");
        }
        return sb.append(m).toString();
    }

    private static String access(Map<Object, Object> m, String op) {
        switch (op) {
            case "get" -> m.get(1);
            case "getOrDefault" -> m.getOrDefault(2, 0);
            case "put" -> m.put(3, 33);
            case "putIfAbsent" -> m.putIfAbsent(4, 44);
            case "replace" -> m.replace(0, 10);
            case "replace3" -> m.replace(1, 1, 11);
            case "computeIfAbsent" -> m.computeIfAbsent(2, k -> 5);
            case "computeIfPresent" -> m.computeIfPresent(3, (k, v) -> 7);
            case "compute" -> m.compute(4, (k, v) -> 8);
            default -> m.merge(5, 1, (x, y) -> 9);
        }
        return m.toString();
    }

    @Test
    void forEachStopsAtRemovedEntryLikeTheJdk() {
        java.util.LinkedHashMap<Object, Object> a = new java.util.LinkedHashMap<>();
        LinkedHashMap<Object, Object> b = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            a.put(i, i);
            b.put(i, i);
        }
        same("forEach removing current", () -> removeCurrent(a), () -> removeCurrent(b));
        sameMap("after", a, b);
    }

    private static String removeCurrent(Map<Object, Object> m) {
        StringBuilder sb = new StringBuilder();
        try {
            m.forEach((k, v) -> {
                sb.append(k);
                if (k.equals(2)) {
                    m.remove(2);
                }
            });
        } catch (java.util.ConcurrentModificationException e) {
            sb.append(" CME");
        }
        return sb.toString();
    }
}
