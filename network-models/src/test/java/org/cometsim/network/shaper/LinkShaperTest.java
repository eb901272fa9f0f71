package org.cometsim.network.shaper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.cometsim.net.DataRate;
import org.cometsim.net.Delivery;
import org.cometsim.net.Direction;
import org.cometsim.net.LinkModel;
import org.cometsim.net.LinkModels;
import org.cometsim.net.MahimahiTrace;
import org.cometsim.net.MahimahiTraceLinkModel;
import org.cometsim.net.OutageSchedule;
import org.cometsim.net.ShapedLinkConfig;
import org.cometsim.net.ShapedLinkModel;
import org.cometsim.net.TcpFraming;
import org.cometsim.sim.RandomStreams;
import org.cometsim.sim.SimTime;
import org.junit.jupiter.api.Test;

/**
 * The relay on loopback. Schedules are checked on a {@link ManualClock}: the test sets the time
 * at which each chunk is read, and the relay cannot write a chunk before the test moves the
 * clock to its computed delivery time, so every asserted time is arithmetic, never a measurement.
 * Waits are for conditions (bytes read, bytes received), bounded only so a broken relay fails.
 */
class LinkShaperTest {

    private static final long MS = 1_000_000L;
    /** Blocking socket work gets its own thread (the common pool may have too few). */
    private static final java.util.concurrent.Executor OWN_THREAD = r -> {
        Thread t = new Thread(r, "test-io");
        t.setDaemon(true);
        t.start();
    };

    /** 8 Mbit/s up (1 µs per byte), 4 Mbit/s down (2 µs per byte), 10 ms one way, no framing: exact integers. */
    private static ShapedLinkConfig exactLink() {
        return new ShapedLinkConfig("exact", SimTime.ofMillis(10), DataRate.parse("8Mbps"), DataRate.parse("4Mbps"),
                SimTime.ZERO, 0.0, ShapedLinkConfig.DEFAULT_RTO, TcpFraming.NONE, OutageSchedule.NONE);
    }

    @Test
    void relaysLargeRandomStreamsBothWaysByteForByte() throws Exception {
        // A fast link on the system clock: 4 MiB each way in both directions at once.
        ShapedLinkConfig fast = ShapedLinkConfig.of("fast", "0ms", "10Gbps", "10Gbps");
        int size = 4 << 20;
        byte[] upData = random(size, 1);
        byte[] downData = random(size, 2);
        try (Upstream upstream = new Upstream();
             LinkShaper shaper = LinkShaper.start(upstream.address(), LinkModels.create(fast, new RandomStreams(1)));
             Socket phone = new Socket(shaper.address().getAddress(), shaper.address().getPort())) {
            Socket server = upstream.next();
            CompletableFuture<Void> phoneWrites = write(phone, upData, 7919);
            CompletableFuture<Void> serverWrites = write(server, downData, 65_521);
            CompletableFuture<byte[]> atServer = CompletableFuture.supplyAsync(() -> Upstream.readExactly(server, size), OWN_THREAD);
            byte[] atPhone = Upstream.readExactly(phone, size);
            phoneWrites.join();
            serverWrites.join();
            assertArrayEquals(upData, atServer.join(), "phone → server");
            assertArrayEquals(downData, atPhone, "server → phone");
            assertEquals(size, shaper.bytes(Direction.UP));
            assertEquals(size, shaper.bytes(Direction.DOWN));
            // TCP/IPv4 framing charges at least one 52 B header per 1448 B of payload.
            assertTrue(shaper.wireBytes(Direction.UP) >= size + (size / 1448) * 52L);

            // An orderly close is passed on after the data: the server reads the end of stream.
            phone.shutdownOutput();
            assertTrue(Upstream.ends(server));
        }
    }

    @Test
    void cutBreaksBothSidesAndLaterConnectionsStillWork() throws Exception {
        try (Upstream upstream = new Upstream();
             LinkShaper shaper = LinkShaper.start(upstream.address(),
                     LinkModels.create(ShapedLinkConfig.of("l", "0ms", "1Gbps", "1Gbps"), new RandomStreams(1)))) {
            Socket phone = new Socket(shaper.address().getAddress(), shaper.address().getPort());
            Socket server = upstream.next();
            phone.getOutputStream().write(new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, Upstream.readExactly(server, 3));
            assertEquals(1, shaper.liveConnections());

            shaper.cut();

            assertTrue(Upstream.ends(phone), "the phone's side is broken");
            assertTrue(Upstream.ends(server), "the server's side is broken");
            assertEquals(1, shaper.cuts());
            assertEquals(0, shaper.liveConnections());

            // The phone reconnects through the same shaper.
            try (Socket again = new Socket(shaper.address().getAddress(), shaper.address().getPort())) {
                Socket server2 = upstream.next();
                server2.getOutputStream().write(new byte[] {9});
                assertArrayEquals(new byte[] {9}, Upstream.readExactly(again, 1));
                assertEquals(2, shaper.connections());
            }
        }
    }

    @Test
    void appliesLatencyBandwidthAndQueueingPerDirectionOnTheShapersClock() throws Exception {
        ManualClock clock = new ManualClock();
        List<Release> releases = Collections.synchronizedList(new ArrayList<>());
        LinkShaper.Options options = LinkShaper.Options.defaults().withClock(clock).withObserver(releases::add);
        byte[] a = random(1000, 3);
        byte[] b = random(500, 4);
        byte[] c = random(2000, 5);
        try (Upstream upstream = new Upstream();
             LinkShaper shaper = LinkShaper.start(upstream.address(), new ShapedLinkModel(exactLink(), new RandomStreams(1)), options);
             Socket phone = new Socket(shaper.address().getAddress(), shaper.address().getPort())) {
            Socket server = upstream.next();

            // t = 0: the phone sends A (1000 B up), the server sends C (2000 B down).
            phone.getOutputStream().write(a);
            server.getOutputStream().write(c);
            await(() -> shaper.bytesRead(Direction.UP) == 1000 && shaper.bytesRead(Direction.DOWN) == 2000);
            // t = 5 ms: the phone sends B (500 B), queued behind A? No: A left the sender at 1 ms.
            clock.advanceTo(5 * MS);
            phone.getOutputStream().write(b);
            await(() -> shaper.bytesRead(Direction.UP) == 1500);
            assertEquals(0, shaper.bytes(Direction.UP), "nothing is released before its delivery time");

            // Hand derivation, up at 8 Mbit/s: A sent 0..1 ms, arrives 1 + 10 = 11 ms;
            // B sent 5..5.5 ms, arrives 15.5 ms. Down at 4 Mbit/s: C sent 0..4 ms, arrives 14 ms.
            clock.advanceTo(11 * MS - 1);
            assertEquals(0, shaper.bytes(Direction.UP));
            clock.advanceTo(11 * MS);
            assertArrayEquals(a, Upstream.readExactly(server, 1000));
            clock.advanceTo(14 * MS);
            assertArrayEquals(c, Upstream.readExactly(phone, 2000));
            clock.advanceTo(15_500_000L);
            assertArrayEquals(b, Upstream.readExactly(server, 500));

            assertEquals(11 * MS, lastByteDelivered(releases, Direction.UP, 1000));
            assertEquals(15_500_000L, lastByteDelivered(releases, Direction.UP, 1500));
            assertEquals(14 * MS, lastByteDelivered(releases, Direction.DOWN, 2000));
            for (Release r : releases) {
                // The manual clock stood at the delivery time when the writer woke.
                assertEquals(r.delivery().deliveredNanos(), r.releasedNanos(), r.toString());
            }
            assertEquals(1500, shaper.bytes(Direction.UP));
            assertEquals(2000, shaper.bytes(Direction.DOWN));
        }
    }

    @Test
    void lossAndJitterAreTheSimulatorsModelDrawForDraw() throws Exception {
        // The relay's deliveries equal those of a fresh model of the same spec and seed fed the
        // same submissions: the relay adds nothing of its own to the link.
        ShapedLinkConfig lossy = exactLink().withFraming(TcpFraming.TCP_IPV4_TIMESTAMPS)
                .withJitter(SimTime.ofMillis(3)).withLoss(0.2, SimTime.ofMillis(200));
        ManualClock clock = new ManualClock();
        List<Release> releases = Collections.synchronizedList(new ArrayList<>());
        LinkShaper.Options options = LinkShaper.Options.defaults().withClock(clock).withObserver(releases::add);
        byte[] data = random(20_000, 6);
        try (Upstream upstream = new Upstream();
             LinkShaper shaper = LinkShaper.start(upstream.address(), lossy, 42, options);
             Socket phone = new Socket(shaper.address().getAddress(), shaper.address().getPort())) {
            Socket server = upstream.next();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            for (int i = 0; i < 4; i++) {
                clock.advanceTo(i * 100 * MS);
                phone.getOutputStream().write(data, i * 5000, 5000);
                int expect = (i + 1) * 5000;
                await(() -> shaper.bytesRead(Direction.UP) == expect);
            }
            clock.advanceTo(3600 * 1000 * MS); // past every RTO wait
            received.write(Upstream.readExactly(server, data.length));
            assertArrayEquals(data, received.toByteArray());

            LinkModel reference = LinkModels.create(lossy, new RandomStreams(42));
            long retransmissions = 0;
            for (Release r : releases) {
                Delivery d = r.delivery();
                assertEquals(reference.send(Direction.UP, d.submittedNanos(), d.payloadBytes()), d);
                retransmissions += d.retransmissions();
            }
            assertTrue(retransmissions > 0, "a 20 % loss rate over 14 segments loses some (seed 42)");
            long wire = releases.stream().mapToLong(r -> r.delivery().wireBytes()).sum();
            assertEquals(wire, shaper.wireBytes(Direction.UP));
        }
    }

    @Test
    void outageWindowCutsTheConnectionAndRefusesNewOnesUntilItEnds() throws Exception {
        ManualClock clock = new ManualClock();
        ShapedLinkConfig withOutage = exactLink().withOutages(
                new OutageSchedule(List.of(new OutageSchedule.Window(20 * MS, 30 * MS))));
        try (Upstream upstream = new Upstream();
             LinkShaper shaper = LinkShaper.start(upstream.address(), withOutage, 1,
                     LinkShaper.Options.defaults().withClock(clock))) {
            Socket phone = new Socket(shaper.address().getAddress(), shaper.address().getPort());
            Socket server = upstream.next();
            await(() -> shaper.liveConnections() == 1);

            clock.advanceTo(20 * MS);
            assertTrue(Upstream.ends(phone));
            assertTrue(Upstream.ends(server));
            assertEquals(1, shaper.cuts());

            // Inside the window: accepted by the kernel, then reset by the relay, never relayed.
            Socket early = new Socket(shaper.address().getAddress(), shaper.address().getPort());
            assertTrue(Upstream.ends(early));
            assertEquals(1, shaper.refused());
            assertEquals(1, shaper.connections());

            clock.advanceTo(30 * MS);
            try (Socket again = new Socket(shaper.address().getAddress(), shaper.address().getPort())) {
                Socket server2 = upstream.next();
                again.getOutputStream().write(new byte[100]);
                await(() -> shaper.bytesRead(Direction.UP) == 100);
                clock.advanceTo(30 * MS + 100_000 + 10 * MS); // 100 B at 1 µs each, then 10 ms
                assertEquals(100, Upstream.readExactly(server2, 100).length);
                assertEquals(2, shaper.connections());
            }
        }
    }

    @Test
    void scheduledCutsBreakTheConnectionAtTheirInstant() throws Exception {
        ManualClock clock = new ManualClock();
        try (Upstream upstream = new Upstream();
             LinkShaper shaper = LinkShaper.start(upstream.address(), exactLink(), 1,
                     LinkShaper.Options.defaults().withClock(clock).withCutsAt(List.of(50 * MS)))) {
            Socket phone = new Socket(shaper.address().getAddress(), shaper.address().getPort());
            Socket server = upstream.next();
            await(() -> shaper.liveConnections() == 1);
            clock.advanceTo(50 * MS - 1);
            assertEquals(0, shaper.cuts());
            clock.advanceTo(50 * MS);
            assertTrue(Upstream.ends(phone));
            assertTrue(Upstream.ends(server));
            assertEquals(1, shaper.cuts());
        }
    }

    @Test
    void replaysAMahimahiTrace() throws Exception {
        // One 1500 B opportunity per ms (a trace file holding "1": 12 Mbit/s), then 5 ms of delay.
        MahimahiTrace everyMs = MahimahiTrace.of("every-ms", 1);
        LinkModel trace = new MahimahiTraceLinkModel("mm", everyMs, everyMs, SimTime.ofMillis(5), TcpFraming.NONE, 1500, 0);
        ManualClock clock = new ManualClock();
        List<Release> releases = Collections.synchronizedList(new ArrayList<>());
        byte[] data = random(3000, 7);
        try (Upstream upstream = new Upstream();
             LinkShaper shaper = LinkShaper.start(upstream.address(), trace,
                     LinkShaper.Options.defaults().withClock(clock).withObserver(releases::add));
             Socket phone = new Socket(shaper.address().getAddress(), shaper.address().getPort())) {
            Socket server = upstream.next();
            phone.getOutputStream().write(data);
            await(() -> shaper.bytesRead(Direction.UP) == 3000);
            // 3000 B = two opportunities, at 1 ms and 2 ms (an opportunity at the arrival instant
            // is already gone), + 5 ms = 7 ms.
            clock.advanceTo(7 * MS);
            assertArrayEquals(data, Upstream.readExactly(server, 3000));
            assertEquals(7 * MS, lastByteDelivered(releases, Direction.UP, 3000));
        }
    }

    /** The delivery time of the chunk that carried byte number {@code total} of a direction. */
    private static long lastByteDelivered(List<Release> releases, Direction d, long total) {
        long sum = 0;
        synchronized (releases) {
            for (Release r : releases) {
                if (r.delivery().direction() == d) {
                    sum += r.delivery().payloadBytes();
                    if (sum >= total) {
                        return r.delivery().deliveredNanos();
                    }
                }
            }
        }
        throw new AssertionError("only " + sum + " bytes released " + d);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        // A condition, not a duration: the bound only turns a hung relay into a failure.
        for (int i = 0; i < 20_000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(1);
        }
        assertTrue(condition.getAsBoolean(), "condition not reached");
    }

    private static CompletableFuture<Void> write(Socket s, byte[] data, int piece) {
        return CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = s.getOutputStream();
                for (int off = 0; off < data.length; off += piece) {
                    out.write(data, off, Math.min(piece, data.length - off));
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, OWN_THREAD);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
