package org.cometsim.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.cometsim.bench.harness.SimulatedTimeOverhead;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuModel;

/**
 * {@code comet bench-simtime}: what simulated time costs in host CPU time (issue #11's target:
 * the event-loop path within 1.15x of a plain run, median of paired runs). Measuring is
 * {@link SimulatedTimeOverhead}'s; this parses arguments and prints.
 */
final class BenchSimTimeCommand {
    private BenchSimTimeCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String workload = "mandelbrot";
        String size = "medium";
        String cpuPreset = "phone-2012-hummingbird-portable";
        int pairs = 5;
        for (int i = 0; i < args.size(); i += 2) {
            String a = args.get(i);
            if (i + 1 >= args.size()) {
                throw new CometCli.UsageException(a + " needs a value");
            }
            String v = args.get(i + 1);
            switch (a) {
                case "--workload" -> workload = v;
                case "--size" -> size = v;
                case "--cpu" -> cpuPreset = v;
                case "--pairs" -> {
                    try {
                        pairs = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new CometCli.UsageException("--pairs must be a whole number, not '" + v + "'");
                    }
                    if (pairs < 1) {
                        throw new CometCli.UsageException("--pairs must be at least 1");
                    }
                }
                default -> throw new CometCli.UsageException("bench-simtime: unknown option " + a);
            }
        }
        CpuModel cpu;
        try {
            cpu = DeviceModels.cpu(cpuPreset);
        } catch (IllegalArgumentException e) {
            throw new CometCli.UsageException("--cpu: " + e.getMessage() + " (see 'comet presets list')");
        }
        BuiltInWorkloads.Resolved w = BuiltInWorkloads.resolve(workload, size);
        ClassPath cp;
        try {
            cp = ClassPath.parse(w.classPath(), D8Converter.withDefaultCache());
        } catch (LoadException e) {
            err.println("comet: " + e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "simulated-time overhead: %s (%s) plain vs in simulated time on %s, %d pairs;%n",
                workload, size, cpuPreset, pairs);
        out.println("cost = host CPU time of the thread running the VM (both warm, same JVM, order alternating)");
        SimulatedTimeOverhead.Result r = new SimulatedTimeOverhead(cp, w.classPath(), w.mainClass(), w.args(), cpu)
                .measure(pairs, out);
        out.printf(Locale.ROOT, "median simulated/plain: %.3fx -- target <= %.2fx: %s%n", r.medianRatio(),
                SimulatedTimeOverhead.TARGET_RATIO, r.met() ? "MET" : "NOT MET");
        return 0;
    }
}
