package org.cometsim.guestlib.java.util.concurrent.locks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Guest-side {@code java.util.concurrent.locks.ReentrantLock}, built on the VM's monitors
 * ({@code synchronized}, {@code wait}, {@code notifyAll}) instead of {@code LockSupport}: guest
 * threads are scheduled by the VM, so a lock's state must be guest state (an owner field and a
 * hold count the DSM tracks, waiters parked on guest monitors that COMET's lock migration sees).
 *
 * <p>The monitor of the lock object itself is held only for a few instructions inside these
 * methods, never while a thread waits for the lock to be free or for a condition. Deviation:
 * the fairness flag is recorded and reported but the order in which waiters get the lock is the
 * VM's monitor order (FIFO), for fair and unfair locks alike; {@code getQueuedThreads} and
 * {@code getWaitingThreads} are not provided.
 */
public class ReentrantLock implements Lock, java.io.Serializable {
    private static final long serialVersionUID = 7373984872572414699L;

    private final boolean fair;
    private transient Thread owner;
    private int holds;
    private transient int queued;

    public ReentrantLock() {
        this(false);
    }

    public ReentrantLock(boolean fair) {
        this.fair = fair;
    }

    @Override
    public void lock() {
        boolean interrupted = false;
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (owner == me) {
                addHold(1);
                return;
            }
            while (owner != null) {
                queued++;
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // lock() is not interruptible: keep the status for later
                } finally {
                    queued--;
                }
            }
            owner = me;
            holds = 1;
        }
        if (interrupted) {
            me.interrupt();
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (owner == me) {
                addHold(1);
                return;
            }
            while (owner != null) {
                queued++;
                try {
                    wait();
                } finally {
                    queued--;
                }
            }
            owner = me;
            holds = 1;
        }
    }

    @Override
    public boolean tryLock() {
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (owner == me) {
                addHold(1);
                return true;
            }
            if (owner == null) {
                owner = me;
                holds = 1;
                return true;
            }
            return false;
        }
    }

    @Override
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (owner == me) {
                addHold(1);
                return true;
            }
            long deadline = System.nanoTime() + nanos;
            while (owner != null) {
                if (nanos <= 0L) {
                    return false;
                }
                queued++;
                try {
                    timedWait(this, nanos);
                } finally {
                    queued--;
                }
                nanos = deadline - System.nanoTime();
            }
            owner = me;
            holds = 1;
            return true;
        }
    }

    @Override
    public void unlock() {
        synchronized (this) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException();
            }
            if (--holds == 0) {
                owner = null;
                notifyAll();
            }
        }
    }

    private void addHold(int n) {
        int c = holds + n;
        if (c < 0) {
            throw new Error("Maximum lock count exceeded");
        }
        holds = c;
    }

    /** Releases every hold of the current owner (for a condition wait); returns how many there were. */
    final int releaseAll() {
        synchronized (this) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException();
            }
            int saved = holds;
            holds = 0;
            owner = null;
            notifyAll();
            return saved;
        }
    }

    /** Takes the lock again with {@code saved} holds, uninterruptibly; true if interrupted meanwhile. */
    final boolean reacquire(int saved) {
        boolean interrupted = false;
        Thread me = Thread.currentThread();
        synchronized (this) {
            while (owner != null) {
                queued++;
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                } finally {
                    queued--;
                }
            }
            owner = me;
            holds = saved;
        }
        return interrupted;
    }

    static void timedWait(Object monitor, long nanos) throws InterruptedException {
        long ms = nanos / 1000000L;
        int ns = (int) (nanos % 1000000L);
        monitor.wait(ms, ns);
    }

    @Override
    public Condition newCondition() {
        return new ConditionObject(this);
    }

    public int getHoldCount() {
        synchronized (this) {
            return owner == Thread.currentThread() ? holds : 0;
        }
    }

    public boolean isHeldByCurrentThread() {
        synchronized (this) {
            return owner == Thread.currentThread();
        }
    }

    public boolean isLocked() {
        synchronized (this) {
            return owner != null;
        }
    }

    public final boolean isFair() {
        return fair;
    }

    protected Thread getOwner() {
        synchronized (this) {
            return owner;
        }
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

    public boolean hasWaiters(Condition condition) {
        return owned(condition).waiters() > 0;
    }

    public int getWaitQueueLength(Condition condition) {
        return owned(condition).waiters();
    }

    private ConditionObject owned(Condition condition) {
        if (condition == null) {
            throw new NullPointerException();
        }
        if (!(condition instanceof MonitorCondition)) {
            throw new IllegalArgumentException("not owner");
        }
        if (!(condition instanceof ConditionObject) || ((ConditionObject) condition).lock != this) {
            throw new IllegalArgumentException("Not owner"); // the JDK's message for another lock's condition
        }
        if (!isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException();
        }
        return (ConditionObject) condition;
    }

    @Override
    public String toString() {
        Thread o;
        synchronized (this) {
            o = owner;
        }
        return super.toString().concat(o == null ? "[Unlocked]" : "[Locked by thread ".concat(o.getName()).concat("]"));
    }

    /** A condition of a {@link ReentrantLock}; the waiting and signalling are {@link MonitorCondition}'s. */
    static final class ConditionObject extends MonitorCondition {
        private static final long serialVersionUID = 1173984872572414699L;

        final ReentrantLock lock;

        ConditionObject(ReentrantLock lock) {
            this.lock = lock;
        }

        @Override
        boolean heldByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }

        @Override
        int releaseAll() {
            return lock.releaseAll();
        }

        @Override
        boolean reacquire(int saved) {
            return lock.reacquire(saved);
        }
    }
}
