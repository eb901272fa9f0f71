package org.cometsim.workloads.apps.pipeline;

/**
 * Fixed-capacity FIFO between pipeline stages: {@link #put(Object)} waits while full, {@link #take()}
 * waits while empty; every state change calls notifyAll (producers and consumers share one monitor).
 */
final class BoundedBuffer {
    private final Object[] items;
    private int head;
    private int count;

    BoundedBuffer(int capacity) {
        items = new Object[capacity];
    }

    synchronized void put(Object item) throws InterruptedException {
        while (count == items.length) {
            wait();
        }
        items[(head + count) % items.length] = item;
        count++;
        notifyAll();
    }

    synchronized Object take() throws InterruptedException {
        while (count == 0) {
            wait();
        }
        Object item = items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count--;
        notifyAll();
        return item;
    }
}
