package org.cometsim.offload.policy;

/**
 * A policy that also knows a bound on the run's completion time (the {@code oracle}): comparison
 * tables show every policy's time relative to it ({@code comet run --policy a,b,oracle}). Asked
 * after the policy's own run has finished.
 */
public interface CompletionBound {
    /** The bound in simulated nanoseconds, or a negative number if none could be computed. */
    long completionBoundNanos();

    /** Whether the bound is exact for this run (false: approximate, e.g. multi-threaded programs). */
    boolean boundIsExact();
}
