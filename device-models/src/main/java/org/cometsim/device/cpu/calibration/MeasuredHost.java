package org.cometsim.device.cpu.calibration;

/**
 * The machine a calibration ran on, as recorded in the preset's source text.
 *
 * @param name short host name (letters, digits, dots and dashes)
 * @param jitNote whether HotSpot may compile the interpreter loop, and the JVM's options
 */
public record MeasuredHost(String name, String osName, String osVersion, String osArch, int hardwareThreads,
        String javaVendor, String javaVersion, String javaVmName, String jitNote) {
}
