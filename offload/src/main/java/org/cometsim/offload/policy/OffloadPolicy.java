package org.cometsim.offload.policy;

import java.util.function.LongSupplier;

/**
 * Decides when a thread moves. Asked at safepoint evaluations (every {@code safepointInterval}
 * safepoints of a thread: COMET's 1024th) on the phone while the server is connected and ready,
 * never for a thread that cannot leave (host frames in the way); and at once (the next safepoint)
 * after the entry or exit of a method the policy named ({@link #evaluatesAt}). By default a
 * thread on the server comes back only when it must (a pinned native, a class to initialise, a
 * lock the phone owns), as in COMET; a policy that {@link #decidesOnServer} is asked there too.
 * The package documentation ({@code package-info}) has the whole contract and a worked example.
 *
 * <p>Implementations are deterministic functions of what {@link Decision} shows them (and of what
 * they were constructed with, their {@link PolicyContext}). One instance serves both endpoints of
 * a run ({@link Decision#onServer} tells them apart) and only that run.
 */
public interface OffloadPolicy {
    /** The policy's name as given on the command line ({@code comet}, {@code pingpong:7} ...). */
    String name();

    /** Migrate the thread {@code d} describes to the other endpoint now? */
    boolean migrate(Decision d);

    /**
     * Why the policy decided as it did for {@code d}, in a few words ({@code "local 52 ms > T 50 ms"}),
     * or null: recorded with every traced decision ({@code decision} events). Must not change state.
     */
    default String explain(Decision d) {
        return null;
    }

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

    /**
     * Whether reaching {@code point} should trigger an evaluation at the thread's next safepoint.
     * Asked once per method and endpoint (the answer is cached): a function of the point only.
     */
    default boolean evaluatesAt(MethodPoint point) {
        return false;
    }

    /**
     * Who wants every method entry and exit of the run (on both endpoints), or null (nobody: no
     * cost). For a policy that keeps "the profile so far" itself; asked once per endpoint.
     */
    default MethodObserver methodObserver() {
        return null;
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
     *     (0 before the first sample)
     * @param syncSamples how many syncs went into {@code syncNanos}
     * @param srttNanos the transport's smoothed round-trip time (RFC 6298 SRTT)
     * @param rttVarNanos its variation (RTTVAR)
     * @param onServer whether the thread is on the server (the question is then: go home?)
     * @param point the method point that triggered this evaluation, or null (a periodic one)
     * @param method the method the thread is executing (its top frame), or null if unknown
     * @param callDepth the thread's frames on this endpoint (0 if unknown)
     * @param throughputBytesPerSecond the transport's estimate of the link's throughput in this
     *     endpoint's sending direction: payload bytes over serialisation time, smoothed over
     *     deliveries (small messages make it lower than the raw rate: headers), 0 if none yet
     * @param radio the phone's radio as far as the endpoint knows it, or null (the server; a
     *     transport that does not know)
     * @param pendingSyncBytesProbe computes {@link #pendingSyncBytes()} on demand (it walks the
     *     DSM's write queue), or null if unknown; prefer the method
     */
    record Decision(int threadId, long evaluation, long nowNanos, long localNanos, long syncNanos, int syncSamples,
                    long srttNanos, long rttVarNanos, boolean onServer, MethodPoint point, MethodId method,
                    int callDepth, long throughputBytesPerSecond, RadioState radio, LongSupplier pendingSyncBytesProbe) {
        /** An evaluation without the link, method and radio inputs (tests, older callers). */
        public Decision(int threadId, long evaluation, long nowNanos, long localNanos, long syncNanos, int syncSamples,
                        long srttNanos, long rttVarNanos, boolean onServer, MethodPoint point) {
            this(threadId, evaluation, nowNanos, localNanos, syncNanos, syncSamples, srttNanos, rttVarNanos, onServer, point,
                    null, 0, 0, null, null);
        }

        /** A periodic evaluation on the phone. */
        public Decision(int threadId, long evaluation, long nowNanos, long localNanos, long syncNanos, int syncSamples,
                        long srttNanos, long rttVarNanos) {
            this(threadId, evaluation, nowNanos, localNanos, syncNanos, syncSamples, srttNanos, rttVarNanos, false, null);
        }

        /**
         * The payload bytes a sync from this endpoint would ship now, estimated from the DSM's
         * dirty set: the dirty slots of objects, arrays and classes already tracked, at their
         * encoded widths. Objects not tracked yet (the closure a first migration ships) are not
         * counted, so it is a lower bound; -1 if unknown. Costs a walk of the write queue, and
         * is valid only during the {@link OffloadPolicy#migrate} call that received it (it is
         * computed on first use and remembered).
         */
        public long pendingSyncBytes() {
            return pendingSyncBytesProbe == null ? -1 : pendingSyncBytesProbe.getAsLong();
        }

        /** The values, without the probe (whose default text would name a host object: not deterministic). */
        @Override
        public String toString() {
            return "Decision[thread=" + threadId + ", evaluation=" + evaluation + ", now=" + nowNanos + ", local="
                    + localNanos + ", sync=" + syncNanos + "/" + syncSamples + ", srtt=" + srttNanos + ", rttVar="
                    + rttVarNanos + ", onServer=" + onServer + ", point=" + point + ", method=" + method + ", depth="
                    + callDepth + ", throughput=" + throughputBytesPerSecond + ", radio=" + radio + "]";
        }
    }
}
