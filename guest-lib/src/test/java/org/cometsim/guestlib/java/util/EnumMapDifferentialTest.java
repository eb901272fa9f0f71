package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.MapSetDiff.sameMap;
import static org.cometsim.guestlib.java.util.MapSetDiff.sameSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Supplier;

import org.cometsim.guestlib.java.util.EnumSetDifferentialTest.Big65;
import org.cometsim.guestlib.java.util.EnumSetDifferentialTest.Big70;
import org.cometsim.guestlib.java.util.EnumSetDifferentialTest.Body;
import org.cometsim.guestlib.java.util.EnumSetDifferentialTest.Empty;
import org.cometsim.guestlib.java.util.EnumSetDifferentialTest.Small;
import org.junit.jupiter.api.Test;

/**
 * Our EnumMap against java.util.EnumMap: MapDriver's seeded random operation sequences (Map default
 * methods and views included) over the test enums of EnumSetDifferentialTest, plus constructors,
 * type checks, weakly consistent iterators, entry semantics, equals/hashCode/toString and clone.
 */
class EnumMapDifferentialTest {

    static void strict(String what, Supplier<?> jdk, Supplier<?> ours) {
        EnumSetDifferentialTest.strict(what, jdk, ours);
    }

    /** Mostly the key type's constants, sometimes another enum's, null or a String. */
    static Object[] keys(Class<?> cls) {
        List<Object> k = new ArrayList<>();
        Object[] own = cls.getEnumConstants();
        Object[] foreign = EnumSetDifferentialTest.foreign(cls);
        int copies = own.length == 0 ? 0 : Math.max(1, 15 * foreign.length / own.length);
        for (int i = 0; i < copies; i++) {
            k.addAll(Arrays.asList(own));
        }
        k.addAll(Arrays.asList(foreign));
        return k.toArray();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<Object, Object> jdkMap(Class<?> c) {
        return new java.util.EnumMap(c);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<Object, Object> oursMap(Class<?> c) {
        return new EnumMap(c);
    }

    /** Copies by clone, by the EnumMap constructor, or (when not empty) by the Map constructor. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static MapDriver driver(long seed, Class<?> cls) {
        int[] mode = {0};
        return new MapDriver(seed, keys(cls), jdkMap(cls), oursMap(cls), m -> {
            mode[0] = (mode[0] + 1) % 4;
            return switch (m.isEmpty() ? 0 : mode[0]) {
                case 0 -> ((java.util.EnumMap) m).clone();
                case 1 -> new java.util.EnumMap((java.util.EnumMap) m);
                case 2 -> new java.util.EnumMap((Map) m);
                default -> new java.util.EnumMap(new java.util.LinkedHashMap(m));
            };
        }, m -> switch (m.isEmpty() ? 0 : mode[0]) {
            case 0 -> ((EnumMap) m).clone();
            case 1 -> new EnumMap((EnumMap) m);
            case 2 -> new EnumMap((Map) m);
            default -> new EnumMap(new java.util.LinkedHashMap(m));
        });
    }

    @Test
    void randomSequences() {
        for (Class<?> t : EnumSetDifferentialTest.TYPES) {
            for (long seed = 1; seed <= 3; seed++) {
                driver(seed * 17 + t.getSimpleName().length(), t).run(t == Empty.class ? 300 : 1500, false);
            }
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void constructors() {
        for (Class t : EnumSetDifferentialTest.TYPES) {
            sameMap("new " + t, new java.util.EnumMap(t), new EnumMap(t));
        }
        strict("Class null", () -> new java.util.EnumMap((Class) null), () -> new EnumMap((Class) null));
        strict("not an enum", () -> new java.util.EnumMap((Class) String.class), () -> new EnumMap((Class) String.class));
        strict("empty HashMap", () -> new java.util.EnumMap(new java.util.HashMap()), () -> new EnumMap(new java.util.HashMap()));
        Throwable t = assertThrows(IllegalArgumentException.class, () -> new EnumMap<Small, Integer>(new java.util.HashMap<>()));
        assertEquals("Specified map is empty", t.getMessage());
        strict("empty EnumMap as Map", () -> new java.util.EnumMap((Map) new java.util.EnumMap(Small.class)),
                () -> new EnumMap((Map) new EnumMap(Small.class)));
        // the other library's empty EnumMap is just an empty Map to each (both throw)
        strict("empty EnumMap of the other library", () -> new java.util.EnumMap((Map) new EnumMap(Small.class)),
                () -> new EnumMap((Map) new java.util.EnumMap(Small.class)));
        strict("null map", () -> new java.util.EnumMap((Map) null), () -> new EnumMap((Map) null));
        strict("null EnumMap", () -> new java.util.EnumMap((java.util.EnumMap) null), () -> new EnumMap((EnumMap) null));
        java.util.LinkedHashMap<Object, Object> src = new java.util.LinkedHashMap<>();
        src.put(Body.S, 1);
        src.put(Body.P, null);
        src.put(Body.R, 3);
        strict("from LinkedHashMap", () -> new java.util.EnumMap(src), () -> new EnumMap(src));
        sameMap("from LinkedHashMap", new java.util.EnumMap(src), new EnumMap(src));
        src.put(Small.A, 4);
        strict("mixed key types", () -> new java.util.EnumMap(src), () -> new EnumMap(src));
        java.util.LinkedHashMap<Object, Object> src2 = new java.util.LinkedHashMap<>();
        src2.put(Body.Q, 1);
        src2.put(Small.A, 4);
        strict("mixed key types 2", () -> new java.util.EnumMap(src2), () -> new EnumMap(src2));
        java.util.LinkedHashMap<Object, Object> src3 = new java.util.LinkedHashMap<>();
        src3.put(null, 1);
        strict("null key", () -> new java.util.EnumMap(src3), () -> new EnumMap(src3));
        src3.clear();
        src3.put(Big70.C66, "x");
        src3.put(null, 1);
        strict("null second key", () -> new java.util.EnumMap(src3), () -> new EnumMap(src3));

        EnumMap<Big70, Object> big = new EnumMap<>(Big70.class);
        big.put(Big70.C66, null);
        big.put(Big70.C0, 0);
        EnumMap<Big70, Object> copy = new EnumMap<>(big);
        EnumMap<Big70, Object> copy2 = new EnumMap<>((Map<Big70, Object>) big);
        copy.put(Big70.C1, 1);
        copy2.remove(Big70.C0);
        assertEquals("{C0=0, C66=null}", big.toString());
        assertEquals("{C0=0, C1=1, C66=null}", copy.toString());
        assertEquals("{C66=null}", copy2.toString());
        assertEquals(2, big.size());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void typeChecksAndNulls() {
        for (Class c : EnumSetDifferentialTest.TYPES) {
            Map<Object, Object> a = jdkMap(c);
            Map<Object, Object> b = oursMap(c);
            for (Object k : c.getEnumConstants()) {
                a.put(k, k.toString().length() % 3 == 0 ? null : k.toString());
                b.put(k, k.toString().length() % 3 == 0 ? null : k.toString());
            }
            for (Object x : EnumSetDifferentialTest.foreign(c)) {
                String n = c.getSimpleName() + " " + x;
                strict(n + " put", () -> a.put(x, 1), () -> b.put(x, 1));
                strict(n + " get", () -> a.get(x), () -> b.get(x));
                strict(n + " containsKey", () -> a.containsKey(x), () -> b.containsKey(x));
                strict(n + " remove", () -> a.remove(x), () -> b.remove(x));
                strict(n + " getOrDefault", () -> a.getOrDefault(x, 5), () -> b.getOrDefault(x, 5));
                strict(n + " putIfAbsent", () -> a.putIfAbsent(x, 5), () -> b.putIfAbsent(x, 5));
                strict(n + " keySet.remove", () -> a.keySet().remove(x), () -> b.keySet().remove(x));
                strict(n + " keySet.contains", () -> a.keySet().contains(x), () -> b.keySet().contains(x));
                strict(n + " entrySet.contains", () -> a.entrySet().contains(new java.util.AbstractMap.SimpleEntry<>(x, null)),
                        () -> b.entrySet().contains(new java.util.AbstractMap.SimpleEntry<>(x, null)));
                strict(n + " entrySet.remove", () -> a.entrySet().remove(new java.util.AbstractMap.SimpleEntry<>(x, null)),
                        () -> b.entrySet().remove(new java.util.AbstractMap.SimpleEntry<>(x, null)));
            }
            sameMap("after foreign keys " + c, a, b);
            strict("containsValue null", () -> a.containsValue(null), () -> b.containsValue(null));
            strict("values.remove null", () -> a.values().remove(null), () -> b.values().remove(null));
            strict("values.contains null", () -> a.values().contains(null), () -> b.values().contains(null));
            strict("putAll null", () -> {
                a.putAll(null);
                return a;
            }, () -> {
                b.putAll(null);
                return b;
            });
            strict("forEach null", () -> {
                a.forEach(null);
                return a;
            }, () -> {
                b.forEach(null);
                return b;
            });
            strict("entrySet.contains non-entry", () -> a.entrySet().contains("x"), () -> b.entrySet().contains("x"));
            strict("entrySet.remove non-entry", () -> a.entrySet().remove("x"), () -> b.entrySet().remove("x"));
            sameMap("after nulls " + c, a, b);
        }
        EnumMap<Small, Object> m = new EnumMap<>(Small.class);
        Throwable t = assertThrows(ClassCastException.class, () -> ((Map) m).put(Body.P, 1));
        assertEquals("class " + Body.class.getName() + "$1 != class " + Small.class.getName(), t.getMessage());
        t = assertThrows(ClassCastException.class, () -> ((Map) m).put(Big70.C7, 1));
        assertEquals("class " + Big70.class.getName() + " != class " + Small.class.getName(), t.getMessage());
        assertThrows(NullPointerException.class, () -> m.put(null, 1));
        assertThrows(NullPointerException.class, () -> m.putIfAbsent(null, 1));
        assertNull(m.get(null));
        assertNull(m.remove(null));
        assertFalse(m.containsKey(null));
        assertEquals(0, m.size());
        m.put(Small.B, null);
        assertNull(m.putIfAbsent(Small.B, 7));
        assertEquals(7, m.get(Small.B));
        assertEquals(7, m.putIfAbsent(Small.B, 8));
        assertEquals(7, m.getOrDefault(Small.B, 9));
        m.put(Small.B, null);
        assertNull(m.getOrDefault(Small.B, 9));
        assertEquals(9, m.getOrDefault(Small.A, 9));

        // putAll between EnumMaps of different key types
        Map<Object, Object> ja = jdkMap(Small.class);
        Map<Object, Object> jb = oursMap(Small.class);
        strict("putAll empty other type", () -> {
            ja.putAll(jdkMap(Body.class));
            return ja;
        }, () -> {
            jb.putAll(oursMap(Body.class));
            return jb;
        });
        Map<Object, Object> bodyA = jdkMap(Body.class);
        Map<Object, Object> bodyB = oursMap(Body.class);
        bodyA.put(Body.P, 1);
        bodyB.put(Body.P, 1);
        strict("putAll other type", () -> {
            ja.putAll(bodyA);
            return ja;
        }, () -> {
            jb.putAll(bodyB);
            return jb;
        });
        t = assertThrows(ClassCastException.class, () -> jb.putAll(bodyB));
        assertEquals("class " + Body.class.getName() + " != class " + Small.class.getName(), t.getMessage());
        Map<Object, Object> big = oursMap(Big70.class);
        big.put(Big70.C3, 3);
        assertThrows(ClassCastException.class, () -> jb.putAll(big));
        Map<Object, Object> mixed = new java.util.LinkedHashMap<>();
        mixed.put(Small.C, 1);
        mixed.put(Body.Q, 2);
        strict("putAll mixed", () -> {
            ja.putAll(mixed);
            return ja;
        }, () -> {
            jb.putAll(mixed);
            return jb;
        });
        sameMap("after partial putAll", ja, jb);
        Map<Object, Object> sa = jdkMap(Small.class);
        Map<Object, Object> sb = oursMap(Small.class);
        sa.put(Small.A, null);
        sa.put(Small.B, 2);
        sb.put(Small.A, null);
        sb.put(Small.B, 2);
        ja.put(Small.C, 9);
        jb.put(Small.C, 9);
        ja.putAll(sa);
        jb.putAll(sb);
        sameMap("putAll same type", ja, jb);
        jb.putAll(sa);
        sameMap("putAll JDK's", ja, jb);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void iteratorsAndEntries() {
        for (Class c : EnumSetDifferentialTest.TYPES) {
            Map<Object, Object> a = jdkMap(c);
            Map<Object, Object> b = oursMap(c);
            int i = 0;
            for (Object k : c.getEnumConstants()) {
                a.put(k, i % 4 == 0 ? null : i);
                b.put(k, i % 4 == 0 ? null : i);
                i++;
            }
            for (int mod = 1; mod < 5; mod++) {
                int m = mod;
                strict("iterRemove " + c + m, () -> MapDriver.iterRemove(a, m), () -> MapDriver.iterRemove(b, m));
                strict("values iterator " + c + m, () -> valuesIterRemove(a, m), () -> valuesIterRemove(b, m));
            }
            strict("empty next", () -> jdkMap(c).keySet().iterator().next(), () -> oursMap(c).keySet().iterator().next());
            strict("empty entry next", () -> jdkMap(c).entrySet().iterator().next(),
                    () -> oursMap(c).entrySet().iterator().next());
            strict("entry toArray", () -> a.entrySet().toArray(), () -> b.entrySet().toArray());
            strict("entry toArray(T[])", () -> MapDriver.arrayWithMarker((java.util.Collection) a.entrySet(), 2),
                    () -> MapDriver.arrayWithMarker((java.util.Collection) b.entrySet(), 2));
            strict("entry toArray(Map.Entry[])", () -> a.entrySet().toArray(new Map.Entry[0]),
                    () -> b.entrySet().toArray(new Map.Entry[0]));
            strict("entry toArray(String[])", () -> a.entrySet().toArray(new String[0]),
                    () -> b.entrySet().toArray(new String[0]));
            sameMap("after iterators " + c, a, b);
        }

        // weakly consistent: changes ahead of the cursor are seen, no CME
        for (Map<Object, Object> m : List.of(jdkMap(Big70.class), oursMap(Big70.class))) {
            m.put(Big70.C0, 0);
            m.put(Big70.C1, 1);
            m.put(Big70.C69, 69);
        }
        Map<Object, Object> a = jdkMap(Small.class);
        Map<Object, Object> b = oursMap(Small.class);
        a.put(Small.A, 1);
        b.put(Small.A, 1);
        a.put(Small.B, 2);
        b.put(Small.B, 2);
        strict("modify while iterating", () -> modifyWhileIterating(a), () -> modifyWhileIterating(b));
        sameMap("after modify while iterating", a, b);

        // entries are live views of their slot
        EnumMap<Small, Integer> m = new EnumMap<>(Small.class);
        java.util.EnumMap<Small, Integer> j = new java.util.EnumMap<>(Small.class);
        for (Map<Small, Integer> x : List.of(m, j)) {
            x.put(Small.A, 1);
            x.put(Small.B, 2);
        }
        strict("entry semantics", () -> entrySemantics(j), () -> entrySemantics(m));
        sameMap("after entry semantics", j, m);
        assertEquals(j.size(), m.size());

        // setValue on an entry whose key was removed from the map: the slot is refilled without size++
        for (Map<Small, Integer> x : List.of(m, j)) {
            x.clear();
            x.put(Small.A, 1);
            x.put(Small.C, 3);
        }
        strict("stale entry", () -> staleEntry(j), () -> staleEntry(m));
        assertEquals(j.toString(), m.toString());
        assertEquals(j.size(), m.size());

        // iterator remove of a slot already emptied
        Iterator<Small> it = m.keySet().iterator();
        it.next();
        m.remove(Small.A);
        int before = m.size();
        it.remove();
        assertEquals(before, m.size());
        assertThrows(IllegalStateException.class, it::remove);
        assertThrows(NoSuchElementException.class, () -> new EnumMap<>(Empty.class).values().iterator().next());
    }

    static String valuesIterRemove(Map<Object, Object> m, int mod) {
        StringBuilder sb = new StringBuilder();
        Iterator<Object> it = m.values().iterator();
        try {
            it.remove();
        } catch (IllegalStateException e) {
            sb.append("ISE:").append(e.getMessage()).append(' ');
        }
        int i = 0;
        while (it.hasNext()) {
            sb.append(it.next()).append(' ');
            if (i++ % mod == 0) {
                it.remove();
            }
        }
        try {
            it.next();
        } catch (NoSuchElementException e) {
            sb.append("NSEE ");
        }
        return sb.append(m).append(m.size()).toString();
    }

    static String modifyWhileIterating(Map<Object, Object> m) {
        StringBuilder sb = new StringBuilder();
        Iterator<Map.Entry<Object, Object>> it = m.entrySet().iterator();
        Map.Entry<Object, Object> e = it.next();
        sb.append(e).append(' ');
        m.put(Small.C, 3);
        m.remove(Small.B);
        m.put(Small.A, 10);
        sb.append(e).append(' ').append(e.hashCode()).append(' ');
        while (it.hasNext()) {
            sb.append(it.next()).append(' ');
        }
        it.remove();
        sb.append(m).append(' ').append(m.size()).append(' ');
        Iterator<Object> ks = m.keySet().iterator();
        sb.append(ks.hasNext()).append(' ');
        m.put(Small.B, 2);
        m.remove(Small.A);
        while (ks.hasNext()) {
            sb.append(ks.next()).append(' ');
        }
        return sb.append(m).toString();
    }

    static String entrySemantics(Map<Small, Integer> m) {
        StringBuilder sb = new StringBuilder();
        Iterator<Map.Entry<Small, Integer>> it = m.entrySet().iterator();
        Map.Entry<Small, Integer> a = it.next();
        Map.Entry<Small, Integer> b = it.next();
        sb.append(a.setValue(null)).append(' ').append(a).append(' ').append(a.hashCode()).append(' ');
        sb.append(a.equals(new java.util.AbstractMap.SimpleEntry<>(Small.A, null))).append(' ');
        sb.append(b.equals(new java.util.AbstractMap.SimpleEntry<>(Small.B, 2))).append(' ');
        sb.append(b.equals(Map.entry(Small.B, 3))).append(' ').append(b.equals("B=2")).append(' ');
        sb.append(b.hashCode() == (Small.B.hashCode() ^ 2)).append(' ');
        it.remove();
        try {
            b.getKey();
        } catch (IllegalStateException e) {
            sb.append("ISE:").append(e.getMessage()).append(' ');
        }
        try {
            b.setValue(5);
        } catch (IllegalStateException e) {
            sb.append("ISE:").append(e.getMessage()).append(' ');
        }
        try {
            b.getValue();
        } catch (IllegalStateException e) {
            sb.append("ISE:").append(e.getMessage()).append(' ');
        }
        sb.append(b.equals(b)).append(' ').append(b.equals(a)).append(' ').append(b.hashCode() == System.identityHashCode(b));
        try {
            it.remove();
        } catch (IllegalStateException e) {
            sb.append(" ISE2 ");
        }
        // the first entry still writes through
        a.setValue(11);
        return sb.append(m).toString();
    }

    static String staleEntry(Map<Small, Integer> m) {
        StringBuilder sb = new StringBuilder();
        Map.Entry<Small, Integer> e = m.entrySet().iterator().next();
        m.remove(Small.A);
        sb.append(e.getKey()).append(' ').append(e.getValue()).append(' ').append(e).append(' ');
        try {
            sb.append(e.hashCode());
        } catch (NullPointerException npe) {
            sb.append("NPE ");
        }
        sb.append(e.setValue(7)).append(' ').append(m.size()).append(' ').append(m).append(' ');
        sb.append(m.containsKey(Small.A)).append(' ').append(m.get(Small.A));
        return sb.toString();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void equalsHashCodeToStringClone() {
        Map<Object, Object> a = jdkMap(Body.class);
        Map<Object, Object> b = oursMap(Body.class);
        assertEquals("{}", b.toString());
        for (Map<Object, Object> m : List.of(a, b)) {
            m.put(Body.R, 3);
            m.put(Body.P, null);
            m.put(Body.S, m);
        }
        assertEquals("{p!=null, R=3, S=(this Map)}", b.toString());
        assertEquals(a.toString(), b.toString());
        assertEquals(a.entrySet().toArray().length, b.entrySet().toArray().length);
        a.remove(Body.S);
        b.remove(Body.S);
        sameMap("body", a, b);
        assertEquals("{p!=null, R=3}", b.toString());
        assertEquals("[p!=null, R=3]", b.entrySet().toString());
        assertEquals("[p!, R]", b.keySet().toString());
        assertEquals("[null, 3]", b.values().toString());

        // equals across implementations and key types
        assertTrue(oursMap(Small.class).equals(jdkMap(Body.class)));
        assertTrue(jdkMap(Body.class).equals(oursMap(Small.class)));
        assertTrue(oursMap(Small.class).equals(oursMap(Big70.class)));
        assertTrue(oursMap(Small.class).equals(new java.util.HashMap<>()));
        Map<Object, Object> s1 = oursMap(Small.class);
        Map<Object, Object> b1 = oursMap(Body.class);
        s1.put(Small.A, 1);
        b1.put(Body.P, 1);
        assertFalse(s1.equals(b1));
        assertFalse(s1.equals(jdkMap(Small.class)));
        Map<Object, Object> s2 = jdkMap(Small.class);
        s2.put(Small.A, 1);
        assertTrue(s1.equals(s2) && s2.equals(s1));
        assertEquals(s2.hashCode(), s1.hashCode());
        s1.put(Small.B, null);
        s2.put(Small.C, null);
        assertFalse(s1.equals(s2));
        assertFalse(s2.equals(s1));
        Map<Object, Object> s3 = oursMap(Small.class);
        s3.put(Small.A, 1);
        s3.put(Small.C, null);
        assertTrue(s3.equals(s2) && s2.equals(s3));
        assertFalse(s3.equals(s1));
        assertFalse(s1.equals(null));
        assertFalse(s1.equals("x"));
        java.util.TreeMap<Object, Object> tm = new java.util.TreeMap<>();
        tm.put("a", 1);
        Map<Object, Object> one = oursMap(Small.class);
        one.put(Small.A, 1);
        Map<Object, Object> oneJdk = jdkMap(Small.class);
        oneJdk.put(Small.A, 1);
        // the JDK does not catch the other map's ClassCastException
        strict("equals TreeMap of Strings", () -> oneJdk.equals(tm), () -> one.equals(tm));
        strict("equals HashMap", () -> oneJdk.equals(new java.util.HashMap<>(oneJdk)), () -> one.equals(new java.util.HashMap<>(oneJdk)));

        // clone is independent and keeps no views of the original
        EnumMap<Big70, Integer> m = new EnumMap<>(Big70.class);
        m.put(Big70.C64, 64);
        m.put(Big70.C5, null);
        java.util.Set<Map.Entry<Big70, Integer>> es = m.entrySet();
        java.util.Set<Big70> ks = m.keySet();
        EnumMap<Big70, Integer> c = m.clone();
        assertNotSame(m, c);
        assertNotSame(es, c.entrySet());
        assertNotSame(ks, c.keySet());
        c.put(Big70.C0, 0);
        c.remove(Big70.C64);
        assertEquals("{C5=null, C64=64}", m.toString());
        assertEquals("{C0=0, C5=null}", c.toString());
        assertEquals("[C0, C5]", c.keySet().toString());
        assertEquals(2, m.size());
        assertTrue(m instanceof Cloneable && m instanceof java.io.Serializable);
        java.util.EnumMap<Big70, Integer> j = new java.util.EnumMap<>(Big70.class);
        j.put(Big70.C64, 64);
        j.put(Big70.C5, null);
        sameMap("big", j, m);
        sameSet("big keySet", j.keySet(), m.keySet());
        sameSet("big entrySet", j.entrySet(), m.entrySet());
        assertEquals(j.keySet().hashCode(), m.keySet().hashCode());
    }
}
