package org.cometsim.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.Policies;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.SimulatedExec;
import org.cometsim.sim.Simulation;
import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * {@code comet bench-simspeed} (issue #17 item 4): how many simulated phone-seconds the simulator
 * gets through per second of host time, for a workload run locally on the 2012 phone preset and
 * offloaded with policy {@code comet} over {@code comet-wifi} to the 2012 server preset.
 *
 * <p>Each timed run is a whole run as {@code comet run} does it: a new {@code Vm} per endpoint
 * (class loading, linking, initialisation, the JIT's compilations and the event loop included),
 * in this JVM, on the calling thread. Not timed: JVM start-up, extracting the workload's dex files
 * and parsing the class path (once per workload, shared by every run, as {@code comet run} shares
 * it between its baseline and the offloaded run), and a {@code System.gc()} before each run so
 * that one run's garbage does not land in the next one's figures. The local run is what
 * {@link OffloadRun#runLocal} does ({@link SimulatedExec}, spelt out here to read its event
 * count); the offloaded one is {@link OffloadRun#run(OffloadRun.Config, OffloadRun.Side)}.
 *
 * <p>Per run: simulated phone-seconds (the program's completion time on the phone), host wall
 * time, host CPU time of the whole process (GC and HotSpot's compiler threads included: what the
 * run costs the machine) and of the calling thread, Dalvik instructions executed (both endpoints),
 * events the simulation processed, and two heap figures: the sum of the heap pools' peak usage
 * during the run (garbage included: what the JVM had to hold) and the largest heap in use right
 * after a collection during it (about the live data; 0 if no collection happened). Figures are
 * medians over the repeats; the first run of a JVM is cold (HotSpot not yet warm), as
 * {@code comet run}'s only run is.
 *
 * <p>Not a test: nothing asserts on time. {@code BenchSimSpeedCommandTest} checks the command on a
 * tiny size.
 */
public final class SimSpeedBenchmark {
    /** Issue #17: at least this many simulated phone-seconds per wall-second, every workload, local or offloaded. */
    public static final double TARGET_SIM_PER_WALL = 10.0;
    /** Issue #17: the largest workload's peak heap at most this. */
    public static final long TARGET_PEAK_HEAP_BYTES = 1L << 30;
    public static final String PHONE = "phone-2012-hummingbird-portable";
    public static final String SERVER = "server-2012-portable";
    public static final String LINK = "comet-wifi";
    public static final String POLICY = "comet";

    /** Local on the phone, or offloaded with {@link #POLICY} over {@link #LINK}. */
    public enum Mode {
        LOCAL, OFFLOAD;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One measured run. */
    public record Run(long simNanos, long instructions, long events, long wallNanos, long cpuNanos, long threadCpuNanos,
                      long peakHeapBytes, long peakAfterGcBytes) {
        public double simPerWall() {
            return simNanos / (double) wallNanos;
        }

        public double simPerCpu() {
            return simNanos / (double) cpuNanos;
        }
    }

    /**
     * One row: a workload in one mode, its runs (all of them have the same simulated figures: the
     * simulation is deterministic; only host figures vary).
     */
    public record Row(String workload, Size size, Mode mode, List<Run> runs) {
        public long simNanos() {
            return runs.get(0).simNanos();
        }

        public long instructions() {
            return runs.get(0).instructions();
        }

        public long events() {
            return runs.get(0).events();
        }

        public double wallSeconds() {
            return median(runs, r -> r.wallNanos() / 1e9);
        }

        public double cpuSeconds() {
            return median(runs, r -> r.cpuNanos() / 1e9);
        }

        public double threadCpuSeconds() {
            return median(runs, r -> r.threadCpuNanos() / 1e9);
        }

        public double simPerWall() {
            return median(runs, Run::simPerWall);
        }

        public double simPerCpu() {
            return median(runs, Run::simPerCpu);
        }

        /** Dalvik instructions per host CPU-second of the calling thread (the interpreter's own speed here). */
        public double instructionsPerThreadCpuSecond() {
            return median(runs, r -> r.instructions() / (r.threadCpuNanos() / 1e9));
        }

        /**
         * Dalvik instructions per host second the target asks for: {@link #TARGET_SIM_PER_WALL}
         * simulated seconds' worth of this run's instructions. An offloaded run executes the
         * program's work on the server, which the 2012 presets make many times faster than the
         * phone, so the same instructions are far fewer simulated phone-seconds.
         */
        public double instructionsPerSecondNeeded() {
            return instructions() / (simNanos() / 1e9) * TARGET_SIM_PER_WALL;
        }

        public long peakHeapBytes() {
            return runs.stream().mapToLong(Run::peakHeapBytes).max().orElse(0);
        }

        public long peakAfterGcBytes() {
            return runs.stream().mapToLong(Run::peakAfterGcBytes).max().orElse(0);
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os =
            ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final Path work;

    public SimSpeedBenchmark() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heapPools.add(p);
            }
        }
        // The heap in use right after each collection (all pools): its maximum over a run is about
        // the run's live data. Notifications arrive on a JMX thread, hence the atomic.
        NotificationListener afterGc = (Notification n, Object handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long used = 0;
            for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (isHeapPool(e.getKey())) {
                    used += e.getValue().getUsed();
                }
            }
            peakAfterGc.accumulateAndGet(used, Math::max);
        };
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterGc, null, null);
            }
        }
        try {
            this.work = Files.createTempDirectory("comet-bench-simspeed-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isHeapPool(String name) {
        for (MemoryPoolMXBean p : heapPools) {
            if (p.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The rows of one workload: local then offloaded, {@code repeats} runs each, interleaved (local, offload, local, ...). */
    public List<Row> measure(Workload w, Size size, int repeats, PrintStream progress) {
        ClassPath cp = classPath(w);
        String[] args = w.args(size).toArray(new String[0]);
        List<Run> local = new ArrayList<>();
        List<Run> offload = new ArrayList<>();
        OffloadRun.Side baseline = null;
        for (int i = 0; i < repeats; i++) {
            Object[] side = new Object[1];
            Run l = timed(() -> {
                side[0] = runLocal(cp, w, args);
            });
            LocalOutcome lo = (LocalOutcome) side[0];
            local.add(withSimulated(l, lo.side.timeNanos(), lo.side.instructions(), lo.events));
            baseline = lo.side;
            progress.printf(Locale.ROOT, "%s %s local   %d/%d: %.3f s simulated in %.3f s wall, %.3f s cpu%n", w.name(),
                    size.arg(), i + 1, repeats, lo.side.timeNanos() / 1e9, l.wallNanos() / 1e9, l.cpuNanos() / 1e9);

            Simulation[] sim = new Simulation[1];
            OffloadRun.Config config = new OffloadRun.Config(cp, w.name() + ".dex", w.mainClass(), args,
                    DeviceModels.cpu(PHONE), DeviceModels.cpu(SERVER), s -> {
                        sim[0] = s; // the run's simulation, for its event count
                        return LinkModels.preset(LINK, s.streams());
                    }, OffloadRun.radioFor(LINK), Policies.byName(POLICY), null, 1, true, null);
            OffloadRun.Side base = baseline;
            Object[] result = new Object[1];
            Run o = timed(() -> {
                result[0] = OffloadRun.run(config, base);
            });
            OffloadRun.Result r = (OffloadRun.Result) result[0];
            // (Output is not compared: scimark-timed prints its simulated Mflops, which offloading changes.)
            if (r.offload().status() != 0) {
                throw new IllegalStateException(w.name() + ": the offloaded run ended with status " + r.offload().status());
            }
            offload.add(withSimulated(o, r.offload().timeNanos(), r.offload().instructions(), sim[0].executedEvents()));
            progress.printf(Locale.ROOT, "%s %s offload %d/%d: %.3f s simulated in %.3f s wall, %.3f s cpu%n", w.name(),
                    size.arg(), i + 1, repeats, r.offload().timeNanos() / 1e9, o.wallNanos() / 1e9, o.cpuNanos() / 1e9);
        }
        return List.of(new Row(w.name(), size, Mode.LOCAL, local), new Row(w.name(), size, Mode.OFFLOAD, offload));
    }

    private record LocalOutcome(OffloadRun.Side side, long events) {
    }

    /** {@link OffloadRun#runLocal} as it is, plus the simulation's event count. */
    private static LocalOutcome runLocal(ClassPath cp, Workload w, String[] args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        SimulatedExec exec = new SimulatedExec(cp, w.name() + ".dex", DeviceModels.cpu(PHONE), null,
                new PrintStream(out, false, java.nio.charset.StandardCharsets.UTF_8), sink, InputStream.nullInputStream(),
                null, true);
        int status = exec.runMain(w.mainClass(), args);
        if (status != 0) {
            throw new IllegalStateException(w.name() + ": the local run ended with status " + status);
        }
        SimulatedExec.Report r = exec.report();
        OffloadRun.Side side = new OffloadRun.Side(out.toString(java.nio.charset.StandardCharsets.UTF_8), "", status,
                r.completionNanos(), r.instructions(), null);
        return new LocalOutcome(side, exec.simulation().executedEvents());
    }

    /** Runs {@code body} once with host clocks and heap peaks around it (after an untimed collection). */
    private Run timed(Runnable body) {
        System.gc();
        for (MemoryPoolMXBean p : heapPools) {
            p.resetPeakUsage();
        }
        peakAfterGc.set(0);
        long cpu0 = os.getProcessCpuTime();
        long thread0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        body.run();
        long wall = System.nanoTime() - wall0;
        long thread = threads.getCurrentThreadCpuTime() - thread0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long peak = 0;
        for (MemoryPoolMXBean p : heapPools) {
            peak += p.getPeakUsage().getUsed();
        }
        return new Run(0, 0, 0, wall, cpu, thread, peak, peakAfterGc.get());
    }

    private static Run withSimulated(Run r, long simNanos, long instructions, long events) {
        return new Run(simNanos, instructions, events, r.wallNanos(), r.cpuNanos(), r.threadCpuNanos(), r.peakHeapBytes(),
                r.peakAfterGcBytes());
    }

    private ClassPath classPath(Workload w) {
        try {
            Path[] dex = WorkloadCatalog.extract(w, work.resolve(w.name()), Kind.DEX);
            return ClassPath.parse(WorkloadCatalog.classPath(dex), D8Converter.withDefaultCache());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LoadException e) {
            throw new IllegalStateException("built-in workload " + w.name() + " does not load", e);
        }
    }

    static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] xs = runs.stream().mapToDouble(f).sorted().toArray();
        int n = xs.length;
        return n % 2 == 1 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
    }

    /** The table {@code comet bench-simspeed} prints, with the target per row and overall. */
    public static void printTable(List<Row> rows, PrintStream out) {
        out.printf(Locale.ROOT, "%-14s %-6s %-7s %9s %13s %9s %8s %8s %9s %9s %8s %8s %8s %8s  %s%n", "workload", "size", "mode",
                "sim_s", "instructions", "events", "wall_s", "cpu_s", "sim/wall", "sim/cpu", "Mi/tcpu", "Mi_need", "peak_MiB",
                "gc_MiB", "target sim/wall >= " + (int) TARGET_SIM_PER_WALL);
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-14s %-6s %-7s %9.3f %13d %9d %8.3f %8.3f %9.3f %9.3f %8.1f %8.1f %8.1f %8.1f  %s%n",
                    r.workload(), r.size().arg(), r.mode().word(), r.simNanos() / 1e9, r.instructions(), r.events(),
                    r.wallSeconds(), r.cpuSeconds(), r.simPerWall(), r.simPerCpu(), r.instructionsPerThreadCpuSecond() / 1e6,
                    r.instructionsPerSecondNeeded() / 1e6, r.peakHeapBytes() / 1048576.0, r.peakAfterGcBytes() / 1048576.0,
                    r.simPerWall() >= TARGET_SIM_PER_WALL ? "MET" : "NOT MET");
        }
        if (rows.isEmpty()) {
            return;
        }
        for (Mode m : Mode.values()) {
            List<Row> of = rows.stream().filter(r -> r.mode() == m).toList();
            if (of.isEmpty()) {
                continue;
            }
            out.printf(Locale.ROOT, "%-7s sim/wall worst %.3f, geometric mean %.3f; sim/cpu worst %.3f, geometric mean %.3f%n",
                    m.word(), worst(of, Row::simPerWall), geomean(of, Row::simPerWall), worst(of, Row::simPerCpu),
                    geomean(of, Row::simPerCpu));
        }
        double worst = worst(rows, Row::simPerWall);
        out.printf(Locale.ROOT, "overall: worst sim/wall %.3f -- target >= %.0f on every row: %s (%d of %d rows)%n", worst,
                TARGET_SIM_PER_WALL, worst >= TARGET_SIM_PER_WALL ? "MET" : "NOT MET",
                rows.stream().filter(r -> r.simPerWall() >= TARGET_SIM_PER_WALL).count(), rows.size());
        Row largest = rows.stream().max((a, b) -> Long.compare(a.peakHeapBytes(), b.peakHeapBytes())).orElseThrow();
        out.printf(Locale.ROOT, "peak heap: largest %.1f MiB (%s %s %s; %.1f MiB right after a collection) -- target <= %.0f MiB: %s%n",
                largest.peakHeapBytes() / 1048576.0, largest.workload(), largest.size().arg(), largest.mode().word(),
                largest.peakAfterGcBytes() / 1048576.0, TARGET_PEAK_HEAP_BYTES / 1048576.0,
                largest.peakHeapBytes() <= TARGET_PEAK_HEAP_BYTES ? "MET" : "NOT MET");
    }

    private static double worst(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
        return rows.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double geomean(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
        return Math.exp(rows.stream().mapToDouble(r -> Math.log(f.applyAsDouble(r))).average().orElse(Double.NaN));
    }

    /** The rows as JSON ({@code comet bench-simspeed --json}): figures with their units in the field names. */
    public static String json(List<Row> rows, String load) {
        StringBuilder b = new StringBuilder();
        b.append("{\"schema\":\"comet-bench-simspeed/1\",\"phone\":\"").append(PHONE).append("\",\"server\":\"")
                .append(SERVER).append("\",\"link\":\"").append(LINK).append("\",\"policy\":\"").append(POLICY)
                .append("\",\"target_sim_per_wall\":").append(TARGET_SIM_PER_WALL).append(",\"host_load\":\"")
                .append(load.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\"rows\":[");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            b.append(i == 0 ? "" : ",").append("\n{\"workload\":\"").append(r.workload()).append("\",\"size\":\"")
                    .append(r.size().arg()).append("\",\"mode\":\"").append(r.mode().word()).append("\",\"sim_ns\":")
                    .append(r.simNanos()).append(",\"instructions\":").append(r.instructions()).append(",\"events\":")
                    .append(r.events()).append(",\"median_wall_s\":").append(num(r.wallSeconds()))
                    .append(",\"median_cpu_s\":").append(num(r.cpuSeconds())).append(",\"median_thread_cpu_s\":")
                    .append(num(r.threadCpuSeconds())).append(",\"sim_per_wall\":").append(num(r.simPerWall()))
                    .append(",\"sim_per_cpu\":").append(num(r.simPerCpu())).append(",\"instructions_per_thread_cpu_s\":")
                    .append(num(r.instructionsPerThreadCpuSecond())).append(",\"instructions_per_s_needed\":")
                    .append(num(r.instructionsPerSecondNeeded())).append(",\"peak_heap_bytes\":").append(r.peakHeapBytes())
                    .append(",\"peak_after_gc_bytes\":").append(r.peakAfterGcBytes()).append(",\"met\":")
                    .append(r.simPerWall() >= TARGET_SIM_PER_WALL).append(",\"runs\":[");
            for (int k = 0; k < r.runs().size(); k++) {
                Run x = r.runs().get(k);
                b.append(k == 0 ? "" : ",").append("{\"wall_ns\":").append(x.wallNanos()).append(",\"cpu_ns\":")
                        .append(x.cpuNanos()).append(",\"thread_cpu_ns\":").append(x.threadCpuNanos())
                        .append(",\"peak_heap_bytes\":").append(x.peakHeapBytes()).append(",\"peak_after_gc_bytes\":")
                        .append(x.peakAfterGcBytes()).append('}');
            }
            b.append("]}");
        }
        return b.append("\n]}\n").toString();
    }

    private static String num(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null";
    }
}
