package org.cometsim.bench.harness;

import java.util.Arrays;

/**
 * What one child JVM ({@link BenchChild}) measured for one workload on one side (host JVM or
 * interpreter). Times are wall-clock nanoseconds of {@code main} (JVM) or {@code Vm.runMain}
 * (interpreter) only.
 */
public final class SideResult {
    String output;
    long coldNs;
    long[] samplesNs;
    long runsPerSample;
    int warmupRuns;
    long peakHeapBytes;
    long baselineHeapBytes;
    long liveHeapBytes;
    long instructions;
    String unstable;

    SideResult() {
    }

    /** Guest stdout of the first run. */
    public String output() {
        return output;
    }

    /** The first run in the fresh child JVM. */
    public long coldNs() {
        return coldNs;
    }

    /** Mean time per run of each sample. */
    public long[] samplesNs() {
        return samplesNs.clone();
    }

    public long runsPerSample() {
        return runsPerSample;
    }

    public int warmupRuns() {
        return warmupRuns;
    }

    /** Largest heap occupancy seen during the cold run, garbage included. */
    public long peakHeapBytes() {
        return peakHeapBytes;
    }

    /** Heap occupancy after a GC before the cold run. */
    public long baselineHeapBytes() {
        return baselineHeapBytes;
    }

    /** Most heap found reachable by a GC during or right after the cold run (a lower bound of the peak live heap). */
    public long liveHeapBytes() {
        return liveHeapBytes;
    }

    /** Dalvik instructions of one run (interpreter), -1 on the host JVM. */
    public long instructions() {
        return instructions;
    }

    /** Which later run differed from the first (output or instruction count), or null. */
    public String unstable() {
        return unstable;
    }

    public double medianNs() {
        long[] s = samplesNs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    public long minNs() {
        return Arrays.stream(samplesNs).min().orElse(0);
    }
}
