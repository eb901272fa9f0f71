/**
 * CPU speed of simulated devices: {@link org.cometsim.device.cpu.CpuModel} (ns per Dalvik
 * {@link org.cometsim.device.cpu.OpcodeClass}, host-call costs, cores), cited presets
 * ({@link org.cometsim.device.cpu.CpuPresets}, {@link org.cometsim.device.cpu.CpuPresetWriter}).
 * The VM's scheduler (dalvik-model) places guest threads on the cores.
 */
package org.cometsim.device.cpu;
