package org.cometsim.device.cpu.calibration;

import java.time.Instant;
import java.util.List;

/**
 * Everything a calibration measured, and how: the input of {@link CalibrationFit} and
 * {@link CalibratedPreset}. The benchmarks module's calibration runner produces it.
 *
 * @param samples the kept (fastest) run of each kernel, in kernel order
 * @param runsPerKernel timed runs per kernel, of which the fastest is kept
 * @param kernelClass the guest class holding the kernels
 * @param warmupSeconds how long the warm-up took
 * @param sampleSeconds the target length of one timed run
 * @param checksum XOR of every kernel result
 * @param d8 the D8 build that compiled the kernels
 * @param cpuShare CPU time over wall time of the kept runs (below 1 on a busy host)
 * @param cpuClock whether runs were timed by the thread's CPU time instead of the wall clock
 * @param budgetSeconds the {@code --seconds} budget asked for
 * @param started when measuring started (seconds resolution)
 */
public record CalibrationMeasurement(List<KernelSample> samples, int runsPerKernel, String kernelClass, double warmupSeconds,
        double sampleSeconds, long checksum, String d8, double cpuShare, boolean cpuClock, double budgetSeconds,
        Instant started, MeasuredHost host) {

    public CalibrationMeasurement {
        samples = List.copyOf(samples);
    }
}
