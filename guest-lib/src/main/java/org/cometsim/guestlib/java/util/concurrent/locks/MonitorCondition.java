package org.cometsim.guestlib.java.util.concurrent.locks;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * The {@code Condition} of the guest library's locks ({@link ReentrantLock}, the write lock of
 * {@link ReentrantReadWriteLock}): waiters park on the condition object's own monitor.
 * A waiter takes that monitor before it releases the lock, and a signaller must hold the lock
 * and then takes the same monitor, so a signal cannot fall between the release and the wait.
 * Each waiter has a node in a FIFO queue; {@code signal} marks the oldest node still waiting
 * (as the JDK transfers its first waiter), so a signal is never taken by a thread that awaits
 * again after being woken, nor lost to one that timed out.
 */
abstract class MonitorCondition implements Condition, java.io.Serializable {
    private static final long serialVersionUID = 2173984872572414699L;

    private transient Node head;
    private transient Node tail;
    /** Nodes not yet signalled (a signalled waiter no longer counts, as in the JDK, which moves it to the lock's queue). */
    private transient int waiting;

    /** Whether the current thread holds the lock this condition belongs to. */
    abstract boolean heldByCurrentThread();

    /** Releases every hold of the current thread (IllegalMonitorStateException if it has none); returns them packed. */
    abstract int releaseAll();

    /** Takes the lock again with the holds {@code releaseAll} returned, uninterruptibly; true if interrupted meanwhile. */
    abstract boolean reacquire(int saved);

    /** One waiting thread; guarded by the condition's monitor. */
    private static final class Node {
        Node next;
        boolean signalled;
    }

    synchronized int waiters() {
        return waiting;
    }

    /** Caller holds this monitor. */
    private Node enqueue() {
        Node n = new Node();
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
        waiting++;
        return n;
    }

    /** Removes n (signalled or not); caller holds this monitor. */
    private void unlink(Node n) {
        Node prev = null;
        for (Node p = head; p != null; prev = p, p = p.next) {
            if (p == n) {
                if (prev == null) {
                    head = p.next;
                } else {
                    prev.next = p.next;
                }
                if (tail == p) {
                    tail = prev;
                }
                if (!p.signalled) {
                    waiting--;
                }
                return;
            }
        }
    }

    /**
     * Waits for a signal: timeout 0 means none, a negative timeout means nanos {@code -timeout}.
     * Returns the remaining nanos (timed) and sets {@code interrupted[0]} if interrupted (only when
     * {@code interruptible} is false; otherwise the InterruptedException is thrown after the lock is
     * taken again).
     */
    private long awaitSignal(boolean timed, long nanos, boolean interruptible) throws InterruptedException {
        if (interruptible && Thread.interrupted()) {
            throw new InterruptedException();
        }
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        InterruptedException ie = null;
        boolean interrupted = false;
        int saved;
        synchronized (this) {
            saved = releaseAll(); // first: a caller without the lock must leave no node behind
            Node n = enqueue();
            try {
                while (!n.signalled) {
                    if (timed) {
                        if (nanos <= 0L) {
                            break;
                        }
                        ReentrantLock.timedWait(this, nanos);
                        nanos = deadline - System.nanoTime();
                    } else {
                        wait();
                    }
                }
            } catch (InterruptedException e) {
                if (interruptible) {
                    ie = e;
                } else {
                    interrupted = true;
                }
            } finally {
                unlink(n);
            }
            if (!interruptible && !n.signalled && ie == null && !timed) {
                // an uninterruptible wait interrupted: keep waiting for the signal
                while (!n.signalled) {
                    enqueueAgain(n);
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } finally {
                        unlink(n);
                    }
                }
            }
        }
        interrupted |= reacquire(saved);
        if (ie != null) {
            throw ie;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return timed ? deadline - System.nanoTime() : 0L;
    }

    private void enqueueAgain(Node n) {
        n.next = null;
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
        waiting++;
    }

    @Override
    public void await() throws InterruptedException {
        awaitSignal(false, 0L, true);
    }

    @Override
    public void awaitUninterruptibly() {
        try {
            awaitSignal(false, 0L, false);
        } catch (InterruptedException cannotHappen) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        long remaining = awaitSignal(true, nanosTimeout, true);
        return remaining <= nanosTimeout ? remaining : Long.MIN_VALUE;
    }

    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        return awaitNanos(unit.toNanos(time)) > 0L;
    }

    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        long ms = deadline.getTime() - System.currentTimeMillis();
        return awaitNanos(TimeUnit.MILLISECONDS.toNanos(ms)) > 0L;
    }

    @Override
    public void signal() {
        if (!heldByCurrentThread()) {
            throw new IllegalMonitorStateException();
        }
        synchronized (this) {
            for (Node p = head; p != null; p = p.next) {
                if (!p.signalled) {
                    p.signalled = true;
                    waiting--;
                    notifyAll();
                    return;
                }
            }
        }
    }

    @Override
    public void signalAll() {
        if (!heldByCurrentThread()) {
            throw new IllegalMonitorStateException();
        }
        synchronized (this) {
            boolean any = false;
            for (Node p = head; p != null; p = p.next) {
                if (!p.signalled) {
                    any = true;
                    p.signalled = true;
                    waiting--;
                }
            }
            if (any) {
                notifyAll();
            }
        }
    }
}
