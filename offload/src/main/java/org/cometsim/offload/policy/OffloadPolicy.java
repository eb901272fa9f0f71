package org.cometsim.offload.policy;

/**
 * Decides when a thread running on the phone moves to the server. Asked at safepoint evaluations
 * (every {@code safepointInterval} safepoints of a thread: COMET's 1024th), only on the phone,
 * only while the server is connected and ready, and never for a thread that cannot leave (host
 * frames in the way). A thread on the server comes back only when it must (a pinned native, a
 * class to initialise, a lock the phone owns), never by the policy's choice, as in COMET.
 *
 * <p>Implementations are deterministic functions of what {@link Decision} shows them. The issue
 * on policies (#14) widens this interface (method entry/exit points, profiles, energy state).
 */
public interface OffloadPolicy {
    /** The policy's name as given on the command line ({@code comet}, {@code pingpong:7} ...). */
    String name();

    /** Migrate the thread {@code d} describes to the server now? */
    boolean migrate(Decision d);

    /**
     * What a policy sees at one safepoint evaluation.
     *
     * @param threadId the thread's id
     * @param evaluation how many evaluations this thread has had on the phone, this one included
     * @param nowNanos the thread's current simulated time
     * @param localNanos time the thread has run on the phone since it last had to be there (its
     *     creation, a client-pinned native, its arrival back): COMET's {@code now - offUnsafeTime}
     * @param syncNanos the smoothed time of a sync (push to acknowledgement), EWMA with α = 1/16
     * @param syncSamples how many syncs went into {@code syncNanos}
     * @param srttNanos the transport's smoothed round-trip time
     * @param rttVarNanos its variation
     */
    record Decision(int threadId, long evaluation, long nowNanos, long localNanos, long syncNanos, int syncSamples,
                    long srttNanos, long rttVarNanos) {
    }
}
