package org.cometsim.guestlib.java.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The per-thread map of our ThreadLocal (the part that runs on a plain JVM: get/set/remove need
 * the VM's natives, and are checked against java by golden program {@code G051_ThreadLocals} in
 * dalvik-model): seeded random set/remove sequences over hundreds of keys against an
 * IdentityHashMap, through growth and removals inside probe clusters, and the copy a child thread
 * gets through {@code childValue}.
 */
class ThreadLocalMapTest {

    private static void check(String at, Map<ThreadLocal<?>, Object> expected, List<ThreadLocal<Object>> keys,
                              ThreadLocal.ThreadLocalMap map) {
        assertEquals(expected.size(), map.size(), at + " size");
        for (ThreadLocal<Object> k : keys) {
            int slot = map.slotOf(k);
            assertEquals(expected.containsKey(k), slot >= 0, at + " contains key " + k.threadLocalHashCode);
            if (slot >= 0) {
                assertEquals(expected.get(k), map.valueAt(slot), at + " value");
            }
        }
    }

    @Test
    void randomSetsAndRemovesMatchAnIdentityMap() {
        for (long seed = 1; seed <= 6; seed++) {
            Random r = new Random(seed);
            List<ThreadLocal<Object>> keys = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                keys.add(new ThreadLocal<>());
            }
            ThreadLocal.ThreadLocalMap map = new ThreadLocal.ThreadLocalMap();
            Map<ThreadLocal<?>, Object> expected = new IdentityHashMap<>();
            int live = 10 + r.nextInt(keys.size() - 10); // how many keys this sequence uses
            for (int op = 0; op < 3000; op++) {
                ThreadLocal<Object> k = keys.get(r.nextInt(live));
                String at = "seed " + seed + " op " + op;
                if (r.nextInt(3) == 0) {
                    map.remove(k);
                    expected.remove(k);
                } else {
                    Object v = r.nextInt(4) == 0 ? null : "v" + op;
                    map.set(k, v);
                    expected.put(k, v);
                }
                if (op % 97 == 0 || op > 2990) {
                    check(at, expected, keys, map);
                }
            }
            check("seed " + seed + " end", expected, keys, map);
        }
    }

    @Test
    void aChildGetsEveryParentValueThroughChildValue() {
        List<ThreadLocal<Object>> keys = new ArrayList<>();
        ThreadLocal.ThreadLocalMap parent = new ThreadLocal.ThreadLocalMap();
        for (int i = 0; i < 40; i++) {
            final int n = i;
            InheritableThreadLocal<Object> k = new InheritableThreadLocal<>() {
                @Override
                protected Object childValue(Object parentValue) {
                    return n % 2 == 0 ? parentValue : "child of " + parentValue;
                }
            };
            keys.add(k);
            parent.set(k, "p" + i);
        }
        parent.remove(keys.get(5));
        ThreadLocal.ThreadLocalMap child = ThreadLocal.createInheritedMap(parent);
        Map<ThreadLocal<?>, Object> expected = new IdentityHashMap<>();
        for (int i = 0; i < 40; i++) {
            if (i != 5) {
                expected.put(keys.get(i), i % 2 == 0 ? "p" + i : "child of p" + i);
            }
        }
        check("child", expected, keys, child);
        child.set(keys.get(0), "changed in the child");
        assertEquals("p0", parent.valueAt(parent.slotOf(keys.get(0))), "the parent's map is its own");
    }

    @Test
    void aPlainThreadLocalHasNoChildValue() {
        ThreadLocal.ThreadLocalMap parent = new ThreadLocal.ThreadLocalMap();
        parent.set(new ThreadLocal<>(), "v");
        assertThrows(UnsupportedOperationException.class, () -> ThreadLocal.createInheritedMap(parent));
    }

    @Test
    void hashCodesAreDistinctAndSpreadOverATable() {
        boolean[] used = new boolean[64];
        for (int i = 0; i < 64; i++) {
            used[new ThreadLocal<>().threadLocalHashCode & 63] = true;
        }
        int hit = 0;
        for (boolean u : used) {
            hit += u ? 1 : 0;
        }
        assertTrue(hit == 64, "64 consecutive ThreadLocals fill all 64 slots of a 64-slot table: " + hit);
    }
}
