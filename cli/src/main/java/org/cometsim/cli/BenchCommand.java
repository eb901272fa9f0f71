package org.cometsim.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * {@code comet bench [--size small|medium|paper] [--workloads a,b,c] [--repeat N] [--json FILE]
 * [--warmup-ms MS] [--min-sample-ms MS] [--timeout SEC] [--jvm-opt OPT]...}: interpreter speed
 * against the host JVM, both measured in the same invocation (issue #3, item 4).
 *
 * <p>For each workload two child JVMs run {@link BenchChild}, one after the other (never
 * concurrently, so they do not compete for cores): {@code jvm} calls the workload's {@code main}
 * from its jars, {@code interp} runs its dex files in the Dalvik interpreter. Both use the same
 * {@code java} and the same {@code --jvm-opt}s, the same warm-up rule and the same sampling (see
 * {@link BenchChild}), so the slowdown is warm interpreter time over warm HotSpot-JIT time; the
 * interpreter runs in its default configuration, which has write barriers and counters on. The
 * cold (first-run) ratio is printed as well, because it is what a single {@code comet exec} sees.
 *
 * <p>A workload that fails on either side is reported as FAILED with a one-line reason and left
 * out of the geometric mean, as is one whose interpreter output differs from the JVM's (its time
 * would measure a different computation). The summary says how many were left out.
 */
final class BenchCommand {
    /** Issue #3, item 4: geometric-mean slowdown target versus the HotSpot JIT. */
    static final double TARGET_SLOWDOWN = 40.0;

    private BenchCommand() {
    }

    /** Everything measured for one workload; null fields are "not measured" (the side failed). */
    static final class Row {
        final Workload w;
        String error;           // one line; null if both sides ran
        Side jvm;
        Side interp;
        Boolean outputMatch;    // null if a side failed
        String unstable;        // a side whose repeated runs disagreed, or null

        Row(Workload w) {
            this.w = w;
        }

        boolean ok() {
            return error == null && jvm != null && interp != null;
        }

        boolean counted() {
            return ok() && Boolean.TRUE.equals(outputMatch);
        }

        double slowdown() {
            return interp.medianNs() / jvm.medianNs();
        }

        double coldSlowdown() {
            return (double) interp.coldNs / jvm.coldNs;
        }
    }

    /** One child's result. */
    static final class Side {
        String output;
        long coldNs;
        long[] samplesNs;
        long runsPerSample;
        int warmupRuns;
        long peakHeapBytes;
        long baselineHeapBytes;
        long liveHeapBytes;
        long instructions;
        String unstable;

        double medianNs() {
            long[] s = samplesNs.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
        }

        long minNs() {
            return Arrays.stream(samplesNs).min().orElse(0);
        }
    }

    /** Runs {@code bench} without the {@code comet} dispatcher: {@code java -cp comet-cli.jar org.cometsim.cli.BenchCommand ...}. */
    public static void main(String[] args) {
        int status;
        try {
            status = run(Arrays.asList(args), System.out, System.err);
        } catch (CometCli.UsageException e) {
            System.err.println("comet: " + e.getMessage());
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Size size = Size.SMALL;
        List<Workload> workloads = null;
        int repeat = 5;
        // C2 needs ~2 s on 2 cores to settle linpack's kernels; the interpreter loop (7 KB) is still
        // deoptimized and recompiled 4-7 s into a run (measured on scimark and connectfour)
        long warmupMs = 6000;
        long minSampleMs = 50;
        long timeoutSec = 1800;
        Path json = null;
        List<String> jvmOpts = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--size" -> size = parseSize(value(args, i++));
                case "--workloads" -> workloads = parseWorkloads(value(args, i++));
                case "--repeat" -> repeat = positive(a, value(args, i++), 1);
                case "--warmup-ms" -> warmupMs = positive(a, value(args, i++), 0);
                case "--min-sample-ms" -> minSampleMs = positive(a, value(args, i++), 0);
                case "--timeout" -> timeoutSec = positive(a, value(args, i++), 1);
                case "--json" -> json = Path.of(value(args, i++));
                case "--jvm-opt" -> jvmOpts.add(value(args, i++));
                case "--jit" -> jvmOpts.add("-Dcomet.jit="
                        + CometCli.jitMode(value(args, i++)).name().toLowerCase(java.util.Locale.ROOT));
                default -> throw new CometCli.UsageException("bench: unknown option " + a);
            }
        }
        if (workloads == null) {
            workloads = new ArrayList<>();
            for (Workload w : WorkloadCatalog.all()) {
                // timed workloads measure themselves for a wall-clock budget: no fixed work to compare
                if (w.deterministic()) {
                    workloads.add(w);
                }
            }
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String harnessCp = harnessClassPath();  // replaced by a private copy below
        String javaDesc = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        out.println("comet bench: size " + size.arg() + ", " + workloads.size() + " workload(s), "
                + repeat + " sample(s) each, warm-up >= " + warmupMs + " ms, sample >= " + minSampleMs + " ms");
        out.println("host: " + javaDesc + ", " + Runtime.getRuntime().availableProcessors() + " CPUs"
                + (jvmOpts.isEmpty() ? "" : ", child JVM options " + String.join(" ", jvmOpts)));
        out.println("JVM = warm HotSpot JIT (child JVM, jars in a URLClassLoader, main() repeated);"
                + " interp = warm Dalvik interpreter (child JVM, fresh Vm per run, barriers+counters on)");
        out.flush();

        double loadStart = loadAverage();
        List<Row> rows = new ArrayList<>();
        Path tmp;
        try {
            tmp = Files.createTempDirectory("comet-bench");
        } catch (IOException e) {
            err.println("comet: bench: cannot create a temporary directory: " + e.getMessage());
            return 1;
        }
        try {
            // Everything the children need is copied first (workload class paths, and the harness jar
            // itself), so a rebuild of comet-cli.jar during a long run cannot change what is measured.
            harnessCp = privateCopy(harnessCp, tmp);
            List<Path[]> dexCps = new ArrayList<>();
            List<Path[]> jarCps = new ArrayList<>();
            for (Workload w : workloads) {
                Row row = new Row(w);
                rows.add(row);
                Path dir = tmp.resolve(w.name());
                try {
                    dexCps.add(WorkloadCatalog.extract(w, dir.resolve("dex"), Kind.DEX));
                    jarCps.add(WorkloadCatalog.extract(w, dir.resolve("jar"), Kind.JAR));
                } catch (IOException | RuntimeException e) {
                    row.error = "extracting the workload: " + BenchChild.oneLine(e);
                    dexCps.add(null);
                    jarCps.add(null);
                }
            }
            for (int n = 0; n < rows.size(); n++) {
                Row row = rows.get(n);
                Workload w = row.w;
                String tag = "[" + (n + 1) + "/" + rows.size() + "] " + w.name();
                if (row.error != null) {
                    err.println(tag + ": FAILED: " + row.error);
                    continue;
                }
                Path dir = tmp.resolve(w.name());
                List<String> guestArgs = w.args(size);
                try {
                    err.println(tag + ": host JVM ...");
                    row.jvm = measure(java, jvmOpts, harnessCp, "jvm", warmupMs, repeat, minSampleMs, timeoutSec,
                            WorkloadCatalog.classPath(jarCps.get(n)), w.mainClass(), guestArgs, dir.resolve("jvm"));
                    err.printf(Locale.ROOT, "%s: host JVM %.3f ms; interpreter ...%n", tag, row.jvm.medianNs() / 1e6);
                    row.interp = measure(java, jvmOpts, harnessCp, "interp", warmupMs, repeat, minSampleMs,
                            timeoutSec, WorkloadCatalog.classPath(dexCps.get(n)), w.mainClass(), guestArgs,
                            dir.resolve("interp"));
                    row.outputMatch = w.comparableOutput(row.jvm.output).equals(w.comparableOutput(row.interp.output));
                    row.unstable = row.jvm.unstable != null ? "JVM: " + row.jvm.unstable
                            : row.interp.unstable != null ? "interpreter: " + row.interp.unstable : null;
                    err.printf(Locale.ROOT, "%s: interpreter %.3f ms, slowdown %.1fx, output %s%n", tag,
                            row.interp.medianNs() / 1e6, row.slowdown(), row.outputMatch ? "matches" : "DIFFERS");
                } catch (ChildFailure e) {
                    row.error = e.getMessage();
                    err.println(tag + ": FAILED: " + row.error);
                } catch (IOException | RuntimeException e) {
                    // one broken workload (or unreadable child result) must not lose the others' rows
                    row.error = "bench: " + BenchChild.oneLine(e);
                    err.println(tag + ": FAILED: " + row.error);
                }
            }
        } catch (IOException e) {
            err.println("comet: bench: " + e.getMessage());
            return 1;
        } finally {
            deleteTree(tmp);
        }

        printTable(rows, out);
        Summary s = summarize(rows);
        printSummary(s, rows, out);
        double loadEnd = loadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "system load average: %.1f at start, %.1f at end, %d CPUs%n", loadStart, loadEnd, cpus);
        if (Math.max(loadStart, loadEnd) > cpus) {
            // other processes competing for the cores inflate both sides, but at different moments
            out.println("WARNING: the machine was busy (load > CPUs): times are noisy, repeat on an idle machine");
        }
        out.flush();
        if (json != null) {
            try {
                Files.writeString(json, toJson(size, repeat, warmupMs, minSampleMs, javaDesc, jvmOpts, rows, s));
            } catch (IOException e) {
                err.println("comet: bench: cannot write " + json + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------ children

    /** A child that did not produce a measurement; its message is the one line the table shows. */
    static final class ChildFailure extends Exception {
        ChildFailure(String message) {
            super(message);
        }
    }

    private static Side measure(String java, List<String> jvmOpts, String harnessCp, String mode, long warmupMs,
                                int repeat, long minSampleMs, long timeoutSec, String cp, String main,
                                List<String> guestArgs, Path dir) throws ChildFailure, IOException {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOpts);
        cmd.addAll(List.of("-cp", harnessCp, BenchChild.class.getName(), mode, Long.toString(warmupMs),
                Integer.toString(repeat), Long.toString(minSampleMs), cp, main));
        cmd.addAll(guestArgs);
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        // files, not pipes: a child that writes a lot to stderr must never block on a full pipe
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice()))).start();
        String who = mode.equals("jvm") ? "host JVM" : "interpreter";
        try {
            if (!p.waitFor(timeoutSec, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new ChildFailure(who + ": timed out after " + timeoutSec + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ChildFailure(who + ": interrupted");
        }
        Properties r = new Properties();
        try (InputStream in = Files.newInputStream(stdout)) {
            r.load(in);
        }
        if (r.getProperty("error") != null) {
            throw new ChildFailure(r.getProperty("error"));
        }
        if (r.getProperty("samplesNs") == null) {
            throw new ChildFailure(who + ": harness exited with status " + p.exitValue() + lastLine(stderr));
        }
        Side s = new Side();
        s.output = new String(Base64.getDecoder().decode(r.getProperty("output")), StandardCharsets.UTF_8);
        s.coldNs = Long.parseLong(r.getProperty("coldNs"));
        s.samplesNs = Arrays.stream(r.getProperty("samplesNs").split(",")).mapToLong(Long::parseLong).toArray();
        s.runsPerSample = Long.parseLong(r.getProperty("runsPerSample"));
        s.warmupRuns = Integer.parseInt(r.getProperty("warmupRuns"));
        s.peakHeapBytes = Long.parseLong(r.getProperty("peakHeapBytes"));
        s.baselineHeapBytes = Long.parseLong(r.getProperty("baselineHeapBytes"));
        s.liveHeapBytes = Long.parseLong(r.getProperty("liveHeapBytes"));
        s.instructions = Long.parseLong(r.getProperty("instructions"));
        s.unstable = r.getProperty("unstable");
        return s;
    }

    /** A single jar is copied into {@code tmp}; a class path of several entries is used as it is. */
    private static String privateCopy(String cp, Path tmp) throws IOException {
        if (cp.contains(File.pathSeparator) || !cp.endsWith(".jar") || !Files.isRegularFile(Path.of(cp))) {
            return cp;
        }
        Path copy = tmp.resolve("harness.jar");
        Files.copy(Path.of(cp), copy);
        return copy.toString();
    }

    private static String lastLine(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return ": " + lines.get(i).strip();
            }
        }
        return "";
    }

    /** One-minute system load average, or NaN where the platform has none. */
    private static double loadAverage() {
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? Double.NaN : l;
    }

    private static String nullDevice() {
        return File.separatorChar == '\\' ? "NUL" : "/dev/null";
    }

    /**
     * Class path for the children: the shaded comet-cli.jar this class came from, or (running from
     * target/classes, as in tests) this JVM's own class path, which then holds the dependencies.
     */
    static String harnessClassPath() {
        CodeSource cs = BenchCommand.class.getProtectionDomain().getCodeSource();
        if (cs != null && cs.getLocation() != null) {
            try {
                Path p = Path.of(cs.getLocation().toURI());
                if (Files.isRegularFile(p)) {
                    return p.toString();
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // fall through to java.class.path
            }
        }
        return System.getProperty("java.class.path");
    }

    // ------------------------------------------------------------------ report

    record Summary(int total, int counted, int failed, int mismatched, double geomean, double coldGeomean) {
        boolean met() {
            return counted > 0 && geomean <= TARGET_SLOWDOWN;
        }
    }

    static Summary summarize(List<Row> rows) {
        int counted = 0;
        int failed = 0;
        int mismatched = 0;
        double logSum = 0;
        double coldLogSum = 0;
        for (Row r : rows) {
            if (!r.ok()) {
                failed++;
            } else if (!r.counted()) {
                mismatched++;
            } else {
                counted++;
                logSum += Math.log(r.slowdown());
                coldLogSum += Math.log(r.coldSlowdown());
            }
        }
        double g = counted == 0 ? Double.NaN : Math.exp(logSum / counted);
        double cg = counted == 0 ? Double.NaN : Math.exp(coldLogSum / counted);
        return new Summary(rows.size(), counted, failed, mismatched, g, cg);
    }

    static final String[] HEADER = {"workload", "thr", "JVM ms", "interp ms", "slowdown", "Dalvik instr",
            "M instr/s", "interp heap MB", "JVM heap MB", "output"};

    static void printTable(List<Row> rows, PrintStream out) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Row r : rows) {
            if (!r.ok()) {
                cells.add(new String[] {r.w.name(), Integer.toString(r.w.threads()), "FAILED: " + r.error});
                continue;
            }
            double interpS = r.interp.medianNs() / 1e9;
            cells.add(new String[] {
                    r.w.name(),
                    Integer.toString(r.w.threads()),
                    fmt("%.3f", r.jvm.medianNs() / 1e6),
                    fmt("%.1f", r.interp.medianNs() / 1e6),
                    fmt("%.1fx", r.slowdown()),
                    Long.toString(r.interp.instructions),
                    fmt("%.1f", r.interp.instructions / interpS / 1e6),
                    heap(r.interp),
                    heap(r.jvm),
                    (r.outputMatch ? "match" : "MISMATCH") + (r.unstable != null ? " (UNSTABLE)" : "")});
        }
        int cols = HEADER.length;
        int[] width = new int[cols];
        for (String[] row : cells) {
            if (row.length == cols) {
                for (int c = 0; c < cols; c++) {
                    width[c] = Math.max(width[c], row[c].length());
                }
            }
        }
        out.println();
        for (int i = 0; i < cells.size(); i++) {
            String[] row = cells.get(i);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                boolean left = c == 0 || c == cols - 1 || row.length != cols && c == row.length - 1;
                String v = row[c];
                if (c == row.length - 1 && left) {
                    sb.append(v); // last cell: no padding, so long FAILED messages are not cut
                } else if (left) {
                    sb.append(v).append(" ".repeat(width[c] - v.length()));
                } else {
                    sb.append(" ".repeat(width[c] - v.length())).append(v);
                }
                if (c < row.length - 1) {
                    sb.append("  ");
                }
            }
            out.println(sb.toString().stripTrailing());
            if (i == 0) {
                int total = Arrays.stream(width).sum() + 2 * (cols - 1);
                out.println("-".repeat(total));
            }
        }
    }

    /** "live..peak" MB: the bracket the peak live heap lies in (see {@link BenchChild}). */
    private static String heap(Side s) {
        return fmt("%.1f", s.liveHeapBytes / 1048576.0) + ".." + fmt("%.1f", s.peakHeapBytes / 1048576.0);
    }

    static void printSummary(Summary s, List<Row> rows, PrintStream out) {
        out.println();
        if (s.counted() == 0) {
            out.println("geometric-mean slowdown: n/a (no workload ran on both sides with matching output)");
        } else {
            out.printf(Locale.ROOT, "geometric-mean slowdown (warm, %d workload(s)): %.1fx -- target <= %.0fx: %s%n",
                    s.counted(), s.geomean(), TARGET_SLOWDOWN, s.met() ? "MET" : "NOT MET");
            out.printf(Locale.ROOT, "geometric-mean slowdown (cold first run, same workloads): %.1fx%n",
                    s.coldGeomean());
        }
        if (s.failed() + s.mismatched() > 0) {
            out.println("WARNING: " + (s.failed() + s.mismatched()) + " of " + s.total()
                    + " workload(s) left out of the mean: " + s.failed() + " FAILED, " + s.mismatched()
                    + " with interpreter output different from the JVM's");
        }
        for (Row r : rows) {
            if (r.ok() && !r.outputMatch) {
                out.println("MISMATCH " + r.w.name() + ": " + firstDifference(
                        r.w.comparableOutput(r.jvm.output), r.w.comparableOutput(r.interp.output)));
            }
            if (r.ok() && r.unstable != null) {
                out.println("UNSTABLE " + r.w.name() + ": " + r.unstable);
            }
        }
        out.println("notes: times are medians of the samples; slowdown = interp ms / JVM ms (wall clock);"
                + " workloads with thr > 1 use that many host threads on the JVM but one green-threaded host"
                + " thread in the interpreter; heap MB = live..peak of the first (cold) run in its child JVM,"
                + " harness and (interp) parsed dex included: live = most heap found reachable by a GC (a lower"
                + " bound of the peak live heap), peak = largest occupancy seen before a GC or at the end"
                + " (garbage included).");
    }

    static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String l = i < x.length ? x[i] : "<end>";
            String m = i < y.length ? y[i] : "<end>";
            if (!l.equals(m)) {
                return "line " + (i + 1) + ": JVM '" + l + "' vs interpreter '" + m + "'";
            }
        }
        return "(line ends differ)";
    }

    private static String toJson(Size size, int repeat, long warmupMs, long minSampleMs, String javaDesc,
                                 List<String> jvmOpts, List<Row> rows, Summary s) {
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"size\": ").append(str(size.arg())).append(",\n");
        j.append("  \"repeat\": ").append(repeat).append(",\n");
        j.append("  \"warmupMs\": ").append(warmupMs).append(",\n");
        j.append("  \"minSampleMs\": ").append(minSampleMs).append(",\n");
        j.append("  \"java\": ").append(str(javaDesc)).append(",\n");
        j.append("  \"cpus\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
        j.append("  \"jvmOptions\": [");
        for (int i = 0; i < jvmOpts.size(); i++) {
            j.append(i == 0 ? "" : ", ").append(str(jvmOpts.get(i)));
        }
        j.append("],\n  \"workloads\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            j.append("    {\"name\": ").append(str(r.w.name())).append(", \"threads\": ").append(r.w.threads());
            if (!r.ok()) {
                j.append(", \"status\": \"FAILED\", \"error\": ").append(str(r.error));
            } else {
                j.append(", \"status\": \"OK\"");
                j.append(", \"outputMatch\": ").append(r.outputMatch);
                if (r.unstable != null) {
                    j.append(", \"unstable\": ").append(str(r.unstable));
                }
                j.append(", \"slowdown\": ").append(num(r.slowdown()));
                j.append(", \"coldSlowdown\": ").append(num(r.coldSlowdown()));
                j.append(", \"instructions\": ").append(r.interp.instructions);
                j.append(", \"instructionsPerSecond\": ").append(num(r.interp.instructions / (r.interp.medianNs() / 1e9)));
                j.append(",\n      \"jvm\": ").append(side(r.jvm));
                j.append(",\n      \"interp\": ").append(side(r.interp));
            }
            j.append("}").append(i < rows.size() - 1 ? "," : "").append("\n");
        }
        j.append("  ],\n");
        j.append("  \"counted\": ").append(s.counted()).append(",\n");
        j.append("  \"failed\": ").append(s.failed()).append(",\n");
        j.append("  \"mismatched\": ").append(s.mismatched()).append(",\n");
        j.append("  \"geomeanSlowdown\": ").append(num(s.geomean())).append(",\n");
        j.append("  \"coldGeomeanSlowdown\": ").append(num(s.coldGeomean())).append(",\n");
        j.append("  \"targetSlowdown\": ").append(num(TARGET_SLOWDOWN)).append(",\n");
        j.append("  \"targetMet\": ").append(s.met()).append("\n}\n");
        return j.toString();
    }

    private static String side(Side s) {
        StringBuilder b = new StringBuilder("{");
        b.append("\"medianNs\": ").append(num(s.medianNs()));
        b.append(", \"minNs\": ").append(s.minNs());
        b.append(", \"samplesNs\": ").append(Arrays.toString(s.samplesNs));
        b.append(", \"runsPerSample\": ").append(s.runsPerSample);
        b.append(", \"warmupRuns\": ").append(s.warmupRuns);
        b.append(", \"coldNs\": ").append(s.coldNs);
        b.append(", \"peakHeapBytes\": ").append(s.peakHeapBytes);
        b.append(", \"baselineHeapBytes\": ").append(s.baselineHeapBytes);
        b.append(", \"liveHeapBytes\": ").append(s.liveHeapBytes);
        return b.append("}").toString();
    }

    private static String num(double d) {
        return Double.isFinite(d) ? fmt("%.6g", d) : "null";
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String fmt(String f, double d) {
        return String.format(Locale.ROOT, f, d);
    }

    // ------------------------------------------------------------------ options

    private static String value(List<String> args, int i) {
        if (i + 1 >= args.size()) {
            throw new CometCli.UsageException("bench: " + args.get(i) + " needs a value");
        }
        return args.get(i + 1);
    }

    private static int positive(String opt, String v, int min) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CometCli.UsageException("bench: " + opt + " needs an integer >= " + min + ", not '" + v + "'");
    }

    private static Size parseSize(String v) {
        for (Size s : Size.values()) {
            if (s.arg().equals(v)) {
                return s;
            }
        }
        throw new CometCli.UsageException("bench: --size must be small, medium or paper, not '" + v + "'");
    }

    private static List<Workload> parseWorkloads(String v) {
        List<Workload> l = new ArrayList<>();
        for (String name : v.split(",")) {
            name = name.strip();
            if (name.isEmpty()) {
                continue;
            }
            try {
                l.add(WorkloadCatalog.get(name));
            } catch (java.util.NoSuchElementException e) {
                List<String> known = new ArrayList<>();
                for (Workload w : WorkloadCatalog.all()) {
                    known.add(w.name());
                }
                throw new CometCli.UsageException("bench: unknown workload '" + name + "' (known: "
                        + String.join(",", known) + ")");
            }
        }
        if (l.isEmpty()) {
            throw new CometCli.UsageException("bench: --workloads needs at least one name");
        }
        return l;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
