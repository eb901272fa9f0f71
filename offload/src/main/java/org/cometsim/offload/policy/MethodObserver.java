package org.cometsim.offload.policy;

/**
 * Every method entry and exit of every thread, on both endpoints, for a policy that builds "the
 * profile so far" while the run goes on ({@link OffloadPolicy#methodObserver}). Called on the
 * guest thread between two instructions: record and count only (no guest code, no decisions;
 * decisions are {@link OffloadPolicy#migrate}'s). When no policy observes, nothing is subscribed
 * and method calls cost what they cost without offloading.
 */
public interface MethodObserver {
    /**
     * @param threadId the thread's canonical id (the phone's)
     * @param method the method entered
     * @param depth the thread's call depth with the new frame (its frames on this endpoint)
     * @param nowNanos the thread's simulated time
     * @param onServer which endpoint runs it
     */
    void entered(int threadId, MethodId method, int depth, long nowNanos, boolean onServer);

    /** The frame of {@code method} left the stack, returning or ({@code exceptional}) unwound by an exception. */
    void exited(int threadId, MethodId method, int depth, long nowNanos, boolean onServer, boolean exceptional);
}
