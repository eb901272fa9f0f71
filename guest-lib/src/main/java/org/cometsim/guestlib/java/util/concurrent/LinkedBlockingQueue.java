package org.cometsim.guestlib.java.util.concurrent;

import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.cometsim.guestlib.java.util.AbstractQueue;

/**
 * Guest-side {@code java.util.concurrent.LinkedBlockingQueue}: optionally bounded FIFO queue on a
 * singly linked list with a dummy head node, mirroring the JDK 17 node layout (a dequeued node links
 * to itself, an unlinked interior node keeps its successor) so that the weakly consistent iterators,
 * {@code forEach} and the batched {@code removeIf}/{@code removeAll}/{@code retainAll} behave exactly
 * like the JDK's, also when the queue changes underneath them.
 *
 * <p>Concurrency is built only on this queue's monitor: every reader and mutator is
 * {@code synchronized} on the queue (the JDK's two locks become one), blocking methods
 * {@code wait()} in a loop and state changes that can unblock a waiter (empty to non-empty, full to
 * not full) {@code notifyAll()}. {@code put}, {@code take} and the timed {@code offer}/{@code poll}
 * throw {@link InterruptedException} when the thread is interrupted at entry (as the JDK's
 * {@code lockInterruptibly}) or while waiting.
 *
 * <p>Deviations: no {@code writeObject}/{@code readObject}, so the serialized form is the default one
 * (capacity, count and the node chain), not the JDK's; {@code spliterator()} is the
 * {@code Collection} default (iterator based, no {@code CONCURRENT}/{@code NONNULL} characteristics).
 */
public class LinkedBlockingQueue<E> extends AbstractQueue<E>
        implements BlockingQueue<E>, java.io.Serializable {

    private static final long serialVersionUID = -6903933977591709194L;

    /** List node; {@code item == null} once dequeued or unlinked; {@code next == this} once dequeued. */
    static final class Node<E> implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        E item;
        Node<E> next;

        Node(E x) {
            item = x;
        }
    }

    /** The capacity bound, or Integer.MAX_VALUE if none. */
    private final int capacity;

    /** Current number of elements. */
    private int count;

    /** Dummy head: {@code head.item == null}. Not transient: default serialization carries the chain. */
    Node<E> head;

    /** Tail: {@code last.next == null}. */
    private Node<E> last;

    public LinkedBlockingQueue() {
        this(Integer.MAX_VALUE);
    }

    public LinkedBlockingQueue(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException();
        }
        this.capacity = capacity;
        last = head = new Node<E>(null);
    }

    public LinkedBlockingQueue(Collection<? extends E> c) {
        this(Integer.MAX_VALUE);
        synchronized (this) {
            int n = 0;
            for (Iterator<? extends E> it = c.iterator(); it.hasNext();) {
                E e = it.next();
                if (e == null) {
                    throw new NullPointerException();
                }
                if (n == capacity) {
                    throw new IllegalStateException("Queue full");
                }
                enqueue(new Node<E>(e));
                ++n;
            }
            count = n;
        }
    }

    // ---- internals (caller holds the monitor) ----

    private void enqueue(Node<E> node) {
        last = last.next = node;
    }

    private E dequeue() {
        Node<E> h = head;
        Node<E> first = h.next;
        h.next = h; // dequeued marker (iterators jump to head.next)
        head = first;
        E x = first.item;
        first.item = null;
        return x;
    }

    /** Successor of p, or head.next if p has been dequeued. */
    Node<E> succ(Node<E> p) {
        Node<E> n = p.next;
        return n == p ? head.next : n;
    }

    /** Unlinks interior node p with predecessor pred; p.next is kept for iterators traversing p. */
    void unlink(Node<E> p, Node<E> pred) {
        p.item = null;
        pred.next = p.next;
        if (last == p) {
            last = pred;
        }
        if (count-- == capacity) {
            notifyAll();
        }
    }

    /** Predecessor of live node p, searching from ancestor (or from head if ancestor was removed). */
    Node<E> findPred(Node<E> p, Node<E> ancestor) {
        if (ancestor.item == null) {
            ancestor = head;
        }
        for (Node<E> q; (q = ancestor.next) != p;) {
            ancestor = q;
        }
        return ancestor;
    }

    /** Adds e (non-null, room available) and wakes takers if the queue was empty. */
    private void insert(E e) {
        enqueue(new Node<E>(e));
        if (count++ == 0) {
            notifyAll();
        }
    }

    /** Removes the head element (queue not empty) and wakes putters if the queue was full. */
    private E extract() {
        E x = dequeue();
        if (count-- == capacity) {
            notifyAll();
        }
        return x;
    }

    /** Waits at most nanos (> 0) on this monitor. */
    private void waitNanos(long nanos) throws InterruptedException {
        wait(nanos / 1000000L, (int) (nanos % 1000000L));
    }

    // ---- BlockingQueue ----

    @Override
    public synchronized int size() {
        return count;
    }

    @Override
    public synchronized int remainingCapacity() {
        return capacity - count;
    }

    @Override
    public void put(E e) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            while (count == capacity) {
                wait();
            }
            insert(e);
        }
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            if (count == capacity) {
                long deadline = System.nanoTime() + nanos;
                do {
                    if (nanos <= 0L) {
                        return false;
                    }
                    waitNanos(nanos);
                    nanos = deadline - System.nanoTime();
                } while (count == capacity);
            }
            insert(e);
            return true;
        }
    }

    @Override
    public boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        synchronized (this) {
            if (count == capacity) {
                return false;
            }
            insert(e);
            return true;
        }
    }

    @Override
    public E take() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            while (count == 0) {
                wait();
            }
            return extract();
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            if (count == 0) {
                long deadline = System.nanoTime() + nanos;
                do {
                    if (nanos <= 0L) {
                        return null;
                    }
                    waitNanos(nanos);
                    nanos = deadline - System.nanoTime();
                } while (count == 0);
            }
            return extract();
        }
    }

    @Override
    public synchronized E poll() {
        if (count == 0) {
            return null;
        }
        return extract();
    }

    @Override
    public synchronized E peek() {
        return count > 0 ? head.next.item : null;
    }

    @Override
    public synchronized boolean remove(Object o) {
        if (o == null) {
            return false;
        }
        for (Node<E> pred = head, p = pred.next; p != null; pred = p, p = p.next) {
            if (o.equals(p.item)) {
                unlink(p, pred);
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized boolean contains(Object o) {
        if (o == null) {
            return false;
        }
        for (Node<E> p = head.next; p != null; p = p.next) {
            if (o.equals(p.item)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized Object[] toArray() {
        Object[] a = new Object[count];
        int k = 0;
        for (Node<E> p = head.next; p != null; p = p.next) {
            a[k++] = p.item;
        }
        return a;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T[] toArray(T[] a) {
        int size = count;
        if (a.length < size) {
            // keeps the runtime component type of a; every slot is overwritten below
            a = java.util.Arrays.copyOf(a, size);
        }
        int k = 0;
        for (Node<E> p = head.next; p != null; p = p.next) {
            a[k++] = (T) p.item;
        }
        if (a.length > k) {
            a[k] = null;
        }
        return a;
    }

    @Override
    public String toString() {
        return collectionToString(this, toArray());
    }

    /** JDK 17 {@code Helpers.collectionToString}: "[a, b]" from a snapshot, "(this Collection)" for self. */
    static String collectionToString(Collection<?> c, Object[] a) {
        int size = a.length;
        if (size == 0) {
            return "[]";
        }
        org.cometsim.guestlib.java.lang.StringBuilder sb = new org.cometsim.guestlib.java.lang.StringBuilder();
        sb.append('[');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(',').append(' ');
            }
            Object e = a[i];
            String s;
            if (e == c) {
                s = "(this Collection)";
            } else if (e == null || (s = e.toString()) == null) {
                s = "null";
            }
            sb.append(s);
        }
        return sb.append(']').toString();
    }

    @Override
    public void clear() {
        synchronized (this) {
            for (Node<E> p, h = head; (p = h.next) != null; h = p) {
                h.next = h;
                p.item = null;
            }
            head = last;
            int c = count;
            count = 0;
            if (c == capacity) {
                notifyAll();
            }
        }
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
        synchronized (this) {
            int n = Math.min(maxElements, count);
            Node<E> h = head;
            int i = 0;
            try {
                while (i < n) {
                    Node<E> p = h.next;
                    c.add(p.item);
                    p.item = null;
                    h.next = h;
                    h = p;
                    ++i;
                }
                return n;
            } finally {
                // restore invariants even if c.add() threw
                if (i > 0) {
                    head = h;
                    int old = count;
                    count = old - i;
                    if (old == capacity) {
                        notifyAll();
                    }
                }
            }
        }
    }

    // ---- bulk operations (JDK 17 batching: collect under the lock, test outside, remove under the lock) ----

    @Override
    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action);
        forEachFrom(action, null);
    }

    /** Runs action on the elements from node p (head.next if null), in batches of up to 64. */
    void forEachFrom(Consumer<? super E> action, Node<E> p) {
        final int batchSize = 64;
        Object[] es = null;
        int n;
        int len = 0;
        do {
            synchronized (this) {
                if (es == null) {
                    if (p == null) {
                        p = head.next;
                    }
                    for (Node<E> q = p; q != null; q = succ(q)) {
                        if (q.item != null && ++len == batchSize) {
                            break;
                        }
                    }
                    es = new Object[len];
                }
                for (n = 0; p != null && n < len; p = succ(p)) {
                    if ((es[n] = p.item) != null) {
                        n++;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                @SuppressWarnings("unchecked")
                E e = (E) es[i];
                action.accept(e);
            }
        } while (n > 0 && p != null);
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        Objects.requireNonNull(filter);
        return bulkRemove(filter, null, false);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return bulkRemove(null, c, true);
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return bulkRemove(null, c, false);
    }

    /**
     * Removes the elements matching filter, or (filter == null) those for which
     * {@code c.contains(e) == containedDies}.
     */
    @SuppressWarnings("unchecked")
    private boolean bulkRemove(Predicate<? super E> filter, Collection<?> c, boolean containedDies) {
        boolean removed = false;
        Node<E> p = null;
        Node<E> ancestor = head;
        Node<E>[] nodes = null;
        int n;
        int len = 0;
        do {
            // 1. extract a batch of up to 64 nodes under the monitor
            synchronized (this) {
                if (nodes == null) {
                    p = head.next;
                    for (Node<E> q = p; q != null; q = succ(q)) {
                        if (q.item != null && ++len == 64) {
                            break;
                        }
                    }
                    nodes = (Node<E>[]) new Node<?>[len];
                }
                for (n = 0; p != null && n < len; p = succ(p)) {
                    nodes[n++] = p;
                }
            }
            // 2. run the filter without the monitor
            long deathRow = 0L;
            for (int i = 0; i < n; i++) {
                E e = nodes[i].item;
                if (e != null && (filter != null ? filter.test(e) : c.contains(e) == containedDies)) {
                    deathRow |= 1L << i;
                }
            }
            // 3. remove the doomed nodes that are still live
            if (deathRow != 0) {
                synchronized (this) {
                    for (int i = 0; i < n; i++) {
                        Node<E> q;
                        if ((deathRow & (1L << i)) != 0L && (q = nodes[i]).item != null) {
                            ancestor = findPred(q, ancestor);
                            unlink(q, ancestor);
                            removed = true;
                        }
                        nodes[i] = null;
                    }
                }
            }
        } while (n > 0 && p != null);
        return removed;
    }

    // ---- iterator ----

    @Override
    public Iterator<E> iterator() {
        return new Itr();
    }

    /** Weakly consistent iterator (JDK 17 algorithm): caches the next item, skips removed nodes. */
    private final class Itr implements Iterator<E> {
        private Node<E> next;
        private E nextItem;
        private Node<E> lastRet;
        private Node<E> ancestor;

        Itr() {
            synchronized (LinkedBlockingQueue.this) {
                if ((next = head.next) != null) {
                    nextItem = next.item;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public E next() {
            Node<E> p;
            if ((p = next) == null) {
                throw new NoSuchElementException();
            }
            lastRet = p;
            E x = nextItem;
            synchronized (LinkedBlockingQueue.this) {
                E e = null;
                for (p = p.next; p != null && (e = p.item) == null;) {
                    p = succ(p);
                }
                next = p;
                nextItem = e;
            }
            return x;
        }

        @Override
        public void forEachRemaining(Consumer<? super E> action) {
            Objects.requireNonNull(action);
            Node<E> p;
            if ((p = next) == null) {
                return;
            }
            lastRet = p;
            next = null;
            final int batchSize = 64;
            Object[] es = null;
            int n;
            int len = 1;
            do {
                synchronized (LinkedBlockingQueue.this) {
                    if (es == null) {
                        p = p.next;
                        for (Node<E> q = p; q != null; q = succ(q)) {
                            if (q.item != null && ++len == batchSize) {
                                break;
                            }
                        }
                        es = new Object[len];
                        es[0] = nextItem;
                        nextItem = null;
                        n = 1;
                    } else {
                        n = 0;
                    }
                    for (; p != null && n < len; p = succ(p)) {
                        if ((es[n] = p.item) != null) {
                            lastRet = p;
                            n++;
                        }
                    }
                }
                for (int i = 0; i < n; i++) {
                    @SuppressWarnings("unchecked")
                    E e = (E) es[i];
                    action.accept(e);
                }
            } while (n > 0 && p != null);
        }

        @Override
        public void remove() {
            Node<E> p = lastRet;
            if (p == null) {
                throw new IllegalStateException();
            }
            lastRet = null;
            synchronized (LinkedBlockingQueue.this) {
                if (p.item != null) {
                    if (ancestor == null) {
                        ancestor = head;
                    }
                    ancestor = findPred(p, ancestor);
                    unlink(p, ancestor);
                }
            }
        }
    }
}
