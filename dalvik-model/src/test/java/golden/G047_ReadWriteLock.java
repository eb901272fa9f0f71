package golden;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * ReentrantReadWriteLock on guest threads: readers share, writers exclude, reentrancy, downgrading
 * (and no upgrading), a queued writer holding back new readers and one that gives up letting them
 * in, write-lock conditions (await with a read hold too, signal, a bounded buffer), interrupts, the
 * queries, toString formats and the exceptions. Output is independent of the interleaving: threads
 * meet at latches or the main thread polls the lock's queue queries before it moves on.
 */
public class G047_ReadWriteLock {
    static String show(Object o) {
        return o.toString().replaceAll("@[0-9a-f]+", "@");
    }

    static String state(ReentrantReadWriteLock l) {
        return "readLocks=" + l.getReadLockCount() + " writeLocked=" + l.isWriteLocked() + " mine=" + l.isWriteLockedByCurrentThread()
                + " writeHolds=" + l.getWriteHoldCount() + " readHolds=" + l.getReadHoldCount() + " queued=" + l.hasQueuedThreads()
                + "/" + l.getQueueLength();
    }

    static void waitQueued(ReentrantReadWriteLock l, Thread t) throws InterruptedException {
        while (!l.hasQueuedThread(t)) {
            Thread.sleep(1);
        }
    }

    static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.start();
        return t;
    }

    static final class Buffer {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        final Condition notFull = lock.writeLock().newCondition();
        final Condition notEmpty = lock.writeLock().newCondition();
        final int[] items = new int[3];
        int put;
        int take;
        int count;

        void put(int x) {
            lock.writeLock().lock();
            try {
                while (count == items.length) {
                    notFull.awaitUninterruptibly();
                }
                items[put] = x;
                put = (put + 1) % items.length;
                count++;
                notEmpty.signal();
            } finally {
                lock.writeLock().unlock();
            }
        }

        int take() throws InterruptedException {
            lock.writeLock().lock();
            try {
                while (count == 0) {
                    notEmpty.await();
                }
                int x = items[take];
                take = (take + 1) % items.length;
                count--;
                notFull.signal();
                return x;
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        ReentrantReadWriteLock l = new ReentrantReadWriteLock();
        System.out.println(show(l) + " " + show(l.readLock()) + " " + show(l.writeLock()));
        System.out.println("fair=" + l.isFair() + " " + new ReentrantReadWriteLock(true).isFair() + " " + state(l));

        // Reentrancy and downgrading.
        l.writeLock().lock();
        l.writeLock().lock();
        l.readLock().lock();
        l.readLock().lock();
        System.out.println(state(l) + " held=" + l.writeLock().isHeldByCurrentThread() + " count=" + l.writeLock().getHoldCount());
        System.out.println(show(l) + " " + show(l.readLock()) + " " + show(l.writeLock()));
        String[] other = new String[1];
        Thread t = start("peer", () -> other[0] = "peer: read " + l.readLock().tryLock() + " write " + l.writeLock().tryLock());
        t.join();
        System.out.println(other[0]);
        l.writeLock().unlock();
        l.writeLock().unlock();
        System.out.println("downgraded: " + state(l) + " " + show(l.writeLock()));
        t = start("peer2", () -> {
            boolean r = l.readLock().tryLock();
            other[0] = "peer2: read " + r + " count " + l.getReadLockCount() + " own " + l.getReadHoldCount() + " write "
                    + l.writeLock().tryLock();
            if (r) {
                l.readLock().unlock();
            }
        });
        t.join();
        System.out.println(other[0]);
        System.out.println("upgrade attempt: " + l.writeLock().tryLock() + " " + l.writeLock().tryLock(20, TimeUnit.MILLISECONDS));
        l.readLock().unlock();
        l.readLock().unlock();
        System.out.println("released: " + state(l));

        // Exceptions.
        try {
            l.readLock().unlock();
        } catch (IllegalMonitorStateException e) {
            System.out.println("read unlock: " + e);
        }
        try {
            l.writeLock().unlock();
        } catch (IllegalMonitorStateException e) {
            System.out.println("write unlock: " + e);
        }
        try {
            l.readLock().newCondition();
        } catch (UnsupportedOperationException e) {
            System.out.println("read condition: " + e);
        }
        Condition c = l.writeLock().newCondition();
        try {
            l.hasWaiters(c);
        } catch (IllegalMonitorStateException e) {
            System.out.println("hasWaiters unlocked: " + e);
        }
        l.writeLock().lock();
        try {
            l.getWaitQueueLength(new ReentrantLock().newCondition());
        } catch (IllegalArgumentException e) {
            System.out.println("foreign condition: " + e);
        }
        try {
            c.signal();
            System.out.println("signal nobody, timed await: " + c.await(1, TimeUnit.MILLISECONDS) + " " + state(l));
        } finally {
            l.writeLock().unlock();
        }
        try {
            c.await();
        } catch (IllegalMonitorStateException e) {
            System.out.println("await unlocked: " + e);
        }
        try {
            l.hasQueuedThread(null);
        } catch (NullPointerException e) {
            System.out.println("hasQueuedThread(null): NullPointerException");
        }

        // Readers share: all four hold the read lock at once.
        CountDownLatch inside = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            readers.add(start("reader" + i, () -> {
                l.readLock().lock();
                try {
                    inside.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                } finally {
                    l.readLock().unlock();
                }
            }));
        }
        System.out.println("all readers inside: " + inside.await(1, TimeUnit.DAYS) + " readLocks=" + l.getReadLockCount()
                + " writer tryLock=" + l.writeLock().tryLock() + " " + show(l.readLock()));
        release.countDown();
        for (Thread r : readers) {
            r.join();
        }
        System.out.println("readers gone: " + state(l));

        // Writers exclude readers and writers.
        int[] ab = new int[2];
        int[] violations = new int[1];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(start("writer" + i, () -> {
                for (int k = 0; k < 200; k++) {
                    l.writeLock().lock();
                    l.writeLock().lock();
                    try {
                        ab[0]++;
                        Thread.yield();
                        ab[1]++;
                    } finally {
                        l.writeLock().unlock();
                        l.writeLock().unlock();
                    }
                }
            }));
            workers.add(start("checker" + i, () -> {
                for (int k = 0; k < 200; k++) {
                    l.readLock().lock();
                    try {
                        if (ab[0] != ab[1] || l.isWriteLocked()) {
                            synchronized (violations) {
                                violations[0]++;
                            }
                        }
                    } finally {
                        l.readLock().unlock();
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("exclusion: " + ab[0] + " " + ab[1] + " violations=" + violations[0] + " " + state(l));

        // A queued writer holds back a new reader; they go in queue order.
        List<String> order = new ArrayList<>();
        l.readLock().lock();
        Thread w = start("W", () -> {
            l.writeLock().lock();
            synchronized (order) {
                order.add("W " + show(l.writeLock()));
            }
            l.writeLock().unlock();
        });
        waitQueued(l, w);
        Thread r = start("R", () -> {
            l.readLock().lock();
            synchronized (order) {
                order.add("R readLocks=" + l.getReadLockCount());
            }
            l.readLock().unlock();
        });
        waitQueued(l, r);
        System.out.println("queued: " + state(l) + " W=" + l.hasQueuedThread(w) + " R=" + l.hasQueuedThread(r)
                + " main=" + l.hasQueuedThread(Thread.currentThread()));
        l.readLock().unlock();
        w.join();
        r.join();
        System.out.println("order: " + order + " " + state(l));

        // A writer that gives up (timeout, interrupt) lets the reader behind it in.
        for (int round = 0; round < 2; round++) {
            final boolean timed = round == 0;
            String[] results = new String[2];
            l.readLock().lock();
            Thread gw = start("GW", () -> {
                try {
                    boolean got = timed ? l.writeLock().tryLock(200, TimeUnit.MILLISECONDS) : lockInterruptibly(l);
                    results[0] = "writer got=" + got;
                } catch (InterruptedException e) {
                    results[0] = "writer " + e;
                }
            });
            while (!l.hasQueuedThread(gw) && gw.isAlive()) {
                Thread.sleep(1);
            }
            Thread gr = start("GR", () -> {
                l.readLock().lock();
                results[1] = "reader in, readLocks=" + l.getReadLockCount();
                l.readLock().unlock();
            });
            while (!l.hasQueuedThread(gr) && gr.isAlive()) {
                Thread.sleep(1);
            }
            if (!timed) {
                gw.interrupt();
            }
            gw.join();
            gr.join();
            l.readLock().unlock();
            System.out.println((timed ? "timed out: " : "interrupted: ") + results[0] + ", " + results[1] + " " + state(l));
        }

        // A condition waiter holding the write and a read lock gets both back after the signal.
        Condition ready = l.writeLock().newCondition();
        boolean[] flag = new boolean[1];
        Thread waiter = start("waiter", () -> {
            l.writeLock().lock();
            l.readLock().lock();
            try {
                while (!flag[0]) {
                    ready.awaitUninterruptibly();
                }
                synchronized (order) {
                    order.add("waiter woke: writeHolds=" + l.getWriteHoldCount() + " readHolds=" + l.getReadHoldCount()
                            + " " + show(l.writeLock()));
                }
            } finally {
                l.readLock().unlock();
                l.writeLock().unlock();
            }
        });
        order.clear();
        while (true) {
            l.writeLock().lock();
            if (l.hasWaiters(ready)) {
                break;
            }
            l.writeLock().unlock();
            Thread.sleep(1);
        }
        System.out.println("waiting: " + l.getWaitQueueLength(ready) + " " + state(l));
        flag[0] = true;
        ready.signal();
        System.out.println("signalled: " + l.getWaitQueueLength(ready) + " " + l.hasWaiters(ready));
        l.writeLock().unlock();
        waiter.join();
        System.out.println(order + " " + state(l));

        // A bounded buffer on write-lock conditions: two producers, one consumer.
        Buffer buf = new Buffer();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            final int base = p * 1000;
            producers.add(start("producer" + p, () -> {
                for (int i = 1; i <= 60; i++) {
                    buf.put(base + i);
                }
            }));
        }
        long sum = 0;
        for (int i = 0; i < 120; i++) {
            sum += buf.take();
        }
        for (Thread p : producers) {
            p.join();
        }
        System.out.println("buffer sum: " + sum + " " + show(buf.lock));

        System.out.println(l.readLock().getClass().getName() + " " + l.writeLock().getClass().getName() + " "
                + (l.readLock() instanceof java.util.concurrent.locks.Lock));
    }

    static boolean lockInterruptibly(ReentrantReadWriteLock l) throws InterruptedException {
        l.writeLock().lockInterruptibly();
        l.writeLock().unlock();
        return true;
    }
}
