package org.cometsim.device.energy;

import org.cometsim.sim.SimTime;

/**
 * A component spent {@code [startNanos, endNanos)} in {@code state}, using {@code joules}.
 * Energy is stored rather than power because a zero-length transfer can still cost energy
 * (LTE's per-bit terms).
 */
public record PowerInterval(String state, long startNanos, long endNanos, double joules) {

    public double watts() {
        return endNanos > startNanos ? joules / ((endNanos - startNanos) / 1e9) : 0;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%-16s %10s .. %10s  %.4f J", state,
                SimTime.format(startNanos), SimTime.format(endNanos), joules);
    }
}
