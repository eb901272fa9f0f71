package org.cometsim.offload;

/**
 * What an endpoint needs from whoever runs its VM: the current time outside guest code, and a
 * nudge when it made a thread runnable from outside (a thread arrived, a reply came), so the
 * driver schedules the VM again. The simulator's actor and the testbed's wall-clock loop both
 * implement it; the endpoint never knows which.
 */
public interface EndpointDriver {
    /** The driver's current time in nanoseconds (simulated or wall). */
    long nowNanos();

    /** The VM has new work (a thread was made runnable from outside guest code). */
    void poke();
}
