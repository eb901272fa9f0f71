/**
 * CPU speed of simulated devices: {@link org.cometsim.device.cpu.CpuModel} (ns per Dalvik
 * {@link org.cometsim.device.cpu.OpcodeClass}, host-call costs, cores), cited presets
 * ({@link org.cometsim.device.cpu.CpuPresets}, {@link org.cometsim.device.cpu.CpuPresetWriter})
 * and the deterministic guest-thread {@link org.cometsim.device.cpu.CoreScheduler}.
 */
package org.cometsim.device.cpu;
