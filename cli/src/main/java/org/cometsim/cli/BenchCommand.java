package org.cometsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cometsim.bench.harness.BenchConfig;
import org.cometsim.bench.harness.BenchReport;
import org.cometsim.bench.harness.BenchSummary;
import org.cometsim.bench.harness.InterpreterVsJvm;
import org.cometsim.bench.harness.SideResult;
import org.cometsim.bench.harness.WorkloadRow;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * {@code comet bench [--size small|medium|paper] [--workloads a,b,c] [--repeat N] [--json FILE]
 * [--warmup-ms MS] [--min-sample-ms MS] [--timeout SEC] [--jvm-opt OPT]... [--jit on|off|eager]}:
 * interpreter speed against the host JVM, both measured in the same invocation (issue #3, item 4).
 * Parsing and printing only; the measuring, and exactly what is measured, is
 * {@link InterpreterVsJvm} (module benchmarks).
 */
final class BenchCommand {
    /** What the interpreter side runs with and what every time covers: header and --help say the same. */
    static final String WHAT_IS_MEASURED = "JVM = warm HotSpot JIT (child JVM, jars in a URLClassLoader, main()"
            + " repeated); interp = warm Dalvik interpreter (child JVM, fresh Vm per run; per-opcode counters on,"
            + " no write barrier installed, no object tracked)";

    private BenchCommand() {
    }

    /** Runs {@code bench} without the {@code comet} dispatcher: {@code java -cp comet-cli-all.jar org.cometsim.cli.BenchCommand ...}. */
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
        if (args.contains("--cold")) {
            return BenchColdCommand.run(args, out, err); // whole-process cold start (issue #17 item 3)
        }
        Size size = Size.SMALL;
        List<Workload> workloads = null;
        int repeat = BenchConfig.DEFAULT_REPEAT;
        long warmupMs = BenchConfig.DEFAULT_WARMUP_MS;
        long minSampleMs = BenchConfig.DEFAULT_MIN_SAMPLE_MS;
        long timeoutSec = BenchConfig.DEFAULT_TIMEOUT_SEC;
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
            workloads = BenchConfig.defaultWorkloads();
        }
        BenchConfig config = new BenchConfig(size, workloads, repeat, warmupMs, minSampleMs, timeoutSec, jvmOpts);

        String javaDesc = InterpreterVsJvm.javaDescription();
        out.println("comet bench: size " + size.arg() + ", " + workloads.size() + " workload(s), "
                + repeat + " sample(s) each, warm-up >= " + warmupMs + " ms, sample >= " + minSampleMs + " ms");
        out.println("host: " + javaDesc + ", " + Runtime.getRuntime().availableProcessors() + " CPUs"
                + (jvmOpts.isEmpty() ? "" : ", child JVM options " + String.join(" ", jvmOpts)));
        out.println(WHAT_IS_MEASURED);
        out.flush();

        BenchReport report;
        try {
            report = InterpreterVsJvm.run(config, err::println);
        } catch (IOException e) {
            err.println("comet: bench: " + e.getMessage());
            return 1;
        }

        List<WorkloadRow> rows = report.rows();
        printTable(rows, out);
        BenchSummary s = report.summary();
        printSummary(s, rows, out);
        double loadStart = report.loadAverageAtStart();
        double loadEnd = report.loadAverageAtEnd();
        int cpus = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "system load average: %.1f at start, %.1f at end, %d CPUs%n", loadStart, loadEnd, cpus);
        if (Math.max(loadStart, loadEnd) > cpus) {
            // other processes competing for the cores inflate both sides, but at different moments
            out.println("WARNING: the machine was busy (load > CPUs): times are noisy, repeat on an idle machine");
        }
        out.flush();
        if (json != null) {
            try {
                Files.writeString(json, toJson(config, javaDesc, rows, s));
            } catch (IOException e) {
                err.println("comet: bench: cannot write " + json + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------ report

    static final String[] HEADER = {"workload", "thr", "JVM ms", "interp ms", "slowdown", "Dalvik instr",
            "M instr/s", "interp heap MB", "JVM heap MB", "output"};

    static void printTable(List<WorkloadRow> rows, PrintStream out) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (WorkloadRow r : rows) {
            if (!r.ok()) {
                cells.add(new String[] {r.workload().name(), Integer.toString(r.workload().threads()), "FAILED: " + r.error()});
                continue;
            }
            double interpS = r.interp().medianNs() / 1e9;
            cells.add(new String[] {
                    r.workload().name(),
                    Integer.toString(r.workload().threads()),
                    fmt("%.3f", r.jvm().medianNs() / 1e6),
                    fmt("%.1f", r.interp().medianNs() / 1e6),
                    fmt("%.1fx", r.slowdown()),
                    Long.toString(r.interp().instructions()),
                    fmt("%.1f", r.interp().instructions() / interpS / 1e6),
                    heap(r.interp()),
                    heap(r.jvm()),
                    (r.outputMatch() ? "match" : "MISMATCH") + (r.unstable() != null ? " (UNSTABLE)" : "")});
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

    /** "live..peak" MB: the bracket the peak live heap lies in (see {@code BenchChild} in the harness). */
    private static String heap(SideResult s) {
        return fmt("%.1f", s.liveHeapBytes() / 1048576.0) + ".." + fmt("%.1f", s.peakHeapBytes() / 1048576.0);
    }

    static void printSummary(BenchSummary s, List<WorkloadRow> rows, PrintStream out) {
        out.println();
        if (s.counted() == 0) {
            out.println("geometric-mean slowdown: n/a (no workload ran on both sides with matching output)");
        } else {
            out.printf(Locale.ROOT, "geometric-mean slowdown (warm, %d workload(s)): %.1fx -- target <= %.0fx: %s%n",
                    s.counted(), s.geomean(), BenchSummary.TARGET_SLOWDOWN, s.met() ? "MET" : "NOT MET");
            out.printf(Locale.ROOT, "geometric-mean slowdown (cold first run, same workloads): %.1fx%n",
                    s.coldGeomean());
        }
        if (s.failed() + s.mismatched() > 0) {
            out.println("WARNING: " + (s.failed() + s.mismatched()) + " of " + s.total()
                    + " workload(s) left out of the mean: " + s.failed() + " FAILED, " + s.mismatched()
                    + " with interpreter output different from the JVM's");
        }
        for (WorkloadRow r : rows) {
            if (r.ok() && !r.outputMatch()) {
                out.println("MISMATCH " + r.workload().name() + ": " + r.firstOutputDifference());
            }
            if (r.ok() && r.unstable() != null) {
                out.println("UNSTABLE " + r.workload().name() + ": " + r.unstable());
            }
        }
        out.println("notes: times are medians of the samples; slowdown = interp ms / JVM ms (wall clock);"
                + " every time covers main() (JVM) or Vm.runMain (interp) only: not JVM start-up, nor, for the"
                + " interpreter, D8, parsing the app's and the guest library's dex files or creating the Vm;"
                + " cold = the first such run in a fresh child JVM, with class loading and initialisation in it;"
                + " workloads with thr > 1 use that many host threads on the JVM but one green-threaded host"
                + " thread in the interpreter; heap MB = live..peak of the first (cold) run in its child JVM,"
                + " harness and (interp) parsed dex included: live = most heap found reachable by a GC (a lower"
                + " bound of the peak live heap), peak = largest occupancy seen before a GC or at the end"
                + " (garbage included).");
    }

    private static String toJson(BenchConfig config, String javaDesc, List<WorkloadRow> rows, BenchSummary s) {
        List<String> jvmOpts = config.jvmOptions();
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"size\": ").append(str(config.size().arg())).append(",\n");
        j.append("  \"repeat\": ").append(config.repeat()).append(",\n");
        j.append("  \"warmupMs\": ").append(config.warmupMs()).append(",\n");
        j.append("  \"minSampleMs\": ").append(config.minSampleMs()).append(",\n");
        j.append("  \"java\": ").append(str(javaDesc)).append(",\n");
        j.append("  \"cpus\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
        j.append("  \"jvmOptions\": [");
        for (int i = 0; i < jvmOpts.size(); i++) {
            j.append(i == 0 ? "" : ", ").append(str(jvmOpts.get(i)));
        }
        j.append("],\n  \"workloads\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            WorkloadRow r = rows.get(i);
            j.append("    {\"name\": ").append(str(r.workload().name())).append(", \"threads\": ").append(r.workload().threads());
            if (!r.ok()) {
                j.append(", \"status\": \"FAILED\", \"error\": ").append(str(r.error()));
            } else {
                j.append(", \"status\": \"OK\"");
                j.append(", \"outputMatch\": ").append(r.outputMatch());
                if (r.unstable() != null) {
                    j.append(", \"unstable\": ").append(str(r.unstable()));
                }
                j.append(", \"slowdown\": ").append(num(r.slowdown()));
                j.append(", \"coldSlowdown\": ").append(num(r.coldSlowdown()));
                j.append(", \"instructions\": ").append(r.interp().instructions());
                j.append(", \"instructionsPerSecond\": ").append(num(r.interp().instructions() / (r.interp().medianNs() / 1e9)));
                j.append(",\n      \"jvm\": ").append(side(r.jvm()));
                j.append(",\n      \"interp\": ").append(side(r.interp()));
            }
            j.append("}").append(i < rows.size() - 1 ? "," : "").append("\n");
        }
        j.append("  ],\n");
        j.append("  \"counted\": ").append(s.counted()).append(",\n");
        j.append("  \"failed\": ").append(s.failed()).append(",\n");
        j.append("  \"mismatched\": ").append(s.mismatched()).append(",\n");
        j.append("  \"geomeanSlowdown\": ").append(num(s.geomean())).append(",\n");
        j.append("  \"coldGeomeanSlowdown\": ").append(num(s.coldGeomean())).append(",\n");
        j.append("  \"targetSlowdown\": ").append(num(BenchSummary.TARGET_SLOWDOWN)).append(",\n");
        j.append("  \"targetMet\": ").append(s.met()).append("\n}\n");
        return j.toString();
    }

    private static String side(SideResult s) {
        StringBuilder b = new StringBuilder("{");
        b.append("\"medianNs\": ").append(num(s.medianNs()));
        b.append(", \"minNs\": ").append(s.minNs());
        b.append(", \"samplesNs\": ").append(Arrays.toString(s.samplesNs()));
        b.append(", \"runsPerSample\": ").append(s.runsPerSample());
        b.append(", \"warmupRuns\": ").append(s.warmupRuns());
        b.append(", \"coldNs\": ").append(s.coldNs());
        b.append(", \"peakHeapBytes\": ").append(s.peakHeapBytes());
        b.append(", \"baselineHeapBytes\": ").append(s.baselineHeapBytes());
        b.append(", \"liveHeapBytes\": ").append(s.liveHeapBytes());
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

    static String value(List<String> args, int i) {
        if (i + 1 >= args.size()) {
            throw new CometCli.UsageException("bench: " + args.get(i) + " needs a value");
        }
        return args.get(i + 1);
    }

    static int positive(String opt, String v, int min) {
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

    static Size parseSize(String v) {
        for (Size s : Size.values()) {
            if (s.arg().equals(v)) {
                return s;
            }
        }
        throw new CometCli.UsageException("bench: --size must be small, medium or paper, not '" + v + "'");
    }

    static List<Workload> parseWorkloads(String v) {
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

}
