package org.cometsim.net;

import java.util.Objects;
import org.cometsim.sim.SimTime;

/**
 * Parameters of a {@link ShapedLinkModel}; units are typed, text forms carry units
 * ({@code "20ms"}, {@code "54Mbps"}).
 *
 * @param name instance name (used for random-stream names)
 * @param latency one-way propagation delay, the same in both directions (RTT = 2 × latency)
 * @param uplink phone → server rate
 * @param downlink server → phone rate
 * @param jitter mean of an exponentially distributed extra one-way delay per message;
 *     {@link SimTime#ZERO} for none
 * @param lossRate probability that one segment transmission is lost, independently per
 *     segment (Bernoulli); 0 for none
 * @param rto retransmission timeout charged per loss (doubled on repeated loss of a segment)
 * @param framing segmentation and header overhead
 * @param outages windows with no transmission
 */
public record ShapedLinkConfig(
        String name,
        SimTime latency,
        DataRate uplink,
        DataRate downlink,
        SimTime jitter,
        double lossRate,
        SimTime rto,
        TcpFraming framing,
        OutageSchedule outages) implements LinkSpec {

    /** Linux's minimum RTO (TCP_RTO_MIN, 200 ms); RFC 6298 §2.4 would say 1 s. */
    public static final SimTime DEFAULT_RTO = SimTime.ofMillis(200);

    public ShapedLinkConfig {
        Objects.requireNonNull(name);
        Objects.requireNonNull(latency);
        Objects.requireNonNull(uplink);
        Objects.requireNonNull(downlink);
        Objects.requireNonNull(jitter);
        Objects.requireNonNull(rto);
        Objects.requireNonNull(framing);
        Objects.requireNonNull(outages);
        if (latency.nanos() < 0 || jitter.nanos() < 0) {
            throw new IllegalArgumentException("latency and jitter must be ≥ 0");
        }
        if (!(lossRate >= 0 && lossRate < 1)) {
            throw new IllegalArgumentException("loss rate must be in [0, 1): " + lossRate);
        }
    }

    /** A deterministic link: no jitter, no loss, no outages, TCP/IPv4 framing. */
    public static ShapedLinkConfig of(String name, String latency, String uplink, String downlink) {
        return new ShapedLinkConfig(name, SimTime.parse(latency), DataRate.parse(uplink),
                DataRate.parse(downlink), SimTime.ZERO, 0.0, DEFAULT_RTO,
                TcpFraming.TCP_IPV4_TIMESTAMPS, OutageSchedule.NONE);
    }

    public ShapedLinkConfig withFraming(TcpFraming f) {
        return new ShapedLinkConfig(name, latency, uplink, downlink, jitter, lossRate, rto, f, outages);
    }

    public ShapedLinkConfig withJitter(SimTime j) {
        return new ShapedLinkConfig(name, latency, uplink, downlink, j, lossRate, rto, framing, outages);
    }

    public ShapedLinkConfig withLoss(double p, SimTime newRto) {
        return new ShapedLinkConfig(name, latency, uplink, downlink, jitter, p, newRto, framing, outages);
    }

    public ShapedLinkConfig withOutages(OutageSchedule o) {
        return new ShapedLinkConfig(name, latency, uplink, downlink, jitter, lossRate, rto, framing, o);
    }

    public DataRate rate(Direction d) {
        return d == Direction.UP ? uplink : downlink;
    }
}
