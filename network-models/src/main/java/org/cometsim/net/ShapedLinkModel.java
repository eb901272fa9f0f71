package org.cometsim.net;

import java.util.EnumMap;
import java.util.Map;
import org.cometsim.sim.RandomStreams;
import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.rng.RandomStream;

/**
 * A link shaped like {@code netem} + a token bucket: fixed latency, a rate per direction,
 * optional jitter, loss and outages, with one FIFO per direction. Used for WiFi, 3G and LTE
 * presets (they differ only in parameters, which are cited in their YAML files).
 *
 * <h2>Delivery time of a message of B payload bytes</h2>
 * <pre>
 *   W      = B + ceil(B / MSS) · H                        wire bytes (framing)
 *   start  = nextAvailable(max(submit, end of previous message in this direction))
 *   sent   = finish(start, (W + retransmitted bytes) · 8 / rate)   pauses in outages
 *   arrive = sent + latency + jitter + Σ RTO waits
 *   arrive = max(arrive, previous arrival in this direction)       in-order delivery
 * </pre>
 *
 * <h2>TCP effects: what is and is not modelled</h2>
 * Modelled:
 * <ul>
 *   <li>Per-segment header overhead ({@link TcpFraming}), because it is 3.6 % of every full
 *       segment and decides how many bytes a 1 KB message really costs.</li>
 *   <li>FIFO queueing behind earlier messages in the same direction and in-order delivery,
 *       as on the single long-lived TCP connection COMET keeps between endpoints.</li>
 *   <li>Loss → retransmission after an RTO: each segment transmission is lost with
 *       probability {@code lossRate}; a loss costs the segment's bytes again on the link and
 *       one RTO of waiting (doubling for repeated loss of the same segment, RFC 6298 §5.5, up
 *       to 120 s).
 *       Losses are recovered one after another (RTO waits add up).</li>
 * </ul>
 * Not modelled, on purpose or for lack of cited data:
 * <ul>
 *   <li>Slow start and congestion control: the connection is assumed warmed up and the window
 *       never limits throughput. This flatters short transfers on a fresh connection (up to a
 *       few RTTs per message) and is the largest known approximation; see issue #4.</li>
 *   <li>Fast retransmit/SACK (a single loss would be repaired in about one RTT, not one RTO)
 *       and the window reduction after loss.</li>
 *   <li>ACK traffic in the reverse direction and delayed ACKs; the receive window.</li>
 *   <li>Link-layer effects: 802.11 MAC contention and rate adaptation, cellular scheduling and
 *       RRC promotion delay (the energy model in device-models accounts for RRC states, but
 *       does not feed the delay back here).</li>
 * </ul>
 *
 * <h2>Randomness</h2>
 * Jitter is drawn per message from an SSJ {@link ExponentialGen} (mean = configured jitter) fed
 * by stream {@code "link/<name>/<up|down>/jitter"}; loss uses {@code "link/<name>/<up|down>/loss"}.
 * Why exponential: the base latency is the propagation minimum, so extra delay is
 * non-negative and mostly small with an occasional long one. Streams are consumed only when the
 * corresponding parameter is non-zero. Give every link in a scenario its own name: two links
 * with one name would share (and interleave) their streams.
 */
public final class ShapedLinkModel implements LinkModel {

    /** Cap on attempts per segment, so a misconfigured loss rate cannot loop forever. */
    static final int MAX_ATTEMPTS = 16;
    /** Backed-off RTOs stop growing here (Linux TCP_RTO_MAX; RFC 6298 §2.5 allows ≥ 60 s). */
    static final long RTO_MAX_NANOS = 120_000_000_000L;

    private final ShapedLinkConfig config;
    private final Map<Direction, DirectionState> state = new EnumMap<>(Direction.class);

    private static final class DirectionState {
        final ExponentialGen jitter;
        final RandomStream loss;
        long lastSubmit = Long.MIN_VALUE;
        long busyUntil = Long.MIN_VALUE;
        long lastDelivered = Long.MIN_VALUE;

        DirectionState(ExponentialGen jitter, RandomStream loss) {
            this.jitter = jitter;
            this.loss = loss;
        }
    }

    public ShapedLinkModel(ShapedLinkConfig config, RandomStreams streams) {
        this.config = config;
        for (Direction d : Direction.values()) {
            String prefix = "link/" + config.name() + "/" + d.name().toLowerCase() + "/";
            ExponentialGen j = config.jitter().nanos() > 0
                    ? new ExponentialGen(streams.stream(prefix + "jitter"), 1e9 / config.jitter().nanos())
                    : null;
            RandomStream l = config.lossRate() > 0 ? streams.stream(prefix + "loss") : null;
            state.put(d, new DirectionState(j, l));
        }
    }

    public ShapedLinkConfig config() {
        return config;
    }

    /** Jitter and RTO waits only add delay: the configured latency is the minimum. */
    @Override
    public long minimumLatencyNanos() {
        return config.latency().nanos();
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public Delivery send(Direction direction, long submitNanos, long payloadBytes) {
        if (payloadBytes < 0) {
            throw new IllegalArgumentException("negative size");
        }
        DirectionState st = state.get(direction);
        if (submitNanos < st.lastSubmit) {
            throw new IllegalArgumentException("submissions must not go back in time: "
                    + submitNanos + " < " + st.lastSubmit);
        }
        st.lastSubmit = submitNanos;
        TcpFraming framing = config.framing();
        long wire = framing.wireBytes(payloadBytes);

        long retxBytes = 0;
        long rtoWait = 0;
        int retx = 0;
        if (st.loss != null) {
            long segments = framing.segments(payloadBytes);
            for (long i = 0; i < segments; i++) {
                long rto = config.rto().nanos();
                for (int attempt = 1; attempt < MAX_ATTEMPTS && st.loss.nextDouble() < config.lossRate(); attempt++) {
                    retx++;
                    retxBytes += framing.segmentWireBytes(payloadBytes, i);
                    rtoWait += rto;
                    rto = Math.min(rto * 2, RTO_MAX_NANOS);
                }
            }
        }

        long start = config.outages().nextAvailable(Math.max(submitNanos, st.busyUntil));
        long serial = config.rate(direction).nanosFor(wire + retxBytes);
        long sent = config.outages().finish(start, serial);
        st.busyUntil = sent;
        long extra = st.jitter == null ? 0 : Math.round(st.jitter.nextDouble() * 1e9);
        long arrive = sent + config.latency().nanos() + extra + rtoWait;
        arrive = Math.max(arrive, st.lastDelivered);
        st.lastDelivered = arrive;
        return new Delivery(direction, payloadBytes, wire + retxBytes, submitNanos, start, sent, arrive, retx);
    }

    @Override
    public OutageSchedule outages() {
        return config.outages();
    }
}
