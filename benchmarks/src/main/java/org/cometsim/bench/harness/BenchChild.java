package org.cometsim.bench.harness;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmExit;

/**
 * The measuring side of {@code comet bench} ({@link InterpreterVsJvm}): one child JVM per workload
 * and side, so heap peaks and JIT state of one measurement never leak into another.
 *
 * <pre>
 * java -cp comet-cli-all.jar org.cometsim.bench.harness.BenchChild (jvm|interp) WARMUP_MS REPEAT
 *      MIN_SAMPLE_MS CLASSPATH MAIN [ARGS...]
 * </pre>
 * {@code jvm}: CLASSPATH holds jars, loaded once into a {@link URLClassLoader} whose parent is the
 * platform loader (so the copies of the apps on the harness's class path are never used) and
 * {@code main} is called repeatedly with System.out/err captured. {@code interp}: CLASSPATH holds
 * dex files (or jars, converted by D8), parsed once; every run builds a fresh {@link Vm} (guest
 * statics start clean, as in a new process) with the default options (per-opcode counters on, no
 * write barrier installed, no object tracked) and times {@link Vm#runMain} only.
 *
 * <p>Protocol (identical for both sides):
 * <ol>
 *   <li>Run 1 is the cold run: after {@code System.gc()} the heap pools' peaks are reset, the run
 *       executes, and the sum of the heap pools' peak usage is recorded ({@code peakHeapBytes}).
 *       Its guest output is the reference the parent compares across sides. Its time, like every
 *       run's, covers {@code main}/{@code runMain} only: not JVM start-up, and for the interpreter
 *       not D8, dex parsing (app and guest library) or {@code Vm} creation.</li>
 *   <li>Warm-up continues until at least 2 runs and {@code WARMUP_MS} have elapsed, so the host
 *       JIT has compiled the workload (jvm) or the interpreter (interp).</li>
 *   <li>{@code REPEAT} samples follow. A sample runs the workload {@code k} times back to back,
 *       {@code k} chosen from the warm-up so that a sample lasts at least {@code MIN_SAMPLE_MS}
 *       (sub-millisecond host runs are otherwise at the mercy of timer and scheduler noise); the
 *       sample's value is its mean time per run. The parent reports the median sample.</li>
 * </ol>
 * Every run's output must equal run 1's, and (interp) every run's instruction count too, or the
 * child says so. Results go to stdout as a {@link Properties} document; guest output never does.
 */
public final class BenchChild {
    private BenchChild() {
    }

    /** One execution of the workload, as the harness sees it. */
    private interface Runner {
        /** Runs once; returns the wall time in nanoseconds of the measured part. */
        long run() throws Exception;

        /** Guest stdout of the last run. */
        String lastOutput();

        /** Dalvik instructions of the last run, or -1 on the host JVM. */
        long lastInstructions();

        /** Drops what the last run left reachable (kept until now for the live-heap measurement). */
        default void release() {
        }
    }

    /** A guest run that did not complete normally: the child reports it and stops. */
    static final class RunFailure extends Exception {
        RunFailure(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        PrintStream realOut = System.out;
        Properties result = new Properties();
        int status = 0;
        try {
            measure(args, result);
        } catch (RunFailure e) {
            result.setProperty("error", e.getMessage());
            status = 3;
        } catch (Throwable e) {
            result.setProperty("error", "harness: " + oneLine(e));
            status = 3;
        }
        System.setOut(realOut);
        try {
            result.store(realOut, null);
        } catch (java.io.IOException e) {
            status = 4;
        }
        realOut.flush();
        // exit explicitly: a guest on the host JVM may have left non-daemon threads behind
        System.exit(status);
    }

    private static void measure(String[] args, Properties result) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException("usage: (jvm|interp) WARMUP_MS REPEAT MIN_SAMPLE_MS CLASSPATH MAIN [ARGS...]");
        }
        String mode = args[0];
        long warmupNs = Long.parseLong(args[1]) * 1_000_000L;
        int repeat = Integer.parseInt(args[2]);
        long minSampleNs = Long.parseLong(args[3]) * 1_000_000L;
        String[] cp = args[4].split(java.io.File.pathSeparator);
        String main = args[5];
        String[] guestArgs = Arrays.copyOfRange(args, 6, args.length);
        Runner r = switch (mode) {
            case "jvm" -> new JvmRunner(cp, main, guestArgs);
            case "interp" -> new InterpRunner(cp, main, guestArgs);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };

        // 1. cold run with heap peak measurement
        List<MemoryPoolMXBean> heapPools = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                heapPools.add(p);
            }
        }
        System.gc();
        long baseline = 0;
        for (MemoryPoolMXBean p : heapPools) {
            baseline += p.getUsage().getUsed();
            p.resetPeakUsage();
        }
        HeapWatch watch = new HeapWatch();
        long coldNs;
        try {
            coldNs = r.run();
        } finally {
            watch.stop();
        }
        long atEnd = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long poolPeaks = 0;
        for (MemoryPoolMXBean p : heapPools) {
            poolPeaks += p.getPeakUsage().getUsed();
        }
        // the run's state is still reachable from the runner: what survives a full GC now is live
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        r.release();
        long live;
        long peak;
        synchronized (watch) { // written by the JMX notification thread
            live = Math.max(retained, watch.maxAfterGc);
            peak = Math.max(Math.max(poolPeaks, atEnd), Math.max(watch.maxBeforeGc, live));
            result.setProperty("gcsInColdRun", Long.toString(watch.gcs));
        }
        result.setProperty("peakHeapBytes", Long.toString(peak));
        result.setProperty("liveHeapBytes", Long.toString(live));
        String reference = r.lastOutput();
        long instructions = r.lastInstructions();
        result.setProperty("output", Base64.getEncoder().encodeToString(reference.getBytes(StandardCharsets.UTF_8)));
        result.setProperty("coldNs", Long.toString(coldNs));
        result.setProperty("baselineHeapBytes", Long.toString(baseline));
        result.setProperty("instructions", Long.toString(instructions));

        // 2. warm-up
        Checker check = new Checker(r, reference, instructions);
        long warmStart = System.nanoTime();
        int warmRuns = 1;
        long lastRunNs = coldNs;
        while (warmRuns < 2 || System.nanoTime() - warmStart < warmupNs) {
            lastRunNs = r.run();
            check.after();
            warmRuns++;
        }
        result.setProperty("warmupRuns", Integer.toString(warmRuns));

        // 3. samples
        long perSample = Math.max(1, Math.min(100_000, (minSampleNs + lastRunNs - 1) / Math.max(1, lastRunNs)));
        long[] samples = new long[repeat];
        for (int s = 0; s < repeat; s++) {
            long sum = 0;
            for (long k = 0; k < perSample; k++) {
                sum += r.run();
                check.after();
            }
            samples[s] = sum / perSample;
        }
        StringBuilder sb = new StringBuilder();
        for (long s : samples) {
            sb.append(sb.length() == 0 ? "" : ",").append(s);
        }
        result.setProperty("runsPerSample", Long.toString(perSample));
        result.setProperty("samplesNs", sb.toString());
        if (check.problem != null) {
            result.setProperty("unstable", check.problem);
        }
    }

    /**
     * Heap occupancy around each collection during the cold run. Occupancy peaks just before a
     * collection, so the largest before-GC value (or the occupancy at the end if none ran) is the
     * run's peak heap, garbage included: what the run needs with this GC's default sizing. Every
     * byte counted after a collection was reachable, so the largest after-GC value (and the
     * occupancy after a full GC at the end, the run's state still referenced) is a lower bound of
     * the peak live heap. Heap-pool peak usage alone is not enough: G1 updates it only at
     * collections, so it misses eden growth in a run without one.
     */
    private static final class HeapWatch implements javax.management.NotificationListener {
        final List<javax.management.NotificationEmitter> emitters = new ArrayList<>();
        long maxAfterGc;
        long maxBeforeGc;
        long gcs;

        HeapWatch() {
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter e) {
                    e.addNotificationListener(this, null, null);
                    emitters.add(e);
                }
            }
        }

        @Override
        public void handleNotification(javax.management.Notification n, Object handback) {
            if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) n.getUserData());
            long after = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
            long before = heapUsed(info.getGcInfo().getMemoryUsageBeforeGc());
            synchronized (this) {
                maxAfterGc = Math.max(maxAfterGc, after);
                maxBeforeGc = Math.max(maxBeforeGc, before);
                gcs++;
            }
        }

        private static long heapUsed(java.util.Map<String, java.lang.management.MemoryUsage> pools) {
            long used = 0;
            for (var e : pools.entrySet()) {
                if (isHeapPool(e.getKey())) {
                    used += e.getValue().getUsed();
                }
            }
            return used;
        }

        /** Stops listening; waits briefly, as notifications arrive on a JMX service thread. */
        void stop() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (javax.management.NotificationEmitter e : emitters) {
                try {
                    e.removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException x) {
                    // already gone: nothing to undo
                }
            }
        }

        private static boolean isHeapPool(String name) {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getName().equals(name)) {
                    return p.getType() == MemoryType.HEAP;
                }
            }
            return false;
        }
    }

    /** Notes the first run whose output or instruction count differs from run 1. */
    private static final class Checker {
        final Runner r;
        final String reference;
        final long instructions;
        String problem;
        int run = 1;

        Checker(Runner r, String reference, long instructions) {
            this.r = r;
            this.reference = reference;
            this.instructions = instructions;
        }

        void after() {
            run++;
            if (problem != null) {
                return;
            }
            if (!r.lastOutput().equals(reference)) {
                problem = "run " + run + " printed different output than run 1";
            } else if (r.lastInstructions() != instructions) {
                problem = "run " + run + " executed " + r.lastInstructions() + " instructions, run 1 " + instructions;
            }
        }
    }

    /** The workload's jars in one class loader; {@code main} called with stdout/stderr captured. */
    private static final class JvmRunner implements Runner {
        final Method main;
        final String[] args;
        final ClassLoader loader;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final PrintStream outStream = new PrintStream(out, false, StandardCharsets.UTF_8);
        final PrintStream errStream = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        String last = "";

        JvmRunner(String[] cp, String mainClass, String[] args) throws Exception {
            URL[] urls = new URL[cp.length];
            for (int i = 0; i < cp.length; i++) {
                urls[i] = Path.of(cp[i]).toUri().toURL();
            }
            loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            main = Class.forName(mainClass, false, loader).getMethod("main", String[].class);
            this.args = args;
        }

        @Override
        public long run() throws Exception {
            out.reset();
            PrintStream o = System.out;
            PrintStream e = System.err;
            Thread.currentThread().setContextClassLoader(loader);
            System.setOut(outStream);
            System.setErr(errStream);
            long t0 = System.nanoTime();
            try {
                main.invoke(null, (Object) args.clone());
            } catch (InvocationTargetException ex) {
                throw new RunFailure("host JVM: " + oneLine(ex.getCause()));
            } finally {
                long t1 = System.nanoTime();
                System.setOut(o);
                System.setErr(e);
                t0 = t1 - t0;
            }
            outStream.flush();
            last = out.toString(StandardCharsets.UTF_8);
            return t0;
        }

        @Override
        public String lastOutput() {
            return last;
        }

        @Override
        public long lastInstructions() {
            return -1;
        }
    }

    /** The workload's dex files; a fresh {@link Vm} per run over the same parsed class path. */
    private static final class InterpRunner implements Runner {
        final ClassPath classPath = new ClassPath();
        final String mainClass;
        final String[] args;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        String last = "";
        long instructions;
        Vm lastVm;

        InterpRunner(String[] cp, String mainClass, String[] args) throws Exception {
            D8Converter d8 = D8Converter.withDefaultCache();
            for (String e : cp) {
                classPath.add(Path.of(e), d8);
            }
            this.mainClass = mainClass;
            this.args = args;
        }

        @Override
        public long run() throws Exception {
            out.reset();
            err.reset();
            PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, false, StandardCharsets.UTF_8);
            lastVm = null; // let the previous run's guest heap go before this one starts
            Vm vm = new Vm(classPath, new Vm.Options(o, e, java.io.InputStream.nullInputStream(), VmClock.wallClock()));
            lastVm = vm;
            int status;
            long t0 = System.nanoTime();
            long t1;
            try {
                status = vm.runMain(mainClass, args.clone());
                t1 = System.nanoTime();
            } catch (VmExit x) {
                t1 = System.nanoTime();
                status = x.status;
            } catch (VmError x) {
                throw new RunFailure("interpreter: " + oneLine(x) + firstLine(err, e));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError x) {
                throw new RunFailure("interpreter internal error: " + oneLine(x) + at(x));
            }
            o.flush();
            e.flush();
            last = out.toString(StandardCharsets.UTF_8);
            long n = 0;
            for (GuestThread t : vm.scheduler().threads()) {
                n += t.totalInstructions();
            }
            instructions = n;
            if (status != 0) {
                throw new RunFailure("interpreter: guest exit status " + status + firstLine(err, e));
            }
            return t1 - t0;
        }

        @Override
        public String lastOutput() {
            return last;
        }

        @Override
        public long lastInstructions() {
            return instructions;
        }

        @Override
        public void release() {
            lastVm = null;
        }
    }

    /** " | first line of the guest's stderr", or "" (an uncaught guest exception is printed there). */
    private static String firstLine(ByteArrayOutputStream err, PrintStream e) {
        e.flush();
        String s = err.toString(StandardCharsets.UTF_8).strip();
        if (s.isEmpty()) {
            return "";
        }
        int nl = s.indexOf('\n');
        return " | " + (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** The innermost host frame of an internal error: where in the interpreter to look. */
    private static String at(Throwable x) {
        StackTraceElement[] st = x.getStackTrace();
        return st.length == 0 ? "" : " at " + st[0];
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getName() + (m == null ? "" : ": " + m);
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
