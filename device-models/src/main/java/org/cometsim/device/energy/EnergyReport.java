package org.cometsim.device.energy;

import java.util.Locale;
import java.util.Map;

/**
 * Joules per component over {@code [0, horizonNanos)}.
 *
 * @param radio the radio that carried the traffic
 * @param radioTimeline its state intervals
 * @param cpuJoules CPU energy
 * @param horizonNanos end of the accounted period
 */
public record EnergyReport(RadioKind radio, RadioTimeline radioTimeline, double cpuJoules, long horizonNanos) {

    public double radioJoules() {
        return radioTimeline.joules();
    }

    public double totalJoules() {
        return radioJoules() + cpuJoules;
    }

    public Map<String, Double> radioJoulesByState() {
        return radioTimeline.joulesByState();
    }

    /** Multi-line summary. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "radio %s: %.4f J", radio, radioJoules()));
        radioJoulesByState().forEach((k, v) -> b.append(String.format(Locale.ROOT, "%n  %-16s %.4f J", k, v)));
        b.append(String.format(Locale.ROOT, "%ncpu: %.4f J%ntotal: %.4f J", cpuJoules, totalJoules()));
        return b.toString();
    }
}
