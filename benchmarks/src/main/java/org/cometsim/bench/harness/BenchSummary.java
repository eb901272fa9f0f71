package org.cometsim.bench.harness;

import java.util.List;

/**
 * The bench's verdict over all rows: geometric means of the warm and first-run slowdowns over
 * the counted rows (both sides ran, same output), and how many rows were left out and why.
 */
public record BenchSummary(int total, int counted, int failed, int mismatched, double geomean, double coldGeomean) {

    /** Issue #3, item 4: geometric-mean slowdown target versus the HotSpot JIT. */
    public static final double TARGET_SLOWDOWN = 40.0;

    public boolean met() {
        return counted > 0 && geomean <= TARGET_SLOWDOWN;
    }

    public static BenchSummary of(List<WorkloadRow> rows) {
        int counted = 0;
        int failed = 0;
        int mismatched = 0;
        double logSum = 0;
        double coldLogSum = 0;
        for (WorkloadRow r : rows) {
            if (!r.ok()) {
                failed++;
            } else if (!r.counted()) {
                mismatched++;
            } else {
                counted++;
                logSum += Math.log(r.slowdown());
                coldLogSum += Math.log(r.coldSlowdown());
            }
        }
        double g = counted == 0 ? Double.NaN : Math.exp(logSum / counted);
        double cg = counted == 0 ? Double.NaN : Math.exp(coldLogSum / counted);
        return new BenchSummary(rows.size(), counted, failed, mismatched, g, cg);
    }
}
