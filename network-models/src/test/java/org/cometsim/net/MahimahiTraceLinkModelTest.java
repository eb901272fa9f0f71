package org.cometsim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import org.cometsim.sim.SimTime;
import org.junit.jupiter.api.Test;

class MahimahiTraceLinkModelTest {

    private static final long MS = 1_000_000L;

    private static MahimahiTrace trace(String text) throws Exception {
        return MahimahiTrace.parse("test", new StringReader(text));
    }

    /**
     * Trace "1 1 3 4" (period 4 ms): two opportunities at 1 ms, one at 3, one at 4; then 5, 5, 7,
     * 8, 9, 9, 11, 12, ... Packets are cut at 1500 B (framing NONE).
     */
    @Test
    void deliveryTimesOnAHandWrittenTrace() throws Exception {
        MahimahiTrace t = trace("1\n1\n3\n4\n");
        MahimahiTraceLinkModel l = new MahimahiTraceLinkModel("mm", t, t, SimTime.ZERO, TcpFraming.NONE, 1500, 0);

        Delivery a = l.send(Direction.DOWN, 0, 3000);
        assertEquals(1 * MS, a.deliveredNanos(), "2 packets of 1500 B use both opportunities at 1 ms");

        Delivery b = l.send(Direction.DOWN, MS / 2, 100);
        assertEquals(3 * MS, b.deliveredNanos(), "1 ms is used up; next opportunity 3 ms, 1400 B surplus left");

        Delivery c = l.send(Direction.DOWN, 2 * MS, 1000);
        assertEquals(3 * MS, c.deliveredNanos(), "arrives at 2 ms < 3 ms: rides in the 1400 B surplus (400 B left)");

        Delivery d = l.send(Direction.DOWN, 3 * MS, 1000);
        assertEquals(4 * MS, d.deliveredNanos(), "arrives at 3 ms: the 3 ms opportunity is burned before enqueue; uses 4 ms");

        Delivery e = l.send(Direction.DOWN, 4 * MS + MS / 2, 2000);
        assertEquals(5 * MS, e.deliveredNanos(), "wrap-around: base advances by period 4 ms; 1500 + 500 B use the two at 4+1 = 5 ms");

        Delivery f = l.send(Direction.DOWN, 10 * MS, 1500);
        assertEquals(11 * MS, f.deliveredNanos(), "10 ms = cycle 2 (base 8) + 2 ms; next timestamp 3 -> 11 ms; 7, 8, 9 ms found the queue empty");

        Delivery g = l.send(Direction.DOWN, 1000 * MS, 1500);
        assertEquals(1001 * MS, g.deliveredNanos(), "cycle 250 (base 1000 ms) + first timestamp 1");
    }

    @Test
    void aPacketSpanningOpportunitiesDepartsWithItsLastByte() throws Exception {
        MahimahiTrace t = trace("1\n2\n3\n");
        // 1504-byte packets on 1500-byte opportunities: per-byte accounting carries 4 B over.
        MahimahiTraceLinkModel l = new MahimahiTraceLinkModel("mm", t, t, SimTime.parse("10ms"),
                new TcpFraming(1452, 52), 1504, 0);
        Delivery d = l.send(Direction.UP, 0, 2904); // two 1504 B packets
        assertEquals(2 * MS + 10 * MS, d.deliveredNanos(), "3008 B over 1504 B opportunities at 1 and 2 ms, + 10 ms delay");
    }

    @Test
    void aTraceOfOnlyOneIsTwelveMegabitsPerSecond() throws Exception {
        MahimahiTrace t = trace("1\n");
        assertEquals(12e6, t.averageBitsPerSecond(1500), 1e-6, "1500 B · 8 per ms = 12 Mbit/s");
        MahimahiTraceLinkModel l = new MahimahiTraceLinkModel("mm", t, t, SimTime.ZERO, TcpFraming.NONE, 1500, 0);
        Delivery d = l.send(Direction.DOWN, 0, 1_000_000);
        // ceil(10^6 / 1500) = 667 packets, one per ms from 1 ms: last at 667 ms; 10^6·8/12e6 = 666.7 ms.
        assertEquals(667 * MS, d.deliveredNanos());
    }

    @Test
    void rejectsMalformedTraces() {
        assertThrows(IllegalArgumentException.class, () -> trace("1\n\n2\n"), "empty line");
        assertThrows(IllegalArgumentException.class, () -> trace("3\n2\n"), "decreasing");
        assertThrows(IllegalArgumentException.class, () -> trace("0\n0\n"), "last must be > 0");
        assertThrows(IllegalArgumentException.class, () -> trace(""), "no timestamps");
    }

    @Test
    void shippedSyntheticTracesHaveTheirDocumentedRates() {
        assertEquals(7.5e6, MahimahiTrace.resource("traces/synthetic-step-12-to-3mbps.down").averageBitsPerSecond(1500), 1e-3,
                "(5000 + 1250) · 12000 bit / 10 s");
        assertEquals(6e6, MahimahiTrace.resource("traces/synthetic-constant-6mbps.up").averageBitsPerSecond(1500), 1e-3,
                "500 · 12000 bit / 1 s");
    }
}
