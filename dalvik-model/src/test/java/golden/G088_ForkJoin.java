package golden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.stream.IntStream;

/**
 * ForkJoinPool (the common pool, pools of 1 to 4 workers, a work-stealing pool), RecursiveTask and
 * RecursiveAction with fork/join/invoke/invokeAll, exceptions out of tasks (join rethrows, get
 * wraps), cancellation, adapted Runnables and Callables, the pool's ExecutorService methods and
 * shutdown; parallel streams; DoubleAdder, LongAccumulator and DoubleAccumulator, also updated by
 * several guest threads. Only results are printed: which worker runs a task is the scheduler's, and
 * exceptions are shown by class and root cause (see {@link #root}).
 */
public class G088_ForkJoin {
    static final class Fib extends RecursiveTask<Long> {
        final int n;

        Fib(int n) {
            this.n = n;
        }

        @Override
        protected Long compute() {
            if (n < 2) {
                return (long) n;
            }
            Fib f1 = new Fib(n - 1);
            f1.fork();
            Fib f2 = new Fib(n - 2);
            return f2.compute() + f1.join();
        }
    }

    /** Sums a range by splitting in halves with invokeAll(t1, t2). */
    static final class RangeSum extends RecursiveTask<Long> {
        final long[] a;
        final int lo;
        final int hi;

        RangeSum(long[] a, int lo, int hi) {
            this.a = a;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected Long compute() {
            if (hi - lo <= 16) {
                long s = 0;
                for (int i = lo; i < hi; i++) {
                    s += a[i];
                }
                return s;
            }
            int mid = (lo + hi) >>> 1;
            RangeSum left = new RangeSum(a, lo, mid);
            RangeSum right = new RangeSum(a, mid, hi);
            invokeAll(left, right);
            return left.join() + right.join();
        }
    }

    /** Squares array elements in place, splitting into four parts with invokeAll(tasks...). */
    static final class SquareAll extends RecursiveAction {
        final int[] a;
        final int lo;
        final int hi;

        SquareAll(int[] a, int lo, int hi) {
            this.a = a;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo <= 8) {
                for (int i = lo; i < hi; i++) {
                    a[i] = a[i] * a[i];
                }
                return;
            }
            int q = (hi - lo) / 4;
            invokeAll(new SquareAll(a, lo, lo + q), new SquareAll(a, lo + q, lo + 2 * q),
                    new SquareAll(a, lo + 2 * q, lo + 3 * q), new SquareAll(a, lo + 3 * q, hi));
        }
    }

    /** Merge sort with a list of subtasks given to invokeAll(Collection). */
    static final class Sort extends RecursiveAction {
        final int[] a;
        final int lo;
        final int hi;

        Sort(int[] a, int lo, int hi) {
            this.a = a;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo < 8) {
                Arrays.sort(a, lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            List<Sort> halves = new ArrayList<>();
            halves.add(new Sort(a, lo, mid));
            halves.add(new Sort(a, mid, hi));
            invokeAll(halves);
            int[] merged = new int[hi - lo];
            int i = lo;
            int j = mid;
            int k = 0;
            while (i < mid && j < hi) {
                merged[k++] = a[i] <= a[j] ? a[i++] : a[j++];
            }
            while (i < mid) {
                merged[k++] = a[i++];
            }
            while (j < hi) {
                merged[k++] = a[j++];
            }
            System.arraycopy(merged, 0, a, lo, merged.length);
        }
    }

    static final class Failing extends RecursiveTask<Integer> {
        final int depth;

        Failing(int depth) {
            this.depth = depth;
        }

        @Override
        protected Integer compute() {
            if (depth == 0) {
                throw new IllegalStateException("leaf failed");
            }
            Failing child = new Failing(depth - 1);
            child.fork();
            return child.join() + 1;
        }
    }

    /**
     * The exception a task threw, under the copies the JDK may wrap it in (join in another thread
     * than the thrower's rethrows a new exception of the same class caused by the original, so how
     * many wrappers there are depends on which worker ran what).
     */
    static String root(Throwable e) {
        String cls = e.getClass().getName();
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return cls + " caused by " + e.getClass().getName() + ": " + e.getMessage();
    }

    public static void main(String[] args) throws Exception {
        System.out.println("fib(16) invoke in common pool: " + ForkJoinPool.commonPool().invoke(new Fib(16)));
        System.out.println("fib(12) task.invoke(): " + new Fib(12).invoke());
        for (int workers = 1; workers <= 4; workers++) {
            ForkJoinPool pool = new ForkJoinPool(workers);
            long[] a = new long[1000];
            for (int i = 0; i < a.length; i++) {
                a[i] = (long) i * i % 977;
            }
            long sum = pool.invoke(new RangeSum(a, 0, a.length));
            int[] sq = new int[100];
            for (int i = 0; i < sq.length; i++) {
                sq[i] = i - 50;
            }
            pool.invoke(new SquareAll(sq, 0, sq.length));
            int[] data = new int[200];
            for (int i = 0; i < data.length; i++) {
                data[i] = (i * 7919) % 211;
            }
            pool.invoke(new Sort(data, 0, data.length));
            int[] sorted = data.clone();
            Arrays.sort(sorted);
            System.out.println(workers + " workers: parallelism " + pool.getParallelism() + ", sum " + sum
                    + ", squares " + IntStream.of(sq).sum() + " " + sq[0] + " " + sq[99] + ", sorted " + Arrays.equals(sorted, data)
                    + " " + data[0] + ".." + data[199] + ", fib " + pool.submit(new Fib(12)).get());
            pool.shutdown();
            System.out.println("  terminated: " + pool.awaitTermination(1, TimeUnit.MINUTES) + " " + pool.isShutdown() + " " + pool.isTerminated());
        }

        // Exceptions: join rethrows the task's exception; get wraps it in an ExecutionException.
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            pool.invoke(new Failing(5));
        } catch (IllegalStateException e) {
            System.out.println("join threw: " + root(e));
        }
        ForkJoinTask<Integer> failed = pool.submit(new Failing(3));
        try {
            failed.get();
        } catch (ExecutionException e) {
            System.out.println("get threw: " + root(e.getCause()));
        }
        System.out.println("state: done " + failed.isDone() + ", abnormal " + failed.isCompletedAbnormally() + ", normal "
                + failed.isCompletedNormally() + ", cancelled " + failed.isCancelled() + ", exception " + root(failed.getException()));

        // Cancellation of a task nobody runs; complete() of one.
        Fib never = new Fib(3);
        System.out.println("cancel: " + never.cancel(true) + " " + never.isCancelled() + " " + never.isDone() + " "
                + never.getException().getClass().getName());
        try {
            never.join();
        } catch (java.util.concurrent.CancellationException e) {
            System.out.println("join of a cancelled task: CancellationException");
        }
        Fib completed = new Fib(30);
        completed.complete(42L);
        System.out.println("complete: " + completed.join() + " " + completed.isCompletedNormally());

        // Adapted Runnables and Callables, ExecutorService methods.
        StringBuffer ran = new StringBuffer();
        ForkJoinTask<String> adapted = ForkJoinTask.adapt(() -> ran.append("r"), "result");
        System.out.println("adapt runnable: " + pool.invoke(adapted) + " " + ran);
        System.out.println("adapt callable: " + pool.invoke(ForkJoinTask.adapt(() -> 6 * 7)));
        Future<Integer> f = pool.submit(() -> 11 * 11);
        Future<?> g = pool.submit(() -> ran.append("s"));
        System.out.println("submit: " + f.get() + " " + g.get() + " " + ran);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int k = i;
            calls.add(() -> k * 100);
        }
        StringBuilder all = new StringBuilder();
        for (Future<Integer> r : pool.invokeAll(calls)) {
            all.append(r.get()).append(' ');
        }
        System.out.println("invokeAll: " + all.toString().trim());
        System.out.println("in pool from main: " + ForkJoinTask.inForkJoinPool() + " " + ForkJoinTask.getPool());
        System.out.println("in pool from a task: " + pool.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.inForkJoinPool()
                && ForkJoinTask.getPool() != null)));
        pool.shutdown();
        try {
            pool.submit(() -> 1);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            System.out.println("submit after shutdown: RejectedExecutionException");
        }
        System.out.println("pool terminated: " + pool.awaitTermination(1, TimeUnit.MINUTES));
        ForkJoinPool.commonPool().shutdown();
        System.out.println("common pool ignores shutdown: " + ForkJoinPool.commonPool().isShutdown());

        ExecutorService ws = Executors.newWorkStealingPool(3);
        List<Future<Integer>> squares = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int k = i;
            squares.add(ws.submit(() -> k * k));
        }
        int total = 0;
        for (Future<Integer> s : squares) {
            total += s.get();
        }
        System.out.println("work-stealing pool: " + total + " " + (ws instanceof ForkJoinPool) + " "
                + ((ForkJoinPool) ws).getAsyncMode() + " " + ((ForkJoinPool) ws).getParallelism());
        ws.shutdown();
        System.out.println("work-stealing pool terminated: " + ws.awaitTermination(1, TimeUnit.MINUTES));

        // Parallel streams: the results of a sequential run.
        System.out.println("parallel sum: " + IntStream.rangeClosed(1, 1000).parallel().map(x -> x * 3).sum());
        System.out.println("parallel collect: " + IntStream.range(0, 20).parallel().filter(x -> x % 3 == 0).boxed()
                .collect(java.util.stream.Collectors.toList()));

        // Adders and accumulators.
        DoubleAdder da = new DoubleAdder();
        for (int i = 1; i <= 10; i++) {
            da.add(i / 10.0);
        }
        System.out.println("DoubleAdder: " + da + " " + da.sum() + " " + da.intValue() + " " + da.longValue() + " " + da.floatValue()
                + " " + da.sumThenReset() + " " + da.sum());
        LongAccumulator max = new LongAccumulator(Long::max, Long.MIN_VALUE);
        LongAccumulator product = new LongAccumulator((x, y) -> x * y, 1);
        DoubleAccumulator dmin = new DoubleAccumulator(Math::min, Double.POSITIVE_INFINITY);
        System.out.println("accumulators before: " + max + " " + product + " " + dmin);
        for (long v : new long[] {3, -7, 12, 5, 9}) {
            max.accumulate(v);
            product.accumulate(v);
            dmin.accumulate(v / 4.0);
        }
        System.out.println("accumulators: " + max.get() + " " + product.get() + " " + dmin.get() + " " + max.intValue() + " "
                + product.doubleValue() + " " + dmin.longValue() + " " + max.getThenReset() + " " + max.get());
        product.reset();
        System.out.println("reset: " + product + " " + dmin.getThenReset() + " " + dmin);
        DoubleAdder shared = new DoubleAdder();
        LongAccumulator sharedMax = new LongAccumulator(Long::max, 0);
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    shared.add(0.5);
                    sharedMax.accumulate(id * 1000 + i);
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        System.out.println("threads: " + shared.sum() + " " + sharedMax.get());
    }
}
