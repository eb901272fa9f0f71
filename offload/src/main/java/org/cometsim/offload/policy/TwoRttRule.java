package org.cometsim.offload.policy;

/**
 * {@code comet-2rtt}: COMET as its paper words the rule: offload a thread once it has run on the
 * phone for longer than twice the link's round-trip time.
 *
 * <p>Source: the COMET paper (Gordon et al., OSDI 2012) as quoted in issue #14 ("offload after
 * twice the RTT"); that wording has not been checked against the paper's text (comet-reference
 * §8, §10). COMET's code does something else ({@link CometRule}): it compares the same clock
 * against the expected cost of one sync, learnt from measured syncs and blended with
 * RTT + RTTVar until 10 syncs were measured. The two agree only while sync time is about 2×RTT;
 * a sync that ships much state (3G, large heaps) takes far longer, so this rule offloads earlier
 * than COMET's, and never learns otherwise.
 *
 * <p>Kept: the clock ({@code now - offUnsafeTime}, reset at pinned natives and on arrival back),
 * safepoint evaluation on the phone only, the preconditions. RTT is the transport's smoothed
 * estimate (RFC 6298 SRTT, as COMET reads the kernel's {@code TCP_INFO}); RTTVar is ignored.
 */
public final class TwoRttRule implements OffloadPolicy {
    @Override
    public String name() {
        return "comet-2rtt";
    }

    @Override
    public boolean migrate(Decision d) {
        return !d.onServer() && d.localNanos() > threshold(d);
    }

    /** 2 × SRTT. */
    public static long threshold(Decision d) {
        return 2 * d.srttNanos();
    }

    @Override
    public String explain(Decision d) {
        return "local " + Durations.format(d.localNanos()) + (migrate(d) ? " > " : " <= ") + "2*srtt "
                + Durations.format(threshold(d));
    }
}
