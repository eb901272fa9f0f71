package org.cometsim.bench.harness;

import java.util.List;

/**
 * The result of {@link InterpreterVsJvm#run}: one row per workload in the configured order, the
 * summary, and the one-minute system load average at start and end (NaN where the platform has
 * none), which says how much other processes may have disturbed the times.
 */
public record BenchReport(List<WorkloadRow> rows, BenchSummary summary, double loadAverageAtStart,
        double loadAverageAtEnd) {

    public BenchReport {
        rows = List.copyOf(rows);
    }
}
