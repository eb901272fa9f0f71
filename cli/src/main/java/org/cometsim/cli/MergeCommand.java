package org.cometsim.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cometsim.scenarios.results.ResultsStore;
import org.cometsim.scenarios.results.Summary;
import org.cometsim.scenarios.results.Version;
import org.cometsim.scenarios.yaml.ScenarioException;

/**
 * {@code comet merge --out DIR SHARD...}: joins the results databases of a sweep's shards into
 * DIR/results.duckdb (a point already stored as finished is kept), then rewrites the summary and
 * the CSV exports. The shards are opened read-only and never changed.
 */
final class MergeCommand {
    private MergeCommand() {
    }

    static final String USAGE = String.join("\n",
            "usage: comet merge --out DIR SHARD_DIR_OR_DB [SHARD_DIR_OR_DB ...]",
            "  joins the results.duckdb of several shards of one sweep ('comet sweep --shard i/n')",
            "  into DIR/results.duckdb (created, or added to) and writes DIR/results.csv and",
            "  DIR/summary.csv; shards of another sweep (other name or axes) are refused.",
            "example: comet merge --out out/all out/shard1 out/shard2",
            "");

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        String outDir = null;
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--out")) {
                if (i + 1 >= args.size()) {
                    throw new CometCli.UsageException("--out needs a value\n" + USAGE);
                }
                outDir = args.get(++i);
            } else if (args.get(i).startsWith("-")) {
                throw new CometCli.UsageException("merge: unknown option " + args.get(i) + "\n" + USAGE);
            } else {
                Path p = Path.of(args.get(i));
                shards.add(Files.isDirectory(p) ? p.resolve(ResultsStore.FILE) : p);
            }
        }
        if (outDir == null || shards.isEmpty()) {
            throw new CometCli.UsageException("merge: --out DIR and at least one shard are required\n" + USAGE);
        }
        Path dir = Path.of(outDir);
        try {
            List<ResultsStore.Meta> metas = new ArrayList<>();
            for (Path s : shards) {
                if (!Files.isRegularFile(s)) {
                    throw new ScenarioException(s + ": no such results database");
                }
                if (s.toAbsolutePath().normalize().equals(dir.resolve(ResultsStore.FILE).toAbsolutePath().normalize())) {
                    throw new ScenarioException(s + ": is the output database itself");
                }
                metas.add(ResultsStore.readMeta(s));
            }
            ResultsStore.Meta first = metas.get(0);
            for (int i = 1; i < metas.size(); i++) {
                ResultsStore.Meta m = metas.get(i);
                if (!m.axes().equals(first.axes()) || !String.valueOf(m.sweep()).equals(String.valueOf(first.sweep()))) {
                    throw new ScenarioException(shards.get(i) + ": holds sweep '" + m.sweep() + "' with axes " + m.axes()
                            + ", but " + shards.get(0) + " holds '" + first.sweep() + "' with axes " + first.axes()
                            + "; nothing was changed");
                }
            }
            try (ResultsStore store = ResultsStore.open(dir, first.sweep(), first.axisNames(), Version.comet())) {
                for (Path s : shards) {
                    int n = store.merge(s);
                    err.println("comet: merged " + n + " point(s) from " + s);
                }
                Summary.rewrite(store);
                store.exportCsv(dir);
                long[] counts = store.counts();
                err.println("comet: " + dir.resolve(ResultsStore.FILE) + ": " + counts[1] + " of " + counts[0]
                        + " points ok; wrote results.csv, summary.csv");
                SummaryTable.print(store, out);
            }
            return 0;
        } catch (ScenarioException e) {
            throw new CometCli.UsageException(e.getMessage());
        }
    }
}
