package org.cometsim.dalvik.rt;

/**
 * Cost classes of host (native) method calls for the simulated clock. A CPU preset gives each
 * class a cost per call and per element ({@code hostCalls:} in the preset YAML; the names below
 * are its keys); each thread counts calls and elements per class ({@link GuestThread#hostCallsByCost},
 * {@link GuestThread#hostElementsByCost}).
 *
 * <p>What an "element" is comes with each native ({@link VmMethod#elements}): the length copied by
 * {@code System.arraycopy}/{@code Arrays.copyOf}; for other bridged methods, the length of the
 * longest string or array among the arguments and receiver (the host loops over it:
 * {@code String.indexOf}, {@code Arrays.fill}, {@code PrintStream.println}); zero for scalar
 * calls such as {@code Math.sqrt}.
 */
public enum HostCost {
    DEFAULT("default"),
    MATH("math"),
    STRING("string"),
    COLLECTIONS("collections"),
    ARRAYCOPY("arraycopy"),
    IO("io"),
    /**
     * Not a host call for the clock: a VM no-op such as {@code Object.<init>()} (Dalvik runs it as
     * an empty method; its invoke is already counted as an instruction). Never counted.
     */
    NONE("none");

    /** Number of classes (array size for per-class counters). */
    public static final int COUNT = values().length;

    /** Key in a CPU preset's {@code hostCalls:} map. */
    public final String key;

    HostCost(String key) {
        this.key = key;
    }

    /** The class named {@code key}. */
    public static HostCost of(String key) {
        for (HostCost c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown host-call cost class '" + key + "'");
    }

    /**
     * The default element count of a host call: the length of its longest string or array
     * argument (receiver included), zero if it has none.
     */
    public static long longestArgument(Object[] args) {
        long n = 0;
        for (Object a : args) {
            long k;
            if (a instanceof String s) {
                k = s.length();
            } else if (a instanceof GuestArray g) {
                k = g.length;
            } else {
                continue;
            }
            if (k > n) {
                n = k;
            }
        }
        return n;
    }
}
