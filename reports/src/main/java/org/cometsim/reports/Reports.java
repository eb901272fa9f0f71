package org.cometsim.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;

/**
 * Charts and the HTML page rebuilt from stored results ({@code comet report DIR}, and the last
 * step of {@code comet demo}): a run directory ({@code result.json} + {@code trace.jsonl}) or a
 * sweep directory ({@code results.csv} in the results contract of {@code scenarios/README.md};
 * {@code runs/NAME/trace.jsonl} when the runs' traces were kept). Charts go to {@code DIR/charts}
 * (PNG + SVG), the page to {@code DIR/report.html}.
 */
public final class Reports {
    private Reports() {
    }

    /** What a directory holds. */
    public enum Kind { RUN, SWEEP }

    /** Which kind of results {@code dir} holds; IllegalArgumentException naming what is missing. */
    public static Kind kindOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory");
        }
        if (Files.isRegularFile(dir.resolve("results.csv"))) {
            return Kind.SWEEP;
        }
        if (Files.isRegularFile(dir.resolve("result.json"))) {
            return Kind.RUN;
        }
        throw new IllegalArgumentException(dir + ": no results.csv (a sweep) nor result.json (a run) in it");
    }

    /** Rebuilds the charts and page of {@code dir}; returns the page. */
    public static Path build(Path dir) {
        if (kindOf(dir) == Kind.RUN) {
            return run(dir);
        }
        Map<String, String> scenario = readScenario(dir);
        String title = scenario.remove("title");
        return sweep(dir, title != null ? title : "comet-sim sweep: " + name(dir), scenario);
    }

    /** The file in which {@link #writeScenario} keeps a sweep page's title and scenario lines. */
    public static final String SCENARIO_FILE = "scenario.txt";

    /**
     * Keeps the title and scenario lines of a sweep page beside its results ({@code key: value}
     * lines), so that {@code comet report} rebuilds the same page.
     */
    public static void writeScenario(Path dir, String title, Map<String, String> scenario) {
        StringBuilder b = new StringBuilder("title: ").append(title).append('\n');
        scenario.forEach((k, v) -> b.append(k.replace(':', ' ')).append(": ").append(v.replace('\n', ' ')).append('\n'));
        try {
            Files.writeString(dir.resolve(SCENARIO_FILE), b.toString(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + dir.resolve(SCENARIO_FILE), e);
        }
    }

    static Map<String, String> readScenario(Path dir) {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = dir.resolve(SCENARIO_FILE);
        if (!Files.isRegularFile(f)) {
            return m;
        }
        try {
            for (String line : Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8)) {
                int i = line.indexOf(": ");
                if (i > 0) {
                    m.put(line.substring(0, i), line.substring(i + 2));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + f, e);
        }
        return m;
    }

    // ------------------------------------------------------------------ one run

    /** The page of one run: its scenario and metrics, time and energy, and its timeline. */
    public static Path run(Path dir) {
        ResultTable.Row r = RunFiles.readResult(dir.resolve("result.json"), Map.of("app", name(dir)));
        Path charts = dir.resolve("charts");
        HtmlReport page = new HtmlReport("comet-sim run: " + name(dir));
        Map<String, String> scenario = new LinkedHashMap<>();
        for (String k : List.of("phone", "server", "link", "policy", "energy_model", "seed", "compression")) {
            scenario.put(k, r.text(k));
        }
        page.keyValues("Scenario", scenario);
        Path scenarioFile = dir.resolve("scenario.yaml");
        if (Files.isRegularFile(scenarioFile)) {
            page.heading("Scenario file (scenario.yaml)").code(read(scenarioFile));
        }
        page.table("Outcome", List.of("metric", "value"), List.of(
                List.of("local time (s)", fmt(r.num("local_time_s"), 6)),
                List.of("offloaded time (s)", fmt(r.num("offload_time_s"), 6)),
                List.of("speed-up (x)", fmt(r.num("speedup"), 3)),
                List.of("migrations to the server / back", r.text("migrations_to_server") + " / " + r.text("migrations_to_phone")),
                List.of("syncs up / down", r.text("syncs_by_direction_up") + " / " + r.text("syncs_by_direction_down")),
                List.of("bytes up / down", r.text("bytes_up") + " / " + r.text("bytes_down")),
                List.of("instructions on the server", r.text("instructions_on_server") + " of " + r.text("instructions_total")),
                List.of("connections lost", r.text("failures_connections_lost")),
                List.of("phone energy, local (J)", fmt(r.num("energy_local_j_total"), 4)),
                List.of("phone energy, offloaded (J)", fmt(r.num("energy_j_total"), 4)),
                List.of("output equals the local run's", String.valueOf(
                        r.text("stdout_sha256_local") != null && r.text("stdout_sha256_local").equals(r.text("stdout_sha256_offload"))))));
        Path trace = dir.resolve("trace.jsonl");
        if (Files.isRegularFile(trace)) {
            List<RunFiles.TraceEvent> events = RunFiles.readTrace(trace);
            JFreeChart t = Charts.timeline(events, (long) (r.num("offload_time_s") * 1e9),
                    "Timeline: " + name(dir) + " (" + r.text("link") + ", " + r.text("policy") + ")");
            page.figure("Where each thread ran over simulated time, the syncs and their sizes, failures",
                    ChartFiles.write(t, charts, "timeline", ChartFiles.WIDTH, 800), dir);
        } else {
            page.paragraph("No trace.jsonl in this directory: no timeline.");
        }
        ResultTable one = new ResultTable(List.copyOf(r.values().keySet()), List.of(r));
        if (!Double.isNaN(r.num("energy_j_total"))) {
            page.figure("Phone energy by component, local vs offloaded",
                    ChartFiles.write(Charts.energyByComponent(one, "Phone energy (" + r.text("link") + ")", false), charts,
                            "energy", 900, 600), dir);
        }
        return page.write(dir.resolve("report.html"));
    }

    // ------------------------------------------------------------------ a sweep

    /**
     * The page of a sweep (or of the demo): the speed-up table with geometric means beside the
     * paper's, then every chart the table's columns allow: the headline speed-up figure, energy
     * per link, policy comparison per link (several policies), CDFs across seeds (several seeds),
     * a line over each swept numeric axis, and the timeline of one run whose trace was kept.
     *
     * @param scenario key/value lines describing the experiment (shown first)
     */
    public static Path sweep(Path dir, String title, Map<String, String> scenario) {
        ResultTable all = ResultTable.readCsv(dir.resolve("results.csv"));
        ResultTable ok = all.has("status") ? all.where(r -> "ok".equals(r.text("status"))) : all;
        Path charts = dir.resolve("charts");
        HtmlReport page = new HtmlReport(title);
        if (!scenario.isEmpty()) {
            page.keyValues("Scenario", scenario);
        }
        Path sweepFile = dir.resolve("sweep.yaml");
        if (Files.isRegularFile(sweepFile)) {
            page.heading("Sweep file (sweep.yaml)").code(read(sweepFile));
        }
        page.paragraph(String.format(Locale.ROOT, "%d point(s) stored, %d finished without error.", all.rows().size(),
                ok.rows().size()));
        ResultTable failed = all.where(r -> r.text("status") != null && !"ok".equals(r.text("status")));
        if (!failed.isEmpty()) {
            List<String> axes = new ArrayList<>(List.of("app"));
            for (String c : all.columns()) {
                if (c.startsWith("axis_") && !c.endsWith("_value") && !c.equals("axis_app")) {
                    axes.add(c);
                }
            }
            List<String> header = new ArrayList<>(axes);
            header.add("error");
            List<List<String>> rows = new ArrayList<>();
            for (ResultTable.Row r : failed.rows()) {
                List<String> row = new ArrayList<>();
                for (String c : header) {
                    row.add(r.text(c) == null ? "" : r.text(c));
                }
                rows.add(row);
            }
            page.table("Points that failed", header, rows);
        }
        if (ok.isEmpty()) {
            return page.write(dir.resolve("report.html"));
        }
        List<String> links = ok.distinct("link");
        List<String> policies = ok.distinct("policy");
        List<String> seeds = ok.distinct("seed");
        // Policy by policy: the headline table and figure compare each policy with the local run.
        for (String policy : policies.isEmpty() ? List.of("") : policies) {
            ResultTable t = policy.isEmpty() ? ok : ok.where(r -> policy.equals(r.text("policy")));
            String suffix = policies.size() > 1 ? "-" + slug(policy) : "";
            speedupTable(page, t, links, "Speed-up" + (policy.isEmpty() ? "" : " under policy " + policy));
            page.figure("Speed-up per app by network, geometric means and the paper's (policy " + policy + ")",
                    ChartFiles.write(Charts.speedupByApp(t, "Speed-up of offloading with COMET"
                            + (policy.isEmpty() ? "" : " (policy " + policy + ")")), charts, "speedup" + suffix), dir);
        }
        for (String link : links) {
            ResultTable t = ok.where(r -> link.equals(r.text("link")));
            if (t.has("energy_j_cpu") && !Charts.values(t, "energy_j_cpu").isEmpty()) {
                ResultTable e = policies.contains("comet") ? t.where(r -> "comet".equals(r.text("policy"))) : t;
                page.figure("Phone energy per app by component on " + link + ", relative to the local run",
                        ChartFiles.write(Charts.energyByComponent(e, "Phone energy per app, " + link, true), charts,
                                "energy-" + slug(link)), dir);
            }
            if (policies.size() > 1) {
                page.figure("Policy comparison on " + link + " (95% confidence intervals over seeds)",
                        ChartFiles.write(Charts.policyComparison(t, "speedup", "speed-up (x)",
                                "Speed-up by policy, " + link), charts, "policies-" + slug(link)), dir);
            }
        }
        if (seeds.size() > 1) {
            String by = policies.size() > 1 ? "policy" : "link";
            page.figure("Distribution of the speed-up across seeds, per " + by,
                    ChartFiles.write(Charts.cdf(ok, "speedup", "speed-up (x)", by, "Speed-up across seeds (CDF)"),
                            charts, "cdf-speedup"), dir);
        }
        for (String axis : sweptScalars(ok)) {
            String name = axis.substring("axis_".length(), axis.length() - "_value".length());
            String by = policies.size() > 1 ? "policy" : links.size() > 1 ? "link" : null;
            page.figure("Speed-up over " + name,
                    ChartFiles.write(Charts.overScalar(ok, axis, name + " (SI units)", "speedup", "speed-up (x)", by,
                            "Speed-up vs " + name), charts, "over-" + slug(name)), dir);
        }
        Path summary = dir.resolve("summary.csv");
        if (Files.isRegularFile(summary)) {
            summaryTable(page, ResultTable.readCsv(summary));
        }
        Path runs = dir.resolve("runs");
        if (Files.isDirectory(runs)) {
            Path chosen = timelineRun(ok, runs);
            if (chosen != null) {
                ResultTable.Row r = RunFiles.readResult(chosen.resolve("result.json"), Map.of());
                page.figure("Timeline of one run (" + chosen.getFileName() + "): where each thread ran, syncs, failures",
                        ChartFiles.write(Charts.timeline(RunFiles.readTrace(chosen.resolve("trace.jsonl")),
                                (long) (r.num("offload_time_s") * 1e9), "Timeline: " + chosen.getFileName()),
                                charts, "timeline", ChartFiles.WIDTH, 800), dir);
            }
        }
        page.paragraph("All points: results.csv beside this page (one row per point, the results contract's columns).");
        return page.write(dir.resolve("report.html"));
    }

    /** The table of speed-ups: one row per app, one column per link, then the geometric means and the paper's. */
    static void speedupTable(HtmlReport page, ResultTable t, List<String> links, String heading) {
        Map<String, Map<String, Double>> s = Charts.speedupByAppAndLink(t);
        List<String> header = new ArrayList<>();
        header.add("app");
        for (String l : links) {
            header.add(l + " speed-up");
        }
        List<List<String>> rows = new ArrayList<>();
        s.forEach((app, m) -> {
            List<String> row = new ArrayList<>();
            row.add(app);
            for (String l : links) {
                Double v = m.get(l);
                row.add(v == null ? "" : fmt(v, 2) + "x");
            }
            rows.add(row);
        });
        Map<String, Double> geo = Charts.geometricMeans(t);
        List<String> g = new ArrayList<>(List.of("geometric mean"));
        List<String> p = new ArrayList<>(List.of("paper (COMET, OSDI 2012)"));
        for (String l : links) {
            Double v = geo.get(l);
            g.add(v == null ? "" : fmt(v, 2) + "x");
            double paper = Charts.paperSpeedup(l);
            p.add(Double.isNaN(paper) ? "" : fmt(paper, 2) + "x");
        }
        rows.add(g);
        rows.add(p);
        page.table(heading, header, rows);
    }

    /**
     * The sweep's replication statistics ({@code summary.csv} of the results contract): one row
     * per group and metric, mean with its 95% interval, n, and the geometric mean where defined.
     */
    static void summaryTable(HtmlReport page, ResultTable t) {
        List<String> labels = new ArrayList<>();
        for (String c : t.columns()) {
            if (c.startsWith("axis_") && !c.endsWith("_value")) {
                labels.add(c);
            }
        }
        List<String> header = new ArrayList<>();
        for (String c : labels) {
            header.add(c.substring("axis_".length()));
        }
        header.addAll(List.of("metric", "n", "mean", "95% CI", "geo. mean"));
        List<List<String>> rows = new ArrayList<>();
        for (ResultTable.Row r : t.rows()) {
            List<String> row = new ArrayList<>();
            for (String c : labels) {
                row.add(r.text(c) == null ? "" : r.text(c));
            }
            row.add(r.text("metric"));
            row.add(r.text("n"));
            row.add(fmt4(r.num("mean")));
            row.add(Double.isNaN(r.num("ci95_low")) ? "" : fmt4(r.num("ci95_low")) + " .. " + fmt4(r.num("ci95_high")));
            row.add(fmt4(r.num("geomean")));
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            page.table("Replication statistics (summary.csv)", header, rows);
        }
    }

    private static String fmt4(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Numeric axis columns ({@code axis_NAME_value}) other than the seed that take several values. */
    static List<String> sweptScalars(ResultTable t) {
        List<String> out = new ArrayList<>();
        for (String c : t.columns()) {
            if (c.startsWith("axis_") && c.endsWith("_value") && !c.equals("axis_seed_value")
                    && Charts.values(t, c).stream().distinct().count() > 1) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The run whose timeline the sweep page shows: of the kept traces (those of the table's rows
     * when their directories are named APP-LINK), the one in which the most threads migrated (the
     * most to see), the first in name order among equals.
     */
    private static Path timelineRun(ResultTable ok, Path runs) {
        try (var s = Files.list(runs)) {
            List<Path> all = s.filter(d -> Files.isRegularFile(d.resolve("trace.jsonl"))
                    && Files.isRegularFile(d.resolve("result.json"))).sorted().toList();
            // Runs named APP-LINK (comet demo) count only if results.csv has them: a directory left
            // from an earlier, larger run is not this table's.
            java.util.Set<String> named = new java.util.HashSet<>();
            for (ResultTable.Row r : ok.rows()) {
                named.add(r.text("app") + "-" + r.text("link"));
            }
            List<Path> listed = all.stream().filter(d -> named.contains(d.getFileName().toString())).toList();
            List<Path> dirs = listed.isEmpty() ? all : listed;
            Path best = null;
            long bestThreads = -1;
            for (Path d : dirs) {
                long threads = RunFiles.readTrace(d.resolve("trace.jsonl")).stream()
                        .filter(e -> e.event().equals("migrate_in")).map(e -> e.field("thread")).distinct().count();
                if (threads > bestThreads) {
                    best = d;
                    bestThreads = threads;
                }
            }
            return best;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + runs, e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + f, e);
        }
    }

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-");
    }

    private static String name(Path dir) {
        Path f = dir.toAbsolutePath().normalize().getFileName();
        return f == null ? "run" : f.toString();
    }
}
