package org.cometsim.dalvik.interp;

/**
 * Whether the VM runs hot guest methods as {@link CompiledCode} ({@link BaselineCompiler}).
 * Compiled and interpreted execution are indistinguishable to the guest, the counters, the
 * scheduler and frame capture; only the host time differs.
 */
public enum JitMode {
    /** Interpret everything. */
    OFF,
    /** Compile methods that safepoints keep finding on top (the default). */
    ON,
    /** Compile every method when first entered (tests: the most compiled code per run). */
    EAGER;

    /** From {@code -Dcomet.jit=off|on|eager}; ON when unset. */
    public static JitMode fromSystemProperty() {
        String v = System.getProperty("comet.jit", "on");
        try {
            return valueOf(v.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("comet.jit must be off, on or eager, not '" + v + "'");
        }
    }
}
