package org.cometsim.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.cometsim.bench.harness.BenchConfig;
import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * {@code comet bench --cold [--size S] [--workloads a,b|none] [--programs DIR|none] [--only a,b]
 * [--repeat N] [--cache both|warm|cold|off] [--cds auto|on|off] [--timeout SEC]} (issue #17 item 3):
 * whole-process wall time of {@code comet exec} against {@code java}, as a user meets them. Every
 * sample is a fresh child process on each side, started the same way ({@code java -Xss16m -jar
 * comet-cli-all.jar exec ...} as {@code ./comet} does, with its class-data sharing archive when
 * there is one), run paired and interleaved (the order rotates each round), and both sides' output
 * is compared. The code cache ({@code COMET_CACHE_DIR}) is a private directory: "warm" runs share
 * one primed by an untimed run, "cold" runs each get an empty one.
 *
 * <p>The programs: the built-in workloads (java runs their jars, comet runs {@code exec --workload},
 * the shipped dex), then the library-heavy programs of module {@code cold-programs} (java and comet
 * run the same jars; comet converts them with D8 unless the cache holds them).
 */
final class BenchColdCommand {
    /** Name of the class-data sharing archive beside the CLI jar (written by {@code ./comet}). */
    static final String CDS_ARCHIVE = "comet-cli-all.jsa";

    private BenchColdCommand() {
    }

    /** One program both sides run: java's class path and comet's exec arguments. */
    record Program(String name, String what, List<String> javaArgs, List<String> cometArgs, boolean library) {
    }

    /** Medians of one program's samples (ms), and the paired ratios' medians. */
    record Row(Program program, double javaMs, double warmMs, double warmRatio, double coldMs, double coldRatio,
               double offMs, double offRatio, String problem) {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Size size = Size.SMALL;
        List<Workload> workloads = null;
        boolean noWorkloads = false;
        String programsDir = null;
        List<String> only = null;
        int repeat = 3;
        String cache = "both";
        String cds = "auto";
        long timeoutSec = 900;
        Path cometJar = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--cold" -> {
                }
                case "--size" -> size = BenchCommand.parseSize(BenchCommand.value(args, i++));
                case "--workloads" -> {
                    String v = BenchCommand.value(args, i++);
                    if (v.equals("none")) {
                        noWorkloads = true;
                    } else {
                        workloads = BenchCommand.parseWorkloads(v);
                    }
                }
                case "--programs" -> programsDir = BenchCommand.value(args, i++);
                case "--comet-jar" -> cometJar = Path.of(BenchCommand.value(args, i++)); // A/B: another build's CLI
                case "--only" -> only = Arrays.asList(BenchCommand.value(args, i++).split(","));
                case "--repeat" -> repeat = BenchCommand.positive(a, BenchCommand.value(args, i++), 1);
                case "--timeout" -> timeoutSec = BenchCommand.positive(a, BenchCommand.value(args, i++), 1);
                case "--cache" -> {
                    cache = BenchCommand.value(args, i++);
                    if (!List.of("both", "warm", "cold", "off").contains(cache)) {
                        throw new CometCli.UsageException("--cache must be both, warm, cold or off");
                    }
                }
                case "--cds" -> {
                    cds = BenchCommand.value(args, i++);
                    if (!List.of("auto", "on", "off").contains(cds)) {
                        throw new CometCli.UsageException("--cds must be auto, on or off");
                    }
                }
                default -> throw new CometCli.UsageException("bench --cold: unknown option " + a);
            }
        }
        boolean warm = cache.equals("both") || cache.equals("warm");
        boolean cold = cache.equals("both") || cache.equals("cold");
        boolean off = cache.equals("off");

        Path scratch;
        try {
            scratch = Files.createTempDirectory("comet-bench-cold-");
        } catch (IOException e) {
            err.println("comet: bench --cold: cannot create a scratch directory: " + e.getMessage());
            return 1;
        }
        try {
            List<String> cometLauncher = cometLauncher(cometJar != null ? cometJar : cliJar(), cds, err);
            if (cometLauncher == null) {
                return 1;
            }
            List<Program> programs = new ArrayList<>();
            if (!noWorkloads) {
                for (Workload w : workloads != null ? workloads : BenchConfig.defaultWorkloads()) {
                    programs.add(workloadProgram(w, size, scratch));
                }
            }
            Path dir = programsDir != null ? (programsDir.equals("none") ? null : Path.of(programsDir)) : defaultProgramsDir();
            if (dir != null) {
                if (Files.isRegularFile(dir.resolve("cold-programs.jar"))) {
                    programs.addAll(libraryPrograms(dir));
                } else {
                    err.println("comet: bench --cold: no library programs in " + dir
                            + " (build them: mvn -B -o -q -pl cold-programs -am package)");
                    if (programsDir != null) {
                        return 1;
                    }
                }
            }
            if (only != null) {
                List<String> names = only;
                programs.removeIf(p -> !names.contains(p.name()));
            }
            if (programs.isEmpty()) {
                err.println("comet: bench --cold: nothing to run");
                return 1;
            }
            out.println("comet bench --cold: " + programs.size() + " program(s), " + repeat
                    + " paired sample(s) each, interleaved; whole-process wall time, medians");
            out.println("java = " + javaBin() + " -cp JARS MAIN; comet = " + String.join(" ", cometLauncher)
                    + " exec ...; cache " + (off ? "off (COMET_CACHE=off)" : (warm ? "warm (primed by one untimed run)" : "")
                    + (warm && cold ? " and " : "") + (cold ? "cold (empty for each run)" : "")));
            double loadStart = loadAverage();
            out.printf(Locale.ROOT, "system load average at start: %.1f (%d CPUs)%n", loadStart,
                    Runtime.getRuntime().availableProcessors());
            out.flush();

            List<Row> rows = new ArrayList<>();
            for (Program p : programs) {
                Row r = measure(p, cometLauncher, repeat, warm, cold, off, timeoutSec, scratch, err);
                rows.add(r);
                if (r.problem() == null) { // progress: a long run's rows as they come
                    err.printf(Locale.ROOT, "bench --cold: %s: java %.0f ms%s%s%s%n", p.name(), r.javaMs(),
                            warm ? fmt(", cache warm %.0f ms", r.warmMs()) + fmt(" (%.1fx)", r.warmRatio()) : "",
                            cold ? fmt(", cache cold %.0f ms", r.coldMs()) + fmt(" (%.1fx)", r.coldRatio()) : "",
                            off ? fmt(", no cache %.0f ms", r.offMs()) + fmt(" (%.1fx)", r.offRatio()) : "");
                    err.flush();
                }
            }
            printTable(rows, warm, cold, off, out);
            double loadEnd = loadAverage();
            out.printf(Locale.ROOT, "system load average: %.1f at start, %.1f at end, %d CPUs%n", loadStart, loadEnd,
                    Runtime.getRuntime().availableProcessors());
            out.flush();
            return rows.stream().allMatch(r -> r.problem() == null) ? 0 : 1;
        } finally {
            deleteTree(scratch);
        }
    }

    // ------------------------------------------------------------------ programs

    private static Program workloadProgram(Workload w, Size size, Path scratch) {
        Path jars = scratch.resolve("jars-" + w.name());
        Path[] entries;
        try {
            entries = WorkloadCatalog.extract(w, jars, Kind.JAR);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> javaArgs = new ArrayList<>(List.of("-cp", WorkloadCatalog.classPath(entries), w.mainClass()));
        javaArgs.addAll(w.args(size));
        List<String> cometArgs = List.of("exec", "--workload", w.name(), "--size", size.arg());
        return new Program(w.name(), "built-in workload, size " + size.arg(), javaArgs, cometArgs, false);
    }

    /** The programs listed in {@code cold-programs.jar!org/cometsim/cold/programs.txt}. */
    static List<Program> libraryPrograms(Path dir) {
        Path jar = dir.resolve("cold-programs.jar");
        List<Program> out = new ArrayList<>();
        String text;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry e = zip.getEntry("org/cometsim/cold/programs.txt");
            if (e == null) {
                throw new CometCli.UsageException(jar + " has no org/cometsim/cold/programs.txt");
            }
            try (InputStream in = zip.getInputStream(e)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|");
            if (f.length != 4) {
                throw new CometCli.UsageException("programs.txt: bad line '" + line + "'");
            }
            StringBuilder cp = new StringBuilder(jar.toString());
            for (String lib : f[2].trim().split("\\s+")) {
                if (!lib.isEmpty()) {
                    cp.append(File.pathSeparatorChar).append(dir.resolve("lib").resolve(lib + ".jar"));
                }
            }
            String main = f[1].trim();
            out.add(new Program(f[0].trim(), f[3].trim(), List.of("-cp", cp.toString(), main),
                    List.of("exec", "-cp", cp.toString(), main), !f[2].isBlank()));
        }
        return out;
    }

    /** {@code <repo>/cold-programs/target/cold-programs}, the repository found from the CLI jar's place or the working directory. */
    private static Path defaultProgramsDir() {
        Path rel = Path.of("cold-programs", "target", "cold-programs");
        Path jar = cliJar();
        if (jar != null && jar.getParent() != null && jar.getParent().getParent() != null
                && jar.getParent().getParent().getParent() != null) {
            Path repo = jar.getParent().getParent().getParent(); // <repo>/cli/target/comet-cli-all.jar
            if (Files.isDirectory(repo.resolve(rel))) {
                return repo.resolve(rel);
            }
        }
        return rel.toAbsolutePath();
    }

    // ------------------------------------------------------------------ launching

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The jar this CLI runs from, or null when it runs from class directories (tests). */
    static Path cliJar() {
        try {
            Path p = Path.of(BenchColdCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * How {@code ./comet} starts the tool: {@code java -Xss16m -jar comet-cli-all.jar}, with
     * {@code -XX:SharedArchiveFile} when the archive beside the jar exists (cds auto) or must (on).
     */
    static List<String> cometLauncher(Path jar, String cds, PrintStream err) {
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        Path archive = jar == null ? null : jar.resolveSibling(CDS_ARCHIVE);
        boolean useCds = archive != null && Files.isRegularFile(archive) && !cds.equals("off");
        if (cds.equals("on") && !useCds) {
            err.println("comet: bench --cold: --cds on, but there is no archive " + (archive != null ? archive
                    : CDS_ARCHIVE + " (the CLI is not running from its jar)"));
            return null;
        }
        if (useCds) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
            cmd.add("-Xshare:auto");
            cmd.add("-Xlog:cds=off,cds+dynamic=off");
        }
        cmd.add("-Xss16m");
        if (jar != null) {
            cmd.addAll(List.of("-jar", jar.toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CometCli.class.getName()));
        }
        return cmd;
    }

    /** One sample: wall time (ns) from start to exit, stdout, and a problem (null if it exited 0). */
    private record Sample(long ns, byte[] stdout, String problem) {
    }

    private static Sample runOnce(List<String> cmd, Map<String, String> env, long timeoutSec, Path scratch) {
        Path outFile = scratch.resolve("stdout");
        Path errFile = scratch.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(errFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("COMET_DEBUG");
        pb.environment().putAll(env);
        try {
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(timeoutSec, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Sample(0, new byte[0], "timed out after " + timeoutSec + " s");
            }
            long ns = System.nanoTime() - t0;
            byte[] stdout = Files.readAllBytes(outFile);
            if (p.exitValue() != 0) {
                String e = Files.readString(errFile, StandardCharsets.UTF_8).strip();
                int nl = e.indexOf('\n');
                return new Sample(ns, stdout, "exit " + p.exitValue() + ": " + (nl < 0 ? e : e.substring(0, nl)));
            }
            return new Sample(ns, stdout, null);
        } catch (IOException e) {
            return new Sample(0, new byte[0], "cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sample(0, new byte[0], "interrupted");
        }
    }

    private static Row measure(Program p, List<String> launcher, int repeat, boolean warm, boolean cold, boolean off,
                               long timeoutSec, Path scratch, PrintStream err) {
        List<String> javaCmd = new ArrayList<>(List.of(javaBin()));
        javaCmd.addAll(p.javaArgs());
        List<String> cometCmd = new ArrayList<>(launcher);
        cometCmd.addAll(p.cometArgs());
        Path warmCache = scratch.resolve("cache-warm-" + p.name());
        String problem = null;
        byte[] expected = null;
        if (warm) {
            // primes the shared cache; its time is the first cold run's, not reported here
            Sample prime = runOnce(cometCmd, cacheEnv(warmCache), timeoutSec, scratch);
            if (prime.problem() != null) {
                problem = "comet: " + prime.problem();
            }
        }
        // sides: 0 java, 1 comet warm, 2 comet cold, 3 comet cache off
        List<Integer> sides = new ArrayList<>(List.of(0));
        if (warm) {
            sides.add(1);
        }
        if (cold) {
            sides.add(2);
        }
        if (off) {
            sides.add(3);
        }
        long[][] ns = new long[4][repeat];
        for (int r = 0; r < repeat && problem == null; r++) {
            for (int k = 0; k < sides.size() && problem == null; k++) {
                int side = sides.get((k + r) % sides.size()); // rotate the order each round
                Sample s;
                if (side == 0) {
                    s = runOnce(javaCmd, Map.of(), timeoutSec, scratch);
                } else if (side == 1) {
                    s = runOnce(cometCmd, cacheEnv(warmCache), timeoutSec, scratch);
                } else if (side == 2) {
                    Path fresh = scratch.resolve("cache-cold");
                    deleteTree(fresh);
                    s = runOnce(cometCmd, cacheEnv(fresh), timeoutSec, scratch);
                    deleteTree(fresh);
                } else {
                    s = runOnce(cometCmd, Map.of("COMET_CACHE", "off"), timeoutSec, scratch);
                }
                if (s.problem() != null) {
                    problem = (side == 0 ? "java: " : "comet: ") + s.problem();
                    break;
                }
                if (side == 0) {
                    if (expected != null && !Arrays.equals(expected, s.stdout())) {
                        problem = "java's own output varies between runs";
                    }
                    expected = s.stdout();
                }
                ns[side][r] = s.ns();
                // comet's output is compared once java's is known (java may come later in this round)
                if (side != 0 && expected != null && !Arrays.equals(expected, s.stdout())) {
                    problem = "output differs from java's";
                }
            }
        }
        deleteTree(warmCache);
        if (problem != null) {
            err.println("comet: bench --cold: " + p.name() + ": " + problem);
            return new Row(p, 0, 0, 0, 0, 0, 0, 0, problem);
        }
        double javaMs = median(ns[0]) / 1e6;
        return new Row(p, javaMs, median(ns[1]) / 1e6, pairedRatio(ns[1], ns[0]), median(ns[2]) / 1e6,
                pairedRatio(ns[2], ns[0]), median(ns[3]) / 1e6, pairedRatio(ns[3], ns[0]), null);
    }

    /** The private cache directory; COMET_CACHE too, the variable builds before COMET_CACHE_DIR read. */
    private static Map<String, String> cacheEnv(Path dir) {
        return Map.of("COMET_CACHE_DIR", dir.toString(), "COMET_CACHE", dir.toString());
    }

    static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? 0 : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    /** Median over rounds of comet's time over java's time in the same round. */
    static double pairedRatio(long[] comet, long[] java) {
        double[] r = new double[comet.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = java[i] == 0 ? 0 : (double) comet[i] / java[i];
        }
        Arrays.sort(r);
        int n = r.length;
        return n == 0 ? 0 : n % 2 == 1 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
    }

    // ------------------------------------------------------------------ report

    private static void printTable(List<Row> rows, boolean warm, boolean cold, boolean off, PrintStream out) {
        List<String> header = new ArrayList<>(List.of("program", "java ms"));
        if (warm) {
            header.addAll(List.of("comet ms (cache warm)", "x java"));
        }
        if (cold) {
            header.addAll(List.of("comet ms (cache cold)", "x java"));
        }
        if (off) {
            header.addAll(List.of("comet ms (no cache)", "x java"));
        }
        header.add("output");
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            List<String> c = new ArrayList<>(List.of(r.program().name()));
            if (r.problem() != null) {
                c.add("FAILED: " + r.problem());
                cells.add(c.toArray(new String[0]));
                continue;
            }
            c.add(fmt("%.0f", r.javaMs()));
            if (warm) {
                c.add(fmt("%.0f", r.warmMs()));
                c.add(fmt("%.1fx", r.warmRatio()));
            }
            if (cold) {
                c.add(fmt("%.0f", r.coldMs()));
                c.add(fmt("%.1fx", r.coldRatio()));
            }
            if (off) {
                c.add(fmt("%.0f", r.offMs()));
                c.add(fmt("%.1fx", r.offRatio()));
            }
            c.add("match");
            cells.add(c.toArray(new String[0]));
        }
        int cols = header.size();
        int[] width = new int[cols];
        for (int c = 0; c < cols; c++) {
            width[c] = header.get(c).length();
        }
        for (String[] row : cells) {
            if (row.length == cols) {
                for (int c = 0; c < cols; c++) {
                    width[c] = Math.max(width[c], row[c].length());
                }
            }
        }
        out.println();
        out.println(line(header.toArray(new String[0]), width));
        out.println("-".repeat(Arrays.stream(width).sum() + 2 * (cols - 1)));
        for (String[] row : cells) {
            out.println(row.length == cols ? line(row, width) : String.join("  ", row));
        }
        out.println();
        for (String which : List.of("warm", "cold", "off")) {
            if (which.equals("warm") && !warm || which.equals("cold") && !cold || which.equals("off") && !off) {
                continue;
            }
            double logSum = 0;
            int n = 0;
            for (Row r : rows) {
                if (r.problem() == null && r.program().library()) {
                    double x = which.equals("warm") ? r.warmRatio() : which.equals("cold") ? r.coldRatio() : r.offRatio();
                    logSum += Math.log(x);
                    n++;
                }
            }
            if (n > 0) {
                double g = Math.exp(logSum / n);
                out.printf(Locale.ROOT, "library programs, cache %s: geometric mean %.1fx java (target <= 5x: %s)%n",
                        which, g, g <= 5 ? "MET" : "NOT MET");
            }
        }
    }

    private static String line(String[] row, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            String v = row[c];
            boolean left = c == 0 || c == row.length - 1;
            if (c == row.length - 1) {
                sb.append(v);
            } else if (left) {
                sb.append(v).append(" ".repeat(width[c] - v.length()));
            } else {
                sb.append(" ".repeat(width[c] - v.length())).append(v);
            }
            if (c < row.length - 1) {
                sb.append("  ");
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // scratch space under the temp directory: a leftover only costs disk
        }
    }
}
