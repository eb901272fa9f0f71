package org.cometsim.guestlib.java.util.concurrent;

import java.util.concurrent.TimeUnit;

/**
 * Guest-side {@code java.util.concurrent.CountDownLatch} on the VM's monitors (see
 * {@code ReentrantLock} for why): the count is a guest field, waiters wait on the latch.
 */
public class CountDownLatch {
    private long count;

    public CountDownLatch(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0");
        }
        this.count = count;
    }

    public void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            while (count > 0) {
                wait();
            }
        }
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            long deadline = System.nanoTime() + nanos;
            while (count > 0) {
                if (nanos <= 0L) {
                    return false;
                }
                wait(nanos / 1000000L, (int) (nanos % 1000000L));
                nanos = deadline - System.nanoTime();
            }
            return true;
        }
    }

    public void countDown() {
        synchronized (this) {
            if (count > 0 && --count == 0) {
                notifyAll();
            }
        }
    }

    public long getCount() {
        synchronized (this) {
            return count;
        }
    }

    @Override
    public String toString() {
        return super.toString().concat("[Count = ").concat(String.valueOf(getCount())).concat("]");
    }
}
