package org.cometsim.guestlib.java.util.concurrent;

import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SortedSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.cometsim.guestlib.java.util.AbstractQueue;
import org.cometsim.guestlib.java.util.PriorityQueue;

/**
 * Guest-side {@code java.util.concurrent.PriorityBlockingQueue}: the guest library's
 * {@link PriorityQueue} (the JDK 17 heap: same sift, removeAt, heapify and bulk-removal steps, so
 * the array order that {@code toString}, {@code toArray} and iteration show is the JDK's) guarded
 * by the monitor of an internal lock object, with {@code take} and the timed {@code poll} waiting
 * on it, so waiting consumers are guest threads the VM schedules and an offload can migrate.
 * As the JDK's: unbounded ({@code put} never blocks, {@code remainingCapacity()} is
 * {@code Integer.MAX_VALUE}), null elements refused, iterators over a snapshot of the array
 * (their {@code remove} removes that very element, by identity), {@code drainTo} in priority order.
 * Deviations: the default serialized form; {@code spliterator()} is the {@code Collection} default.
 */
public class PriorityBlockingQueue<E> extends AbstractQueue<E> implements BlockingQueue<E>, java.io.Serializable {
    private static final long serialVersionUID = 5595510919245408276L;
    private static final int DEFAULT_INITIAL_CAPACITY = 11;

    private final Object lock = new Object();
    private final PriorityQueue<E> q;

    public PriorityBlockingQueue() {
        this(DEFAULT_INITIAL_CAPACITY, null);
    }

    public PriorityBlockingQueue(int initialCapacity) {
        this(initialCapacity, null);
    }

    public PriorityBlockingQueue(int initialCapacity, Comparator<? super E> comparator) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException();
        }
        q = new PriorityQueue<E>(initialCapacity, comparator);
    }

    /**
     * As the JDK's: a sorted set's or priority blocking queue's comparator is kept (a plain
     * {@code PriorityQueue}'s is not); the elements are heapified (which leaves an already valid
     * heap, such as a sorted set's, as it is).
     */
    @SuppressWarnings("unchecked")
    public PriorityBlockingQueue(Collection<? extends E> c) {
        Comparator<? super E> cmp = null;
        if (c instanceof SortedSet<?>) {
            cmp = ((SortedSet<E>) c).comparator();
        } else if (c instanceof PriorityBlockingQueue<?>) {
            cmp = ((PriorityBlockingQueue<E>) c).comparator();
        }
        Object[] es = c.toArray();
        if (es.length == 1 || cmp != null) {
            for (Object e : es) {
                if (e == null) {
                    throw new NullPointerException();
                }
            }
        }
        heapify(es, cmp);
        q = new PriorityQueue<E>(Math.max(1, es.length), cmp);
        for (Object e : es) {
            // offering a valid heap's elements in array order moves none of them
            q.offer((E) e);
        }
    }

    /** The JDK's heapify: sift down every parent, last first (the identity on a valid heap). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <E> void heapify(Object[] es, Comparator<? super E> cmp) {
        int n = es.length;
        for (int i = (n >>> 1) - 1; i >= 0; i--) {
            Object x = es[i];
            int k = i;
            int half = n >>> 1;
            while (k < half) {
                int child = (k << 1) + 1;
                Object c = es[child];
                int right = child + 1;
                if (right < n && (cmp == null ? ((Comparable) c).compareTo(es[right]) : cmp.compare((E) c, (E) es[right])) > 0) {
                    c = es[child = right];
                }
                if ((cmp == null ? ((Comparable) x).compareTo(c) : cmp.compare((E) x, (E) c)) <= 0) {
                    break;
                }
                es[k] = c;
                k = child;
            }
            es[k] = x;
        }
    }

    public Comparator<? super E> comparator() {
        return q.comparator();
    }

    @Override
    public boolean add(E e) {
        return offer(e);
    }

    @Override
    public boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        synchronized (lock) {
            q.offer(e);
            lock.notifyAll();
        }
        return true;
    }

    @Override
    public void put(E e) {
        offer(e);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) {
        return offer(e);
    }

    @Override
    public E poll() {
        synchronized (lock) {
            return q.poll();
        }
    }

    @Override
    public E take() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (lock) {
            E result;
            while ((result = q.poll()) == null) {
                lock.wait();
            }
            return result;
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (lock) {
            E result;
            long deadline = System.nanoTime() + nanos;
            while ((result = q.poll()) == null && nanos > 0L) {
                lock.wait(nanos / 1000000L, (int) (nanos % 1000000L));
                nanos = deadline - System.nanoTime();
            }
            return result;
        }
    }

    @Override
    public E peek() {
        synchronized (lock) {
            return q.peek();
        }
    }

    @Override
    public int size() {
        synchronized (lock) {
            return q.size();
        }
    }

    @Override
    public int remainingCapacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean remove(Object o) {
        synchronized (lock) {
            return q.remove(o);
        }
    }

    @Override
    public boolean contains(Object o) {
        synchronized (lock) {
            return q.contains(o);
        }
    }

    @Override
    public Object[] toArray() {
        synchronized (lock) {
            return q.toArray();
        }
    }

    @Override
    public <T> T[] toArray(T[] a) {
        synchronized (lock) {
            return q.toArray(a);
        }
    }

    @Override
    public String toString() {
        Object[] es = toArray();
        org.cometsim.guestlib.java.lang.StringBuilder sb = new org.cometsim.guestlib.java.lang.StringBuilder();
        sb.append('[');
        for (int i = 0; i < es.length; i++) {
            if (i > 0) {
                sb.append(',').append(' ');
            }
            Object e = es[i];
            sb.append(e == this ? "(this Collection)" : String.valueOf(e));
        }
        return sb.append(']').toString();
    }

    @Override
    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super E> c, int maxElements) {
        Objects.requireNonNull(c);
        if (c == this) {
            throw new IllegalArgumentException();
        }
        if (maxElements <= 0) {
            return 0;
        }
        synchronized (lock) {
            int n = Math.min(q.size(), maxElements);
            for (int i = 0; i < n; i++) {
                c.add(q.peek());
                q.poll();
            }
            return n;
        }
    }

    @Override
    public void clear() {
        synchronized (lock) {
            q.clear();
        }
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        Objects.requireNonNull(filter);
        synchronized (lock) {
            return q.removeIf(filter);
        }
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        Objects.requireNonNull(c);
        synchronized (lock) {
            return q.removeAll(c);
        }
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        Objects.requireNonNull(c);
        synchronized (lock) {
            return q.retainAll(c);
        }
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action);
        Object[] es = toArray();
        for (Object e : es) {
            @SuppressWarnings("unchecked")
            E x = (E) e;
            action.accept(x);
        }
    }

    /** Removes the element {@code o} itself (identity), as the JDK's {@code removeEq}. */
    void removeEq(Object o) {
        synchronized (lock) {
            for (Iterator<E> it = q.iterator(); it.hasNext();) {
                if (it.next() == o) {
                    it.remove();
                    break;
                }
            }
        }
    }

    @Override
    public Iterator<E> iterator() {
        return new Itr(toArray());
    }

    /** Over a snapshot of the array, as the JDK's. */
    final class Itr implements Iterator<E> {
        final Object[] array;
        int cursor;
        int lastRet = -1;

        Itr(Object[] array) {
            this.array = array;
        }

        @Override
        public boolean hasNext() {
            return cursor < array.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E next() {
            if (cursor >= array.length) {
                throw new NoSuchElementException();
            }
            return (E) array[lastRet = cursor++];
        }

        @Override
        public void remove() {
            if (lastRet < 0) {
                throw new IllegalStateException();
            }
            removeEq(array[lastRet]);
            lastRet = -1;
        }

        @Override
        public void forEachRemaining(Consumer<? super E> action) {
            Objects.requireNonNull(action);
            final Object[] es = array;
            int i;
            if ((i = cursor) < es.length) {
                lastRet = -1;
                cursor = es.length;
                for (; i < es.length; i++) {
                    @SuppressWarnings("unchecked")
                    E x = (E) es[i];
                    action.accept(x);
                }
                lastRet = es.length - 1;
            }
        }
    }
}
