/**
 * CPU speed of simulated devices: {@link org.cometsim.device.cpu.CpuModel} (ns per Dalvik
 * {@link org.cometsim.dalvik.rt.OpcodeClass}, a {@link org.cometsim.device.cpu.HostCallCost} per
 * {@link org.cometsim.dalvik.rt.HostCost} class, cores), cited presets
 * ({@link org.cometsim.device.cpu.CpuPresets}, {@link org.cometsim.device.cpu.CpuPresetWriter}).
 * The VM's scheduler (dalvik-model) places guest threads on the cores.
 */
package org.cometsim.device.cpu;
