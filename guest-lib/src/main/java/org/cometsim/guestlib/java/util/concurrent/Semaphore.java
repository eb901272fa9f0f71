package org.cometsim.guestlib.java.util.concurrent;

import java.util.concurrent.TimeUnit;

/**
 * Guest-side {@code java.util.concurrent.Semaphore} on the VM's monitors (see
 * {@code ReentrantLock} for why). Deviation: fair and unfair semaphores alike hand permits out in
 * the VM's monitor order; a waiter for several permits does not hold back later waiters for fewer
 * (as an unfair JDK semaphore); {@code getQueuedThreads} is not provided.
 */
public class Semaphore implements java.io.Serializable {
    private static final long serialVersionUID = -3222578661600680210L;

    private final boolean fair;
    private int permits;
    private transient int queued;

    public Semaphore(int permits) {
        this(permits, false);
    }

    public Semaphore(int permits, boolean fair) {
        this.permits = permits;
        this.fair = fair;
    }

    public void acquire() throws InterruptedException {
        acquire(1);
    }

    public void acquire(int n) throws InterruptedException {
        if (n < 0) {
            throw new IllegalArgumentException();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            while (permits - n < 0) {
                queued++;
                try {
                    wait();
                } finally {
                    queued--;
                }
            }
            permits -= n;
        }
    }

    public void acquireUninterruptibly() {
        acquireUninterruptibly(1);
    }

    public void acquireUninterruptibly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException();
        }
        boolean interrupted = false;
        synchronized (this) {
            while (permits - n < 0) {
                queued++;
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                } finally {
                    queued--;
                }
            }
            permits -= n;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean tryAcquire() {
        return tryAcquire(1);
    }

    public boolean tryAcquire(int n) {
        if (n < 0) {
            throw new IllegalArgumentException();
        }
        synchronized (this) {
            if (permits - n < 0) {
                return false;
            }
            permits -= n;
            return true;
        }
    }

    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        return tryAcquire(1, timeout, unit);
    }

    public boolean tryAcquire(int n, long timeout, TimeUnit unit) throws InterruptedException {
        if (n < 0) {
            throw new IllegalArgumentException();
        }
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            long deadline = System.nanoTime() + nanos;
            while (permits - n < 0) {
                if (nanos <= 0L) {
                    return false;
                }
                queued++;
                try {
                    wait(nanos / 1000000L, (int) (nanos % 1000000L));
                } finally {
                    queued--;
                }
                nanos = deadline - System.nanoTime();
            }
            permits -= n;
            return true;
        }
    }

    public void release() {
        release(1);
    }

    public void release(int n) {
        if (n < 0) {
            throw new IllegalArgumentException();
        }
        synchronized (this) {
            int next = permits + n;
            if (next < permits) {
                throw new Error("Maximum permit count exceeded");
            }
            permits = next;
            notifyAll();
        }
    }

    public int availablePermits() {
        synchronized (this) {
            return permits;
        }
    }

    public int drainPermits() {
        synchronized (this) {
            int p = permits; // as the JDK: a negative count is returned and reset too
            permits = 0;
            return p;
        }
    }

    protected void reducePermits(int reduction) {
        if (reduction < 0) {
            throw new IllegalArgumentException();
        }
        synchronized (this) {
            int next = permits - reduction;
            if (next > permits) {
                throw new Error("Permit count underflow");
            }
            permits = next;
        }
    }

    public boolean isFair() {
        return fair;
    }

    public final boolean hasQueuedThreads() {
        synchronized (this) {
            return queued > 0;
        }
    }

    public final int getQueueLength() {
        synchronized (this) {
            return queued;
        }
    }

    @Override
    public String toString() {
        return super.toString().concat("[Permits = ").concat(String.valueOf(availablePermits())).concat("]");
    }
}
