/**
 * Turning calibration measurements into a CPU preset (for {@code comet calibrate}):
 * {@link org.cometsim.device.cpu.calibration.CalibrationFit} fits ns per opcode class and per host
 * call to {@link org.cometsim.device.cpu.calibration.KernelSample}s by non-negative least squares;
 * {@link org.cometsim.device.cpu.calibration.CalibratedPreset} rounds, cites and writes the preset.
 * The measuring (running the kernels in a VM) is in the benchmarks module
 * ({@code org.cometsim.bench.harness.CalibrationRunner}).
 */
package org.cometsim.device.cpu.calibration;
