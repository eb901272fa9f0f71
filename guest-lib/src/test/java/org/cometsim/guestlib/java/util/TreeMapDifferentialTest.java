package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.MapSetDiff.same;
import static org.cometsim.guestlib.java.util.MapSetDiff.sameMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.SortedMap;

import org.cometsim.guestlib.java.util.MapSetDiff.Key;
import org.cometsim.guestlib.java.util.MapSetDiff.Opaque;
import org.junit.jupiter.api.Test;

/** Our TreeMap against java.util.TreeMap: random sequences with navigation and range views, edge cases. */
class TreeMapDifferentialTest {

    /** Keys 0..59 plus, rarely, null (NPE under natural ordering) and a non-Comparable key. */
    static Object[] keys() {
        List<Object> k = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            k.add(new Key(i, i * 31));
        }
        k.add(null);
        k.add(new Opaque());
        return k.toArray();
    }

    /** Orders by id modulo 40 (distinct keys can compare equal), nulls first. */
    static final Comparator<Object> MOD40 = Comparator.nullsFirst((x, y) -> Integer.compare(((Key) x).id % 40, ((Key) y).id % 40));

    @SuppressWarnings("unchecked")
    static MapDriver driver(long seed, Object[] keys, Map<Object, Object> jdk, Map<Object, Object> ours) {
        Random pick = new Random(seed * 7);
        boolean[] useClone = new boolean[1];
        return new MapDriver(seed, keys, jdk, ours,
                m -> {
                    useClone[0] = pick.nextBoolean();
                    return useClone[0] ? (Map<Object, Object>) ((java.util.TreeMap<Object, Object>) m).clone()
                            : new java.util.TreeMap<>((SortedMap<Object, Object>) m);
                },
                m -> useClone[0] ? (Map<Object, Object>) ((TreeMap<Object, Object>) m).clone()
                        : new TreeMap<>((SortedMap<Object, Object>) m));
    }

    @Test
    void randomNaturalOrder() {
        for (long seed = 1; seed <= 4; seed++) {
            driver(seed, keys(), new java.util.TreeMap<>(), new TreeMap<>()).run(2000, true);
        }
    }

    @Test
    void randomWithComparator() {
        for (long seed = 11; seed <= 13; seed++) {
            driver(seed, keys(), new java.util.TreeMap<>(MOD40), new TreeMap<>(MOD40)).run(2500, true);
        }
    }

    @Test
    void randomStringKeys() {
        Object[] keys = new Object[80];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i == 0 ? null : Integer.toString(i * 7919 % 1000, 36);
        }
        driver(21, keys, new java.util.TreeMap<>(), new TreeMap<>()).run(3000, true);
        driver(22, keys, new java.util.TreeMap<>(Collections.reverseOrder()), new TreeMap<>(Collections.reverseOrder()))
                .run(2000, true);
    }

    /** Identical tree shapes give the identical sequence of comparator calls. */
    @Test
    void sameComparisonSequence() {
        List<String> la = new ArrayList<>();
        List<String> lb = new ArrayList<>();
        java.util.TreeMap<Integer, Integer> a = new java.util.TreeMap<>((x, y) -> {
            la.add(x + ":" + y);
            return Integer.compare(x, y);
        });
        TreeMap<Integer, Integer> b = new TreeMap<>((x, y) -> {
            lb.add(x + ":" + y);
            return Integer.compare(x, y);
        });
        Random r = new Random(5);
        for (int i = 0; i < 4000; i++) {
            int k = r.nextInt(500);
            switch (r.nextInt(6)) {
                case 0, 1 -> assertEquals(a.put(k, i), b.put(k, i));
                case 2 -> assertEquals(a.remove(k), b.remove(k));
                case 3 -> assertEquals(a.ceilingKey(k), b.ceilingKey(k));
                case 4 -> assertEquals(a.headMap(k).size(), b.headMap(k).size());
                default -> assertEquals(String.valueOf(a.pollFirstEntry()), String.valueOf(b.pollFirstEntry()));
            }
        }
        assertEquals(la, lb);
        la.clear();
        lb.clear();
        java.util.TreeMap<Integer, Integer> ac = new java.util.TreeMap<>(a);
        TreeMap<Integer, Integer> bc = new TreeMap<>(b);
        for (int i = 0; i < 500; i++) {
            ac.put(i, i);
            bc.put(i, i);
            ac.remove(i / 2);
            bc.remove(i / 2);
        }
        assertEquals(la, lb, "built-from-sorted trees have the same shape");
        sameMap("copies", ac, bc);
    }

    @Test
    void nullAndNonComparableKeys() {
        java.util.TreeMap<Object, Object> a = new java.util.TreeMap<>();
        TreeMap<Object, Object> b = new TreeMap<>();
        same("get null on empty", () -> a.get(null), () -> b.get(null));
        same("get opaque on empty", () -> a.get(new Opaque()), () -> b.get(new Opaque()));
        Opaque o = new Opaque();
        same("put opaque on empty", () -> a.put(o, 1), () -> b.put(o, 1));
        same("put null on empty", () -> a.put(null, 1), () -> b.put(null, 1));
        same("lowerKey opaque on empty", () -> a.lowerKey(o), () -> b.lowerKey(o));
        same("computeIfAbsent null on empty", () -> a.computeIfAbsent(null, k -> "v"), () -> b.computeIfAbsent(null, k -> "v"));
        same("computeIfAbsent null on empty, null value", () -> a.computeIfAbsent(null, k -> null),
                () -> b.computeIfAbsent(null, k -> null));
        same("merge null on empty", () -> a.merge(null, 1, (x, y) -> x), () -> b.merge(null, 1, (x, y) -> x));
        same("headMap null", () -> a.headMap(null), () -> b.headMap(null));
        same("tailMap opaque", () -> a.tailMap(o), () -> b.tailMap(o));
        a.put("x", 1);
        b.put("x", 1);
        same("put int into string map", () -> a.put(1, 1), () -> b.put(1, 1));
        same("put opaque", () -> a.put(o, 1), () -> b.put(o, 1));
        same("containsKey null", () -> a.containsKey(null), () -> b.containsKey(null));
        same("ceilingKey null", () -> a.ceilingKey(null), () -> b.ceilingKey(null));
        same("remove null", () -> a.remove(null), () -> b.remove(null));
        same("compute null", () -> a.compute(null, (k, v) -> 1), () -> b.compute(null, (k, v) -> 1));
        same("putIfAbsent opaque", () -> a.putIfAbsent(o, 1), () -> b.putIfAbsent(o, 1));
        same("entrySet.contains opaque", () -> a.entrySet().contains(Map.entry(o, 1)), () -> b.entrySet().contains(Map.entry(o, 1)));
        same("equals with non-comparable", () -> a.equals(Map.of(o, 1)), () -> b.equals(Map.of(o, 1)));
        same("equals other way", () -> Map.of(o, 1).equals(a), () -> Map.of(o, 1).equals(b));
        sameMap("after", a, b);
        // comparator accepting null
        java.util.TreeMap<Object, Object> c = new java.util.TreeMap<>(MOD40);
        TreeMap<Object, Object> d = new TreeMap<>(MOD40);
        same("null with comparator", () -> c.put(null, 1), () -> d.put(null, 1));
        same("null with comparator get", () -> c.get(null), () -> d.get(null));
        same("equal-by-comparator keeps first key", () -> {
            c.put(new Key(3, 0), "a");
            c.put(new Key(43, 0), "b");
            return c.toString();
        }, () -> {
            d.put(new Key(3, 0), "a");
            d.put(new Key(43, 0), "b");
            return d.toString();
        });
    }

    @Test
    void rangeViewsAndMessages() {
        java.util.TreeMap<Integer, Object> a = new java.util.TreeMap<>();
        TreeMap<Integer, Object> b = new TreeMap<>();
        for (int i = 0; i < 20; i += 2) {
            a.put(i, "v" + i);
            b.put(i, "v" + i);
        }
        same("subMap reversed", () -> a.subMap(5, 1), () -> b.subMap(5, 1));
        same("descending subMap reversed", () -> a.descendingMap().subMap(1, 5), () -> b.descendingMap().subMap(1, 5));
        same("put out of range", () -> a.headMap(5).put(7, 1), () -> b.headMap(5).put(7, 1));
        same("put at exclusive bound", () -> a.headMap(6).put(6, 1), () -> b.headMap(6).put(6, 1));
        same("nested headMap out of range", () -> a.headMap(5).headMap(7), () -> b.headMap(5).headMap(7));
        same("nested tailMap out of range", () -> a.headMap(5, true).tailMap(6), () -> b.headMap(5, true).tailMap(6));
        same("nested subMap from out of range", () -> a.tailMap(4).subMap(2, 8), () -> b.tailMap(4).subMap(2, 8));
        same("nested subMap to out of range", () -> a.headMap(8, false).subMap(2, true, 8, true), () -> b.headMap(8, false).subMap(2, true, 8, true));
        same("nested inclusive bound ok", () -> a.headMap(8, false).headMap(8, false), () -> b.headMap(8, false).headMap(8, false));
        same("computeIfAbsent out of range, null", () -> a.headMap(5).computeIfAbsent(7, k -> null),
                () -> b.headMap(5).computeIfAbsent(7, k -> null));
        same("computeIfAbsent out of range", () -> a.headMap(5).computeIfAbsent(7, k -> 1), () -> b.headMap(5).computeIfAbsent(7, k -> 1));
        same("compute out of range, null", () -> a.headMap(5).compute(7, (k, v) -> null), () -> b.headMap(5).compute(7, (k, v) -> null));
        same("compute out of range", () -> a.headMap(5).compute(7, (k, v) -> 1), () -> b.headMap(5).compute(7, (k, v) -> 1));
        same("merge out of range", () -> a.headMap(5).merge(7, 1, (x, y) -> x), () -> b.headMap(5).merge(7, 1, (x, y) -> x));
        same("putIfAbsent out of range", () -> a.headMap(5).putIfAbsent(7, 1), () -> b.headMap(5).putIfAbsent(7, 1));
        same("computeIfPresent out of range", () -> a.headMap(5).computeIfPresent(8, (k, v) -> 1),
                () -> b.headMap(5).computeIfPresent(8, (k, v) -> 1));
        same("view put in range", () -> a.subMap(3, 9).put(5, "x"), () -> b.subMap(3, 9).put(5, "x"));
        same("view remove out of range", () -> a.subMap(3, 9).remove(10), () -> b.subMap(3, 9).remove(10));
        same("view get out of range", () -> a.subMap(3, 9).get(10), () -> b.subMap(3, 9).get(10));
        same("view firstKey empty", () -> a.subMap(7, 8).firstKey(), () -> b.subMap(7, 8).firstKey());
        same("view size", () -> a.subMap(3, true, 9, true).size(), () -> b.subMap(3, true, 9, true).size());
        same("descending view", () -> a.descendingMap().headMap(10).toString(), () -> b.descendingMap().headMap(10).toString());
        same("descending tailMap", () -> a.descendingMap().tailMap(10, true).toString(), () -> b.descendingMap().tailMap(10, true).toString());
        same("descending nav", () -> a.descendingMap().ceilingKey(9) + " " + a.descendingMap().higherKey(10) + " "
                + a.descendingMap().floorEntry(11) + " " + a.descendingMap().lowerKey(0),
                () -> b.descendingMap().ceilingKey(9) + " " + b.descendingMap().higherKey(10) + " "
                + b.descendingMap().floorEntry(11) + " " + b.descendingMap().lowerKey(0));
        same("descending descending", () -> a.descendingMap().descendingMap().subMap(2, 9).toString(),
                () -> b.descendingMap().descendingMap().subMap(2, 9).toString());
        same("descendingKeySet of view", () -> a.subMap(2, true, 12, false).descendingKeySet().toString(),
                () -> b.subMap(2, true, 12, false).descendingKeySet().toString());
        same("view keySet subSet", () -> a.tailMap(4, true).navigableKeySet().subSet(6, true, 14, false).toString(),
                () -> b.tailMap(4, true).navigableKeySet().subSet(6, true, 14, false).toString());
        same("view pollFirst", () -> a.subMap(3, true, 9, false).pollFirstEntry(), () -> b.subMap(3, true, 9, false).pollFirstEntry());
        same("view pollLast desc", () -> a.subMap(3, true, 9, false).descendingMap().pollLastEntry(), () -> b.subMap(3, true, 9, false).descendingMap().pollLastEntry());
        same("view clear", () -> {
            a.subMap(10, 14).clear();
            return a.toString();
        }, () -> {
            b.subMap(10, 14).clear();
            return b.toString();
        });
        same("view values", () -> a.headMap(9).values().toString(), () -> b.headMap(9).values().toString());
        same("view entry setValue", () -> {
            a.tailMap(15).entrySet().iterator().next().setValue("w");
            return a.toString();
        }, () -> {
            b.tailMap(15).entrySet().iterator().next().setValue("w");
            return b.toString();
        });
        sameMap("end", a, b);
        assertSame(Collections.reverseOrder(), b.descendingMap().comparator());
        assertEquals(a.descendingMap().descendingMap().comparator(), b.descendingMap().descendingMap().comparator());
        java.util.TreeMap<Integer, Object> c = new java.util.TreeMap<>(Comparator.reverseOrder());
        TreeMap<Integer, Object> d = new TreeMap<>(Comparator.reverseOrder());
        assertEquals(c.descendingMap().comparator(), d.descendingMap().comparator());
    }

    @Test
    void exportedEntriesAndIterators() {
        java.util.TreeMap<Integer, Object> a = new java.util.TreeMap<>();
        TreeMap<Integer, Object> b = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            a.put(i, i);
            b.put(i, i);
        }
        same("firstEntry setValue", () -> a.firstEntry().setValue(1), () -> b.firstEntry().setValue(1));
        same("ceilingEntry toString/hash", () -> a.ceilingEntry(3) + " " + a.ceilingEntry(3).hashCode(),
                () -> b.ceilingEntry(3) + " " + b.ceilingEntry(3).hashCode());
        same("entry equals", () -> a.firstEntry().equals(b.firstEntry()) + " " + b.firstEntry().equals(a.firstEntry()),
                () -> b.firstEntry().equals(a.firstEntry()) + " " + a.firstEntry().equals(b.firstEntry()));
        same("iterator entry equals", () -> a.entrySet().iterator().next().equals(b.entrySet().iterator().next()),
                () -> b.entrySet().iterator().next().equals(a.entrySet().iterator().next()));
        same("next past end", () -> {
            var it = a.headMap(1).keySet().iterator();
            it.next();
            return it.next();
        }, () -> {
            var it = b.headMap(1).keySet().iterator();
            it.next();
            return it.next();
        });
        same("NSEE before CME", () -> {
            var it = a.keySet().iterator();
            while (it.hasNext()) {
                it.next();
            }
            a.put(100, 1);
            return it.next();
        }, () -> {
            var it = b.keySet().iterator();
            while (it.hasNext()) {
                it.next();
            }
            b.put(100, 1);
            return it.next();
        });
        same("CME", () -> {
            var it = a.values().iterator();
            it.next();
            a.remove(5);
            return it.next();
        }, () -> {
            var it = b.values().iterator();
            it.next();
            b.remove(5);
            return it.next();
        });
        same("forEach CME is immediate", () -> forEachRemove(a), () -> forEachRemove(b));
        same("replaceAll CME", () -> {
            a.replaceAll((k, v) -> {
                a.remove(k);
                return v;
            });
            return a;
        }, () -> {
            b.replaceAll((k, v) -> {
                b.remove(k);
                return v;
            });
            return b;
        });
        same("compute CME", () -> a.computeIfAbsent(50, k -> a.put(51, 1)), () -> b.computeIfAbsent(50, k -> b.put(51, 1)));
        same("merge CME", () -> a.merge(51, 1, (x, y) -> a.remove(2)), () -> b.merge(51, 1, (x, y) -> b.remove(2)));
        sameMap("end", a, b);
        same("computeIfAbsent on null value", () -> {
            a.put(60, null);
            return a.computeIfAbsent(60, k -> null) + " " + a.containsKey(60) + " " + a.computeIfAbsent(60, k -> 3);
        }, () -> {
            b.put(60, null);
            return b.computeIfAbsent(60, k -> null) + " " + b.containsKey(60) + " " + b.computeIfAbsent(60, k -> 3);
        });
        same("merge onto null value", () -> {
            a.put(61, null);
            return a.merge(61, 4, (x, y) -> 99);
        }, () -> {
            b.put(61, null);
            return b.merge(61, 4, (x, y) -> 99);
        });
        sameMap("end2", a, b);
    }

    private static String forEachRemove(NavigableMap<Integer, Object> m) {
        StringBuilder sb = new StringBuilder();
        try {
            m.forEach((k, v) -> {
                sb.append(k);
                m.remove(k + 1);
            });
        } catch (java.util.ConcurrentModificationException e) {
            sb.append(" CME");
        }
        return sb.append(m).toString();
    }

    @Test
    void constructorsPutAllAndClone() {
        java.util.TreeMap<Object, Object> src = new java.util.TreeMap<>(MOD40);
        for (int i = 0; i < 30; i++) {
            src.put(new Key(i * 3, 0), i);
        }
        java.util.TreeMap<Object, Object> a = new java.util.TreeMap<>(src);
        TreeMap<Object, Object> b = new TreeMap<>(src);
        sameMap("SortedMap constructor", a, b);
        assertSame(MOD40, b.comparator());
        java.util.TreeMap<Object, Object> a2 = new java.util.TreeMap<>(MOD40);
        TreeMap<Object, Object> b2 = new TreeMap<>(MOD40);
        a2.putAll(src);
        b2.putAll(src);
        sameMap("putAll sorted", a2, b2);
        a2.putAll(Map.of(new Key(1, 0), "x"));
        b2.putAll(Map.of(new Key(1, 0), "x"));
        sameMap("putAll unsorted", a2, b2);
        same("Map constructor with null key", () -> new java.util.TreeMap<>(Collections.singletonMap(null, 1)),
                () -> new TreeMap<>(Collections.singletonMap(null, 1)));
        java.util.HashMap<Object, Object> hm = new java.util.HashMap<>();
        for (int i = 0; i < 50; i++) {
            hm.put(i * 37 % 101, i);
        }
        sameMap("Map constructor", new java.util.TreeMap<>(hm), new TreeMap<>(hm));
        TreeMap<Object, Object> c = (TreeMap<Object, Object>) b.clone();
        java.util.TreeMap<Object, Object> ac = (java.util.TreeMap<Object, Object>) a.clone();
        sameMap("clone", ac, c);
        c.put(new Key(1000, 0), 1);
        assertTrue(!b.equals(c));
        assertEquals(a.toString(), b.toString());
        same("toString empty", () -> new java.util.TreeMap<>().toString(), () -> new TreeMap<>().toString());
        java.util.TreeMap<Object, Object> self1 = new java.util.TreeMap<>();
        TreeMap<Object, Object> self2 = new TreeMap<>();
        self1.put("me", self1);
        self2.put("me", self2);
        assertEquals(self1.toString(), self2.toString());
    }
}
