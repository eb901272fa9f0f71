package org.cometsim.guestlib.java.util.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Guest-side {@code java.util.concurrent.FutureTask}: the JDK's state machine (new, completing,
 * normal, exceptional, cancelled, interrupting, interrupted) with waiters on the task's own
 * monitor instead of {@code LockSupport}.
 */
public class FutureTask<V> implements RunnableFuture<V> {
    private static final int NEW = 0;
    private static final int COMPLETING = 1;
    private static final int NORMAL = 2;
    private static final int EXCEPTIONAL = 3;
    private static final int CANCELLED = 4;
    private static final int INTERRUPTING = 5;
    private static final int INTERRUPTED = 6;

    private int state;
    private Callable<V> callable;
    private Object outcome;
    private Thread runner;

    public FutureTask(Callable<V> callable) {
        if (callable == null) {
            throw new NullPointerException();
        }
        this.callable = callable;
        this.state = NEW;
    }

    public FutureTask(Runnable runnable, V result) {
        this.callable = Executors.callable(runnable, result);
        this.state = NEW;
    }

    @Override
    public boolean isCancelled() {
        synchronized (this) {
            return state >= CANCELLED;
        }
    }

    @Override
    public boolean isDone() {
        synchronized (this) {
            return state != NEW;
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        Thread r;
        synchronized (this) {
            if (state != NEW) {
                return false;
            }
            state = mayInterruptIfRunning ? INTERRUPTING : CANCELLED;
            r = runner;
        }
        if (mayInterruptIfRunning) {
            try {
                if (r != null) {
                    r.interrupt();
                }
            } finally {
                synchronized (this) {
                    state = INTERRUPTED;
                }
            }
        }
        finishCompletion();
        return true;
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
        synchronized (this) {
            if (state <= COMPLETING) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                while (state <= COMPLETING) {
                    wait();
                }
            }
        }
        return report();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (unit == null) {
            throw new NullPointerException();
        }
        long nanos = unit.toNanos(timeout);
        synchronized (this) {
            if (state <= COMPLETING) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                long deadline = System.nanoTime() + nanos;
                while (state <= COMPLETING) {
                    if (nanos <= 0L) {
                        throw new TimeoutException();
                    }
                    wait(nanos / 1000000L, (int) (nanos % 1000000L));
                    nanos = deadline - System.nanoTime();
                }
            }
        }
        return report();
    }

    @SuppressWarnings("unchecked")
    private V report() throws ExecutionException {
        int s;
        Object x;
        synchronized (this) {
            s = state;
            x = outcome;
        }
        if (s == NORMAL) {
            return (V) x;
        }
        if (s >= CANCELLED) {
            throw new CancellationException();
        }
        throw new ExecutionException((Throwable) x);
    }

    /** Called once when the task completes, is cancelled or fails (for subclasses). */
    protected void done() {
    }

    protected void set(V v) {
        synchronized (this) {
            if (state != NEW) {
                return;
            }
            outcome = v;
            state = NORMAL;
        }
        finishCompletion();
    }

    protected void setException(Throwable t) {
        synchronized (this) {
            if (state != NEW) {
                return;
            }
            outcome = t;
            state = EXCEPTIONAL;
        }
        finishCompletion();
    }

    @Override
    public void run() {
        Callable<V> c;
        synchronized (this) {
            if (state != NEW || runner != null) {
                return;
            }
            runner = Thread.currentThread();
            c = callable;
        }
        try {
            if (c != null) {
                V result;
                boolean ran;
                try {
                    result = c.call();
                    ran = true;
                } catch (Throwable ex) {
                    result = null;
                    ran = false;
                    setException(ex);
                }
                if (ran) {
                    set(result);
                }
            }
        } finally {
            synchronized (this) {
                runner = null;
            }
            handlePossibleCancellationInterrupt();
        }
    }

    /** As {@link #run} but leaves the task runnable again (periodic tasks); false if it failed or was cancelled. */
    protected boolean runAndReset() {
        Callable<V> c;
        synchronized (this) {
            if (state != NEW || runner != null) {
                return false;
            }
            runner = Thread.currentThread();
            c = callable;
        }
        boolean ran = false;
        try {
            if (c != null) {
                try {
                    c.call();
                    ran = true;
                } catch (Throwable ex) {
                    setException(ex);
                }
            }
        } finally {
            synchronized (this) {
                runner = null;
            }
            handlePossibleCancellationInterrupt();
        }
        synchronized (this) {
            return ran && state == NEW;
        }
    }

    private void handlePossibleCancellationInterrupt() {
        boolean interrupting;
        synchronized (this) {
            interrupting = state == INTERRUPTING;
            while (state == INTERRUPTING) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        // The cancel's interrupt was meant for the task, not for the runner's next work (as the JDK).
        if (interrupting) {
            Thread.interrupted();
        }
    }

    private void finishCompletion() {
        synchronized (this) {
            notifyAll();
        }
        done();
        synchronized (this) {
            callable = null;
        }
    }

    @Override
    public String toString() {
        String status;
        int s;
        Object x;
        Callable<V> c;
        synchronized (this) {
            s = state;
            x = outcome;
            c = callable;
        }
        switch (s) {
            case NORMAL:
                status = "[Completed normally]";
                break;
            case EXCEPTIONAL:
                status = "[Completed exceptionally: ".concat(String.valueOf(x)).concat("]");
                break;
            case CANCELLED:
            case INTERRUPTING:
            case INTERRUPTED:
                status = "[Cancelled]";
                break;
            default:
                status = c == null ? "[Not completed]" : "[Not completed, task = ".concat(String.valueOf(c)).concat("]");
        }
        return super.toString().concat(status);
    }
}
