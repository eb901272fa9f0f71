package org.cometsim.scenarios.sweep;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.results.ResultsStore;
import org.cometsim.scenarios.results.RunRecord;
import org.cometsim.scenarios.results.Summary;
import org.cometsim.scenarios.spec.Scenario;
import org.cometsim.scenarios.spec.ScenarioRunner;
import org.cometsim.scenarios.spec.Sweep;

/**
 * Runs a sweep's points (or a shard's share of them) on a pool of threads in this JVM and stores
 * each finished point at once. Points that the store already holds as finished are skipped, so a
 * rerun resumes. Points with the same local baseline ({@link ScenarioRunner#baselineKey}) share
 * one baseline run. A point's result depends only on its scenario: every run builds its own
 * simulation, VMs, link and policy; what runs share (parsed class paths, baselines) is immutable
 * or computed once.
 */
public final class SweepRunner {
    /** How to run: worker threads, shard {@code index} (1-based) of {@code count}, where progress goes. */
    public record Options(int jobs, int shardIndex, int shardCount, PrintStream progress, boolean terminal) {
        public Options {
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be >= 1");
            }
            if (shardCount < 1 || shardIndex < 1 || shardIndex > shardCount) {
                throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n");
            }
        }
    }

    /** What a run did: points in this shard, already finished before, run now, of which failed. */
    public record Outcome(int inShard, int skipped, int ran, int failed) {
    }

    /** Stack size of worker threads: guest code recurses on the host stack (the CLI runs with -Xss16m). */
    static final long WORKER_STACK = 16L << 20;

    private final ScenarioRunner runner;
    private final String version;
    private final ConcurrentHashMap<String, CompletableFuture<OffloadRun.Side>> baselines = new ConcurrentHashMap<>();

    public SweepRunner(ScenarioRunner runner, String version) {
        this.runner = runner;
        this.version = version;
    }

    /** The points of shard {@code i} of {@code n}: those with {@code index % n == i - 1}. */
    public static List<Sweep.Point> shard(List<Sweep.Point> points, int i, int n) {
        return points.stream().filter(p -> p.index() % n == i - 1).toList();
    }

    public Outcome run(Sweep sweep, ResultsStore store, Options o) {
        List<Sweep.Point> mine = shard(sweep.points(), o.shardIndex(), o.shardCount());
        Set<String> done = store.finishedKeys();
        List<Sweep.Point> todo = mine.stream().filter(p -> !done.contains(p.key())).toList();
        // Load every app before running anything: a bad jar is an input error, not a failed point.
        for (Sweep.Point p : todo) {
            runner.load(p.scenario().app());
        }
        Progress progress = new Progress(o.progress(), o.terminal(), todo.size(), mine.size() - todo.size());
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(o.jobs(), r -> {
            Thread t = new Thread(null, r, "sweep-" + threadNo.incrementAndGet(), WORKER_STACK);
            t.setDaemon(true);
            return t;
        });
        int failed = 0;
        try {
            ExecutorCompletionService<Row> done2 = new ExecutorCompletionService<>(pool);
            for (Sweep.Point p : todo) {
                done2.submit(() -> runPoint(sweep, p));
            }
            for (int k = 0; k < todo.size(); k++) {
                Row row;
                try {
                    Future<Row> f = done2.take();
                    row = f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                store.put(row.values());
                if (!row.ok()) {
                    failed++;
                }
                progress.finished(row.point(), row.ok() ? null : row.error(), sweep);
            }
        } finally {
            pool.shutdownNow();
        }
        progress.end();
        Summary.rewrite(store);
        return new Outcome(mine.size(), mine.size() - todo.size(), todo.size(), failed);
    }

    /** One stored row and what the progress line says about it. */
    record Row(Sweep.Point point, boolean ok, String error, List<Object> values) {
    }

    Row runPoint(Sweep sweep, Sweep.Point p) {
        long start = System.nanoTime();
        Scenario s = p.scenario();
        try {
            OffloadRun.Config config = runner.config(s, s.seed());
            OffloadRun.Side local = baseline(ScenarioRunner.baselineKey(s), config);
            OffloadRun.Result r = OffloadRun.run(config, local);
            RunRecord.Names names = new RunRecord.Names(s.phone().label(), s.server().label(), s.link().label(),
                    config.policy().name(), s.energy(), s.seed(), s.compression());
            List<Object> v = head(sweep, p, "ok", null);
            for (RunRecord.Column c : RunRecord.columns(r, names)) {
                v.add(c.value());
            }
            v.add(r.local().stdout().equals(r.offload().stdout()));
            v.add(version);
            v.add((System.nanoTime() - start) / 1e9);
            return new Row(p, true, null, v);
        } catch (RuntimeException | StackOverflowError e) {
            String msg = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' ');
            List<Object> v = head(sweep, p, "error", msg);
            for (int i = 0; i < RunRecord.template().size() + 1; i++) {
                v.add(null);
            }
            v.add(version);
            v.add((System.nanoTime() - start) / 1e9);
            return new Row(p, false, msg, v);
        }
    }

    private OffloadRun.Side baseline(String key, OffloadRun.Config config) {
        CompletableFuture<OffloadRun.Side> mine = new CompletableFuture<>();
        CompletableFuture<OffloadRun.Side> f = baselines.putIfAbsent(key, mine);
        if (f == null) {
            try {
                mine.complete(OffloadRun.runLocal(config));
            } catch (RuntimeException | StackOverflowError e) {
                mine.completeExceptionally(e);
            }
            f = mine;
        }
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalStateException("local baseline failed: " + c, c);
        }
    }

    private static List<Object> head(Sweep sweep, Sweep.Point p, String status, String error) {
        List<Object> v = new ArrayList<>();
        v.add(p.key());
        v.add(p.index());
        v.add(status);
        v.add(error);
        v.add(p.scenario().app().label());
        v.add(p.scenario().app().size());
        for (int a = 0; a < sweep.axes().size(); a++) {
            v.add(p.labels().get(a));
            v.add(p.values().get(a));
        }
        return v;
    }

    /** The point's axis assignment, {@code app=fft link=comet-3g ...}. */
    static String describe(Sweep sweep, Sweep.Point p) {
        StringBuilder b = new StringBuilder();
        for (int a = 0; a < sweep.axes().size(); a++) {
            b.append(a > 0 ? " " : "").append(sweep.axes().get(a).name()).append('=').append(p.labels().get(a));
        }
        return b.length() == 0 ? "(base)" : b.toString();
    }

    static String duration(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0fs", s);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", (long) s / 3600, (long) s % 3600 / 60);
    }
}
