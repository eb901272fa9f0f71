package org.cometsim.offload.policy;

/**
 * COMET's scheduling rule as its code implements it (comet-reference §8): offload a thread once it
 * has run on the phone, since it last had to be there, longer than one expected sync costs. The
 * expected cost is the smoothed sync time once more than 10 syncs were measured; before that a
 * blend with the transport's RTT + RTTVar: {@code (sync·n + (RTT + RTTVar)·(10 − n)) / 10} for n
 * samples. Evaluated at every 1024th safepoint (the VM's safepoint interval), on the phone only.
 */
public final class CometRule implements OffloadPolicy {
    /** COMET's sample count after which the sync time alone is trusted. */
    public static final int WARM_SAMPLES = 10;

    @Override
    public String name() {
        return "comet";
    }

    @Override
    public boolean migrate(Decision d) {
        return d.localNanos() > threshold(d);
    }

    @Override
    public String explain(Decision d) {
        return "local " + Durations.format(d.localNanos()) + (migrate(d) ? " > " : " <= ") + "threshold "
                + Durations.format(threshold(d)) + " (" + d.syncSamples() + " sync samples)";
    }

    /** The time a thread must have run locally before it is offloaded. */
    public static long threshold(Decision d) {
        int n = d.syncSamples();
        if (n > WARM_SAMPLES) {
            return d.syncNanos();
        }
        long rtt = d.srttNanos() + d.rttVarNanos();
        return (d.syncNanos() * n + rtt * (WARM_SAMPLES - n)) / WARM_SAMPLES;
    }
}
