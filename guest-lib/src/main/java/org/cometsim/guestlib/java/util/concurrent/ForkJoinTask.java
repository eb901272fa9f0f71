package org.cometsim.guestlib.java.util.concurrent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Guest-side {@code java.util.concurrent.ForkJoinTask}: a task with a completion status that runs
 * in a guest {@link ForkJoinPool}. {@code fork} queues it in the current worker's pool (the common
 * pool outside workers); {@code join} first runs the task itself if it is still queued (the JDK's
 * "unpush"), then, in a worker, helps by running other queued tasks of its pool, and only then
 * waits on the task's monitor for another worker to finish it. Results, exceptions and the order
 * of side effects inside one task are the JDK's; which worker runs which task is the VM scheduler's
 * (deterministic), not the JDK's work-stealing order.
 *
 * <p>Deviations: {@code join}/{@code invoke} rethrow the task's own exception object (the JDK may
 * rethrow a copy made in the joining thread with the original as its cause); the completion
 * monitor is the task object itself.
 */
public abstract class ForkJoinTask<V> implements Future<V>, java.io.Serializable {
    private static final long serialVersionUID = -7721805057305804111L;

    static final int PENDING = 0;
    static final int NORMAL = 1;
    static final int EXCEPTIONAL = 2;
    static final int CANCELLED = 3;

    /** PENDING until done, then NORMAL, EXCEPTIONAL or CANCELLED; written under the task's monitor. */
    volatile int status;
    /** The exception of an EXCEPTIONAL task. */
    Throwable exception;
    /** The pool this task was last queued in (null if never): where join looks for it to unpush. */
    transient ForkJoinPool queuedIn;

    public ForkJoinTask() {
    }

    public abstract V getRawResult();

    protected abstract void setRawResult(V value);

    /** Runs the task's body; true if it completed normally. */
    protected abstract boolean exec();

    /** Runs the body unless done; records an exception; returns the status. */
    final int doExec() {
        if (status == PENDING) {
            boolean completed;
            try {
                completed = exec();
            } catch (Throwable ex) {
                return setDone(EXCEPTIONAL, ex);
            }
            if (completed) {
                return setDone(NORMAL, null);
            }
        }
        return status;
    }

    private int setDone(int s, Throwable ex) {
        synchronized (this) {
            if (status == PENDING) {
                exception = ex;
                status = s;
                notifyAll();
            }
            return status;
        }
    }

    public final ForkJoinTask<V> fork() {
        ForkJoinPool p = ForkJoinPool.currentWorkerPool();
        if (p != null) {
            p.push(this, true);
        } else {
            ForkJoinPool.commonPool().push(this, false);
        }
        return this;
    }

    public final V join() {
        int s = status;
        if (s == PENDING) {
            s = awaitDone();
        }
        return reportForJoin(s);
    }

    public final V invoke() {
        int s = doExec();
        if (s == PENDING) {
            s = awaitDone();
        }
        return reportForJoin(s);
    }

    private V reportForJoin(int s) {
        if (s == NORMAL) {
            return getRawResult();
        }
        if (s == CANCELLED) {
            throw new CancellationException();
        }
        Throwable ex = exception;
        if (ex instanceof RuntimeException) {
            throw (RuntimeException) ex;
        }
        if (ex instanceof Error) {
            throw (Error) ex;
        }
        throw new RuntimeException(ex);
    }

    /**
     * Waits for completion: runs the task here if it is still queued (only a worker of its pool,
     * or any thread for the common pool, as the JDK), helps run its pool's queued tasks if this
     * thread is one of its workers, then waits. Interrupts are remembered and restored.
     */
    final int awaitDone() {
        ForkJoinPool worker = ForkJoinPool.currentWorkerPool();
        ForkJoinPool q = queuedIn;
        if (q != null && (worker == q || (worker == null && q.isCommon())) && q.tryRemove(this)) {
            doExec();
        }
        if (worker != null) {
            while (status == PENDING) {
                ForkJoinTask<?> other = worker.pollForHelp();
                if (other == null) {
                    break;
                }
                other.doExec();
            }
        }
        boolean interrupted = false;
        synchronized (this) {
            while (status == PENDING) {
                try {
                    wait();
                } catch (InterruptedException ie) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return status;
    }

    public static void invokeAll(ForkJoinTask<?> t1, ForkJoinTask<?> t2) {
        if (t1 == null || t2 == null) {
            throw new NullPointerException();
        }
        t2.fork();
        int s1 = t1.doExec();
        if (s1 == PENDING) {
            s1 = t1.awaitDone();
        }
        if (s1 != NORMAL) {
            t2.cancel(false);
            t1.reportForJoin(s1);
        }
        int s2 = t2.status == PENDING ? t2.awaitDone() : t2.status;
        if (s2 != NORMAL) {
            t2.reportForJoin(s2);
        }
    }

    public static void invokeAll(ForkJoinTask<?>... tasks) {
        invokeAllOf(tasks);
    }

    public static <T extends ForkJoinTask<?>> Collection<T> invokeAll(Collection<T> tasks) {
        ForkJoinTask<?>[] array = new ForkJoinTask<?>[tasks.size()];
        int i = 0;
        for (T t : tasks) {
            array[i++] = t;
        }
        invokeAllOf(array);
        return tasks;
    }

    /** As the JDK's: forks all but the first (last first), runs the first, then joins the rest in order. */
    private static void invokeAllOf(ForkJoinTask<?>[] tasks) {
        for (ForkJoinTask<?> t : tasks) {
            if (t == null) {
                throw new NullPointerException();
            }
        }
        int last = tasks.length - 1;
        Throwable ex = null;
        ForkJoinTask<?> failed = null;
        for (int i = last; i >= 0; --i) {
            if (i == 0) {
                int s = tasks[0].doExec();
                if (s != NORMAL && s != PENDING) {
                    failed = tasks[0];
                }
            } else {
                tasks[i].fork();
            }
        }
        for (int i = 0; i <= last && failed == null; i++) {
            ForkJoinTask<?> t = tasks[i];
            int s = t.status == PENDING ? t.awaitDone() : t.status;
            if (s != NORMAL) {
                failed = t;
            }
        }
        if (failed != null) {
            for (ForkJoinTask<?> t : tasks) {
                if (t != failed) {
                    t.cancel(false);
                }
            }
            failed.reportForJoin(failed.status);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return setDone(CANCELLED, null) == CANCELLED;
    }

    @Override
    public final boolean isDone() {
        return status != PENDING;
    }

    @Override
    public final boolean isCancelled() {
        return status == CANCELLED;
    }

    public final boolean isCompletedAbnormally() {
        int s = status;
        return s == EXCEPTIONAL || s == CANCELLED;
    }

    public final boolean isCompletedNormally() {
        return status == NORMAL;
    }

    public final Throwable getException() {
        int s = status;
        return s == CANCELLED ? new CancellationException() : s == EXCEPTIONAL ? exception : null;
    }

    public void completeExceptionally(Throwable ex) {
        setDone(EXCEPTIONAL, (ex instanceof RuntimeException) || (ex instanceof Error) ? ex : new RuntimeException(ex));
    }

    public void complete(V value) {
        try {
            setRawResult(value);
        } catch (Throwable rex) {
            setDone(EXCEPTIONAL, rex);
            return;
        }
        setDone(NORMAL, null);
    }

    public final void quietlyComplete() {
        setDone(NORMAL, null);
    }

    @Override
    public final V get() throws InterruptedException, ExecutionException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        int s = status == PENDING ? awaitDone() : status;
        return reportForGet(s);
    }

    @Override
    public final V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (status == PENDING && nanos > 0L) {
            long deadline = System.nanoTime() + nanos;
            synchronized (this) {
                while (status == PENDING) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        break;
                    }
                    this.wait(left / 1000000L, (int) (left % 1000000L)); // the guest monitor (TimeUnit.timedWait is host code)
                }
            }
        }
        int s = status;
        if (s == PENDING) {
            throw new TimeoutException();
        }
        return reportForGet(s);
    }

    private V reportForGet(int s) throws ExecutionException {
        if (s == NORMAL) {
            return getRawResult();
        }
        if (s == CANCELLED) {
            throw new CancellationException();
        }
        throw new ExecutionException(exception);
    }

    public final void quietlyJoin() {
        if (status == PENDING) {
            awaitDone();
        }
    }

    public final void quietlyInvoke() {
        if (doExec() == PENDING) {
            awaitDone();
        }
    }

    public void reinitialize() {
        synchronized (this) {
            status = PENDING;
            exception = null;
        }
    }

    public boolean tryUnfork() {
        ForkJoinPool q = queuedIn;
        return q != null && q.tryRemove(this);
    }

    public static ForkJoinPool getPool() {
        return ForkJoinPool.currentWorkerPool();
    }

    public static boolean inForkJoinPool() {
        return ForkJoinPool.currentWorkerPool() != null;
    }

    public static int getQueuedTaskCount() {
        ForkJoinPool p = ForkJoinPool.currentWorkerPool();
        return p == null ? 0 : (int) p.getQueuedTaskCount();
    }

    public static int getSurplusQueuedTaskCount() {
        return getQueuedTaskCount();
    }

    public static void helpQuiesce() {
        ForkJoinPool p = ForkJoinPool.currentWorkerPool();
        if (p != null) {
            p.helpQuiesce();
        }
    }

    public static ForkJoinTask<?> adapt(Runnable runnable) {
        return new AdaptedRunnable<Void>(runnable, null);
    }

    public static <T> ForkJoinTask<T> adapt(Runnable runnable, T result) {
        return new AdaptedRunnable<T>(runnable, result);
    }

    public static <T> ForkJoinTask<T> adapt(Callable<? extends T> callable) {
        return new AdaptedCallable<T>(callable);
    }

    static final class AdaptedRunnable<T> extends ForkJoinTask<T> implements RunnableFuture<T> {
        private static final long serialVersionUID = 5232453952276885070L;
        final Runnable runnable;
        T result;

        AdaptedRunnable(Runnable runnable, T result) {
            if (runnable == null) {
                throw new NullPointerException();
            }
            this.runnable = runnable;
            this.result = result;
        }

        @Override
        public T getRawResult() {
            return result;
        }

        @Override
        protected void setRawResult(T v) {
            result = v;
        }

        @Override
        protected boolean exec() {
            runnable.run();
            return true;
        }

        @Override
        public void run() {
            invoke();
        }

        @Override
        public String toString() {
            return super.toString().concat("[Wrapped task = ").concat(String.valueOf(runnable)).concat("]");
        }
    }

    static final class AdaptedCallable<T> extends ForkJoinTask<T> implements RunnableFuture<T> {
        private static final long serialVersionUID = 2838392045355241008L;
        final Callable<? extends T> callable;
        T result;

        AdaptedCallable(Callable<? extends T> callable) {
            if (callable == null) {
                throw new NullPointerException();
            }
            this.callable = callable;
        }

        @Override
        public T getRawResult() {
            return result;
        }

        @Override
        protected void setRawResult(T v) {
            result = v;
        }

        @Override
        protected boolean exec() {
            try {
                result = callable.call();
                return true;
            } catch (RuntimeException rex) {
                throw rex;
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
        }

        @Override
        public void run() {
            invoke();
        }

        @Override
        public String toString() {
            return super.toString().concat("[Wrapped task = ").concat(String.valueOf(callable)).concat("]");
        }
    }

    /** Tasks of a list, for the pool's invokeAll. */
    static <T> List<Future<T>> asFutures(List<ForkJoinTask<T>> tasks) {
        return new ArrayList<Future<T>>(tasks);
    }
}
