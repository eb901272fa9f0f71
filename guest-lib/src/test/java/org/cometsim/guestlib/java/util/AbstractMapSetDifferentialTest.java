package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.MapSetDiff.same;
import static org.cometsim.guestlib.java.util.MapSetDiff.sameMap;
import static org.cometsim.guestlib.java.util.MapSetDiff.sameSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Our skeletal AbstractMap/AbstractSet (subclassed the way user code does) and the entry classes,
 * against the JDK's.
 */
class AbstractMapSetDifferentialTest {

    /** Minimal modifiable user map over a list of entries, JDK base class. */
    static final class JdkListMap extends java.util.AbstractMap<Object, Object> {
        final List<Map.Entry<Object, Object>> list = new ArrayList<>();

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<Object, Object>> iterator() {
                    return list.iterator();
                }

                @Override
                public int size() {
                    return list.size();
                }
            };
        }

        @Override
        public Object put(Object k, Object v) {
            for (Map.Entry<Object, Object> e : list) {
                if (java.util.Objects.equals(e.getKey(), k)) {
                    return e.setValue(v);
                }
            }
            list.add(new java.util.AbstractMap.SimpleEntry<>(k, v));
            return null;
        }
    }

    /** The same user map on our base classes. */
    static final class OurListMap extends AbstractMap<Object, Object> {
        final List<Map.Entry<Object, Object>> list = new ArrayList<>();

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<Object, Object>> iterator() {
                    return list.iterator();
                }

                @Override
                public int size() {
                    return list.size();
                }
            };
        }

        @Override
        public Object put(Object k, Object v) {
            for (Map.Entry<Object, Object> e : list) {
                if (java.util.Objects.equals(e.getKey(), k)) {
                    return e.setValue(v);
                }
            }
            list.add(new AbstractMap.SimpleEntry<>(k, v));
            return null;
        }
    }

    @Test
    void skeletalMapRandom() {
        for (long seed = 1; seed <= 3; seed++) {
            Random r = new Random(seed);
            JdkListMap a = new JdkListMap();
            OurListMap b = new OurListMap();
            for (int i = 0; i < 600; i++) {
                Object k = r.nextInt(15) == 0 ? null : Integer.valueOf(r.nextInt(25));
                Object v = r.nextInt(10) == 0 ? null : Integer.valueOf(r.nextInt(5));
                String at = "seed " + seed + " op " + i;
                switch (r.nextInt(12)) {
                    case 0, 1, 2 -> same(at + " put", () -> a.put(k, v), () -> b.put(k, v));
                    case 3 -> same(at + " get", () -> a.get(k), () -> b.get(k));
                    case 4 -> same(at + " remove", () -> a.remove(k), () -> b.remove(k));
                    case 5 -> same(at + " containsKey", () -> a.containsKey(k), () -> b.containsKey(k));
                    case 6 -> same(at + " containsValue", () -> a.containsValue(v), () -> b.containsValue(v));
                    case 7 -> same(at + " keySet.remove", () -> a.keySet().remove(k), () -> b.keySet().remove(k));
                    case 8 -> same(at + " values.remove", () -> a.values().remove(v), () -> b.values().remove(v));
                    case 9 -> same(at + " keySet contains/size", () -> a.keySet().contains(k) + " " + a.keySet().size() + a.values().isEmpty(),
                            () -> b.keySet().contains(k) + " " + b.keySet().size() + b.values().isEmpty());
                    case 10 -> same(at + " putAll", () -> {
                        a.putAll(Map.of(k == null ? 0 : k, 1, 99, 2));
                        return a.toString();
                    }, () -> {
                        b.putAll(Map.of(k == null ? 0 : k, 1, 99, 2));
                        return b.toString();
                    });
                    default -> {
                        if (r.nextInt(10) == 0) {
                            a.keySet().clear();
                            b.keySet().clear();
                        }
                    }
                }
                sameMap(at, a, b);
            }
        }
    }

    @Test
    void skeletalMapEqualsAndToString() {
        JdkListMap a = new JdkListMap();
        OurListMap b = new OurListMap();
        assertEquals(a.toString(), b.toString());
        a.put(a, a);
        b.put(b, b);
        assertEquals("{(this Map)=(this Map)}", b.toString());
        assertEquals(a.toString(), b.toString());
        a.list.clear();
        b.list.clear();
        a.put("k", null);
        b.put("k", null);
        assertTrue(!b.equals(Map.of("j", 1)));
        java.util.HashMap<Object, Object> withNull = new java.util.HashMap<>();
        withNull.put("j", null);
        assertTrue(!b.equals(withNull), "null value needs containsKey");
        withNull.clear();
        withNull.put("k", null);
        assertTrue(b.equals(withNull) && withNull.equals(b));
        // Map.of rejects null lookups with NPE: equals answers false like the JDK
        same("equals catches NPE", () -> a.equals(Map.of("k", 1)), () -> b.equals(Map.of("k", 1)));
        java.util.TreeMap<Object, Object> tm = new java.util.TreeMap<>();
        tm.put(1, 1);
        OurListMap c = new OurListMap();
        c.put("s", 1);
        same("equals catches CCE", () -> c.equals(tm), () -> c.equals(tm));
        assertTrue(!c.equals(tm));
        same("put UOE", () -> new java.util.AbstractMap<Object, Object>() {
            @Override
            public Set<Map.Entry<Object, Object>> entrySet() {
                return Set.of();
            }
        }.put(1, 1), () -> new AbstractMap<Object, Object>() {
            @Override
            public Set<Map.Entry<Object, Object>> entrySet() {
                return Set.of();
            }
        }.put(1, 1));
        assertSame(b.keySet(), b.keySet());
        assertSame(b.values(), b.values());
    }

    @Test
    void simpleEntries() {
        Object[][] cases = {{"k", "v"}, {null, "v"}, {"k", null}, {null, null}, {1, 2}};
        for (Object[] c : cases) {
            Map.Entry<Object, Object> j1 = new java.util.AbstractMap.SimpleEntry<>(c[0], c[1]);
            Map.Entry<Object, Object> j2 = new java.util.AbstractMap.SimpleImmutableEntry<>(c[0], c[1]);
            Map.Entry<Object, Object> o1 = new AbstractMap.SimpleEntry<>(c[0], c[1]);
            Map.Entry<Object, Object> o2 = new AbstractMap.SimpleImmutableEntry<>(c[0], c[1]);
            Map.Entry<Object, Object> o3 = new AbstractMap.SimpleEntry<>(j2);
            Map.Entry<Object, Object> o4 = new AbstractMap.SimpleImmutableEntry<>(j1);
            for (Map.Entry<Object, Object> o : List.of(o1, o2, o3, o4)) {
                assertEquals(j1.toString(), o.toString());
                assertEquals(j1.hashCode(), o.hashCode());
                assertTrue(o.equals(j1) && j1.equals(o) && o.equals(j2) && j2.equals(o));
                assertTrue(!o.equals("x") && !o.equals(Map.entry("zz", "zz")));
            }
            same("setValue", () -> j1.setValue("n"), () -> o1.setValue("n"));
            same("immutable setValue", () -> j2.setValue("n"), () -> o2.setValue("n"));
            assertEquals(j1, o1);
        }
    }

    /** Minimal user set over a list. */
    static final class OurListSet extends AbstractSet<Object> {
        final List<Object> list = new ArrayList<>();

        @Override
        public Iterator<Object> iterator() {
            return list.iterator();
        }

        @Override
        public int size() {
            return list.size();
        }

        @Override
        public boolean add(Object o) {
            if (list.contains(o)) {
                return false;
            }
            return list.add(o);
        }
    }

    static final class JdkListSet extends java.util.AbstractSet<Object> {
        final List<Object> list = new ArrayList<>();

        @Override
        public Iterator<Object> iterator() {
            return list.iterator();
        }

        @Override
        public int size() {
            return list.size();
        }

        @Override
        public boolean add(Object o) {
            if (list.contains(o)) {
                return false;
            }
            return list.add(o);
        }
    }

    @Test
    void skeletalSet() {
        Random r = new Random(4);
        JdkListSet a = new JdkListSet();
        OurListSet b = new OurListSet();
        for (int i = 0; i < 800; i++) {
            Object k = r.nextInt(20) == 0 ? null : Integer.valueOf(r.nextInt(30));
            List<Object> c = new ArrayList<>();
            for (int j = r.nextInt(r.nextBoolean() ? 3 : 40); j > 0; j--) {
                c.add(r.nextInt(30));
            }
            String at = "op " + i;
            switch (r.nextInt(6)) {
                case 0, 1 -> same(at + " add", () -> a.add(k), () -> b.add(k));
                case 2 -> same(at + " remove", () -> a.remove(k), () -> b.remove(k));
                // both removeAll strategies: c smaller or larger than the set
                case 3 -> same(at + " removeAll", () -> a.removeAll(c), () -> b.removeAll(c));
                case 4 -> same(at + " retainAll", () -> a.retainAll(c.size() > 20 ? c : List.of(1, 2, 3, 4, 5, 6, 7, 8)),
                        () -> b.retainAll(c.size() > 20 ? c : List.of(1, 2, 3, 4, 5, 6, 7, 8)));
                default -> same(at + " equals", () -> a.equals(Set.copyOf(c)), () -> b.equals(Set.copyOf(c)));
            }
            sameSet(at, a, b);
        }
        same("removeAll null", () -> a.removeAll(null), () -> b.removeAll(null));
        same("equals catches NPE", () -> {
            a.add(null);
            return a.equals(Set.of(1));
        }, () -> {
            b.add(null);
            return b.equals(Set.of(1));
        });
        OurListSet s = new OurListSet();
        s.add(s);
        assertEquals("[(this Collection)]", s.toString());
    }
}
