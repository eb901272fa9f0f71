package org.cometsim.guestlib.java.util.concurrent;

import java.util.Collection;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.cometsim.guestlib.java.util.AbstractCollection;
import org.cometsim.guestlib.java.util.AbstractMap;
import org.cometsim.guestlib.java.util.AbstractSet;
import org.cometsim.guestlib.java.util.TreeMap;

/**
 * Guest-side {@code java.util.concurrent.ConcurrentSkipListMap}: a guest {@link TreeMap} (same
 * ordering, same comparator calls' outcomes) on the monitor of an internal lock object, behind
 * the JDK 17 API and rules: no null keys or values ({@code NullPointerException}), entries handed
 * out ({@code firstEntry}, {@code ceilingEntry}, entry iterators ...) are immutable snapshots,
 * range views ({@code subMap}/{@code headMap}/{@code tailMap}/{@code descendingMap}, and their
 * key sets) are {@code ConcurrentNavigableMap}s over the same map that reject keys outside the
 * range ({@code "key out of range"}, {@code "inconsistent range"}), iterators never throw
 * {@code ConcurrentModificationException}: each caches the next key and value and then advances
 * to the next key above the one it returned in the current map (the JDK's weak consistency),
 * {@code remove} through an iterator removes that key. Functions given to {@code compute},
 * {@code merge} and the like run without the lock (they may update the map, as with the JDK's).
 * The state is guest objects the DSM tracks field by field.
 *
 * <p>Deviations: operations take a monitor (the JDK's is lock-free); {@code size()} of a range
 * view counts its entries, as the JDK's does. {@code toString} reads the tree without the lock
 * (host code may format the map from a callback while the lock's monitor is on the other
 * endpoint), retrying if an update interleaves. The default serialized form; no spliterators
 * beyond the {@code Collection} defaults.
 */
public class ConcurrentSkipListMap<K, V> extends AbstractMap<K, V>
        implements ConcurrentNavigableMap<K, V>, Cloneable, java.io.Serializable {

    private static final long serialVersionUID = -8627078645895051609L;

    final Object lock = new Object();
    final Comparator<? super K> comparator;
    TreeMap<K, V> tm;
    private transient View<K, V> all;

    public ConcurrentSkipListMap() {
        this((Comparator<? super K>) null);
    }

    public ConcurrentSkipListMap(Comparator<? super K> comparator) {
        this.comparator = comparator;
        this.tm = new TreeMap<K, V>(comparator);
    }

    public ConcurrentSkipListMap(Map<? extends K, ? extends V> m) {
        this((Comparator<? super K>) null);
        putAll(m);
    }

    @SuppressWarnings("unchecked")
    public ConcurrentSkipListMap(SortedMap<K, ? extends V> m) {
        this(m.comparator());
        for (Map.Entry<K, ? extends V> e : m.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    View<K, V> all() {
        View<K, V> v = all;
        return v != null ? v : (all = new View<K, V>(this, null, false, null, false, false));
    }

    @SuppressWarnings("unchecked")
    int cpr(Object a, Object b) {
        return comparator != null ? comparator.compare((K) a, (K) b) : ((Comparable<Object>) a).compareTo(b);
    }

    @Override
    public ConcurrentSkipListMap<K, V> clone() {
        ConcurrentSkipListMap<K, V> c = new ConcurrentSkipListMap<K, V>(comparator);
        synchronized (lock) {
            c.tm.putAll(tm);
        }
        return c;
    }

    // ---- Map / ConcurrentMap ----

    @Override
    public boolean containsKey(Object key) {
        return all().containsKey(key);
    }

    @Override
    public V get(Object key) {
        return all().get(key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        V v = get(key);
        return v == null ? defaultValue : v;
    }

    @Override
    public V put(K key, V value) {
        return all().put(key, value);
    }

    @Override
    public V remove(Object key) {
        return all().remove(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return all().containsValue(value);
    }

    @Override
    public int size() {
        return all().size();
    }

    @Override
    public boolean isEmpty() {
        return all().isEmpty();
    }

    @Override
    public void clear() {
        all().clear();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return all().putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return all().remove(key, value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return all().replace(key, oldValue, newValue);
    }

    @Override
    public V replace(K key, V value) {
        return all().replace(key, value);
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        if (key == null || mappingFunction == null) {
            throw new NullPointerException();
        }
        V v;
        V p;
        V r;
        if ((v = get(key)) == null && (r = mappingFunction.apply(key)) != null) {
            v = (p = putIfAbsent(key, r)) == null ? r : p;
        }
        return v;
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (key == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        V v;
        while ((v = get(key)) != null) {
            V r = remappingFunction.apply(key, v);
            if (r != null) {
                if (replace(key, v, r)) {
                    return r;
                }
            } else if (remove(key, v)) {
                break;
            }
        }
        return null;
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (key == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        for (;;) {
            V v = get(key);
            V r = remappingFunction.apply(key, v);
            if (v == null) {
                if (r == null || putIfAbsent(key, r) == null) {
                    return r;
                }
            } else if (r != null) {
                if (replace(key, v, r)) {
                    return r;
                }
            } else if (remove(key, v)) {
                return null;
            }
        }
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        if (key == null || value == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        for (;;) {
            V v = get(key);
            if (v == null) {
                if (putIfAbsent(key, value) == null) {
                    return value;
                }
            } else {
                V r = remappingFunction.apply(v, value);
                if (r != null) {
                    if (replace(key, v, r)) {
                        return r;
                    }
                } else if (remove(key, v)) {
                    return null;
                }
            }
        }
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        for (Map.Entry<K, V> e : entrySet()) {
            action.accept(e.getKey(), e.getValue());
        }
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        if (function == null) {
            throw new NullPointerException();
        }
        for (Map.Entry<K, V> e : entrySet()) {
            K k = e.getKey();
            V v = e.getValue();
            while (v != null) {
                V r = function.apply(k, v);
                if (r == null) {
                    throw new NullPointerException();
                }
                if (replace(k, v, r)) {
                    break;
                }
                v = get(k);
            }
        }
    }

    @Override
    public String toString() {
        return all().toString();
    }

    // ---- NavigableMap ----

    @Override
    public Comparator<? super K> comparator() {
        return comparator;
    }

    @Override
    public K firstKey() {
        return all().firstKey();
    }

    @Override
    public K lastKey() {
        return all().lastKey();
    }

    @Override
    public Map.Entry<K, V> firstEntry() {
        return all().firstEntry();
    }

    @Override
    public Map.Entry<K, V> lastEntry() {
        return all().lastEntry();
    }

    @Override
    public Map.Entry<K, V> pollFirstEntry() {
        return all().pollFirstEntry();
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        return all().pollLastEntry();
    }

    @Override
    public Map.Entry<K, V> lowerEntry(K key) {
        return all().lowerEntry(key);
    }

    @Override
    public K lowerKey(K key) {
        return all().lowerKey(key);
    }

    @Override
    public Map.Entry<K, V> floorEntry(K key) {
        return all().floorEntry(key);
    }

    @Override
    public K floorKey(K key) {
        return all().floorKey(key);
    }

    @Override
    public Map.Entry<K, V> ceilingEntry(K key) {
        return all().ceilingEntry(key);
    }

    @Override
    public K ceilingKey(K key) {
        return all().ceilingKey(key);
    }

    @Override
    public Map.Entry<K, V> higherEntry(K key) {
        return all().higherEntry(key);
    }

    @Override
    public K higherKey(K key) {
        return all().higherKey(key);
    }

    @Override
    public NavigableSet<K> keySet() {
        return all().keySet();
    }

    @Override
    public NavigableSet<K> navigableKeySet() {
        return all().navigableKeySet();
    }

    @Override
    public NavigableSet<K> descendingKeySet() {
        return all().descendingKeySet();
    }

    @Override
    public Collection<V> values() {
        return all().values();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return all().entrySet();
    }

    @Override
    public ConcurrentNavigableMap<K, V> descendingMap() {
        return all().descendingMap();
    }

    @Override
    public ConcurrentNavigableMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
        return all().subMap(fromKey, fromInclusive, toKey, toInclusive);
    }

    @Override
    public ConcurrentNavigableMap<K, V> headMap(K toKey, boolean inclusive) {
        return all().headMap(toKey, inclusive);
    }

    @Override
    public ConcurrentNavigableMap<K, V> tailMap(K fromKey, boolean inclusive) {
        return all().tailMap(fromKey, inclusive);
    }

    @Override
    public ConcurrentNavigableMap<K, V> subMap(K fromKey, K toKey) {
        return subMap(fromKey, true, toKey, false);
    }

    @Override
    public ConcurrentNavigableMap<K, V> headMap(K toKey) {
        return headMap(toKey, false);
    }

    @Override
    public ConcurrentNavigableMap<K, V> tailMap(K fromKey) {
        return tailMap(fromKey, true);
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Map)) {
            return false;
        }
        Map<?, ?> m = (Map<?, ?>) o;
        try {
            for (Map.Entry<K, V> e : entrySet()) {
                if (!e.getValue().equals(m.get(e.getKey()))) {
                    return false;
                }
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object k = e.getKey();
                Object v = e.getValue();
                if (k == null || v == null || !v.equals(get(k))) {
                    return false;
                }
            }
            return true;
        } catch (ClassCastException | NullPointerException unused) {
            return false;
        }
    }

    // ---- the range view (also the whole map: no bounds, ascending) ----

    /**
     * The JDK's {@code SubMap}: keys between lo and hi (null: unbounded) of the base map, in
     * ascending or descending order. Every operation holds the base map's lock while it reads
     * or writes the tree; results are snapshots.
     */
    static final class View<K, V> extends AbstractMap<K, V> implements ConcurrentNavigableMap<K, V>, java.io.Serializable {
        private static final long serialVersionUID = -7647078645895051609L;

        final ConcurrentSkipListMap<K, V> m;
        private final K lo;
        private final boolean loInclusive;
        private final K hi;
        private final boolean hiInclusive;
        final boolean isDescending;

        View(ConcurrentSkipListMap<K, V> m, K lo, boolean loInclusive, K hi, boolean hiInclusive, boolean isDescending) {
            if (lo != null && hi != null && m.cpr(lo, hi) > 0) {
                throw new IllegalArgumentException("inconsistent range");
            }
            this.m = m;
            this.lo = lo;
            this.loInclusive = loInclusive;
            this.hi = hi;
            this.hiInclusive = hiInclusive;
            this.isDescending = isDescending;
        }

        private boolean tooLow(Object key) {
            int c;
            return lo != null && ((c = m.cpr(key, lo)) < 0 || (c == 0 && !loInclusive));
        }

        private boolean tooHigh(Object key) {
            int c;
            return hi != null && ((c = m.cpr(key, hi)) > 0 || (c == 0 && !hiInclusive));
        }

        private boolean inBounds(Object key) {
            return !tooLow(key) && !tooHigh(key);
        }

        private void checkKeyBounds(K key) {
            if (key == null) {
                throw new NullPointerException();
            }
            if (!inBounds(key)) {
                throw new IllegalArgumentException("key out of range");
            }
        }

        // ascending primitives over the tree (caller holds the lock); live tree entries or null

        private Map.Entry<K, V> loNode() {
            Map.Entry<K, V> e = lo == null ? m.tm.firstEntry() : loInclusive ? m.tm.ceilingEntry(lo) : m.tm.higherEntry(lo);
            return e == null || tooHigh(e.getKey()) ? null : e;
        }

        private Map.Entry<K, V> hiNode() {
            Map.Entry<K, V> e = hi == null ? m.tm.lastEntry() : hiInclusive ? m.tm.floorEntry(hi) : m.tm.lowerEntry(hi);
            return e == null || tooLow(e.getKey()) ? null : e;
        }

        private Map.Entry<K, V> ascNear(K key, boolean above, boolean inclusive) {
            Map.Entry<K, V> e;
            if (above) {
                if (tooLow(key)) {
                    return loNode();
                }
                e = inclusive ? m.tm.ceilingEntry(key) : m.tm.higherEntry(key);
                return e == null || tooHigh(e.getKey()) ? null : e;
            }
            if (tooHigh(key)) {
                return hiNode();
            }
            e = inclusive ? m.tm.floorEntry(key) : m.tm.lowerEntry(key);
            return e == null || tooLow(e.getKey()) ? null : e;
        }

        /** First entry in this view's order (caller holds the lock). */
        Map.Entry<K, V> firstNode() {
            return isDescending ? hiNode() : loNode();
        }

        Map.Entry<K, V> lastNode() {
            return isDescending ? loNode() : hiNode();
        }

        /** The entry after key in this view's order (caller holds the lock). */
        Map.Entry<K, V> nextNode(K key) {
            return ascNear(key, !isDescending, false);
        }

        private Map.Entry<K, V> near(K key, boolean after, boolean inclusive) {
            if (key == null) {
                throw new NullPointerException();
            }
            synchronized (m.lock) {
                return snapshot(ascNear(key, after != isDescending, inclusive));
            }
        }

        static <K, V> Map.Entry<K, V> snapshot(Map.Entry<K, V> e) {
            return e == null ? null : new AbstractMap.SimpleImmutableEntry<K, V>(e.getKey(), e.getValue());
        }

        private static <K> K keyOrNull(Map.Entry<K, ?> e) {
            return e == null ? null : e.getKey();
        }

        private boolean unbounded() {
            return lo == null && hi == null;
        }

        // ---- Map ----

        @Override
        public boolean containsKey(Object key) {
            if (key == null) {
                throw new NullPointerException();
            }
            synchronized (m.lock) {
                return inBounds(key) && m.tm.containsKey(key);
            }
        }

        @Override
        public V get(Object key) {
            if (key == null) {
                throw new NullPointerException();
            }
            synchronized (m.lock) {
                return !inBounds(key) ? null : m.tm.get(key);
            }
        }

        @Override
        public V put(K key, V value) {
            checkKeyBounds(key);
            if (value == null) {
                throw new NullPointerException();
            }
            synchronized (m.lock) {
                return m.tm.put(key, value);
            }
        }

        @Override
        public V remove(Object key) {
            if (key == null) {
                throw new NullPointerException();
            }
            synchronized (m.lock) {
                return !inBounds(key) ? null : m.tm.remove(key);
            }
        }

        @Override
        public int size() {
            synchronized (m.lock) {
                if (unbounded()) {
                    return m.tm.size();
                }
                int n = 0;
                for (Map.Entry<K, V> e = loNode(); e != null; e = ascNear(e.getKey(), true, false)) {
                    n++;
                }
                return n;
            }
        }

        @Override
        public boolean isEmpty() {
            synchronized (m.lock) {
                return loNode() == null;
            }
        }

        @Override
        public boolean containsValue(Object value) {
            if (value == null) {
                throw new NullPointerException();
            }
            for (Iterator<V> it = new Iter<V>(this, Iter.VALUES); it.hasNext();) {
                if (value.equals(it.next())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void clear() {
            synchronized (m.lock) {
                if (unbounded()) {
                    m.tm.clear();
                    return;
                }
                for (Map.Entry<K, V> e = loNode(); e != null; e = loNode()) {
                    m.tm.remove(e.getKey());
                }
            }
        }

        @Override
        public V putIfAbsent(K key, V value) {
            checkKeyBounds(key);
            if (value == null) {
                throw new NullPointerException();
            }
            synchronized (m.lock) {
                V v = m.tm.get(key);
                if (v == null) {
                    m.tm.put(key, value);
                }
                return v;
            }
        }

        @Override
        public boolean remove(Object key, Object value) {
            if (key == null) {
                throw new NullPointerException();
            }
            synchronized (m.lock) {
                if (!inBounds(key) || value == null) {
                    return false;
                }
                V v = m.tm.get(key);
                if (v != null && value.equals(v)) {
                    m.tm.remove(key);
                    return true;
                }
                return false;
            }
        }

        @Override
        public boolean replace(K key, V oldValue, V newValue) {
            checkKeyBounds(key);
            if (oldValue == null || newValue == null) {
                throw new NullPointerException();
            }
            synchronized (m.lock) {
                V v = m.tm.get(key);
                if (v != null && oldValue.equals(v)) {
                    m.tm.put(key, newValue);
                    return true;
                }
                return false;
            }
        }

        @Override
        public V replace(K key, V value) {
            checkKeyBounds(key);
            if (value == null) {
                throw new NullPointerException();
            }
            synchronized (m.lock) {
                V v = m.tm.get(key);
                if (v != null) {
                    m.tm.put(key, value);
                }
                return v;
            }
        }

        /** "{k=v, ...}" from the tree read without the lock; retried when an update interleaves. */
        @Override
        public String toString() {
            Object[] es = unlockedEntries();
            if (es.length == 0) {
                return "{}";
            }
            org.cometsim.guestlib.java.lang.StringBuilder sb = new org.cometsim.guestlib.java.lang.StringBuilder();
            sb.append('{');
            for (int i = 0; i < es.length; i++) {
                @SuppressWarnings("unchecked")
                Map.Entry<K, V> e = (Map.Entry<K, V>) es[i];
                if (i > 0) {
                    sb.append(',').append(' ');
                }
                K k = e.getKey();
                V v = e.getValue();
                sb.append(k == this ? "(this Map)" : k);
                sb.append('=');
                sb.append(v == this ? "(this Map)" : v);
            }
            return sb.append('}').toString();
        }

        /** This view's entries (immutable copies) in its order, read from the tree without the lock. */
        Object[] unlockedEntries() {
            Object[] all;
            for (;;) {
                try {
                    all = m.tm.entrySet().toArray();
                    break;
                } catch (ConcurrentModificationException | NullPointerException retry) {
                    // an update was under way on another thread: read again
                }
            }
            org.cometsim.guestlib.java.util.ArrayList<Object> in = new org.cometsim.guestlib.java.util.ArrayList<Object>();
            for (Object o : all) {
                @SuppressWarnings("unchecked")
                Map.Entry<K, V> e = (Map.Entry<K, V>) o;
                if (inBounds(e.getKey())) {
                    in.add(snapshot(e));
                }
            }
            if (isDescending) {
                java.util.Collections.reverse(in);
            }
            return in.toArray();
        }

        // ---- NavigableMap ----

        @Override
        public Comparator<? super K> comparator() {
            Comparator<? super K> cmp = m.comparator();
            return isDescending ? java.util.Collections.reverseOrder(cmp) : cmp;
        }

        @Override
        public K firstKey() {
            synchronized (m.lock) {
                Map.Entry<K, V> e = firstNode();
                if (e == null) {
                    throw new NoSuchElementException();
                }
                return e.getKey();
            }
        }

        @Override
        public K lastKey() {
            synchronized (m.lock) {
                Map.Entry<K, V> e = lastNode();
                if (e == null) {
                    throw new NoSuchElementException();
                }
                return e.getKey();
            }
        }

        @Override
        public Map.Entry<K, V> firstEntry() {
            synchronized (m.lock) {
                return snapshot(firstNode());
            }
        }

        @Override
        public Map.Entry<K, V> lastEntry() {
            synchronized (m.lock) {
                return snapshot(lastNode());
            }
        }

        @Override
        public Map.Entry<K, V> pollFirstEntry() {
            synchronized (m.lock) {
                Map.Entry<K, V> e = snapshot(firstNode());
                if (e != null) {
                    m.tm.remove(e.getKey());
                }
                return e;
            }
        }

        @Override
        public Map.Entry<K, V> pollLastEntry() {
            synchronized (m.lock) {
                Map.Entry<K, V> e = snapshot(lastNode());
                if (e != null) {
                    m.tm.remove(e.getKey());
                }
                return e;
            }
        }

        @Override
        public Map.Entry<K, V> lowerEntry(K key) {
            return near(key, false, false);
        }

        @Override
        public K lowerKey(K key) {
            return keyOrNull(lowerEntry(key));
        }

        @Override
        public Map.Entry<K, V> floorEntry(K key) {
            return near(key, false, true);
        }

        @Override
        public K floorKey(K key) {
            return keyOrNull(floorEntry(key));
        }

        @Override
        public Map.Entry<K, V> ceilingEntry(K key) {
            return near(key, true, true);
        }

        @Override
        public K ceilingKey(K key) {
            return keyOrNull(ceilingEntry(key));
        }

        @Override
        public Map.Entry<K, V> higherEntry(K key) {
            return near(key, true, false);
        }

        @Override
        public K higherKey(K key) {
            return keyOrNull(higherEntry(key));
        }

        private View<K, V> newView(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
            if (isDescending) { // the caller's range is in descending order: swap its ends
                K tk = fromKey;
                fromKey = toKey;
                toKey = tk;
                boolean ti = fromInclusive;
                fromInclusive = toInclusive;
                toInclusive = ti;
            }
            if (lo != null) {
                if (fromKey == null) {
                    fromKey = lo;
                    fromInclusive = loInclusive;
                } else {
                    int c = m.cpr(fromKey, lo);
                    if (c < 0 || (c == 0 && !loInclusive && fromInclusive)) {
                        throw new IllegalArgumentException("key out of range");
                    }
                }
            }
            if (hi != null) {
                if (toKey == null) {
                    toKey = hi;
                    toInclusive = hiInclusive;
                } else {
                    int c = m.cpr(toKey, hi);
                    if (c > 0 || (c == 0 && !hiInclusive && toInclusive)) {
                        throw new IllegalArgumentException("key out of range");
                    }
                }
            }
            return new View<K, V>(m, fromKey, fromInclusive, toKey, toInclusive, isDescending);
        }

        @Override
        public ConcurrentNavigableMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
            if (fromKey == null || toKey == null) {
                throw new NullPointerException();
            }
            return newView(fromKey, fromInclusive, toKey, toInclusive);
        }

        @Override
        public ConcurrentNavigableMap<K, V> headMap(K toKey, boolean inclusive) {
            if (toKey == null) {
                throw new NullPointerException();
            }
            return newView(null, false, toKey, inclusive);
        }

        @Override
        public ConcurrentNavigableMap<K, V> tailMap(K fromKey, boolean inclusive) {
            if (fromKey == null) {
                throw new NullPointerException();
            }
            return newView(fromKey, inclusive, null, false);
        }

        @Override
        public ConcurrentNavigableMap<K, V> subMap(K fromKey, K toKey) {
            return subMap(fromKey, true, toKey, false);
        }

        @Override
        public ConcurrentNavigableMap<K, V> headMap(K toKey) {
            return headMap(toKey, false);
        }

        @Override
        public ConcurrentNavigableMap<K, V> tailMap(K fromKey) {
            return tailMap(fromKey, true);
        }

        @Override
        public ConcurrentNavigableMap<K, V> descendingMap() {
            return new View<K, V>(m, lo, loInclusive, hi, hiInclusive, !isDescending);
        }

        @Override
        public NavigableSet<K> keySet() {
            return new KeySet<K>(this);
        }

        @Override
        public NavigableSet<K> navigableKeySet() {
            return new KeySet<K>(this);
        }

        @Override
        public NavigableSet<K> descendingKeySet() {
            return new KeySet<K>((View<K, ?>) descendingMap());
        }

        @Override
        public Collection<V> values() {
            return new Values<V>(this);
        }

        @Override
        public Set<Map.Entry<K, V>> entrySet() {
            return new EntrySet<K, V>(this);
        }
    }

    /** The JDK's iterator: next key and value cached, then the key above the returned one in the current map. */
    static final class Iter<T> implements Iterator<T> {
        static final int KEYS = 0;
        static final int VALUES = 1;
        static final int ENTRIES = 2;

        private final View<Object, Object> view;
        private final int kind;
        private Object nextKey;
        private Object nextValue;
        private Object lastReturned;

        @SuppressWarnings("unchecked")
        Iter(View<?, ?> view, int kind) {
            this.view = (View<Object, Object>) view;
            this.kind = kind;
            synchronized (view.m.lock) {
                set(this.view.firstNode());
            }
        }

        private void set(Map.Entry<Object, Object> e) {
            if (e == null) {
                nextKey = nextValue = null;
            } else {
                nextKey = e.getKey();
                nextValue = e.getValue();
            }
        }

        @Override
        public boolean hasNext() {
            return nextKey != null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            Object k = nextKey;
            if (k == null) {
                throw new NoSuchElementException();
            }
            Object v = nextValue;
            lastReturned = k;
            synchronized (view.m.lock) {
                set(view.nextNode(k));
            }
            if (kind == KEYS) {
                return (T) k;
            }
            if (kind == VALUES) {
                return (T) v;
            }
            return (T) new AbstractMap.SimpleImmutableEntry<Object, Object>(k, v);
        }

        @Override
        public void remove() {
            Object k = lastReturned;
            if (k == null) {
                throw new IllegalStateException();
            }
            view.m.remove(k);
            lastReturned = null;
        }
    }

    /** The JDK's {@code KeySet}: a NavigableSet over a map view. */
    static final class KeySet<K> extends AbstractSet<K> implements NavigableSet<K>, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final View<K, ?> m;

        KeySet(View<K, ?> m) {
            this.m = m;
        }

        @Override
        public int size() {
            return m.size();
        }

        @Override
        public boolean isEmpty() {
            return m.isEmpty();
        }

        @Override
        public boolean contains(Object o) {
            return m.containsKey(o);
        }

        @Override
        public boolean remove(Object o) {
            return m.remove(o) != null;
        }

        @Override
        public void clear() {
            m.clear();
        }

        @Override
        public K lower(K e) {
            return m.lowerKey(e);
        }

        @Override
        public K floor(K e) {
            return m.floorKey(e);
        }

        @Override
        public K ceiling(K e) {
            return m.ceilingKey(e);
        }

        @Override
        public K higher(K e) {
            return m.higherKey(e);
        }

        @Override
        public Comparator<? super K> comparator() {
            return m.comparator();
        }

        @Override
        public K first() {
            return m.firstKey();
        }

        @Override
        public K last() {
            return m.lastKey();
        }

        @Override
        public K pollFirst() {
            Map.Entry<K, ?> e = m.pollFirstEntry();
            return (e == null) ? null : e.getKey();
        }

        @Override
        public K pollLast() {
            Map.Entry<K, ?> e = m.pollLastEntry();
            return (e == null) ? null : e.getKey();
        }

        @Override
        public Iterator<K> iterator() {
            return new Iter<K>(m, Iter.KEYS);
        }

        @Override
        public Object[] toArray() {
            org.cometsim.guestlib.java.util.ArrayList<Object> ks = new org.cometsim.guestlib.java.util.ArrayList<Object>();
            for (Iterator<K> it = iterator(); it.hasNext();) {
                ks.add(it.next());
            }
            return ks.toArray();
        }

        @Override
        public <T> T[] toArray(T[] a) {
            org.cometsim.guestlib.java.util.ArrayList<Object> ks = new org.cometsim.guestlib.java.util.ArrayList<Object>();
            for (Iterator<K> it = iterator(); it.hasNext();) {
                ks.add(it.next());
            }
            return ks.toArray(a);
        }

        /** "[k, ...]" read without the map's lock, as the map's toString. */
        @Override
        public String toString() {
            Object[] es = m.unlockedEntries();
            Object[] ks = new Object[es.length];
            for (int i = 0; i < es.length; i++) {
                ks[i] = ((Map.Entry<?, ?>) es[i]).getKey();
            }
            return LinkedBlockingQueue.collectionToString(this, ks);
        }

        @Override
        public Iterator<K> descendingIterator() {
            return descendingSet().iterator();
        }

        @Override
        public NavigableSet<K> subSet(K fromElement, boolean fromInclusive, K toElement, boolean toInclusive) {
            return new KeySet<K>((View<K, ?>) m.subMap(fromElement, fromInclusive, toElement, toInclusive));
        }

        @Override
        public NavigableSet<K> headSet(K toElement, boolean inclusive) {
            return new KeySet<K>((View<K, ?>) m.headMap(toElement, inclusive));
        }

        @Override
        public NavigableSet<K> tailSet(K fromElement, boolean inclusive) {
            return new KeySet<K>((View<K, ?>) m.tailMap(fromElement, inclusive));
        }

        @Override
        public NavigableSet<K> subSet(K fromElement, K toElement) {
            return subSet(fromElement, true, toElement, false);
        }

        @Override
        public NavigableSet<K> headSet(K toElement) {
            return headSet(toElement, false);
        }

        @Override
        public NavigableSet<K> tailSet(K fromElement) {
            return tailSet(fromElement, true);
        }

        @Override
        public NavigableSet<K> descendingSet() {
            return new KeySet<K>((View<K, ?>) m.descendingMap());
        }
    }

    static final class Values<V> extends AbstractCollection<V> implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final View<?, V> m;

        Values(View<?, V> m) {
            this.m = m;
        }

        @Override
        public Iterator<V> iterator() {
            return new Iter<V>(m, Iter.VALUES);
        }

        @Override
        public boolean isEmpty() {
            return m.isEmpty();
        }

        @Override
        public int size() {
            return m.size();
        }

        @Override
        public boolean contains(Object o) {
            return m.containsValue(o);
        }

        @Override
        public void clear() {
            m.clear();
        }

        @Override
        public String toString() {
            Object[] es = m.unlockedEntries();
            Object[] vs = new Object[es.length];
            for (int i = 0; i < es.length; i++) {
                vs[i] = ((Map.Entry<?, ?>) es[i]).getValue();
            }
            return LinkedBlockingQueue.collectionToString(this, vs);
        }
    }

    static final class EntrySet<K, V> extends AbstractSet<Map.Entry<K, V>> implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final View<K, V> m;

        EntrySet(View<K, V> m) {
            this.m = m;
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return new Iter<Map.Entry<K, V>>(m, Iter.ENTRIES);
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            V v = m.get(e.getKey());
            return v != null && v.equals(e.getValue());
        }

        @Override
        public boolean remove(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            return m.remove(e.getKey(), e.getValue());
        }

        @Override
        public boolean isEmpty() {
            return m.isEmpty();
        }

        @Override
        public int size() {
            return m.size();
        }

        @Override
        public void clear() {
            m.clear();
        }

        @Override
        public String toString() {
            return LinkedBlockingQueue.collectionToString(this, m.unlockedEntries());
        }
    }
}
