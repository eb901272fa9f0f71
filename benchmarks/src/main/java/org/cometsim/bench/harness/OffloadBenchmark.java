package org.cometsim.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.OffloadMetrics;
import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.offload.policy.Policies;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.SimulatedExec;
import org.cometsim.sim.Event;
import org.cometsim.sim.Simulation;
import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * {@code comet bench-offload}: three figures of the offload runtime per workload (issue #13,
 * performance), each a ratio of two measurements taken in the same invocation, medians over
 * repeats. Everything runs on the 2012 presets (phone-2012-hummingbird-portable,
 * server-2012-portable) over {@code comet-wifi} with zlib on, in this JVM, on the calling thread.
 *
 * <ol>
 *   <li><b>Sync efficiency</b> (target at most {@value #SYNC_TARGET}x): bytes both endpoints put
 *       on the wire, app code excluded (frames, headers, acknowledgements, lock traffic and thread
 *       images included, after zlib), over the raw dirty payload of their pushes (the values and
 *       references {@link OffloadMetrics#payloadBytesSent} counts), under policy {@code comet}.
 *       Deterministic: one run gives it.</li>
 *   <li><b>Simulation speed</b>: simulated phone-seconds (the offloaded run's completion time) per
 *       second of host wall time and per second of host CPU time of the calling thread, under
 *       {@code comet}; the baseline is run once beforehand and not timed. Wall time depends on the
 *       machine's load; CPU time much less.</li>
 *   <li><b>Tracking overhead</b> (target at most {@value #TRACKING_TARGET}x): the phone VM's host
 *       CPU time per simulated phone-second once the DSM is active, against a plain local run
 *       ({@code comet exec --cpu}: no endpoint, no barrier). The active side is an offloaded run
 *       whose policy ({@link RoundTripOnce}) sends the first thread to the server at its first
 *       evaluation and calls it back at the server's first, then keeps everything on the phone:
 *       after that round trip everything the thread reached is tracked and every store goes
 *       through the write barrier. Its CPU time is taken from the phone's first evaluation after
 *       the return to the end of the run, covering the last {@code W} simulated nanoseconds of the
 *       program; the plain run's from {@code W} before its end (an event scheduled there) to its
 *       end. Same program tail, same CPU model, so the same instructions: the ratio of the two CPU
 *       times is the overhead. Pairs alternate their order; the figure is the median ratio.</li>
 * </ol>
 *
 * <p>Not a test: nothing here asserts on time. {@code BenchOffloadCommandTest} only checks that the
 * command runs on a tiny size and prints its table.
 */
public final class OffloadBenchmark {
    /** Issue #13: wire bytes at most this multiple of the raw dirty payload (zlib on). */
    public static final double SYNC_TARGET = 1.1;
    /** Issue #13: the phone with the DSM active at most this much slower than a plain run. */
    public static final double TRACKING_TARGET = 1.5;
    static final String PHONE = "phone-2012-hummingbird-portable";
    static final String SERVER = "server-2012-portable";
    static final String LINK = "comet-wifi";
    /** A tracked phase shorter than this share of the program measures the round trip, not tracking: n/a. */
    static final double MIN_PHASE_SHARE = 0.2;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Path work;

    public OffloadBenchmark() {
        try {
            this.work = Files.createTempDirectory("comet-bench-offload-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The size {@code comet bench-offload} uses for a workload when none is given: medium, except
     * xz (minutes of host time at medium: small) and N-Queens (paper; medium ends within the link's
     * set-up, before any offload).
     */
    public static Size defaultSize(Workload w) {
        switch (w.name()) {
            case "xz":
                return Size.SMALL;
            case "nqueens":
                return Size.PAPER;
            default:
                return Size.MEDIUM;
        }
    }

    /** One workload's figures. NaN where a figure does not apply (see {@link #note}). */
    public record Row(String workload, Size size, double localSeconds, double offloadSeconds, long syncs,
                      long payloadBytes, long wireBytes, double simPerWallSecond, double simPerCpuSecond,
                      long trackedObjects, double trackedPhaseShare, double trackingRatio, String note) {
        public double syncRatio() {
            return payloadBytes == 0 ? Double.NaN : (double) wireBytes / payloadBytes;
        }
    }

    /** Measures one workload: {@code repeats} timed runs for (b) and pairs for (c), after one warm-up of each. */
    public Row measure(Workload w, Size size, int repeats, PrintStream progress) {
        ClassPath cp = classPath(w);
        String[] args = w.args(size).toArray(new String[0]);
        OffloadRun.Config comet = config(cp, w, args, Policies.byName("comet"));
        OffloadRun.Side baseline = OffloadRun.runLocal(comet);
        progress.printf(Locale.ROOT, "%s %s: local %.3f s simulated%n", w.name(), size.arg(), baseline.timeNanos() / 1e9);

        // (a) and (b): the comet run, warm-up first.
        OffloadRun.Result r = OffloadRun.run(comet, baseline);
        List<Double> perWall = new ArrayList<>();
        List<Double> perCpu = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            r = OffloadRun.run(comet, baseline);
            long wall = System.nanoTime() - wall0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            perWall.add(r.offload().timeNanos() / (double) wall);
            perCpu.add(r.offload().timeNanos() / (double) cpu);
            progress.printf(Locale.ROOT, "  comet run %d/%d: %.3f s simulated in %.3f s wall, %.3f s cpu%n", i + 1, repeats,
                    r.offload().timeNanos() / 1e9, wall / 1e9, cpu / 1e9);
        }
        OffloadMetrics p = r.phone();
        OffloadMetrics s = r.server();
        long payload = p.payloadBytesSent() + s.payloadBytesSent();
        long wire = p.wireBytesSent() + s.wireBytesSent() - p.dexBytesSent();
        long syncs = p.syncsSent() + s.syncsSent();
        // What the wire bytes are made of, by message kind and direction (the fixed costs that
        // dominate the ratio when a run's pushes carry little: handshake, acknowledgements, pings).
        StringBuilder kinds = new StringBuilder();
        for (OffloadMetrics m : List.of(p, s)) {
            kinds.append(m == p ? "phone->server:" : "; server->phone:");
            m.sentByKind().forEach((k, v) -> kinds.append(String.format(Locale.ROOT, " %s %dx %d B", k, v[0], v[1])));
        }
        progress.printf(Locale.ROOT, "  wire bytes by message kind (dex included in DexData): %s%n", kinds);

        // (c): the round trip, then the phone alone with the DSM active, against the plain run's tail.
        Tracking t = tracking(w, cp, args, baseline, repeats, progress);
        return new Row(w.name(), size, baseline.timeNanos() / 1e9, r.offload().timeNanos() / 1e9, syncs, payload, wire,
                median(perWall), median(perCpu), t.trackedObjects, t.phaseShare, t.ratio, t.note);
    }

    private record Tracking(long trackedObjects, double phaseShare, double ratio, String note) {
    }

    private Tracking tracking(Workload w, ClassPath cp, String[] args, OffloadRun.Side baseline, int pairs,
                              PrintStream progress) {
        RoundTripOnce warm = new RoundTripOnce(threads);
        OffloadRun.Result r = OffloadRun.run(config(cp, w, args, warm), baseline);
        if (warm.phaseStartNanos < 0) {
            String why = r.phone().pinnedByHostState().isEmpty() ? "no round trip" : "pinned by host state";
            return new Tracking(0, Double.NaN, Double.NaN, why);
        }
        long tracked = trackedObjects(r.trace());
        long phase = r.offload().timeNanos() - warm.phaseStartNanos;
        double share = (double) phase / r.offload().timeNanos();
        if (share < MIN_PHASE_SHARE) {
            return new Tracking(tracked, share, Double.NaN, "tracked phase too short");
        }
        long plainFrom = baseline.timeNanos() - phase;
        plainTail(w, cp, args, plainFrom); // warm-up
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            long active;
            long plain;
            if (i % 2 == 0) {
                plain = plainTail(w, cp, args, plainFrom);
                active = activeTail(w, cp, args, baseline);
            } else {
                active = activeTail(w, cp, args, baseline);
                plain = plainTail(w, cp, args, plainFrom);
            }
            ratios.add((double) active / plain);
            progress.printf(Locale.ROOT, "  tracking pair %d/%d: last %.3f s simulated: plain %.1f ms cpu, DSM active"
                    + " %.1f ms cpu, ratio %.3f%n", i + 1, pairs, phase / 1e9, plain / 1e6, active / 1e6, active / (double) plain);
        }
        return new Tracking(tracked, share, median(ratios), "");
    }

    /** Host CPU time of the round-trip run from the phone's first evaluation after the return to the end. */
    private long activeTail(Workload w, ClassPath cp, String[] args, OffloadRun.Side baseline) {
        RoundTripOnce policy = new RoundTripOnce(threads);
        OffloadRun.run(config(cp, w, args, policy), baseline);
        long end = threads.getCurrentThreadCpuTime();
        return end - policy.phaseStartCpuNanos;
    }

    /** Host CPU time of a plain simulated run ({@code comet exec --cpu}) from simulated instant {@code from} to its end. */
    private long plainTail(Workload w, ClassPath cp, String[] args, long from) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        SimulatedExec exec = new SimulatedExec(cp, w.name() + ".dex", DeviceModels.cpu(PHONE), null, sink, sink,
                InputStream.nullInputStream(), null, true);
        long[] start = {-1};
        exec.simulation().scheduleAtNanos(from, 0, new SampleCpu(threads, start));
        exec.runMain(w.mainClass(), args);
        long end = threads.getCurrentThreadCpuTime();
        if (start[0] < 0) {
            throw new IllegalStateException("the plain run ended before " + from + " ns");
        }
        return end - start[0];
    }

    /** Records the calling thread's CPU time when the simulation reaches its instant. */
    private record SampleCpu(ThreadMXBean threads, long[] into) implements Event {
        @Override
        public void fire(Simulation sim) {
            into[0] = threads.getCurrentThreadCpuTime();
        }

        @Override
        public String tracePayload() {
            return "bench sample";
        }
    }

    /**
     * The tracking-overhead policy: the first thread evaluated goes to the server at once and is
     * called back at the server's first evaluation; nothing moves after that. The phone's first
     * evaluation of that thread after the server evaluated it starts the measured phase (its
     * simulated instant and the host thread's CPU time then). A thread back on the phone without a
     * server evaluation (forced home early, or pinned and never gone) is asked again, at most
     * {@value #ATTEMPTS} times. Deterministic in its decisions; the CPU sample is only read.
     */
    static final class RoundTripOnce implements OffloadPolicy {
        static final int ATTEMPTS = 3;
        private final ThreadMXBean threads;
        private int thread = -1;
        private int attempts;
        private boolean evaluatedOnServer;
        long phaseStartNanos = -1;
        long phaseStartCpuNanos = -1;

        RoundTripOnce(ThreadMXBean threads) {
            this.threads = threads;
        }

        @Override
        public String name() {
            return "round-trip-once";
        }

        @Override
        public boolean decidesOnServer() {
            return true;
        }

        @Override
        public boolean migrate(Decision d) {
            if (d.onServer()) {
                evaluatedOnServer |= d.threadId() == thread;
                return true; // come home at the first evaluation there
            }
            if (thread < 0) {
                thread = d.threadId();
            }
            if (d.threadId() != thread || phaseStartNanos >= 0) {
                return false;
            }
            if (evaluatedOnServer) {
                phaseStartNanos = d.nowNanos();
                phaseStartCpuNanos = threads.getCurrentThreadCpuTime();
                return false;
            }
            return attempts++ < ATTEMPTS;
        }
    }

    private static final Pattern SYNC_OBJECTS = Pattern.compile("\"event\":\"sync\",\"revision\":\\d+,\"objects\":(\\d+)");

    /** Objects the pushes of a run shipped (each once: a shipped object is tracked from then on). */
    static long trackedObjects(List<String> trace) {
        long n = 0;
        for (String line : trace) {
            Matcher m = SYNC_OBJECTS.matcher(line);
            if (m.find()) {
                n += Long.parseLong(m.group(1));
            }
        }
        return n;
    }

    private static OffloadRun.Config config(ClassPath cp, Workload w, String[] args, OffloadPolicy policy) {
        return new OffloadRun.Config(cp, w.name() + ".dex", w.mainClass(), args, DeviceModels.cpu(PHONE),
                DeviceModels.cpu(SERVER), sim -> LinkModels.preset(LINK, sim.streams()), OffloadRun.radioFor(LINK), policy,
                null, 1, true, null);
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

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The table {@code comet bench-offload} prints. */
    public static void printTable(List<Row> rows, PrintStream out) {
        out.printf(Locale.ROOT, "%-15s %-6s %9s %9s %6s %10s %10s %7s %9s %9s %8s %7s %9s%n", "workload", "size", "local_s",
                "offl_s", "syncs", "payload_B", "wire_B", "wire/pl", "sim/wall", "sim/cpu", "tracked", "phase", "tracking");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-15s %-6s %9.3f %9.3f %6d %10d %10d %7s %9.3f %9.3f %8d %7s %9s%s%n", r.workload(),
                    r.size().arg(), r.localSeconds(), r.offloadSeconds(), r.syncs(), r.payloadBytes(), r.wireBytes(),
                    fmt(r.syncRatio(), "%.3f"), r.simPerWallSecond(), r.simPerCpuSecond(), r.trackedObjects(),
                    fmt(r.trackedPhaseShare() * 100, "%.0f%%"), fmt(r.trackingRatio(), "%.3fx"),
                    r.note().isEmpty() ? "" : "  (" + r.note() + ")");
        }
        List<Double> sync = new ArrayList<>();
        List<Double> tracking = new ArrayList<>();
        for (Row r : rows) {
            if (!Double.isNaN(r.syncRatio())) {
                sync.add(r.syncRatio());
            }
            if (!Double.isNaN(r.trackingRatio())) {
                tracking.add(r.trackingRatio());
            }
        }
        if (!sync.isEmpty()) {
            double worst = sync.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            out.printf(Locale.ROOT, "sync efficiency: wire/payload median %.3f, worst %.3f -- target <= %.1f: %s%n",
                    median(sync), worst, SYNC_TARGET, worst <= SYNC_TARGET ? "MET" : "NOT MET");
        }
        if (!tracking.isEmpty()) {
            double worst = tracking.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            out.printf(Locale.ROOT, "tracking overhead: DSM active/plain median %.3fx, worst %.3fx -- target <= %.1fx: %s%n",
                    median(tracking), worst, TRACKING_TARGET, worst <= TRACKING_TARGET ? "MET" : "NOT MET");
        }
    }

    private static String fmt(double d, String format) {
        return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, format, d);
    }
}
