package org.cometsim.bench.harness;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * <b>Start here</b> for the measuring harness behind {@code comet bench}: interpreter speed
 * against the host JVM, both measured in the same invocation (issue #3, item 4).
 *
 * <p>For each workload two child JVMs run {@link BenchChild}, one after the other (never
 * concurrently, so they do not compete for cores): {@code jvm} calls the workload's {@code main}
 * from its jars, {@code interp} runs its dex files in the Dalvik interpreter. Both use the same
 * {@code java} and the same JVM options, the same warm-up rule and the same sampling (see
 * {@link BenchChild}), so the slowdown is warm interpreter time over warm HotSpot-JIT time.
 *
 * <p>What is measured, exactly:
 * <ul>
 *   <li>Every time is the wall-clock time of {@code main} (JVM) or {@code Vm.runMain}
 *       (interpreter) alone. Outside it: JVM start-up and, for the interpreter, D8 (jars to dex),
 *       parsing the app's and the guest library's dex files, and creating the {@code Vm} (a fresh
 *       one per run). Inside it: loading, linking and initialising the classes the run uses, on
 *       both sides.</li>
 *   <li>The interpreter runs as {@code comet exec} does without {@code --cpu}: per-opcode
 *       counters on; no write barrier is installed and no object is tracked, so every store pays
 *       only the check for a tracked object (what a DSM costs is not measured here).</li>
 *   <li>"Cold" is the first run in a fresh child JVM (HotSpot has compiled nothing yet);
 *       "warm" is the median sample after the warm-up.</li>
 * </ul>
 *
 * <p>A workload that fails on either side is reported as FAILED with a one-line reason and left
 * out of the geometric mean, as is one whose interpreter output differs from the JVM's (its time
 * would measure a different computation); {@link BenchSummary} counts them.
 */
public final class InterpreterVsJvm {
    private InterpreterVsJvm() {
    }

    /**
     * Measures every workload of {@code config}.
     *
     * @param progress one line per step (no line end), for a log the user watches
     * @throws IOException when the temporary directory cannot be made or used (a single workload's
     *     failure is a FAILED row instead)
     */
    public static BenchReport run(BenchConfig config, Consumer<String> progress) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String harnessCp = harnessClassPath();  // replaced by a private copy below
        double loadStart = loadAverage();
        List<WorkloadRow> rows = new ArrayList<>();
        Path tmp;
        try {
            tmp = Files.createTempDirectory("comet-bench");
        } catch (IOException e) {
            throw new IOException("cannot create a temporary directory: " + e.getMessage(), e);
        }
        try {
            // Everything the children need is copied first (workload class paths, and the harness jar
            // itself), so a rebuild of the jar during a long run cannot change what is measured.
            harnessCp = privateCopy(harnessCp, tmp);
            List<Path[]> dexCps = new ArrayList<>();
            List<Path[]> jarCps = new ArrayList<>();
            for (Workload w : config.workloads()) {
                WorkloadRow row = new WorkloadRow(w);
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
                WorkloadRow row = rows.get(n);
                Workload w = row.workload();
                String tag = "[" + (n + 1) + "/" + rows.size() + "] " + w.name();
                if (row.error != null) {
                    progress.accept(tag + ": FAILED: " + row.error);
                    continue;
                }
                Path dir = tmp.resolve(w.name());
                List<String> guestArgs = w.args(config.size());
                try {
                    progress.accept(tag + ": host JVM ...");
                    row.jvm = measure(java, config, harnessCp, "jvm", WorkloadCatalog.classPath(jarCps.get(n)),
                            w.mainClass(), guestArgs, dir.resolve("jvm"));
                    progress.accept(String.format(Locale.ROOT, "%s: host JVM %.3f ms; interpreter ...", tag,
                            row.jvm.medianNs() / 1e6));
                    row.interp = measure(java, config, harnessCp, "interp", WorkloadCatalog.classPath(dexCps.get(n)),
                            w.mainClass(), guestArgs, dir.resolve("interp"));
                    row.outputMatch = w.comparableOutput(row.jvm.output).equals(w.comparableOutput(row.interp.output));
                    row.unstable = row.jvm.unstable != null ? "JVM: " + row.jvm.unstable
                            : row.interp.unstable != null ? "interpreter: " + row.interp.unstable : null;
                    progress.accept(String.format(Locale.ROOT, "%s: interpreter %.3f ms, slowdown %.1fx, output %s", tag,
                            row.interp.medianNs() / 1e6, row.slowdown(), row.outputMatch ? "matches" : "DIFFERS"));
                } catch (ChildFailure e) {
                    row.error = e.getMessage();
                    progress.accept(tag + ": FAILED: " + row.error);
                } catch (IOException | RuntimeException e) {
                    // one broken workload (or unreadable child result) must not lose the others' rows
                    row.error = "bench: " + BenchChild.oneLine(e);
                    progress.accept(tag + ": FAILED: " + row.error);
                }
            }
        } finally {
            deleteTree(tmp);
        }
        return new BenchReport(rows, BenchSummary.of(rows), loadStart, loadAverage());
    }

    /** "OpenJDK 64-Bit Server VM 17.0.15+6-..." of this JVM, which the children run on too. */
    public static String javaDescription() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    // ------------------------------------------------------------------ children

    /** A child that did not produce a measurement; its message is the one line the table shows. */
    static final class ChildFailure extends Exception {
        ChildFailure(String message) {
            super(message);
        }
    }

    private static SideResult measure(String java, BenchConfig config, String harnessCp, String mode, String cp,
                                      String main, List<String> guestArgs, Path dir) throws ChildFailure, IOException {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(config.jvmOptions());
        cmd.addAll(List.of("-cp", harnessCp, BenchChild.class.getName(), mode, Long.toString(config.warmupMs()),
                Integer.toString(config.repeat()), Long.toString(config.minSampleMs()), cp, main));
        cmd.addAll(guestArgs);
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        // files, not pipes: a child that writes a lot to stderr must never block on a full pipe
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice()))).start();
        String who = mode.equals("jvm") ? "host JVM" : "interpreter";
        long timeoutSec = config.timeoutSec();
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
        SideResult s = new SideResult();
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
     * Class path for the children: the self-contained jar this class came from (comet-cli-all.jar,
     * or benchmarks.jar), or else this JVM's own class path, which then holds the dependencies (as
     * in tests, running from target/classes, or from the module's thin jar).
     */
    static String harnessClassPath() {
        CodeSource cs = InterpreterVsJvm.class.getProtectionDomain().getCodeSource();
        if (cs != null && cs.getLocation() != null) {
            try {
                Path p = Path.of(cs.getLocation().toURI());
                if (Files.isRegularFile(p) && holdsTheInterpreter(p)) {
                    return p.toString();
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // fall through to java.class.path
            }
        }
        return System.getProperty("java.class.path");
    }

    /** Whether {@code jar} also holds the VM and the workloads, i.e. is a shaded jar. */
    private static boolean holdsTheInterpreter(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getEntry("org/cometsim/dalvik/Vm.class") != null
                    && j.getEntry("org/cometsim/workloads/WorkloadCatalog.class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
