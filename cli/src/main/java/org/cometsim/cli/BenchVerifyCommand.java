package org.cometsim.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.code.Verifier;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.GuestLibrary;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.dalvik.load.ParsedClass;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * {@code comet bench-verify [--size small|medium|paper] [--workloads a,b] [--repeat N] [FILE...]}:
 * what the bytecode verifier (issue #18) costs, per workload, and a sweep for false positives.
 *
 * <p>Per workload (medians of N rounds after one warm-up round, CPU time of the measuring thread):
 * <ul>
 * <li>{@code load}: open the class path, read out every class ({@code ParsedClass}) and decode
 * every method body (what linking and first execution do, done for all classes);</li>
 * <li>{@code verify all}: verify every class of the class path (an upper bound: a run verifies
 * only the classes it links, once per class path);</li>
 * <li>{@code run}: a fresh VM running the workload to the end (output discarded), which
 * verifies what it links;</li>
 * <li>{@code verify linked}: verifying exactly the app classes that run linked (guest-library
 * classes are not verified at run time): what the run paid.</li>
 * </ul>
 * Targets: verify all ≤ 10 % of load, verify linked ≤ 2 % of run. Each FILE ({@code .dex},
 * {@code .jar} via D8, {@code .apk}) is swept: every class verified, every rejection printed;
 * the exit status is 1 if any class of a workload, the guest library or a FILE is rejected.
 */
final class BenchVerifyCommand {
    private BenchVerifyCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String size = "small";
        List<Workload> workloads = null;
        int repeat = 5;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--size" -> size = value(args, i++);
                case "--workloads" -> {
                    workloads = new ArrayList<>();
                    for (String n : value(args, i++).split(",")) {
                        workloads.add(WorkloadCatalog.get(n.trim()));
                    }
                }
                case "--repeat" -> {
                    try {
                        repeat = Integer.parseInt(value(args, i++));
                    } catch (NumberFormatException e) {
                        throw new CometCli.UsageException("bench-verify: --repeat takes a number");
                    }
                    if (repeat < 1) {
                        throw new CometCli.UsageException("bench-verify: --repeat must be at least 1");
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new CometCli.UsageException("bench-verify: unknown option " + a);
                    }
                    files.add(a);
                }
            }
        }
        if (workloads == null) {
            workloads = files.isEmpty() ? WorkloadCatalog.all() : List.of();
        }
        int rejected = 0;
        D8Converter d8 = D8Converter.withDefaultCache();
        // The workloads' rows time the validator and verifier themselves, not the code cache's
        // verdicts from earlier runs (their dex is shipped built: no D8 is needed).
        D8Converter verifierItself = new D8Converter(org.cometsim.dalvik.load.CodeCache.OFF);

        Map<String, org.jf.dexlib2.iface.ClassDef> lib = GuestLibrary.definitions();
        long t0 = cpuNanos();
        int libRejected = sweep("guest library", lib.values(), out);
        out.printf(Locale.ROOT, "guest library: %d classes, %d rejected, verified in %.1f ms (first pass, cold)%n",
                lib.size(), libRejected, (cpuNanos() - t0) / 1e6);
        rejected += libRejected;

        for (String f : files) {
            try {
                ClassPath cp = ClassPath.parse(f, d8);
                long s = cpuNanos();
                int r = sweep(f, cp.definitions().values(), out);
                out.printf(Locale.ROOT, "%s: %d classes, %d rejected, verified in %.1f ms%n", f, cp.definitions().size(), r,
                        (cpuNanos() - s) / 1e6);
                rejected += r;
            } catch (LoadException e) {
                err.println("comet: " + e.getMessage());
                rejected++;
            }
        }
        if (!workloads.isEmpty()) {
            out.println("per workload, size " + size + ", medians of " + repeat + " rounds after a warm-up round (ms of this thread's CPU time):");
            out.printf(Locale.ROOT, "%-15s %7s %8s %9s %7s %9s %10s %7s %8s%n", "workload", "classes", "load", "verify-all",
                    "ratio", "run", "verify-run", "ratio", "rejected");
            List<BuiltInWorkloads.Resolved> resolved = new ArrayList<>();
            for (Workload w : workloads) {
                resolved.add(BuiltInWorkloads.resolve(w.name(), size));
            }
            double[][][] samples = new double[workloads.size()][4][repeat];
            int[] classes = new int[workloads.size()];
            int[] rej = new int[workloads.size()];
            for (int round = -1; round < repeat; round++) {
                for (int k = 0; k < workloads.size(); k++) {
                    double[] m = measure(resolved.get(k), verifierItself, classes, rej, k);
                    if (round >= 0) {
                        for (int q = 0; q < 4; q++) {
                            samples[k][q][round] = m[q];
                        }
                    }
                }
            }
            double worstLoad = 0;
            double worstRun = 0;
            for (int k = 0; k < workloads.size(); k++) {
                double load = median(samples[k][0]);
                double vAll = median(samples[k][1]);
                double run = median(samples[k][2]);
                double vRun = median(samples[k][3]);
                worstLoad = Math.max(worstLoad, vAll / load);
                worstRun = Math.max(worstRun, vRun / run);
                out.printf(Locale.ROOT, "%-15s %7d %8.1f %9.1f %6.1f%% %9.1f %10.2f %6.2f%% %8d%n", workloads.get(k).name(),
                        classes[k], load, vAll, 100 * vAll / load, run, vRun, 100 * vRun / run, rej[k]);
                rejected += rej[k];
            }
            out.printf(Locale.ROOT, "worst: verify-all %.1f%% of load (target <= 10%%), verify-run %.2f%% of run (target <= 2%%)%n",
                    100 * worstLoad, 100 * worstRun);
            double[] la = new double[] {java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()};
            out.printf(Locale.ROOT, "system load average at end: %.1f, %d CPUs%n", la[0], Runtime.getRuntime().availableProcessors());
        }
        out.println(rejected == 0 ? "no class rejected" : rejected + " class(es) rejected");
        return rejected == 0 ? 0 : 1;
    }

    private static int sweep(String what, Iterable<? extends org.jf.dexlib2.iface.ClassDef> defs, PrintStream out) {
        int r = 0;
        for (org.jf.dexlib2.iface.ClassDef def : defs) {
            String f = Verifier.verify(def, Verifier.dexVersionOf(def));
            if (f != null) {
                out.println("REJECTED in " + what + ": " + f);
                r++;
            }
        }
        return r;
    }

    /** One round: {load, verify all, run, verify linked} in ms. */
    private static double[] measure(BuiltInWorkloads.Resolved w, D8Converter d8, int[] classes, int[] rej, int k) {
        try {
            long a = cpuNanos();
            ClassPath cp = ClassPath.parse(w.classPath(), d8);
            for (String d : cp.definitions().keySet()) {
                decode(cp.parsedClass(d), null);
            }
            long b = cpuNanos();
            int r = 0;
            for (String d : cp.definitions().keySet()) {
                if (cp.parsedClass(d).verificationFailure() != null) {
                    r++;
                }
            }
            long c = cpuNanos();
            classes[k] = cp.definitions().size();
            rej[k] = r;

            ClassPath fresh = ClassPath.parse(w.classPath(), d8);
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            long d = cpuNanos();
            Vm vm = new Vm(fresh, new Vm.Options(sink, sink, new java.io.ByteArrayInputStream(new byte[0]), VmClock.wallClock()));
            try {
                vm.runMain(w.mainClass(), w.args());
            } catch (VmExit e) {
                // System.exit: the run is over
            }
            long e = cpuNanos();
            // What verification added to that run, redone on fresh copies: the app classes it linked
            // (the linker does not verify the guest library's: this project's build output, verified
            // by the test suite), with the bodies the run executed decoded beforehand (the run decodes
            // those anyway); timed: decoding the bodies it never ran, and the checks.
            ClassPath app = ClassPath.parse(w.classPath(), d8);
            ClassPath lib = freshGuestLibrary();
            List<ParsedClass> linked = new ArrayList<>();
            for (VmClass vc : vm.linker().linkedClasses()) {
                if (vc.kind != VmClass.Kind.GUEST || vc.descriptor.startsWith("Ljava/")) {
                    continue;
                }
                ParsedClass p = vc.descriptor.startsWith("Ljava/") ? lib.parsedClass(vc.descriptor) : app.parsedClass(vc.descriptor);
                if (p == null) {
                    p = app.parsedClass(vc.descriptor);
                }
                if (p != null) {
                    decode(p, vc);
                    linked.add(p);
                }
            }
            long f = cpuNanos();
            for (ParsedClass p : linked) {
                p.verificationFailure();
            }
            long g = cpuNanos();
            return new double[] {(b - a) / 1e6, (c - b) / 1e6, (e - d) / 1e6, (g - f) / 1e6};
        } catch (LoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Decodes the class's bodies: all of them, or those the run executed ({@code ran} non-null). */
    private static void decode(ParsedClass p, VmClass ran) {
        for (ParsedClass.ParsedMethod m : p.methods) {
            if (m.implementation == null) {
                continue;
            }
            if (ran != null) {
                org.cometsim.dalvik.rt.VmMethod vm = ran.methods.get(m.name + m.desc);
                if (vm == null || vm.code == null) {
                    continue;
                }
            }
            m.template(argWords(m));
        }
    }

    private static ClassPath freshGuestLibrary() {
        try (java.io.InputStream in = GuestLibrary.class.getResourceAsStream(GuestLibrary.RESOURCE)) {
            ClassPath cp = new ClassPath();
            cp.addDex("guest library", in.readAllBytes());
            return cp;
        } catch (java.io.IOException | LoadException e) {
            throw new IllegalStateException("cannot read the guest library: " + e.getMessage(), e);
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * This thread's CPU time: the machine is shared, and wall time under contention measures the
     * other processes. The VM runs every guest thread on this host thread.
     */
    private static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static int argWords(ParsedClass.ParsedMethod m) {
        int w = (m.access & 0x8) != 0 ? 0 : 1;
        for (char c : m.params) {
            w += c == 'J' || c == 'D' ? 2 : 1;
        }
        return w;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String value(List<String> args, int i) {
        if (i + 1 >= args.size()) {
            throw new CometCli.UsageException("bench-verify: " + args.get(i) + " needs a value");
        }
        return args.get(i + 1);
    }
}
