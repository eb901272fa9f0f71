package org.cometsim.guestlib.java.util.concurrent;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.cometsim.guestlib.java.util.AbstractQueue;

/**
 * Guest-side {@code java.util.concurrent.SynchronousQueue}: a hand-off with no capacity, on the
 * queue's monitor (see {@code ReentrantLock} for why). A waiting producer or consumer is a node in
 * a FIFO list; a match fills or empties the oldest waiting node of the other kind and wakes it.
 * Deviation: fair and unfair queues both match in FIFO order (the JDK's unfair queue is LIFO).
 */
public class SynchronousQueue<E> extends AbstractQueue<E> implements BlockingQueue<E>, java.io.Serializable {
    private static final long serialVersionUID = -3223113410248163686L;

    /** A thread waiting to hand over ({@code isData}) or to receive an item. */
    private static final class Node {
        final boolean isData;
        Object item;
        boolean matched;
        Node next;

        Node(boolean isData, Object item) {
            this.isData = isData;
            this.item = item;
        }
    }

    private transient Node head;
    private transient Node tail;

    public SynchronousQueue() {
    }

    /** @param fair accepted; matching is FIFO either way (see the class comment) */
    public SynchronousQueue(boolean fair) {
    }

    /** The oldest unmatched waiter of the given kind, unlinked; null if none. Caller holds the monitor. */
    private Node takeWaiter(boolean isData) {
        Node prev = null;
        for (Node p = head; p != null; prev = p, p = p.next) {
            if (p.isData == isData && !p.matched) {
                unlink(prev, p);
                return p;
            }
        }
        return null;
    }

    private void unlink(Node prev, Node p) {
        if (prev == null) {
            head = p.next;
        } else {
            prev.next = p.next;
        }
        if (tail == p) {
            tail = prev;
        }
        p.next = null;
    }

    private void remove(Node n) {
        Node prev = null;
        for (Node p = head; p != null; prev = p, p = p.next) {
            if (p == n) {
                unlink(prev, p);
                return;
            }
        }
    }

    private void append(Node n) {
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
    }

    /**
     * Transfers {@code e} to a consumer (e != null) or receives from a producer (e == null):
     * nanos < 0 waits forever, 0 does not wait. Returns the item received, or {@code e} when it was
     * handed over, or null on timeout.
     */
    private Object transfer(Object e, long nanos) throws InterruptedException {
        boolean isData = e != null;
        synchronized (this) {
            Node partner = takeWaiter(!isData);
            if (partner != null) {
                Object got = partner.item;
                partner.item = e;
                partner.matched = true;
                notifyAll();
                return isData ? e : got;
            }
            if (nanos == 0L) {
                return null;
            }
            Node me = new Node(isData, e);
            append(me);
            long deadline = nanos > 0L ? System.nanoTime() + nanos : 0L;
            try {
                while (!me.matched) {
                    if (nanos > 0L) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0L) {
                            remove(me);
                            return null;
                        }
                        wait(left / 1000000L, (int) (left % 1000000L));
                    } else {
                        wait();
                    }
                }
            } catch (InterruptedException ie) {
                if (!me.matched) {
                    remove(me);
                    throw ie;
                }
                Thread.currentThread().interrupt(); // matched anyway: keep the interrupt for later
            }
            return isData ? e : me.item;
        }
    }

    @Override
    public void put(E e) throws InterruptedException {
        Objects.requireNonNull(e);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        transfer(e, -1L);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(e);
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return transfer(e, nanos <= 0L ? 0L : nanos) != null;
    }

    @Override
    public boolean offer(E e) {
        Objects.requireNonNull(e);
        try {
            return transfer(e, 0L) != null;
        } catch (InterruptedException cannotHappen) {
            return false; // transfer without waiting never waits
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public E take() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return (E) transfer(null, -1L);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return (E) transfer(null, nanos <= 0L ? 0L : nanos);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E poll() {
        try {
            return (E) transfer(null, 0L);
        } catch (InterruptedException cannotHappen) {
            return null;
        }
    }

    @Override
    public boolean isEmpty() {
        return true;
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public int remainingCapacity() {
        return 0;
    }

    @Override
    public void clear() {
    }

    @Override
    public boolean contains(Object o) {
        return false;
    }

    @Override
    public boolean remove(Object o) {
        return false;
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        return c.isEmpty();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return false;
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return false;
    }

    @Override
    public E peek() {
        return null;
    }

    @Override
    public Iterator<E> iterator() {
        return Collections.emptyIterator();
    }

    @Override
    public Object[] toArray() {
        return new Object[0];
    }

    @Override
    public <T> T[] toArray(T[] a) {
        if (a.length > 0) {
            a[0] = null;
        }
        return a;
    }

    @Override
    public String toString() {
        return "[]";
    }

    @Override
    public int drainTo(Collection<? super E> c) {
        Objects.requireNonNull(c);
        if (c == this) {
            throw new IllegalArgumentException();
        }
        int n = 0;
        for (E e; (e = poll()) != null; n++) {
            c.add(e);
        }
        return n;
    }

    @Override
    public int drainTo(Collection<? super E> c, int maxElements) {
        Objects.requireNonNull(c);
        if (c == this) {
            throw new IllegalArgumentException();
        }
        int n = 0;
        for (E e; n < maxElements && (e = poll()) != null; n++) {
            c.add(e);
        }
        return n;
    }
}
