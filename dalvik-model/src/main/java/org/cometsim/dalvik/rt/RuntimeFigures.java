package org.cometsim.dalvik.rt;

/**
 * What {@code java.lang.Runtime} reports to guest code: the simulated device, not the host JVM
 * ({@code availableProcessors}, {@code maxMemory}, {@code totalMemory}; {@code freeMemory} is
 * derived deterministically from them and the VM's own allocation count, {@link #freeMemory}).
 * Carried by {@code Vm.Options}; whoever assembles a simulated run feeds the CPU preset's core
 * count into {@link #processors} ({@code scenarios.SimulatedExec} does).
 *
 * @param processors {@code Runtime.availableProcessors()}, at least 1
 * @param maxMemory {@code Runtime.maxMemory()} in bytes: the Dalvik heap limit
 * @param totalMemory {@code Runtime.totalMemory()} in bytes: the heap the VM has claimed, at most
 *     {@code maxMemory}
 */
public record RuntimeFigures(int processors, long maxMemory, long totalMemory) {
    private static final long MIB = 1024L * 1024L;

    /**
     * A 2012 phone as COMET's baseline ran on (Galaxy S / Nexus S class, Android 2.3; see the
     * CPU preset {@code phone-2012-hummingbird-portable}): one core, as the preset models; a
     * 48 MiB Dalvik heap limit ({@code dalvik.vm.heapsize}) and 16 MiB claimed. The memory figures
     * are an ASSUMPTION (Gingerbread-era phones shipped heap limits of 32 to 64 MiB; no cited
     * figure in model-sources.md): a plausible order of magnitude, not a measurement.
     */
    public static final RuntimeFigures PHONE_2012 = new RuntimeFigures(1, 48 * MIB, 16 * MIB);

    /** Average bytes one guest allocation takes (object header and a few fields on 32-bit Dalvik): ASSUMPTION. */
    public static final long BYTES_PER_ALLOCATION = 48;

    public RuntimeFigures {
        if (processors < 1) {
            throw new IllegalArgumentException("processors must be >= 1, got " + processors);
        }
        if (totalMemory <= 0 || maxMemory < totalMemory) {
            throw new IllegalArgumentException("need 0 < totalMemory <= maxMemory, got total " + totalMemory
                    + " max " + maxMemory);
        }
    }

    /** The same figures with {@code n} processors (a CPU preset's core count). */
    public RuntimeFigures withProcessors(int n) {
        return new RuntimeFigures(n, maxMemory, totalMemory);
    }

    /**
     * {@code Runtime.freeMemory()} after {@code allocations} guest allocations (the allocation
     * instructions every guest thread of the VM has executed: new-instance, new-array,
     * filled-new-array): a deterministic sawtooth. A quarter of {@code totalMemory} is taken from
     * the start (class library and zygote-shared data); allocations use
     * {@link #BYTES_PER_ALLOCATION} bytes each and the used part drops back to that floor (a
     * collection) before less than an eighth of the heap would be free. Never below
     * {@code totalMemory / 8}, never above {@code totalMemory}.
     */
    public long freeMemory(long allocations) {
        long floor = totalMemory / 4;
        long cycle = totalMemory - floor - totalMemory / 8;
        return totalMemory - floor - Math.floorMod(allocations * BYTES_PER_ALLOCATION, cycle);
    }
}
