package org.cometsim.device.cpu;

/**
 * Cost of one call of a host (native) method of a cost class: a fixed part plus a part per
 * element processed (bytes copied, characters compared, ...).
 */
public record HostCost(double perCallNanos, double perElementNanos) {

    public HostCost {
        if (perCallNanos < 0 || perElementNanos < 0 || !Double.isFinite(perCallNanos) || !Double.isFinite(perElementNanos)) {
            throw new IllegalArgumentException("host costs must be finite and ≥ 0");
        }
    }

    public double nanosFor(long elements) {
        return perCallNanos + perElementNanos * Math.max(0, elements);
    }
}
