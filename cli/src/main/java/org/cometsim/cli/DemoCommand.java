package org.cometsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.energy.PhoneEnergyModel;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.Policies;
import org.cometsim.reports.Charts;
import org.cometsim.reports.Reports;
import org.cometsim.reports.ResultTable;
import org.cometsim.reports.RunFiles;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * {@code comet demo}: the paper's headline experiment in one command. Every built-in workload on
 * the COMET-like phone and server over {@code comet-wifi} and {@code comet-3g}, offloaded with the
 * {@code comet} policy against the local baseline (policy {@code never}: the program alone on the
 * phone, run once per app), in parallel on the host's cores ({@link DemoRunner}); prints the
 * speed-up table with geometric means beside the paper's, and writes {@code results.csv} (the
 * sweep results contract's columns), each run's {@code result.json} and {@code trace.jsonl}, the
 * charts and {@code report.html} to the output directory.
 */
final class DemoCommand {
    private DemoCommand() {
    }

    static final String PHONE = "phone-2012-hummingbird-portable";
    static final String SERVER = "server-2012-portable";
    static final List<String> LINKS = List.of("comet-wifi", "comet-3g");
    static final String POLICY = "comet";
    static final String ENERGY = "aro-captivate";
    /** The paper's largest speed-up (COMET, OSDI 2012: "up to 15x"). */
    static final double PAPER_MAX = 15;

    static final String USAGE = String.join("\n",
            "usage: comet demo [--size small|medium|paper] [--out DIR] [--jobs N] [--seed N]",
            "every built-in workload on the COMET-like phone (" + PHONE + ") and server (" + SERVER + ")",
            "over comet-wifi and comet-3g, offloaded with policy comet against the local run (policy never),",
            "(workloads whose work depends on the clock, scimark-timed, are left out: no speed-up to measure)",
            "in parallel; prints the speed-up table with geometric means beside the paper's 2.88x (WiFi),",
            "1.27x (3G), up to 15x; writes results.csv, runs/APP-LINK/{result.json,trace.jsonl}, charts/ and",
            "report.html to DIR (default ./comet-out). --size small (default) finishes in minutes;",
            "medium is ~10x, paper is the paper-claims check's size.",
            "--jobs: parallel runs (default: the host's cores). --only-workloads a,b (for tests): a subset.",
            "example: comet demo && xdg-open comet-out/report.html",
            "");

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String size = "small";
        Path dir = Path.of("comet-out");
        int jobs = Runtime.getRuntime().availableProcessors();
        long seed = 1;
        List<String> only = null;
        for (int i = 0; i < args.size(); i += 2) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (i + 1 >= args.size()) {
                throw new CometCli.UsageException("demo: " + a + " needs a value\n" + USAGE);
            }
            String v = args.get(i + 1);
            switch (a) {
                case "--size" -> size = v;
                case "--out" -> dir = Path.of(v);
                case "--jobs" -> jobs = positive("--jobs", v);
                case "--seed" -> seed = positive("--seed", v);
                case "--only-workloads" -> only = List.of(v.split(","));
                default -> throw new CometCli.UsageException("demo: unknown option " + a + "\n" + USAGE);
            }
        }
        if (!List.of("small", "medium", "paper").contains(size)) {
            throw new CometCli.UsageException("demo: --size must be small, medium or paper, not '" + size + "'");
        }
        List<Workload> workloads = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Workload w : WorkloadCatalog.all()) {
            if (only != null ? only.contains(w.name()) : w.deterministic()) {
                workloads.add(w);
            } else if (only == null) {
                // Its work depends on the clock (e.g. SciMark's own timed mode runs each kernel for a
                // minimum time), so local time / offloaded time is not a speed-up.
                skipped.add(w.name());
            }
        }
        if (only != null && workloads.size() != only.size()) {
            throw new CometCli.UsageException("demo: --only-workloads names a workload that does not exist (see 'comet workloads')");
        }
        CpuModel phone = DeviceModels.cpu(PHONE);
        CpuModel server = DeviceModels.cpu(SERVER);
        PhoneEnergyModel energy = DeviceModels.energy(ENERGY);
        List<OffloadRun.Config> baselines = new ArrayList<>();
        List<DemoRunner.Point> points = new ArrayList<>();
        for (int a = 0; a < workloads.size(); a++) {
            BuiltInWorkloads.Resolved r = BuiltInWorkloads.resolve(workloads.get(a).name(), size);
            ClassPath cp;
            try {
                cp = ClassPath.parse(r.classPath(), D8Converter.withDefaultCache());
            } catch (LoadException e) {
                err.println("comet: " + e.getMessage());
                return 1;
            }
            for (String link : LINKS) {
                OffloadRun.Config c = new OffloadRun.Config(cp, r.classPath(), r.mainClass(), r.args(), phone, server,
                        sim -> LinkModels.preset(link, sim.streams()), OffloadRun.radioFor(link),
                        Policies.byName(POLICY), energy, seed, true, null);
                if (link.equals(LINKS.get(0))) {
                    baselines.add(c);
                }
                points.add(new DemoRunner.Point(a, link, c));
            }
        }
        err.printf(Locale.ROOT, "comet demo: %d workloads x %d links at size %s, %d parallel job(s); writing %s%n",
                workloads.size(), LINKS.size(), size, jobs, dir);
        if (!skipped.isEmpty()) {
            err.printf(Locale.ROOT, "comet demo: left out %s (work depends on the clock: no speed-up to measure)%n",
                    String.join(", ", skipped));
        }
        int[] done = {0};
        long t0 = System.nanoTime();
        List<DemoRunner.Outcome> outcomes = DemoRunner.run(baselines, points, jobs, o -> {
            done[0]++;
            String what = o.error() != null ? "FAILED: " + o.error().getMessage()
                    : String.format(Locale.ROOT, "speed-up %.2fx", o.result().speedup());
            err.printf(Locale.ROOT, "comet demo: [%2d/%d] %-14s %-11s %s (%.0f s elapsed)%n", done[0], points.size(),
                    workloads.get(o.point().app()).name(), o.point().link(), what, (System.nanoTime() - t0) / 1e9);
        });
        ResultTable table = store(dir, workloads, size, seed, outcomes);
        printTable(table, out);
        Map<String, String> scenario = new LinkedHashMap<>();
        scenario.put("command", "comet demo --size " + size + " --seed " + seed);
        scenario.put("apps", workloads.size() + " built-in workloads at size " + size + (skipped.isEmpty() ? ""
                : " (left out, their work depends on the clock: " + String.join(", ", skipped) + ")"));
        scenario.put("phone", PHONE);
        scenario.put("server", SERVER);
        scenario.put("links", String.join(", ", LINKS));
        scenario.put("policy", POLICY + " (baseline: the app alone on the phone, policy never)");
        scenario.put("energy model", ENERGY);
        scenario.put("seed", Long.toString(seed));
        String title = "comet-sim demo: COMET's headline experiment";
        Reports.writeScenario(dir, title, scenario);
        Path page = Reports.sweep(dir, title, scenario);
        err.printf(Locale.ROOT, "comet demo: %d runs in %.1f s host time; report: %s%n", outcomes.size(),
                (System.nanoTime() - t0) / 1e9, page);
        long failed = outcomes.stream().filter(o -> o.error() != null).count();
        long differs = outcomes.stream().filter(o -> o.error() == null
                && !outputMatches(workloads.get(o.point().app()), o.result())).count();
        if (differs > 0) {
            err.printf(Locale.ROOT, "comet demo: %d offloaded run(s) printed something else than the local run%n", differs);
        }
        return failed > 0 || differs > 0 ? 1 : 0;
    }

    /**
     * Writes the runs' files and {@code results.csv} (the points table of the results contract,
     * axes {@code app} and {@code link}); returns the table.
     */
    static ResultTable store(Path dir, List<Workload> workloads, String size, long seed,
                             List<DemoRunner.Outcome> outcomes) {
        List<String> header = new ArrayList<>(List.of("point_key", "point_index", "status", "error", "app", "app_size",
                "axis_app", "axis_app_value", "axis_link", "axis_link_value"));
        List<Map<String, String>> rows = new ArrayList<>();
        try {
            Files.createDirectories(dir.resolve("runs"));
            for (int i = 0; i < outcomes.size(); i++) {
                DemoRunner.Outcome o = outcomes.get(i);
                String app = workloads.get(o.point().app()).name();
                String link = o.point().link();
                Map<String, String> m = new LinkedHashMap<>();
                m.put("point_key", sha256("comet-demo|" + app + "|" + size + "|" + PHONE + "|" + SERVER + "|" + link
                        + "|" + POLICY + "|" + ENERGY + "|" + seed));
                m.put("point_index", Integer.toString(i));
                m.put("status", o.error() == null ? "ok" : "error");
                m.put("error", o.error() == null ? "" : oneLine(o.error()));
                m.put("app", app);
                m.put("app_size", size);
                m.put("axis_app", app);
                m.put("axis_app_value", "");
                m.put("axis_link", link);
                m.put("axis_link_value", "");
                if (o.error() == null) {
                    OffloadRun.Result r = o.result();
                    String json = ResultJson.of(r, PHONE, SERVER, link, POLICY, ENERGY, seed, true);
                    Path run = dir.resolve("runs").resolve(app + "-" + link);
                    Files.createDirectories(run);
                    Files.writeString(run.resolve("result.json"), json, StandardCharsets.UTF_8);
                    Files.writeString(run.resolve("trace.jsonl"), String.join("\n", r.trace())
                            + (r.trace().isEmpty() ? "" : "\n"), StandardCharsets.UTF_8);
                    ResultTable.Row row = RunFiles.parseResult(json, run.toString(), Map.of());
                    for (Map.Entry<String, String> e : row.values().entrySet()) {
                        if (!header.contains(e.getKey())) {
                            header.add(e.getKey());
                        }
                        m.put(e.getKey(), e.getValue());
                    }
                    m.put("output_matches", Boolean.toString(outputMatches(workloads.get(o.point().app()), r)));
                }
                m.put("comet_version", version());
                m.put("wall_s", String.format(Locale.ROOT, "%.3f", o.wallSeconds()));
                rows.add(m);
            }
            header.addAll(List.of("output_matches", "comet_version", "wall_s"));
            List<ResultTable.Row> ordered = new ArrayList<>();
            for (Map<String, String> m : rows) {
                ordered.add(new ResultTable.Row(m));
            }
            ResultTable t = new ResultTable(header, ordered);
            Files.writeString(dir.resolve("results.csv"), t.toCsv(), StandardCharsets.UTF_8);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo's results in " + dir, e);
        }
    }

    /** The speed-up table: apps down, links across, then the geometric means and the paper's. */
    static void printTable(ResultTable all, PrintStream out) {
        ResultTable t = all.where(r -> "ok".equals(r.text("status")));
        Map<String, Map<String, Double>> s = Charts.speedupByAppAndLink(t);
        out.printf(Locale.ROOT, "%-16s", "speed-up");
        for (String l : LINKS) {
            out.printf(Locale.ROOT, "%12s", l);
        }
        out.println();
        for (Map.Entry<String, Map<String, Double>> e : s.entrySet()) {
            out.printf(Locale.ROOT, "%-16s", e.getKey());
            for (String l : LINKS) {
                Double v = e.getValue().get(l);
                out.printf(Locale.ROOT, "%12s", v == null ? "failed" : String.format(Locale.ROOT, "%.2fx", v));
            }
            out.println();
        }
        Map<String, Double> geo = Charts.geometricMeans(t);
        out.printf(Locale.ROOT, "%-16s", "geometric mean");
        for (String l : LINKS) {
            Double v = geo.get(l);
            out.printf(Locale.ROOT, "%12s", v == null ? "-" : String.format(Locale.ROOT, "%.2fx", v));
        }
        out.println();
        out.printf(Locale.ROOT, "%-16s", "paper (COMET)");
        for (String l : LINKS) {
            out.printf(Locale.ROOT, "%12s", String.format(Locale.ROOT, "%.2fx", Charts.paperSpeedup(l)));
        }
        out.println();
        double max = Charts.values(t, "speedup").stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        out.printf(Locale.ROOT, "largest speed-up %.2fx here; the paper: up to %.0fx%n", max, PAPER_MAX);
    }

    /** The offloaded run printed what the local run printed (lines the workload declares variable aside). */
    static boolean outputMatches(Workload w, OffloadRun.Result r) {
        return w.comparableOutput(r.local().stdout()).equals(w.comparableOutput(r.offload().stdout()));
    }

    private static int positive(String option, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CometCli.UsageException("demo: " + option + " must be a positive whole number, not '" + v + "'");
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ');
    }

    private static String version() {
        String v = DemoCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
