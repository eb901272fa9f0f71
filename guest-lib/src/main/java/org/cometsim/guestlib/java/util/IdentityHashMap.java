package org.cometsim.guestlib.java.util;

import java.io.Serializable;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Guest-side {@code java.util.IdentityHashMap}: open addressing with linear probing over one
 * key/value array, the JDK 17 hash, capacities and deletion, and reference equality for keys and
 * values. Iteration order follows {@link System#identityHashCode}, so it matches the JDK's only for
 * the same identity hashes (not across VMs). As in JDK 17, {@code remove(k, v)} and
 * {@code replace(k, old, new)} are the Map defaults and compare values with equals.
 * Deviation: fields are not transient (no writeObject), so the serial form is not the JDK's.
 */
public class IdentityHashMap<K, V> extends AbstractMap<K, V> implements Map<K, V>, Serializable, Cloneable {
    private static final long serialVersionUID = 8188218128353913216L;

    private static final int DEFAULT_CAPACITY = 32;
    private static final int MINIMUM_CAPACITY = 4;
    private static final int MAXIMUM_CAPACITY = 1 << 29;

    /** Stands for the null key in the table (a null slot means empty). */
    static final Object NULL_KEY = new Object();

    /** Keys at even indexes, their values at the following odd index; length is 2 * capacity. */
    Object[] table;
    int size;
    transient int modCount;
    private transient Set<Map.Entry<K, V>> entrySet;

    public IdentityHashMap() {
        table = new Object[2 * DEFAULT_CAPACITY];
    }

    public IdentityHashMap(int expectedMaxSize) {
        if (expectedMaxSize < 0) {
            throw new IllegalArgumentException("expectedMaxSize is negative: ".concat(String.valueOf(expectedMaxSize)));
        }
        table = new Object[2 * capacity(expectedMaxSize)];
    }

    public IdentityHashMap(Map<? extends K, ? extends V> m) {
        // room for a little growth, as the JDK sizes it
        this((int) ((1 + m.size()) * 1.1));
        putAll(m);
    }

    /** Power-of-two capacity keeping expectedMaxSize at most 2/3 full. */
    private static int capacity(int expectedMaxSize) {
        if (expectedMaxSize > MAXIMUM_CAPACITY / 3) {
            return MAXIMUM_CAPACITY;
        }
        if (expectedMaxSize <= 2 * MINIMUM_CAPACITY / 3) {
            return MINIMUM_CAPACITY;
        }
        return Integer.highestOneBit(expectedMaxSize + (expectedMaxSize << 1));
    }

    private static Object maskNull(Object key) {
        return key == null ? NULL_KEY : key;
    }

    static Object unmaskNull(Object key) {
        return key == NULL_KEY ? null : key;
    }

    /** Even start slot: identity hash times -254, masked. */
    private static int hash(Object x, int length) {
        int h = System.identityHashCode(x);
        return ((h << 1) - (h << 8)) & (length - 1);
    }

    private static int nextKeyIndex(int i, int len) {
        return i + 2 < len ? i + 2 : 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    @Override
    public V get(Object key) {
        Object k = maskNull(key);
        Object[] tab = table;
        int len = tab.length;
        int i = hash(k, len);
        for (;;) {
            Object item = tab[i];
            if (item == k) {
                return (V) tab[i + 1];
            }
            if (item == null) {
                return null;
            }
            i = nextKeyIndex(i, len);
        }
    }

    @Override
    public boolean containsKey(Object key) {
        Object k = maskNull(key);
        Object[] tab = table;
        int len = tab.length;
        int i = hash(k, len);
        for (;;) {
            Object item = tab[i];
            if (item == k) {
                return true;
            }
            if (item == null) {
                return false;
            }
            i = nextKeyIndex(i, len);
        }
    }

    @Override
    public boolean containsValue(Object value) {
        Object[] tab = table;
        for (int i = 1; i < tab.length; i += 2) {
            if (tab[i] == value && tab[i - 1] != null) {
                return true;
            }
        }
        return false;
    }

    private boolean containsMapping(Object key, Object value) {
        Object k = maskNull(key);
        Object[] tab = table;
        int len = tab.length;
        int i = hash(k, len);
        for (;;) {
            Object item = tab[i];
            if (item == k) {
                return tab[i + 1] == value;
            }
            if (item == null) {
                return false;
            }
            i = nextKeyIndex(i, len);
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    public V put(K key, V value) {
        Object k = maskNull(key);
        for (;;) {
            Object[] tab = table;
            int len = tab.length;
            int i = hash(k, len);
            Object item;
            while ((item = tab[i]) != null) {
                if (item == k) {
                    V oldValue = (V) tab[i + 1];
                    tab[i + 1] = value;
                    return oldValue;
                }
                i = nextKeyIndex(i, len);
            }
            int s = size + 1;
            // grow when more than 2/3 full (3 * s > 2 * capacity), then search again
            if (s + (s << 1) > len && resize(len)) {
                continue;
            }
            modCount++;
            tab[i] = k;
            tab[i + 1] = value;
            size = s;
            return null;
        }
    }

    /** Rehashes into 2 * newCapacity slots; false if the table is already that large (or maximal). */
    private boolean resize(int newCapacity) {
        int newLength = newCapacity * 2;
        Object[] oldTable = table;
        int oldLength = oldTable.length;
        if (oldLength == 2 * MAXIMUM_CAPACITY) {
            if (size == MAXIMUM_CAPACITY - 1) {
                throw new IllegalStateException("Capacity exhausted.");
            }
            return false;
        }
        if (oldLength >= newLength) {
            return false;
        }
        Object[] newTable = new Object[newLength];
        for (int j = 0; j < oldLength; j += 2) {
            Object key = oldTable[j];
            if (key != null) {
                Object value = oldTable[j + 1];
                oldTable[j] = null;
                oldTable[j + 1] = null;
                int i = hash(key, newLength);
                while (newTable[i] != null) {
                    i = nextKeyIndex(i, newLength);
                }
                newTable[i] = key;
                newTable[i + 1] = value;
            }
        }
        table = newTable;
        return true;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        int n = m.size();
        if (n == 0) {
            return;
        }
        if (n > size) {
            resize(capacity(n)); // pre-expand, like the JDK
        }
        for (Iterator<? extends Map.Entry<? extends K, ? extends V>> it = m.entrySet().iterator(); it.hasNext();) {
            Map.Entry<? extends K, ? extends V> e = it.next();
            put(e.getKey(), e.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    public V remove(Object key) {
        Object k = maskNull(key);
        Object[] tab = table;
        int len = tab.length;
        int i = hash(k, len);
        for (;;) {
            Object item = tab[i];
            if (item == k) {
                modCount++;
                size--;
                V oldValue = (V) tab[i + 1];
                tab[i + 1] = null;
                tab[i] = null;
                closeDeletion(i);
                return oldValue;
            }
            if (item == null) {
                return null;
            }
            i = nextKeyIndex(i, len);
        }
    }

    private boolean removeMapping(Object key, Object value) {
        Object k = maskNull(key);
        Object[] tab = table;
        int len = tab.length;
        int i = hash(k, len);
        for (;;) {
            Object item = tab[i];
            if (item == k) {
                if (tab[i + 1] != value) {
                    return false;
                }
                modCount++;
                size--;
                tab[i] = null;
                tab[i + 1] = null;
                closeDeletion(i);
                return true;
            }
            if (item == null) {
                return false;
            }
            i = nextKeyIndex(i, len);
        }
    }

    /** Whether the entry probed from r and found at i may move back into the gap d (cyclic). */
    private static boolean movesIntoGap(int i, int r, int d) {
        return (i < r && (r <= d || d <= i)) || (r <= d && d <= i);
    }

    /** Refills the gap at d by moving later entries of the probe run back (Knuth 6.4 algorithm R). */
    private void closeDeletion(int d) {
        Object[] tab = table;
        int len = tab.length;
        Object item;
        for (int i = nextKeyIndex(d, len); (item = tab[i]) != null; i = nextKeyIndex(i, len)) {
            int r = hash(item, len);
            if (movesIntoGap(i, r, d)) {
                tab[d] = item;
                tab[d + 1] = tab[i + 1];
                tab[i] = null;
                tab[i + 1] = null;
                d = i;
            }
        }
    }

    @Override
    public void clear() {
        modCount++;
        java.util.Arrays.fill(table, null);
        size = 0;
    }

    /** Reference comparison of keys and values (JDK semantics, also against other Map kinds). */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (o instanceof IdentityHashMap) {
            IdentityHashMap<?, ?> m = (IdentityHashMap<?, ?>) o;
            if (m.size() != size) {
                return false;
            }
            Object[] tab = m.table;
            for (int i = 0; i < tab.length; i += 2) {
                Object k = tab[i];
                if (k != null && !containsMapping(k == NULL_KEY ? null : k, tab[i + 1])) {
                    return false;
                }
            }
            return true;
        }
        if (o instanceof Map) {
            return entrySet().equals(((Map<?, ?>) o).entrySet());
        }
        return false;
    }

    @Override
    public int hashCode() {
        int result = 0;
        Object[] tab = table;
        for (int i = 0; i < tab.length; i += 2) {
            Object key = tab[i];
            if (key != null) {
                result += System.identityHashCode(unmaskNull(key)) ^ System.identityHashCode(tab[i + 1]);
            }
        }
        return result;
    }

    /** Shallow copy: same keys and values, copied table. */
    @Override
    public Object clone() {
        try {
            @SuppressWarnings("unchecked")
            IdentityHashMap<K, V> m = (IdentityHashMap<K, V>) super.clone();
            m.entrySet = null;
            m.table = table.clone();
            return m;
        } catch (CloneNotSupportedException e) {
            throw new InternalError(e);
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action);
        int expectedModCount = modCount;
        Object[] t = table;
        for (int index = 0; index < t.length; index += 2) {
            Object k = t[index];
            if (k != null) {
                action.accept((K) unmaskNull(k), (V) t[index + 1]);
            }
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        Objects.requireNonNull(function);
        int expectedModCount = modCount;
        Object[] t = table;
        for (int index = 0; index < t.length; index += 2) {
            Object k = t[index];
            if (k != null) {
                t[index + 1] = function.apply((K) unmaskNull(k), (V) t[index + 1]);
            }
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
        }
    }

    // ---------------------------------------------------------------- iteration

    /**
     * Fail-fast slot iterator (what = 0 keys, 1 values, 2 entries). Removal closes the gap like
     * closeDeletion; if that would move an already returned mapping into the part still to be
     * visited, the rest of the table is copied and traversal continues on the copy (JDK behaviour).
     */
    final class IdentityIterator implements Iterator<Object> {
        private final int what;
        private int index = size != 0 ? 0 : table.length;
        private int expectedModCount = modCount;
        private int lastReturnedIndex = -1;
        private boolean indexValid;
        Object[] traversalTable = table;
        private EntryView lastReturnedEntry;

        IdentityIterator(int what) {
            this.what = what;
        }

        @Override
        public boolean hasNext() {
            Object[] tab = traversalTable;
            for (int i = index; i < tab.length; i += 2) {
                if (tab[i] != null) {
                    index = i;
                    indexValid = true;
                    return true;
                }
            }
            index = tab.length;
            return false;
        }

        private int nextIndex() {
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            if (!indexValid && !hasNext()) {
                throw new NoSuchElementException();
            }
            indexValid = false;
            lastReturnedIndex = index;
            index += 2;
            return lastReturnedIndex;
        }

        @Override
        public Object next() {
            int i = nextIndex();
            if (what == 0) {
                return unmaskNull(traversalTable[i]);
            }
            if (what == 1) {
                return traversalTable[i + 1];
            }
            lastReturnedEntry = new EntryView(this, i);
            return lastReturnedEntry;
        }

        @Override
        public void remove() {
            EntryView entry = lastReturnedEntry;
            if (what == 2) {
                lastReturnedIndex = entry == null ? -1 : entry.index;
            }
            removeSlot();
            if (what == 2) {
                // the entry now reads as removed (its index was reset by removeSlot's bookkeeping)
                entry.index = lastReturnedIndex;
                lastReturnedEntry = null;
            }
        }

        private void removeSlot() {
            if (lastReturnedIndex == -1) {
                throw new IllegalStateException();
            }
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            expectedModCount = ++modCount;
            int deletedSlot = lastReturnedIndex;
            lastReturnedIndex = -1;
            // revisit the slot: the gap closure may move an unseen mapping into it
            index = deletedSlot;
            indexValid = false;
            Object[] tab = traversalTable;
            int len = tab.length;
            int d = deletedSlot;
            Object key = tab[d];
            tab[d] = null;
            tab[d + 1] = null;
            if (tab != table) {
                // traversing a copy: remove from the real table, no gap closure on the copy
                IdentityHashMap.this.remove(unmaskNull(key));
                expectedModCount = modCount;
                return;
            }
            size--;
            Object item;
            for (int i = nextKeyIndex(d, len); (item = tab[i]) != null; i = nextKeyIndex(i, len)) {
                int r = hash(item, len);
                if (movesIntoGap(i, r, d)) {
                    if (i < deletedSlot && d >= deletedSlot && traversalTable == table) {
                        // an already seen mapping would reappear ahead: continue on a copy
                        int remaining = len - deletedSlot;
                        Object[] newTable = new Object[remaining];
                        System.arraycopy(tab, deletedSlot, newTable, 0, remaining);
                        traversalTable = newTable;
                        index = 0;
                    }
                    tab[d] = item;
                    tab[d + 1] = tab[i + 1];
                    tab[i] = null;
                    tab[i + 1] = null;
                    d = i;
                }
            }
        }
    }

    /** Entry returned by the entry iterator: a live window on a table slot, reference semantics. */
    private final class EntryView implements Map.Entry<K, V> {
        private final IdentityIterator it;
        int index;

        EntryView(IdentityIterator it, int index) {
            this.it = it;
            this.index = index;
        }

        private void checkIndexForEntryUse() {
            if (index < 0) {
                throw new IllegalStateException("Entry was removed");
            }
        }

        @SuppressWarnings("unchecked")
        @Override
        public K getKey() {
            checkIndexForEntryUse();
            return (K) unmaskNull(it.traversalTable[index]);
        }

        @SuppressWarnings("unchecked")
        @Override
        public V getValue() {
            checkIndexForEntryUse();
            return (V) it.traversalTable[index + 1];
        }

        @SuppressWarnings("unchecked")
        @Override
        public V setValue(V value) {
            checkIndexForEntryUse();
            Object[] tt = it.traversalTable;
            V oldValue = (V) tt[index + 1];
            tt[index + 1] = value;
            // if traversing a copy, write through to the real table too
            if (tt != table) {
                put((K) tt[index], value);
            }
            return oldValue;
        }

        @Override
        public boolean equals(Object o) {
            if (index < 0) {
                return super.equals(o);
            }
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            return e.getKey() == unmaskNull(it.traversalTable[index]) && e.getValue() == it.traversalTable[index + 1];
        }

        @Override
        public int hashCode() {
            if (index < 0) {
                return super.hashCode();
            }
            return System.identityHashCode(unmaskNull(it.traversalTable[index]))
                    ^ System.identityHashCode(it.traversalTable[index + 1]);
        }

        @Override
        public String toString() {
            if (index < 0) {
                return super.toString();
            }
            return entryToString(unmaskNull(it.traversalTable[index]), it.traversalTable[index + 1]);
        }
    }

    // ---------------------------------------------------------------- views

    @Override
    public Set<K> keySet() {
        Set<K> ks = keySet;
        if (ks == null) {
            ks = new KeySet();
            keySet = ks;
        }
        return ks;
    }

    @Override
    public Collection<V> values() {
        Collection<V> vs = values;
        if (vs == null) {
            vs = new Values();
            values = vs;
        }
        return vs;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        Set<Map.Entry<K, V>> es = entrySet;
        if (es == null) {
            es = new EntrySet();
            entrySet = es;
        }
        return es;
    }

    /**
     * Copies keys (what 0), values (1) or SimpleEntry snapshots (2) into a, JDK toArray(T[])
     * semantics, failing with CME if the map changes meanwhile.
     */
    @SuppressWarnings("unchecked")
    private <T> T[] toArrayOf(int what, T[] a) {
        int expectedModCount = modCount;
        int n = size;
        if (a.length < n) {
            a = (T[]) java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
        }
        Object[] tab = table;
        int ti = 0;
        for (int si = 0; si < tab.length; si += 2) {
            Object key = tab[si];
            if (key != null) {
                if (ti >= n) {
                    throw new ConcurrentModificationException();
                }
                a[ti++] = (T) (what == 0 ? unmaskNull(key) : what == 1 ? tab[si + 1]
                        : new AbstractMap.SimpleEntry<>(unmaskNull(key), tab[si + 1]));
            }
        }
        if (ti < n || expectedModCount != modCount) {
            throw new ConcurrentModificationException();
        }
        if (ti < a.length) {
            a[ti] = null;
        }
        return a;
    }

    /** removeAll of the views: iterate this view and test membership in c (JDK strategy). */
    private static boolean removeAllByIteration(Iterator<?> i, Collection<?> c) {
        Objects.requireNonNull(c);
        boolean modified = false;
        while (i.hasNext()) {
            if (c.contains(i.next())) {
                i.remove();
                modified = true;
            }
        }
        return modified;
    }

    private final class KeySet extends AbstractSet<K> {
        @SuppressWarnings("unchecked")
        @Override
        public Iterator<K> iterator() {
            return (Iterator<K>) (Iterator<?>) new IdentityIterator(0);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            return containsKey(o);
        }

        @Override
        public boolean remove(Object o) {
            int oldSize = size;
            IdentityHashMap.this.remove(o);
            return size != oldSize;
        }

        @Override
        public boolean removeAll(Collection<?> c) {
            return removeAllByIteration(iterator(), c);
        }

        @Override
        public void clear() {
            IdentityHashMap.this.clear();
        }

        @Override
        public int hashCode() {
            int result = 0;
            for (Iterator<K> it = iterator(); it.hasNext();) {
                result += System.identityHashCode(it.next());
            }
            return result;
        }

        @Override
        public Object[] toArray() {
            return toArray(new Object[0]);
        }

        @Override
        public <T> T[] toArray(T[] a) {
            return toArrayOf(0, a);
        }
    }

    private final class Values extends AbstractCollection<V> {
        @SuppressWarnings("unchecked")
        @Override
        public Iterator<V> iterator() {
            return (Iterator<V>) (Iterator<?>) new IdentityIterator(1);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            return containsValue(o);
        }

        @Override
        public boolean remove(Object o) {
            for (Iterator<V> i = iterator(); i.hasNext();) {
                if (i.next() == o) {
                    i.remove();
                    return true;
                }
            }
            return false;
        }

        @Override
        public void clear() {
            IdentityHashMap.this.clear();
        }

        @Override
        public Object[] toArray() {
            return toArray(new Object[0]);
        }

        @Override
        public <T> T[] toArray(T[] a) {
            return toArrayOf(1, a);
        }
    }

    private final class EntrySet extends AbstractSet<Map.Entry<K, V>> {
        @SuppressWarnings("unchecked")
        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return (Iterator<Map.Entry<K, V>>) (Iterator<?>) new IdentityIterator(2);
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) o;
            return containsMapping(entry.getKey(), entry.getValue());
        }

        @Override
        public boolean remove(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) o;
            return removeMapping(entry.getKey(), entry.getValue());
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void clear() {
            IdentityHashMap.this.clear();
        }

        @Override
        public boolean removeAll(Collection<?> c) {
            return removeAllByIteration(iterator(), c);
        }

        @Override
        public Object[] toArray() {
            return toArray(new Object[0]);
        }

        @Override
        public <T> T[] toArray(T[] a) {
            return toArrayOf(2, a);
        }
    }
}
