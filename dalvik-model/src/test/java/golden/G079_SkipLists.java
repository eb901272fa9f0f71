package golden;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * ConcurrentSkipListMap and ConcurrentSkipListSet (the guest library's): sorted order with natural
 * and reversed comparators, navigation, range views and views of views (bounds, "key out of
 * range", "inconsistent range"), descending maps and key sets, immutable snapshot entries, null
 * rules, compute/merge, iterators that remove or see later insertions, and guest threads inserting
 * disjoint and overlapping keys concurrently (the final sorted contents are deterministic).
 */
public class G079_SkipLists {
    public static void main(String[] args) throws Exception {
        ConcurrentSkipListMap<String, Integer> m = new ConcurrentSkipListMap<>();
        for (String w : "the quick brown fox jumps over the lazy dog again and again".split(" ")) {
            m.merge(w, 1, Integer::sum);
        }
        System.out.println("map: " + m + " size " + m.size());
        System.out.println("ends: " + m.firstKey() + " " + m.lastEntry() + " " + m.ceilingKey("m") + " " + m.lowerEntry("dog") + " "
                + m.higherKey("the") + " " + m.floorKey("fz"));
        ConcurrentNavigableMap<String, Integer> sub = m.subMap("b", true, "p", false);
        System.out.println("sub: " + sub + " head " + m.headMap("dog") + " tail " + m.tailMap("over", false));
        System.out.println("descending: " + m.descendingMap() + " keys " + m.descendingKeySet());
        System.out.println("view of view: " + sub.descendingMap().headMap("fox", true) + " " + sub.tailMap("f").firstKey());
        try {
            sub.put("zebra", 1);
        } catch (IllegalArgumentException e) {
            System.out.println("sub put out of range: " + e.getMessage());
        }
        try {
            m.subMap("x", "a");
        } catch (IllegalArgumentException e) {
            System.out.println("subMap reversed: " + e.getMessage());
        }
        try {
            m.put(null, 1);
        } catch (NullPointerException e) {
            System.out.println("null key: NPE");
        }
        try {
            m.put("k", null);
        } catch (NullPointerException e) {
            System.out.println("null value: NPE");
        }
        try {
            m.firstEntry().setValue(5);
        } catch (UnsupportedOperationException e) {
            System.out.println("snapshot entry: UOE");
        }
        System.out.println("compute: " + m.compute("fox", (k, v) -> v == null ? 100 : v + 10) + " " + m.computeIfAbsent("cat", k -> 7)
                + " " + m.computeIfPresent("dog", (k, v) -> null) + " " + m.putIfAbsent("cat", 8) + " " + m.replace("cat", 7, 9) + " " + m);
        System.out.println("poll: " + m.pollFirstEntry() + " " + m.pollLastEntry() + " " + sub.pollFirstEntry() + " -> " + m);

        Iterator<Map.Entry<String, Integer>> it = m.entrySet().iterator();
        StringBuilder seen = new StringBuilder();
        boolean added = false;
        while (it.hasNext()) {
            Map.Entry<String, Integer> e = it.next();
            seen.append(e.getKey()).append(' ');
            if (e.getValue() == 2) {
                it.remove();
            }
            if (!added) {
                m.put("zz", 0); // added ahead of the iterator: seen
                m.put("aa", 0); // behind it: not seen
                added = true;
            }
        }
        System.out.println("iterator: " + seen + "-> " + m);

        ConcurrentSkipListSet<Integer> s = new ConcurrentSkipListSet<>(Comparator.reverseOrder());
        for (int i = 0; i < 20; i++) {
            s.add((i * 7) % 23);
        }
        System.out.println("set: " + s + " " + s.first() + " " + s.last() + " " + s.ceiling(10) + " " + s.higher(10) + " " + s.add(7));
        NavigableSet<Integer> part = s.subSet(15, true, 5, false);
        System.out.println("subset: " + part + " " + part.descendingSet() + " " + s.headSet(18) + " " + s.tailSet(3, true));
        try {
            part.add(1);
        } catch (IllegalArgumentException e) {
            System.out.println("subset add out of range: " + e.getMessage());
        }
        s.removeIf(x -> x % 2 == 0);
        System.out.println("set removeIf: " + s + " " + s.pollFirst() + " " + s.pollLast() + " " + s.size() + " " + s.clone());

        // Four guest threads insert overlapping ranges; merge counts the overlaps.
        ConcurrentSkipListMap<Integer, Integer> shared = new ConcurrentSkipListMap<>();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int from = t * 25;
            ts.add(new Thread(() -> {
                for (int k = from; k < from + 50; k++) {
                    shared.merge(k, 1, Integer::sum);
                    if (k % 10 == 0) {
                        Thread.yield();
                    }
                }
            }));
        }
        for (Thread t : ts) {
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        int total = 0;
        for (int v : shared.values()) {
            total += v;
        }
        System.out.println("threads: size " + shared.size() + " total " + total + " first " + shared.firstEntry() + " last "
                + shared.lastEntry() + " twice " + shared.subMap(25, 100).values().stream().allMatch(v -> v == 2)
                + " head " + shared.headMap(5));
    }
}
