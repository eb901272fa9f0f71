package org.cometsim.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cometsim.bench.harness.SimSpeedBenchmark;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * {@code comet bench-simspeed}: simulated phone-seconds per host wall-second (and CPU-second) for
 * every built-in workload, local on the 2012 phone and offloaded with {@code comet} over
 * {@code comet-wifi} (issue #17 item 4). Measuring is {@link SimSpeedBenchmark}'s; this parses
 * arguments, prints progress on stderr, the table on stdout, and writes the JSON.
 */
final class BenchSimSpeedCommand {
    private BenchSimSpeedCommand() {
    }

    static final String USAGE = "usage: comet bench-simspeed [--size small|medium|paper] [--workloads a,b,...] [--repeat N]"
            + " [--json FILE]";

    static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Workload> workloads = WorkloadCatalog.all();
        Size size = Size.MEDIUM;
        int repeat = 3;
        String json = null;
        for (int i = 0; i < args.size(); i += 2) {
            String a = args.get(i);
            if (i + 1 >= args.size()) {
                throw new CometCli.UsageException(a + " needs a value");
            }
            String v = args.get(i + 1);
            switch (a) {
                case "--workloads" -> workloads = OptionValues.workloads(v);
                case "--size" -> size = OptionValues.size(v);
                case "--repeat" -> repeat = OptionValues.positive("--repeat", v);
                case "--json" -> json = v;
                default -> throw new CometCli.UsageException("bench-simspeed: unknown option " + a + "\n" + USAGE);
            }
        }
        String load = load();
        out.printf(Locale.ROOT, "simulation speed: %s local, and offloaded (policy %s over %s to %s); %d repeat(s), medians;"
                + " host load %s%n", SimSpeedBenchmark.PHONE, SimSpeedBenchmark.POLICY, SimSpeedBenchmark.LINK,
                SimSpeedBenchmark.SERVER, repeat, load);
        out.println("whole runs as 'comet run' does them, in this JVM: VM set-up, class loading and the event loop timed;"
                + " JVM start-up and class-path parsing not");
        out.println("sim/wall = simulated phone-seconds per host wall-second; sim/cpu per host CPU-second of the process");
        out.println("Mi/tcpu  = million Dalvik instructions per CPU-second of the simulating thread; Mi_need = the rate"
                + " sim/wall >= " + (int) SimSpeedBenchmark.TARGET_SIM_PER_WALL + " needs");
        out.println("peak_MiB = heap pools' peak use during the run (garbage included); gc_MiB = most heap in use after"
                + " a collection");
        SimSpeedBenchmark bench = new SimSpeedBenchmark();
        List<SimSpeedBenchmark.Row> rows = new ArrayList<>();
        for (Workload w : workloads) {
            rows.addAll(bench.measure(w, size, repeat, err));
        }
        SimSpeedBenchmark.printTable(rows, out);
        if (json != null) {
            RunCommand.write(json, SimSpeedBenchmark.json(rows, load));
        }
        return 0;
    }

    /** The host's load average over the last minute and its processor count: wall-time figures depend on them. */
    private static String load() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%.2f on %d processors", os.getSystemLoadAverage(), os.getAvailableProcessors());
    }
}
