package org.cometsim.device.cpu;

/**
 * What one call of a host (native) method costs on a device, for one
 * {@link org.cometsim.dalvik.rt.HostCost} class: a fixed part plus a part per element processed
 * (bytes copied, characters compared, ...). The VM names the classes and counts calls and
 * elements per class; a {@link CpuModel} holds one of these per class.
 */
public record HostCallCost(double perCallNanos, double perElementNanos) {

    public HostCallCost {
        if (perCallNanos < 0 || perElementNanos < 0 || !Double.isFinite(perCallNanos) || !Double.isFinite(perElementNanos)) {
            throw new IllegalArgumentException("host costs must be finite and ≥ 0");
        }
    }

    /** One call over {@code elements} elements (negative counts as none). */
    public double nanosFor(long elements) {
        return perCallNanos + perElementNanos * Math.max(0, elements);
    }

    /**
     * {@code calls} calls that together processed {@code elements} elements:
     * {@code calls × perCall + elements × perElement}.
     */
    public double nanosFor(long calls, long elements) {
        return calls * perCallNanos + Math.max(0, elements) * perElementNanos;
    }
}
