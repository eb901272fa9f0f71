package org.cometsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.dalvik.rt.Opcodes;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.cpu.CpuPresetWriter;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.device.cpu.HostCallCost;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * {@code comet calibrate [--out FILE] [--name NAME] [--seconds S]} (issue #4): measures how fast this
 * host's comet-sim interpreter runs each {@link OpcodeClass} and writes a CPU preset
 * ({@link CpuPresetWriter}; format in device-models/README.md and
 * {@code device-models/src/main/resources/presets/cpus/*.yaml}) for comparing simulated and measured runs.
 *
 * <p>Method: the guest kernels in {@code org.cometsim.workloads.apps.calibrate.CalibrationKernels}
 * (comet-apps.dex; one loop per opcode class, each returning a checksum) run in one {@link Vm}. After a
 * warm-up (rounds over all kernels until a round is no faster than the best earlier one, so the host JIT has
 * settled), a pilot run sizes each kernel to the time budget and it is timed on the wall clock (or by its thread CPU time with {@code --clock cpu}) three times, round-robin over the kernels;
 * the fastest run (least disturbed by other processes) gives {@code time_k}, and the
 * main guest thread's per-opcode counters give {@code count_k[c]} per class and {@code hostCalls_k}. The
 * model {@code time_k = Σ_c count_k[c]·x_c + hostCalls_k·h} (the same additive model the simulator's
 * {@link CpuModel} uses) is fitted by non-negative least squares ({@link CalibrationNnls}) with each row
 * divided by {@code time_k}, i.e. relative errors. Classes no kernel executes get the count-weighted mean
 * over all kernels and are flagged "not measured" in the preset's source text; classes the fit drives to
 * the zero bound get the smallest measured cost and are flagged too. {@code h} becomes the
 * {@code default} host-call cost per call (per element: not measured, 0).
 */
final class CalibrateCommand {
    static final String KERNEL_CLASS = "org.cometsim.workloads.apps.calibrate.CalibrationKernels";
    static final int CLASSES = OpcodeClass.values().length;
    /** Column index of the host-call cost in the fit. */
    static final int HOST = CLASSES;
    static final int SAMPLES = 3;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
            .getThreadMXBean();
    /** Time kernels by the calling thread's CPU time instead of the wall clock ({@code --clock cpu}). */

    /** A kernel: method name in {@link #KERNEL_CLASS} ({@code (I)J}) and what it is meant to exercise. */
    record Kernel(String method, String targets) {
    }

    static final List<Kernel> KERNELS = List.of(
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

    /** One timed kernel run: wall time and what the interpreter executed. */
    /** {@code nanos} is the time fitted: wall clock, or thread CPU time with {@code --clock cpu}. */
    record Sample(int iterations, long nanos, long wallNanos, long cpuNanos, long[] classCounts, long hostCalls,
            long checksum) {
        long instructions() {
            long s = 0;
            for (long c : classCounts) {
                s += c;
            }
            return s;
        }
    }

    /** How a class's cost was obtained. */
    enum Status {
        MEASURED("measured"), NOT_MEASURED("derived: not measured, count-weighted mean"),
        AT_ZERO("derived: fit hit the x>=0 bound, smallest measured cost");

        final String text;

        Status(String text) {
            this.text = text;
        }
    }

    /** The fit: ns per class (+ host call at {@link #HOST}), statuses, per-kernel relative residuals. */
    record Fit(double[] nanos, Status[] status, double[] residuals, double meanNanos, double rmsResidual,
            double maxResidual) {
    }

    private CalibrateCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Path outFile = Path.of("host-calibrated.yaml");
        String name = null;
        double seconds = 20;
        boolean cpuClock = false;
        for (int i = 0; i < args.size(); i += 2) {
            String a = args.get(i);
            if (!a.equals("--out") && !a.equals("--name") && !a.equals("--seconds") && !a.equals("--clock")) {
                throw new CometCli.UsageException("calibrate: unknown option '" + a
                        + "' (usage: comet calibrate [--out FILE] [--name NAME] [--seconds S] [--clock wall|cpu])");
            }
            if (i + 1 >= args.size()) {
                throw new CometCli.UsageException(a + " needs a value");
            }
            String v = args.get(i + 1);
            switch (a) {
                case "--out" -> outFile = Path.of(v);
                case "--name" -> name = v;
                case "--clock" -> {
                    if (!v.equals("wall") && !v.equals("cpu")) {
                        throw new CometCli.UsageException("--clock must be wall or cpu");
                    }
                    cpuClock = v.equals("cpu");
                }
                default -> {
                    try {
                        seconds = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        seconds = -1;
                    }
                    if (!(seconds > 0) || !Double.isFinite(seconds)) {
                        throw new CometCli.UsageException("--seconds must be a positive number");
                    }
                }
            }
        }
        String host = hostName();
        if (name == null) {
            name = "host-" + host + "-calibrated";
        }

        err.println("calibrate: " + jitNote());
        Vm vm = newVm();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Measurement m = measure(vm, seconds, cpuClock, err);
        Fit fit = fit(m.samples);

        Map<String, Double> nanos = new LinkedHashMap<>();
        List<String> notMeasured = new ArrayList<>();
        List<String> atZero = new ArrayList<>();
        for (OpcodeClass c : OpcodeClass.values()) {
            nanos.put(c.name(), round4(fit.nanos[c.ordinal()]));
            if (fit.status[c.ordinal()] == Status.NOT_MEASURED) {
                notMeasured.add(c.name());
            } else if (fit.status[c.ordinal()] == Status.AT_ZERO) {
                atZero.add(c.name());
            }
        }
        double hostNanos = round4(fit.nanos[HOST]);
        String source = source(host, started, seconds, m, fit, notMeasured, atZero, cpuClock);
        String description = String.format(Locale.ROOT,
                "This host (%s) running comet-sim's Dalvik interpreter on JDK %s: %.2f ns/instr count-weighted over"
                        + " the calibration kernels, measured by comet calibrate",
                host, System.getProperty("java.version"), fit.meanNanos);
        Map<HostCost, HostCallCost> hostCosts = Map.of(HostCost.DEFAULT, new HostCallCost(hostNanos, 0));
        CpuPresetWriter.write(name, description, nanos, hostCosts, 1, source, outFile);

        printTables(out, m, fit, cpuClock);
        out.printf(Locale.ROOT, "wrote %s (preset '%s', cores: 1)%n", outFile, name);
        return 0;
    }

    // ------------------------------------------------------------------ measuring

    /** Samples per kernel (fastest run) plus what the run was like. */
    record Measurement(List<Sample> samples, double warmupSeconds, double sampleSeconds, long checksum,
            String d8, double cpuShare) {
    }

    static Vm newVm() {
        ClassPath cp = new ClassPath();
        String d8 = "";
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

    /** Runs {@code method(n)} once on the VM's main thread and returns its time and counts. */
    static Sample runOnce(Vm vm, String method, int n, boolean cpuClock) {
        GuestThread before = vm.scheduler().mainThread();
        long[] ops0 = before == null ? new long[256] : before.opCounts.clone();
        long host0 = before == null ? 0 : before.hostCalls;
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Object r = vm.invokeStatic(KERNEL_CLASS, method, "(I)J", n);
        long t1 = System.nanoTime();
        long c1 = THREADS.getCurrentThreadCpuTime();
        GuestThread t = vm.scheduler().mainThread();
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
        return new Sample(n, cpuClock ? Math.max(1, cpu) : wall, wall, cpu, Opcodes.countsByClass(ops),
                t.hostCalls - host0, (Long) r);
    }

    static Measurement measure(Vm vm, double seconds, boolean cpuClock, PrintStream err) {
        long start = System.nanoTime();
        int k = KERNELS.size();
        double warm = Math.min(8, Math.max(0.1, 0.25 * seconds));
        double sampleSeconds = (seconds - warm) / (k * (SAMPLES + 0.5));
        err.printf(Locale.ROOT, "calibrate: %d kernels, warm-up %.1f s, %d runs of ~%.0f ms per kernel%n", k, warm,
                SAMPLES, sampleSeconds * 1e3);
        // Warm-up: find an iteration count of ~2 ms per kernel, then cycle through all kernels.
        int[] n = new int[k];
        double[] nsPerIter = new double[k];
        long checksum = 0;
        for (int i = 0; i < k; i++) {
            n[i] = 16;
            while (true) {
                Sample s = runOnce(vm, KERNELS.get(i).method(), n[i], cpuClock);
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
                Sample s = runOnce(vm, KERNELS.get(i).method(), n[i], cpuClock);
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
        err.printf(Locale.ROOT, "calibrate: warm-up done, %d rounds in %.2f s (%s)%n", rounds, warmDone,
                stable >= 5 ? "round time stable" : "time limit; round time still falling");
        long measureStart = System.nanoTime();
        double left = Math.max(0.5 * sampleSeconds * k * SAMPLES, seconds - warmDone);
        sampleSeconds = left / (k * (SAMPLES + 0.3));

        // Pilot runs at a tenth of the target correct the warm-up's speed estimates; then the timed runs go
        // round-robin over the kernels, so a transient (a host JIT recompilation, another process) hits at
        // most one run of a kernel, and the fastest run of each kernel is kept.
        int[] iters = new int[k];
        for (int i = 0; i < k; i++) {
            int pilotN = iterations(0.1 * sampleSeconds * 1e9 / nsPerIter[i]);
            Sample pilot = runOnce(vm, KERNELS.get(i).method(), pilotN, cpuClock);
            checksum ^= pilot.checksum();
            iters[i] = iterations(sampleSeconds * 1e9 * pilotN / Math.max(1, pilot.nanos()));
        }
        Sample[][] runs = new Sample[k][SAMPLES];
        for (int r = 0; r < SAMPLES; r++) {
            for (int i = 0; i < k; i++) {
                runs[i][r] = runOnce(vm, KERNELS.get(i).method(), iters[i], cpuClock);
                checksum ^= runs[i][r].checksum();
            }
            err.printf(Locale.ROOT, "calibrate: timed round %d/%d done%n", r + 1, SAMPLES);
        }
        List<Sample> chosen = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Sample[] rs = runs[i].clone();
            Arrays.sort(rs, (x, y) -> Long.compare(x.nanos(), y.nanos()));
            Sample fastest = rs[0];
            chosen.add(fastest);
            err.printf(Locale.ROOT, "[%2d/%d] %-12s n=%-10d %8.1f ms  %7.2f ns/instr  (runs %.1f..%.1f ms)%n", i + 1, k,
                    KERNELS.get(i).method(), iters[i], fastest.nanos() / 1e6,
                    (double) fastest.nanos() / fastest.instructions(), rs[0].nanos() / 1e6, rs[SAMPLES - 1].nanos() / 1e6);
        }
        long wallSum = 0;
        long cpuSum = 0;
        for (Sample sm : chosen) {
            wallSum += sm.wallNanos();
            cpuSum += sm.cpuNanos();
        }
        double cpuShare = wallSum > 0 ? (double) cpuSum / wallSum : 1;
        if (cpuShare < 0.9) {
            err.printf(Locale.ROOT, "calibrate: WARNING: the kernels got only %.0f%% of a CPU (busy host);"
                    + " %s%n", 100 * cpuShare, cpuClock ? "timed by thread CPU time (--clock cpu), so the fit is"
                    + " less affected" : "wall-clock results are unreliable (--clock cpu times the interpreter"
                    + " thread's CPU time instead)");
        }
        err.printf(Locale.ROOT, "calibrate: measured in %.1f s, total %.1f s (checksum %016x)%n",
                (System.nanoTime() - measureStart) / 1e9, (System.nanoTime() - start) / 1e9, checksum);
        return new Measurement(chosen, warmDone, sampleSeconds, checksum, d8Version(), cpuShare);
    }

    private static int iterations(double want) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, Math.round(want)));
    }

    // ------------------------------------------------------------------ fitting

    /** Fits ns per class and per host call to the samples (see the class comment). */
    static Fit fit(List<Sample> samples) {
        int m = samples.size();
        double[][] a = new double[m][CLASSES + 1];
        double[] b = new double[m];
        boolean[] exercised = new boolean[CLASSES + 1];
        double totalTime = 0;
        double totalInstr = 0;
        for (int k = 0; k < m; k++) {
            Sample s = samples.get(k);
            double t = s.nanos();
            for (int c = 0; c < CLASSES; c++) {
                a[k][c] = s.classCounts()[c] / t;
                exercised[c] |= s.classCounts()[c] > 0;
            }
            a[k][HOST] = s.hostCalls() / t;
            exercised[HOST] |= s.hostCalls() > 0;
            b[k] = 1;
            totalTime += t;
            totalInstr += s.instructions();
        }
        double[] x = CalibrationNnls.solve(a, b);
        Status[] status = new Status[CLASSES + 1];
        double minMeasured = Double.POSITIVE_INFINITY;
        for (int c = 0; c <= CLASSES; c++) {
            status[c] = !exercised[c] ? Status.NOT_MEASURED : x[c] > 0 ? Status.MEASURED : Status.AT_ZERO;
            if (c < CLASSES && status[c] == Status.MEASURED) {
                minMeasured = Math.min(minMeasured, x[c]);
            }
        }
        // Count-weighted mean of the fitted costs over every instruction the kernels executed.
        double predictedInstrTime = 0;
        for (Sample s : samples) {
            for (int c = 0; c < CLASSES; c++) {
                predictedInstrTime += s.classCounts()[c] * x[c];
            }
        }
        double mean = totalInstr > 0 ? predictedInstrTime / totalInstr : 0;
        if (!(mean > 0)) {
            mean = totalInstr > 0 ? totalTime / totalInstr : 1; // degenerate fit: raw time per instruction
        }
        if (!Double.isFinite(minMeasured)) {
            minMeasured = mean;
        }
        double[] nanos = x.clone();
        for (int c = 0; c < CLASSES; c++) {
            if (status[c] == Status.NOT_MEASURED) {
                nanos[c] = mean;
            } else if (status[c] == Status.AT_ZERO) {
                nanos[c] = minMeasured;
            }
        }
        // Residuals of the fit itself (x, before substitutions; unexercised classes do not enter).
        double[] res = new double[m];
        double sq = 0;
        double max = 0;
        for (int k = 0; k < m; k++) {
            double pred = 0;
            for (int c = 0; c <= CLASSES; c++) {
                pred += a[k][c] * x[c];
            }
            res[k] = pred - 1;
            sq += res[k] * res[k];
            max = Math.max(max, Math.abs(res[k]));
        }
        return new Fit(nanos, status, res, mean, Math.sqrt(sq / m), max);
    }

    // ------------------------------------------------------------------ reporting

    static void printTables(PrintStream out, Measurement m, Fit fit, boolean cpuClock) {
        long[] perClass = new long[CLASSES];
        long instr = 0;
        for (Sample s : m.samples()) {
            for (int c = 0; c < CLASSES; c++) {
                perClass[c] += s.classCounts()[c];
            }
            instr += s.instructions();
        }
        out.printf(Locale.ROOT, "%-13s %12s  %-9s %s%n", "class", "ns/instr", "executed", "status");
        for (OpcodeClass c : OpcodeClass.values()) {
            int i = c.ordinal();
            out.printf(Locale.ROOT, "%-13s %12.3f  %8.2f%% %s%n", c.name(), fit.nanos()[i],
                    instr == 0 ? 0 : 100.0 * perClass[i] / instr, fit.status()[i].text);
        }
        out.printf(Locale.ROOT, "%-13s %12.3f  %9s %s%n", "host call", fit.nanos()[HOST], "",
                (fit.status()[HOST] == Status.MEASURED ? "measured" : fit.status()[HOST] == Status.AT_ZERO
                        ? "fit hit the x>=0 bound: 0" : "not measured: 0")
                        + " (per call, beyond its INVOKE; written as hostCalls.default.perCall)");
        out.println();
        out.printf(Locale.ROOT, "%-12s %-17s %11s %9s %13s %9s %9s%n", "kernel", "targets", "iterations", "ms",
                "instructions", "ns/instr", "fit err");
        for (int k = 0; k < m.samples().size(); k++) {
            Sample s = m.samples().get(k);
            out.printf(Locale.ROOT, "%-12s %-17s %11d %9.1f %13d %9.3f %+8.2f%%%n", KERNELS.get(k).method(),
                    KERNELS.get(k).targets(), s.iterations(), s.nanos() / 1e6, s.instructions(),
                    (double) s.nanos() / s.instructions(), 100 * fit.residuals()[k]);
        }
        out.printf(Locale.ROOT, "fit: rms relative error %.2f%%, max %.2f%% over %d kernels; count-weighted mean"
                + " %.3f ns/instr%n", 100 * fit.rmsResidual(), 100 * fit.maxResidual(), m.samples().size(),
                fit.meanNanos());
    }

    static String source(String host, Instant date, double seconds, Measurement m, Fit fit, List<String> notMeasured,
            List<String> atZero, boolean cpuClock) {
        StringBuilder kernels = new StringBuilder();
        for (Kernel k : KERNELS) {
            kernels.append(kernels.length() == 0 ? "" : ",").append(k.method());
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "comet calibrate on host %s (%s %s %s, %d hardware threads), JDK %s %s (%s), %s. Method: comet-sim"
                        + " dalvik-model interpreter (%s), %s; warm-up %.1f s, then per kernel the fastest of %d"
                        + " runs of ~%.0f ms (--seconds %s); per-class instruction counts from the interpreter's"
                        + " per-opcode counters; time_k = sum_c count_k[c]*ns[c] + hostCalls_k*perCall fitted by"
                        + " non-negative least squares (Lawson-Hanson, rows weighted by 1/time_k), rms relative"
                        + " error %.2f%%, max %.2f%%. Kernels: %s.{%s} (comet-apps.dex, %s).",
                host, System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vendor"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), date, jitNote(),
                cpuClock ? "thread CPU time (--clock cpu)" : String.format(Locale.ROOT,
                        "wall clock (kernels got %.0f%% of a CPU)", 100 * m.cpuShare()), m.warmupSeconds(),
                SAMPLES, m.sampleSeconds() * 1e3, fmt(seconds), 100 * fit.rmsResidual(), 100 * fit.maxResidual(),
                KERNEL_CLASS, kernels, m.d8()));
        if (!notMeasured.isEmpty()) {
            s.append(String.format(Locale.ROOT, " Not measured (no kernel executes them; count-weighted mean %.4f"
                    + " ns): %s.", fit.meanNanos(), String.join(",", notMeasured)));
        }
        if (!atZero.isEmpty()) {
            s.append(" Not measured (fit hit the zero bound; set to the smallest measured class cost): ")
                    .append(String.join(",", atZero)).append('.');
        }
        s.append(fit.status()[HOST] == Status.MEASURED
                ? " hostCalls.default.perCall: measured (Math.abs/Math.max, cost beyond the INVOKE);"
                : " hostCalls.default.perCall: not measured (fit gave 0);");
        s.append(" perElement and other host cost classes: not measured (0 / fall back to default). cores: 1,"
                + " the interpreter runs guest threads on one host thread.");
        return s.toString();
    }

    /**
     * Whether HotSpot may compile the interpreter loop: {@code Interpreter.run} is larger than HotSpot's
     * 8000-byte HugeMethodLimit, so with the default {@code DontCompileHugeMethods=true} it stays in the
     * JVM's bytecode interpreter and every Dalvik instruction costs several times more.
     */
    static String jitNote() {
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

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static double round4(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue(); // 4 significant digits
    }

    static String hostName() {
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
