package org.cometsim.guestlib.java.util.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Guest-side {@code java.util.concurrent.Executors}: the thread-pool factories whose pools are
 * guest code ({@link ThreadPoolExecutor} over a guest {@link LinkedBlockingQueue} or
 * {@link SynchronousQueue}; {@link ScheduledThreadPoolExecutor} over a guest {@link DelayQueue};
 * work-stealing pools are a guest {@link ForkJoinPool} in async mode), so the
 * workers are guest threads the VM schedules and COMET can migrate. Deviation: {@code newSingleThreadExecutor} returns the
 * {@code ThreadPoolExecutor} itself, not the JDK's non-reconfigurable wrapper.
 */
public class Executors {
    private Executors() {
    }

    /** Pool numbers of default thread factories ("pool-N-thread-M"); a guest static, so per VM. */
    private static int poolNumber = 1;

    private static synchronized int nextPoolNumber() {
        return poolNumber++;
    }

    public static ExecutorService newFixedThreadPool(int nThreads) {
        return new ThreadPoolExecutor(nThreads, nThreads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<Runnable>());
    }

    public static ExecutorService newFixedThreadPool(int nThreads, ThreadFactory threadFactory) {
        return new ThreadPoolExecutor(nThreads, nThreads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<Runnable>(),
                threadFactory);
    }

    public static ExecutorService newSingleThreadExecutor() {
        return newFixedThreadPool(1);
    }

    public static ExecutorService newSingleThreadExecutor(ThreadFactory threadFactory) {
        return newFixedThreadPool(1, threadFactory);
    }

    public static java.util.concurrent.ScheduledExecutorService newScheduledThreadPool(int corePoolSize) {
        return new ScheduledThreadPoolExecutor(corePoolSize);
    }

    public static java.util.concurrent.ScheduledExecutorService newScheduledThreadPool(int corePoolSize, ThreadFactory threadFactory) {
        return new ScheduledThreadPoolExecutor(corePoolSize, threadFactory);
    }

    /** Deviation: the executor itself, not the JDK's non-reconfigurable wrapper (as newSingleThreadExecutor). */
    public static java.util.concurrent.ScheduledExecutorService newSingleThreadScheduledExecutor() {
        return new ScheduledThreadPoolExecutor(1);
    }

    public static java.util.concurrent.ScheduledExecutorService newSingleThreadScheduledExecutor(ThreadFactory threadFactory) {
        return new ScheduledThreadPoolExecutor(1, threadFactory);
    }

    /** As the JDK's: a FIFO (async-mode) {@link ForkJoinPool} of the given parallelism. */
    public static ExecutorService newWorkStealingPool(int parallelism) {
        return new ForkJoinPool(parallelism, true, false);
    }

    public static ExecutorService newWorkStealingPool() {
        return new ForkJoinPool(Runtime.getRuntime().availableProcessors(), true, false);
    }

    public static ExecutorService newCachedThreadPool() {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60L, TimeUnit.SECONDS, new SynchronousQueue<Runnable>());
    }

    public static ExecutorService newCachedThreadPool(ThreadFactory threadFactory) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60L, TimeUnit.SECONDS, new SynchronousQueue<Runnable>(),
                threadFactory);
    }

    public static <T> Callable<T> callable(Runnable task, T result) {
        if (task == null) {
            throw new NullPointerException();
        }
        return new RunnableAdapter<T>(task, result);
    }

    public static Callable<Object> callable(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        return new RunnableAdapter<Object>(task, null);
    }

    public static ThreadFactory defaultThreadFactory() {
        return new DefaultThreadFactory();
    }

    static final class RunnableAdapter<T> implements Callable<T> {
        private final Runnable task;
        private final T result;

        RunnableAdapter(Runnable task, T result) {
            this.task = task;
            this.result = result;
        }

        @Override
        public T call() {
            task.run();
            return result;
        }

        @Override
        public String toString() {
            return super.toString().concat("[Wrapped task = ").concat(String.valueOf(task)).concat("]");
        }
    }

    /** As the JDK's: non-daemon threads of normal priority named pool-N-thread-M. */
    static final class DefaultThreadFactory implements ThreadFactory {
        private final String namePrefix;
        private int threadNumber = 1;

        DefaultThreadFactory() {
            namePrefix = "pool-".concat(String.valueOf(nextPoolNumber())).concat("-thread-");
        }

        @Override
        public Thread newThread(Runnable r) {
            int n;
            synchronized (this) {
                n = threadNumber++;
            }
            Thread t = new Thread(r, namePrefix.concat(String.valueOf(n)));
            if (t.isDaemon()) {
                t.setDaemon(false);
            }
            if (t.getPriority() != Thread.NORM_PRIORITY) {
                t.setPriority(Thread.NORM_PRIORITY);
            }
            return t;
        }
    }
}
