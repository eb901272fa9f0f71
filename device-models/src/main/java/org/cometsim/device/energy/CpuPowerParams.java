package org.cometsim.device.energy;

/**
 * CPU power: {@code activeWatts} per busy core, {@code idleWatts} for the whole CPU when idle.
 * Energy over a horizon H with per-core busy intervals b_i:
 * {@code H · idle + Σ |b_i| · (active − idle)} (PowerTutor's model is linear in utilisation).
 */
public record CpuPowerParams(double activeWatts, double idleWatts) {}
