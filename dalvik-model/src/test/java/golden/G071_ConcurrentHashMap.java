package golden;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ConcurrentHashMap (the guest library's): iteration order and toString for integer and string
 * keys through several resizes, colliding keys, the constructors' sizing, null keys and values,
 * the ConcurrentMap methods (compute, merge, putIfAbsent, replace ...), the key, value and entry
 * views with their iterators (remove, setValue), keySet(mapped value) and newKeySet, keys() and
 * elements(), the sequential bulk operations, equals/hashCode against other maps, puts while
 * iterating (the iterator follows the resize), and guest threads updating one map (merge counts,
 * computeIfAbsent creating one value per key) whose final contents are deterministic.
 */
public class G071_ConcurrentHashMap {
    /** A key with a chosen hash code, so bins collide. */
    static final class K implements Comparable<K> {
        final int id;
        final int hash;

        K(int id, int hash) {
            this.id = id;
            this.hash = hash;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof K && ((K) o).id == id;
        }

        @Override
        public int compareTo(K o) {
            return Integer.compare(id, o.id);
        }

        @Override
        public String toString() {
            return "k" + id;
        }
    }

    public static void main(String[] args) throws Exception {
        ConcurrentHashMap<Integer, String> m = new ConcurrentHashMap<>();
        System.out.println("empty: " + m + " " + m.size() + " " + m.isEmpty() + " " + m.mappingCount() + " " + m.hashCode());
        for (int i = 40; i >= 0; i -= 3) {
            m.put(i * 7, "v" + i);
            if (i % 9 == 1) {
                System.out.println("grow " + i + ": " + m);
            }
        }
        System.out.println("ints: " + m + " size " + m.size() + " hash " + m.hashCode());
        System.out.println("keySet: " + m.keySet());
        System.out.println("values: " + m.values());
        System.out.println("entrySet: " + m.entrySet());
        System.out.println("get: " + m.get(21) + " " + m.get(22) + " " + m.getOrDefault(22, "none") + " "
                + m.containsKey(280) + " " + m.containsValue("v40") + " " + m.contains("v1"));

        ConcurrentHashMap<String, Integer> words = new ConcurrentHashMap<>();
        String text = "the quick brown fox jumps over the lazy dog and the dog sleeps while the fox runs over it";
        for (String w : text.split(" ")) {
            words.merge(w, 1, Integer::sum);
        }
        System.out.println("merge counts: " + words);
        words.compute("the", (k, v) -> v == null ? 1 : v * 10);
        words.compute("cat", (k, v) -> v == null ? 1 : v * 10);
        words.compute("it", (k, v) -> null);
        words.computeIfPresent("dog", (k, v) -> v + 100);
        words.computeIfPresent("emu", (k, v) -> 1);
        words.computeIfAbsent("fox", k -> 99);
        words.computeIfAbsent("gnu", k -> k.length());
        words.computeIfAbsent("yak", k -> null);
        words.merge("lazy", 5, (a, b) -> null);
        System.out.println("compute: " + words);
        System.out.println("putIfAbsent: " + words.putIfAbsent("cat", 7) + " " + words.putIfAbsent("owl", 7));
        System.out.println("replace: " + words.replace("owl", 8) + " " + words.replace("bat", 8) + " "
                + words.replace("owl", 8, 9) + " " + words.replace("owl", 8, 10) + " -> " + words.get("owl"));
        System.out.println("remove: " + words.remove("owl", 8) + " " + words.remove("owl", 9) + " " + words.remove("cat")
                + " " + words.remove("cat"));
        words.replaceAll((k, v) -> v + k.length());
        System.out.println("replaceAll: " + words);
        StringBuilder fe = new StringBuilder();
        words.forEach((k, v) -> fe.append(k.charAt(0)).append(v));
        System.out.println("forEach: " + fe);

        for (Object[] bad : new Object[][] {{null, 1}, {"x", null}}) {
            try {
                words.put((String) bad[0], (Integer) bad[1]);
                System.out.println("put null: accepted");
            } catch (NullPointerException e) {
                System.out.println("put null: NPE");
            }
        }
        try {
            words.get(null);
        } catch (NullPointerException e) {
            System.out.println("get null: NPE");
        }
        try {
            words.containsValue(null);
        } catch (NullPointerException e) {
            System.out.println("containsValue null: NPE");
        }
        try {
            new ConcurrentHashMap<String, String>(-1);
        } catch (IllegalArgumentException e) {
            System.out.println("negative capacity: IAE");
        }

        // Colliding keys: small tables grow instead of making trees; the split reorders bins.
        ConcurrentHashMap<K, Integer> coll = new ConcurrentHashMap<>(4);
        for (int i = 0; i < 30; i++) {
            coll.put(new K(i, (i % 3) * 32 + (i % 2)), i);
            if (i % 6 == 5) {
                System.out.println("collide " + i + ": " + coll);
            }
        }
        for (int i = 0; i < 30; i += 4) {
            coll.remove(new K(i, (i % 3) * 32 + (i % 2)));
        }
        System.out.println("collide removed: " + coll + " " + coll.size());

        for (int cap : new int[] {0, 1, 7, 12, 16, 50}) {
            ConcurrentHashMap<Integer, Integer> c = new ConcurrentHashMap<>(cap);
            for (int i = 0; i < 20; i++) {
                c.put(i * 17, i);
            }
            System.out.println("capacity " + cap + ": " + c.keySet());
        }
        Map<Integer, Integer> src = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            src.put(i * 29, i);
        }
        System.out.println("copy: " + new ConcurrentHashMap<>(src).keySet());
        ConcurrentHashMap<Integer, Integer> pa = new ConcurrentHashMap<>();
        pa.put(5, 5);
        pa.putAll(src);
        System.out.println("putAll: " + pa.keySet());

        // Views.
        ConcurrentHashMap<Integer, String> v = new ConcurrentHashMap<>();
        for (int i = 0; i < 12; i++) {
            v.put(i, "s" + i);
        }
        for (Iterator<Integer> it = v.keySet().iterator(); it.hasNext();) {
            if (it.next() % 3 == 0) {
                it.remove();
            }
        }
        for (Map.Entry<Integer, String> e : v.entrySet()) {
            if (e.getKey() % 2 == 0) {
                System.out.print(e.setValue("t" + e.getKey()) + " ");
            }
        }
        System.out.println();
        System.out.println("views: " + v + " " + v.values().remove("s5") + " " + v.keySet().remove(7) + " "
                + v.entrySet().remove(Map.entry(8, "t8")) + " " + v.entrySet().contains(Map.entry(10, "t10")));
        v.values().removeIf(s -> s.endsWith("1"));
        v.entrySet().removeIf(e -> e.getKey() == 2);
        v.keySet().removeIf(k -> k == 4);
        System.out.println("removeIf: " + v + " " + v.keySet().contains(10) + " " + v.values().contains("t10"));
        try {
            v.keySet().add(3);
        } catch (UnsupportedOperationException e) {
            System.out.println("keySet add: UOE");
        }
        try {
            v.values().add("x");
        } catch (UnsupportedOperationException e) {
            System.out.println("values add: UOE");
        }
        ConcurrentHashMap.KeySetView<Integer, String> withDefault = v.keySet("dflt");
        System.out.println("keySet(value): " + withDefault.add(20) + " " + withDefault.add(20) + " "
                + withDefault.addAll(List.of(21, 22, 10)) + " " + withDefault.getMappedValue() + " " + v);
        ConcurrentHashMap.KeySetView<String, Boolean> set = ConcurrentHashMap.newKeySet();
        for (String w : text.split(" ")) {
            set.add(w);
        }
        System.out.println("newKeySet: " + set + " " + set.size() + " " + set.contains("fox") + " "
                + set.getMap().get("fox") + " " + set.hashCode() + " " + set.equals(Set.copyOf(set)));
        set.retainAll(List.of("the", "fox", "emu", "dog"));
        set.removeAll(List.of("dog"));
        System.out.println("retain/removeAll: " + set + " " + java.util.Arrays.toString(set.toArray())
                + " " + set.toArray(new String[0]).length + " " + set.containsAll(List.of("the", "fox")));
        StringBuilder en = new StringBuilder();
        for (Enumeration<Integer> e = v.keys(); e.hasMoreElements();) {
            en.append(e.nextElement()).append(',');
        }
        for (Enumeration<String> e = v.elements(); e.hasMoreElements();) {
            en.append(e.nextElement()).append(';');
        }
        System.out.println("enumerations: " + en);

        // Bulk operations. With a parallelism threshold below the size the JDK forks tasks on the
        // common pool, whose order (and a non-identity basis's count) depends on the machine; the
        // guest library runs them sequentially. So: order-sensitive calls with Long.MAX_VALUE (no
        // forking in the JDK either), commutative reductions with identity bases at threshold 1.
        long seq = Long.MAX_VALUE;
        ConcurrentHashMap<String, Integer> b = new ConcurrentHashMap<>(words);
        System.out.println("search: " + b.search(seq, (k, x) -> x > 40 ? k : null) + " " + b.searchKeys(seq, k -> k.startsWith("q") ? k : null)
                + " " + b.searchValues(seq, x -> x == 4 ? "four" : null) + " " + b.searchEntries(seq, e -> e.getValue() > 1000 ? e : null));
        System.out.println("reduce: " + b.reduce(1, (k, x) -> k.length() + x, Integer::sum) + " "
                + b.reduceKeys(1, (x, y) -> x.compareTo(y) < 0 ? x : y) + " " + b.reduceValues(1, Math::max) + " "
                + b.reduceToLong(1, (k, x) -> x, 0L, Long::sum) + " "
                + b.reduceKeysToInt(1, String::length, 0, Integer::sum) + " "
                + b.reduceValuesToDouble(1, x -> x / 2.0, 0.0, Double::sum) + " "
                + b.reduceEntries(1, e -> e.getKey(), (x, y) -> x + y).length() + " "
                + b.reduceEntries(seq, e -> e.getKey(), (x, y) -> x + y) + " "
                + b.reduceValuesToDouble(seq, x -> x / 2.0, 0.5, Double::sum) + " "
                + b.reduceKeys(seq, k -> k.substring(0, 1), String::concat) + " "
                + b.reduceEntriesToLong(seq, e -> e.getValue(), 3L, (p, q) -> p * 31 + q));
        StringBuilder bulk = new StringBuilder();
        b.forEach(seq, (k, x) -> bulk.append(k.charAt(0)));
        b.forEachKey(seq, k -> bulk.append(k.length()));
        b.forEachValue(seq, x -> x > 10 ? "big" : null, s -> bulk.append('!'));
        b.forEachEntry(seq, e -> bulk.append(e.getValue() % 10));
        b.forEach(seq, (k, x) -> x % 2 == 0 ? k.toUpperCase() : null, bulk::append);
        System.out.println("forEach bulk: " + bulk);

        // equals / hashCode against other maps.
        HashMap<String, Integer> hm = new HashMap<>(b);
        System.out.println("equals: " + b.equals(hm) + " " + hm.equals(b) + " " + (b.hashCode() == hm.hashCode()) + " "
                + b.keySet().equals(hm.keySet()) + " " + b.entrySet().equals(hm.entrySet()));
        hm.put("zzz", 1);
        System.out.println("not equal: " + b.equals(hm) + " " + b.equals("x"));
        ConcurrentMap<String, Integer> asInterface = b;
        System.out.println("as ConcurrentMap: " + asInterface.getOrDefault("zzz", -1) + " " + asInterface.keySet().size());

        // Puts while iterating: the iterator follows the table into its resized successor.
        ConcurrentHashMap<Integer, Integer> grow = new ConcurrentHashMap<>();
        for (int i = 0; i < 10; i++) {
            grow.put(i * 5, i);
        }
        List<Integer> seen = new ArrayList<>();
        int added = 0;
        for (Integer k : grow.keySet()) {
            seen.add(k);
            if (added < 40) {
                grow.put(100 + added * 3, added);
                added++;
            }
        }
        System.out.println("iterate while growing: " + seen.size() + " " + seen);

        // Guest threads updating one map.
        ConcurrentHashMap<Integer, Integer> counts = new ConcurrentHashMap<>();
        ConcurrentHashMap<Integer, AtomicInteger> made = new ConcurrentHashMap<>();
        AtomicInteger creations = new AtomicInteger();
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) {
            final int id = t;
            ts[t] = new Thread(() -> {
                for (int i = 0; i < 600; i++) {
                    int key = (i * (id + 1)) % 37;
                    counts.merge(key, 1, Integer::sum);
                    made.computeIfAbsent(key % 10, k -> {
                        creations.incrementAndGet();
                        return new AtomicInteger();
                    }).incrementAndGet();
                    if (i % 50 == 0) {
                        counts.compute(-1, (k, x) -> x == null ? 1 : x + 1);
                    }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        int total = 0;
        for (int c : counts.values()) {
            total += c;
        }
        // Sorted: keys -1 and 0 share a bin, and their order in it is the order two threads
        // inserted them, which on the JVM depends on its thread timing (this line was flaky).
        System.out.println("threads: " + new java.util.TreeMap<>(counts) + " total " + total + " made "
                + new java.util.TreeMap<>(made) + " creations " + creations);
    }
}
