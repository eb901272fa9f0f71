package org.cometsim.offload;

/**
 * How an endpoint's bytes reach its peer: the simulator's modelled link or, in the testbed, a TCP
 * socket. The endpoint frames and compresses ({@code wire.Framing}); the transport only carries
 * bytes in order. Arriving bytes are handed to {@link OffloadEndpoint#receive} by whoever drives
 * the endpoint (the event loop, or a socket reader), at the time they arrive.
 */
public interface Transport {
    /**
     * Sends {@code bytes} (whole frames) at {@code atNanos} on the endpoint's clock (in the
     * simulator the sending slice's time, never before the driver's current time).
     */
    void send(byte[] bytes, long atNanos);

    /**
     * The transport's smoothed round-trip time and its variation (TCP's SRTT and RTTVAR, RFC 6298),
     * in nanoseconds: COMET's scheduler reads the kernel's ({@code TCP_INFO}).
     */
    long srttNanos();

    long rttVarNanos();

    /**
     * The transport's estimate of the link's throughput in its sending direction, in bytes per
     * second (for policies: what a sync of b bytes would cost beyond the RTT), or 0 if it has
     * none (no delivery yet, or a transport that does not measure).
     */
    default long throughputBytesPerSecond() {
        return 0;
    }

    /**
     * The phone's radio as this transport knows it at {@code nowNanos} (for policies weighing
     * energy), or null if it does not.
     */
    default org.cometsim.offload.policy.RadioState radioState(long nowNanos) {
        return null;
    }

    /** Whether the connection is up (false after a failure: nothing more is delivered). */
    boolean connected();
}
