package golden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * CompletableFuture on guest threads: async stages on a fixed pool and on the default async
 * executor, composition, combination, either-stages, exception wrapping and unwrapping (join, get,
 * exceptionally, handle, whenComplete), cancellation, allOf/anyOf, toString suffixes and the order
 * in which dependents registered before completion run. Output is independent of the interleaving.
 */
public class G048_CompletableFuture {
    static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        while (t != null) {
            sb.append(t.getClass().getSimpleName()).append('(').append(t.getMessage()).append(')');
            for (Throwable s : t.getSuppressed()) {
                sb.append("{+").append(s.getClass().getSimpleName()).append('(').append(s.getMessage()).append(")}");
            }
            t = t.getCause();
            if (t != null) {
                sb.append(" <- ");
            }
        }
        return sb.toString();
    }

    static String suffix(Object o) {
        String s = o.toString();
        return s.substring(s.indexOf('[', s.indexOf('@')));
    }

    static String show(CompletableFuture<?> f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.isDone() ? "done" : "pending").append(f.isCompletedExceptionally() ? " exc" : "")
                .append(f.isCancelled() ? " cancelled" : "").append(' ').append(suffix(f));
        if (f.isDone()) {
            try {
                sb.append(" join=").append(f.join());
            } catch (RuntimeException e) {
                sb.append(" join!").append(chain(e));
            }
            try {
                sb.append(" get=").append(f.get());
            } catch (ExecutionException | CancellationException e) {
                sb.append(" get!").append(chain(e));
            } catch (InterruptedException e) {
                sb.append(" interrupted");
            }
        } else {
            sb.append(" getNow=").append(f.getNow(null));
        }
        return sb.toString();
    }

    /** Waits until f is done (however it ends), so what is printed does not depend on timing. */
    static <T> CompletableFuture<T> settled(CompletableFuture<T> f) {
        try {
            f.join();
        } catch (RuntimeException e) {
            // shown by the caller
        }
        return f;
    }

    static int slowSquare(int x) {
        int acc = 0;
        for (int i = 0; i < x; i++) {
            acc += x;
        }
        return acc;
    }

    public static void main(String[] args) throws Exception {
        Thread main = Thread.currentThread();
        ExecutorService pool = Executors.newFixedThreadPool(3);

        // async stages on an explicit pool
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> slowSquare(12), pool);
        CompletableFuture<String> b = a.thenApplyAsync(x -> "v" + x, pool).thenApply(s -> s + "!");
        System.out.println("chain " + b.get());
        List<CompletableFuture<Integer>> parts = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            final int n = i;
            parts.add(CompletableFuture.supplyAsync(() -> slowSquare(n * 10), pool));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]));
        int sum = all.thenApply(v -> {
            int s = 0;
            for (CompletableFuture<Integer> p : parts) {
                s += p.join();
            }
            return s;
        }).join();
        System.out.println("allOf sum " + sum + " " + suffix(all));

        // the default async executor: guest threads other than main
        CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> Thread.currentThread() != main);
        System.out.println("default executor off main " + other.join());
        CompletableFuture<Void> ran = CompletableFuture.runAsync(() -> slowSquare(5));
        System.out.println("runAsync " + ran.get(1, TimeUnit.DAYS) + " " + suffix(ran)); // a day: a hang guard, not a race
        CompletableFuture<Integer> combined = CompletableFuture.supplyAsync(() -> 6)
                .thenCombineAsync(CompletableFuture.supplyAsync(() -> 7), (x, y) -> x * y);
        System.out.println("combineAsync " + combined.join());
        CompletableFuture<Integer> composed = CompletableFuture.supplyAsync(() -> 5, pool)
                .thenComposeAsync(x -> CompletableFuture.supplyAsync(() -> x + 100, pool), pool)
                .thenCompose(x -> CompletableFuture.completedFuture(x * 2));
        System.out.println("composed " + composed.join());

        // dependents registered before completion run in the completing thread, last registered first
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch gate = new CountDownLatch(1);
        CompletableFuture<Integer> src = CompletableFuture.supplyAsync(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return 1;
        }, pool);
        List<CompletableFuture<?>> deps = new ArrayList<>();
        deps.add(src.thenApply(x -> {
            order.add("first");
            return x;
        }));
        deps.add(src.thenAccept(x -> order.add("second")));
        CompletableFuture<Integer> third = src.whenComplete((v, t) -> order.add("third"));
        deps.add(third);
        deps.add(third.thenRun(() -> order.add("third.then")));
        deps.add(src.thenRun(() -> order.add("fourth")));
        System.out.println("before " + suffix(src) + " deps " + src.getNumberOfDependents());
        gate.countDown();
        CompletableFuture.allOf(deps.toArray(new CompletableFuture<?>[0])).join();
        System.out.println("order " + order);
        order.clear();
        src.thenRun(() -> order.add("late runs at once"));
        System.out.println("late " + order);

        // exceptions
        CompletableFuture<Integer> failed = CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException("bad input");
        }, pool);
        CompletableFuture<Integer> next = failed.thenApply(x -> x + 1);
        try {
            next.join();
        } catch (CompletionException e) {
            System.out.println("join " + chain(e));
        }
        try {
            next.get();
        } catch (ExecutionException e) {
            System.out.println("get " + chain(e));
        }
        System.out.println(show(next));
        System.out.println("exceptionally " + next.exceptionally(t -> {
            System.out.println("  sees " + chain(t));
            return -1;
        }).join());
        CompletableFuture<Integer> raw = new CompletableFuture<>();
        raw.completeExceptionally(new ArithmeticException("raw"));
        System.out.println("handle " + raw.handle((v, t) -> {
            System.out.println("  sees " + chain(t));
            return 0;
        }).join());
        System.out.println(show(raw));
        System.out.println(show(raw.thenApply(x -> x)));
        System.out.println(show(raw.whenComplete((v, t) -> {
            throw new IllegalArgumentException("action");
        })));
        System.out.println(show(CompletableFuture.completedFuture(3).whenComplete((v, t) -> {
            throw new IllegalArgumentException("action");
        })));
        System.out.println(show(CompletableFuture.completedFuture(3).thenApply(x -> {
            throw new CompletionException("own", new Error("root"));
        })));
        System.out.println(show(CompletableFuture.failedFuture(new Error("ff")).thenCompose(x -> null)));
        System.out.println(show(CompletableFuture.completedFuture(1)
                .thenCompose(x -> CompletableFuture.failedFuture(new UnsupportedOperationException("inner")))));

        System.out.println(show(settled(next.exceptionallyCompose(t -> CompletableFuture.supplyAsync(() -> -2, pool)))));
        System.out.println(show(settled(raw.exceptionallyAsync(t -> -3, pool))));
        System.out.println(show(settled(raw.exceptionallyComposeAsync(t -> CompletableFuture.failedFuture(new Error("still"))))));
        System.out.println(show(settled(CompletableFuture.completedFuture(4).exceptionallyAsync(t -> -4))));

        // cancellation and timeouts
        CompletableFuture<Integer> cancelled = new CompletableFuture<>();
        CompletableFuture<Integer> afterCancel = cancelled.thenApply(x -> x);
        System.out.println("cancel " + cancelled.cancel(true) + " again " + cancelled.cancel(false) + " complete "
                + cancelled.complete(5));
        System.out.println(show(cancelled));
        System.out.println(show(afterCancel));
        CompletableFuture<Integer> never = new CompletableFuture<>();
        try {
            never.get(20, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            System.out.println("timeout " + chain(e));
        }
        System.out.println(show(never));

        // combination and either, with the winner fixed
        CompletableFuture<Integer> x = new CompletableFuture<>();
        CompletableFuture<Integer> y = new CompletableFuture<>();
        CompletableFuture<Integer> both = x.thenCombine(y, (p, q) -> p * 10 + q);
        CompletableFuture<Void> acceptBoth = x.thenAcceptBoth(y, (p, q) -> System.out.println("  acceptBoth " + p + q));
        CompletableFuture<Void> afterBoth = x.runAfterBoth(y, () -> System.out.println("  runAfterBoth"));
        CompletableFuture<Integer> either = x.applyToEither(y, p -> p + 1000);
        CompletableFuture<Void> acceptEither = x.acceptEither(y, p -> System.out.println("  acceptEither " + p));
        CompletableFuture<Object> any = CompletableFuture.anyOf(x, y, never);
        System.out.println("x " + suffix(x) + " y " + suffix(y));
        y.complete(4);
        System.out.println("after y: " + show(both) + " | " + show(either) + " | " + show(any));
        x.complete(3);
        System.out.println(show(both) + " | " + show(acceptBoth) + " | " + show(afterBoth) + " | " + show(acceptEither));
        CompletableFuture<Integer> bad = CompletableFuture.failedFuture(new IllegalStateException("left"));
        System.out.println(show(bad.thenCombine(CompletableFuture.completedFuture(1), (p, q) -> p + q)));
        System.out.println(show(CompletableFuture.allOf(CompletableFuture.completedFuture(1), bad, never)));
        System.out.println(show(CompletableFuture.anyOf(never, bad)));
        System.out.println(show(CompletableFuture.anyOf()));
        System.out.println(show(CompletableFuture.allOf()));

        // async dependents registered before completion, on the pool
        CompletableFuture<Integer> later = new CompletableFuture<>();
        CompletableFuture<String> viaPool = later.thenApplyAsync(v -> "pool " + v, pool);
        CompletableFuture<String> viaDefault = later.thenApplyAsync(v -> "default " + v);
        CompletableFuture<Integer> handled = later.handleAsync((v, t) -> v * 3, pool);
        later.complete(9);
        System.out.println(viaPool.join() + ", " + viaDefault.join() + ", " + handled.join());
        CompletableFuture<Integer> ob = CompletableFuture.completedFuture(1);
        ob.obtrudeValue(2);
        System.out.println("obtruded " + ob.join());

        pool.shutdown();
        System.out.println("terminated " + pool.awaitTermination(1, TimeUnit.DAYS));
    }
}
