package org.cometsim.guestlib.java.util.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Guest-side {@code java.util.concurrent.ForkJoinPool}: up to {@code parallelism} daemon guest
 * worker threads (started as tasks arrive, named as the JDK's: {@code ForkJoinPool-N-worker-M},
 * {@code ForkJoinPool.commonPool-worker-M}) taking {@link ForkJoinTask}s from one queue on the
 * pool's internal monitor. A worker's own forks go to the front (LIFO, as a JDK worker's deque;
 * FIFO in async mode), external submissions to the back. Joining workers unpush and help (see
 * {@link ForkJoinTask#awaitDone}), so recursive decomposition never waits for a free worker.
 * The common pool is a guest static (one per VM) with the JDK's default parallelism
 * ({@code availableProcessors() - 1}, at least 1); shutting it down has no effect, as in the JDK.
 *
 * <p>Deviations: one queue instead of per-worker deques (which worker runs a task, and the steal
 * count, are not the JDK's; results are); idle workers never time out (they are daemons);
 * {@code ForkJoinWorkerThread}, custom worker factories and {@code ManagedBlocker} are not
 * provided (the constructors taking a factory stop with the VM's unsupported-API error).
 */
public class ForkJoinPool implements ExecutorService {
    /** The pool the current thread works for; null outside workers. A guest thread-local. */
    private static final ThreadLocal<ForkJoinPool> WORKER_POOL = new ThreadLocal<ForkJoinPool>();
    private static final Object STATIC_LOCK = new Object();
    private static int poolIds;
    private static ForkJoinPool common;

    private final Object lock = new Object();
    private final ArrayDeque<ForkJoinTask<?>> queue = new ArrayDeque<ForkJoinTask<?>>();
    private final ArrayList<Thread> workers = new ArrayList<Thread>();
    private final int parallelism;
    private final boolean asyncMode;
    private final boolean isCommon;
    private final String workerNamePrefix;
    private int workerNumber;
    private int idle;
    private int active;
    private long steals;
    private boolean shutdown;

    public ForkJoinPool() {
        this(Math.min(0x7fff, Runtime.getRuntime().availableProcessors()), false, false);
    }

    public ForkJoinPool(int parallelism) {
        this(parallelism, false, false);
    }

    ForkJoinPool(int parallelism, boolean asyncMode, boolean isCommon) {
        if (parallelism <= 0 || parallelism > 0x7fff) {
            throw new IllegalArgumentException();
        }
        this.parallelism = parallelism;
        this.asyncMode = asyncMode;
        this.isCommon = isCommon;
        if (isCommon) {
            workerNamePrefix = "ForkJoinPool.commonPool-worker-";
        } else {
            int id;
            synchronized (STATIC_LOCK) {
                id = ++poolIds;
            }
            workerNamePrefix = "ForkJoinPool-".concat(String.valueOf(id)).concat("-worker-");
        }
    }

    public static ForkJoinPool commonPool() {
        synchronized (STATIC_LOCK) {
            if (common == null) {
                common = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), false, true);
            }
            return common;
        }
    }

    public static int getCommonPoolParallelism() {
        return commonPool().parallelism;
    }

    static ForkJoinPool currentWorkerPool() {
        return WORKER_POOL.get();
    }

    boolean isCommon() {
        return isCommon;
    }

    /** Queues a task: a worker's own fork (front, or back in async mode) or an external submission (back). */
    void push(ForkJoinTask<?> task, boolean fromWorker) {
        synchronized (lock) {
            if (shutdown && !isCommon && !fromWorker) {
                throw new RejectedExecutionException();
            }
            task.queuedIn = this;
            if (fromWorker && !asyncMode) {
                queue.addFirst(task);
            } else {
                queue.addLast(task);
            }
            if (idle > 0) {
                lock.notifyAll();
            } else if (workers.size() < parallelism) {
                startWorker();
            }
        }
    }

    private void startWorker() {
        Thread t = new Thread(new Worker(this), workerNamePrefix.concat(String.valueOf(++workerNumber)));
        t.setDaemon(true);
        workers.add(t);
        t.start();
    }

    /** Removes {@code task} if still queued (so the joiner runs it itself). */
    boolean tryRemove(ForkJoinTask<?> task) {
        synchronized (lock) {
            return queue.removeFirstOccurrence(task);
        }
    }

    /** A queued task for a joining worker to run meanwhile, or null. */
    ForkJoinTask<?> pollForHelp() {
        synchronized (lock) {
            ForkJoinTask<?> t = queue.pollFirst();
            if (t != null) {
                steals++;
            }
            return t;
        }
    }

    void helpQuiesce() {
        for (;;) {
            ForkJoinTask<?> t = pollForHelp();
            if (t == null) {
                return;
            }
            t.doExec();
        }
    }

    private static final class Worker implements Runnable {
        private final ForkJoinPool pool;

        Worker(ForkJoinPool pool) {
            this.pool = pool;
        }

        @Override
        public void run() {
            WORKER_POOL.set(pool);
            pool.runWorker();
        }
    }

    private void runWorker() {
        for (;;) {
            ForkJoinTask<?> t;
            synchronized (lock) {
                while ((t = queue.pollFirst()) == null) {
                    if (shutdown && !isCommon) {
                        workers.remove(Thread.currentThread());
                        lock.notifyAll();
                        return;
                    }
                    idle++;
                    try {
                        lock.wait();
                    } catch (InterruptedException ignored) {
                        // a worker is interrupted only by shutdownNow, which the loop re-checks
                    } finally {
                        idle--;
                    }
                }
                active++;
            }
            try {
                t.doExec();
            } finally {
                synchronized (lock) {
                    active--;
                    lock.notifyAll();
                }
            }
        }
    }

    // ---------------------------------------------------------------- submission

    public <T> T invoke(ForkJoinTask<T> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        push(task, currentWorkerPool() == this);
        return task.join();
    }

    public void execute(ForkJoinTask<?> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        push(task, currentWorkerPool() == this);
    }

    @Override
    public void execute(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        ForkJoinTask<?> job = task instanceof ForkJoinTask<?> ? (ForkJoinTask<?>) task : new ForkJoinTask.AdaptedRunnable<Void>(task, null);
        push(job, currentWorkerPool() == this);
    }

    public <T> ForkJoinTask<T> submit(ForkJoinTask<T> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        push(task, currentWorkerPool() == this);
        return task;
    }

    @Override
    public <T> ForkJoinTask<T> submit(Callable<T> task) {
        ForkJoinTask<T> job = new ForkJoinTask.AdaptedCallable<T>(task);
        push(job, currentWorkerPool() == this);
        return job;
    }

    @Override
    public <T> ForkJoinTask<T> submit(Runnable task, T result) {
        ForkJoinTask<T> job = new ForkJoinTask.AdaptedRunnable<T>(task, result);
        push(job, currentWorkerPool() == this);
        return job;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ForkJoinTask<?> submit(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        ForkJoinTask<?> job = task instanceof ForkJoinTask<?> ? (ForkJoinTask<?>) task : new ForkJoinTask.AdaptedRunnable<Void>(task, null);
        push(job, currentWorkerPool() == this);
        return job;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) {
        ArrayList<Future<T>> futures = new ArrayList<Future<T>>(tasks.size());
        for (Callable<T> c : tasks) {
            ForkJoinTask<T> f = new ForkJoinTask.AdaptedCallable<T>(c);
            futures.add(f);
            push(f, currentWorkerPool() == this);
        }
        for (Future<T> f : futures) {
            ((ForkJoinTask<?>) f).quietlyJoin();
        }
        return futures;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        ArrayList<Future<T>> futures = new ArrayList<Future<T>>(tasks.size());
        for (Callable<T> c : tasks) {
            ForkJoinTask<T> f = new ForkJoinTask.AdaptedCallable<T>(c);
            futures.add(f);
            push(f, currentWorkerPool() == this);
        }
        for (Future<T> f : futures) {
            long left = deadline - System.nanoTime();
            try {
                f.get(Math.max(0L, left), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
                // the future reports it
            } catch (TimeoutException e) {
                for (Future<T> g : futures) {
                    g.cancel(true);
                }
                break;
            }
        }
        return futures;
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return invokeAny(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ExecutionException(e);
        }
    }

    /** The first task (in order) that completes normally, tasks run as submitted; as the JDK, cancels the rest. */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException();
        }
        List<Future<T>> futures = invokeAll(tasks, timeout, unit);
        ExecutionException last = null;
        for (Future<T> f : futures) {
            if (f.isCancelled()) {
                continue;
            }
            try {
                return f.get();
            } catch (ExecutionException e) {
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        throw new TimeoutException();
    }

    // ---------------------------------------------------------------- life cycle and state

    @Override
    public void shutdown() {
        if (isCommon) {
            return;
        }
        synchronized (lock) {
            shutdown = true;
            lock.notifyAll();
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        if (!isCommon) {
            ArrayList<ForkJoinTask<?>> cancelled;
            synchronized (lock) {
                shutdown = true;
                cancelled = new ArrayList<ForkJoinTask<?>>(queue);
                queue.clear();
                lock.notifyAll();
            }
            for (ForkJoinTask<?> t : cancelled) {
                t.cancel(false);
            }
        }
        return Collections.emptyList();
    }

    @Override
    public boolean isShutdown() {
        synchronized (lock) {
            return shutdown;
        }
    }

    @Override
    public boolean isTerminated() {
        synchronized (lock) {
            return shutdown && workers.isEmpty() && queue.isEmpty();
        }
    }

    public boolean isTerminating() {
        synchronized (lock) {
            return shutdown && !(workers.isEmpty() && queue.isEmpty());
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        if (isCommon) {
            awaitQuiescence(timeout, unit);
            return false;
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (!(shutdown && workers.isEmpty() && queue.isEmpty())) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    return false;
                }
                lock.wait(left / 1000000L, (int) (left % 1000000L)); // the guest monitor (TimeUnit.timedWait is host code)
            }
            return true;
        }
    }

    public boolean awaitQuiescence(long timeout, TimeUnit unit) {
        if (currentWorkerPool() == this) {
            helpQuiesce();
            return true;
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (!(queue.isEmpty() && active == 0)) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    return false;
                }
                try {
                    lock.wait(left / 1000000L, (int) (left % 1000000L)); // the guest monitor (TimeUnit.timedWait is host code)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    public boolean isQuiescent() {
        synchronized (lock) {
            return queue.isEmpty() && active == 0;
        }
    }

    public int getParallelism() {
        return parallelism;
    }

    public boolean getAsyncMode() {
        return asyncMode;
    }

    public int getPoolSize() {
        synchronized (lock) {
            return workers.size();
        }
    }

    public int getActiveThreadCount() {
        synchronized (lock) {
            return active;
        }
    }

    public int getRunningThreadCount() {
        return getActiveThreadCount();
    }

    public long getStealCount() {
        synchronized (lock) {
            return steals;
        }
    }

    public long getQueuedTaskCount() {
        synchronized (lock) {
            return queue.size();
        }
    }

    public int getQueuedSubmissionCount() {
        return 0;
    }

    public boolean hasQueuedSubmissions() {
        return false;
    }

    @Override
    public String toString() {
        long steal;
        int size;
        int act;
        long tasks;
        String level;
        synchronized (lock) {
            steal = steals;
            size = workers.size();
            act = active;
            tasks = queue.size();
            level = !shutdown || isCommon ? "Running" : workers.isEmpty() && queue.isEmpty() ? "Terminated" : "Shutting down";
        }
        return super.toString().concat("[").concat(level)
                .concat(", parallelism = ").concat(String.valueOf(parallelism))
                .concat(", size = ").concat(String.valueOf(size))
                .concat(", active = ").concat(String.valueOf(act))
                .concat(", running = ").concat(String.valueOf(act))
                .concat(", steals = ").concat(String.valueOf(steal))
                .concat(", tasks = ").concat(String.valueOf(tasks))
                .concat(", submissions = 0]");
    }
}
