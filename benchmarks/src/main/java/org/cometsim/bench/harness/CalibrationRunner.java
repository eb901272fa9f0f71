package org.cometsim.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.dalvik.rt.Opcodes;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.device.cpu.calibration.CalibrationFit;
import org.cometsim.device.cpu.calibration.CalibrationMeasurement;
import org.cometsim.device.cpu.calibration.KernelSample;
import org.cometsim.device.cpu.calibration.MeasuredHost;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * The measuring half of {@code comet calibrate} (issue #4): how fast this host's comet-sim
 * interpreter runs each {@link OpcodeClass}. The fitting half, and the preset it writes, are in
 * device-models ({@link CalibrationFit}, {@code CalibratedPreset}).
 *
 * <p>Method: the guest kernels in {@value #KERNEL_CLASS} (comet-apps.dex; one loop per opcode
 * class, each returning a checksum) run in one {@link Vm}. After a warm-up (rounds over all kernels
 * until a round is no faster than the best earlier one, so the host JIT has settled), a pilot run
 * sizes each kernel to the time budget and it is timed on the wall clock (or by its thread CPU time
 * with {@code cpuClock}) {@value #RUNS_PER_KERNEL} times, round-robin over the kernels; the fastest
 * run (least disturbed by other processes) is kept, with the main guest thread's per-opcode
 * counters folded by class and its host-call count.
 */
public final class CalibrationRunner {
    public static final String KERNEL_CLASS = "org.cometsim.workloads.apps.calibrate.CalibrationKernels";
    /** Timed runs per kernel; the fastest is kept. */
    public static final int RUNS_PER_KERNEL = 3;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
            .getThreadMXBean();

    /** A kernel: method name in {@link #KERNEL_CLASS} ({@code (I)J}) and what it is meant to exercise. */
    public record Kernel(String method, String targets) {
    }

    public static final List<Kernel> KERNELS = List.of(
            new Kernel("loop", "BRANCH INT_ARITH"),
            new Kernel("intArith", "INT_ARITH"),
            new Kernel("longArith", "LONG_ARITH"),
            new Kernel("floatArith", "FLOAT_ARITH"),
            new Kernel("intDiv", "INT_DIV"),
            new Kernel("floatDiv", "FLOAT_DIV"),
            new Kernel("conversion", "CONVERSION"),
            new Kernel("arrayRead", "ARRAY_READ"),
            new Kernel("arrayWrite", "ARRAY_WRITE"),
            new Kernel("fieldRead", "FIELD_READ"),
            new Kernel("fieldWrite", "FIELD_WRITE"),
            new Kernel("staticRead", "STATIC_READ"),
            new Kernel("staticWrite", "STATIC_WRITE"),
            new Kernel("invoke", "INVOKE RETURN"),
            new Kernel("allocation", "ALLOCATION"),
            new Kernel("typeCheck", "TYPE_CHECK"),
            new Kernel("monitor", "MONITOR"),
            new Kernel("compare", "COMPARE"),
            new Kernel("switches", "SWITCH"),
            new Kernel("move", "MOVE"),
            new Kernel("constants", "CONST"),
            new Kernel("throwLocal", "THROW"),
            new Kernel("throwCallee", "THROW INVOKE"),
            new Kernel("hostCall", "host calls"));

    private CalibrationRunner() {
    }

    /**
     * Measures every kernel for about {@code seconds} in total.
     *
     * @param log progress lines (one per call, no line end), as {@code comet calibrate} prints them
     */
    public static CalibrationMeasurement run(double seconds, boolean cpuClock, Consumer<String> log) {
        log.accept("calibrate: " + jitNote());
        Vm vm = newVm();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return measure(vm, seconds, cpuClock, started, log);
    }

    /** A VM over comet-apps.dex with guest output discarded and the wall clock as its clock. */
    static Vm newVm() {
        ClassPath cp = new ClassPath();
        try (InputStream in = WorkloadCatalog.open(WorkloadCatalog.DEX_INDEX)) {
            Properties index = new Properties();
            index.load(in);
            for (String f : index.getProperty(WorkloadCatalog.APPS).split(",")) {
                String res = WorkloadCatalog.RESOURCE_ROOT + f.trim();
                try (InputStream dex = WorkloadCatalog.open(res)) {
                    cp.addDex(res, dex.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read comet-apps.dex", e);
        } catch (LoadException e) {
            throw new IllegalStateException("cannot load comet-apps.dex: " + e.getMessage(), e);
        }
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        return new Vm(cp, new Vm.Options(sink, sink, InputStream.nullInputStream(), VmClock.wallClock()));
    }

    static String d8Version() {
        try (InputStream in = WorkloadCatalog.open(WorkloadCatalog.DEX_INDEX)) {
            Properties index = new Properties();
            index.load(in);
            String fp = index.getProperty(WorkloadCatalog.APPS + ".sha256", "");
            return fp.contains("/") ? fp.substring(fp.lastIndexOf('/') + 1) : "D8";
        } catch (IOException e) {
            return "D8";
        }
    }

    /** Runs {@code kernel(n)} once on the VM's main thread and returns its time and counts. */
    static KernelSample runOnce(Vm vm, Kernel kernel, int n, boolean cpuClock) {
        GuestThread before = vm.launcher().mainThread();
        long[] ops0 = before == null ? new long[256] : before.opCounts.clone();
        long host0 = before == null ? 0 : before.hostCalls;
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Object r = vm.invokeStatic(KERNEL_CLASS, kernel.method(), "(I)J", n);
        long t1 = System.nanoTime();
        long c1 = THREADS.getCurrentThreadCpuTime();
        GuestThread t = vm.launcher().mainThread();
        if (t != before) {
            ops0 = new long[256];
            host0 = 0;
        }
        long[] ops = new long[256];
        for (int op = 0; op < 256; op++) {
            ops[op] = t.opCounts[op] - ops0[op];
        }
        long wall = t1 - t0;
        long cpu = c1 - c0;
        return new KernelSample(kernel.method(), kernel.targets(), n, cpuClock ? Math.max(1, cpu) : wall, wall, cpu,
                Opcodes.countsByClass(ops), t.hostCalls - host0, (Long) r);
    }

    static CalibrationMeasurement measure(Vm vm, double seconds, boolean cpuClock, Instant started,
            Consumer<String> log) {
        long start = System.nanoTime();
        int k = KERNELS.size();
        double warm = Math.min(8, Math.max(0.1, 0.25 * seconds));
        double sampleSeconds = (seconds - warm) / (k * (RUNS_PER_KERNEL + 0.5));
        log.accept(String.format(Locale.ROOT, "calibrate: %d kernels, warm-up %.1f s, %d runs of ~%.0f ms per kernel",
                k, warm, RUNS_PER_KERNEL, sampleSeconds * 1e3));
        // Warm-up: find an iteration count of ~2 ms per kernel, then cycle through all kernels.
        int[] n = new int[k];
        double[] nsPerIter = new double[k];
        long checksum = 0;
        for (int i = 0; i < k; i++) {
            n[i] = 16;
            while (true) {
                KernelSample s = runOnce(vm, KERNELS.get(i), n[i], cpuClock);
                checksum ^= s.checksum();
                nsPerIter[i] = (double) s.nanos() / n[i];
                if (s.nanos() >= 500_000 || n[i] >= 1 << 28) {
                    break;
                }
                n[i] *= 4;
            }
            n[i] = iterations(2e6 / nsPerIter[i]);
        }
        // Cycle until a round is no faster than the best of the earlier ones (the host JIT has settled),
        // at least `warm` seconds and at most 40% of the budget.
        long warmEnd = start + (long) (warm * 1e9);
        long warmMax = start + (long) (Math.max(warm, 0.4 * seconds) * 1e9);
        int rounds = 0;
        long best = Long.MAX_VALUE;
        int stable = 0;
        while (true) {
            long r0 = System.nanoTime();
            for (int i = 0; i < k; i++) {
                KernelSample s = runOnce(vm, KERNELS.get(i), n[i], cpuClock);
                checksum ^= s.checksum();
                nsPerIter[i] = (double) s.nanos() / n[i];
            }
            long roundNanos = System.nanoTime() - r0;
            rounds++;
            stable = roundNanos >= 0.95 * best ? stable + 1 : 0;
            best = Math.min(best, roundNanos);
            long now = System.nanoTime();
            if (now >= warmMax || (now >= warmEnd && stable >= 5)) {
                break;
            }
        }
        double warmDone = (System.nanoTime() - start) / 1e9;
        log.accept(String.format(Locale.ROOT, "calibrate: warm-up done, %d rounds in %.2f s (%s)", rounds, warmDone,
                stable >= 5 ? "round time stable" : "time limit; round time still falling"));
        long measureStart = System.nanoTime();
        double left = Math.max(0.5 * sampleSeconds * k * RUNS_PER_KERNEL, seconds - warmDone);
        sampleSeconds = left / (k * (RUNS_PER_KERNEL + 0.3));

        // Pilot runs at a tenth of the target correct the warm-up's speed estimates; then the timed runs go
        // round-robin over the kernels, so a transient (a host JIT recompilation, another process) hits at
        // most one run of a kernel, and the fastest run of each kernel is kept.
        int[] iters = new int[k];
        for (int i = 0; i < k; i++) {
            int pilotN = iterations(0.1 * sampleSeconds * 1e9 / nsPerIter[i]);
            KernelSample pilot = runOnce(vm, KERNELS.get(i), pilotN, cpuClock);
            checksum ^= pilot.checksum();
            iters[i] = iterations(sampleSeconds * 1e9 * pilotN / Math.max(1, pilot.nanos()));
        }
        KernelSample[][] runs = new KernelSample[k][RUNS_PER_KERNEL];
        for (int r = 0; r < RUNS_PER_KERNEL; r++) {
            for (int i = 0; i < k; i++) {
                runs[i][r] = runOnce(vm, KERNELS.get(i), iters[i], cpuClock);
                checksum ^= runs[i][r].checksum();
            }
            log.accept(String.format(Locale.ROOT, "calibrate: timed round %d/%d done", r + 1, RUNS_PER_KERNEL));
        }
        List<KernelSample> chosen = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            KernelSample[] rs = runs[i].clone();
            Arrays.sort(rs, (x, y) -> Long.compare(x.nanos(), y.nanos()));
            KernelSample fastest = rs[0];
            chosen.add(fastest);
            log.accept(String.format(Locale.ROOT, "[%2d/%d] %-12s n=%-10d %8.1f ms  %7.2f ns/instr  (runs %.1f..%.1f ms)",
                    i + 1, k, KERNELS.get(i).method(), iters[i], fastest.nanos() / 1e6,
                    (double) fastest.nanos() / fastest.instructions(), rs[0].nanos() / 1e6,
                    rs[RUNS_PER_KERNEL - 1].nanos() / 1e6));
        }
        long wallSum = 0;
        long cpuSum = 0;
        for (KernelSample sm : chosen) {
            wallSum += sm.wallNanos();
            cpuSum += sm.cpuNanos();
        }
        double cpuShare = wallSum > 0 ? (double) cpuSum / wallSum : 1;
        if (cpuShare < 0.9) {
            log.accept(String.format(Locale.ROOT, "calibrate: WARNING: the kernels got only %.0f%% of a CPU (busy host);"
                    + " %s", 100 * cpuShare, cpuClock ? "timed by thread CPU time (--clock cpu), so the fit is"
                    + " less affected" : "wall-clock results are unreliable (--clock cpu times the interpreter"
                    + " thread's CPU time instead)"));
        }
        log.accept(String.format(Locale.ROOT, "calibrate: measured in %.1f s, total %.1f s (checksum %016x)",
                (System.nanoTime() - measureStart) / 1e9, (System.nanoTime() - start) / 1e9, checksum));
        return new CalibrationMeasurement(chosen, RUNS_PER_KERNEL, KERNEL_CLASS, warmDone, sampleSeconds, checksum,
                d8Version(), cpuShare, cpuClock, seconds, started, thisHost());
    }

    private static int iterations(double want) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, Math.round(want)));
    }

    /** This machine and JVM, as the preset's source records them. */
    static MeasuredHost thisHost() {
        return new MeasuredHost(hostName(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vendor"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), jitNote());
    }

    /**
     * Whether HotSpot may compile the interpreter loop: {@code Interpreter.run} is larger than HotSpot's
     * 8000-byte HugeMethodLimit, so with the default {@code DontCompileHugeMethods=true} it stays in the
     * JVM's bytecode interpreter and every Dalvik instruction costs several times more.
     */
    public static String jitNote() {
        String v = "unknown";
        try {
            com.sun.management.HotSpotDiagnosticMXBean hs = java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            v = hs.getVMOption("DontCompileHugeMethods").getValue();
        } catch (RuntimeException | LinkageError e) {
            // not HotSpot
        }
        List<String> jvmArgs = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        return "HotSpot DontCompileHugeMethods=" + v + ", JVM options " + (jvmArgs.isEmpty() ? "none"
                : String.join(" ", jvmArgs));
    }

    /** Short name of this host (letters, digits, dots, dashes; the domain dropped). */
    public static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e) {
                h = "unknown";
            }
        }
        String clean = h.replaceAll("[^A-Za-z0-9.-]", "-");
        int dot = clean.indexOf('.');
        return dot > 0 ? clean.substring(0, dot) : clean;
    }
}
