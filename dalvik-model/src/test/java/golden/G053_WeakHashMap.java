package golden;

import java.lang.ref.Reference;
import java.util.Iterator;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * WeakHashMap with keys of value-based hash codes (so the JDK's iteration order shows): entries
 * whose keys nobody else holds go after System.gc(), the others stay; put/get/remove, the null
 * key, iteration with removal, growth past the threshold, clear.
 */
public class G053_WeakHashMap {
    static final class Key {
        final int id;

        Key(int id) {
            this.id = id;
        }

        @Override
        public int hashCode() {
            return id * 31 + 7;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.id == id;
        }

        @Override
        public String toString() {
            return "k" + id;
        }
    }

    static Key[] strong = new Key[20];

    static void fill(Map<Key, String> m, int n) {
        for (int i = 0; i < n; i++) {
            Key k = new Key(i);
            m.put(k, "v" + i);
            if (i % 3 == 0) {
                strong[i / 3] = k;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        WeakHashMap<Key, String> m = new WeakHashMap<>();
        fill(m, 40);
        System.out.println(m.size() + " " + m);
        System.out.println(m.get(new Key(4)) + " " + m.containsKey(new Key(39)) + " " + m.containsValue("v7"));
        System.gc();
        for (int i = 0; i < 200 && m.size() != 14; i++) {
            Thread.sleep(10); // the JVM's reference handler enqueues after gc() returns
        }
        System.out.println(m.size() + " " + m);
        System.out.println(m.get(new Key(4)) + " " + m.get(new Key(3)) + " " + m.containsValue("v7"));
        m.put(null, "null value");
        m.put(strong[1], "replaced");
        System.out.println(m.get(null) + " " + m.remove(new Key(6)) + " " + m.size());
        for (Iterator<Map.Entry<Key, String>> it = m.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, String> e = it.next();
            if (e.getKey() != null && e.getKey().id % 2 == 0) {
                it.remove();
            }
        }
        System.out.println(m.size() + " " + m + " " + m.keySet() + " " + m.values());
        m.clear();
        System.out.println(m.isEmpty() + " " + m);
        Reference.reachabilityFence(strong);
    }
}
