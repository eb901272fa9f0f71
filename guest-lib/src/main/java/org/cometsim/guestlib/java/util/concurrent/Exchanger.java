package org.cometsim.guestlib.java.util.concurrent;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Guest-side {@code java.util.concurrent.Exchanger}: pairs of guest threads swap objects through
 * one slot on the monitor of an internal lock object (the JDK uses a lock-free slot plus an arena
 * for contention), so a waiting thread is a guest thread the VM schedules and an offload can
 * migrate. The first thread of a pair parks its item and waits; the second takes it, leaves its
 * own in the waiter's node and wakes it. As the JDK's: {@code null} items are exchanged as
 * {@code null}; an interrupted or timed-out waiter withdraws its offer (unless a partner already
 * took it, in which case it returns the partner's item and keeps the interrupt, as a completed
 * exchange must). Which two of more than two waiting threads pair up follows arrival order here.
 */
public class Exchanger<V> {
    /** One offer: the waiting thread's item and, once matched, its partner's. */
    private static final class Node {
        final Object item;
        Object match;
        boolean matched;

        Node(Object item) {
            this.item = item;
        }
    }

    private final Object lock = new Object();
    /** The offer waiting for a partner, or null. */
    private Node slot;

    public Exchanger() {
    }

    @SuppressWarnings("unchecked")
    private V exchange(V x, boolean timed, long nanos) throws InterruptedException, TimeoutException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (lock) {
            Node waiting = slot;
            if (waiting != null) {
                slot = null;
                waiting.match = x;
                waiting.matched = true;
                lock.notifyAll();
                return (V) waiting.item;
            }
            Node mine = new Node(x);
            slot = mine;
            long deadline = timed ? System.nanoTime() + nanos : 0L;
            try {
                while (!mine.matched) {
                    if (timed) {
                        if (nanos <= 0L) {
                            slot = null;
                            throw new TimeoutException();
                        }
                        lock.wait(nanos / 1000000L, (int) (nanos % 1000000L));
                        nanos = deadline - System.nanoTime();
                    } else {
                        lock.wait();
                    }
                }
            } catch (InterruptedException ie) {
                if (!mine.matched) {
                    slot = null;
                    throw ie;
                }
                Thread.currentThread().interrupt();
            }
            return (V) mine.match;
        }
    }

    public V exchange(V x) throws InterruptedException {
        try {
            return exchange(x, false, 0L);
        } catch (TimeoutException e) {
            throw new Error(e); // cannot happen
        }
    }

    public V exchange(V x, long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        return exchange(x, true, unit.toNanos(timeout));
    }
}
