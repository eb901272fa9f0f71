package org.cometsim.guestlib.java.util.concurrent;

import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.cometsim.guestlib.java.util.AbstractCollection;

/**
 * Guest-side {@code java.util.concurrent.ConcurrentLinkedDeque}: an unbounded guest
 * {@link LinkedBlockingDeque} (the JDK 17 doubly linked list on an internal monitor) behind the
 * {@code ConcurrentLinkedDeque} API, whose rules differ from the blocking deque's and are the
 * JDK's here: {@code remove(null)}, {@code removeFirstOccurrence(null)} and
 * {@code removeLastOccurrence(null)} throw {@code NullPointerException}; {@code contains(null)} is
 * false; {@code addAll(this)} throws {@code IllegalArgumentException} and a {@code null} element
 * fails the whole {@code addAll} before anything is added; {@code forEach} and {@code removeIf}
 * visit the live list one element at a time. The nodes are guest objects the DSM tracks (the
 * JDK's deque is a host object that pins every thread reaching it).
 *
 * <p>Deviations: the JDK's is lock-free, this one takes a monitor for each operation
 * ({@code size()} is exact, the JDK's a traversal); an iterator standing on an element removed at
 * the front restarts from the current first element in both, but the JDK delays that unlinking
 * (an iterator may still walk removed interior nodes there), so under concurrent removal the two
 * may return different, equally valid, weakly consistent sequences. {@code toString} prints
 * "(this Collection)" for the deque itself (the JDK's recurses); the default serialized form;
 * {@code spliterator()} is the {@code Collection} default.
 */
public class ConcurrentLinkedDeque<E> extends AbstractCollection<E> implements Deque<E>, java.io.Serializable {

    private static final long serialVersionUID = 876323262645176354L;

    private final LinkedBlockingDeque<E> d;

    public ConcurrentLinkedDeque() {
        d = new LinkedBlockingDeque<E>();
    }

    public ConcurrentLinkedDeque(Collection<? extends E> c) {
        this();
        addAllChecked(c);
    }

    @Override
    public void addFirst(E e) {
        d.addFirst(e);
    }

    @Override
    public void addLast(E e) {
        d.addLast(e);
    }

    @Override
    public boolean offerFirst(E e) {
        d.addFirst(e);
        return true;
    }

    @Override
    public boolean offerLast(E e) {
        d.addLast(e);
        return true;
    }

    @Override
    public E peekFirst() {
        return d.peekFirst();
    }

    @Override
    public E peekLast() {
        return d.peekLast();
    }

    @Override
    public E getFirst() {
        return d.getFirst();
    }

    @Override
    public E getLast() {
        return d.getLast();
    }

    @Override
    public E pollFirst() {
        return d.pollFirst();
    }

    @Override
    public E pollLast() {
        return d.pollLast();
    }

    @Override
    public E removeFirst() {
        return d.removeFirst();
    }

    @Override
    public E removeLast() {
        return d.removeLast();
    }

    @Override
    public boolean offer(E e) {
        return offerLast(e);
    }

    @Override
    public boolean add(E e) {
        return offerLast(e);
    }

    @Override
    public E poll() {
        return pollFirst();
    }

    @Override
    public E peek() {
        return peekFirst();
    }

    @Override
    public E remove() {
        return removeFirst();
    }

    @Override
    public E pop() {
        return removeFirst();
    }

    @Override
    public E element() {
        return getFirst();
    }

    @Override
    public void push(E e) {
        addFirst(e);
    }

    @Override
    public boolean removeFirstOccurrence(Object o) {
        Objects.requireNonNull(o);
        return d.removeFirstOccurrence(o);
    }

    @Override
    public boolean removeLastOccurrence(Object o) {
        Objects.requireNonNull(o);
        return d.removeLastOccurrence(o);
    }

    @Override
    public boolean contains(Object o) {
        return d.contains(o);
    }

    @Override
    public boolean isEmpty() {
        return peekFirst() == null;
    }

    @Override
    public int size() {
        return d.size();
    }

    @Override
    public boolean remove(Object o) {
        return removeFirstOccurrence(o);
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        if (c == this) {
            // As historically specified in AbstractQueue#addAll
            throw new IllegalArgumentException();
        }
        return addAllChecked(c);
    }

    /** Appends c's elements at once; a null element fails before any is added (the JDK builds a private chain first). */
    private boolean addAllChecked(Collection<? extends E> c) {
        Object[] es = c.toArray();
        for (Object e : es) {
            Objects.requireNonNull(e);
        }
        if (es.length == 0) {
            return false;
        }
        @SuppressWarnings("unchecked")
        java.util.List<E> all = (java.util.List<E>) java.util.Arrays.asList(es);
        return d.addAll(all);
    }

    @Override
    public void clear() {
        while (pollFirst() != null) {
            // the JDK's clear: poll until empty
        }
    }

    /** Read without the deque's lock, as {@link LinkedBlockingDeque#toString()}. */
    @Override
    public String toString() {
        return LinkedBlockingQueue.collectionToString(this, LinkedBlockingDeque.unlockedSnapshot(d.first));
    }

    @Override
    public Object[] toArray() {
        return d.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        if (a == null) {
            throw new NullPointerException();
        }
        return d.toArray(a);
    }

    @Override
    public Iterator<E> iterator() {
        return d.iterator();
    }

    @Override
    public Iterator<E> descendingIterator() {
        return d.descendingIterator();
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action);
        for (Iterator<E> it = d.iterator(); it.hasNext();) {
            action.accept(it.next());
        }
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        Objects.requireNonNull(filter);
        return bulkRemove(filter);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return bulkRemove(e -> c.contains(e));
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return bulkRemove(e -> !c.contains(e));
    }

    private boolean bulkRemove(Predicate<? super E> filter) {
        boolean removed = false;
        for (Iterator<E> it = d.iterator(); it.hasNext();) {
            if (filter.test(it.next())) {
                it.remove();
                removed = true;
            }
        }
        return removed;
    }
}
