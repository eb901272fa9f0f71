package golden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ScheduledThreadPoolExecutor (the guest library's): one-shot tasks run in trigger-time order,
 * a scheduled Callable's result, fixed-rate and fixed-delay tasks that end when a run throws
 * (the future fails with that exception), cancellation with and without removeOnCancel, the
 * shutdown policies (a delayed one-shot task still runs, a periodic one is cancelled), rejection
 * after shutdown, argument checks. Competing delays are 500 ms apart (with --jit eager the VM's clock
 * also counts first-call compilation, tens of milliseconds) and nothing printed depends on how fast
 * the program runs (the VM runs it on its scheduler's clock; the JVM oracle waits).
 */
public class G087_ScheduledExecutor {
    public static void main(String[] args) throws Exception {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        ScheduledFuture<?> a = ex.schedule(() -> order.add("a"), 1500, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> b = ex.schedule(() -> order.add("b"), 500, TimeUnit.MILLISECONDS);
        ScheduledFuture<String> c = ex.schedule(() -> {
            order.add("c");
            return "called";
        }, 1000, TimeUnit.MILLISECONDS);
        System.out.println("callable: " + c.get() + " " + c.isDone());
        a.get();
        System.out.println("one-shot order: " + order + " " + b.isDone() + " " + (b.get() == null));

        AtomicInteger rate = new AtomicInteger();
        long t0 = System.nanoTime();
        ScheduledFuture<?> fixedRate = ex.scheduleAtFixedRate(() -> {
            if (rate.incrementAndGet() == 5) {
                throw new IllegalStateException("fifth run");
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        try {
            fixedRate.get();
        } catch (ExecutionException e) {
            System.out.println("fixed rate: runs " + rate.get() + " " + e.getCause() + " done " + fixedRate.isDone()
                    + " took >= 400ms " + (System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(400)));
        }
        AtomicInteger delay = new AtomicInteger();
        t0 = System.nanoTime();
        ScheduledFuture<?> fixedDelay = ex.scheduleWithFixedDelay(() -> {
            if (delay.incrementAndGet() == 3) {
                throw new ArithmeticException("third run");
            }
        }, 50, 150, TimeUnit.MILLISECONDS);
        try {
            fixedDelay.get();
        } catch (ExecutionException e) {
            System.out.println("fixed delay: runs " + delay.get() + " " + e.getCause().getMessage() + " took >= 350ms "
                    + (System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(350)));
        }

        ScheduledFuture<?> later = ex.schedule(() -> order.add("never"), 10, TimeUnit.SECONDS);
        System.out.println("cancel: " + later.cancel(false) + " " + later.isCancelled() + " " + later.isDone() + " queue "
                + ex.getQueue().size());
        ex.setRemoveOnCancelPolicy(true);
        ScheduledFuture<?> later2 = ex.schedule(() -> order.add("never"), 10, TimeUnit.SECONDS);
        System.out.println("removeOnCancel: " + later2.cancel(true) + " queue " + ex.getQueue().size() + " " + ex.getRemoveOnCancelPolicy());
        ex.purge();
        System.out.println("purge: queue " + ex.getQueue().size());

        AtomicInteger ticks = new AtomicInteger();
        ScheduledFuture<?> periodic = ex.scheduleAtFixedRate(ticks::incrementAndGet, 5, 5, TimeUnit.SECONDS);
        ScheduledFuture<?> delayed = ex.schedule(() -> order.add("after shutdown"), 1000, TimeUnit.MILLISECONDS);
        ex.shutdown();
        System.out.println("shutdown: periodic cancelled " + periodic.isCancelled() + " delayed pending " + !delayed.isDone()
                + " " + ex.isShutdown() + " " + ex.getExecuteExistingDelayedTasksAfterShutdownPolicy() + " "
                + ex.getContinueExistingPeriodicTasksAfterShutdownPolicy());
        try {
            ex.schedule(() -> { }, 1, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            System.out.println("after shutdown: rejected");
        }
        System.out.println("terminated: " + ex.awaitTermination(1, TimeUnit.MINUTES) + " " + order + " ticks " + ticks.get());

        ScheduledExecutorService single = Executors.newSingleThreadScheduledExecutor();
        try {
            single.scheduleAtFixedRate(() -> { }, 0, 0, TimeUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            System.out.println("period 0: IAE");
        }
        try {
            single.schedule((Runnable) null, 1, TimeUnit.SECONDS);
        } catch (NullPointerException e) {
            System.out.println("null task: NPE");
        }
        System.out.println("single: " + single.submit(() -> 6 * 7).get() + " " + single.schedule(() -> "x", -5, TimeUnit.SECONDS).get());
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(3);
        List<ScheduledFuture<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            fs.add(pool.schedule(() -> n * n, 100 * (6 - i), TimeUnit.MILLISECONDS));
        }
        int sum = 0;
        for (ScheduledFuture<Integer> f : fs) {
            sum += f.get();
        }
        System.out.println("pool of 3: sum " + sum);
        pool.shutdownNow();
        single.shutdown();
        System.out.println("done " + single.awaitTermination(1, TimeUnit.MINUTES) + " " + pool.awaitTermination(1, TimeUnit.MINUTES));
    }
}
