package org.cometsim.workloads.apps.parallelrender;

/**
 * Unbounded FIFO of row-band tasks shared by the render workers, guarded by its own monitor:
 * {@link #take()} waits while the queue is empty and open; {@link #put(int)} notifies one waiter;
 * {@link #close()} wakes everybody. Tasks are band indices in a growable int ring.
 */
final class WorkQueue {
    private int[] ring = new int[16];
    private int head;
    private int count;
    private boolean closed;

    synchronized void put(int task) {
        if (closed) {
            throw new IllegalStateException("queue closed");
        }
        if (count == ring.length) {
            int[] bigger = new int[ring.length * 2];
            for (int i = 0; i < count; i++) {
                bigger[i] = ring[(head + i) % ring.length];
            }
            ring = bigger;
            head = 0;
        }
        ring[(head + count) % ring.length] = task;
        count++;
        notify();
    }

    /** Next task, or -1 once the queue is closed and drained. */
    synchronized int take() throws InterruptedException {
        while (count == 0 && !closed) {
            wait();
        }
        if (count == 0) {
            return -1;
        }
        int task = ring[head];
        head = (head + 1) % ring.length;
        count--;
        return task;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
