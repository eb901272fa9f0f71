package org.cometsim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cometsim.sim.EventTraceHash;
import org.cometsim.sim.RandomStreams;
import org.cometsim.sim.SimTime;
import org.cometsim.sim.Simulation;
import org.junit.jupiter.api.Test;

/** Each test states the hand derivation next to the simulated value. */
class ShapedLinkModelTest {

    private static final long MIB = 1L << 20;

    private static ShapedLinkModel link(ShapedLinkConfig c) {
        return new ShapedLinkModel(c, new RandomStreams(1));
    }

    private static ShapedLinkConfig oneMbps50ms() {
        return ShapedLinkConfig.of("t", "50ms", "1Mbps", "1Mbps").withFraming(TcpFraming.NONE);
    }

    @Test
    void serialisationPlusPropagation() {
        Delivery d = link(oneMbps50ms()).send(Direction.UP, 0, MIB);
        assertEquals(8.0 * Math.pow(2, 20) / 1e6 + 0.050, d.deliveredNanos() / 1e9, 1e-9,
                "8·2^20 bits at 10^6 bit/s + 50 ms = 8.438608 s");
    }

    @Test
    void tcpHeaderOverheadPerSegment() {
        Delivery d = link(oneMbps50ms().withFraming(TcpFraming.TCP_IPV4_TIMESTAMPS)).send(Direction.DOWN, 0, MIB);
        // ceil(1048576 / 1448) = 725 segments; 1048576 + 725·52 = 1086276 wire bytes.
        assertEquals(1_086_276L, d.wireBytes());
        assertEquals(1_086_276 * 8 / 1e6 + 0.050, d.deliveredNanos() / 1e9, 1e-9,
                "1086276 B · 8 / 10^6 + 50 ms = 8.740208 s");
    }

    @Test
    void backToBackMessagesQueueFifoPerDirection() {
        ShapedLinkModel l = link(oneMbps50ms());
        Delivery a = l.send(Direction.UP, 0, 100_000);
        Delivery b = l.send(Direction.UP, 0, 100_000);
        Delivery c = l.send(Direction.DOWN, 0, 100_000);
        assertEquals(0.8 + 0.05, a.deliveredNanos() / 1e9, 1e-9, "800 kbit / 1 Mbit/s + 50 ms");
        assertEquals(0.8, b.queueingNanos() / 1e9, 1e-9, "b waits for a's 0.8 s of serialisation");
        assertEquals(0.8 + 0.8 + 0.05, b.deliveredNanos() / 1e9, 1e-9, "0.8 queueing + 0.8 own + 50 ms");
        assertEquals(0.85, c.deliveredNanos() / 1e9, 1e-9, "the other direction does not queue");
        // A later message after the link went idle does not queue.
        Delivery d = l.send(Direction.UP, SimTime.parse("5s").nanos(), 1000);
        assertEquals(5 + 0.008 + 0.05, d.deliveredNanos() / 1e9, 1e-9, "8 kbit at 1 Mbit/s = 8 ms");
    }

    @Test
    void outagePausesSerialisationAndDelaysStart() {
        OutageSchedule outages = new OutageSchedule(List.of(OutageSchedule.Window.of("0.2s", "1s")));
        ShapedLinkModel l = link(oneMbps50ms().withOutages(outages));
        Delivery a = l.send(Direction.UP, 0, 100_000);
        assertEquals(0.2 + 1.0 + 0.6 + 0.05, a.deliveredNanos() / 1e9, 1e-9,
                "0.2 s sent, 1 s outage, remaining 0.6 s, + 50 ms = 1.85 s");
        Delivery b = l.send(Direction.DOWN, SimTime.parse("0.5s").nanos(), 1000);
        assertEquals(1.2, b.firstByteSentNanos() / 1e9, 1e-9, "submitted inside the outage: starts at its end");
        assertEquals(1.2 + 0.008 + 0.05, b.deliveredNanos() / 1e9, 1e-9);
    }

    @Test
    void lossCostsRetransmittedBytesAndBackedOffRtos() {
        ShapedLinkModel l = link(oneMbps50ms().withFraming(TcpFraming.TCP_IPV4_TIMESTAMPS)
                .withLoss(0.5, SimTime.parse("200ms")));
        int seen = 0;
        long t = 0;
        for (int i = 0; i < 50; i++, t += 3_600_000_000_000L) { // an hour apart: no queueing
            Delivery d = l.send(Direction.UP, t, 1000); // one segment: 1052 wire bytes
            int k = d.retransmissions();
            seen += k;
            double waits = 0;
            for (int j = 0; j < k; j++) {
                waits += Math.min(0.2 * Math.pow(2, j), 120);
            }
            double expected = t / 1e9 + 1052.0 * (1 + k) * 8 / 1e6 + 0.050 + waits;
            assertEquals(expected, d.deliveredNanos() / 1e9, 1e-9,
                    "(1+k)·1052 B at 1 Mbit/s + 50 ms + Σ min(200 ms·2^j, 120 s), k = " + k);
        }
        assertTrue(seen > 10, "p = 0.5 over 50 messages must lose some segments");
    }

    @Test
    void jitterIsNonNegativeAndKeepsOrder() {
        ShapedLinkModel l = link(oneMbps50ms().withJitter(SimTime.parse("10ms")));
        long prev = 0;
        for (int i = 0; i < 100; i++) {
            Delivery d = l.send(Direction.DOWN, i * 1_000_000_000L, 1000);
            assertTrue(d.deliveredNanos() >= i * 1e9 + 8e6 + 50e6 - 1);
            assertTrue(d.deliveredNanos() >= prev);
            prev = d.deliveredNanos();
        }
    }

    /** A request/response ping-pong over a stochastic link, as events on a Simulation. */
    private static String pingPongTrace(long seed) {
        Simulation sim = new Simulation(seed);
        EventTraceHash hash = EventTraceHash.attachTo(sim);
        ShapedLinkConfig c = ShapedLinkConfig.of("wifi", "5ms", "54Mbps", "54Mbps")
                .withJitter(SimTime.parse("2ms")).withLoss(0.01, SimTime.parse("200ms"));
        SimulatedLink link = new SimulatedLink(sim, new ShapedLinkModel(c, sim.streams()));
        List<Delivery> log = new ArrayList<>();
        int[] left = {50};
        java.util.function.Consumer<Delivery>[] onReply = new java.util.function.Consumer[1];
        java.util.function.Consumer<Delivery> onRequest = d -> {
            log.add(d);
            link.transmit(Direction.DOWN, 100_000, onReply[0]);
        };
        onReply[0] = d -> {
            log.add(d);
            if (--left[0] > 0) {
                link.transmit(Direction.UP, 20_000, onRequest);
            }
        };
        link.transmit(Direction.UP, 20_000, onRequest);
        sim.run();
        assertEquals(100, log.size());
        return hash.hex();
    }

    @Test
    void sameSeedSameTraceDifferentSeedDifferentTrace() {
        assertEquals(pingPongTrace(7), pingPongTrace(7));
        assertNotEquals(pingPongTrace(7), pingPongTrace(8));
    }
}
