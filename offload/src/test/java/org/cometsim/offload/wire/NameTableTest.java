package org.cometsim.offload.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.cometsim.dalvik.hooks.FrameCapture;
import org.cometsim.dalvik.hooks.ThreadImage;
import org.cometsim.dalvik.rt.ThreadState;
import org.junit.jupiter.api.Test;

/**
 * The per-connection name table (PROTOCOL.md §1, {@code name}): a connection's messages in both
 * directions decode to what was sent, names are spelled out once per connection, a reference to
 * an entry nobody defined is a clean protocol error, and a message that fails to encode leaves
 * nothing behind.
 */
class NameTableTest {

    /** The two ends of a connection: each keeps one table for what it sends and receives. */
    private final NameTable phone = new NameTable(false);
    private final NameTable server = new NameTable(true);

    private Message phoneToServer(Message m) {
        return WireCodec.decode(WireCodec.encode(m, phone), server);
    }

    private Message serverToPhone(Message m) {
        return WireCodec.decode(WireCodec.encode(m, server), phone);
    }

    @Test
    void generatedMessagesRoundTripInBothDirectionsOfOneConnection() {
        MessageGenerator g = new MessageGenerator(31);
        SplittableRandom r = new SplittableRandom(31);
        for (int i = 0; i < 600; i++) {
            Message m = i % 3 == 0 ? g.next() : g.sync();
            Message back = r.nextBoolean() ? phoneToServer(m) : serverToPhone(m);
            String difference = Structural.difference(m, back);
            assertNull(difference, () -> "a " + m.getClass().getSimpleName() + " changed " + difference);
        }
        assertEquals(phone.size(), server.size(), "both ends hold the same entries");
    }

    @Test
    void aNameIsSpelledOutOncePerConnectionWhicheverSideDefinedIt() {
        Message.Sync first = syncMoving("LCom/example/LongClassName;", "compute(IJ)V");
        byte[] out = WireCodec.encode(first, phone);
        WireCodec.decode(out, server);
        byte[] again = WireCodec.encode(first, phone);
        byte[] back = WireCodec.encode(first, server); // the return push names what the phone defined
        assertTrue(contains(out, "LCom/example/LongClassName;"));
        assertTrue(!contains(again, "LCom/example/LongClassName;") && !contains(back, "LCom/example/LongClassName;"));
        assertEquals(again.length, back.length, "references cost the same either way");
        assertTrue(again.length < out.length - "LCom/example/LongClassName;compute(IJ)V".length());
        Message decoded = WireCodec.decode(back, phone);
        assertNull(Structural.difference(first, decoded));
    }

    @Test
    void bothSidesMayDefineTheSameNameAtOnce() {
        Message.Sync m = syncMoving("LA;", "run()V");
        byte[] fromPhone = WireCodec.encode(m, phone);
        byte[] fromServer = WireCodec.encode(m, server); // crossing on the wire: neither knows the other's
        assertNull(Structural.difference(m, WireCodec.decode(fromServer, phone)));
        assertNull(Structural.difference(m, WireCodec.decode(fromPhone, server)));
        // Afterwards both ends resolve each other's references.
        assertNull(Structural.difference(m, serverToPhone(m)));
        assertNull(Structural.difference(m, phoneToServer(m)));
    }

    @Test
    void aReferenceToAnEntryNobodyDefinedIsAProtocolError() {
        // ClassDef of class#0 naming entry 0 (vu 01) in a table where nothing is defined.
        byte[] bytes = HexFormat.of().parseHex("05" + "00000000" + "00000001" + "c0000000" + "01"
                + "00000000" + "00000000" + "00000000" + "00" + "00" + "00000000" + "00000000" + "00000000"
                + "00000000" + "00000000");
        ProtocolException e = assertThrows(ProtocolException.class, () -> WireCodec.decode(bytes, new NameTable(true)));
        assertTrue(e.getMessage().contains("never defined"), e.getMessage());
        // The entry the phone's first definition gets (0) is fine once the phone defined it...
        WireCodec.decode(WireCodec.encode(syncMoving("LA;", "run()V"), phone), server);
        WireCodec.decode(bytes, server);
        // ...but the server's first entry (1, vu 02) is still undefined, on either end.
        bytes[13] = 2;
        assertThrows(ProtocolException.class, () -> WireCodec.decode(bytes, server));
    }

    @Test
    void aSecondDefinitionOfTheSameNameBySenderIsAProtocolError() {
        // Two ClassDefs, each defining "LA;" (00 03 4c413b): the sender would have referenced the first.
        byte[] bytes = HexFormat.of().parseHex("05" + "00000000" + "00000002" + "c0000000" + "00034c413b"
                + "c0000001" + "00034c413b" + "00000000" + "00000000" + "00000000" + "00" + "00" + "00000000"
                + "00000000" + "00000000" + "00000000" + "00000000");
        assertThrows(ProtocolException.class, () -> WireCodec.decode(bytes));
    }

    @Test
    void aMessageThatFailsToEncodeDefinesNothing() {
        // A frame whose value register holds an id: the codec refuses it after writing its names.
        BitSet none = new BitSet();
        FrameCapture.FrameState bad = new FrameCapture.FrameState("LNever;", "sent()V", 0, new int[] {0}, none,
                new long[] {5}, false, null);
        Message.Sync s = sync(List.of(bad));
        assertThrows(IllegalArgumentException.class, () -> WireCodec.encode(s, phone));
        assertEquals(0, phone.size());
        // The next message defines the names itself, so the peer can read it.
        Message.Sync ok = syncMoving("LNever;", "sent()V");
        assertNull(Structural.difference(ok, phoneToServer(ok)));
    }

    @Test
    void theStatelessCodecDefinesEveryNameInTheMessage() {
        Message.Sync m = syncMoving("LA;", "run()V");
        byte[] a = WireCodec.encode(m);
        assertArrayEquals(a, WireCodec.encode(m), "no state kept between stateless encodings");
        assertNull(Structural.difference(m, WireCodec.decode(a)));
    }

    private static Message.Sync syncMoving(String cls, String method) {
        BitSet refs = new BitSet();
        refs.set(1);
        FrameCapture.FrameState f = new FrameCapture.FrameState(cls, method, 7, new int[] {-3, 0, 1 << 20}, refs,
                new long[] {0, Ids.objectId(Ids.SERVER_SPACE, 9), 0}, false, cls);
        FrameCapture.FrameState g = new FrameCapture.FrameState(cls, method, 70000, new int[] {}, new BitSet(),
                new long[] {}, false, null);
        return sync(List.of(f, g));
    }

    private static Message.Sync sync(List<FrameCapture.FrameState> frames) {
        ThreadImage t = new ThreadImage(1, "main", false, false, Ids.objectId(Ids.PHONE_SPACE, 0), frames, List.of(),
                ThreadState.RUNNABLE, 0, Ids.NULL, 0, Long.MAX_VALUE, Ids.NULL, 0, Ids.NULL);
        return new Message.Sync(0, List.of(), List.of(), List.of(), List.of(), new Message.Move(t), null, List.of(), 0,
                List.of(), List.of(), 0);
    }

    private static boolean contains(byte[] bytes, String ascii) {
        byte[] what = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + what.length <= bytes.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (bytes[i + k] != what[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
