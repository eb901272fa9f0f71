package org.cometsim.guestlib.java.util.concurrent.locks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * Guest-side {@code java.util.concurrent.locks.ReentrantReadWriteLock}, built on the VM's monitors
 * ({@code synchronized}, {@code wait}, {@code notifyAll}) like {@link ReentrantLock}: the state (the
 * writer, its hold count, the total read count, each reader's hold count in a list of holder
 * nodes, the queue of waiting threads) is guest state, and waiting threads park on a guest monitor,
 * that of an internal {@code Sync} object (never the lock object itself, so a program synchronizing
 * on the lock does not interfere). That monitor is held only for a few instructions, never while a
 * thread waits.
 *
 * <p>Semantics are JDK 17's: both locks are reentrant; the writer may take the read lock
 * (downgrading: take the read lock, then release the write lock); a reader asking for the write
 * lock waits until no thread holds the read lock, so a reader that tries to upgrade waits forever,
 * as in the JDK; {@code tryLock()} barges in whenever the lock is free for it; at most 65535 holds
 * of either kind ({@code Error "Maximum lock count exceeded"}); the JDK's exception messages. A
 * waiting writer is not starved: while one waits, a thread asking for the read lock waits too
 * unless it already holds the read (or the write) lock, roughly the JDK's nonfair policy (which
 * does so when the first queued thread is a writer). Awaiting a write-lock condition releases the
 * writer's write holds and its read holds together and takes both back, as the JDK does.
 *
 * <p>Deviations: the fairness flag is recorded and reported, but which waiter gets the lock is
 * decided by the VM's monitor order for fair and unfair locks alike (beyond the writer preference
 * above); the protected {@code getQueuedThreads}, {@code getQueuedReaderThreads},
 * {@code getQueuedWriterThreads} and {@code getWaitingThreads} are not provided.
 */
public class ReentrantReadWriteLock implements ReadWriteLock, java.io.Serializable {
    private static final long serialVersionUID = -6992448646407690164L;

    static final int MAX_COUNT = 65535;

    private final ReadLock readerLock;
    private final WriteLock writerLock;
    final Sync sync;

    public ReentrantReadWriteLock() {
        this(false);
    }

    public ReentrantReadWriteLock(boolean fair) {
        sync = new Sync(fair);
        readerLock = new ReadLock(this);
        writerLock = new WriteLock(this);
    }

    @Override
    public ReentrantReadWriteLock.WriteLock writeLock() {
        return writerLock;
    }

    @Override
    public ReentrantReadWriteLock.ReadLock readLock() {
        return readerLock;
    }

    /** The lock's state and its waiters; every method holds this object's monitor. */
    static final class Sync implements java.io.Serializable {
        private static final long serialVersionUID = 6317671515068378041L;

        final boolean fair;
        private transient Thread owner;
        private int writeHolds;
        private int readCount;
        /** One node per thread holding the read lock. */
        private transient Holder holders;
        /** Threads waiting for the read or the write lock (not condition waiters), in arrival order. */
        private transient Waiter head;
        private transient Waiter tail;
        private transient int queueLength;
        private transient int queuedWriters;

        Sync(boolean fair) {
            this.fair = fair;
        }

        private static final class Holder {
            final Thread thread;
            int count;
            Holder next;

            Holder(Thread thread, Holder next) {
                this.thread = thread;
                this.next = next;
            }
        }

        private static final class Waiter {
            final Thread thread;
            final boolean writer;
            Waiter next;

            Waiter(Thread thread, boolean writer) {
                this.thread = thread;
                this.writer = writer;
            }
        }

        private Holder holder(Thread t) {
            for (Holder h = holders; h != null; h = h.next) {
                if (h.thread == t) {
                    return h;
                }
            }
            return null;
        }

        private void removeHolder(Holder target) {
            Holder prev = null;
            for (Holder h = holders; h != null; prev = h, h = h.next) {
                if (h == target) {
                    if (prev == null) {
                        holders = h.next;
                    } else {
                        prev.next = h.next;
                    }
                    return;
                }
            }
        }

        private Waiter enqueue(Thread t, boolean writer) {
            Waiter w = new Waiter(t, writer);
            if (tail == null) {
                head = w;
            } else {
                tail.next = w;
            }
            tail = w;
            queueLength++;
            if (writer) {
                queuedWriters++;
            }
            return w;
        }

        /** Unlinks w; a writer that leaves without the lock wakes the readers it held back. */
        private void dequeue(Waiter w, boolean acquired) {
            Waiter prev = null;
            for (Waiter p = head; p != null; prev = p, p = p.next) {
                if (p == w) {
                    if (prev == null) {
                        head = p.next;
                    } else {
                        prev.next = p.next;
                    }
                    if (tail == p) {
                        tail = prev;
                    }
                    break;
                }
            }
            queueLength--;
            if (w.writer) {
                queuedWriters--;
                if (!acquired) {
                    notifyAll();
                }
            }
        }

        // ---- read lock ----

        /** Whether me may take a read hold now; {@code barge}: ignore waiting writers (tryLock()). */
        private boolean canRead(Thread me, boolean barge) {
            if (owner != null) {
                return owner == me;
            }
            return barge || queuedWriters == 0 || holder(me) != null;
        }

        private void addRead(Thread me) {
            if (readCount == MAX_COUNT) {
                throw new Error("Maximum lock count exceeded");
            }
            Holder h = holder(me);
            if (h == null) {
                h = new Holder(me, holders);
                holders = h;
            }
            h.count++;
            readCount++;
        }

        /** mode 0: uninterruptible, 1: interruptible, 2: timed (nanos). */
        synchronized boolean acquireRead(int mode, long nanos) throws InterruptedException {
            Thread me = Thread.currentThread();
            if (canRead(me, false)) {
                addRead(me);
                return true;
            }
            if (mode == 2 && nanos <= 0L) {
                return false;
            }
            boolean interrupted = false;
            boolean acquired = false;
            long deadline = mode == 2 ? System.nanoTime() + nanos : 0L;
            Waiter w = enqueue(me, false);
            try {
                while (!canRead(me, false)) {
                    if (mode == 2) {
                        if (nanos <= 0L) {
                            return false;
                        }
                        ReentrantLock.timedWait(this, nanos);
                        nanos = deadline - System.nanoTime();
                    } else if (mode == 1) {
                        wait();
                    } else {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // lock() is not interruptible: keep the status for later
                        }
                    }
                }
                addRead(me);
                acquired = true;
            } finally {
                dequeue(w, acquired);
            }
            if (interrupted) {
                me.interrupt();
            }
            return true;
        }

        synchronized boolean tryRead() {
            Thread me = Thread.currentThread();
            if (!canRead(me, true)) {
                return false;
            }
            addRead(me);
            return true;
        }

        synchronized void releaseRead() {
            Holder h = holder(Thread.currentThread());
            if (h == null) {
                throw new IllegalMonitorStateException("attempt to unlock read lock, not locked by current thread");
            }
            if (--h.count == 0) {
                removeHolder(h);
            }
            if (--readCount == 0) {
                notifyAll();
            }
        }

        // ---- write lock ----

        private boolean canWrite(Thread me) {
            return owner == me || (owner == null && readCount == 0);
        }

        private void addWrite(Thread me, int n) {
            if (owner == me) {
                if (writeHolds + n > MAX_COUNT) {
                    throw new Error("Maximum lock count exceeded");
                }
                writeHolds += n;
            } else {
                owner = me;
                writeHolds = n;
            }
        }

        /** mode 0: uninterruptible, 1: interruptible, 2: timed (nanos). */
        synchronized boolean acquireWrite(int mode, long nanos) throws InterruptedException {
            Thread me = Thread.currentThread();
            if (canWrite(me)) {
                addWrite(me, 1);
                return true;
            }
            if (mode == 2 && nanos <= 0L) {
                return false;
            }
            boolean interrupted = false;
            boolean acquired = false;
            long deadline = mode == 2 ? System.nanoTime() + nanos : 0L;
            Waiter w = enqueue(me, true);
            try {
                while (!canWrite(me)) {
                    if (mode == 2) {
                        if (nanos <= 0L) {
                            return false;
                        }
                        ReentrantLock.timedWait(this, nanos);
                        nanos = deadline - System.nanoTime();
                    } else if (mode == 1) {
                        wait();
                    } else {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                }
                addWrite(me, 1);
                acquired = true;
            } finally {
                dequeue(w, acquired);
            }
            if (interrupted) {
                me.interrupt();
            }
            return true;
        }

        synchronized boolean tryWrite() {
            Thread me = Thread.currentThread();
            if (!canWrite(me)) {
                return false;
            }
            addWrite(me, 1);
            return true;
        }

        synchronized void releaseWrite() {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException();
            }
            if (--writeHolds == 0) {
                owner = null;
                notifyAll();
            }
        }

        /** For a condition wait: drops the writer's write and read holds; returns them packed (reads << 16 | writes). */
        synchronized int releaseAll() {
            Thread me = Thread.currentThread();
            if (owner != me) {
                throw new IllegalMonitorStateException();
            }
            int reads = 0;
            Holder h = holder(me);
            if (h != null) {
                reads = h.count;
                removeHolder(h);
                readCount -= reads;
            }
            int saved = (reads << 16) | writeHolds;
            owner = null;
            writeHolds = 0;
            notifyAll();
            return saved;
        }

        /** Takes back what {@link #releaseAll} returned, uninterruptibly; true if interrupted meanwhile. */
        synchronized boolean reacquire(int saved) {
            Thread me = Thread.currentThread();
            boolean interrupted = false;
            Waiter w = enqueue(me, true);
            boolean acquired = false;
            try {
                while (owner != null || readCount != 0) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                owner = me;
                writeHolds = saved & 0xFFFF;
                int reads = saved >>> 16;
                if (reads > 0) {
                    Holder h = new Holder(me, holders);
                    h.count = reads;
                    holders = h;
                    readCount += reads;
                }
                acquired = true;
            } finally {
                dequeue(w, acquired);
            }
            return interrupted;
        }

        // ---- queries ----

        synchronized Thread owner() {
            return owner;
        }

        synchronized int readCount() {
            return readCount;
        }

        synchronized int writeHolds() {
            return writeHolds;
        }

        synchronized boolean heldByCurrentThread() {
            return owner == Thread.currentThread();
        }

        synchronized int writeHoldsOfCurrentThread() {
            return owner == Thread.currentThread() ? writeHolds : 0;
        }

        synchronized int readHoldsOfCurrentThread() {
            Holder h = holder(Thread.currentThread());
            return h == null ? 0 : h.count;
        }

        synchronized int queueLength() {
            return queueLength;
        }

        synchronized boolean isQueued(Thread t) {
            for (Waiter p = head; p != null; p = p.next) {
                if (p.thread == t) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The lock returned by {@link ReentrantReadWriteLock#readLock()}. */
    public static class ReadLock implements Lock, java.io.Serializable {
        private static final long serialVersionUID = -5992448646407690164L;

        private final Sync sync;

        protected ReadLock(ReentrantReadWriteLock lock) {
            sync = lock.sync;
        }

        @Override
        public void lock() {
            try {
                sync.acquireRead(0, 0L);
            } catch (InterruptedException cannotHappen) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            sync.acquireRead(1, 0L);
        }

        @Override
        public boolean tryLock() {
            return sync.tryRead();
        }

        @Override
        public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
            long nanos = unit.toNanos(timeout);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return sync.acquireRead(2, nanos);
        }

        @Override
        public void unlock() {
            sync.releaseRead();
        }

        /** Throws {@code UnsupportedOperationException}: read locks have no conditions. */
        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String toString() {
            return super.toString().concat("[Read locks = ").concat(String.valueOf(sync.readCount())).concat("]");
        }
    }

    /** The lock returned by {@link ReentrantReadWriteLock#writeLock()}. */
    public static class WriteLock implements Lock, java.io.Serializable {
        private static final long serialVersionUID = -4992448646407690164L;

        private final Sync sync;

        protected WriteLock(ReentrantReadWriteLock lock) {
            sync = lock.sync;
        }

        @Override
        public void lock() {
            try {
                sync.acquireWrite(0, 0L);
            } catch (InterruptedException cannotHappen) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            sync.acquireWrite(1, 0L);
        }

        @Override
        public boolean tryLock() {
            return sync.tryWrite();
        }

        @Override
        public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
            long nanos = unit.toNanos(timeout);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return sync.acquireWrite(2, nanos);
        }

        @Override
        public void unlock() {
            sync.releaseWrite();
        }

        @Override
        public Condition newCondition() {
            return new WriteCondition(sync);
        }

        @Override
        public String toString() {
            Thread o = sync.owner();
            return super.toString().concat(o == null ? "[Unlocked]" : "[Locked by thread ".concat(o.getName()).concat("]"));
        }

        public boolean isHeldByCurrentThread() {
            return sync.heldByCurrentThread();
        }

        public int getHoldCount() {
            return sync.writeHoldsOfCurrentThread();
        }
    }

    /** A condition of the write lock; the waiting and signalling are {@link MonitorCondition}'s. */
    static final class WriteCondition extends MonitorCondition {
        private static final long serialVersionUID = 3173984872572414699L;

        final Sync sync;

        WriteCondition(Sync sync) {
            this.sync = sync;
        }

        @Override
        boolean heldByCurrentThread() {
            return sync.heldByCurrentThread();
        }

        @Override
        int releaseAll() {
            return sync.releaseAll();
        }

        @Override
        boolean reacquire(int saved) {
            return sync.reacquire(saved);
        }
    }

    public final boolean isFair() {
        return sync.fair;
    }

    protected Thread getOwner() {
        return sync.owner();
    }

    public int getReadLockCount() {
        return sync.readCount();
    }

    public boolean isWriteLocked() {
        return sync.owner() != null;
    }

    public boolean isWriteLockedByCurrentThread() {
        return sync.heldByCurrentThread();
    }

    public int getWriteHoldCount() {
        return sync.writeHoldsOfCurrentThread();
    }

    public int getReadHoldCount() {
        return sync.readHoldsOfCurrentThread();
    }

    public final boolean hasQueuedThreads() {
        return sync.queueLength() > 0;
    }

    public final boolean hasQueuedThread(Thread thread) {
        if (thread == null) {
            throw new NullPointerException();
        }
        return sync.isQueued(thread);
    }

    public final int getQueueLength() {
        return sync.queueLength();
    }

    public boolean hasWaiters(Condition condition) {
        return owned(condition).waiters() > 0;
    }

    public int getWaitQueueLength(Condition condition) {
        return owned(condition).waiters();
    }

    /** The JDK's checks and messages: "not owner" for a foreign kind of condition, "Not owner" for another lock's. */
    private MonitorCondition owned(Condition condition) {
        if (condition == null) {
            throw new NullPointerException();
        }
        if (!(condition instanceof MonitorCondition)) {
            throw new IllegalArgumentException("not owner");
        }
        if (!(condition instanceof WriteCondition) || ((WriteCondition) condition).sync != sync) {
            throw new IllegalArgumentException("Not owner");
        }
        if (!sync.heldByCurrentThread()) {
            throw new IllegalMonitorStateException();
        }
        return (MonitorCondition) condition;
    }

    @Override
    public String toString() {
        int w;
        int r;
        synchronized (sync) {
            w = sync.writeHolds();
            r = sync.readCount();
        }
        return super.toString().concat("[Write locks = ").concat(String.valueOf(w)).concat(", Read locks = ")
                .concat(String.valueOf(r)).concat("]");
    }
}
