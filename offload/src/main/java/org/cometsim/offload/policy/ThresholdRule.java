package org.cometsim.offload.policy;

/**
 * {@code threshold:T}: offload a thread once it has run on the phone for longer than a fixed T
 * since it last had to be there (its start, a client-pinned native, its return from the server).
 *
 * <p>Source: issue #14 ("offload a thread after T ms of phone time"), the fixed-constant sibling
 * of COMET's rule (comet-reference §8), which compares the same clock ({@code now -
 * offUnsafeTime}) against a threshold it derives from measured sync times instead. Kept from
 * COMET: the clock, its resets (pinned natives, arrival back), evaluation at safepoints on the
 * phone only, and COMET's preconditions (connected, server ready). Deviations: T is a parameter,
 * not learnt, and ignores the link entirely; like every safepoint policy it acts at the first
 * evaluation after T is passed (every 1024th safepoint), so a thread leaves up to one
 * evaluation interval later than T.
 */
public final class ThresholdRule implements OffloadPolicy {
    private final long thresholdNanos;

    /** @param thresholdNanos T in nanoseconds, >= 0 */
    public ThresholdRule(long thresholdNanos) {
        if (thresholdNanos < 0) {
            throw new IllegalArgumentException("threshold must not be negative: " + thresholdNanos);
        }
        this.thresholdNanos = thresholdNanos;
    }

    public long thresholdNanos() {
        return thresholdNanos;
    }

    @Override
    public String name() {
        return "threshold:" + Durations.format(thresholdNanos);
    }

    /** Strictly more than T (COMET's {@code okTime > threshold}). */
    @Override
    public boolean migrate(Decision d) {
        return !d.onServer() && d.localNanos() > thresholdNanos;
    }

    @Override
    public String explain(Decision d) {
        return "local " + Durations.format(d.localNanos()) + (migrate(d) ? " > " : " <= ") + "T "
                + Durations.format(thresholdNanos);
    }
}
