/**
 * The measuring harness of {@code comet bench} and {@code comet calibrate} (cli parses and
 * prints). Start at {@link org.cometsim.bench.harness.InterpreterVsJvm}: interpreter vs host JVM,
 * each side in child JVMs running {@link org.cometsim.bench.harness.BenchChild}.
 * {@link org.cometsim.bench.harness.CalibrationRunner} times the calibration kernels for
 * device-models' {@code cpu.calibration} fit. Nothing here uses JMH: cli ships this package
 * without it.
 */
package org.cometsim.bench.harness;
