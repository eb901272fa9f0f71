package org.cometsim.bench.harness;

import java.util.ArrayList;
import java.util.List;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * What {@link InterpreterVsJvm} measures and how.
 *
 * @param size workload input size
 * @param workloads in order
 * @param repeat samples per side
 * @param warmupMs warm-up per side: at least this long and at least 2 runs
 * @param minSampleMs a sample repeats the workload until it lasts at least this long
 * @param timeoutSec per child JVM
 * @param jvmOptions options for both child JVMs (e.g. {@code -Dcomet.jit=off})
 */
public record BenchConfig(Size size, List<Workload> workloads, int repeat, long warmupMs, long minSampleMs,
        long timeoutSec, List<String> jvmOptions) {

    public static final int DEFAULT_REPEAT = 5;
    /**
     * C2 needs ~2 s on 2 cores to settle linpack's kernels; the interpreter loop (7 KB) is still
     * deoptimized and recompiled 4-7 s into a run (measured on scimark and connectfour).
     */
    public static final long DEFAULT_WARMUP_MS = 6000;
    public static final long DEFAULT_MIN_SAMPLE_MS = 50;
    public static final long DEFAULT_TIMEOUT_SEC = 1800;

    public BenchConfig {
        workloads = List.copyOf(workloads);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Every catalogued workload with fixed work. Timed workloads measure themselves for a
     * wall-clock budget, so there is no fixed work to compare.
     */
    public static List<Workload> defaultWorkloads() {
        List<Workload> l = new ArrayList<>();
        for (Workload w : WorkloadCatalog.all()) {
            if (w.deterministic()) {
                l.add(w);
            }
        }
        return l;
    }
}
