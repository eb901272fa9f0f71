package org.cometsim.net;

import java.util.EnumMap;
import java.util.Map;
import org.cometsim.sim.SimTime;

/**
 * A trace-driven link that replays a Mahimahi packet-delivery trace per direction
 * ({@code mm-link UPLINK DOWNLINK}) followed by a fixed one-way delay ({@code mm-delay}).
 *
 * <p>Faithful to {@code LinkQueue::rationalize} in Mahimahi's {@code link_queue.cc}
 * (model-sources.md §7, MM):
 * <ul>
 *   <li>A message is cut into packets by {@link TcpFraming} (1448 B payload + 52 B headers =
 *       1500 B); packets of one message arrive at the queue together at submission time.</li>
 *   <li>Accounting is per byte: an opportunity carries {@code opportunityBytes} (1500 as the
 *       docs say; the code's {@code PACKET_SIZE} is 1504, configurable here); a packet larger
 *       than what is left of an opportunity continues in the next one, and the surplus of an
 *       opportunity goes to the next queued packet.</li>
 *   <li>A packet arriving at time {@code a} can use only opportunities at times &gt; {@code a}:
 *       Mahimahi burns every opportunity ≤ now before enqueueing. An opportunity (or its
 *       surplus) that finds the queue empty is lost.</li>
 *   <li>A packet departs at the time of the opportunity that carries its last byte; the
 *       message is delivered when its last packet departs, plus {@code delay}.</li>
 *   <li>At the end the trace restarts with its time base advanced by the period (the last
 *       timestamp). The trace's time zero is {@code startNanos} of simulated time.</li>
 *   <li>The queue is unbounded (Mahimahi's default {@code infinite}); no loss, no jitter.</li>
 * </ul>
 */
public final class MahimahiTraceLinkModel implements LinkModel {

    private static final long MS = 1_000_000L;

    private final String name;
    private final Map<Direction, Replay> replays = new EnumMap<>(Direction.class);
    private final SimTime delay;
    private final TcpFraming framing;
    private final int opportunityBytes;

    /** Replay state of one trace: a cursor over opportunities and the surplus of the last one used. */
    private static final class Replay {
        final MahimahiTrace trace;
        final long periodNanos;
        final long startNanos;
        long cycle;         // how many whole periods precede opportunity 'next'
        int next;           // index of the next unused opportunity
        long surplusBytes;  // bytes left in the last used opportunity
        long surplusTime = Long.MIN_VALUE;
        long lastSubmit = Long.MIN_VALUE;

        Replay(MahimahiTrace trace, long startNanos) {
            this.trace = trace;
            this.periodNanos = trace.periodMillis() * MS;
            this.startNanos = startNanos;
        }

        long timeOf(long cyc, int idx) {
            return startNanos + cyc * periodNanos + trace.millisAt(idx) * MS;
        }

        /** Moves the cursor past every opportunity at or before {@code t} (they found the queue empty). */
        void skipTo(long t) {
            if (timeOf(cycle, next) > t) {
                return;
            }
            long rel = t - startNanos;
            long cyc = Math.floorDiv(rel, periodNanos);
            long within = rel - cyc * periodNanos; // 0 ≤ within < period
            int idx = trace.firstAfter(Math.floorDiv(within, MS)); // ts·MS > within ⟺ ts > floor(within/MS)
            if (idx == trace.opportunities()) {
                cyc++;
                idx = 0;
                // With ts[0] == 0 the first opportunity of the next cycle sits exactly at the
                // period boundary, which may equal t; skip again if so.
                while (timeOf(cyc, idx) <= t) {
                    idx++;
                }
            }
            if (cyc > cycle || (cyc == cycle && idx > next)) {
                cycle = cyc;
                next = idx;
            }
        }

        /** Time of the next opportunity, consuming it. */
        long take() {
            long t = timeOf(cycle, next);
            next++;
            if (next == trace.opportunities()) {
                next = 0;
                cycle++;
            }
            return t;
        }
    }

    /**
     * @param startNanos simulated time of the traces' time zero
     */
    public MahimahiTraceLinkModel(String name, MahimahiTrace uplink, MahimahiTrace downlink,
            SimTime delay, TcpFraming framing, int opportunityBytes, long startNanos) {
        this.name = name;
        this.delay = delay;
        this.framing = framing;
        this.opportunityBytes = opportunityBytes;
        if (framing.mssBytes() != Integer.MAX_VALUE && framing.mssBytes() + framing.headerBytes() > opportunityBytes) {
            throw new IllegalArgumentException("packets larger than an opportunity: Mahimahi rejects them");
        }
        replays.put(Direction.UP, new Replay(uplink, startNanos));
        replays.put(Direction.DOWN, new Replay(downlink, startNanos));
    }

    /** Trace link with TCP/IPv4 framing, 1500-byte opportunities and trace time zero at 0. */
    public MahimahiTraceLinkModel(String name, MahimahiTrace uplink, MahimahiTrace downlink, SimTime delay) {
        this(name, uplink, downlink, delay, TcpFraming.TCP_IPV4_TIMESTAMPS, 1500, 0);
    }

    /** A message waits at least the fixed one-way delay after its last packet departs. */
    @Override
    public long minimumLatencyNanos() {
        return delay.nanos();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Delivery send(Direction direction, long submitNanos, long payloadBytes) {
        if (payloadBytes < 0) {
            throw new IllegalArgumentException("negative size");
        }
        Replay r = replays.get(direction);
        if (submitNanos < r.lastSubmit) {
            throw new IllegalArgumentException("submissions must not go back in time");
        }
        r.lastSubmit = submitNanos;
        long packets = framing.equals(TcpFraming.NONE)
                ? Math.max(1, (payloadBytes + opportunityBytes - 1) / opportunityBytes)
                : framing.segments(payloadBytes);
        long first = Long.MIN_VALUE;
        long departed = submitNanos;
        long wire = 0;
        // The surplus of an opportunity helps only if that opportunity is still in the future
        // for this arrival (the queue was non-empty until then).
        if (r.surplusTime <= submitNanos) {
            r.surplusBytes = 0;
        }
        r.skipTo(submitNanos);
        for (long p = 0; p < packets; p++) {
            long size = framing.equals(TcpFraming.NONE)
                    ? Math.min(opportunityBytes, payloadBytes - p * opportunityBytes)
                    : framing.segmentWireBytes(payloadBytes, p);
            wire += size;
            long left = size;
            if (r.surplusBytes > 0) {
                long used = Math.min(left, r.surplusBytes);
                left -= used;
                r.surplusBytes -= used;
                departed = r.surplusTime;
                if (first == Long.MIN_VALUE) {
                    first = r.surplusTime;
                }
            }
            while (left > 0) {
                long t = r.take();
                if (first == Long.MIN_VALUE) {
                    first = t;
                }
                long used = Math.min(left, opportunityBytes);
                left -= used;
                r.surplusBytes = opportunityBytes - used;
                r.surplusTime = t;
                departed = t;
            }
            if (size == 0 && first == Long.MIN_VALUE) {
                first = departed;
            }
        }
        return new Delivery(direction, payloadBytes, wire, submitNanos, first, departed,
                departed + delay.nanos(), 0);
    }
}
