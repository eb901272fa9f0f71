package org.cometsim.offload.policy.profile;

/**
 * The best completion time any placement that changes location only at method entries and
 * exits can achieve for one recorded run (policies-reference §5.4), for one link.
 *
 * <p><b>Computation.</b> The recorded thread is cut into segments at every call and return
 * event; segment k has phone time P_k, server time S_k (its work priced by the server's CPU
 * model) and is pinned (q_k) if it called a client-pinned native. With X the cost of one
 * crossing, the two-state dynamic program {@code g_k(P) = P_k + min(g_{k-1}(P), g_{k-1}(S) + X)},
 * {@code g_k(S) = q_k ? ∞ : S_k + min(g_{k-1}(S), g_{k-1}(P) + X)}, starting and ending on the
 * phone, gives {@link #segmentNanos}. The nested variant ({@link #nestedNanos}: each invocation
 * wholly on one side apart from its children, MAUI's and CloneCloud's semantics) is the tree
 * program {@code f(i,ℓ) = c_i(ℓ) + Σ_c min_ℓ' [f(c,ℓ') + [ℓ'≠ℓ]·2X]}, evaluated as frames pop.
 * Both run in O(events) while the profile is recorded. Each segment's price is rounded to the
 * nanosecond on its own, so one nanosecond per segment is taken off both values.
 *
 * <p><b>Crossing cost.</b> X is the link's minimum one-way latency (the simulator's link
 * lookahead): every crossing sends at least one message, so this charges every crossing at most
 * what it really costs, whatever the state it ships (the reference's safe choice for a DSM that
 * ships deltas). It is a lower bound, not an estimate.
 *
 * <p><b>What it bounds.</b> If (i) each segment takes the recorded phone or server time, (ii)
 * every crossing costs at least X, (iii) no computation overlaps a transfer, (iv) the run is
 * single-threaded ({@link #singleThreaded}) and (v) the link's latency is constant, then no
 * policy that moves the thread only at method entry or exit finishes sooner than
 * {@link #segmentNanos}, and none that keeps each invocation on one side (apart from its callees)
 * finishes sooner than {@link #nestedNanos} ({@code segment ≤ nested ≤ all-local}). It does not
 * bound COMET's rule (which migrates at safepoints inside methods), multithreaded runs (both
 * machines work in parallel; then it is approximate), nor links whose latency varies. Times
 * blocked or sleeping are not part of the recorded segments, so for programs that wait the bound
 * is on CPU work alone.
 *
 * @param link the link preset's name
 * @param crossingNanos X: the charge per crossing
 * @param segmentNanos the segment oracle
 * @param nestedNanos the nested oracle
 * @param segments number of segments of the recorded thread
 * @param singleThreaded whether the recorded run had one thread (else the value is approximate)
 * @param remoteMethods the nested optimum projected onto methods (what the {@code oracle} policy
 *     replays): ids of the methods that the nested program, for a caller on the phone, runs on
 *     the server for most of their phone time
 */
public record OracleBound(String link, long crossingNanos, long segmentNanos, long nestedNanos, long segments,
                          boolean singleThreaded, java.util.List<Integer> remoteMethods) {
    public OracleBound {
        remoteMethods = java.util.List.copyOf(remoteMethods);
    }
}
