package org.cometsim.guestlib.java.util;

import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Guest-side {@code java.util.ArrayDeque}: circular array deque, nulls rejected. Mirrors the JDK 17
 * array layout (initial capacity 16+1 or n+1, same growth and clear() reset) so that the weakly
 * fail-fast iterators behave identically even under concurrent modification.
 * Deviation: no writeObject, so the serialized form is the default one (array, head, tail), not the JDK's.
 */
public class ArrayDeque<E> extends AbstractCollection<E>
        implements Deque<E>, Cloneable, java.io.Serializable {

    private static final long serialVersionUID = 2340985798034038923L;

    private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

    /** Circular buffer; always has at least one null slot between tail and head. */
    /** Not transient (as head/tail): without a writeObject, default serialization must carry them. */
    Object[] elements;

    /** Index of the first element (elements[head] == null when empty). */
    int head;

    /** Index at which the next addLast stores (always a null slot). */
    int tail;

    public ArrayDeque() {
        elements = new Object[16 + 1];
    }

    public ArrayDeque(int numElements) {
        elements = new Object[(numElements < 1) ? 1
                : (numElements == Integer.MAX_VALUE) ? Integer.MAX_VALUE : numElements + 1];
    }

    public ArrayDeque(Collection<? extends E> c) {
        this(c.size());
        copyElements(c);
    }

    /** Grows by at least needed slots: double when small (&lt; 64), else +50%. */
    private void grow(int needed) {
        int oldCapacity = elements.length;
        int newCapacity;
        int jump = (oldCapacity < 64) ? (oldCapacity + 2) : (oldCapacity >> 1);
        if (jump < needed || (newCapacity = (oldCapacity + jump)) - MAX_ARRAY_SIZE > 0) {
            newCapacity = newCapacity(needed, jump);
        }
        Object[] es = elements = Arrays.copyOf(elements, newCapacity);
        // when wrapped (or exactly full), move the head segment to the end of the new array
        if (tail < head || (tail == head && es[head] != null)) {
            int newSpace = newCapacity - oldCapacity;
            System.arraycopy(es, head, es, head + newSpace, oldCapacity - head);
            for (int i = head, to = (head += newSpace); i < to; i++) {
                es[i] = null;
            }
        }
    }

    private int newCapacity(int needed, int jump) {
        int oldCapacity = elements.length;
        int minCapacity = oldCapacity + needed;
        if (minCapacity - MAX_ARRAY_SIZE > 0) {
            if (minCapacity < 0) {
                throw new IllegalStateException("Sorry, deque too big");
            }
            return Integer.MAX_VALUE;
        }
        if (needed > jump) {
            return minCapacity;
        }
        return (oldCapacity + jump - MAX_ARRAY_SIZE < 0) ? oldCapacity + jump : MAX_ARRAY_SIZE;
    }

    static int inc(int i, int modulus) {
        if (++i >= modulus) {
            i = 0;
        }
        return i;
    }

    static int dec(int i, int modulus) {
        if (--i < 0) {
            i = modulus - 1;
        }
        return i;
    }

    /** Circular distance from j forward to i. */
    static int sub(int i, int j, int modulus) {
        if ((i -= j) < 0) {
            i += modulus;
        }
        return i;
    }

    @Override
    public void addFirst(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        Object[] es = elements;
        // dec/inc inlined on the hot paths: calls are expensive when interpreted
        int h = head - 1;
        if (h < 0) {
            h = es.length - 1;
        }
        es[head = h] = e;
        if (h == tail) {
            grow(1);
        }
    }

    @Override
    public void addLast(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        Object[] es = elements;
        int t = tail;
        es[t] = e;
        if (++t == es.length) {
            t = 0;
        }
        tail = t;
        if (head == t) {
            grow(1);
        }
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        int s = size();
        int needed = s + c.size() + 1 - elements.length;
        if (needed > 0) {
            grow(needed);
        }
        copyElements(c);
        return size() > s;
    }

    /** addLast of every element of c, in c.forEach order (self-add fails like the JDK's forEach). */
    @SuppressWarnings("unchecked")
    private void copyElements(Collection<? extends E> c) {
        if (c == this) {
            Object[] es = elements;
            int end = tail;
            for (int i = head; i != end; i = inc(i, es.length)) {
                addLast((E) es[i]);
            }
            if (end != tail) {
                throw new ConcurrentModificationException();
            }
            return;
        }
        for (Iterator<? extends E> it = c.iterator(); it.hasNext();) {
            addLast(it.next());
        }
    }

    @Override
    public boolean offerFirst(E e) {
        addFirst(e);
        return true;
    }

    @Override
    public boolean offerLast(E e) {
        addLast(e);
        return true;
    }

    @Override
    public E removeFirst() {
        E e = pollFirst();
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    @Override
    public E removeLast() {
        E e = pollLast();
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E pollFirst() {
        Object[] es = elements;
        int h = head;
        E e = (E) es[h];
        if (e != null) {
            es[h] = null;
            if (++h == es.length) {
                h = 0;
            }
            head = h;
        }
        return e;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E pollLast() {
        Object[] es = elements;
        int t = tail - 1;
        if (t < 0) {
            t = es.length - 1;
        }
        E e = (E) es[t];
        if (e != null) {
            es[tail = t] = null;
        }
        return e;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E getFirst() {
        E e = (E) elements[head];
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E getLast() {
        Object[] es = elements;
        E e = (E) es[dec(tail, es.length)];
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E peekFirst() {
        return (E) elements[head];
    }

    @Override
    @SuppressWarnings("unchecked")
    public E peekLast() {
        Object[] es = elements;
        return (E) es[dec(tail, es.length)];
    }

    @Override
    public boolean removeFirstOccurrence(Object o) {
        if (o != null) {
            Object[] es = elements;
            int cap = es.length;
            for (int i = head, end = tail; i != end;) {
                if (o.equals(es[i])) {
                    delete(i);
                    return true;
                }
                if (++i == cap) {
                    i = 0;
                }
            }
        }
        return false;
    }

    @Override
    public boolean removeLastOccurrence(Object o) {
        if (o != null) {
            Object[] es = elements;
            int cap = es.length;
            for (int i = tail, end = head; i != end;) {
                i = dec(i, cap);
                if (o.equals(es[i])) {
                    delete(i);
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean add(E e) {
        addLast(e);
        return true;
    }

    @Override
    public boolean offer(E e) {
        return offerLast(e);
    }

    @Override
    public E remove() {
        return removeFirst();
    }

    @Override
    public E poll() {
        return pollFirst();
    }

    @Override
    public E element() {
        return getFirst();
    }

    @Override
    public E peek() {
        return peekFirst();
    }

    @Override
    public void push(E e) {
        addFirst(e);
    }

    @Override
    public E pop() {
        return removeFirst();
    }

    /**
     * Removes the element at array index i, moving whichever side is shorter.
     *
     * @return true if the elements after i moved one slot back (towards head)
     */
    boolean delete(int i) {
        Object[] es = elements;
        int capacity = es.length;
        int h = head;
        int t = tail;
        int front = sub(i, h, capacity);
        int back = sub(t, i, capacity) - 1;
        if (front < back) {
            // shift the front part forward by one
            if (h <= i) {
                System.arraycopy(es, h, es, h + 1, front);
            } else {
                System.arraycopy(es, 0, es, 1, i);
                es[0] = es[capacity - 1];
                System.arraycopy(es, h, es, h + 1, front - (i + 1));
            }
            es[h] = null;
            head = inc(h, capacity);
            return false;
        }
        // shift the back part backward by one
        tail = dec(t, capacity);
        if (i <= tail) {
            System.arraycopy(es, i + 1, es, i, back);
        } else {
            System.arraycopy(es, i + 1, es, i, capacity - (i + 1));
            es[capacity - 1] = es[0];
            System.arraycopy(es, 1, es, 0, t - 1);
        }
        es[tail] = null;
        return true;
    }

    @Override
    public int size() {
        return sub(tail, head, elements.length);
    }

    @Override
    public boolean isEmpty() {
        return head == tail;
    }

    @Override
    public Iterator<E> iterator() {
        return new DeqIterator();
    }

    @Override
    public Iterator<E> descendingIterator() {
        return new DescendingIterator();
    }

    /** Weakly fail-fast: iterates size() elements from head, CME only when it meets a null slot. */
    private class DeqIterator implements Iterator<E> {
        int cursor;
        int remaining = size();
        int lastRet = -1;

        DeqIterator() {
            cursor = head;
        }

        @Override
        public final boolean hasNext() {
            return remaining > 0;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E next() {
            if (remaining <= 0) {
                throw new NoSuchElementException();
            }
            Object[] es = elements;
            int c = cursor;
            E e = (E) es[c];
            if (e == null) {
                throw new ConcurrentModificationException();
            }
            lastRet = c;
            if (++c == es.length) {
                c = 0;
            }
            cursor = c;
            remaining--;
            return e;
        }

        void postDelete(boolean leftShifted) {
            if (leftShifted) {
                cursor = dec(cursor, elements.length);
            }
        }

        @Override
        public final void remove() {
            if (lastRet < 0) {
                throw new IllegalStateException();
            }
            postDelete(delete(lastRet));
            lastRet = -1;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void forEachRemaining(Consumer<? super E> action) {
            Objects.requireNonNull(action);
            int r = remaining;
            if (r <= 0) {
                return;
            }
            remaining = 0;
            Object[] es = elements;
            int cap = es.length;
            if (es[cursor] == null || sub(tail, cursor, cap) != r) {
                throw new ConcurrentModificationException();
            }
            int end = tail;
            int i = cursor;
            while (i != end) {
                action.accept((E) es[i]);
                i = inc(i, cap);
            }
            if (end != tail) {
                throw new ConcurrentModificationException();
            }
            lastRet = dec(end, cap);
        }
    }

    private class DescendingIterator extends DeqIterator {
        DescendingIterator() {
            cursor = dec(tail, elements.length);
        }

        @Override
        @SuppressWarnings("unchecked")
        public final E next() {
            if (remaining <= 0) {
                throw new NoSuchElementException();
            }
            Object[] es = elements;
            E e = (E) es[cursor];
            if (e == null) {
                throw new ConcurrentModificationException();
            }
            cursor = dec(lastRet = cursor, es.length);
            remaining--;
            return e;
        }

        @Override
        void postDelete(boolean leftShifted) {
            if (!leftShifted) {
                cursor = inc(cursor, elements.length);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public final void forEachRemaining(Consumer<? super E> action) {
            Objects.requireNonNull(action);
            int r = remaining;
            if (r <= 0) {
                return;
            }
            remaining = 0;
            Object[] es = elements;
            int cap = es.length;
            if (es[cursor] == null || sub(cursor, head, cap) + 1 != r) {
                throw new ConcurrentModificationException();
            }
            int end = head;
            int i = cursor;
            for (;;) {
                action.accept((E) es[i]);
                if (i == end) {
                    break;
                }
                i = dec(i, cap);
            }
            if (end != head) {
                throw new ConcurrentModificationException();
            }
            lastRet = end;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action);
        Object[] es = elements;
        int cap = es.length;
        int end = tail;
        for (int i = head; i != end;) {
            action.accept((E) es[i]);
            if (++i == cap) {
                i = 0;
            }
        }
        if (end != tail) {
            throw new ConcurrentModificationException();
        }
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        Objects.requireNonNull(filter);
        return bulkRemove(filter, null, false);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return bulkRemove(null, c, false);
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return bulkRemove(null, c, true);
    }

    /** Removal test shared by removeIf/removeAll/retainAll without allocating a lambda. */
    @SuppressWarnings("unchecked")
    private static <E> boolean doomed(Predicate<? super E> filter, Collection<?> c, boolean retain, Object e) {
        if (filter != null) {
            return filter.test((E) e);
        }
        return c.contains(e) != retain;
    }

    /**
     * Finds the first doomed element; the rest is done by {@link #bulkRemoveModified}. Like the JDK,
     * the second phase re-reads the array and tail, so a predicate that adds elements during the
     * first phase also gets to judge them.
     */
    private boolean bulkRemove(Predicate<? super E> filter, Collection<?> c, boolean retain) {
        Object[] es = elements;
        int cap = es.length;
        int end = tail;
        for (int i = head; i != end; i = inc(i, cap)) {
            if (doomed(filter, c, retain, es[i])) {
                return bulkRemoveModified(filter, c, retain, i);
            }
        }
        if (end != tail) {
            throw new ConcurrentModificationException();
        }
        return false;
    }

    /**
     * Tests every element after beg (beg itself is doomed), then compacts the survivors towards
     * head. A modification by the predicate is reported only after compaction, as in the JDK.
     */
    private boolean bulkRemoveModified(Predicate<? super E> filter, Collection<?> c, boolean retain, int beg) {
        Object[] es = elements;
        int cap = es.length;
        int end = tail;
        int n = sub(end, beg, cap);
        long[] deathRow = new long[((n - 1) >> 6) + 1];
        deathRow[0] = 1L;
        for (int k = 1, i = inc(beg, cap); k < n; k++, i = inc(i, cap)) {
            if (doomed(filter, c, retain, es[i])) {
                deathRow[k >> 6] |= 1L << k;
            }
        }
        int w = beg;
        for (int k = 1, i = inc(beg, cap); k < n; k++, i = inc(i, cap)) {
            if ((deathRow[k >> 6] & (1L << k)) == 0) {
                es[w] = es[i];
                w = inc(w, cap);
            }
        }
        if (end != tail) {
            throw new ConcurrentModificationException();
        }
        // null out the freed slots [w, end)
        for (int i = w; i != end; i = inc(i, cap)) {
            es[i] = null;
        }
        tail = w;
        return true;
    }

    @Override
    public boolean contains(Object o) {
        if (o != null) {
            Object[] es = elements;
            int cap = es.length;
            for (int i = head, end = tail; i != end;) {
                if (o.equals(es[i])) {
                    return true;
                }
                if (++i == cap) {
                    i = 0;
                }
            }
        }
        return false;
    }

    @Override
    public boolean remove(Object o) {
        return removeFirstOccurrence(o);
    }

    @Override
    public void clear() {
        Object[] es = elements;
        int cap = es.length;
        for (int i = head, end = tail; i != end; i = inc(i, cap)) {
            es[i] = null;
        }
        head = tail = 0;
    }

    @Override
    public Object[] toArray() {
        return copyOut(new Object[size()]);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T[] toArray(T[] a) {
        int size = size();
        if (size > a.length) {
            // new array of a's runtime component type; copyOut overwrites its content
            return (T[]) copyOut(Arrays.copyOf(a, size));
        }
        copyOut(a);
        if (size < a.length) {
            a[size] = null;
        }
        return a;
    }

    /** Copies the elements head..tail into the start of a (which is long enough); returns a. */
    private Object[] copyOut(Object[] a) {
        Object[] es = elements;
        int h = head;
        int t = tail;
        if (h <= t) {
            System.arraycopy(es, h, a, 0, t - h);
        } else {
            int firstLeg = es.length - h;
            System.arraycopy(es, h, a, 0, firstLeg);
            System.arraycopy(es, 0, a, firstLeg, t);
        }
        return a;
    }

    /** Shallow copy with the same array layout. */
    @Override
    public ArrayDeque<E> clone() {
        try {
            @SuppressWarnings("unchecked")
            ArrayDeque<E> result = (ArrayDeque<E>) super.clone();
            result.elements = Arrays.copyOf(elements, elements.length);
            return result;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError();
        }
    }
}
