package org.cometsim.bench.harness;

import org.cometsim.workloads.Workload;

/** Everything measured for one workload; a null side was not measured (the row failed). */
public final class WorkloadRow {
    private final Workload workload;
    String error;           // one line; null if both sides ran
    SideResult jvm;
    SideResult interp;
    Boolean outputMatch;    // null if a side failed
    String unstable;        // a side whose repeated runs disagreed, or null

    WorkloadRow(Workload workload) {
        this.workload = workload;
    }

    public Workload workload() {
        return workload;
    }

    /** Why the row failed (one line), or null. */
    public String error() {
        return error;
    }

    public SideResult jvm() {
        return jvm;
    }

    public SideResult interp() {
        return interp;
    }

    /** Whether the interpreter printed what the JVM printed (comparable lines only); null if a side failed. */
    public Boolean outputMatch() {
        return outputMatch;
    }

    /** "JVM: ..." or "interpreter: ..." if repeated runs of a side disagreed, or null. */
    public String unstable() {
        return unstable;
    }

    /** Both sides ran. */
    public boolean ok() {
        return error == null && jvm != null && interp != null;
    }

    /** Counted in the geometric mean: both sides ran and printed the same. */
    public boolean counted() {
        return ok() && Boolean.TRUE.equals(outputMatch);
    }

    /** Warm slowdown: median interpreter time over median JVM time. */
    public double slowdown() {
        return interp.medianNs() / jvm.medianNs();
    }

    /** First-run slowdown. */
    public double coldSlowdown() {
        return (double) interp.coldNs / jvm.coldNs;
    }

    /** Where the interpreter's output first differs from the JVM's (comparable lines). */
    public String firstOutputDifference() {
        return firstDifference(workload.comparableOutput(jvm.output), workload.comparableOutput(interp.output));
    }

    /** "line N: JVM 'a' vs interpreter 'b'" for the first line that differs. */
    public static String firstDifference(String jvmOutput, String interpOutput) {
        String[] x = jvmOutput.split("\n", -1);
        String[] y = interpOutput.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String l = i < x.length ? x[i] : "<end>";
            String m = i < y.length ? y[i] : "<end>";
            if (!l.equals(m)) {
                return "line " + (i + 1) + ": JVM '" + l + "' vs interpreter '" + m + "'";
            }
        }
        return "(line ends differ)";
    }
}
