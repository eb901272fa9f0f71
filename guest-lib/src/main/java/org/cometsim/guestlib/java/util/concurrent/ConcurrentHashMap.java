package org.cometsim.guestlib.java.util.concurrent;

import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.Predicate;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntBiFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongBiFunction;
import java.util.function.ToLongFunction;

import org.cometsim.guestlib.java.util.AbstractMap;

/**
 * Guest-side {@code java.util.concurrent.ConcurrentHashMap}: the JDK 17 table layout and algorithms
 * (hash spreading, sizing in the constructors and {@code putAll}'s presizing, the resize trigger
 * {@code count >= sizeCtl} after each insertion, a small table doubled instead of treeifying a long
 * bin, and the resize's bin split, which keeps the bin's last run of same-side nodes and prepends
 * copies of the others), so iteration order, {@code toString} and {@code hashCode} equal the JDK's.
 * Its table, nodes and counters are guest fields and arrays the DSM tracks one by one (the JDK's
 * is a host object that pins every thread reaching it).
 *
 * <p>Concurrency: every update runs under one internal monitor ({@link #lock}, not the map's own,
 * so a program synchronizing on the map does not block it), where the JDK locks one bin; a resize
 * runs whole inside it, leaving a {@link ForwardingNode} in each old bin as the JDK's does, so a
 * reader or iterator still on the old table continues in the new one exactly as the JDK's
 * traversal does. Reads take no lock: the table and each node's value and successor are volatile.
 * A mapping function that updates the same bin of the map fails with the JDK's
 * {@code IllegalStateException("Recursive update")}.
 *
 * <p>Deviations: long bins are never treeified, so the order differs from the JDK's only inside a
 * bin the JDK would have made a tree (9 or more colliding keys in a table of 64 or more bins) and
 * then added to; updates of different bins do not run in parallel (no observable result differs,
 * except that a mapping function blocking on another thread's update of this map waits for good);
 * the parallel bulk operations ({@code forEach}, {@code search}, {@code reduce*} with a
 * parallelism threshold) run sequentially in the caller, in iteration order (the JDK's results
 * for associative reducers); no custom serialized form, {@code spliterator()}s are iterator based.
 */
public class ConcurrentHashMap<K, V> extends AbstractMap<K, V> implements ConcurrentMap<K, V>, java.io.Serializable {
    private static final long serialVersionUID = 7249069246763182397L;

    private static final int MAXIMUM_CAPACITY = 1 << 30;
    private static final int DEFAULT_CAPACITY = 16;
    private static final float LOAD_FACTOR = 0.75f;
    static final int TREEIFY_THRESHOLD = 8;
    static final int MIN_TREEIFY_CAPACITY = 64;
    static final int MOVED = -1;
    static final int RESERVED = -3;
    static final int HASH_BITS = 0x7fffffff;
    private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;
    private static final String OOME_MSG = "Required array size too large";

    /** A list node; {@code hash < 0} for the two special kinds. */
    static class Node<K, V> implements Map.Entry<K, V> {
        final int hash;
        final K key;
        volatile V val;
        volatile Node<K, V> next;

        Node(int hash, K key, V val) {
            this.hash = hash;
            this.key = key;
            this.val = val;
        }

        Node(int hash, K key, V val, Node<K, V> next) {
            this(hash, key, val);
            this.next = next;
        }

        @Override
        public final K getKey() {
            return key;
        }

        @Override
        public final V getValue() {
            return val;
        }

        @Override
        public final int hashCode() {
            return key.hashCode() ^ val.hashCode();
        }

        @Override
        public final String toString() {
            return entryString(key, val);
        }

        @Override
        public final V setValue(V value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public final boolean equals(Object o) {
            return entryEquals(key, val, o);
        }

        /** The node for {@code k} in this bin, or null. */
        Node<K, V> find(int h, Object k) {
            Node<K, V> e = this;
            if (k != null) {
                do {
                    K ek;
                    if (e.hash == h && ((ek = e.key) == k || (ek != null && k.equals(ek)))) {
                        return e;
                    }
                } while ((e = e.next) != null);
            }
            return null;
        }
    }

    /** Left in each bin of a table that has been resized: lookups continue in {@link #nextTable}. */
    static final class ForwardingNode<K, V> extends Node<K, V> {
        final Node<K, V>[] nextTable;

        ForwardingNode(Node<K, V>[] tab) {
            super(MOVED, null, null);
            this.nextTable = tab;
        }

        @Override
        Node<K, V> find(int h, Object k) {
            outer:
            for (Node<K, V>[] tab = nextTable;;) {
                Node<K, V> e;
                int n;
                if (k == null || tab == null || (n = tab.length) == 0 || (e = tab[(n - 1) & h]) == null) {
                    return null;
                }
                for (;;) {
                    int eh;
                    K ek;
                    if ((eh = e.hash) == h && ((ek = e.key) == k || (ek != null && k.equals(ek)))) {
                        return e;
                    }
                    if (eh < 0) {
                        if (e instanceof ForwardingNode) {
                            tab = ((ForwardingNode<K, V>) e).nextTable;
                            continue outer;
                        }
                        return e.find(h, k);
                    }
                    if ((e = e.next) == null) {
                        return null;
                    }
                }
            }
        }
    }

    /** Holds an empty bin while {@code computeIfAbsent}/{@code compute} runs the function. */
    static final class ReservationNode<K, V> extends Node<K, V> {
        ReservationNode() {
            super(RESERVED, null, null);
        }

        @Override
        Node<K, V> find(int h, Object k) {
            return null;
        }
    }

    static final int spread(int h) {
        return (h ^ (h >>> 16)) & HASH_BITS;
    }

    private static final int tableSizeFor(int c) {
        int n = -1 >>> Integer.numberOfLeadingZeros(c - 1);
        return (n < 0) ? 1 : (n >= MAXIMUM_CAPACITY) ? MAXIMUM_CAPACITY : n + 1;
    }

    /** The bins; length a power of two, null until the first insertion. */
    transient volatile Node<K, V>[] table;
    /** Initial capacity before the table exists, then the count that triggers the next resize. */
    private transient volatile int sizeCtl;
    private transient volatile long count;
    /** Every update's monitor (see the class comment). */
    private final transient Object lock = new Object();

    private transient KeySetView<K, V> keySetView;
    private transient ValuesView<K, V> valuesView;
    private transient EntrySetView<K, V> entrySetView;

    public ConcurrentHashMap() {
    }

    public ConcurrentHashMap(int initialCapacity) {
        this(initialCapacity, LOAD_FACTOR, 1);
    }

    public ConcurrentHashMap(Map<? extends K, ? extends V> m) {
        this.sizeCtl = DEFAULT_CAPACITY;
        putAll(m);
    }

    public ConcurrentHashMap(int initialCapacity, float loadFactor) {
        this(initialCapacity, loadFactor, 1);
    }

    public ConcurrentHashMap(int initialCapacity, float loadFactor, int concurrencyLevel) {
        if (!(loadFactor > 0.0f) || initialCapacity < 0 || concurrencyLevel <= 0) {
            throw new IllegalArgumentException();
        }
        if (initialCapacity < concurrencyLevel) {
            initialCapacity = concurrencyLevel;
        }
        long size = (long) (1.0 + (long) initialCapacity / loadFactor);
        this.sizeCtl = (size >= (long) MAXIMUM_CAPACITY) ? MAXIMUM_CAPACITY : tableSizeFor((int) size);
    }

    // ---------------------------------------------------------------- reads (no lock)

    @Override
    public int size() {
        long n = count;
        return (n < 0L) ? 0 : (n > (long) Integer.MAX_VALUE) ? Integer.MAX_VALUE : (int) n;
    }

    public long mappingCount() {
        long n = count;
        return (n < 0L) ? 0L : n;
    }

    @Override
    public boolean isEmpty() {
        return count <= 0L;
    }

    @Override
    public V get(Object key) {
        Node<K, V>[] tab;
        Node<K, V> e;
        Node<K, V> p;
        int n;
        int eh;
        K ek;
        int h = spread(key.hashCode());
        if ((tab = table) != null && (n = tab.length) > 0 && (e = tab[(n - 1) & h]) != null) {
            if ((eh = e.hash) == h) {
                if ((ek = e.key) == key || (ek != null && key.equals(ek))) {
                    return e.val;
                }
            } else if (eh < 0) {
                return (p = e.find(h, key)) != null ? p.val : null;
            }
            while ((e = e.next) != null) {
                if (e.hash == h && ((ek = e.key) == key || (ek != null && key.equals(ek)))) {
                    return e.val;
                }
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public boolean containsValue(Object value) {
        if (value == null) {
            throw new NullPointerException();
        }
        Node<K, V>[] t = table;
        if (t != null) {
            Traverser<K, V> it = new Traverser<K, V>(t, t.length, 0, t.length);
            for (Node<K, V> p; (p = it.advance()) != null;) {
                V v;
                if ((v = p.val) == value || (v != null && value.equals(v))) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean contains(Object value) {
        return containsValue(value);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        V v;
        return (v = get(key)) == null ? defaultValue : v;
    }

    // ---------------------------------------------------------------- updates (under the lock)

    @Override
    public V put(K key, V value) {
        return putVal(key, value, false);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return putVal(key, value, true);
    }

    final V putVal(K key, V value, boolean onlyIfAbsent) {
        if (key == null || value == null) {
            throw new NullPointerException();
        }
        int hash = spread(key.hashCode());
        synchronized (lock) {
            Node<K, V>[] tab = table;
            if (tab == null || tab.length == 0) {
                tab = initTable();
            }
            int i = (tab.length - 1) & hash;
            Node<K, V> f = tab[i];
            int binCount = 0;
            if (f == null) {
                tab[i] = new Node<K, V>(hash, key, value);
            } else {
                if (f.hash < 0) {
                    throw new IllegalStateException("Recursive update");
                }
                V oldVal = null;
                binCount = 1;
                for (Node<K, V> e = f;; ++binCount) {
                    K ek;
                    if (e.hash == hash && ((ek = e.key) == key || (ek != null && key.equals(ek)))) {
                        oldVal = e.val;
                        if (!onlyIfAbsent) {
                            e.val = value;
                        }
                        break;
                    }
                    Node<K, V> pred = e;
                    if ((e = e.next) == null) {
                        pred.next = new Node<K, V>(hash, key, value);
                        break;
                    }
                }
                if (binCount >= TREEIFY_THRESHOLD) {
                    treeifyBin(tab);
                }
                if (oldVal != null) {
                    return oldVal;
                }
            }
            addCount(1L, binCount);
            return null;
        }
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        synchronized (lock) {
            tryPresize(m.size());
        }
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
            putVal(e.getKey(), e.getValue(), false);
        }
    }

    @Override
    public V remove(Object key) {
        return replaceNode(key, null, null);
    }

    @Override
    public boolean remove(Object key, Object value) {
        if (key == null) {
            throw new NullPointerException();
        }
        return value != null && replaceNode(key, null, value) != null;
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        if (key == null || oldValue == null || newValue == null) {
            throw new NullPointerException();
        }
        return replaceNode(key, newValue, oldValue) != null;
    }

    @Override
    public V replace(K key, V value) {
        if (key == null || value == null) {
            throw new NullPointerException();
        }
        return replaceNode(key, value, null);
    }

    /**
     * Replaces the value of {@code key} by {@code value} (removes the mapping if {@code value} is
     * null) if its value is {@code cv} or {@code cv} is null; returns the old value or null.
     */
    final V replaceNode(Object key, V value, Object cv) {
        int hash = spread(key.hashCode());
        synchronized (lock) {
            Node<K, V>[] tab = table;
            int n;
            Node<K, V> f;
            int i;
            if (tab == null || (n = tab.length) == 0 || (f = tab[i = (n - 1) & hash]) == null) {
                return null;
            }
            if (f.hash < 0) {
                throw new IllegalStateException("Recursive update");
            }
            V oldVal = null;
            for (Node<K, V> e = f, pred = null;;) {
                K ek;
                if (e.hash == hash && ((ek = e.key) == key || (ek != null && key.equals(ek)))) {
                    V ev = e.val;
                    if (cv == null || cv == ev || (ev != null && cv.equals(ev))) {
                        oldVal = ev;
                        if (value != null) {
                            e.val = value;
                        } else if (pred != null) {
                            pred.next = e.next;
                        } else {
                            tab[i] = e.next;
                        }
                    }
                    break;
                }
                pred = e;
                if ((e = e.next) == null) {
                    break;
                }
            }
            if (oldVal != null && value == null) {
                addCount(-1L, -1);
            }
            return oldVal;
        }
    }

    @Override
    public void clear() {
        synchronized (lock) {
            Node<K, V>[] tab = table;
            if (tab == null) {
                return;
            }
            long delta = 0L;
            for (int i = 0; i < tab.length; i++) {
                Node<K, V> f = tab[i];
                if (f == null) {
                    continue;
                }
                if (f.hash < 0) {
                    throw new IllegalStateException("Recursive update");
                }
                for (Node<K, V> p = f; p != null; p = p.next) {
                    --delta;
                }
                tab[i] = null;
            }
            if (delta != 0L) {
                addCount(delta, -1);
            }
        }
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        if (key == null || mappingFunction == null) {
            throw new NullPointerException();
        }
        int h = spread(key.hashCode());
        V val = null;
        synchronized (lock) {
            Node<K, V>[] tab = table;
            if (tab == null || tab.length == 0) {
                tab = initTable();
            }
            int i = (tab.length - 1) & h;
            Node<K, V> f = tab[i];
            int binCount;
            if (f == null) {
                binCount = 1;
                tab[i] = new ReservationNode<K, V>();
                Node<K, V> node = null;
                try {
                    if ((val = mappingFunction.apply(key)) != null) {
                        node = new Node<K, V>(h, key, val);
                    }
                } finally {
                    tab[i] = node;
                }
            } else {
                K fk;
                V fv;
                if (f.hash == h && ((fk = f.key) == key || (fk != null && key.equals(fk))) && (fv = f.val) != null) {
                    return fv;
                }
                if (f.hash < 0) {
                    throw new IllegalStateException("Recursive update");
                }
                boolean added = false;
                binCount = 1;
                for (Node<K, V> e = f;; ++binCount) {
                    K ek;
                    if (e.hash == h && ((ek = e.key) == key || (ek != null && key.equals(ek)))) {
                        val = e.val;
                        break;
                    }
                    Node<K, V> pred = e;
                    if ((e = e.next) == null) {
                        if ((val = mappingFunction.apply(key)) != null) {
                            if (pred.next != null) {
                                throw new IllegalStateException("Recursive update");
                            }
                            added = true;
                            pred.next = new Node<K, V>(h, key, val);
                        }
                        break;
                    }
                }
                if (binCount >= TREEIFY_THRESHOLD) {
                    treeifyBin(tab);
                }
                if (!added) {
                    return val;
                }
            }
            if (val != null) {
                addCount(1L, binCount);
            }
            return val;
        }
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (key == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        int h = spread(key.hashCode());
        V val = null;
        synchronized (lock) {
            Node<K, V>[] tab = table;
            if (tab == null || tab.length == 0) {
                tab = initTable();
            }
            int i = (tab.length - 1) & h;
            Node<K, V> f = tab[i];
            if (f == null) {
                return null;
            }
            if (f.hash < 0) {
                throw new IllegalStateException("Recursive update");
            }
            int delta = 0;
            int binCount = 1;
            for (Node<K, V> e = f, pred = null;; ++binCount) {
                K ek;
                if (e.hash == h && ((ek = e.key) == key || (ek != null && key.equals(ek)))) {
                    val = remappingFunction.apply(key, e.val);
                    if (val != null) {
                        e.val = val;
                    } else {
                        delta = -1;
                        unlink(tab, i, pred, e);
                    }
                    break;
                }
                pred = e;
                if ((e = e.next) == null) {
                    break;
                }
            }
            if (delta != 0) {
                addCount((long) delta, binCount);
            }
            return val;
        }
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (key == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        int h = spread(key.hashCode());
        V val = null;
        int delta = 0;
        int binCount;
        synchronized (lock) {
            Node<K, V>[] tab = table;
            if (tab == null || tab.length == 0) {
                tab = initTable();
            }
            int i = (tab.length - 1) & h;
            Node<K, V> f = tab[i];
            if (f == null) {
                binCount = 1;
                tab[i] = new ReservationNode<K, V>();
                Node<K, V> node = null;
                try {
                    if ((val = remappingFunction.apply(key, null)) != null) {
                        delta = 1;
                        node = new Node<K, V>(h, key, val);
                    }
                } finally {
                    tab[i] = node;
                }
            } else {
                if (f.hash < 0) {
                    throw new IllegalStateException("Recursive update");
                }
                binCount = 1;
                for (Node<K, V> e = f, pred = null;; ++binCount) {
                    K ek;
                    if (e.hash == h && ((ek = e.key) == key || (ek != null && key.equals(ek)))) {
                        val = remappingFunction.apply(key, e.val);
                        if (val != null) {
                            e.val = val;
                        } else {
                            delta = -1;
                            unlink(tab, i, pred, e);
                        }
                        break;
                    }
                    pred = e;
                    if ((e = e.next) == null) {
                        val = remappingFunction.apply(key, null);
                        if (val != null) {
                            if (pred.next != null) {
                                throw new IllegalStateException("Recursive update");
                            }
                            delta = 1;
                            pred.next = new Node<K, V>(h, key, val);
                        }
                        break;
                    }
                }
                if (binCount >= TREEIFY_THRESHOLD) {
                    treeifyBin(tab);
                }
            }
            if (delta != 0) {
                addCount((long) delta, binCount);
            }
            return val;
        }
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        if (key == null || value == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        int h = spread(key.hashCode());
        V val = null;
        int delta = 0;
        int binCount = 0;
        synchronized (lock) {
            Node<K, V>[] tab = table;
            if (tab == null || tab.length == 0) {
                tab = initTable();
            }
            int i = (tab.length - 1) & h;
            Node<K, V> f = tab[i];
            if (f == null) {
                tab[i] = new Node<K, V>(h, key, value);
                delta = 1;
                val = value;
            } else {
                if (f.hash < 0) {
                    throw new IllegalStateException("Recursive update");
                }
                binCount = 1;
                for (Node<K, V> e = f, pred = null;; ++binCount) {
                    K ek;
                    if (e.hash == h && ((ek = e.key) == key || (ek != null && key.equals(ek)))) {
                        val = remappingFunction.apply(e.val, value);
                        if (val != null) {
                            e.val = val;
                        } else {
                            delta = -1;
                            unlink(tab, i, pred, e);
                        }
                        break;
                    }
                    pred = e;
                    if ((e = e.next) == null) {
                        delta = 1;
                        val = value;
                        pred.next = new Node<K, V>(h, key, val);
                        break;
                    }
                }
                if (binCount >= TREEIFY_THRESHOLD) {
                    treeifyBin(tab);
                }
            }
            if (delta != 0) {
                addCount((long) delta, binCount);
            }
            return val;
        }
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        Node<K, V>[] t = table;
        if (t != null) {
            Traverser<K, V> it = new Traverser<K, V>(t, t.length, 0, t.length);
            for (Node<K, V> p; (p = it.advance()) != null;) {
                action.accept(p.key, p.val);
            }
        }
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        if (function == null) {
            throw new NullPointerException();
        }
        Node<K, V>[] t = table;
        if (t != null) {
            Traverser<K, V> it = new Traverser<K, V>(t, t.length, 0, t.length);
            for (Node<K, V> p; (p = it.advance()) != null;) {
                V oldValue = p.val;
                for (K key = p.key;;) {
                    V newValue = function.apply(key, oldValue);
                    if (newValue == null) {
                        throw new NullPointerException();
                    }
                    if (replaceNode(key, newValue, oldValue) != null || (oldValue = get(key)) == null) {
                        break;
                    }
                }
            }
        }
    }

    boolean removeEntryIf(Predicate<? super Map.Entry<K, V>> function) {
        if (function == null) {
            throw new NullPointerException();
        }
        Node<K, V>[] t = table;
        boolean removed = false;
        if (t != null) {
            Traverser<K, V> it = new Traverser<K, V>(t, t.length, 0, t.length);
            for (Node<K, V> p; (p = it.advance()) != null;) {
                K k = p.key;
                V v = p.val;
                Map.Entry<K, V> e = new MapEntry<K, V>(k, v, this);
                if (function.test(e) && replaceNode(k, null, v) != null) {
                    removed = true;
                }
            }
        }
        return removed;
    }

    boolean removeValueIf(Predicate<? super V> function) {
        if (function == null) {
            throw new NullPointerException();
        }
        Node<K, V>[] t = table;
        boolean removed = false;
        if (t != null) {
            Traverser<K, V> it = new Traverser<K, V>(t, t.length, 0, t.length);
            for (Node<K, V> p; (p = it.advance()) != null;) {
                K k = p.key;
                V v = p.val;
                if (function.test(v) && replaceNode(k, null, v) != null) {
                    removed = true;
                }
            }
        }
        return removed;
    }

    // ---------------------------------------------------------------- table management (lock held)

    private static <K, V> void unlink(Node<K, V>[] tab, int i, Node<K, V> pred, Node<K, V> e) {
        if (pred != null) {
            pred.next = e.next;
        } else {
            tab[i] = e.next;
        }
    }

    @SuppressWarnings("unchecked")
    private Node<K, V>[] initTable() {
        int sc = sizeCtl;
        int n = (sc > 0) ? sc : DEFAULT_CAPACITY;
        Node<K, V>[] nt = (Node<K, V>[]) new Node<?, ?>[n];
        table = nt;
        sizeCtl = n - (n >>> 2);
        return nt;
    }

    /** Counts {@code x} more mappings; after an insertion ({@code check >= 0}) resizes while due. */
    private void addCount(long x, int check) {
        long s = count + x;
        count = s;
        if (check >= 0) {
            Node<K, V>[] tab;
            while (s >= (long) sizeCtl && (tab = table) != null && tab.length < MAXIMUM_CAPACITY) {
                transfer(tab);
            }
        }
    }

    /** A bin reached the treeify threshold: the JDK doubles a small table instead (we never treeify). */
    private void treeifyBin(Node<K, V>[] tab) {
        if (tab.length < MIN_TREEIFY_CAPACITY) {
            tryPresize(tab.length << 1);
        }
    }

    /** Grows the table to hold {@code size} mappings, as the JDK's {@code tryPresize}. */
    @SuppressWarnings("unchecked")
    private void tryPresize(int size) {
        int c = (size >= (MAXIMUM_CAPACITY >>> 1)) ? MAXIMUM_CAPACITY : tableSizeFor(size + (size >>> 1) + 1);
        for (;;) {
            int sc = sizeCtl;
            Node<K, V>[] tab = table;
            int n;
            if (tab == null || (n = tab.length) == 0) {
                n = (sc > c) ? sc : c;
                table = (Node<K, V>[]) new Node<?, ?>[n];
                sizeCtl = n - (n >>> 2);
            } else if (c <= sc || n >= MAXIMUM_CAPACITY) {
                break;
            } else {
                transfer(tab);
            }
        }
    }

    /**
     * Doubles the table: each old bin splits into bins {@code i} and {@code i + n} of the new one as
     * in the JDK (the bin's last run of nodes going to one side is reused, the nodes before it are
     * copied in front of it, in reverse order), then the old bin gets a {@link ForwardingNode}.
     */
    @SuppressWarnings("unchecked")
    private void transfer(Node<K, V>[] tab) {
        int n = tab.length;
        Node<K, V>[] nextTab = (Node<K, V>[]) new Node<?, ?>[n << 1];
        ForwardingNode<K, V> fwd = new ForwardingNode<K, V>(nextTab);
        for (int i = n - 1; i >= 0; i--) {
            Node<K, V> f = tab[i];
            if (f != null) {
                if (f.hash < 0) {
                    throw new IllegalStateException("Recursive update");
                }
                int runBit = f.hash & n;
                Node<K, V> lastRun = f;
                for (Node<K, V> p = f.next; p != null; p = p.next) {
                    int b = p.hash & n;
                    if (b != runBit) {
                        runBit = b;
                        lastRun = p;
                    }
                }
                Node<K, V> ln;
                Node<K, V> hn;
                if (runBit == 0) {
                    ln = lastRun;
                    hn = null;
                } else {
                    hn = lastRun;
                    ln = null;
                }
                for (Node<K, V> p = f; p != lastRun; p = p.next) {
                    int ph = p.hash;
                    if ((ph & n) == 0) {
                        ln = new Node<K, V>(ph, p.key, p.val, ln);
                    } else {
                        hn = new Node<K, V>(ph, p.key, p.val, hn);
                    }
                }
                nextTab[i] = ln;
                nextTab[i + n] = hn;
            }
            tab[i] = fwd;
        }
        table = nextTab;
        sizeCtl = (n << 1) - (n >>> 1);
    }

    // ---------------------------------------------------------------- Object methods

    @Override
    public int hashCode() {
        int h = 0;
        Node<K, V>[] t = table;
        if (t != null) {
            Traverser<K, V> it = new Traverser<K, V>(t, t.length, 0, t.length);
            for (Node<K, V> p; (p = it.advance()) != null;) {
                h += p.key.hashCode() ^ p.val.hashCode();
            }
        }
        return h;
    }

    @Override
    public String toString() {
        Node<K, V>[] t = table;
        int f = (t == null) ? 0 : t.length;
        Traverser<K, V> it = new Traverser<K, V>(t, f, 0, f);
        org.cometsim.guestlib.java.lang.StringBuilder sb = new org.cometsim.guestlib.java.lang.StringBuilder();
        sb.append('{');
        Node<K, V> p;
        if ((p = it.advance()) != null) {
            for (;;) {
                K k = p.key;
                V v = p.val;
                sb.append(k == this ? "(this Map)" : String.valueOf(k));
                sb.append('=');
                sb.append(v == this ? "(this Map)" : String.valueOf(v));
                if ((p = it.advance()) == null) {
                    break;
                }
                sb.append(',').append(' ');
            }
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        if (o != this) {
            if (!(o instanceof Map)) {
                return false;
            }
            Map<?, ?> m = (Map<?, ?>) o;
            Node<K, V>[] t = table;
            int f = (t == null) ? 0 : t.length;
            Traverser<K, V> it = new Traverser<K, V>(t, f, 0, f);
            for (Node<K, V> p; (p = it.advance()) != null;) {
                V val = p.val;
                Object v = m.get(p.key);
                if (v == null || (v != val && !v.equals(val))) {
                    return false;
                }
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object mk;
                Object mv;
                Object v;
                if ((mk = e.getKey()) == null || (mv = e.getValue()) == null || (v = get(mk)) == null
                        || (mv != v && !mv.equals(v))) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- views

    @Override
    public KeySetView<K, V> keySet() {
        KeySetView<K, V> ks = keySetView;
        return (ks != null) ? ks : (keySetView = new KeySetView<K, V>(this, null));
    }

    public KeySetView<K, V> keySet(V mappedValue) {
        if (mappedValue == null) {
            throw new NullPointerException();
        }
        return new KeySetView<K, V>(this, mappedValue);
    }

    @Override
    public Collection<V> values() {
        ValuesView<K, V> vs = valuesView;
        return (vs != null) ? vs : (valuesView = new ValuesView<K, V>(this));
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        EntrySetView<K, V> es = entrySetView;
        return (es != null) ? es : (entrySetView = new EntrySetView<K, V>(this));
    }

    public Enumeration<K> keys() {
        Node<K, V>[] t = table;
        int f = (t == null) ? 0 : t.length;
        return new KeyIterator<K, V>(t, f, 0, f, this);
    }

    public Enumeration<V> elements() {
        Node<K, V>[] t = table;
        int f = (t == null) ? 0 : t.length;
        return new ValueIterator<K, V>(t, f, 0, f, this);
    }

    public static <K> KeySetView<K, Boolean> newKeySet() {
        return new KeySetView<K, Boolean>(new ConcurrentHashMap<K, Boolean>(), Boolean.TRUE);
    }

    public static <K> KeySetView<K, Boolean> newKeySet(int initialCapacity) {
        return new KeySetView<K, Boolean>(new ConcurrentHashMap<K, Boolean>(initialCapacity), Boolean.TRUE);
    }

    // ---------------------------------------------------------------- bulk operations (sequential)

    private Traverser<K, V> traverser() {
        Node<K, V>[] t = table;
        int f = (t == null) ? 0 : t.length;
        return new Traverser<K, V>(t, f, 0, f);
    }

    public void forEach(long parallelismThreshold, BiConsumer<? super K, ? super V> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            action.accept(p.key, p.val);
        }
    }

    public <U> void forEach(long parallelismThreshold, BiFunction<? super K, ? super V, ? extends U> transformer,
                            Consumer<? super U> action) {
        if (transformer == null || action == null) {
            throw new NullPointerException();
        }
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            U u = transformer.apply(p.key, p.val);
            if (u != null) {
                action.accept(u);
            }
        }
    }

    public <U> U search(long parallelismThreshold, BiFunction<? super K, ? super V, ? extends U> searchFunction) {
        if (searchFunction == null) {
            throw new NullPointerException();
        }
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            U u = searchFunction.apply(p.key, p.val);
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    public <U> U reduce(long parallelismThreshold, BiFunction<? super K, ? super V, ? extends U> transformer,
                        BiFunction<? super U, ? super U, ? extends U> reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        U r = null;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            U u = transformer.apply(p.key, p.val);
            if (u != null) {
                r = (r == null) ? u : reducer.apply(r, u);
            }
        }
        return r;
    }

    public double reduceToDouble(long parallelismThreshold, ToDoubleBiFunction<? super K, ? super V> transformer,
                                 double basis, DoubleBinaryOperator reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        double r = basis;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = reducer.applyAsDouble(r, transformer.applyAsDouble(p.key, p.val));
        }
        return r;
    }

    public long reduceToLong(long parallelismThreshold, ToLongBiFunction<? super K, ? super V> transformer,
                             long basis, LongBinaryOperator reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        long r = basis;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = reducer.applyAsLong(r, transformer.applyAsLong(p.key, p.val));
        }
        return r;
    }

    public int reduceToInt(long parallelismThreshold, ToIntBiFunction<? super K, ? super V> transformer,
                           int basis, IntBinaryOperator reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        int r = basis;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = reducer.applyAsInt(r, transformer.applyAsInt(p.key, p.val));
        }
        return r;
    }

    public void forEachKey(long parallelismThreshold, Consumer<? super K> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            action.accept(p.key);
        }
    }

    public <U> void forEachKey(long parallelismThreshold, Function<? super K, ? extends U> transformer,
                               Consumer<? super U> action) {
        if (transformer == null || action == null) {
            throw new NullPointerException();
        }
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            U u = transformer.apply(p.key);
            if (u != null) {
                action.accept(u);
            }
        }
    }

    public <U> U searchKeys(long parallelismThreshold, Function<? super K, ? extends U> searchFunction) {
        if (searchFunction == null) {
            throw new NullPointerException();
        }
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            U u = searchFunction.apply(p.key);
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    public K reduceKeys(long parallelismThreshold, BiFunction<? super K, ? super K, ? extends K> reducer) {
        if (reducer == null) {
            throw new NullPointerException();
        }
        K r = null;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            K u = p.key;
            r = (r == null) ? u : (u == null) ? r : reducer.apply(r, u);
        }
        return r;
    }

    public <U> U reduceKeys(long parallelismThreshold, Function<? super K, ? extends U> transformer,
                            BiFunction<? super U, ? super U, ? extends U> reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        U r = null;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            U u = transformer.apply(p.key);
            if (u != null) {
                r = (r == null) ? u : reducer.apply(r, u);
            }
        }
        return r;
    }

    public long reduceKeysToLong(long parallelismThreshold, ToLongFunction<? super K> transformer, long basis,
                                 LongBinaryOperator reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        long r = basis;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = reducer.applyAsLong(r, transformer.applyAsLong(p.key));
        }
        return r;
    }

    public int reduceKeysToInt(long parallelismThreshold, ToIntFunction<? super K> transformer, int basis,
                               IntBinaryOperator reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        int r = basis;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = reducer.applyAsInt(r, transformer.applyAsInt(p.key));
        }
        return r;
    }

    public double reduceKeysToDouble(long parallelismThreshold, ToDoubleFunction<? super K> transformer, double basis,
                                     DoubleBinaryOperator reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        double r = basis;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = reducer.applyAsDouble(r, transformer.applyAsDouble(p.key));
        }
        return r;
    }

    public void forEachValue(long parallelismThreshold, Consumer<? super V> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            action.accept(p.val);
        }
    }

    public <U> void forEachValue(long parallelismThreshold, Function<? super V, ? extends U> transformer,
                                 Consumer<? super U> action) {
        if (transformer == null || action == null) {
            throw new NullPointerException();
        }
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            U u = transformer.apply(p.val);
            if (u != null) {
                action.accept(u);
            }
        }
    }

    public <U> U searchValues(long parallelismThreshold, Function<? super V, ? extends U> searchFunction) {
        if (searchFunction == null) {
            throw new NullPointerException();
        }
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            U u = searchFunction.apply(p.val);
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    public V reduceValues(long parallelismThreshold, BiFunction<? super V, ? super V, ? extends V> reducer) {
        if (reducer == null) {
            throw new NullPointerException();
        }
        V r = null;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            V v = p.val;
            r = (r == null) ? v : reducer.apply(r, v);
        }
        return r;
    }

    public <U> U reduceValues(long parallelismThreshold, Function<? super V, ? extends U> transformer,
                              BiFunction<? super U, ? super U, ? extends U> reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        U r = null;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            U u = transformer.apply(p.val);
            if (u != null) {
                r = (r == null) ? u : reducer.apply(r, u);
            }
        }
        return r;
    }

    public long reduceValuesToLong(long parallelismThreshold, ToLongFunction<? super V> transformer, long basis,
                                   LongBinaryOperator reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        long r = basis;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = reducer.applyAsLong(r, transformer.applyAsLong(p.val));
        }
        return r;
    }

    public int reduceValuesToInt(long parallelismThreshold, ToIntFunction<? super V> transformer, int basis,
                                 IntBinaryOperator reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        int r = basis;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = reducer.applyAsInt(r, transformer.applyAsInt(p.val));
        }
        return r;
    }

    public double reduceValuesToDouble(long parallelismThreshold, ToDoubleFunction<? super V> transformer,
                                       double basis, DoubleBinaryOperator reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        double r = basis;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = reducer.applyAsDouble(r, transformer.applyAsDouble(p.val));
        }
        return r;
    }

    public void forEachEntry(long parallelismThreshold, Consumer<? super Map.Entry<K, V>> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            action.accept(p);
        }
    }

    public <U> void forEachEntry(long parallelismThreshold, Function<Map.Entry<K, V>, ? extends U> transformer,
                                 Consumer<? super U> action) {
        if (transformer == null || action == null) {
            throw new NullPointerException();
        }
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            U u = transformer.apply(p);
            if (u != null) {
                action.accept(u);
            }
        }
    }

    public <U> U searchEntries(long parallelismThreshold, Function<Map.Entry<K, V>, ? extends U> searchFunction) {
        if (searchFunction == null) {
            throw new NullPointerException();
        }
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            U u = searchFunction.apply(p);
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    public Map.Entry<K, V> reduceEntries(long parallelismThreshold,
                                        BiFunction<Map.Entry<K, V>, Map.Entry<K, V>, ? extends Map.Entry<K, V>> reducer) {
        if (reducer == null) {
            throw new NullPointerException();
        }
        Map.Entry<K, V> r = null;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = (r == null) ? p : reducer.apply(r, p);
        }
        return r;
    }

    public <U> U reduceEntries(long parallelismThreshold, Function<Map.Entry<K, V>, ? extends U> transformer,
                               BiFunction<? super U, ? super U, ? extends U> reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        U r = null;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            U u = transformer.apply(p);
            if (u != null) {
                r = (r == null) ? u : reducer.apply(r, u);
            }
        }
        return r;
    }

    public long reduceEntriesToLong(long parallelismThreshold, ToLongFunction<Map.Entry<K, V>> transformer,
                                    long basis, LongBinaryOperator reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        long r = basis;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = reducer.applyAsLong(r, transformer.applyAsLong(p));
        }
        return r;
    }

    public int reduceEntriesToInt(long parallelismThreshold, ToIntFunction<Map.Entry<K, V>> transformer,
                                  int basis, IntBinaryOperator reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        int r = basis;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = reducer.applyAsInt(r, transformer.applyAsInt(p));
        }
        return r;
    }

    public double reduceEntriesToDouble(long parallelismThreshold, ToDoubleFunction<Map.Entry<K, V>> transformer,
                                        double basis, DoubleBinaryOperator reducer) {
        if (transformer == null || reducer == null) {
            throw new NullPointerException();
        }
        double r = basis;
        Traverser<K, V> it = traverser();
        for (Node<K, V> p; (p = it.advance()) != null;) {
            r = reducer.applyAsDouble(r, transformer.applyAsDouble(p));
        }
        return r;
    }

    // ---------------------------------------------------------------- entry helpers

    static String entryString(Object k, Object v) {
        return new org.cometsim.guestlib.java.lang.StringBuilder().append(String.valueOf(k)).append('=')
                .append(String.valueOf(v)).toString();
    }

    static boolean entryEquals(Object key, Object val, Object o) {
        Object k;
        Object v;
        Object u;
        Map.Entry<?, ?> e;
        return ((o instanceof Map.Entry) && (k = (e = (Map.Entry<?, ?>) o).getKey()) != null
                && (v = e.getValue()) != null && (k == key || k.equals(key)) && (v == (u = val) || v.equals(u)));
    }

    /** The entry the entry iterator returns: {@code setValue} writes through to the map. */
    static final class MapEntry<K, V> implements Map.Entry<K, V> {
        final K key;
        V val;
        final ConcurrentHashMap<K, V> map;

        MapEntry(K key, V val, ConcurrentHashMap<K, V> map) {
            this.key = key;
            this.val = val;
            this.map = map;
        }

        @Override
        public K getKey() {
            return key;
        }

        @Override
        public V getValue() {
            return val;
        }

        @Override
        public int hashCode() {
            return key.hashCode() ^ val.hashCode();
        }

        @Override
        public String toString() {
            return entryString(key, val);
        }

        @Override
        public boolean equals(Object o) {
            return entryEquals(key, val, o);
        }

        @Override
        public V setValue(V value) {
            if (value == null) {
                throw new NullPointerException();
            }
            V v = val;
            val = value;
            map.put(key, value);
            return v;
        }
    }

    // ---------------------------------------------------------------- traversal

    /** A table saved while the traversal visits a forwarded bin's two bins in the next table. */
    static final class TableStack<K, V> {
        int length;
        int index;
        Node<K, V>[] tab;
        TableStack<K, V> next;
    }

    /**
     * The JDK's traversal: bins in index order; at a {@link ForwardingNode} it visits the bin's
     * two successors {@code i} and {@code i + n} in the next table, then continues in the old one.
     */
    static class Traverser<K, V> {
        Node<K, V>[] tab;
        Node<K, V> next;
        TableStack<K, V> stack;
        TableStack<K, V> spare;
        int index;
        int baseIndex;
        int baseLimit;
        final int baseSize;

        Traverser(Node<K, V>[] tab, int size, int index, int limit) {
            this.tab = tab;
            this.baseSize = size;
            this.baseIndex = this.index = index;
            this.baseLimit = limit;
            this.next = null;
        }

        final Node<K, V> advance() {
            Node<K, V> e;
            if ((e = next) != null) {
                e = e.next;
            }
            for (;;) {
                Node<K, V>[] t;
                int i;
                int n;
                if (e != null) {
                    return next = e;
                }
                if (baseIndex >= baseLimit || (t = tab) == null || (n = t.length) <= (i = index) || i < 0) {
                    return next = null;
                }
                if ((e = t[i]) != null && e.hash < 0) {
                    if (e instanceof ForwardingNode) {
                        tab = ((ForwardingNode<K, V>) e).nextTable;
                        e = null;
                        pushState(t, i, n);
                        continue;
                    }
                    e = null;
                }
                if (stack != null) {
                    recoverState(n);
                } else if ((index = i + baseSize) >= n) {
                    index = ++baseIndex;
                }
            }
        }

        private void pushState(Node<K, V>[] t, int i, int n) {
            TableStack<K, V> s = spare;
            if (s != null) {
                spare = s.next;
            } else {
                s = new TableStack<K, V>();
            }
            s.tab = t;
            s.length = n;
            s.index = i;
            s.next = stack;
            stack = s;
        }

        private void recoverState(int n) {
            TableStack<K, V> s;
            int len;
            while ((s = stack) != null && (index += (len = s.length)) >= n) {
                n = len;
                index = s.index;
                tab = s.tab;
                s.tab = null;
                TableStack<K, V> next = s.next;
                s.next = spare;
                stack = next;
                spare = s;
            }
            if (s == null && (index += baseSize) >= n) {
                index = ++baseIndex;
            }
        }
    }

    static class BaseIterator<K, V> extends Traverser<K, V> {
        final ConcurrentHashMap<K, V> map;
        Node<K, V> lastReturned;

        BaseIterator(Node<K, V>[] tab, int size, int index, int limit, ConcurrentHashMap<K, V> map) {
            super(tab, size, index, limit);
            this.map = map;
            advance();
        }

        public final boolean hasNext() {
            return next != null;
        }

        public final boolean hasMoreElements() {
            return next != null;
        }

        public final void remove() {
            Node<K, V> p;
            if ((p = lastReturned) == null) {
                throw new IllegalStateException();
            }
            lastReturned = null;
            map.replaceNode(p.key, null, null);
        }
    }

    static final class KeyIterator<K, V> extends BaseIterator<K, V> implements Iterator<K>, Enumeration<K> {
        KeyIterator(Node<K, V>[] tab, int size, int index, int limit, ConcurrentHashMap<K, V> map) {
            super(tab, size, index, limit, map);
        }

        @Override
        public K next() {
            Node<K, V> p;
            if ((p = next) == null) {
                throw new NoSuchElementException();
            }
            K k = p.key;
            lastReturned = p;
            advance();
            return k;
        }

        @Override
        public K nextElement() {
            return next();
        }
    }

    static final class ValueIterator<K, V> extends BaseIterator<K, V> implements Iterator<V>, Enumeration<V> {
        ValueIterator(Node<K, V>[] tab, int size, int index, int limit, ConcurrentHashMap<K, V> map) {
            super(tab, size, index, limit, map);
        }

        @Override
        public V next() {
            Node<K, V> p;
            if ((p = next) == null) {
                throw new NoSuchElementException();
            }
            V v = p.val;
            lastReturned = p;
            advance();
            return v;
        }

        @Override
        public V nextElement() {
            return next();
        }
    }

    static final class EntryIterator<K, V> extends BaseIterator<K, V> implements Iterator<Map.Entry<K, V>> {
        EntryIterator(Node<K, V>[] tab, int size, int index, int limit, ConcurrentHashMap<K, V> map) {
            super(tab, size, index, limit, map);
        }

        @Override
        public Map.Entry<K, V> next() {
            Node<K, V> p;
            if ((p = next) == null) {
                throw new NoSuchElementException();
            }
            K k = p.key;
            V v = p.val;
            lastReturned = p;
            advance();
            return new MapEntry<K, V>(k, v, map);
        }
    }

    // ---------------------------------------------------------------- view classes

    /** The views' common part, as the JDK's {@code CollectionView}. */
    abstract static class CollectionView<K, V, E> implements Collection<E>, java.io.Serializable {
        private static final long serialVersionUID = 7249069246763182397L;
        final ConcurrentHashMap<K, V> map;

        CollectionView(ConcurrentHashMap<K, V> map) {
            this.map = map;
        }

        public ConcurrentHashMap<K, V> getMap() {
            return map;
        }

        @Override
        public final void clear() {
            map.clear();
        }

        @Override
        public final int size() {
            return map.size();
        }

        @Override
        public final boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public abstract Iterator<E> iterator();

        @Override
        public abstract boolean contains(Object o);

        @Override
        public abstract boolean remove(Object o);

        /** Sized by the map's count (which a recursive update can leave off), grown as the JDK's. */
        @Override
        public final Object[] toArray() {
            long sz = map.mappingCount();
            if (sz > MAX_ARRAY_SIZE) {
                throw new OutOfMemoryError(OOME_MSG);
            }
            int n = (int) sz;
            Object[] r = new Object[n];
            int i = 0;
            for (E e : this) {
                if (i == n) {
                    n = grow(n);
                    r = Arrays.copyOf(r, n);
                }
                r[i++] = e;
            }
            return (i == n) ? r : Arrays.copyOf(r, i);
        }

        @Override
        @SuppressWarnings("unchecked")
        public final <T> T[] toArray(T[] a) {
            long sz = map.mappingCount();
            if (sz > MAX_ARRAY_SIZE) {
                throw new OutOfMemoryError(OOME_MSG);
            }
            int m = (int) sz;
            T[] r = (a.length >= m) ? a : Arrays.copyOf(a, m);
            int n = r.length;
            int i = 0;
            for (E e : this) {
                if (i == n) {
                    n = grow(n);
                    r = Arrays.copyOf(r, n);
                }
                r[i++] = (T) e;
            }
            if (a == r && i < n) {
                r[i] = null;
                return r;
            }
            return (i == n) ? r : Arrays.copyOf(r, i);
        }

        private static int grow(int n) {
            if (n >= MAX_ARRAY_SIZE) {
                throw new OutOfMemoryError(OOME_MSG);
            }
            return (n >= MAX_ARRAY_SIZE - (MAX_ARRAY_SIZE >>> 1) - 1) ? MAX_ARRAY_SIZE : n + (n >>> 1) + 1;
        }

        @Override
        public final String toString() {
            org.cometsim.guestlib.java.lang.StringBuilder sb = new org.cometsim.guestlib.java.lang.StringBuilder();
            sb.append('[');
            Iterator<E> it = iterator();
            if (it.hasNext()) {
                for (;;) {
                    Object e = it.next();
                    sb.append(e == this ? "(this Collection)" : String.valueOf(e));
                    if (!it.hasNext()) {
                        break;
                    }
                    sb.append(',').append(' ');
                }
            }
            return sb.append(']').toString();
        }

        @Override
        public final boolean containsAll(Collection<?> c) {
            if (c != this) {
                for (Object e : c) {
                    if (e == null || !contains(e)) {
                        return false;
                    }
                }
            }
            return true;
        }

        @Override
        public boolean removeAll(Collection<?> c) {
            if (c == null) {
                throw new NullPointerException();
            }
            boolean modified = false;
            Node<K, V>[] t = map.table;
            if (t == null) {
                return false;
            } else if (c instanceof Set<?> && c.size() > t.length) {
                for (Iterator<?> it = iterator(); it.hasNext();) {
                    if (c.contains(it.next())) {
                        it.remove();
                        modified = true;
                    }
                }
            } else {
                for (Object e : c) {
                    modified |= remove(e);
                }
            }
            return modified;
        }

        @Override
        public final boolean retainAll(Collection<?> c) {
            if (c == null) {
                throw new NullPointerException();
            }
            boolean modified = false;
            for (Iterator<E> it = iterator(); it.hasNext();) {
                if (!c.contains(it.next())) {
                    it.remove();
                    modified = true;
                }
            }
            return modified;
        }

        @Override
        public boolean removeIf(Predicate<? super E> filter) {
            if (filter == null) {
                throw new NullPointerException();
            }
            boolean removed = false;
            for (Iterator<E> it = iterator(); it.hasNext();) {
                if (filter.test(it.next())) {
                    it.remove();
                    removed = true;
                }
            }
            return removed;
        }
    }

    /** {@code ConcurrentHashMap.KeySetView}: the key set, optionally adding keys with a fixed value. */
    public static class KeySetView<K, V> extends CollectionView<K, V, K> implements Set<K>, java.io.Serializable {
        private static final long serialVersionUID = 7249069246763182397L;
        private final V value;

        KeySetView(ConcurrentHashMap<K, V> map, V value) {
            super(map);
            this.value = value;
        }

        public V getMappedValue() {
            return value;
        }

        @Override
        public boolean contains(Object o) {
            return map.containsKey(o);
        }

        @Override
        public boolean remove(Object o) {
            return map.remove(o) != null;
        }

        @Override
        public Iterator<K> iterator() {
            ConcurrentHashMap<K, V> m = map;
            Node<K, V>[] t = m.table;
            int f = (t == null) ? 0 : t.length;
            return new KeyIterator<K, V>(t, f, 0, f, m);
        }

        @Override
        public boolean add(K e) {
            V v = value;
            if (v == null) {
                throw new UnsupportedOperationException();
            }
            return map.putVal(e, v, true) == null;
        }

        @Override
        public boolean addAll(Collection<? extends K> c) {
            boolean added = false;
            V v = value;
            if (v == null) {
                throw new UnsupportedOperationException();
            }
            for (K e : c) {
                if (map.putVal(e, v, true) == null) {
                    added = true;
                }
            }
            return added;
        }

        @Override
        public int hashCode() {
            int h = 0;
            for (K e : this) {
                h += e.hashCode();
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            Set<?> c;
            return ((o instanceof Set) && ((c = (Set<?>) o) == this || (containsAll(c) && c.containsAll(this))));
        }

        @Override
        public void forEach(Consumer<? super K> action) {
            if (action == null) {
                throw new NullPointerException();
            }
            Traverser<K, V> it = map.traverser();
            for (Node<K, V> p; (p = it.advance()) != null;) {
                action.accept(p.key);
            }
        }
    }

    static final class ValuesView<K, V> extends CollectionView<K, V, V> implements Collection<V>, java.io.Serializable {
        private static final long serialVersionUID = 2249069246763182397L;

        ValuesView(ConcurrentHashMap<K, V> map) {
            super(map);
        }

        @Override
        public boolean contains(Object o) {
            return map.containsValue(o);
        }

        @Override
        public boolean remove(Object o) {
            if (o != null) {
                for (Iterator<V> it = iterator(); it.hasNext();) {
                    if (o.equals(it.next())) {
                        it.remove();
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public Iterator<V> iterator() {
            ConcurrentHashMap<K, V> m = map;
            Node<K, V>[] t = m.table;
            int f = (t == null) ? 0 : t.length;
            return new ValueIterator<K, V>(t, f, 0, f, m);
        }

        @Override
        public boolean add(V e) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean addAll(Collection<? extends V> c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean removeAll(Collection<?> c) {
            if (c == null) {
                throw new NullPointerException();
            }
            boolean modified = false;
            for (Iterator<V> it = iterator(); it.hasNext();) {
                if (c.contains(it.next())) {
                    it.remove();
                    modified = true;
                }
            }
            return modified;
        }

        @Override
        public boolean removeIf(Predicate<? super V> filter) {
            return map.removeValueIf(filter);
        }

        @Override
        public void forEach(Consumer<? super V> action) {
            if (action == null) {
                throw new NullPointerException();
            }
            Traverser<K, V> it = map.traverser();
            for (Node<K, V> p; (p = it.advance()) != null;) {
                action.accept(p.val);
            }
        }
    }

    static final class EntrySetView<K, V> extends CollectionView<K, V, Map.Entry<K, V>>
            implements Set<Map.Entry<K, V>>, java.io.Serializable {
        private static final long serialVersionUID = 2249069246763182397L;

        EntrySetView(ConcurrentHashMap<K, V> map) {
            super(map);
        }

        @Override
        public boolean contains(Object o) {
            Object k;
            Object v;
            Object r;
            Map.Entry<?, ?> e;
            return ((o instanceof Map.Entry) && (k = (e = (Map.Entry<?, ?>) o).getKey()) != null
                    && (r = map.get(k)) != null && (v = e.getValue()) != null && (v == r || v.equals(r)));
        }

        @Override
        public boolean remove(Object o) {
            Object k;
            Object v;
            Map.Entry<?, ?> e;
            return ((o instanceof Map.Entry) && (k = (e = (Map.Entry<?, ?>) o).getKey()) != null
                    && (v = e.getValue()) != null && map.remove(k, v));
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            ConcurrentHashMap<K, V> m = map;
            Node<K, V>[] t = m.table;
            int f = (t == null) ? 0 : t.length;
            return new EntryIterator<K, V>(t, f, 0, f, m);
        }

        @Override
        public boolean add(Map.Entry<K, V> e) {
            return map.putVal(e.getKey(), e.getValue(), false) == null;
        }

        @Override
        public boolean addAll(Collection<? extends Map.Entry<K, V>> c) {
            boolean added = false;
            for (Map.Entry<K, V> e : c) {
                if (add(e)) {
                    added = true;
                }
            }
            return added;
        }

        @Override
        public boolean removeIf(Predicate<? super Map.Entry<K, V>> filter) {
            return map.removeEntryIf(filter);
        }

        @Override
        public int hashCode() {
            int h = 0;
            Node<K, V>[] t = map.table;
            if (t != null) {
                Traverser<K, V> it = new Traverser<K, V>(t, t.length, 0, t.length);
                for (Node<K, V> p; (p = it.advance()) != null;) {
                    h += p.hashCode();
                }
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            Set<?> c;
            return ((o instanceof Set) && ((c = (Set<?>) o) == this || (containsAll(c) && c.containsAll(this))));
        }

        @Override
        public void forEach(Consumer<? super Map.Entry<K, V>> action) {
            if (action == null) {
                throw new NullPointerException();
            }
            Traverser<K, V> it = map.traverser();
            for (Node<K, V> p; (p = it.advance()) != null;) {
                action.accept(new MapEntry<K, V>(p.key, p.val, map));
            }
        }
    }
}
