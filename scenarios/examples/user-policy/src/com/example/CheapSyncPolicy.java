package com.example;

import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.offload.policy.Policies;
import org.cometsim.offload.policy.PolicyContext;

/**
 * An example user policy (offload/README.md, "Policies of your own"): offload a thread once it
 * has run a minimum time on the phone (20 ms, or the time given as {@code :ARGS}), but only while
 * a sync would ship no more than the link carries in one round trip; never bring it back early.
 *
 * <pre>
 * comet run --workload mandelbrot --policy class:com.example.CheapSyncPolicy:30ms --policy-cp cheap-sync.jar
 * </pre>
 */
public final class CheapSyncPolicy implements OffloadPolicy {
    private final long minLocalNanos;

    /**
     * @param args what followed {@code class:com.example.CheapSyncPolicy:}, or null
     * @param context the run's attachments (unused here: this policy needs no profile)
     */
    public CheapSyncPolicy(String args, PolicyContext context) {
        this.minLocalNanos = args == null ? 20_000_000L : Policies.parseDuration("cheap-sync minimum", args);
    }

    @Override
    public String name() {
        return "cheap-sync";
    }

    @Override
    public boolean migrate(Decision d) {
        if (d.onServer() || d.localNanos() <= minLocalNanos) {
            return false;
        }
        long perRtt = d.throughputBytesPerSecond() * d.srttNanos() / 1_000_000_000L;
        // No throughput estimate yet: nothing says the sync is expensive, so go.
        return perRtt == 0 || d.pendingSyncBytes() <= perRtt;
    }

    @Override
    public String explain(Decision d) {
        return "local " + d.localNanos() + " ns (min " + minLocalNanos + "), sync would ship " + d.pendingSyncBytes()
                + " B, one RTT carries " + d.throughputBytesPerSecond() * d.srttNanos() / 1_000_000_000L + " B";
    }
}
