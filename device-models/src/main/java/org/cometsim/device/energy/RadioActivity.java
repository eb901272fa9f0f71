package org.cometsim.device.energy;

/**
 * The radio transferring data over {@code [startNanos, endNanos]}, as a link model timed it
 * (without radio promotion delay; the energy model adds that).
 */
public record RadioActivity(long startNanos, long endNanos, long bytesUp, long bytesDown) {
    public RadioActivity {
        if (endNanos < startNanos || bytesUp < 0 || bytesDown < 0) {
            throw new IllegalArgumentException("bad activity " + startNanos + ".." + endNanos);
        }
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }
}
