package org.cometsim.guestlib.java.util.concurrent;

import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.cometsim.guestlib.java.util.AbstractQueue;

/**
 * Guest-side {@code java.util.concurrent.ConcurrentLinkedQueue}: the guest library's
 * {@code LinkedBlockingQueue} without the blocking methods (this file is derived from it): an
 * unbounded FIFO queue on a singly linked list with a dummy head node, whose weakly consistent
 * iterators, {@code forEach} and batched {@code removeIf}/{@code removeAll}/{@code retainAll}
 * behave as the JDK's. Its nodes are guest objects the DSM tracks field by field (the JDK's is a
 * host object that pins every thread reaching it).
 *
 * <p>Concurrency: every reader and mutator is {@code synchronized} on the queue, where the JDK's
 * is lock-free ({@code size()} is exact here, the JDK's a traversal; no result of a deterministic
 * program differs). Deviations: the default serialized form; {@code spliterator()} is the
 * {@code Collection} default; {@code addAll(c)} takes a snapshot of {@code c} ({@code toArray}).
 */
public class ConcurrentLinkedQueue<E> extends AbstractQueue<E>
        implements java.util.Queue<E>, java.io.Serializable {

    private static final long serialVersionUID = 196745693267521676L;

    /** List node; {@code item == null} once dequeued or unlinked; {@code next == this} once dequeued. */
    static final class Node<E> implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        E item;
        Node<E> next;

        Node(E x) {
            item = x;
        }
    }


    /** Current number of elements. */
    private int count;

    /** Dummy head: {@code head.item == null}. Not transient: default serialization carries the chain. */
    Node<E> head;

    /** Tail: {@code last.next == null}. */
    private Node<E> last;

    public ConcurrentLinkedQueue() {
        last = head = new Node<E>(null);
    }

    public ConcurrentLinkedQueue(Collection<? extends E> c) {
        this();
        synchronized (this) {
            int n = 0;
            for (Iterator<? extends E> it = c.iterator(); it.hasNext();) {
                E e = it.next();
                if (e == null) {
                    throw new NullPointerException();
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
        count--;
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

    /** Appends e (non-null). */
    private void insert(E e) {
        enqueue(new Node<E>(e));
        count++;
    }

    /** Removes the head element (queue not empty). */
    private E extract() {
        E x = dequeue();
        count--;
        return x;
    }

    // ---- Queue ----

    @Override
    public boolean addAll(Collection<? extends E> c) {
        if (c == this) {
            throw new IllegalArgumentException();
        }
        Object[] es = c.toArray();
        for (Object e : es) {
            if (e == null) {
                throw new NullPointerException();
            }
        }
        synchronized (this) {
            for (Object e : es) {
                @SuppressWarnings("unchecked")
                E x = (E) e;
                insert(x);
            }
        }
        return es.length > 0;
    }

    @Override
    public synchronized int size() {
        return count;
    }

    @Override
    public boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        synchronized (this) {
            insert(e);
            return true;
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
            count = 0;
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
            synchronized (ConcurrentLinkedQueue.this) {
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
            synchronized (ConcurrentLinkedQueue.this) {
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
                synchronized (ConcurrentLinkedQueue.this) {
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
            synchronized (ConcurrentLinkedQueue.this) {
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
