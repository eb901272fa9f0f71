package org.cometsim.guestlib.java.util.concurrent;

import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.cometsim.guestlib.java.util.AbstractQueue;

/**
 * Guest-side {@code java.util.concurrent.LinkedBlockingDeque}: the JDK 17 structure (a doubly
 * linked list, optionally bounded; a node removed at either end is self-linked so that iterators
 * standing on it restart from that end; an interior node keeps its links for them) on the monitor
 * of an internal lock object instead of a host {@code ReentrantLock} and its two conditions.
 * Blocking methods {@code wait} on that monitor (timed ones on the VM's clock) and every change
 * that can unblock a waiter {@code notifyAll}s, so waiting threads are guest threads the VM
 * schedules and an offload can migrate; the nodes are guest objects the DSM tracks field by field.
 *
 * <p>As the JDK's: weakly consistent iterators that cache the next item (the element returned by
 * {@code next()} may have been removed meanwhile), {@code forEach}/{@code removeIf}/{@code removeAll}/
 * {@code retainAll} in batches of 64 with the action or filter run outside the lock, {@code addAll}
 * atomic when the whole collection fits and otherwise {@code AbstractQueue}'s element by element
 * ({@code IllegalStateException("Deque full")}), exception classes and messages.
 * Deviations: {@code toString} reads the list without the lock (host code may format the deque
 * from a callback while the lock's monitor is on the other endpoint); waiters are woken with
 * {@code notifyAll} (the JDK signals one); the default serialized form; {@code spliterator()} is the
 * {@code Collection} default.
 */
public class LinkedBlockingDeque<E> extends AbstractQueue<E> implements BlockingDeque<E>, java.io.Serializable {

    private static final long serialVersionUID = -387911632671998426L;

    /** List node; {@code item == null} once removed; {@code next == this}/{@code prev == this} once removed at an end. */
    static final class Node<E> implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        E item;
        Node<E> prev;
        Node<E> next;

        Node(E x) {
            item = x;
        }
    }

    /** The monitor every method synchronizes on (not {@code this}: a program's own {@code synchronized (deque)} does not block the deque). */
    final Object lock = new Object();

    /** First node: {@code first.prev == null && first.item != null}, or null when empty. */
    Node<E> first;

    /** Last node: {@code last.next == null && last.item != null}, or null when empty. */
    Node<E> last;

    /** Number of elements. */
    private int count;

    private final int capacity;

    public LinkedBlockingDeque() {
        this(Integer.MAX_VALUE);
    }

    public LinkedBlockingDeque(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException();
        }
        this.capacity = capacity;
    }

    public LinkedBlockingDeque(Collection<? extends E> c) {
        this(Integer.MAX_VALUE);
        addAll(c);
    }

    // ---- linking (caller holds the lock) ----

    private boolean linkFirst(Node<E> node) {
        if (count >= capacity) {
            return false;
        }
        Node<E> f = first;
        node.next = f;
        first = node;
        if (last == null) {
            last = node;
        } else {
            f.prev = node;
        }
        ++count;
        lock.notifyAll();
        return true;
    }

    private boolean linkLast(Node<E> node) {
        if (count >= capacity) {
            return false;
        }
        Node<E> l = last;
        node.prev = l;
        last = node;
        if (first == null) {
            first = node;
        } else {
            l.next = node;
        }
        ++count;
        lock.notifyAll();
        return true;
    }

    private E unlinkFirst() {
        Node<E> f = first;
        if (f == null) {
            return null;
        }
        Node<E> n = f.next;
        E item = f.item;
        f.item = null;
        f.next = f; // iterators standing on f restart from first
        first = n;
        if (n == null) {
            last = null;
        } else {
            n.prev = null;
        }
        --count;
        lock.notifyAll();
        return item;
    }

    private E unlinkLast() {
        Node<E> l = last;
        if (l == null) {
            return null;
        }
        Node<E> p = l.prev;
        E item = l.item;
        l.item = null;
        l.prev = l; // descending iterators standing on l restart from last
        last = p;
        if (p == null) {
            first = null;
        } else {
            p.next = null;
        }
        --count;
        lock.notifyAll();
        return item;
    }

    /** Unlinks x; an interior node keeps its own links, iterators may still stand on it. */
    void unlink(Node<E> x) {
        Node<E> p = x.prev;
        Node<E> n = x.next;
        if (p == null) {
            unlinkFirst();
        } else if (n == null) {
            unlinkLast();
        } else {
            p.next = n;
            n.prev = p;
            x.item = null;
            --count;
            lock.notifyAll();
        }
    }

    /** Waits at most nanos (> 0) on the lock's monitor. */
    private void waitNanos(long nanos) throws InterruptedException {
        lock.wait(nanos / 1000000L, (int) (nanos % 1000000L));
    }

    private static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    // ---- BlockingDeque ----

    @Override
    public void addFirst(E e) {
        if (!offerFirst(e)) {
            throw new IllegalStateException("Deque full");
        }
    }

    @Override
    public void addLast(E e) {
        if (!offerLast(e)) {
            throw new IllegalStateException("Deque full");
        }
    }

    @Override
    public boolean offerFirst(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        Node<E> node = new Node<E>(e);
        synchronized (lock) {
            return linkFirst(node);
        }
    }

    @Override
    public boolean offerLast(E e) {
        if (e == null) {
            throw new NullPointerException();
        }
        Node<E> node = new Node<E>(e);
        synchronized (lock) {
            return linkLast(node);
        }
    }

    @Override
    public void putFirst(E e) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        Node<E> node = new Node<E>(e);
        synchronized (lock) {
            while (!linkFirst(node)) {
                lock.wait();
            }
        }
    }

    @Override
    public void putLast(E e) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        Node<E> node = new Node<E>(e);
        synchronized (lock) {
            while (!linkLast(node)) {
                lock.wait();
            }
        }
    }

    @Override
    public boolean offerFirst(E e, long timeout, TimeUnit unit) throws InterruptedException {
        return offerTimed(e, timeout, unit, true);
    }

    @Override
    public boolean offerLast(E e, long timeout, TimeUnit unit) throws InterruptedException {
        return offerTimed(e, timeout, unit, false);
    }

    private boolean offerTimed(E e, long timeout, TimeUnit unit, boolean atFirst) throws InterruptedException {
        if (e == null) {
            throw new NullPointerException();
        }
        Node<E> node = new Node<E>(e);
        long nanos = unit.toNanos(timeout);
        checkInterrupt();
        synchronized (lock) {
            long deadline = System.nanoTime() + nanos;
            while (!(atFirst ? linkFirst(node) : linkLast(node))) {
                if (nanos <= 0L) {
                    return false;
                }
                waitNanos(nanos);
                nanos = deadline - System.nanoTime();
            }
            return true;
        }
    }

    @Override
    public E removeFirst() {
        E x = pollFirst();
        if (x == null) {
            throw new NoSuchElementException();
        }
        return x;
    }

    @Override
    public E removeLast() {
        E x = pollLast();
        if (x == null) {
            throw new NoSuchElementException();
        }
        return x;
    }

    @Override
    public E pollFirst() {
        synchronized (lock) {
            return unlinkFirst();
        }
    }

    @Override
    public E pollLast() {
        synchronized (lock) {
            return unlinkLast();
        }
    }

    @Override
    public E takeFirst() throws InterruptedException {
        synchronized (lock) {
            E x;
            while ((x = unlinkFirst()) == null) {
                lock.wait();
            }
            return x;
        }
    }

    @Override
    public E takeLast() throws InterruptedException {
        synchronized (lock) {
            E x;
            while ((x = unlinkLast()) == null) {
                lock.wait();
            }
            return x;
        }
    }

    @Override
    public E pollFirst(long timeout, TimeUnit unit) throws InterruptedException {
        return pollTimed(timeout, unit, true);
    }

    @Override
    public E pollLast(long timeout, TimeUnit unit) throws InterruptedException {
        return pollTimed(timeout, unit, false);
    }

    private E pollTimed(long timeout, TimeUnit unit, boolean atFirst) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        checkInterrupt();
        synchronized (lock) {
            long deadline = System.nanoTime() + nanos;
            E x;
            while ((x = atFirst ? unlinkFirst() : unlinkLast()) == null) {
                if (nanos <= 0L) {
                    return null;
                }
                waitNanos(nanos);
                nanos = deadline - System.nanoTime();
            }
            return x;
        }
    }

    @Override
    public E getFirst() {
        E x = peekFirst();
        if (x == null) {
            throw new NoSuchElementException();
        }
        return x;
    }

    @Override
    public E getLast() {
        E x = peekLast();
        if (x == null) {
            throw new NoSuchElementException();
        }
        return x;
    }

    @Override
    public E peekFirst() {
        synchronized (lock) {
            return (first == null) ? null : first.item;
        }
    }

    @Override
    public E peekLast() {
        synchronized (lock) {
            return (last == null) ? null : last.item;
        }
    }

    @Override
    public boolean removeFirstOccurrence(Object o) {
        if (o == null) {
            return false;
        }
        synchronized (lock) {
            for (Node<E> p = first; p != null; p = p.next) {
                if (o.equals(p.item)) {
                    unlink(p);
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public boolean removeLastOccurrence(Object o) {
        if (o == null) {
            return false;
        }
        synchronized (lock) {
            for (Node<E> p = last; p != null; p = p.prev) {
                if (o.equals(p.item)) {
                    unlink(p);
                    return true;
                }
            }
            return false;
        }
    }

    // ---- BlockingQueue ----

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
    public void put(E e) throws InterruptedException {
        putLast(e);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        return offerLast(e, timeout, unit);
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
    public E take() throws InterruptedException {
        return takeFirst();
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return pollFirst(timeout, unit);
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
    public int remainingCapacity() {
        synchronized (lock) {
            return capacity - count;
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
        synchronized (lock) {
            int n = Math.min(maxElements, count);
            for (int i = 0; i < n; i++) {
                c.add(first.item); // add before unlinking, in case add throws
                unlinkFirst();
            }
            return n;
        }
    }

    // ---- Stack ----

    @Override
    public void push(E e) {
        addFirst(e);
    }

    @Override
    public E pop() {
        return removeFirst();
    }

    // ---- Collection ----

    @Override
    public boolean remove(Object o) {
        return removeFirstOccurrence(o);
    }

    @Override
    public int size() {
        synchronized (lock) {
            return count;
        }
    }

    @Override
    public boolean contains(Object o) {
        if (o == null) {
            return false;
        }
        synchronized (lock) {
            for (Node<E> p = first; p != null; p = p.next) {
                if (o.equals(p.item)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        if (c == this) {
            // As historically specified in AbstractQueue#addAll
            throw new IllegalArgumentException();
        }
        // Copy c into a private chain of nodes, then append it at once if it fits.
        Node<E> beg = null;
        Node<E> end = null;
        int n = 0;
        for (E e : c) {
            Objects.requireNonNull(e);
            n++;
            Node<E> newNode = new Node<E>(e);
            if (beg == null) {
                beg = end = newNode;
            } else {
                end.next = newNode;
                newNode.prev = end;
                end = newNode;
            }
        }
        if (beg == null) {
            return false;
        }
        synchronized (lock) {
            if (count + n <= capacity) {
                beg.prev = last;
                if (first == null) {
                    first = beg;
                } else {
                    last.next = beg;
                }
                last = end;
                count += n;
                lock.notifyAll();
                return true;
            }
        }
        // Does not fit: the historic element-by-element add, failing with "Deque full".
        return super.addAll(c);
    }

    @Override
    public Object[] toArray() {
        synchronized (lock) {
            Object[] a = new Object[count];
            int k = 0;
            for (Node<E> p = first; p != null; p = p.next) {
                a[k++] = p.item;
            }
            return a;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T[] toArray(T[] a) {
        synchronized (lock) {
            if (a.length < count) {
                // keeps the runtime component type of a; every slot is overwritten below
                a = java.util.Arrays.copyOf(a, count);
            }
            int k = 0;
            for (Node<E> p = first; p != null; p = p.next) {
                a[k++] = (T) p.item;
            }
            if (a.length > k) {
                a[k] = null;
            }
            return a;
        }
    }

    /**
     * The elements as the JDK prints them, read without the lock: host code (string concatenation
     * helpers, a host callback) may format the deque while the lock's monitor is held on the other
     * endpoint, and must not block on it. A racing update may be seen half done, as by an iterator.
     */
    @Override
    public String toString() {
        return LinkedBlockingQueue.collectionToString(this, unlockedSnapshot(first));
    }

    /** Items from p on, following next links without the lock (stops at a self-linked node). */
    static <E> Object[] unlockedSnapshot(Node<E> p) {
        org.cometsim.guestlib.java.util.ArrayList<Object> items = new org.cometsim.guestlib.java.util.ArrayList<Object>();
        while (p != null) {
            E item = p.item;
            if (item != null) {
                items.add(item);
            }
            Node<E> n = p.next;
            if (n == p) {
                break;
            }
            p = n;
        }
        return items.toArray();
    }

    @Override
    public void clear() {
        synchronized (lock) {
            for (Node<E> f = first; f != null;) {
                f.item = null;
                Node<E> n = f.next;
                f.prev = null;
                f.next = null;
                f = n;
            }
            first = last = null;
            count = 0;
            lock.notifyAll();
        }
    }

    /** Successor of p, or first if p was removed at the front (self-linked). Caller holds the lock. */
    Node<E> succ(Node<E> p) {
        Node<E> n = p.next;
        return n == p ? first : n;
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action);
        // Batches of up to 64 items taken under the lock; the action runs without it.
        final int batchSize = 64;
        Object[] es = null;
        Node<E> p = null;
        int n;
        int len = 0;
        do {
            synchronized (lock) {
                if (es == null) {
                    p = first;
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

    /** The JDK's batched removal: nodes collected under the lock, the filter run without it, removals under it. */
    @SuppressWarnings("unchecked")
    private boolean bulkRemove(Predicate<? super E> filter) {
        boolean removed = false;
        Node<E> p = null;
        Node<E>[] nodes = null;
        int n;
        int len = 0;
        do {
            synchronized (lock) {
                if (nodes == null) {
                    p = first;
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
            long deathRow = 0L;
            for (int i = 0; i < n; i++) {
                E e;
                if ((e = nodes[i].item) != null && filter.test(e)) {
                    deathRow |= 1L << i;
                }
            }
            if (deathRow != 0) {
                synchronized (lock) {
                    for (int i = 0; i < n; i++) {
                        Node<E> q;
                        if ((deathRow & (1L << i)) != 0L && (q = nodes[i]).item != null) {
                            unlink(q);
                            removed = true;
                        }
                        nodes[i] = null;
                    }
                }
            }
        } while (n > 0 && p != null);
        return removed;
    }

    // ---- iterators ----

    @Override
    public Iterator<E> iterator() {
        return new Itr(true);
    }

    @Override
    public Iterator<E> descendingIterator() {
        return new Itr(false);
    }

    /** The JDK's weakly consistent iterator: the next node and its item are taken under the lock when advancing. */
    private final class Itr implements Iterator<E> {
        private final boolean ascending;
        private Node<E> next;
        private E nextItem;
        private Node<E> lastRet;

        Itr(boolean ascending) {
            this.ascending = ascending;
            synchronized (lock) {
                if ((next = firstNode()) != null) {
                    nextItem = next.item;
                }
            }
        }

        private Node<E> firstNode() {
            return ascending ? first : last;
        }

        private Node<E> nextNode(Node<E> n) {
            return ascending ? n.next : n.prev;
        }

        /** Successor in this direction, restarting from the end if n was removed there. */
        private Node<E> succ(Node<E> p) {
            Node<E> n = nextNode(p);
            return n == p ? firstNode() : n;
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
            synchronized (lock) {
                E e = null;
                for (p = nextNode(p); p != null && (e = p.item) == null;) {
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
            while (next != null) {
                action.accept(next());
            }
        }

        @Override
        public void remove() {
            Node<E> n = lastRet;
            if (n == null) {
                throw new IllegalStateException();
            }
            lastRet = null;
            synchronized (lock) {
                if (n.item != null) {
                    unlink(n);
                }
            }
        }
    }
}
