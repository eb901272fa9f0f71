package org.cometsim.guestlib.java.util.concurrent;

import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentNavigableMap;

import org.cometsim.guestlib.java.util.AbstractSet;

/**
 * Guest-side {@code java.util.concurrent.ConcurrentSkipListSet}: as the JDK's, the key set of a
 * {@link ConcurrentSkipListMap} whose values are {@code Boolean.TRUE} (here the guest map: a guest
 * {@code TreeMap} on an internal monitor), so order, null rules, range views ("key out of range"),
 * weakly consistent iterators and {@code toString} (read without the lock) are the map's.
 */
public class ConcurrentSkipListSet<E> extends AbstractSet<E> implements NavigableSet<E>, Cloneable, java.io.Serializable {
    private static final long serialVersionUID = -2479143111061671589L;

    /** The whole map, or for a range view of a set the map's range view (which checks the bounds). */
    private final ConcurrentNavigableMap<E, Object> m;

    /** The map's key set (the JDK's set delegates its navigation to the same view). */
    private transient NavigableSet<E> keys;

    public ConcurrentSkipListSet() {
        m = new ConcurrentSkipListMap<E, Object>();
    }

    public ConcurrentSkipListSet(Comparator<? super E> comparator) {
        m = new ConcurrentSkipListMap<E, Object>(comparator);
    }

    public ConcurrentSkipListSet(Collection<? extends E> c) {
        m = new ConcurrentSkipListMap<E, Object>();
        addAll(c);
    }

    public ConcurrentSkipListSet(SortedSet<E> s) {
        m = new ConcurrentSkipListMap<E, Object>(s.comparator());
        addAll(s);
    }

    private ConcurrentSkipListSet(ConcurrentNavigableMap<E, Object> m) {
        this.m = m;
    }

    private NavigableSet<E> keys() {
        NavigableSet<E> k = keys;
        return k != null ? k : (keys = m.navigableKeySet());
    }

    @Override
    public ConcurrentSkipListSet<E> clone() {
        return new ConcurrentSkipListSet<E>(new ConcurrentSkipListMap<E, Object>(m));
    }

    @Override
    public int size() {
        return keys().size();
    }

    @Override
    public boolean isEmpty() {
        return keys().isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return keys().contains(o);
    }

    @Override
    public boolean add(E e) {
        return m.putIfAbsent(e, Boolean.TRUE) == null;
    }

    @Override
    public boolean remove(Object o) {
        return m.remove(o, Boolean.TRUE);
    }

    @Override
    public void clear() {
        keys().clear();
    }

    @Override
    public Iterator<E> iterator() {
        return keys().iterator();
    }

    @Override
    public Iterator<E> descendingIterator() {
        return keys().descendingIterator();
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof java.util.Set)) {
            return false;
        }
        Collection<?> c = (Collection<?>) o;
        try {
            return containsAll(c) && c.containsAll(this);
        } catch (ClassCastException | NullPointerException unused) {
            return false;
        }
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        boolean modified = false;
        for (Object e : c) {
            if (remove(e)) {
                modified = true;
            }
        }
        return modified;
    }

    @Override
    public Object[] toArray() {
        return keys().toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return keys().toArray(a);
    }

    @Override
    public String toString() {
        return keys().toString();
    }

    @Override
    public E lower(E e) {
        return keys().lower(e);
    }

    @Override
    public E floor(E e) {
        return keys().floor(e);
    }

    @Override
    public E ceiling(E e) {
        return keys().ceiling(e);
    }

    @Override
    public E higher(E e) {
        return keys().higher(e);
    }

    @Override
    public E pollFirst() {
        return keys().pollFirst();
    }

    @Override
    public E pollLast() {
        return keys().pollLast();
    }

    @Override
    public Comparator<? super E> comparator() {
        return keys().comparator();
    }

    @Override
    public E first() {
        return keys().first();
    }

    @Override
    public E last() {
        return keys().last();
    }

    @Override
    public NavigableSet<E> subSet(E fromElement, boolean fromInclusive, E toElement, boolean toInclusive) {
        return new ConcurrentSkipListSet<E>(m.subMap(fromElement, fromInclusive, toElement, toInclusive));
    }

    @Override
    public NavigableSet<E> headSet(E toElement, boolean inclusive) {
        return new ConcurrentSkipListSet<E>(m.headMap(toElement, inclusive));
    }

    @Override
    public NavigableSet<E> tailSet(E fromElement, boolean inclusive) {
        return new ConcurrentSkipListSet<E>(m.tailMap(fromElement, inclusive));
    }

    @Override
    public NavigableSet<E> subSet(E fromElement, E toElement) {
        return subSet(fromElement, true, toElement, false);
    }

    @Override
    public NavigableSet<E> headSet(E toElement) {
        return headSet(toElement, false);
    }

    @Override
    public NavigableSet<E> tailSet(E fromElement) {
        return tailSet(fromElement, true);
    }

    @Override
    public NavigableSet<E> descendingSet() {
        return new ConcurrentSkipListSet<E>(m.descendingMap());
    }
}
