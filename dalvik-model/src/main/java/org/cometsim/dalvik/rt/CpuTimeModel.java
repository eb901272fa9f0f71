package org.cometsim.dalvik.rt;

/**
 * The VM's view of a CPU model: how many cores guest threads run on, and what a slice of counted
 * work costs in simulated time. A CPU preset (module device-models) implements it; without one
 * the VM charges one nanosecond per instruction on one core.
 *
 * <p>Called once per slice with the slice's deltas, so it must be cheap and must not allocate.
 */
public interface CpuTimeModel {
    int cores();

    /**
     * Nanoseconds for the instructions counted in {@code opCountDelta} (indexed by Dalvik opcode
     * value, see {@link Opcodes#classOf}) plus the host calls counted in {@code hostCallsByCost}
     * and the elements they processed in {@code hostElementsByCost} (both indexed by
     * {@link HostCost#ordinal()}).
     */
    long sliceNanos(long[] opCountDelta, long[] hostCallsByCost, long[] hostElementsByCost);

    /**
     * A slice starts at {@code startNanos} (the scheduler's time). Counting models ignore it; a
     * model that prices a slice by the host's wall time it took (the testbed's unpaced mode)
     * measures from here.
     */
    default void sliceStarting(long startNanos) {
    }
}
