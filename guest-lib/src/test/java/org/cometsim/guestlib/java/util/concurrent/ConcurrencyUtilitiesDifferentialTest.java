package org.cometsim.guestlib.java.util.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import org.cometsim.guestlib.java.util.concurrent.locks.ReentrantLock;
import org.cometsim.guestlib.HangGuard;
import org.junit.jupiter.api.Test;

/**
 * The guest library's locks, latch, semaphore, future and thread pool against the JDK's, on the
 * host JVM with real threads: the same observable state, toString suffixes and exceptions after
 * the same operations, and mutual exclusion / hand-off under contention.
 */
class ConcurrencyUtilitiesDifferentialTest {

    private static String suffix(Object o) {
        String s = o.toString();
        int at = s.indexOf('@');
        int br = s.indexOf('[', at);
        return br < 0 ? "" : s.substring(br);
    }

    private static String lockState(Lock l) {
        if (l instanceof ReentrantLock) {
            ReentrantLock r = (ReentrantLock) l;
            return r.getHoldCount() + " " + r.isLocked() + " " + r.isHeldByCurrentThread() + " " + r.isFair() + " " + suffix(r);
        }
        java.util.concurrent.locks.ReentrantLock r = (java.util.concurrent.locks.ReentrantLock) l;
        return r.getHoldCount() + " " + r.isLocked() + " " + r.isHeldByCurrentThread() + " " + r.isFair() + " " + suffix(r);
    }

    @Test
    void reentrantLockStateMatchesTheJdk() throws Exception {
        Lock ours = new ReentrantLock(true);
        Lock jdk = new java.util.concurrent.locks.ReentrantLock(true);
        assertEquals(lockState(jdk), lockState(ours));
        for (Lock l : List.of(ours, jdk)) {
            l.lock();
            assertTrue(l.tryLock());
            assertTrue(l.tryLock(1, TimeUnit.MILLISECONDS));
        }
        assertEquals(lockState(jdk), lockState(ours));
        for (int k = 0; k < 3; k++) {
            ours.unlock();
            jdk.unlock();
            assertEquals(lockState(jdk), lockState(ours));
        }
        assertThrows(IllegalMonitorStateException.class, ours::unlock);
        assertThrows(IllegalMonitorStateException.class, jdk::unlock);
        Condition c = ours.newCondition();
        assertThrows(IllegalMonitorStateException.class, c::signal);
        assertThrows(IllegalMonitorStateException.class, c::await);
        ours.lock();
        long start = System.nanoTime();
        assertFalse(c.await(20, TimeUnit.MILLISECONDS));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(20));
        assertTrue(c.awaitNanos(1_000_000) <= 0);
        assertEquals(1, ((ReentrantLock) ours).getHoldCount(), "the hold is back after a timed-out await");
        ours.unlock();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, ours::lockInterruptibly);
        assertFalse(Thread.interrupted());
    }

    @Test
    void lockAndConditionsGiveMutualExclusionAndHandOffUnderContention() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        Condition changed = lock.newCondition();
        int[] counter = new int[1];
        int[] turn = new int[1];
        int threads = 4;
        int rounds = 200;
        List<Thread> all = new ArrayList<>();
        for (int id = 0; id < threads; id++) {
            final int me = id;
            Thread t = new Thread(() -> {
                for (int r = 0; r < rounds; r++) {
                    lock.lock();
                    try {
                        while (turn[0] % threads != me) {
                            changed.awaitUninterruptibly();
                        }
                        counter[0]++;
                        turn[0]++;
                        changed.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            });
            all.add(t);
            t.start();
        }
        for (Thread t : all) {
            HangGuard.join(t); // a lost signal leaves a thread waiting for good
        }
        assertEquals(threads * rounds, counter[0]);
        assertFalse(lock.isLocked());
    }

    /** Wait-queue lengths around a signal: a signalled waiter no longer counts (the JDK moves it to the lock's queue). */
    private static String waitQueueAroundSignal(Lock lock) throws Exception {
        Condition c = lock.newCondition();
        boolean[] go = new boolean[1];
        Thread t = new Thread(() -> {
            lock.lock();
            try {
                while (!go[0]) {
                    c.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
        });
        t.start();
        StringBuilder sb = new StringBuilder();
        while (true) {
            lock.lock();
            if (waiters(lock, c) > 0) {
                break;
            }
            lock.unlock();
            Thread.sleep(1);
        }
        sb.append(waiters(lock, c));
        go[0] = true;
        c.signal();
        sb.append(' ').append(waiters(lock, c));
        lock.unlock();
        HangGuard.join(t);
        lock.lock();
        sb.append(' ').append(waiters(lock, c));
        lock.unlock();
        assertThrows(IllegalMonitorStateException.class, c::await);
        lock.lock();
        sb.append(' ').append(waiters(lock, c)).append(" after a failed await");
        lock.unlock();
        return sb.toString();
    }

    private static int waiters(Lock l, Condition c) {
        return l instanceof ReentrantLock ? ((ReentrantLock) l).getWaitQueueLength(c)
                : ((java.util.concurrent.locks.ReentrantLock) l).getWaitQueueLength(c);
    }

    @Test
    void aSignalledWaiterLeavesTheWaitQueueAsInTheJdk() throws Exception {
        assertEquals(waitQueueAroundSignal(new java.util.concurrent.locks.ReentrantLock()), waitQueueAroundSignal(new ReentrantLock()));
    }

    @Test
    void latchAndSemaphoreMatchTheJdk() throws Exception {
        CountDownLatch ours = new CountDownLatch(2);
        java.util.concurrent.CountDownLatch jdk = new java.util.concurrent.CountDownLatch(2);
        assertEquals(suffix(jdk), suffix(ours));
        assertFalse(ours.await(5, TimeUnit.MILLISECONDS));
        ours.countDown();
        jdk.countDown();
        assertEquals(suffix(jdk), suffix(ours));
        Thread t = new Thread(ours::countDown);
        t.start();
        ours.await();
        ours.countDown();
        assertEquals(0, ours.getCount());
        assertThrows(IllegalArgumentException.class, () -> new CountDownLatch(-1));

        Semaphore s = new Semaphore(3);
        java.util.concurrent.Semaphore js = new java.util.concurrent.Semaphore(3);
        for (int n : new int[] {2, 2, 1, 0}) {
            assertEquals(js.tryAcquire(n), s.tryAcquire(n), "tryAcquire " + n);
            assertEquals(suffix(js), suffix(s));
        }
        s.reducePermits(2);
        assertEquals(-2, s.availablePermits());
        assertEquals(-2, s.drainPermits());
        assertEquals(0, s.availablePermits());
        assertFalse(s.tryAcquire(1, 5, TimeUnit.MILLISECONDS));
        new Thread(() -> s.release(2)).start();
        s.acquire(2);
        assertEquals(0, s.availablePermits());
        assertThrows(IllegalArgumentException.class, () -> s.acquire(-1));
        assertThrows(IllegalArgumentException.class, () -> js.acquire(-1));
    }

    @Test
    void futureTaskStatesMatchTheJdk() throws Exception {
        Callable<String> ok = () -> "v";
        Callable<String> fails = () -> {
            throw new IllegalStateException("no");
        };
        FutureTask<String> a = new FutureTask<>(ok);
        java.util.concurrent.FutureTask<String> ja = new java.util.concurrent.FutureTask<>(ok);
        assertEquals(suffix(ja).replaceAll("@[0-9a-f]+", ""), suffix(a).replaceAll("@[0-9a-f]+", ""));
        assertThrows(TimeoutException.class, () -> a.get(1, TimeUnit.MILLISECONDS));
        a.run();
        ja.run();
        assertEquals(ja.get(), a.get());
        assertEquals(suffix(ja), suffix(a));
        FutureTask<String> b = new FutureTask<>(fails);
        java.util.concurrent.FutureTask<String> jb = new java.util.concurrent.FutureTask<>(fails);
        b.run();
        jb.run();
        assertEquals(suffix(jb), suffix(b));
        ExecutionException e1 = assertThrows(ExecutionException.class, b::get);
        ExecutionException e2 = assertThrows(ExecutionException.class, jb::get);
        assertEquals(e2.getMessage(), e1.getMessage());
        FutureTask<String> c = new FutureTask<>(ok);
        assertTrue(c.cancel(true));
        assertFalse(c.cancel(true));
        assertTrue(c.isCancelled() && c.isDone());
        assertThrows(CancellationException.class, c::get);
        assertEquals("[Cancelled]", suffix(c));
        FutureTask<Integer> d = new FutureTask<>(() -> { }, 7);
        new Thread(d).start();
        assertEquals(7, d.get(HangGuard.SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void threadPoolRunsSubmitsInvokesAndShutsDownLikeTheJdk() throws Exception {
        ExecutorService ours = Executors.newFixedThreadPool(3);
        ExecutorService jdk = java.util.concurrent.Executors.newFixedThreadPool(3);
        for (ExecutorService pool : List.of(ours, jdk)) {
            AtomicInteger sum = new AtomicInteger();
            List<Future<Integer>> fs = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                final int v = i;
                fs.add(pool.submit(() -> {
                    sum.addAndGet(v);
                    return v * v;
                }));
            }
            int squares = 0;
            for (Future<Integer> f : fs) {
                squares += f.get();
            }
            assertEquals(1275, sum.get());
            assertEquals(42925, squares);
            List<Callable<String>> names = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                names.add(() -> Thread.currentThread().getName().replaceAll("pool-\\d+", "pool-N"));
            }
            for (Future<String> f : pool.invokeAll(names)) {
                assertTrue(f.get().matches("pool-N-thread-[123]"), f.get());
            }
            assertEquals("any", pool.invokeAny(List.of(() -> {
                throw new IllegalStateException();
            }, () -> "any")));
            ExecutionException ee = assertThrows(ExecutionException.class, () -> pool.submit(() -> {
                throw new ArithmeticException("div");
            }).get());
            assertEquals("java.lang.ArithmeticException: div", ee.getMessage());
            pool.shutdown();
            assertTrue(pool.awaitTermination(HangGuard.SECONDS, TimeUnit.SECONDS));
            assertTrue(pool.isShutdown() && pool.isTerminated());
            assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        }
        // (Not compared with the JDK's: its pool size right after termination races with exiting workers.)
        assertEquals("[Terminated, pool size = 0, active threads = 0, queued tasks = 0, completed tasks = 58]", suffix(ours));
    }

    @Test
    void saturatedPoolRejectsOrRunsInTheCallerAndShutdownNowReturnsQueuedTasks() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Runnable blocker = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ThreadPoolExecutor tpe = new ThreadPoolExecutor(1, 2, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                new ThreadPoolExecutor.CallerRunsPolicy());
        tpe.execute(blocker);
        tpe.execute(blocker);
        tpe.execute(blocker); // second thread (queue full, core busy)
        assertEquals(2, tpe.getPoolSize());
        String[] ranIn = new String[1];
        tpe.execute(() -> ranIn[0] = Thread.currentThread().getName());
        assertEquals(Thread.currentThread().getName(), ranIn[0], "CallerRunsPolicy runs the task in the caller");
        release.countDown();
        tpe.shutdown();
        assertTrue(tpe.awaitTermination(HangGuard.SECONDS, TimeUnit.SECONDS));
        assertEquals(3, tpe.getCompletedTaskCount());
        assertEquals(2, tpe.getLargestPoolSize());

        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        one.execute(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // shutdownNow interrupts the running task
            }
        });
        started.await();
        one.execute(() -> { });
        one.execute(() -> { });
        assertEquals(2, one.shutdownNow().size());
        assertTrue(one.awaitTermination(HangGuard.SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void synchronousQueueHandsOffAndCachedPoolsGrowAndShrink() throws Exception {
        SynchronousQueue<Integer> ours = new SynchronousQueue<>();
        java.util.concurrent.SynchronousQueue<Integer> jdk = new java.util.concurrent.SynchronousQueue<>();
        assertEquals(jdk.offer(1), ours.offer(1));
        assertEquals(jdk.poll(), ours.poll());
        assertEquals(jdk.poll(2, TimeUnit.MILLISECONDS), ours.poll(2, TimeUnit.MILLISECONDS));
        assertEquals(jdk.offer(3, 2, TimeUnit.MILLISECONDS), ours.offer(3, 2, TimeUnit.MILLISECONDS));
        assertEquals(jdk.toString() + jdk.size() + jdk.remainingCapacity() + jdk.isEmpty(),
                ours.toString() + ours.size() + ours.remainingCapacity() + ours.isEmpty());
        long[] sum = new long[1];
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < 500; i++) {
                    sum[0] += ours.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        for (int i = 1; i <= 500; i++) {
            ours.put(i);
        }
        HangGuard.join(consumer);
        assertEquals(125250, sum[0]);
        Thread waiting = new Thread(() -> {
            try {
                ours.take();
            } catch (InterruptedException e) {
                sum[0] = -1;
            }
        });
        waiting.start();
        HangGuard.until(() -> waiting.getState() == Thread.State.WAITING, "the taker to block");
        waiting.interrupt();
        HangGuard.join(waiting);
        assertEquals(-1, sum[0]);

        ThreadPoolExecutor cached = (ThreadPoolExecutor) Executors.newCachedThreadPool();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fs.add(cached.submit(() -> {
                release.await();
                return null;
            }));
        }
        assertEquals(4, cached.getPoolSize(), "a cached pool starts a thread per task while all are busy");
        release.countDown();
        for (Future<?> f : fs) {
            f.get();
        }
        assertEquals("x", cached.submit(() -> "x").get());
        assertTrue(cached.getLargestPoolSize() >= 4);
        cached.setKeepAliveTime(1, TimeUnit.MILLISECONDS);
        HangGuard.until(() -> cached.getPoolSize() == 0, "idle threads above the core (0) to leave after the keep-alive");
        cached.shutdown();
        assertTrue(cached.awaitTermination(HangGuard.SECONDS, TimeUnit.SECONDS));
    }
}
