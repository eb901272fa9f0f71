package org.cometsim.guestlib.java.util;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Guest-side {@code java.util.LinkedHashMap}: our {@link HashMap} plus a doubly linked list in
 * insertion or access order, with the JDK 17 {@link #removeEldestEntry} hook and modCount rules
 * (an access that reorders counts as a modification). Same deviations as {@link HashMap}.
 */
public class LinkedHashMap<K, V> extends HashMap<K, V> implements Map<K, V> {
    private static final long serialVersionUID = 3801124242820219131L;

    /** A node that is also a link of the iteration-order list. */
    static class Entry<K, V> extends HashMap.Node<K, V> {
        private static final long serialVersionUID = 1L;

        Entry<K, V> before;
        Entry<K, V> after;

        Entry(int hash, K key, V value, HashMap.Node<K, V> next) {
            super(hash, key, value, next);
        }
    }

    /** Eldest entry. */
    Entry<K, V> head;
    /** Youngest entry (most recently inserted, or accessed in access order). */
    Entry<K, V> tail;
    /** True for access order, false for insertion order. */
    final boolean accessOrder;

    public LinkedHashMap(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
        accessOrder = false;
    }

    public LinkedHashMap(int initialCapacity) {
        super(initialCapacity);
        accessOrder = false;
    }

    public LinkedHashMap() {
        super();
        accessOrder = false;
    }

    public LinkedHashMap(Map<? extends K, ? extends V> m) {
        super();
        accessOrder = false;
        putMapEntries(m, false);
    }

    public LinkedHashMap(int initialCapacity, float loadFactor, boolean accessOrder) {
        super(initialCapacity, loadFactor);
        this.accessOrder = accessOrder;
    }

    // ---------------------------------------------------------------- list maintenance (HashMap hooks)

    @Override
    HashMap.Node<K, V> newNode(int hash, K key, V value, HashMap.Node<K, V> next) {
        Entry<K, V> p = new Entry<>(hash, key, value, next);
        Entry<K, V> last = tail;
        tail = p;
        if (last == null) {
            head = p;
        } else {
            p.before = last;
            last.after = p;
        }
        return p;
    }

    @Override
    void afterNodeRemoval(HashMap.Node<K, V> e) {
        Entry<K, V> p = (Entry<K, V>) e;
        Entry<K, V> b = p.before;
        Entry<K, V> a = p.after;
        // cleared links end a forEach standing on a removed entry, as in the JDK
        p.before = null;
        p.after = null;
        if (b == null) {
            head = a;
        } else {
            b.after = a;
        }
        if (a == null) {
            tail = b;
        } else {
            a.before = b;
        }
    }

    @Override
    void afterNodeInsertion(boolean evict) {
        Entry<K, V> first = head;
        if (evict && first != null && removeEldestEntry(first)) {
            K key = first.key;
            removeNode(hash(key), key, null, false);
        }
    }

    @Override
    void afterNodeAccess(HashMap.Node<K, V> e) {
        Entry<K, V> last = tail;
        if (accessOrder && last != e) {
            Entry<K, V> p = (Entry<K, V>) e;
            Entry<K, V> b = p.before;
            Entry<K, V> a = p.after;
            p.after = null;
            if (b == null) {
                head = a;
            } else {
                b.after = a;
            }
            if (a != null) {
                a.before = b;
            } else {
                last = b;
            }
            if (last == null) {
                head = p;
            } else {
                p.before = last;
                last.after = p;
            }
            tail = p;
            modCount++;
        }
    }

    @Override
    void reinitialize() {
        super.reinitialize();
        head = null;
        tail = null;
    }

    /**
     * Called after each insertion by put, putAll, putIfAbsent and the compute/merge family (not by
     * the copy constructor or clone); returning true removes the eldest entry.
     */
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return false;
    }

    // ---------------------------------------------------------------- operations

    @Override
    public boolean containsValue(Object value) {
        for (Entry<K, V> e = head; e != null; e = e.after) {
            V v = e.value;
            if (v == value || (value != null && value.equals(v))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public V get(Object key) {
        HashMap.Node<K, V> e = getNode(key);
        if (e == null) {
            return null;
        }
        if (accessOrder) {
            afterNodeAccess(e);
        }
        return e.value;
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        HashMap.Node<K, V> e = getNode(key);
        if (e == null) {
            return defaultValue;
        }
        if (accessOrder) {
            afterNodeAccess(e);
        }
        return e.value;
    }

    @Override
    public void clear() {
        super.clear();
        head = null;
        tail = null;
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        int mc = modCount;
        for (Entry<K, V> e = head; e != null; e = e.after) {
            action.accept(e.key, e.value);
        }
        if (modCount != mc) {
            throw new ConcurrentModificationException();
        }
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        if (function == null) {
            throw new NullPointerException();
        }
        int mc = modCount;
        for (Entry<K, V> e = head; e != null; e = e.after) {
            e.value = function.apply(e.key, e.value);
        }
        if (modCount != mc) {
            throw new ConcurrentModificationException();
        }
    }

    // ---------------------------------------------------------------- traversal hooks for the views

    @Override
    <T> T[] keysToArray(T[] a) {
        Object[] r = a;
        int idx = 0;
        for (Entry<K, V> e = head; e != null; e = e.after) {
            r[idx++] = e.key;
        }
        return a;
    }

    @Override
    <T> T[] valuesToArray(T[] a) {
        Object[] r = a;
        int idx = 0;
        for (Entry<K, V> e = head; e != null; e = e.after) {
            r[idx++] = e.value;
        }
        return a;
    }

    @SuppressWarnings("unchecked")
    @Override
    void forEachNode(int what, Consumer<?> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        Consumer<Object> c = (Consumer<Object>) action;
        int mc = modCount;
        for (Entry<K, V> e = head; e != null; e = e.after) {
            c.accept(what == 0 ? e.key : what == 1 ? e.value : e);
        }
        if (modCount != mc) {
            throw new ConcurrentModificationException();
        }
    }

    @Override
    Iterator<?> newIterator(int what) {
        return new LinkedHashIterator(what);
    }

    /** Fail-fast iterator along the before/after list (what = 0 keys, 1 values, 2 entries). */
    final class LinkedHashIterator implements Iterator<Object> {
        private final int what;
        private Entry<K, V> next;
        private Entry<K, V> current;
        private int expectedModCount;

        LinkedHashIterator(int what) {
            this.what = what;
            next = head;
            expectedModCount = modCount;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Object next() {
            Entry<K, V> e = next;
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            if (e == null) {
                throw new NoSuchElementException();
            }
            current = e;
            next = e.after;
            return what == 0 ? e.key : what == 1 ? e.value : e;
        }

        @Override
        public void remove() {
            HashMap.Node<K, V> p = current;
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
