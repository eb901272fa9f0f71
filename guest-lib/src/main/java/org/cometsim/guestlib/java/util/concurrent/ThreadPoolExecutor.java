package org.cometsim.guestlib.java.util.concurrent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Guest-side {@code java.util.concurrent.ThreadPoolExecutor}: the JDK's policy (core threads
 * first, then the queue, then threads up to the maximum, then the rejection handler; idle
 * threads above the core, or all with {@code allowCoreThreadTimeOut}, leave after the keep-alive;
 * a worker whose task throws dies and is replaced) with the pool's state in guest fields guarded
 * by the executor's monitor, and workers that are guest threads blocking in the work queue.
 * The work queue must be a guest-library queue (the JDK's blocking queues would block the VM's
 * host thread and are refused). Deviations: {@code getQueue()} is the queue itself; the
 * {@code AbstractExecutorService} methods are implemented here (same results).
 */
public class ThreadPoolExecutor implements ExecutorService {
    private static final int RUNNING = 0;
    private static final int SHUTDOWN = 1;
    private static final int STOP = 2;
    private static final int TIDYING = 3;
    private static final int TERMINATED = 4;

    private final BlockingQueue<Runnable> workQueue;
    private final ArrayList<Worker> workers = new ArrayList<Worker>();
    private int runState = RUNNING;
    private int largestPoolSize;
    private long completedTaskCount;
    private ThreadFactory threadFactory;
    private RejectedExecutionHandler handler;
    private long keepAliveTime;
    private boolean allowCoreThreadTimeOut;
    private int corePoolSize;
    private int maximumPoolSize;

    private static final RejectedExecutionHandler DEFAULT_HANDLER = new AbortPolicy();

    public ThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
                              BlockingQueue<Runnable> workQueue) {
        this(corePoolSize, maximumPoolSize, keepAliveTime, unit, workQueue, Executors.defaultThreadFactory(), DEFAULT_HANDLER);
    }

    public ThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
                              BlockingQueue<Runnable> workQueue, ThreadFactory threadFactory) {
        this(corePoolSize, maximumPoolSize, keepAliveTime, unit, workQueue, threadFactory, DEFAULT_HANDLER);
    }

    public ThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
                              BlockingQueue<Runnable> workQueue, RejectedExecutionHandler handler) {
        this(corePoolSize, maximumPoolSize, keepAliveTime, unit, workQueue, Executors.defaultThreadFactory(), handler);
    }

    public ThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
                              BlockingQueue<Runnable> workQueue, ThreadFactory threadFactory,
                              RejectedExecutionHandler handler) {
        if (corePoolSize < 0 || maximumPoolSize <= 0 || maximumPoolSize < corePoolSize || keepAliveTime < 0) {
            throw new IllegalArgumentException();
        }
        if (workQueue == null || threadFactory == null || handler == null) {
            throw new NullPointerException();
        }
        this.corePoolSize = corePoolSize;
        this.maximumPoolSize = maximumPoolSize;
        this.workQueue = workQueue;
        this.keepAliveTime = unit.toNanos(keepAliveTime);
        this.threadFactory = threadFactory;
        this.handler = handler;
    }

    /** A pool thread's Runnable: its first task, then tasks from the queue. */
    private final class Worker implements Runnable {
        Runnable firstTask;
        Thread thread;
        boolean busy;
        long completed;

        Worker(Runnable firstTask) {
            this.firstTask = firstTask;
        }

        @Override
        public void run() {
            runWorker(this);
        }
    }

    @Override
    public void execute(Runnable command) {
        if (command == null) {
            throw new NullPointerException();
        }
        synchronized (this) {
            if (workers.size() < corePoolSize && addWorker(command, true)) {
                return;
            }
        }
        if (isRunning() && workQueue.offer(command)) {
            synchronized (this) {
                if (!isRunning() && workQueue.remove(command)) {
                    reject(command);
                } else if (workers.isEmpty()) {
                    addWorker(null, false);
                }
            }
            return;
        }
        boolean added;
        synchronized (this) {
            added = addWorker(command, false);
        }
        if (!added) {
            reject(command);
        }
    }

    private synchronized boolean isRunning() {
        return runState == RUNNING;
    }

    /** Starts a worker if the state and the bound allow; caller holds the monitor. */
    private boolean addWorker(Runnable first, boolean core) {
        if (runState >= STOP || (runState == SHUTDOWN && (first != null || workQueue.isEmpty()))) {
            return false;
        }
        if (workers.size() >= (core ? corePoolSize : maximumPoolSize)) {
            return false;
        }
        Worker w = new Worker(first);
        Thread t = threadFactory.newThread(w);
        if (t == null) {
            return false;
        }
        w.thread = t;
        workers.add(w);
        if (workers.size() > largestPoolSize) {
            largestPoolSize = workers.size();
        }
        t.start();
        return true;
    }

    final void reject(Runnable command) {
        if (handler instanceof Policy) {
            ((Policy) handler).rejectedBy(command, this);
        } else {
            handler.rejectedExecution(command, toJdk());
        }
    }

    /**
     * This pool as the type the JDK's handler interface names. The guest library's class is
     * java.util.concurrent.ThreadPoolExecutor once renamed, so the cast holds in the VM; on the
     * host (the differential tests) a handler of the application sees null.
     */
    private java.util.concurrent.ThreadPoolExecutor toJdk() {
        Object self = this;
        return self instanceof java.util.concurrent.ThreadPoolExecutor ? (java.util.concurrent.ThreadPoolExecutor) self : null;
    }

    /** The pool as this class, from the JDK-typed argument of a handler (identical in the VM). */
    static ThreadPoolExecutor fromJdk(java.util.concurrent.ThreadPoolExecutor e) {
        Object o = e;
        return (ThreadPoolExecutor) o;
    }

    /** The four standard policies, called with this class (so they also run on the host). */
    interface Policy {
        void rejectedBy(Runnable r, ThreadPoolExecutor e);
    }

    private void runWorker(Worker w) {
        Thread wt = Thread.currentThread();
        Runnable task;
        synchronized (this) {
            task = w.firstTask;
            w.firstTask = null;
        }
        boolean abrupt = true;
        try {
            while (task != null || (task = getTask()) != null) {
                synchronized (this) {
                    w.busy = true;
                    // A pool that is stopping interrupts its workers; one that is not must not leave
                    // a stale interrupt on the thread (as the JDK's runWorker).
                    if (runState >= STOP) {
                        if (!wt.isInterrupted()) {
                            wt.interrupt();
                        }
                    } else if (Thread.interrupted() && runState >= STOP) {
                        wt.interrupt();
                    }
                }
                try {
                    beforeExecute(wt, task);
                    try {
                        task.run();
                        afterExecute(task, null);
                    } catch (RuntimeException ex) {
                        afterExecute(task, ex);
                        throw ex;
                    } catch (Error ex) {
                        afterExecute(task, ex);
                        throw ex;
                    }
                } finally {
                    task = null;
                    synchronized (this) {
                        w.completed++;
                        w.busy = false;
                    }
                }
            }
            abrupt = false;
        } finally {
            processWorkerExit(w, abrupt);
        }
    }

    private Runnable getTask() {
        boolean timedOut = false;
        while (true) {
            boolean timed;
            synchronized (this) {
                if (runState >= STOP || (runState == SHUTDOWN && workQueue.isEmpty())) {
                    return null;
                }
                int wc = workers.size();
                timed = allowCoreThreadTimeOut || wc > corePoolSize;
                if ((wc > maximumPoolSize || (timed && timedOut)) && (wc > 1 || workQueue.isEmpty())) {
                    return null;
                }
            }
            try {
                Runnable r = timed ? workQueue.poll(keepAliveTime, TimeUnit.NANOSECONDS) : workQueue.take();
                if (r != null) {
                    return r;
                }
                timedOut = true;
            } catch (InterruptedException retry) {
                timedOut = false;
            }
        }
    }

    private void processWorkerExit(Worker w, boolean abrupt) {
        synchronized (this) {
            completedTaskCount += w.completed;
            workers.remove(w);
        }
        tryTerminate();
        synchronized (this) {
            if (runState < STOP) {
                if (!abrupt) {
                    int min = allowCoreThreadTimeOut ? 0 : corePoolSize;
                    if (min == 0 && !workQueue.isEmpty()) {
                        min = 1;
                    }
                    if (workers.size() >= min) {
                        return;
                    }
                }
                addWorker(null, false);
            }
        }
    }

    private void tryTerminate() {
        synchronized (this) {
            if (runState == RUNNING || runState >= TIDYING || (runState == SHUTDOWN && !workQueue.isEmpty())) {
                return;
            }
            if (!workers.isEmpty()) {
                interruptIdleWorkers(true);
                return;
            }
            runState = TIDYING;
        }
        try {
            terminated();
        } finally {
            synchronized (this) {
                runState = TERMINATED;
                notifyAll();
            }
        }
    }

    private void interruptIdleWorkers(boolean onlyOne) {
        for (Worker w : workers) {
            Thread t = w.thread;
            if (!w.busy && !t.isInterrupted()) {
                t.interrupt();
            }
            if (onlyOne) {
                break;
            }
        }
    }

    @Override
    public void shutdown() {
        synchronized (this) {
            if (runState < SHUTDOWN) {
                runState = SHUTDOWN;
            }
            interruptIdleWorkers(false);
        }
        onShutdown();
        tryTerminate();
    }

    void onShutdown() {
    }

    /** Whether shutdownNow has run (ScheduledThreadPoolExecutor's run-state checks). */
    synchronized boolean isStopped() {
        return runState >= STOP;
    }

    /** Starts a core worker, or one worker if the pool has none (ScheduledThreadPoolExecutor queues tasks itself). */
    synchronized void ensurePrestart() {
        int wc = workers.size();
        if (wc < corePoolSize) {
            addWorker(null, true);
        } else if (wc == 0) {
            addWorker(null, false);
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> tasks;
        synchronized (this) {
            if (runState < STOP) {
                runState = STOP;
            }
            for (Worker w : workers) {
                if (!w.thread.isInterrupted()) {
                    w.thread.interrupt();
                }
            }
            tasks = new ArrayList<Runnable>();
            workQueue.drainTo(tasks);
        }
        tryTerminate();
        return tasks;
    }

    @Override
    public synchronized boolean isShutdown() {
        return runState != RUNNING;
    }

    public synchronized boolean isTerminating() {
        return runState != RUNNING && runState < TERMINATED;
    }

    @Override
    public synchronized boolean isTerminated() {
        return runState == TERMINATED;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        synchronized (this) {
            long deadline = System.nanoTime() + nanos;
            while (runState < TERMINATED) {
                if (nanos <= 0L) {
                    return false;
                }
                wait(nanos / 1000000L, (int) (nanos % 1000000L));
                nanos = deadline - System.nanoTime();
            }
            return true;
        }
    }

    // ---------------------------------------------------------------- AbstractExecutorService

    protected <T> FutureTask<T> newTaskFor(Runnable runnable, T value) {
        return new FutureTask<T>(runnable, value);
    }

    protected <T> FutureTask<T> newTaskFor(Callable<T> callable) {
        return new FutureTask<T>(callable);
    }

    @Override
    public Future<?> submit(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        FutureTask<Object> f = newTaskFor(task, null);
        execute(f);
        return f;
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        if (task == null) {
            throw new NullPointerException();
        }
        FutureTask<T> f = newTaskFor(task, result);
        execute(f);
        return f;
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        FutureTask<T> f = newTaskFor(task);
        execute(f);
        return f;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        if (tasks == null) {
            throw new NullPointerException();
        }
        ArrayList<Future<T>> futures = new ArrayList<Future<T>>(tasks.size());
        try {
            for (Callable<T> t : tasks) {
                FutureTask<T> f = newTaskFor(t);
                futures.add(f);
                execute(f);
            }
            for (int i = 0, size = futures.size(); i < size; i++) {
                Future<T> f = futures.get(i);
                if (!f.isDone()) {
                    try {
                        f.get();
                    } catch (CancellationException ignore) {
                        // reported by the future itself
                    } catch (ExecutionException ignore) {
                        // reported by the future itself
                    }
                }
            }
            return futures;
        } catch (Throwable t) {
            cancelAll(futures, 0);
            throw t;
        }
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        if (tasks == null) {
            throw new NullPointerException();
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        ArrayList<Future<T>> futures = new ArrayList<Future<T>>(tasks.size());
        int j = 0;
        timedOut:
        try {
            for (Callable<T> t : tasks) {
                futures.add(newTaskFor(t));
            }
            int size = futures.size();
            for (int i = 0; i < size; i++) {
                if (deadline - System.nanoTime() <= 0L) {
                    break timedOut;
                }
                execute((Runnable) futures.get(i));
            }
            for (; j < size; j++) {
                Future<T> f = futures.get(j);
                if (!f.isDone()) {
                    try {
                        f.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    } catch (CancellationException ignore) {
                        // reported by the future
                    } catch (ExecutionException ignore) {
                        // reported by the future
                    } catch (TimeoutException timedOutEx) {
                        break timedOut;
                    }
                }
            }
            return futures;
        } catch (Throwable t) {
            cancelAll(futures, 0);
            throw t;
        }
        cancelAll(futures, j);
        return futures;
    }

    private static <T> void cancelAll(ArrayList<Future<T>> futures, int from) {
        for (int size = futures.size(); from < size; from++) {
            futures.get(from).cancel(true);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return doInvokeAny(tasks, false, 0L);
        } catch (TimeoutException cannotHappen) {
            return null;
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return doInvokeAny(tasks, true, unit.toNanos(timeout));
    }

    /** Runs the tasks, returns the first successful result, cancels the rest (as the JDK's). */
    private <T> T doInvokeAny(Collection<? extends Callable<T>> tasks, boolean timed, long nanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks == null) {
            throw new NullPointerException();
        }
        int n = tasks.size();
        if (n == 0) {
            throw new IllegalArgumentException();
        }
        Object done = new Object();
        ArrayList<Future<T>> futures = new ArrayList<Future<T>>(n);
        try {
            for (Callable<T> t : tasks) {
                if (t == null) {
                    throw new NullPointerException();
                }
                NotifyingTask<T> f = new NotifyingTask<T>(t, done);
                futures.add(f);
                execute(f);
            }
            long deadline = timed ? System.nanoTime() + nanos : 0L;
            ExecutionException ee = null;
            while (true) {
                int finished = 0;
                int failed = 0;
                for (Future<T> f : futures) {
                    if (f.isDone()) {
                        finished++;
                        try {
                            return f.get();
                        } catch (ExecutionException eex) {
                            ee = eex;
                            failed++;
                        } catch (CancellationException cex) {
                            failed++;
                        }
                    }
                }
                if (failed == n) {
                    throw ee != null ? ee : new ExecutionException(null);
                }
                synchronized (done) {
                    // Sleep until a task finishes that the scan above did not see.
                    while (countDone(futures) <= finished) {
                        if (timed) {
                            long left = deadline - System.nanoTime();
                            if (left <= 0L) {
                                throw new TimeoutException();
                            }
                            done.wait(left / 1000000L, (int) (left % 1000000L));
                        } else {
                            done.wait();
                        }
                    }
                }
            }
        } finally {
            cancelAll(futures, 0);
        }
    }

    private static <T> int countDone(ArrayList<Future<T>> futures) {
        int k = 0;
        for (Future<T> f : futures) {
            if (f.isDone()) {
                k++;
            }
        }
        return k;
    }

    private static final class NotifyingTask<T> extends FutureTask<T> {
        private final Object done;

        NotifyingTask(Callable<T> c, Object done) {
            super(c);
            this.done = done;
        }

        @Override
        protected void done() {
            synchronized (done) {
                done.notifyAll();
            }
        }
    }

    // ---------------------------------------------------------------- hooks and queries

    protected void beforeExecute(Thread t, Runnable r) {
    }

    protected void afterExecute(Runnable r, Throwable t) {
    }

    protected void terminated() {
    }

    public synchronized void setThreadFactory(ThreadFactory threadFactory) {
        if (threadFactory == null) {
            throw new NullPointerException();
        }
        this.threadFactory = threadFactory;
    }

    public synchronized ThreadFactory getThreadFactory() {
        return threadFactory;
    }

    public synchronized void setRejectedExecutionHandler(RejectedExecutionHandler handler) {
        if (handler == null) {
            throw new NullPointerException();
        }
        this.handler = handler;
    }

    public synchronized RejectedExecutionHandler getRejectedExecutionHandler() {
        return handler;
    }

    public void setCorePoolSize(int corePoolSize) {
        synchronized (this) {
            if (corePoolSize < 0 || maximumPoolSize < corePoolSize) {
                throw new IllegalArgumentException();
            }
            this.corePoolSize = corePoolSize;
            if (workers.size() > corePoolSize) {
                interruptIdleWorkers(false);
            } else {
                while (workers.size() < corePoolSize && !workQueue.isEmpty()) {
                    if (!addWorker(null, true)) {
                        break;
                    }
                }
            }
        }
    }

    public synchronized int getCorePoolSize() {
        return corePoolSize;
    }

    public boolean prestartCoreThread() {
        synchronized (this) {
            return workers.size() < corePoolSize && addWorker(null, true);
        }
    }

    public int prestartAllCoreThreads() {
        int n = 0;
        while (prestartCoreThread()) {
            ++n;
        }
        return n;
    }

    public synchronized boolean allowsCoreThreadTimeOut() {
        return allowCoreThreadTimeOut;
    }

    public void allowCoreThreadTimeOut(boolean value) {
        synchronized (this) {
            if (value && keepAliveTime <= 0) {
                throw new IllegalArgumentException("Core threads must have nonzero keep alive times");
            }
            if (value != allowCoreThreadTimeOut) {
                allowCoreThreadTimeOut = value;
                if (value) {
                    interruptIdleWorkers(false);
                }
            }
        }
    }

    public void setMaximumPoolSize(int maximumPoolSize) {
        synchronized (this) {
            if (maximumPoolSize <= 0 || maximumPoolSize < corePoolSize) {
                throw new IllegalArgumentException();
            }
            this.maximumPoolSize = maximumPoolSize;
            if (workers.size() > maximumPoolSize) {
                interruptIdleWorkers(false);
            }
        }
    }

    public synchronized int getMaximumPoolSize() {
        return maximumPoolSize;
    }

    public void setKeepAliveTime(long time, TimeUnit unit) {
        if (time < 0) {
            throw new IllegalArgumentException();
        }
        if (time == 0 && allowsCoreThreadTimeOut()) {
            throw new IllegalArgumentException("Core threads must have nonzero keep alive times");
        }
        synchronized (this) {
            long delta = unit.toNanos(time) - keepAliveTime;
            keepAliveTime = unit.toNanos(time);
            if (delta < 0) {
                interruptIdleWorkers(false);
            }
        }
    }

    public synchronized long getKeepAliveTime(TimeUnit unit) {
        return unit.convert(keepAliveTime, TimeUnit.NANOSECONDS);
    }

    public BlockingQueue<Runnable> getQueue() {
        return workQueue;
    }

    public boolean remove(Runnable task) {
        boolean removed = workQueue.remove(task);
        tryTerminate();
        return removed;
    }

    public void purge() {
        Iterator<Runnable> it = workQueue.iterator();
        while (it.hasNext()) {
            Runnable r = it.next();
            if (r instanceof Future<?> && ((Future<?>) r).isCancelled()) {
                it.remove();
            }
        }
        tryTerminate();
    }

    public synchronized int getPoolSize() {
        return runState >= TIDYING ? 0 : workers.size();
    }

    public synchronized int getActiveCount() {
        int n = 0;
        for (Worker w : workers) {
            if (w.busy) {
                ++n;
            }
        }
        return n;
    }

    public synchronized int getLargestPoolSize() {
        return largestPoolSize;
    }

    public synchronized long getTaskCount() {
        long n = completedTaskCount;
        for (Worker w : workers) {
            n += w.completed;
            if (w.busy) {
                ++n;
            }
        }
        return n + workQueue.size();
    }

    public synchronized long getCompletedTaskCount() {
        long n = completedTaskCount;
        for (Worker w : workers) {
            n += w.completed;
        }
        return n;
    }

    @Override
    public String toString() {
        long ncompleted;
        int nworkers;
        int nactive;
        String rs;
        synchronized (this) {
            ncompleted = completedTaskCount;
            nactive = 0;
            nworkers = workers.size();
            for (Worker w : workers) {
                ncompleted += w.completed;
                if (w.busy) {
                    ++nactive;
                }
            }
            rs = runState == RUNNING ? "Running" : runState >= TERMINATED ? "Terminated" : "Shutting down";
        }
        return super.toString().concat("[").concat(rs).concat(", pool size = ").concat(String.valueOf(nworkers))
                .concat(", active threads = ").concat(String.valueOf(nactive))
                .concat(", queued tasks = ").concat(String.valueOf(workQueue.size()))
                .concat(", completed tasks = ").concat(String.valueOf(ncompleted)).concat("]");
    }

    // ---------------------------------------------------------------- rejection policies

    public static class AbortPolicy implements RejectedExecutionHandler, Policy {
        public AbortPolicy() {
        }

        @Override
        public void rejectedExecution(Runnable r, java.util.concurrent.ThreadPoolExecutor e) {
            rejectedBy(r, fromJdk(e));
        }

        @Override
        public void rejectedBy(Runnable r, ThreadPoolExecutor e) {
            throw new RejectedExecutionException("Task ".concat(r.toString()).concat(" rejected from ")
                    .concat(String.valueOf(e)));
        }
    }

    public static class CallerRunsPolicy implements RejectedExecutionHandler, Policy {
        public CallerRunsPolicy() {
        }

        @Override
        public void rejectedExecution(Runnable r, java.util.concurrent.ThreadPoolExecutor e) {
            rejectedBy(r, fromJdk(e));
        }

        @Override
        public void rejectedBy(Runnable r, ThreadPoolExecutor e) {
            if (!e.isShutdown()) {
                r.run();
            }
        }
    }

    public static class DiscardPolicy implements RejectedExecutionHandler, Policy {
        public DiscardPolicy() {
        }

        @Override
        public void rejectedExecution(Runnable r, java.util.concurrent.ThreadPoolExecutor e) {
        }

        @Override
        public void rejectedBy(Runnable r, ThreadPoolExecutor e) {
        }
    }

    public static class DiscardOldestPolicy implements RejectedExecutionHandler, Policy {
        public DiscardOldestPolicy() {
        }

        @Override
        public void rejectedExecution(Runnable r, java.util.concurrent.ThreadPoolExecutor e) {
            rejectedBy(r, fromJdk(e));
        }

        @Override
        public void rejectedBy(Runnable r, ThreadPoolExecutor e) {
            if (!e.isShutdown()) {
                e.getQueue().poll();
                e.execute(r);
            }
        }
    }
}
