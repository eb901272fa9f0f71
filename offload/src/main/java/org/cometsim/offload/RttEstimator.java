package org.cometsim.offload;

/**
 * TCP's round-trip estimate (RFC 6298 §2): SRTT and RTTVAR from samples, α = 1/8, β = 1/4; the
 * first sample sets SRTT to it and RTTVAR to half of it. What COMET's scheduler reads from the
 * kernel ({@code TCP_INFO}); both transports keep one (the simulator's samples are modelled round
 * trips, the testbed's measured pings), so a policy sees the same arithmetic in both worlds.
 * Not thread-safe: a transport that samples from another thread synchronises around it.
 */
public final class RttEstimator {
    private long srtt;
    private long rttVar;
    private boolean sampled;

    /** No estimate yet: both read 0 until the first sample. */
    public RttEstimator() {
    }

    /** A prior before any sample (a fresh connection's SYN round trip, say); the first sample replaces it. */
    public RttEstimator(long initialSrttNanos) {
        this.srtt = initialSrttNanos;
        this.rttVar = initialSrttNanos / 2;
    }

    /** One measured round trip, in nanoseconds. */
    public void sample(long rttNanos) {
        if (!sampled) {
            srtt = rttNanos;
            rttVar = rttNanos / 2;
            sampled = true;
        } else {
            rttVar = (3 * rttVar + Math.abs(srtt - rttNanos)) / 4;
            srtt = (7 * srtt + rttNanos) / 8;
        }
    }

    public long srttNanos() {
        return srtt;
    }

    public long rttVarNanos() {
        return rttVar;
    }

    /** Whether a sample was taken (the prior alone does not count). */
    public boolean sampled() {
        return sampled;
    }
}
