package org.cometsim.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cometsim.bench.harness.OffloadBenchmark;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * {@code comet bench-offload}: sync efficiency, simulation speed and tracking overhead of the
 * offload runtime per workload (issue #13). Measuring is {@link OffloadBenchmark}'s; this parses
 * arguments, prints progress on stderr and the table on stdout.
 */
final class BenchOffloadCommand {
    private BenchOffloadCommand() {
    }

    static final String USAGE = "usage: comet bench-offload [--workloads a,b,...] [--size small|medium|paper] [--repeat N]";

    static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Workload> workloads = WorkloadCatalog.all();
        Size size = null;
        int repeat = 3;
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
                default -> throw new CometCli.UsageException("bench-offload: unknown option " + a + "\n" + USAGE);
            }
        }
        out.printf(Locale.ROOT, "offload benchmark: 2012 phone and server over comet-wifi, zlib on; %d repeat(s), medians%n",
                repeat);
        out.println("wire/pl  = wire bytes both ways without app code / raw dirty payload, policy comet (target <= "
                + OffloadBenchmark.SYNC_TARGET + ")");
        out.println("sim/wall = simulated phone-seconds per host wall-second, sim/cpu per host CPU-second, policy comet");
        out.println("tracking = host CPU time of the phone with the DSM active (after one round trip; 'tracked' objects");
        out.println("           shipped, 'phase' of the run measured) / a plain local run's, same program tail (target <= "
                + OffloadBenchmark.TRACKING_TARGET + "x)");
        OffloadBenchmark bench = new OffloadBenchmark();
        List<OffloadBenchmark.Row> rows = new ArrayList<>();
        for (Workload w : workloads) {
            rows.add(bench.measure(w, size != null ? size : OffloadBenchmark.defaultSize(w), repeat, err));
        }
        OffloadBenchmark.printTable(rows, out);
        return 0;
    }
}
