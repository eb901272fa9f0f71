package org.cometsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.cometsim.scenarios.OffloadRun;

/**
 * The demo's run loop, kept small and apart from everything else so that it can be replaced by
 * the sweep runner: for each app, the local baseline once ({@link OffloadRun#runLocal}), then one
 * offloaded run per link against it ({@link OffloadRun#run(OffloadRun.Config, OffloadRun.Side)}),
 * all on a pool of {@code jobs} threads (one JVM; every run has its own VMs and simulation, so
 * runs share nothing mutable). Results come back in input order whatever order runs finish in.
 */
final class DemoRunner {
    private DemoRunner() {
    }

    /** One offloaded run to do: the app's index, the link's name and its config. */
    record Point(int app, String link, OffloadRun.Config config) {
    }

    /** A finished point: its result, or the error that stopped it; host seconds it took. */
    record Outcome(Point point, OffloadRun.Result result, RuntimeException error, double wallSeconds) {
    }

    /**
     * Runs every point; {@code configs.get(app)} is the app's baseline config (its policy and link
     * do not matter to the baseline). {@code progress} is told of each finished point (from pool
     * threads, one at a time).
     */
    static List<Outcome> run(List<OffloadRun.Config> baselines, List<Point> points, int jobs,
                             Consumer<Outcome> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), new Threads());
        try {
            List<CompletableFuture<Timed<OffloadRun.Side>>> locals = new ArrayList<>();
            for (OffloadRun.Config c : baselines) {
                locals.add(CompletableFuture.supplyAsync(() -> Timed.of(() -> OffloadRun.runLocal(c)), pool));
            }
            List<CompletableFuture<Outcome>> futures = new ArrayList<>();
            for (Point p : points) {
                futures.add(locals.get(p.app()).thenApplyAsync(local -> {
                    Outcome o;
                    if (local.error != null) {
                        o = new Outcome(p, null, local.error, 0);
                    } else {
                        Timed<OffloadRun.Result> r = Timed.of(() -> OffloadRun.run(p.config(), local.value));
                        o = new Outcome(p, r.value, r.error, local.seconds + r.seconds);
                    }
                    synchronized (progress) {
                        progress.accept(o);
                    }
                    return o;
                }, pool));
            }
            List<Outcome> out = new ArrayList<>();
            for (CompletableFuture<Outcome> f : futures) {
                out.add(f.join());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A value or the exception computing it threw, and the host seconds it took. */
    private record Timed<T>(T value, RuntimeException error, double seconds) {
        static <T> Timed<T> of(java.util.function.Supplier<T> s) {
            long t0 = System.nanoTime();
            try {
                T v = s.get();
                return new Timed<>(v, null, (System.nanoTime() - t0) / 1e9);
            } catch (RuntimeException | StackOverflowError e) {
                RuntimeException re = e instanceof RuntimeException r ? r : new RuntimeException(e.toString(), e);
                return new Timed<>(null, re, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    /** Pool threads with the deep stacks the interpreter needs (as {@code java -Xss16m} gives main). */
    private static final class Threads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(null, r, "comet-demo-" + n.incrementAndGet(), 64L << 20);
            t.setDaemon(true);
            return t;
        }
    }
}
