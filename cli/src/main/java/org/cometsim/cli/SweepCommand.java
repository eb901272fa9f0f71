package org.cometsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.scenarios.results.ResultsStore;
import org.cometsim.scenarios.results.Version;
import org.cometsim.scenarios.spec.ScenarioRunner;
import org.cometsim.scenarios.spec.Sweep;
import org.cometsim.scenarios.sweep.SweepRunner;
import org.cometsim.scenarios.yaml.ScenarioException;

/**
 * {@code comet sweep SWEEP.yaml [--out DIR] [--jobs N] [--shard i/n]}: every point of a sweep (a
 * base scenario and axes; schema in the scenarios module's README), in parallel, each stored in
 * {@code DIR/results.duckdb} as it finishes; a rerun skips finished points. Then the replication
 * summary and the CSV exports.
 */
final class SweepCommand {
    private SweepCommand() {
    }

    static final String USAGE = String.join("\n",
            "usage: comet sweep SWEEP.yaml [--out DIR] [--jobs N] [--shard i/n] [--quiet]",
            "  runs every point of the sweep (base scenario x axes; see scenarios/README.md) on N",
            "  threads (default: all cores), storing each finished point in DIR/results.duckdb",
            "  (default DIR: comet-sweep-NAME); a rerun skips finished points, so a killed sweep",
            "  resumes. --shard i/n runs only points with index % n == i-1 (a cluster job array:",
            "  one DIR per shard, then 'comet merge'). Writes DIR/results.csv (one row per point)",
            "  and DIR/summary.csv (mean and 95% CI over seeds), charts and DIR/report.html.",
            "  Exit status 1 if a point failed.",
            "example: comet sweep scenarios/examples/07-sweep-replications.yaml --out out/rep --jobs 2",
            "");

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            if (args.isEmpty()) {
                throw new CometCli.UsageException("sweep: SWEEP.yaml is required\n" + USAGE);
            }
            out.print(USAGE);
            return 0;
        }
        Path file = Path.of(args.get(0));
        String outDir = null;
        int jobs = Runtime.getRuntime().availableProcessors();
        int shardI = 1;
        int shardN = 1;
        boolean quiet = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--quiet")) {
                quiet = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new CometCli.UsageException(a + " needs a value\n" + USAGE);
            }
            String v = args.get(++i);
            switch (a) {
                case "--out" -> outDir = v;
                case "--jobs" -> {
                    try {
                        jobs = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        jobs = 0;
                    }
                    if (jobs < 1) {
                        throw new CometCli.UsageException("--jobs must be a whole number >= 1, not '" + v + "'");
                    }
                }
                case "--shard" -> {
                    String[] p = v.split("/", -1);
                    try {
                        shardI = Integer.parseInt(p[0]);
                        shardN = Integer.parseInt(p[1]);
                    } catch (RuntimeException e) {
                        shardN = 0;
                    }
                    if (p.length != 2 || shardN < 1 || shardI < 1 || shardI > shardN) {
                        throw new CometCli.UsageException("--shard must be i/n with 1 <= i <= n, not '" + v + "'");
                    }
                }
                default -> throw new CometCli.UsageException("sweep: unknown option " + a + "\n" + USAGE);
            }
        }
        Sweep sweep;
        try {
            sweep = Sweep.read(file);
        } catch (ScenarioException e) {
            throw new CometCli.UsageException(e.getMessage());
        }
        Path dir = Path.of(outDir != null ? outDir : "comet-sweep-" + sweep.name());
        String version = Version.comet();
        try (ScenarioRunner runner = new ScenarioRunner(D8Converter.withDefaultCache());
             ResultsStore store = open(dir, sweep, version)) {
            Path copy = dir.resolve("sweep.yaml");
            if (!Files.exists(copy)) {
                Files.copy(file, copy);
            }
            err.printf(Locale.ROOT, "comet: sweep %s: %d point(s)%s, %d job(s), results in %s%n", sweep.name(),
                    sweep.points().size(), shardN > 1 ? " (shard " + shardI + "/" + shardN + ")" : "", jobs, dir);
            SweepRunner.Outcome o;
            try {
                o = new SweepRunner(runner, version).run(sweep, store,
                        new SweepRunner.Options(jobs, shardI, shardN, quiet ? null : err, System.console() != null));
            } catch (ScenarioException e) {
                throw new CometCli.UsageException(e.getMessage());
            }
            store.exportCsv(dir);
            long[] counts = store.counts();
            err.printf(Locale.ROOT, "comet: sweep %s: %d run now (%d failed), %d already finished; %d of %d stored ok%n",
                    sweep.name(), o.ran(), o.failed(), o.skipped(), counts[1], counts[0]);
            err.println("comet: wrote " + dir.resolve("results.csv") + ", " + dir.resolve("summary.csv"));
            ReportCommand.buildQuietly(dir, err);
            SummaryTable.print(store, out);
            return o.failed() > 0 ? 1 : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResultsStore open(Path dir, Sweep sweep, String version) {
        try {
            return ResultsStore.open(dir, sweep.name(), sweep.axisNames(), version);
        } catch (ScenarioException e) {
            throw new CometCli.UsageException(e.getMessage());
        }
    }
}
