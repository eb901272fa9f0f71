package org.cometsim.guestlib.java.util.concurrent;

import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

import org.cometsim.guestlib.java.util.AbstractQueue;
import org.cometsim.guestlib.java.util.PriorityQueue;

/**
 * Guest-side {@code java.util.concurrent.DelayQueue}: the guest library's {@link PriorityQueue}
 * (the JDK's heap order, so {@code toString} and iteration show the JDK's array order) on the
 * monitor of an internal lock object; {@code take} and the timed {@code poll} wait on it, timed by
 * the head's {@code getDelay} (which reads the VM's clock through {@code System.nanoTime()}), so
 * waiting consumers are guest threads the VM schedules and an offload can migrate. As the JDK's:
 * {@code poll()} and {@code drainTo} return only expired elements, {@code peek()} the head expired
 * or not, iterators run over a snapshot and remove that very element (identity).
 * Deviations: no leader-follower hand-off (every waiter waits for the head's delay; results are
 * the same); the default serialized form.
 */
public class DelayQueue<E extends Delayed> extends AbstractQueue<E> implements BlockingQueue<E> {
    private final Object lock = new Object();
    private final PriorityQueue<E> q = new PriorityQueue<E>();

    public DelayQueue() {
    }

    public DelayQueue(Collection<? extends E> c) {
        this.addAll(c);
    }

    @Override
    public boolean add(E e) {
        return offer(e);
    }

    @Override
    public boolean offer(E e) {
        synchronized (lock) {
            q.offer(e);
            lock.notifyAll();
            return true;
        }
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
            E first = q.peek();
            return (first == null || first.getDelay(TimeUnit.NANOSECONDS) > 0) ? null : q.poll();
        }
    }

    @Override
    public E take() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (lock) {
            for (;;) {
                E first = q.peek();
                if (first == null) {
                    lock.wait();
                } else {
                    long delay = first.getDelay(TimeUnit.NANOSECONDS);
                    if (delay <= 0L) {
                        return q.poll();
                    }
                    lock.wait(delay / 1000000L, (int) (delay % 1000000L));
                }
            }
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (lock) {
            long deadline = System.nanoTime() + nanos;
            for (;;) {
                E first = q.peek();
                long wait;
                if (first == null) {
                    if (nanos <= 0L) {
                        return null;
                    }
                    wait = nanos;
                } else {
                    long delay = first.getDelay(TimeUnit.NANOSECONDS);
                    if (delay <= 0L) {
                        return q.poll();
                    }
                    if (nanos <= 0L) {
                        return null;
                    }
                    wait = Math.min(nanos, delay);
                }
                lock.wait(wait / 1000000L, (int) (wait % 1000000L));
                nanos = deadline - System.nanoTime();
            }
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
            int n = 0;
            for (E first; n < maxElements && (first = q.peek()) != null && first.getDelay(TimeUnit.NANOSECONDS) <= 0;) {
                c.add(first);
                q.poll();
                ++n;
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
    public int remainingCapacity() {
        return Integer.MAX_VALUE;
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
    public boolean remove(Object o) {
        synchronized (lock) {
            return q.remove(o);
        }
    }

    /** Removes the element {@code o} itself (identity), as the JDK's {@code removeEQ}. */
    void removeEQ(Object o) {
        synchronized (lock) {
            for (Iterator<E> it = q.iterator(); it.hasNext();) {
                if (o == it.next()) {
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
    private final class Itr implements Iterator<E> {
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
            removeEQ(array[lastRet]);
            lastRet = -1;
        }
    }
}
