package org.cometsim.guestlib.java.util.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

import org.cometsim.guestlib.java.util.concurrent.locks.ReentrantLock;
import org.cometsim.guestlib.java.util.concurrent.locks.ReentrantReadWriteLock;
import org.cometsim.guestlib.HangGuard;
import org.junit.jupiter.api.Test;

/**
 * The guest library's {@code ReentrantReadWriteLock} against the JDK's on the host JVM: seeded
 * random single-thread operation sequences (results, every query, exception classes and messages,
 * the toString suffixes of the lock and both views after each step), and the same multi-thread
 * scenarios run on both with real threads (sharing, exclusion, reentrancy, downgrade, queue
 * queries, writer progress, conditions, timed tryLock, interrupts).
 */
class ReadWriteLockDifferentialTest {

    /** One lock, ours or the JDK's, behind the same queries. */
    static final class RW {
        final ReadWriteLock lock;

        RW(ReadWriteLock lock) {
            this.lock = lock;
        }

        static RW ours(boolean fair) {
            return new RW(new ReentrantReadWriteLock(fair));
        }

        static RW jdk(boolean fair) {
            return new RW(new java.util.concurrent.locks.ReentrantReadWriteLock(fair));
        }

        Lock r() {
            return lock.readLock();
        }

        Lock w() {
            return lock.writeLock();
        }

        boolean ours() {
            return lock instanceof ReentrantReadWriteLock;
        }

        ReentrantReadWriteLock o() {
            return (ReentrantReadWriteLock) lock;
        }

        java.util.concurrent.locks.ReentrantReadWriteLock j() {
            return (java.util.concurrent.locks.ReentrantReadWriteLock) lock;
        }

        int readLockCount() {
            return ours() ? o().getReadLockCount() : j().getReadLockCount();
        }

        int readHolds() {
            return ours() ? o().getReadHoldCount() : j().getReadHoldCount();
        }

        int writeHolds() {
            return ours() ? o().getWriteHoldCount() : j().getWriteHoldCount();
        }

        boolean writeLockedByMe() {
            return ours() ? o().isWriteLockedByCurrentThread() : j().isWriteLockedByCurrentThread();
        }

        int queueLength() {
            return ours() ? o().getQueueLength() : j().getQueueLength();
        }

        boolean hasQueuedThread(Thread t) {
            return ours() ? o().hasQueuedThread(t) : j().hasQueuedThread(t);
        }

        boolean hasWaiters(Condition c) {
            return ours() ? o().hasWaiters(c) : j().hasWaiters(c);
        }

        int waitQueueLength(Condition c) {
            return ours() ? o().getWaitQueueLength(c) : j().getWaitQueueLength(c);
        }

        String state() {
            if (ours()) {
                ReentrantReadWriteLock l = o();
                return l.isFair() + " r=" + l.getReadLockCount() + " wl=" + l.isWriteLocked() + " wlMe="
                        + l.isWriteLockedByCurrentThread() + " wh=" + l.getWriteHoldCount() + " rh=" + l.getReadHoldCount()
                        + " q=" + l.hasQueuedThreads() + "/" + l.getQueueLength() + "/" + l.hasQueuedThread(Thread.currentThread())
                        + " w.held=" + l.writeLock().isHeldByCurrentThread() + " w.count=" + l.writeLock().getHoldCount()
                        + " " + suffix(l) + " " + suffix(l.readLock()) + " " + suffix(l.writeLock());
            }
            java.util.concurrent.locks.ReentrantReadWriteLock l = j();
            return l.isFair() + " r=" + l.getReadLockCount() + " wl=" + l.isWriteLocked() + " wlMe="
                    + l.isWriteLockedByCurrentThread() + " wh=" + l.getWriteHoldCount() + " rh=" + l.getReadHoldCount()
                    + " q=" + l.hasQueuedThreads() + "/" + l.getQueueLength() + "/" + l.hasQueuedThread(Thread.currentThread())
                    + " w.held=" + l.writeLock().isHeldByCurrentThread() + " w.count=" + l.writeLock().getHoldCount()
                    + " " + suffix(l) + " " + suffix(l.readLock()) + " " + suffix(l.writeLock());
        }
    }

    static String suffix(Object o) {
        String s = o.toString();
        int at = s.indexOf('@');
        int br = s.indexOf('[', at);
        return br < 0 ? "" : s.substring(br);
    }

    interface Op {
        Object run() throws Exception;
    }

    static String outcome(Op op) {
        try {
            return "= " + op.run();
        } catch (Throwable t) {
            return "! " + t.getClass().getName() + ": " + t.getMessage();
        }
    }

    /** Runs a seeded random single-thread sequence on l and returns the transcript. */
    static List<String> transcript(RW l, long seed, int steps) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        out.add(l.state());
        Condition cond = l.w().newCondition();
        for (int i = 0; i < steps; i++) {
            int k = rnd.nextInt(17);
            String what;
            Op op;
            switch (k) {
                case 0: what = "r.lock"; op = () -> { l.r().lock(); return null; }; break;
                case 1: case 2: what = "r.unlock"; op = () -> { l.r().unlock(); return null; }; break;
                case 3: what = "r.tryLock"; op = () -> l.r().tryLock(); break;
                case 4: what = "r.tryLock(0)"; op = () -> l.r().tryLock(0, TimeUnit.MILLISECONDS); break;
                case 5:
                    // w.lock would block forever when this thread holds read locks only (no upgrade)
                    what = "w.lock";
                    op = () -> {
                        if (l.readHolds() > 0 && !l.writeLockedByMe()) {
                            return "skipped";
                        }
                        l.w().lock();
                        return null;
                    };
                    break;
                case 6: case 7: what = "w.unlock"; op = () -> { l.w().unlock(); return null; }; break;
                case 8: what = "w.tryLock"; op = () -> l.w().tryLock(); break;
                case 9: what = "w.tryLock(1ms)"; op = () -> l.w().tryLock(1, TimeUnit.MILLISECONDS); break;
                case 10: what = "r.newCondition"; op = () -> l.r().newCondition() == null; break;
                case 11: what = "hasWaiters"; op = () -> l.hasWaiters(cond) + " " + l.waitQueueLength(cond); break;
                case 12: what = "signal"; op = () -> { cond.signal(); cond.signalAll(); return null; }; break;
                case 13: what = "awaitNanos(0)"; op = () -> cond.awaitNanos(0) <= 0; break;
                case 14:
                    what = "interrupted lockInterruptibly";
                    op = () -> {
                        Thread.currentThread().interrupt();
                        try {
                            if (rnd.nextBoolean()) {
                                l.r().lockInterruptibly();
                            } else {
                                l.w().lockInterruptibly();
                            }
                            return "no exception";
                        } finally {
                            Thread.interrupted();
                        }
                    };
                    break;
                case 15:
                    what = "interrupted tryLock(0)";
                    op = () -> {
                        Thread.currentThread().interrupt();
                        try {
                            return rnd.nextBoolean() ? l.r().tryLock(0, TimeUnit.SECONDS) : l.w().tryLock(0, TimeUnit.SECONDS);
                        } finally {
                            Thread.interrupted();
                        }
                    };
                    break;
                default:
                    what = "interrupted r.lock";
                    op = () -> {
                        Thread.currentThread().interrupt();
                        l.r().lock();
                        return Thread.interrupted();
                    };
                    break;
            }
            out.add(i + " " + what + " " + outcome(op) + " | " + l.state());
        }
        return out;
    }

    @Test
    void randomSingleThreadSequencesMatchTheJdk() {
        for (long seed = 1; seed <= 40; seed++) {
            boolean fair = seed % 2 == 0;
            List<String> expected = transcript(RW.jdk(fair), seed, 150);
            List<String> actual = transcript(RW.ours(fair), seed, 150);
            assertEquals(String.join("\n", expected), String.join("\n", actual), "seed " + seed);
        }
    }

    private static List<String> conditionChecks(RW l, Condition foreignSameKind, Condition otherKind) {
        List<String> out = new ArrayList<>();
        Condition c = l.w().newCondition();
        out.add(outcome(() -> l.hasWaiters(null)));
        out.add(outcome(() -> l.waitQueueLength(null)));
        out.add(outcome(() -> l.hasWaiters(c)));
        out.add(outcome(() -> { c.await(); return null; }));
        out.add(outcome(() -> { c.signal(); return null; }));
        out.add(outcome(() -> { c.signalAll(); return null; }));
        out.add(outcome(() -> c.await(1, TimeUnit.MILLISECONDS)));
        out.add(outcome(() -> l.hasWaiters(c)));
        out.add(outcome(() -> l.hasWaiters(foreignSameKind)));
        out.add(outcome(() -> l.waitQueueLength(otherKind)));
        out.add(outcome(() -> l.hasQueuedThread(null)));
        l.w().lock();
        l.r().lock();
        out.add(outcome(() -> l.hasWaiters(c) + " " + l.waitQueueLength(c)));
        out.add(outcome(() -> c.await(1, TimeUnit.MILLISECONDS)));
        out.add(l.state());
        l.w().unlock();
        out.add(l.state());
        out.add(outcome(() -> c.await(1, TimeUnit.MILLISECONDS)));
        l.r().unlock();
        out.add(l.state());
        return out;
    }

    @Test
    void conditionAndArgumentChecksMatchTheJdk() {
        List<String> expected = conditionChecks(RW.jdk(false),
                new java.util.concurrent.locks.ReentrantReadWriteLock().writeLock().newCondition(),
                new java.util.concurrent.locks.ReentrantLock().newCondition());
        List<String> actual = conditionChecks(RW.ours(false), new ReentrantReadWriteLock().writeLock().newCondition(),
                new ReentrantLock().newCondition());
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        // a Condition of neither library
        Condition alien = new Condition() {
            public void await() { }
            public void awaitUninterruptibly() { }
            public long awaitNanos(long n) { return 0; }
            public boolean await(long t, TimeUnit u) { return false; }
            public boolean awaitUntil(java.util.Date d) { return false; }
            public void signal() { }
            public void signalAll() { }
        };
        assertEquals(outcome(() -> new java.util.concurrent.locks.ReentrantReadWriteLock().hasWaiters(alien)),
                outcome(() -> new ReentrantReadWriteLock().hasWaiters(alien)));
        assertEquals(outcome(() -> new java.util.concurrent.locks.ReentrantLock().hasWaiters(alien)),
                outcome(() -> new ReentrantLock().hasWaiters(alien)));
        java.util.concurrent.locks.ReentrantLock jl = new java.util.concurrent.locks.ReentrantLock();
        ReentrantLock ol = new ReentrantLock();
        jl.lock();
        ol.lock();
        assertEquals(outcome(() -> jl.hasWaiters(new java.util.concurrent.locks.ReentrantLock().newCondition())),
                outcome(() -> ol.hasWaiters(new ReentrantLock().newCondition())));
        assertEquals(outcome(() -> jl.hasWaiters(new java.util.concurrent.locks.ReentrantReadWriteLock().writeLock().newCondition())),
                outcome(() -> ol.hasWaiters(new ReentrantReadWriteLock().writeLock().newCondition())));
        // an await without the lock leaves no waiter behind
        Condition c = ol.newCondition();
        ol.unlock();
        assertThrows(IllegalMonitorStateException.class, c::await);
        ol.lock();
        assertFalse(ol.hasWaiters(c));
        ol.unlock();
        jl.unlock();
    }

    private static String maxCounts(RW l) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 65535; i++) {
            l.r().lock();
        }
        sb.append(outcome(() -> l.r().tryLock())).append(' ').append(outcome(() -> { l.r().lock(); return null; }));
        sb.append(' ').append(l.state());
        for (int i = 0; i < 65535; i++) {
            l.r().unlock();
        }
        for (int i = 0; i < 65535; i++) {
            l.w().lock();
        }
        sb.append(' ').append(outcome(() -> l.w().tryLock())).append(' ').append(outcome(() -> { l.w().lock(); return null; }));
        sb.append(' ').append(l.state());
        return sb.toString();
    }

    @Test
    void holdCountLimitsMatchTheJdk() {
        assertEquals(maxCounts(RW.jdk(false)), maxCounts(RW.ours(false)));
    }

    // ---------------------------------------------------------------- multi-thread

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void joinAll(List<Thread> ts) throws InterruptedException {
        for (Thread t : ts) {
            HangGuard.join(t);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier cond, String what) throws InterruptedException {
        HangGuard.until(cond, what);
    }

    /** Readers share: every reader holds the read lock at once (each waits for all the others inside). */
    private static String readersShare(RW l) throws Exception {
        int n = 5;
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(n);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        AtomicInteger writerTried = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            ts.add(start("reader" + i, () -> {
                l.r().lock();
                l.r().lock();
                try {
                    inside.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                } finally {
                    l.r().unlock();
                    l.r().unlock();
                }
            }));
        }
        assertTrue(inside.await(HangGuard.SECONDS, TimeUnit.SECONDS), "readers did not share the lock");
        String during = l.state() + " " + l.w().tryLock() + " " + l.w().tryLock(10, TimeUnit.MILLISECONDS);
        Thread w = start("writer", () -> {
            l.w().lock();
            writerTried.incrementAndGet();
            l.w().unlock();
        });
        awaitTrue(() -> l.hasQueuedThread(w), "the writer to queue");
        during += " q=" + l.queueLength() + " " + l.r().tryLock(); // tryLock barges past the queued writer
        l.r().unlock();
        release.countDown();
        joinAll(ts);
        HangGuard.join(w);
        return during + " | " + writerTried.get() + " " + l.state();
    }

    @Test
    void readersShareAndAWriterWaitsForAllOfThem() throws Exception {
        assertEquals(readersShare(RW.jdk(false)), readersShare(RW.ours(false)));
    }

    @Test
    void writersExcludeReadersAndWriters() throws Exception {
        RW l = RW.ours(false);
        int[] a = new int[1];
        int[] b = new int[1];
        AtomicInteger readersInside = new AtomicInteger();
        AtomicBoolean writerInside = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ts.add(start("w" + i, () -> {
                for (int k = 0; k < 300; k++) {
                    l.w().lock();
                    l.w().lock(); // reentrant
                    try {
                        if (!writerInside.compareAndSet(false, true) || readersInside.get() != 0) {
                            failure.set("writer not exclusive");
                        }
                        a[0]++;
                        Thread.yield();
                        b[0]++;
                        writerInside.set(false);
                    } finally {
                        l.w().unlock();
                        l.w().unlock();
                    }
                }
            }));
        }
        for (int i = 0; i < 4; i++) {
            ts.add(start("r" + i, () -> {
                for (int k = 0; k < 300; k++) {
                    l.r().lock();
                    try {
                        readersInside.incrementAndGet();
                        if (a[0] != b[0] || writerInside.get()) {
                            failure.set("reader saw a writer");
                        }
                        readersInside.decrementAndGet();
                    } finally {
                        l.r().unlock();
                    }
                }
            }));
        }
        joinAll(ts);
        assertEquals(null, failure.get());
        assertEquals(1200, a[0]);
        assertEquals(1200, b[0]);
        assertEquals("false r=0 wl=false wlMe=false wh=0 rh=0 q=false/0/false w.held=false w.count=0 "
                + "[Write locks = 0, Read locks = 0] [Read locks = 0] [Unlocked]", l.state());
    }

    /** Downgrade: the writer takes the read lock and releases the write lock; others then read, not write. */
    private static String downgrade(RW l) throws Exception {
        StringBuilder sb = new StringBuilder();
        l.w().lock();
        l.r().lock();
        sb.append(l.state()).append(" | ");
        AtomicReference<String> other = new AtomicReference<>();
        Thread t = start("other", () -> other.set(l.r().tryLock() + " " + l.w().tryLock()));
        t.join();
        sb.append(other.get()).append(" | ");
        l.w().unlock();
        sb.append(l.state()).append(" | ");
        Thread t2 = start("other2", () -> {
            try {
                boolean r = l.r().tryLock(5, TimeUnit.SECONDS);
                String s = r + " " + l.readLockCount() + " " + l.readHolds() + " " + l.w().tryLock()
                        + " " + l.w().tryLock(20, TimeUnit.MILLISECONDS);
                l.r().unlock();
                other.set(s);
            } catch (InterruptedException e) {
                other.set("interrupted");
            }
        });
        t2.join();
        sb.append(other.get()).append(" | ");
        // no upgrade: a reader's timed write tryLock fails
        sb.append(l.w().tryLock(20, TimeUnit.MILLISECONDS)).append(' ');
        l.r().unlock();
        sb.append(l.state());
        return sb.toString();
    }

    @Test
    void downgradingWorksAndUpgradingDoesNot() throws Exception {
        assertEquals(downgrade(RW.jdk(false)), downgrade(RW.ours(false)));
    }

    @Test
    void aWaitingWriterGetsTheLockWhileReadersKeepComing() throws Exception {
        for (RW l : List.of(RW.jdk(false), RW.ours(false), RW.ours(true))) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                readers.add(start("reader" + i, () -> {
                    while (!stop.get()) {
                        l.r().lock();
                        try {
                            reads.incrementAndGet();
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        } finally {
                            l.r().unlock();
                        }
                    }
                }));
            }
            awaitTrue(() -> reads.get() >= 8, "the readers to be reading"); // not a sleep: a slow host may not have started them
            AtomicBoolean wrote = new AtomicBoolean();
            Thread w = start("writer", () -> {
                l.w().lock();
                wrote.set(true);
                l.w().unlock();
            });
            HangGuard.join(w); // the readers keep coming until the writer is through: a starved writer never ends
            stop.set(true);
            joinAll(readers);
            assertTrue(wrote.get(), "the writer starved: " + (l.ours() ? "ours" : "jdk"));
        }
    }

    /**
     * A writer blocked behind readers; a reader queued behind it; the writer is interrupted / times
     * out. The timed writer must still be queued while the queue is described: when a slow host let
     * its timeout pass before that, the round is repeated with a timeout four times as long, so the
     * transcript never depends on the host's speed (only the number of rounds does).
     */
    private static String queueAndGiveUp(RW l, boolean timed) throws Exception {
        for (long timeoutMillis = 50; ; timeoutMillis *= 4) {
            String s = queueAndGiveUpOnce(l, timed, timeoutMillis);
            if (s != null) {
                return s;
            }
        }
    }

    /** One round of {@link #queueAndGiveUp}; null if the timed writer gave up too early. */
    private static String queueAndGiveUpOnce(RW l, boolean timed, long timeoutMillis) throws Exception {
        StringBuilder sb = new StringBuilder();
        l.r().lock();
        AtomicReference<String> wres = new AtomicReference<>();
        Thread w = start("writer", () -> {
            try {
                wres.set(timed ? String.valueOf(l.w().tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) : String.valueOf(waitWrite(l)));
            } catch (InterruptedException e) {
                wres.set("InterruptedException");
            }
        });
        awaitTrue(() -> l.hasQueuedThread(w) || !w.isAlive(), "writer queued");
        AtomicReference<String> rres = new AtomicReference<>();
        Thread r = start("reader", () -> {
            l.r().lock();
            rres.set("read " + l.readLockCount());
            l.r().unlock();
        });
        awaitTrue(() -> l.hasQueuedThread(r) || !r.isAlive(), "reader queued");
        sb.append(l.queueLength()).append(' ').append(l.state()).append(" | ");
        // The writer leaves the queue only once: still queued now, it was queued all through the description.
        boolean writerWaitedThroughout = l.hasQueuedThread(w);
        if (!timed) {
            w.interrupt();
        }
        HangGuard.join(w);
        HangGuard.join(r);
        sb.append(wres.get()).append(' ').append(rres.get()).append(" | ");
        l.r().unlock();
        sb.append(l.state());
        if (!writerWaitedThroughout) {
            assertTrue(timed, "an untimed writer cannot leave the queue before it is interrupted");
            return null;
        }
        return sb.toString();
    }

    private static boolean waitWrite(RW l) throws InterruptedException {
        l.w().lockInterruptibly();
        l.w().unlock();
        return true;
    }

    @Test
    void aWriterThatGivesUpLetsTheReadersBehindItIn() throws Exception {
        assertEquals(queueAndGiveUp(RW.jdk(false), true), queueAndGiveUp(RW.ours(false), true));
        assertEquals(queueAndGiveUp(RW.jdk(false), false), queueAndGiveUp(RW.ours(false), false));
    }

    @Test
    void timedTryLockTimesOutAndSucceedsWhenReleased() throws Exception {
        RW l = RW.ours(false);
        l.w().lock();
        AtomicReference<String> res = new AtomicReference<>();
        AtomicBoolean inLongTryLock = new AtomicBoolean();
        Thread t = start("t", () -> {
            try {
                long t0 = System.nanoTime();
                boolean r = l.r().tryLock(30, TimeUnit.MILLISECONDS);
                boolean w = l.w().tryLock(30, TimeUnit.MILLISECONDS);
                // A lower bound only (both timed out, so they waited): a loaded host makes it longer, never shorter.
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                inLongTryLock.set(true);
                boolean later = l.w().tryLock(HangGuard.SECONDS, TimeUnit.SECONDS);
                res.set(r + " " + w + " " + (ms >= 60) + " " + later + " " + l.writeHolds());
                l.w().unlock();
            } catch (InterruptedException e) {
                res.set("interrupted");
            }
        });
        // Released once the thread waits in its long tryLock (a fixed sleep let a slow host start it too late
        // for the two short ones to time out).
        awaitTrue(() -> inLongTryLock.get() && l.hasQueuedThread(t), "the long tryLock to wait");
        l.w().unlock();
        HangGuard.join(t);
        assertEquals("false false true true 1", res.get());
        assertEquals(0, l.queueLength());
    }

    /** A writer awaits with a read hold too; another thread signals it; both holds come back. */
    private static String conditionHandOff(RW l) throws Exception {
        Condition ready = l.w().newCondition();
        boolean[] flag = new boolean[1];
        AtomicReference<String> res = new AtomicReference<>();
        Thread waiter = start("waiter", () -> {
            l.w().lock();
            l.r().lock();
            try {
                while (!flag[0]) {
                    ready.await();
                }
                res.set("woken w=" + l.writeHolds() + " r=" + l.readHolds() + " total=" + l.readLockCount());
            } catch (InterruptedException e) {
                res.set("interrupted");
            } finally {
                l.r().unlock();
                l.w().unlock();
            }
        });
        StringBuilder sb = new StringBuilder();
        awaitTrue(() -> {
            if (!l.w().tryLock()) {
                return false;
            }
            try {
                return l.hasWaiters(ready);
            } finally {
                l.w().unlock();
            }
        }, "the waiter to await");
        l.w().lock();
        sb.append(l.waitQueueLength(ready)).append(' ').append(l.state()).append(" | ");
        flag[0] = true;
        ready.signal();
        sb.append(l.waitQueueLength(ready)).append(' ');
        l.w().unlock();
        HangGuard.join(waiter);
        sb.append(res.get()).append(" | ").append(l.state());
        return sb.toString();
    }

    @Test
    void writeLockConditionsAwaitAndSignalLikeTheJdk() throws Exception {
        assertEquals(conditionHandOff(RW.jdk(false)), conditionHandOff(RW.ours(false)));
    }

    @Test
    void conditionProducerConsumerLosesNoSignal() throws Exception {
        RW l = RW.ours(false);
        Condition notEmpty = l.w().newCondition();
        Condition notFull = l.w().newCondition();
        int[] buf = new int[3];
        int[] count = new int[1];
        int[] put = new int[1];
        int[] take = new int[1];
        long[] sum = new long[1];
        List<Thread> ts = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            final int base = p * 1000;
            ts.add(start("p" + p, () -> {
                for (int i = 1; i <= 200; i++) {
                    l.w().lock();
                    try {
                        while (count[0] == buf.length) {
                            notFull.awaitUninterruptibly();
                        }
                        buf[put[0]] = base + i;
                        put[0] = (put[0] + 1) % buf.length;
                        count[0]++;
                        notEmpty.signal();
                    } finally {
                        l.w().unlock();
                    }
                }
            }));
        }
        for (int c = 0; c < 2; c++) {
            ts.add(start("c" + c, () -> {
                for (int i = 0; i < 300; i++) {
                    l.w().lock();
                    try {
                        while (count[0] == 0) {
                            notEmpty.awaitUninterruptibly();
                        }
                        sum[0] += buf[take[0]];
                        take[0] = (take[0] + 1) % buf.length;
                        count[0]--;
                        notFull.signal();
                    } finally {
                        l.w().unlock();
                    }
                }
            }));
        }
        joinAll(ts);
        assertEquals(3 * 200 * 201 / 2 + 200 * (1000 + 2000), sum[0]);
    }

    @Test
    void otherThreadsUnlockFailsWithTheJdkMessages() throws Exception {
        for (boolean ours : new boolean[] {false, true}) {
            RW l = ours ? RW.ours(false) : RW.jdk(false);
            l.r().lock();
            AtomicReference<String> res = new AtomicReference<>();
            Thread t = start("t", () -> res.set(outcome(() -> { l.r().unlock(); return null; }) + " "
                    + outcome(() -> { l.w().unlock(); return null; })));
            t.join();
            assertEquals("! java.lang.IllegalMonitorStateException: attempt to unlock read lock, not locked by current thread "
                    + "! java.lang.IllegalMonitorStateException: null", res.get());
            l.r().unlock();
            l.w().lock();
            Thread t2 = start("t2", () -> res.set(outcome(() -> { l.w().unlock(); return null; })));
            t2.join();
            assertEquals("! java.lang.IllegalMonitorStateException: null", res.get());
            assertTrue(l.w().toString().endsWith("[Locked by thread main]") || !Thread.currentThread().getName().equals("main"));
            l.w().unlock();
        }
    }
}
