/**
 * Calibration kernels for {@code comet calibrate} (issue #4): <b>not a COMET app</b> and not in the
 * {@code WorkloadCatalog}. {@link org.cometsim.workloads.apps.calibrate.CalibrationKernels} has one
 * {@code public static long name(int n)} loop per opcode class; the CLI times them on the interpreter and fits
 * nanoseconds per opcode class. Compiled into comet-apps.dex with the apps, under the same guest-code rules.
 */
package org.cometsim.workloads.apps.calibrate;
