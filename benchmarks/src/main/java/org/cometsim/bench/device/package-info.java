/**
 * JMH benchmarks of the device models on the simulator's hot path.
 * {@code Bench03_CpuModelSlice} measures what pricing one slice of guest execution costs;
 * results are in device-models/README.md.
 */
package org.cometsim.bench.device;
