package org.cometsim.device.cpu.calibration;

import org.cometsim.dalvik.rt.OpcodeClass;

/**
 * One timed run of a calibration kernel: its time and what the interpreter executed for it.
 *
 * @param kernel the kernel's method name
 * @param targets the opcode classes (or "host calls") the kernel is meant to exercise
 * @param iterations the kernel's argument
 * @param nanos the time fitted: wall clock, or the thread's CPU time with {@code --clock cpu}
 * @param wallNanos wall-clock time of the run
 * @param cpuNanos the interpreter thread's CPU time during the run
 * @param classCounts instructions executed per {@link OpcodeClass#ordinal()}
 * @param hostCalls host (native) method calls
 * @param checksum the kernel's result (kept so the JIT cannot drop the work)
 */
public record KernelSample(String kernel, String targets, int iterations, long nanos, long wallNanos, long cpuNanos,
        long[] classCounts, long hostCalls, long checksum) {

    public long instructions() {
        long s = 0;
        for (long c : classCounts) {
            s += c;
        }
        return s;
    }
}
