package org.cometsim.guestlib.java.util;

import java.io.Serializable;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Guest-side {@code java.util.HashMap}: power-of-two table of singly linked bins with the JDK 17
 * hash spreading, sizing, resize points and bin order, so iteration order equals the JDK's.
 * Deviation: bins are never treeified; where the JDK would turn a bin of 8+ colliding entries into a
 * tree (table length 64 or more) this map keeps a list, so the order inside such a bin, and the
 * cost of operations on it, can differ. Fields are not transient (no writeObject), so the serial
 * form is not the JDK's; views and iterators are shared with LinkedHashMap (other class names).
 */
public class HashMap<K, V> extends AbstractMap<K, V> implements Map<K, V>, Cloneable, Serializable {
    private static final long serialVersionUID = 362498820763181265L;

    static final int DEFAULT_INITIAL_CAPACITY = 16;
    static final int MAXIMUM_CAPACITY = 1 << 30;
    static final float DEFAULT_LOAD_FACTOR = 0.75f;
    /** A bin reaching this length makes the JDK treeify it, or resize while the table is small. */
    static final int TREEIFY_THRESHOLD = 8;
    /** Below this table length the JDK resizes instead of treeifying a long bin. */
    static final int MIN_TREEIFY_CAPACITY = 64;

    /** A mapping in a bin; also the entry returned by the entry-set iterator. */
    static class Node<K, V> implements Map.Entry<K, V>, Serializable {
        private static final long serialVersionUID = 1L;

        final int hash;
        final K key;
        V value;
        Node<K, V> next;

        Node(int hash, K key, V value, Node<K, V> next) {
            this.hash = hash;
            this.key = key;
            this.value = value;
            this.next = next;
        }

        @Override
        public final K getKey() {
            return key;
        }

        @Override
        public final V getValue() {
            return value;
        }

        @Override
        public final String toString() {
            return entryToString(key, value);
        }

        @Override
        public final int hashCode() {
            return Objects.hashCode(key) ^ Objects.hashCode(value);
        }

        @Override
        public final V setValue(V newValue) {
            V old = value;
            value = newValue;
            return old;
        }

        @Override
        public final boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            return Objects.equals(key, e.getKey()) && Objects.equals(value, e.getValue());
        }
    }

    /** The bins; null until the first insertion. Its length is always a power of two. */
    Node<K, V>[] table;
    int size;
    transient int modCount;
    /**
     * Size above which the table doubles; before the table exists it holds the initial capacity
     * (0 means the default).
     */
    int threshold;
    final float loadFactor;
    transient Set<Map.Entry<K, V>> entrySet;

    // ---------------------------------------------------------------- sizing

    /** Spreads the high bits down, as the JDK does, so the bin index equals the JDK's. */
    static int hash(Object key) {
        if (key == null) {
            return 0;
        }
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    /** Smallest power of two at least {@code cap} (1 for cap <= 1), capped at MAXIMUM_CAPACITY. */
    static int tableSizeFor(int cap) {
        int n = -1 >>> Integer.numberOfLeadingZeros(cap - 1);
        if (n < 0) {
            return 1;
        }
        return n >= MAXIMUM_CAPACITY ? MAXIMUM_CAPACITY : n + 1;
    }

    public HashMap(int initialCapacity, float loadFactor) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("Illegal initial capacity: ".concat(String.valueOf(initialCapacity)));
        }
        if (initialCapacity > MAXIMUM_CAPACITY) {
            initialCapacity = MAXIMUM_CAPACITY;
        }
        if (loadFactor <= 0 || Float.isNaN(loadFactor)) {
            throw new IllegalArgumentException("Illegal load factor: ".concat(String.valueOf(loadFactor)));
        }
        this.loadFactor = loadFactor;
        this.threshold = tableSizeFor(initialCapacity);
    }

    public HashMap(int initialCapacity) {
        this(initialCapacity, DEFAULT_LOAD_FACTOR);
    }

    public HashMap() {
        this.loadFactor = DEFAULT_LOAD_FACTOR;
    }

    public HashMap(Map<? extends K, ? extends V> m) {
        this.loadFactor = DEFAULT_LOAD_FACTOR;
        putMapEntries(m, false);
    }

    /** Pre-sizes for {@code m} exactly like the JDK (this decides the table length), then inserts. */
    final void putMapEntries(Map<? extends K, ? extends V> m, boolean evict) {
        int s = m.size();
        if (s <= 0) {
            return;
        }
        if (table == null) {
            float ft = ((float) s / loadFactor) + 1.0F;
            int t = ft < (float) MAXIMUM_CAPACITY ? (int) ft : MAXIMUM_CAPACITY;
            if (t > threshold) {
                threshold = tableSizeFor(t);
            }
        } else {
            while (s > threshold && table.length < MAXIMUM_CAPACITY) {
                resize();
            }
        }
        for (Iterator<? extends Map.Entry<? extends K, ? extends V>> it = m.entrySet().iterator(); it.hasNext();) {
            Map.Entry<? extends K, ? extends V> e = it.next();
            K key = e.getKey();
            putVal(hash(key), key, e.getValue(), false, evict);
        }
    }

    /**
     * Allocates or doubles the table. Doubling splits each bin into a "lo" and a "hi" bin keeping
     * the relative order of its nodes, which is what keeps iteration order equal to the JDK's.
     */
    final Node<K, V>[] resize() {
        Node<K, V>[] oldTab = table;
        int oldCap = oldTab == null ? 0 : oldTab.length;
        int oldThr = threshold;
        int newCap;
        int newThr = 0;
        if (oldCap > 0) {
            if (oldCap >= MAXIMUM_CAPACITY) {
                threshold = Integer.MAX_VALUE;
                return oldTab;
            }
            newCap = oldCap << 1;
            if (newCap < MAXIMUM_CAPACITY && oldCap >= DEFAULT_INITIAL_CAPACITY) {
                newThr = oldThr << 1;
            }
        } else if (oldThr > 0) {
            newCap = oldThr;
        } else {
            newCap = DEFAULT_INITIAL_CAPACITY;
            newThr = (int) (DEFAULT_LOAD_FACTOR * DEFAULT_INITIAL_CAPACITY);
        }
        if (newThr == 0) {
            // small tables (and the first allocation) recompute the threshold from the load factor
            float ft = (float) newCap * loadFactor;
            newThr = newCap < MAXIMUM_CAPACITY && ft < (float) MAXIMUM_CAPACITY ? (int) ft : Integer.MAX_VALUE;
        }
        threshold = newThr;
        @SuppressWarnings("unchecked")
        Node<K, V>[] newTab = (Node<K, V>[]) new Node[newCap];
        table = newTab;
        if (oldTab != null) {
            int newMask = newCap - 1;
            for (int j = 0; j < oldCap; j++) {
                Node<K, V> e = oldTab[j];
                if (e == null) {
                    continue;
                }
                oldTab[j] = null;
                if (e.next == null) {
                    newTab[e.hash & newMask] = e;
                    continue;
                }
                Node<K, V> loHead = null;
                Node<K, V> loTail = null;
                Node<K, V> hiHead = null;
                Node<K, V> hiTail = null;
                do {
                    Node<K, V> nx = e.next;
                    if ((e.hash & oldCap) == 0) {
                        if (loTail == null) {
                            loHead = e;
                        } else {
                            loTail.next = e;
                        }
                        loTail = e;
                    } else {
                        if (hiTail == null) {
                            hiHead = e;
                        } else {
                            hiTail.next = e;
                        }
                        hiTail = e;
                    }
                    e = nx;
                } while (e != null);
                if (loTail != null) {
                    loTail.next = null;
                    newTab[j] = loHead;
                }
                if (hiTail != null) {
                    hiTail.next = null;
                    newTab[j + oldCap] = hiHead;
                }
            }
        }
        return newTab;
    }

    /**
     * A bin just grew long: the JDK treeifies it, or resizes while the table is shorter than
     * MIN_TREEIFY_CAPACITY. We reproduce the resize (it changes iteration order) and skip the tree.
     */
    final void binTooLong() {
        Node<K, V>[] tab = table;
        if (tab == null || tab.length < MIN_TREEIFY_CAPACITY) {
            resize();
        }
    }

    // ---------------------------------------------------------------- hooks for LinkedHashMap

    Node<K, V> newNode(int hash, K key, V value, Node<K, V> next) {
        return new Node<>(hash, key, value, next);
    }

    void afterNodeAccess(Node<K, V> p) {
    }

    void afterNodeInsertion(boolean evict) {
    }

    void afterNodeRemoval(Node<K, V> p) {
    }

    /** Resets to the state right after construction (used by clone). */
    void reinitialize() {
        table = null;
        entrySet = null;
        keySet = null;
        values = null;
        modCount = 0;
        threshold = 0;
        size = 0;
    }

    // ---------------------------------------------------------------- core operations

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /** The node for {@code key} or null; does not hash the key when there is no table (like the JDK). */
    final Node<K, V> getNode(Object key) {
        Node<K, V>[] tab = table;
        if (tab == null) {
            return null;
        }
        int n = tab.length;
        if (n == 0) {
            return null;
        }
        int hash = hash(key);
        Node<K, V> e = tab[(n - 1) & hash];
        if (key == null) {
            for (; e != null; e = e.next) {
                if (e.hash == hash && e.key == null) {
                    return e;
                }
            }
        } else {
            for (; e != null; e = e.next) {
                Object k;
                if (e.hash == hash && ((k = e.key) == key || key.equals(k))) {
                    return e;
                }
            }
        }
        return null;
    }

    @Override
    public V get(Object key) {
        Node<K, V> e = getNode(key);
        return e == null ? null : e.value;
    }

    @Override
    public boolean containsKey(Object key) {
        return getNode(key) != null;
    }

    @Override
    public V put(K key, V value) {
        return putVal(hash(key), key, value, false, true);
    }

    /** Inserts at the tail of the bin, or updates; returns the previous value of an existing mapping. */
    final V putVal(int hash, K key, V value, boolean onlyIfAbsent, boolean evict) {
        Node<K, V>[] tab = table;
        int n;
        if (tab == null || (n = tab.length) == 0) {
            tab = resize();
            n = tab.length;
        }
        int i = (n - 1) & hash;
        Node<K, V> p = tab[i];
        if (p == null) {
            tab[i] = newNode(hash, key, value, null);
        } else {
            Node<K, V> e = null;
            int binCount = 0;
            for (;;) {
                Object k;
                if (p.hash == hash && ((k = p.key) == key || (key != null && key.equals(k)))) {
                    e = p;
                    break;
                }
                Node<K, V> nx = p.next;
                if (nx == null) {
                    p.next = newNode(hash, key, value, null);
                    // binCount+1 nodes preceded the new one; the JDK reacts at 9 nodes
                    if (binCount >= TREEIFY_THRESHOLD - 1) {
                        binTooLong();
                    }
                    break;
                }
                p = nx;
                binCount++;
            }
            if (e != null) {
                V oldValue = e.value;
                if (!onlyIfAbsent || oldValue == null) {
                    e.value = value;
                }
                afterNodeAccess(e);
                return oldValue;
            }
        }
        modCount++;
        if (++size > threshold) {
            resize();
        }
        afterNodeInsertion(evict);
        return null;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        putMapEntries(m, true);
    }

    @Override
    public V remove(Object key) {
        Node<K, V> e = removeNode(hash(key), key, null, false);
        return e == null ? null : e.value;
    }

    /** Unlinks the mapping for key (only if its value equals {@code value} when matchValue). */
    final Node<K, V> removeNode(int hash, Object key, Object value, boolean matchValue) {
        Node<K, V>[] tab = table;
        int n;
        if (tab == null || (n = tab.length) == 0) {
            return null;
        }
        int index = (n - 1) & hash;
        Node<K, V> prev = null;
        Node<K, V> node = tab[index];
        for (; node != null; prev = node, node = node.next) {
            Object k;
            if (node.hash == hash && ((k = node.key) == key || (key != null && key.equals(k)))) {
                break;
            }
        }
        if (node == null) {
            return null;
        }
        if (matchValue) {
            Object v = node.value;
            if (v != value && (value == null || !value.equals(v))) {
                return null;
            }
        }
        // node.next is left intact so a traversal standing on this node can continue (as in the JDK)
        if (prev == null) {
            tab[index] = node.next;
        } else {
            prev.next = node.next;
        }
        modCount++;
        size--;
        afterNodeRemoval(node);
        return node;
    }

    @Override
    public void clear() {
        modCount++;
        Node<K, V>[] tab = table;
        if (tab != null && size > 0) {
            size = 0;
            java.util.Arrays.fill(tab, null);
        }
    }

    @Override
    public boolean containsValue(Object value) {
        Node<K, V>[] tab = table;
        if (tab != null && size > 0) {
            for (int i = 0; i < tab.length; i++) {
                for (Node<K, V> e = tab[i]; e != null; e = e.next) {
                    Object v = e.value;
                    if (v == value || (value != null && value.equals(v))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- Map default-method overrides

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        Node<K, V> e = getNode(key);
        return e == null ? defaultValue : e.value;
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return putVal(hash(key), key, value, true, true);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return removeNode(hash(key), key, value, true) != null;
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        Node<K, V> e = getNode(key);
        if (e != null) {
            V v = e.value;
            if (v == oldValue || (v != null && v.equals(oldValue))) {
                e.value = newValue;
                afterNodeAccess(e);
                return true;
            }
        }
        return false;
    }

    @Override
    public V replace(K key, V value) {
        Node<K, V> e = getNode(key);
        if (e != null) {
            V old = e.value;
            e.value = value;
            afterNodeAccess(e);
            return old;
        }
        return null;
    }

    /** Table for the compute family: the JDK resizes up front if an earlier compute left size > threshold. */
    private Node<K, V>[] tableForCompute() {
        Node<K, V>[] tab = table;
        if (size > threshold || tab == null || tab.length == 0) {
            tab = resize();
        }
        return tab;
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        if (mappingFunction == null) {
            throw new NullPointerException();
        }
        int hash = hash(key);
        Node<K, V>[] tab = tableForCompute();
        int i = (tab.length - 1) & hash;
        Node<K, V> first = tab[i];
        Node<K, V> old = null;
        int binCount = 0;
        for (Node<K, V> e = first; e != null; e = e.next) {
            Object k;
            if (e.hash == hash && ((k = e.key) == key || (key != null && key.equals(k)))) {
                old = e;
                break;
            }
            binCount++;
        }
        if (old != null) {
            V oldValue = old.value;
            if (oldValue != null) {
                afterNodeAccess(old);
                return oldValue;
            }
        }
        int mc = modCount;
        V v = mappingFunction.apply(key);
        if (mc != modCount) {
            throw new ConcurrentModificationException();
        }
        if (v == null) {
            return null;
        }
        if (old != null) {
            old.value = v;
            afterNodeAccess(old);
            return v;
        }
        // the compute family inserts at the head of the bin and does not resize afterwards (JDK)
        tab[i] = newNode(hash, key, v, first);
        if (binCount >= TREEIFY_THRESHOLD - 1) {
            binTooLong();
        }
        modCount = mc + 1;
        size++;
        afterNodeInsertion(true);
        return v;
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (remappingFunction == null) {
            throw new NullPointerException();
        }
        Node<K, V> e = getNode(key);
        if (e != null) {
            V oldValue = e.value;
            if (oldValue != null) {
                int mc = modCount;
                V v = remappingFunction.apply(key, oldValue);
                if (mc != modCount) {
                    throw new ConcurrentModificationException();
                }
                if (v != null) {
                    e.value = v;
                    afterNodeAccess(e);
                    return v;
                }
                removeNode(hash(key), key, null, false);
            }
        }
        return null;
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (remappingFunction == null) {
            throw new NullPointerException();
        }
        int hash = hash(key);
        Node<K, V>[] tab = tableForCompute();
        int i = (tab.length - 1) & hash;
        Node<K, V> first = tab[i];
        Node<K, V> old = null;
        int binCount = 0;
        for (Node<K, V> e = first; e != null; e = e.next) {
            Object k;
            if (e.hash == hash && ((k = e.key) == key || (key != null && key.equals(k)))) {
                old = e;
                break;
            }
            binCount++;
        }
        V oldValue = old == null ? null : old.value;
        int mc = modCount;
        V v = remappingFunction.apply(key, oldValue);
        if (mc != modCount) {
            throw new ConcurrentModificationException();
        }
        if (old != null) {
            if (v != null) {
                old.value = v;
                afterNodeAccess(old);
            } else {
                removeNode(hash, key, null, false);
            }
        } else if (v != null) {
            tab[i] = newNode(hash, key, v, first);
            if (binCount >= TREEIFY_THRESHOLD - 1) {
                binTooLong();
            }
            modCount = mc + 1;
            size++;
            afterNodeInsertion(true);
        }
        return v;
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        if (value == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        int hash = hash(key);
        Node<K, V>[] tab = tableForCompute();
        int i = (tab.length - 1) & hash;
        Node<K, V> first = tab[i];
        Node<K, V> old = null;
        int binCount = 0;
        for (Node<K, V> e = first; e != null; e = e.next) {
            Object k;
            if (e.hash == hash && ((k = e.key) == key || (key != null && key.equals(k)))) {
                old = e;
                break;
            }
            binCount++;
        }
        if (old != null) {
            V v;
            if (old.value != null) {
                int mc = modCount;
                v = remappingFunction.apply(old.value, value);
                if (mc != modCount) {
                    throw new ConcurrentModificationException();
                }
            } else {
                v = value;
            }
            if (v != null) {
                old.value = v;
                afterNodeAccess(old);
            } else {
                removeNode(hash, key, null, false);
            }
            return v;
        }
        tab[i] = newNode(hash, key, value, first);
        if (binCount >= TREEIFY_THRESHOLD - 1) {
            binTooLong();
        }
        modCount++;
        size++;
        afterNodeInsertion(true);
        return value;
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        Node<K, V>[] tab = table;
        if (size > 0 && tab != null) {
            int mc = modCount;
            for (int i = 0; i < tab.length; i++) {
                for (Node<K, V> e = tab[i]; e != null; e = e.next) {
                    action.accept(e.key, e.value);
                }
            }
            if (modCount != mc) {
                throw new ConcurrentModificationException();
            }
        }
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        if (function == null) {
            throw new NullPointerException();
        }
        Node<K, V>[] tab = table;
        if (size > 0 && tab != null) {
            int mc = modCount;
            for (int i = 0; i < tab.length; i++) {
                for (Node<K, V> e = tab[i]; e != null; e = e.next) {
                    e.value = function.apply(e.key, e.value);
                }
            }
            if (modCount != mc) {
                throw new ConcurrentModificationException();
            }
        }
    }

    /** Shallow copy: same keys and values, fresh table sized for the current size (like the JDK). */
    @SuppressWarnings("unchecked")
    @Override
    public Object clone() {
        HashMap<K, V> result;
        try {
            result = (HashMap<K, V>) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new InternalError(e);
        }
        result.reinitialize();
        result.putMapEntries(this, false);
        return result;
    }

    // ---------------------------------------------------------------- traversal hooks for the views

    /** Array of the right runtime type and length for toArray(T[]), JDK semantics. */
    @SuppressWarnings("unchecked")
    final <T> T[] prepareArray(T[] a) {
        int n = size;
        if (a.length < n) {
            return (T[]) java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
        }
        if (a.length > n) {
            a[n] = null;
        }
        return a;
    }

    /** Copies the keys into {@code a} (long enough) in iteration order. */
    <T> T[] keysToArray(T[] a) {
        Object[] r = a;
        Node<K, V>[] tab = table;
        int idx = 0;
        if (size > 0 && tab != null) {
            for (int i = 0; i < tab.length; i++) {
                for (Node<K, V> e = tab[i]; e != null; e = e.next) {
                    r[idx++] = e.key;
                }
            }
        }
        return a;
    }

    <T> T[] valuesToArray(T[] a) {
        Object[] r = a;
        Node<K, V>[] tab = table;
        int idx = 0;
        if (size > 0 && tab != null) {
            for (int i = 0; i < tab.length; i++) {
                for (Node<K, V> e = tab[i]; e != null; e = e.next) {
                    r[idx++] = e.value;
                }
            }
        }
        return a;
    }

    /** The forEach of the views: what = 0 keys, 1 values, 2 entries. */
    @SuppressWarnings("unchecked")
    void forEachNode(int what, Consumer<?> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        Consumer<Object> c = (Consumer<Object>) action;
        Node<K, V>[] tab = table;
        if (size > 0 && tab != null) {
            int mc = modCount;
            for (int i = 0; i < tab.length; i++) {
                for (Node<K, V> e = tab[i]; e != null; e = e.next) {
                    c.accept(what == 0 ? e.key : what == 1 ? e.value : e);
                }
            }
            if (modCount != mc) {
                throw new ConcurrentModificationException();
            }
        }
    }

    /** Iterator over nodes: what = 0 keys, 1 values, 2 entries. */
    Iterator<?> newIterator(int what) {
        return new HashIterator(what);
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
    public java.util.Collection<V> values() {
        java.util.Collection<V> vs = values;
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

    final class KeySet extends AbstractSet<K> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public void clear() {
            HashMap.this.clear();
        }

        @SuppressWarnings("unchecked")
        @Override
        public Iterator<K> iterator() {
            return (Iterator<K>) newIterator(0);
        }

        @Override
        public boolean contains(Object o) {
            return containsKey(o);
        }

        @Override
        public boolean remove(Object key) {
            return removeNode(hash(key), key, null, false) != null;
        }

        @Override
        public Object[] toArray() {
            return keysToArray(new Object[size]);
        }

        @Override
        public <T> T[] toArray(T[] a) {
            return keysToArray(prepareArray(a));
        }

        @Override
        public void forEach(Consumer<? super K> action) {
            forEachNode(0, action);
        }
    }

    final class Values extends AbstractCollection<V> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public void clear() {
            HashMap.this.clear();
        }

        @SuppressWarnings("unchecked")
        @Override
        public Iterator<V> iterator() {
            return (Iterator<V>) newIterator(1);
        }

        @Override
        public boolean contains(Object o) {
            return containsValue(o);
        }

        @Override
        public Object[] toArray() {
            return valuesToArray(new Object[size]);
        }

        @Override
        public <T> T[] toArray(T[] a) {
            return valuesToArray(prepareArray(a));
        }

        @Override
        public void forEach(Consumer<? super V> action) {
            forEachNode(1, action);
        }
    }

    final class EntrySet extends AbstractSet<Map.Entry<K, V>> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public void clear() {
            HashMap.this.clear();
        }

        @SuppressWarnings("unchecked")
        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return (Iterator<Map.Entry<K, V>>) newIterator(2);
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            Node<K, V> candidate = getNode(e.getKey());
            return candidate != null && candidate.equals(e);
        }

        @Override
        public boolean remove(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            Object key = e.getKey();
            Object value = e.getValue();
            return removeNode(hash(key), key, value, true) != null;
        }

        @Override
        public void forEach(Consumer<? super Map.Entry<K, V>> action) {
            forEachNode(2, action);
        }
    }

    /**
     * Fail-fast iterator in table order. One class for keys, values and entries (what = 0, 1, 2)
     * keeps the dex small; the JDK checks modCount before NoSuchElementException.
     */
    final class HashIterator implements Iterator<Object> {
        private final int what;
        private Node<K, V> next;
        private Node<K, V> current;
        private int expectedModCount;
        private int index;

        HashIterator(int what) {
            this.what = what;
            expectedModCount = modCount;
            Node<K, V>[] t = table;
            if (t != null && size > 0) {
                Node<K, V> nx = null;
                int i = 0;
                while (i < t.length && (nx = t[i++]) == null) {
                    // skip empty bins
                }
                next = nx;
                index = i;
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Object next() {
            Node<K, V> e = next;
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            if (e == null) {
                throw new NoSuchElementException();
            }
            current = e;
            Node<K, V> nx = e.next;
            Node<K, V>[] t;
            if (nx == null && (t = table) != null) {
                int i = index;
                while (i < t.length && (nx = t[i++]) == null) {
                    // skip empty bins
                }
                index = i;
            }
            next = nx;
            return what == 0 ? e.key : what == 1 ? e.value : e;
        }

        @Override
        public void remove() {
            Node<K, V> p = current;
            if (p == null) {
                throw new IllegalStateException();
            }
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            current = null;
            removeNode(p.hash, p.key, null, false);
            expectedModCount = modCount;
        }
    }
}
