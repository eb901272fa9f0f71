package org.cometsim.offload;

/**
 * When the phone tries to connect again after a failure: COMET's back-off (comet-reference §1,
 * "Reconnect backoff 2^iter s, iter ≤ 7"), attempt {@code k} at 2^min(k, 7) seconds after the
 * previous one, the first one second after the failure. An attempt while the link is down
 * (an outage window) waits for the next.
 */
public final class ReconnectBackoff {
    /** COMET caps the exponent at 7: at most 128 s between attempts. */
    public static final int MAX_EXPONENT = 7;

    private ReconnectBackoff() {
    }

    /** The simulated instant of attempt {@code attempt} (0 = the first) after a failure at {@code failedAtNanos}. */
    public static long attemptAt(long failedAtNanos, int attempt) {
        long t = failedAtNanos;
        for (int k = 0; k <= attempt; k++) {
            t += (1L << Math.min(k, MAX_EXPONENT)) * 1_000_000_000L;
        }
        return t;
    }
}
