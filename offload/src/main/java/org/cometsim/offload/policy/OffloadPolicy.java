package org.cometsim.offload.policy;

/**
 * Decides when a thread moves. Asked at safepoint evaluations (every {@code safepointInterval}
 * safepoints of a thread: COMET's 1024th) on the phone while the server is connected and ready,
 * never for a thread that cannot leave (host frames in the way); and at once (the next safepoint)
 * after the entry or exit of a method the policy named ({@link #evaluatesAt}). By default a
 * thread on the server comes back only when it must (a pinned native, a class to initialise, a
 * lock the phone owns), as in COMET; a policy that {@link #decidesOnServer} is asked there too.
 *
 * <p>Implementations are deterministic functions of what {@link Decision} shows them.
 */
public interface OffloadPolicy {
    /** The policy's name as given on the command line ({@code comet}, {@code pingpong:7} ...). */
    String name();

    /** Migrate the thread {@code d} describes to the other endpoint now? */
    boolean migrate(Decision d);

    /** Whether the server asks this policy too (threads may come home by the policy's choice). */
    default boolean decidesOnServer() {
        return false;
    }

    /**
     * Whether the policy names method points at all ({@link #evaluatesAt}); if not, method entries
     * and exits cost nothing (no subscriber to the VM's method events).
     */
    default boolean usesMethodPoints() {
        return false;
    }

    /** Whether reaching {@code point} should trigger an evaluation at the thread's next safepoint. */
    default boolean evaluatesAt(MethodPoint point) {
        return false;
    }

    /**
     * What a policy sees at one evaluation.
     *
     * @param threadId the thread's id (the phone's: every thread starts there)
     * @param evaluation how many evaluations this thread has had on this endpoint, this one included
     * @param nowNanos the thread's current simulated time
     * @param localNanos time the thread has run on the phone since it last had to be there (its
     *     creation, a client-pinned native, its arrival back): COMET's {@code now - offUnsafeTime}
     *     (0 on the server)
     * @param syncNanos the smoothed time of a sync (push to acknowledgement), EWMA with α = 1/16
     * @param syncSamples how many syncs went into {@code syncNanos}
     * @param srttNanos the transport's smoothed round-trip time
     * @param rttVarNanos its variation
     * @param onServer whether the thread is on the server (the question is then: go home?)
     * @param point the method point that triggered this evaluation, or null (a periodic one)
     */
    record Decision(int threadId, long evaluation, long nowNanos, long localNanos, long syncNanos, int syncSamples,
                    long srttNanos, long rttVarNanos, boolean onServer, MethodPoint point) {
        /** A periodic evaluation on the phone. */
        public Decision(int threadId, long evaluation, long nowNanos, long localNanos, long syncNanos, int syncSamples,
                        long srttNanos, long rttVarNanos) {
            this(threadId, evaluation, nowNanos, localNanos, syncNanos, syncSamples, srttNanos, rttVarNanos, false, null);
        }
    }
}
