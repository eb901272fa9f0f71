package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.MapSetDiff.same;
import static org.cometsim.guestlib.java.util.MapSetDiff.sameMap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.cometsim.guestlib.java.util.MapSetDiff.Key;
import org.cometsim.guestlib.java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Our ConcurrentHashMap against the JDK's on the host JVM: {@link MapDriver}'s seeded random
 * operation sequences (results, exceptions, iteration order, toString, hashCode after every few
 * operations; null keys and values fail alike), the constructors' sizing, and iteration that goes
 * on across a resize. In this package because the driver is package-private; golden program
 * {@code G071_ConcurrentHashMap} in dalvik-model runs the class as guest code.
 */
class ConcurrentHashMapDifferentialTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    static MapDriver driver(long seed, Map<Object, Object> jdk, Map<Object, Object> ours) {
        return new MapDriver(seed, HashMapDifferentialTest.keys(), jdk, ours,
                m -> new java.util.concurrent.ConcurrentHashMap<>(m), m -> new ConcurrentHashMap<>(m));
    }

    @Test
    void randomSequencesDefaultConstructor() {
        for (long seed = 1; seed <= 6; seed++) {
            driver(seed, new java.util.concurrent.ConcurrentHashMap<>(), new ConcurrentHashMap<>()).run(2500, false);
        }
    }

    @Test
    void randomSequencesSizedConstructors() {
        int[] caps = {0, 1, 2, 3, 5, 12, 16, 17, 64, 100};
        for (int i = 0; i < caps.length; i++) {
            driver(100 + i, new java.util.concurrent.ConcurrentHashMap<>(caps[i]), new ConcurrentHashMap<>(caps[i]))
                    .run(600, false);
            driver(200 + i, new java.util.concurrent.ConcurrentHashMap<>(caps[i], 0.5f, 4),
                    new ConcurrentHashMap<>(caps[i], 0.5f, 4)).run(300, false);
        }
        same("bad load factor", () -> new java.util.concurrent.ConcurrentHashMap<>(4, 0f),
                () -> new ConcurrentHashMap<>(4, 0f));
        same("negative capacity", () -> new java.util.concurrent.ConcurrentHashMap<>(-1),
                () -> new ConcurrentHashMap<>(-1));
    }

    @Test
    void integerKeysAndCollisionsAsTheJdk() {
        java.util.concurrent.ConcurrentHashMap<Object, Object> a = new java.util.concurrent.ConcurrentHashMap<>();
        ConcurrentHashMap<Object, Object> b = new ConcurrentHashMap<>();
        for (int i = 0; i < 300; i++) {
            Object k = key(i);
            a.put(k, i);
            b.put(k, i);
            sameMap("put " + i, a, b);
        }
        for (int i = 0; i < 300; i += 2) {
            Object k = key(i);
            a.remove(k);
            b.remove(k);
        }
        sameMap("after removes", a, b);
        same("copy", () -> new java.util.concurrent.ConcurrentHashMap<>(a).toString(),
                () -> new ConcurrentHashMap<>(b).toString());
    }

    /**
     * Integers, small collision groups, and nine keys colliding in bin 0 while the
     * table is small (the ninth node makes the JDK grow the table instead of making a tree).
     */
    private static Object key(int i) {
        if (i < 9) {
            return new Key(i, (i % 4) * 64);
        }
        return (i % 3 == 0) ? (Object) Integer.valueOf(i * 37) : new Key(i, i / 3);
    }

    /** Puts while iterating: the iterator continues over the resized table as the JDK's. */
    @Test
    void iterationAcrossResize() {
        for (int start = 1; start < 40; start += 3) {
            final int s = start;
            same("iterate+put " + s, () -> iterPut(new java.util.concurrent.ConcurrentHashMap<>(), s),
                    () -> iterPut(new ConcurrentHashMap<>(), s));
        }
    }

    private static String iterPut(Map<Object, Object> m, int start) {
        for (int i = 0; i < start; i++) {
            m.put(i * 7, i);
        }
        List<Object> seen = new ArrayList<>();
        int added = 0;
        for (Iterator<Object> it = m.keySet().iterator(); it.hasNext();) {
            Object k = it.next();
            seen.add(k);
            if (added < 60) {
                m.put(1000 + added * 13, added);
                added++;
            }
            if ((Integer) k % 3 == 0) {
                it.remove();
            }
        }
        return seen + " " + m;
    }
}
