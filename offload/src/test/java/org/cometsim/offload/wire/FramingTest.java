package org.cometsim.offload.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-thread framing, with and without zlib: messages come out as they went in, whatever the
 * split of the bytes; frames never exceed the limit; hostile frames are clean protocol errors.
 */
// A guard against a hang only: the cases take a second or two.
@Timeout(120)
class FramingTest {

    record Sent(int stream, byte[] message) {
    }

    /** Messages of awkward sizes (empty, around the frame limit, several frames) on a few streams. */
    private static List<Sent> messages(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] sizes = {0, 1, 2, 100, Framing.MAX_PAYLOAD - 5, Framing.MAX_PAYLOAD - 4, Framing.MAX_PAYLOAD - 3,
            Framing.MAX_PAYLOAD, Framing.MAX_PAYLOAD + 1, 2 * Framing.MAX_PAYLOAD - 4, 200_000, 3, 4000};
        List<Sent> out = new ArrayList<>();
        for (int size : sizes) {
            byte[] m = new byte[size];
            if (random.nextBoolean()) {
                random.nextBytes(m); // incompressible
            } else {
                for (int i = 0; i < size; i++) {
                    m[i] = (byte) "comet offload ".charAt(i % 14);
                }
            }
            out.add(new Sent(random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5), m));
        }
        return out;
    }

    private static byte[] wire(Framing.Sender sender, List<Sent> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Sent s : messages) {
            out.writeBytes(sender.frame(s.stream(), s.message()));
        }
        return out.toByteArray();
    }

    private static void assertArrived(List<Sent> sent, List<Framing.Arrived> arrived) {
        assertEquals(sent.size(), arrived.size(), "messages");
        for (int i = 0; i < sent.size(); i++) {
            assertEquals(sent.get(i).stream(), arrived.get(i).stream(), "stream of message " + i);
            assertArrayEquals(sent.get(i).message(), arrived.get(i).message(), "message " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void messagesArriveWholeAndInOrder(boolean compress) {
        List<Sent> sent = messages(1);
        byte[] wire = wire(new Framing.Sender(compress), sent);
        assertArrived(sent, new Framing.Receiver(compress).accept(wire));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void byteByByte(boolean compress) {
        List<Sent> sent = messages(2);
        byte[] wire = wire(new Framing.Sender(compress), sent);
        Framing.Receiver receiver = new Framing.Receiver(compress);
        List<Framing.Arrived> arrived = new ArrayList<>();
        long before = Allocations.current();
        for (byte b : wire) {
            arrived.addAll(receiver.accept(new byte[] {b}));
        }
        long used = Allocations.current() - before;
        assertArrived(sent, arrived);
        // Fix: each call copied everything buffered so far (quadratic: gigabytes for this input).
        assertTrue(used < 64L * wire.length + (4 << 20), "feeding " + wire.length + " bytes one at a time allocated " + used);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void splitAtEveryByteBoundary(boolean compress) {
        List<Sent> sent = new ArrayList<>();
        for (Sent s : messages(3)) {
            if (s.message().length < 5000) {
                sent.add(s);
            }
        }
        byte[] wire = wire(new Framing.Sender(compress), sent);
        for (int cut = 0; cut <= wire.length; cut++) {
            // Each split needs its own receiver: with zlib, the sender's stream is the whole history.
            try (Framing.Receiver receiver = new Framing.Receiver(compress)) {
                List<Framing.Arrived> arrived = new ArrayList<>(receiver.accept(Arrays.copyOf(wire, cut)));
                arrived.addAll(receiver.accept(Arrays.copyOfRange(wire, cut, wire.length)));
                assertArrived(sent, arrived);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void randomChunks(boolean compress) {
        List<Sent> sent = messages(4);
        byte[] wire = wire(new Framing.Sender(compress), sent);
        SplittableRandom random = new SplittableRandom(4);
        for (int round = 0; round < 8; round++) {
            Framing.Receiver receiver = new Framing.Receiver(compress);
            List<Framing.Arrived> arrived = new ArrayList<>();
            for (int at = 0; at < wire.length; ) {
                int n = Math.min(wire.length - at, random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(100_000));
                arrived.addAll(receiver.accept(Arrays.copyOfRange(wire, at, at + n)));
                at += n;
            }
            assertArrived(sent, arrived);
        }
    }

    @Test
    void framesOfDifferentStreamsMayInterleave() {
        // COMET multiplexes per-thread queues frame by frame; our sender writes a message's frames
        // together, but a receiver must take any interleaving. Without zlib, frames can be reordered
        // across streams freely (with zlib the deflate stream fixes the order of the payloads).
        byte[] a = new byte[3 * Framing.MAX_PAYLOAD];
        byte[] b = new byte[2 * Framing.MAX_PAYLOAD];
        Arrays.fill(a, (byte) 'a');
        Arrays.fill(b, (byte) 'b');
        Framing.Sender sender = new Framing.Sender(false);
        List<byte[]> fa = frames(sender.frame(1, a));
        List<byte[]> fb = frames(sender.frame(2, b));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < Math.max(fa.size(), fb.size()); i++) {
            if (i < fb.size()) {
                wire.writeBytes(fb.get(i));
            }
            if (i < fa.size()) {
                wire.writeBytes(fa.get(i));
            }
        }
        List<Framing.Arrived> arrived = new Framing.Receiver(false).accept(wire.toByteArray());
        assertArrived(List.of(new Sent(2, b), new Sent(1, a)), arrived);
    }

    /** The frames in {@code wire}, each with its header. */
    private static List<byte[]> frames(byte[] wire) {
        List<byte[]> out = new ArrayList<>();
        for (int at = 0; at < wire.length; ) {
            int size = u4(wire, at + 4);
            out.add(Arrays.copyOfRange(wire, at, at + Framing.HEADER + size));
            at += Framing.HEADER + size;
        }
        return out;
    }

    private static int u4(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void noFramePayloadExceedsTheLimit(boolean compress) {
        SplittableRandom random = new SplittableRandom(5);
        byte[] incompressible = new byte[5 * Framing.MAX_PAYLOAD + 17];
        random.nextBytes(incompressible);
        Framing.Sender sender = new Framing.Sender(compress);
        for (byte[] m : List.of(incompressible, new byte[1 << 20], new byte[Framing.MAX_PAYLOAD - 4])) {
            List<byte[]> frames = frames(sender.frame(9, m));
            for (byte[] f : frames) {
                assertEquals(9, u4(f, 0));
                assertTrue(f.length - Framing.HEADER <= Framing.MAX_PAYLOAD, "a payload of " + (f.length - Framing.HEADER));
            }
        }
    }

    @Test
    void uncompressedLayout() {
        byte[] wire = new Framing.Sender(false).frame(7, new byte[] {5, 0, 0, 0, 1});
        assertEquals("00000007" + "00000009" + "00000005" + "0500000001", java.util.HexFormat.of().formatHex(wire));
        // The u4 length makes a message of MAX_PAYLOAD bytes spill into a second frame.
        List<byte[]> frames = frames(new Framing.Sender(false).frame(0, new byte[Framing.MAX_PAYLOAD]));
        assertEquals(2, frames.size());
        assertEquals(Framing.MAX_PAYLOAD, frames.get(0).length - Framing.HEADER);
        assertEquals(4, frames.get(1).length - Framing.HEADER);
    }

    @Test
    void sameMessagesSameBytes() {
        List<Sent> sent = messages(6);
        assertArrayEquals(wire(new Framing.Sender(true), sent), wire(new Framing.Sender(true), sent));
    }

    // ------------------------------------------------------------------ hostile frames

    private static byte[] header(int stream, int size) {
        return new WireWriter().u4(stream).u4(size).toByteArray();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFrameOverTheLimitIsRefusedOnItsHeader(boolean compress) {
        for (int size : new int[] {Framing.MAX_PAYLOAD + 1, Integer.MAX_VALUE, -1, Integer.MIN_VALUE}) {
            Framing.Receiver receiver = new Framing.Receiver(compress);
            // Refused as soon as the header is in, not after waiting for the payload.
            assertThrows(ProtocolException.class, () -> receiver.accept(header(0, size)), "payload " + size);
        }
        // The limit itself is fine: one frame of MAX_PAYLOAD bytes holding one message.
        byte[] full = concat(header(3, Framing.MAX_PAYLOAD), new WireWriter().u4(Framing.MAX_PAYLOAD - 4).toByteArray(),
                new byte[Framing.MAX_PAYLOAD - 4]);
        List<Framing.Arrived> arrived = new Framing.Receiver(false).accept(full);
        assertEquals(1, arrived.size());
        assertEquals(Framing.MAX_PAYLOAD - 4, arrived.get(0).message().length);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aMessageOverTheLimitIsRefusedOnItsLength(boolean compress) {
        Framing.Receiver receiver = new Framing.Receiver(compress);
        byte[] plain = new WireWriter().u4(Framing.MAX_MESSAGE + 1).toByteArray();
        byte[] wire = compress ? compressedFrame(plain) : concat(header(0, 4), plain);
        assertThrows(ProtocolException.class, () -> receiver.accept(wire));
    }

    /** One frame carrying {@code plain} as compressed stream bytes (not as a message: no length is added). */
    private static byte[] compressedFrame(byte[] plain) {
        Deflater d = new Deflater();
        byte[] out = new byte[plain.length + 64];
        d.setInput(plain);
        int n = d.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        d.end();
        return concat(header(0, n), Arrays.copyOf(out, n));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void aClaimedHugeMessageCostsOnlyTheBytesThatArrive() {
        Framing.Receiver receiver = new Framing.Receiver(false);
        byte[] start = concat(header(0, 12), new WireWriter().u4(Framing.MAX_MESSAGE).u4(1).u4(2).toByteArray());
        receiver.accept(start); // warm up the code path on another receiver's first call
        Framing.Receiver fresh = new Framing.Receiver(false);
        long before = Allocations.current();
        assertEquals(List.of(), fresh.accept(start));
        long used = Allocations.current() - before;
        assertTrue(used < (1 << 20), "a 256 MiB claim allocated " + used);
    }

    @Test
    void corruptZlibDataIsAProtocolError() {
        SplittableRandom random = new SplittableRandom(8);
        byte[] valid = new Framing.Sender(true).frame(1, "hello, server".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < 500; i++) {
            byte[] b = valid.clone();
            int at = Framing.HEADER + random.nextInt(b.length - Framing.HEADER);
            b[at] ^= (byte) (1 + random.nextInt(255));
            try (Framing.Receiver receiver = new Framing.Receiver(true)) {
                acceptChecked(receiver, b);
            }
        }
        byte[] garbage = new byte[100];
        random.nextBytes(garbage);
        assertThrows(ProtocolException.class, () -> new Framing.Receiver(true).accept(concat(header(0, 100), garbage)));
    }

    /** Fix: a zlib stream that ended (a final block) made later frames vanish silently. */
    @Test
    void aCompressedStreamThatEndsIsAProtocolError() {
        Deflater d = new Deflater();
        d.setInput(new WireWriter().u4(1).u1(4).toByteArray());
        d.finish();
        byte[] out = new byte[64];
        int n = d.deflate(out);
        d.end();
        byte[] ended = concat(header(0, n), Arrays.copyOf(out, n));
        Framing.Receiver receiver = new Framing.Receiver(true);
        assertThrows(ProtocolException.class, () -> receiver.accept(ended));
    }

    @Test
    void aFrameInflatingPastTheLimitIsAProtocolError() {
        // 1 MiB of zeros deflates to about a kilobyte: one small frame, a big expansion.
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1 << 20];
        d.setInput(zeros);
        byte[] out = new byte[1 << 16];
        int n = d.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        d.end();
        assertTrue(n < 4096, "compressed to " + n);
        byte[] bomb = concat(header(0, n), Arrays.copyOf(out, n));
        long before = Allocations.current();
        assertThrows(ProtocolException.class, () -> new Framing.Receiver(true).accept(bomb));
        assertTrue(Allocations.current() - before < (2 << 20), "inflating stops at the limit");
    }

    @Test
    void aCompressedStreamWantingADictionaryIsAProtocolError() {
        Deflater d = new Deflater();
        d.setDictionary(new byte[] {1, 2, 3, 4});
        d.setInput(new byte[] {0, 0, 0, 1, 4});
        byte[] out = new byte[64];
        int n = d.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        d.end();
        assertThrows(ProtocolException.class, () -> new Framing.Receiver(true).accept(concat(header(0, n), Arrays.copyOf(out, n))));
    }

    /** Fix: after a protocol error the receiver went on from a state in the middle of the bad frame. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aBrokenConnectionStaysBroken(boolean compress) {
        Framing.Receiver receiver = new Framing.Receiver(compress);
        assertThrows(ProtocolException.class, () -> receiver.accept(header(0, -1)));
        byte[] good = new Framing.Sender(compress).frame(0, new byte[] {4});
        assertThrows(ProtocolException.class, () -> receiver.accept(good));
    }

    // ------------------------------------------------------------------ fuzzing

    /** Feeds {@code bytes}: messages or a ProtocolException, nothing else. */
    private static void acceptChecked(Framing.Receiver receiver, byte[] bytes) {
        try {
            receiver.accept(bytes);
        } catch (ProtocolException expected) {
            // fine
        } catch (Throwable t) {
            fail("accepting " + WireCodecHostileTest.hex(bytes) + " threw " + t, t);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void randomBytesNeverBreakTheReceiver(boolean compress) {
        SplittableRandom random = new SplittableRandom(compress ? 11 : 12);
        for (int i = 0; i < 3000; i++) {
            byte[] b = new byte[random.nextInt(80)];
            random.nextBytes(b);
            if (b.length >= 8 && random.nextBoolean()) {
                b[4] = b[5] = 0; // a plausible payload size, so the payload gets looked at
                b[6] = (byte) random.nextInt(2);
            }
            try (Framing.Receiver receiver = new Framing.Receiver(compress)) {
                acceptChecked(receiver, b);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void mutatedFramesNeverBreakTheReceiver(boolean compress) {
        MessageGenerator g = new MessageGenerator(compress ? 21 : 22);
        SplittableRandom random = new SplittableRandom(compress ? 23 : 24);
        int cases = 0;
        for (int i = 0; i < 300; i++) {
            byte[] first = WireCodec.encode(g.next());
            byte[] second = WireCodec.encode(g.next());
            if (first.length + second.length > 4000) {
                continue; // in short messages a mutation lands in a frame header or a length more often
            }
            cases++;
            byte[] wire;
            try (Framing.Sender sender = new Framing.Sender(compress)) {
                wire = concat(sender.frame(1, first), sender.frame(2, second));
            }
            for (int k = 0; k < 5; k++) {
                byte[] bad = WireCodecHostileTest.mutate(wire, random);
                try (Framing.Receiver receiver = new Framing.Receiver(compress)) {
                    for (Framing.Arrived a : receiver.accept(bad)) {
                        WireCodecHostileTest.decodeChecked(a.message());
                    }
                } catch (ProtocolException expected) {
                    // fine
                } catch (Throwable t) {
                    fail("accepting " + WireCodecHostileTest.hex(bad) + " threw " + t, t);
                }
            }
        }
        assertTrue(cases > 100, cases + " message pairs");
    }
}
