package org.cometsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.scenarios.results.ResultsStore;
import org.cometsim.scenarios.spec.ScenarioRunner;
import org.cometsim.scenarios.spec.Sweep;
import org.cometsim.scenarios.sweep.SweepRunner;

/**
 * {@code comet bench-sweep}: the 1,000-point sweep of issue #15's performance target (5 workloads
 * small x 4 links x 5 policies x 10 seeds, target <= 5 minutes on 2 cores), whole or as an
 * evenly spread sample ({@code --sample N}: every (1000/N)-th point, the shard mechanism), into a
 * temporary directory. Reports host wall time, the projection to all points, and where the time
 * went (the stored per-point host time, by policy and by app).
 */
final class BenchSweepCommand {
    private BenchSweepCommand() {
    }

    static final String USAGE = String.join("\n",
            "usage: comet bench-sweep [--sample N] [--jobs N] [--sweep FILE] [--keep DIR]",
            "  runs the built-in 1000-point sweep (5 workloads small x 4 links x 5 policies x",
            "  10 seeds; target <= 5 min on 2 cores), or every k-th point of it (--sample N),",
            "  and prints the wall time, its projection to the whole sweep, and host seconds",
            "  per point by policy and by app",
            "example: comet bench-sweep --sample 100 --jobs 2",
            "");

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        int sample = 0;
        int jobs = Runtime.getRuntime().availableProcessors();
        Path sweepFile = null;
        Path keep = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (i + 1 >= args.size()) {
                throw new CometCli.UsageException(a + " needs a value\n" + USAGE);
            }
            String v = args.get(++i);
            switch (a) {
                case "--sample" -> sample = positive(a, v);
                case "--jobs" -> jobs = positive(a, v);
                case "--sweep" -> sweepFile = Path.of(v);
                case "--keep" -> keep = Path.of(v);
                default -> throw new CometCli.UsageException("bench-sweep: unknown option " + a + "\n" + USAGE);
            }
        }
        Path tmp = Files.createTempDirectory("comet-bench-sweep-");
        if (sweepFile == null) {
            sweepFile = tmp.resolve("sweep-1000.yaml");
            try (InputStream in = Sweep.class.getResourceAsStream("/org/cometsim/scenarios/bench/sweep-1000.yaml")) {
                Files.copy(in, sweepFile);
            }
        }
        Sweep sweep = Sweep.read(sweepFile);
        int total = sweep.points().size();
        int n = sample == 0 || sample >= total ? 1 : total / sample;
        Path outDir = keep != null ? keep : tmp.resolve("out");
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        SweepRunner.Outcome o;
        try (ScenarioRunner runner = new ScenarioRunner(D8Converter.withDefaultCache());
             ResultsStore store = ResultsStore.open(outDir, sweep.name(), sweep.axisNames(), "bench")) {
            o = new SweepRunner(runner, "bench").run(sweep, store, new SweepRunner.Options(jobs, 1, n, err, false));
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            out.printf(Locale.ROOT, "bench-sweep: %d of %d points (every %d-th), %d job(s), %d cores: %.1f s wall, "
                    + "%.3f s/point%n", o.ran(), total, n, jobs, Runtime.getRuntime().availableProcessors(), wall,
                    wall / Math.max(1, o.ran()));
            out.printf(Locale.ROOT, "bench-sweep: projected for all %d points: %.0f s wall at this load (target 300 s)%s%n",
                    total, wall / Math.max(1, o.ran()) * total, o.failed() > 0 ? "; " + o.failed() + " point(s) FAILED" : "");
            // CPU time does not grow with other processes' load: the projection for idle cores.
            out.printf(Locale.ROOT, "bench-sweep: process CPU time %.1f s (%.3f s/point; load average %.1f): %.0f s of CPU "
                    + "for all points, %.0f s on %d idle cores if it scales%n", cpu, cpu / Math.max(1, o.ran()),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    cpu / Math.max(1, o.ran()) * total, cpu / Math.max(1, o.ran()) * total / jobs, jobs);
            breakdown(store, "axis_policy", out);
            breakdown(store, "axis_app", out);
        } finally {
            if (keep == null) {
                try (var files = Files.walk(tmp)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return o.failed() > 0 ? 1 : 0;
    }

    /** Host seconds per point grouped by one axis (the first point of each app also ran its local baseline). */
    private static void breakdown(ResultsStore store, String column, PrintStream out) {
        List<String> lines = new ArrayList<>();
        try (var st = store.connection().createStatement();
             var r = st.executeQuery("SELECT \"" + column + "\", count(*), sum(wall_s), avg(wall_s), avg(instructions_total) "
                     + "FROM points GROUP BY 1 ORDER BY 3 DESC")) {
            while (r.next()) {
                lines.add(String.format(Locale.ROOT, "  %-14s %4d points  %8.1f host s  %6.3f s/point  %,14.0f instructions/point",
                        r.getString(1), r.getLong(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)));
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        out.println("bench-sweep: host time by " + column.substring("axis_".length()) + " (thread time, summed over jobs):");
        lines.forEach(out::println);
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static int positive(String opt, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new CometCli.UsageException(opt + " must be a whole number >= 1, not '" + v + "'");
    }
}
