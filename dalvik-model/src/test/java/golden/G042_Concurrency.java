package golden;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * java.util.concurrent on guest threads: a fixed thread pool with futures, invokeAll, a failing
 * task, shutdown and rejection; a bounded buffer on ReentrantLock and two Conditions; a latch; a
 * semaphore bounding concurrency; blocking-queue producer/consumer. Output is independent of the
 * interleaving (the VM's and the JVM's schedules differ).
 */
public class G042_Concurrency {
    static final class BoundedBuffer {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        private final int[] items = new int[4];
        private int putIndex;
        private int takeIndex;
        private int count;

        void put(int x) throws InterruptedException {
            lock.lock();
            try {
                while (count == items.length) {
                    notFull.await();
                }
                items[putIndex] = x;
                putIndex = (putIndex + 1) % items.length;
                count++;
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }

        int take() throws InterruptedException {
            lock.lock();
            try {
                while (count == 0) {
                    notEmpty.await();
                }
                int x = items[takeIndex];
                takeIndex = (takeIndex + 1) % items.length;
                count--;
                notFull.signal();
                return x;
            } finally {
                lock.unlock();
            }
        }
    }

    static long collatzSteps(long n) {
        long steps = 0;
        while (n != 1) {
            n = (n & 1) == 0 ? n / 2 : 3 * n + 1;
            steps++;
        }
        return steps;
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Long>> parts = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            final int from = 1 + p * 500;
            parts.add(pool.submit(() -> {
                long s = 0;
                for (int n = from; n < from + 500; n++) {
                    s += collatzSteps(n);
                }
                return s;
            }));
        }
        long total = 0;
        for (Future<Long> f : parts) {
            total += f.get();
        }
        System.out.println("collatz steps 1..3000: " + total + " done=" + parts.get(5).isDone());

        List<Callable<String>> named = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            final int id = k;
            named.add(() -> "task" + id + (Thread.currentThread().getName().startsWith("pool-") ? "@pool" : "@other"));
        }
        StringBuilder all = new StringBuilder();
        for (Future<String> f : pool.invokeAll(named)) {
            all.append(f.get()).append(' ');
        }
        System.out.println("invokeAll: " + all.toString().trim());
        Future<Object> bad = pool.submit(() -> {
            throw new IllegalStateException("boom");
        });
        try {
            bad.get();
        } catch (ExecutionException e) {
            System.out.println("failed task: " + e.getCause() + " | " + e.getMessage());
        }
        Future<?> ran = pool.submit(() -> { });
        System.out.println("runnable future: " + ran.get() + " " + ran.isDone() + " " + ran.isCancelled());
        pool.shutdown();
        // Timeouts here are hang guards (a day): the JVM must not print false because a loaded machine was slow.
        System.out.println("terminated in time: " + pool.awaitTermination(1, TimeUnit.DAYS) + " " + pool.isShutdown() + " " + pool.isTerminated());
        try {
            pool.execute(() -> { });
        } catch (RejectedExecutionException e) {
            System.out.println("after shutdown: " + e.getClass().getSimpleName());
        }
        System.out.println("pool: " + pool.toString().replaceAll(".*@[0-9a-f]+", ""));

        // Bounded buffer on ReentrantLock + Conditions: two producers, one consumer.
        BoundedBuffer buf = new BoundedBuffer();
        Thread[] producers = new Thread[2];
        for (int p = 0; p < 2; p++) {
            final int base = p * 1000;
            producers[p] = new Thread(() -> {
                try {
                    for (int i = 1; i <= 50; i++) {
                        buf.put(base + i);
                    }
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            producers[p].start();
        }
        long sum = 0;
        for (int i = 0; i < 100; i++) {
            sum += buf.take();
        }
        for (Thread t : producers) {
            t.join();
        }
        System.out.println("bounded buffer sum: " + sum);

        // A latch released by workers; a semaphore that never lets more than two in at once. Each worker
        // stays inside until a second one is in too (or all have come), so the maximum is 2 whatever the
        // scheduling (a short sleep left it to chance on a loaded machine, where it could be 1).
        CountDownLatch latch = new CountDownLatch(5);
        Semaphore gate = new Semaphore(2);
        int[] inside = new int[1];
        int[] entered = new int[1];
        int[] maxInside = new int[1];
        Object counter = new Object();
        for (int w = 0; w < 5; w++) {
            new Thread(() -> {
                try {
                    gate.acquire();
                    try {
                        synchronized (counter) {
                            inside[0]++;
                            entered[0]++;
                            maxInside[0] = Math.max(maxInside[0], inside[0]);
                            counter.notifyAll();
                            while (inside[0] < 2 && entered[0] < 5) {
                                counter.wait();
                            }
                        }
                        synchronized (counter) {
                            inside[0]--;
                        }
                    } finally {
                        gate.release();
                    }
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
                latch.countDown();
            }).start();
        }
        System.out.println("latch opened: " + latch.await(1, TimeUnit.DAYS) + " count=" + latch.getCount()
                + " max inside=" + maxInside[0] + " permits=" + gate.availablePermits());

        // Blocking queues: a producer with a poison pill, timed polls on an empty queue.
        BlockingQueue<Integer> q = new LinkedBlockingQueue<>(8);
        Thread producer = new Thread(() -> {
            try {
                for (int i = 1; i <= 200; i++) {
                    q.put(i);
                }
                q.put(-1);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        producer.start();
        long qsum = 0;
        for (int x; (x = q.take()) != -1; ) {
            qsum += x;
        }
        producer.join();
        ArrayBlockingQueue<String> abq = new ArrayBlockingQueue<>(2);
        System.out.println("queue sum: " + qsum + " poll empty: " + q.poll(5, TimeUnit.MILLISECONDS)
                + " offer full: " + abq.offer("a") + abq.offer("b") + abq.offer("c", 5, TimeUnit.MILLISECONDS) + " " + abq);

        ExecutorService cached = Executors.newCachedThreadPool();
        CountDownLatch allIn = new CountDownLatch(3);
        List<Future<Integer>> waiters = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            final int v = k;
            waiters.add(cached.submit(() -> {
                allIn.countDown();
                allIn.await(); // only completes if the pool gave every task its own thread
                return v * 10;
            }));
        }
        int got = 0;
        for (Future<Integer> f : waiters) {
            got += f.get(1, TimeUnit.DAYS);
        }
        cached.shutdown();
        System.out.println("cached pool: " + got + " " + cached.awaitTermination(1, TimeUnit.DAYS)
                + " largest=" + ((ThreadPoolExecutor) cached).getLargestPoolSize());

        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        lock.lock();
        System.out.println("holds=" + lock.getHoldCount() + " locked=" + lock.isLocked() + " mine=" + lock.isHeldByCurrentThread()
                + " tryLock=" + lock.tryLock());
        lock.unlock();
        lock.unlock();
        lock.unlock();
        System.out.println("after unlock: " + lock.isLocked() + " " + lock.toString().endsWith("[Unlocked]"));
        try {
            lock.unlock();
        } catch (IllegalMonitorStateException e) {
            System.out.println("unlock not held: " + e.getClass().getSimpleName());
        }
        ThreadPoolExecutor tpe = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        CountDownLatch hold = new CountDownLatch(1);
        tpe.execute(() -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        tpe.execute(() -> { });
        try {
            tpe.execute(() -> { });
        } catch (RejectedExecutionException e) {
            System.out.println("saturated: rejected, queued=" + tpe.getQueue().size() + " pool=" + tpe.getPoolSize());
        }
        hold.countDown();
        tpe.shutdown();
        tpe.awaitTermination(1, TimeUnit.DAYS);
        System.out.println("completed=" + tpe.getCompletedTaskCount() + " largest=" + tpe.getLargestPoolSize());
    }
}
