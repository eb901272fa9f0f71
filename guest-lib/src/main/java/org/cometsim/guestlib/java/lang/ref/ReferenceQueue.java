package org.cometsim.guestlib.java.lang.ref;

/**
 * {@code java.lang.ref.ReferenceQueue} as guest code ({@link Reference}). The VM's reachability
 * pass cannot run guest code, so it links the references it clears onto {@link #pending} (field
 * writes, seen by the DSM); every method here first moves the pending ones onto the queue, in the
 * order the pass found them. A thread blocked in {@link #remove} looks again every 10 ms of
 * simulated time (the pass holds no monitor to notify it with).
 */
public class ReferenceQueue<T> {
    /** Marks a reference that is on a queue: it is not enqueued again. */
    static final ReferenceQueue<Object> ENQUEUED = new ReferenceQueue<>();
    /** Marks a reference taken off its queue. */
    static final ReferenceQueue<Object> REMOVED = new ReferenceQueue<>();

    private static final long POLL_MILLIS = 10;

    /** Cleared by the VM, not yet taken over (linked through {@link Reference#next}, newest first). */
    private Reference<? extends T> pending;
    private Reference<? extends T> head;
    private Reference<? extends T> tail;

    public ReferenceQueue() {
    }

    synchronized boolean enqueue(Reference<? extends T> r) {
        if (r.queue != this) {
            return false; // not registered here, or already enqueued
        }
        r.queue = ENQUEUED;
        r.next = null;
        if (tail == null) {
            head = r;
        } else {
            tail.next = r;
        }
        tail = r;
        notifyAll();
        return true;
    }

    private void takePending() {
        Reference<? extends T> p = pending;
        pending = null;
        // The pass linked them newest first: reverse, so they are enqueued in the order found.
        Reference<? extends T> ordered = null;
        while (p != null) {
            @SuppressWarnings("unchecked")
            Reference<? extends T> n = (Reference<? extends T>) p.next;
            p.next = ordered;
            ordered = p;
            p = n;
        }
        while (ordered != null) {
            @SuppressWarnings("unchecked")
            Reference<? extends T> n = (Reference<? extends T>) ordered.next;
            enqueue(ordered);
            ordered = n;
        }
    }

    public synchronized Reference<? extends T> poll() {
        takePending();
        Reference<? extends T> r = head;
        if (r != null) {
            @SuppressWarnings("unchecked")
            Reference<? extends T> n = (Reference<? extends T>) r.next;
            head = n;
            if (n == null) {
                tail = null;
            }
            r.next = r; // as the JDK: removed references point to themselves
            r.queue = REMOVED;
        }
        return r;
    }

    public Reference<? extends T> remove(long timeout) throws InterruptedException {
        if (timeout < 0) {
            throw new IllegalArgumentException("Negative timeout value");
        }
        synchronized (this) {
            Reference<? extends T> r = poll();
            if (r != null) {
                return r;
            }
            long deadline = timeout == 0 ? Long.MAX_VALUE : System.nanoTime() + timeout * 1_000_000L;
            while (true) {
                long left = deadline - System.nanoTime();
                if (timeout != 0 && left <= 0) {
                    return null;
                }
                // The VM's pass cannot notify (it holds no monitor): look again every 10 ms of simulated time.
                wait(timeout == 0 ? POLL_MILLIS : Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000L)));
                r = poll();
                if (r != null) {
                    return r;
                }
            }
        }
    }

    public Reference<? extends T> remove() throws InterruptedException {
        return remove(0);
    }
}
