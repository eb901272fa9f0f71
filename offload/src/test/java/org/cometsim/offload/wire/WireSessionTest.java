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
class WireSessionTest {

    /** The two ends of a connection: each keeps one table for what it sends and receives. */
    private final WireSession phone = new WireSession(false);
    private final WireSession server = new WireSession(true);

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
        // Two threads' pushes crossing on the wire: neither side knows the other's definitions.
        Message.Sync other = sync(2, m.moved().image().frames());
        byte[] fromPhone = WireCodec.encode(m, phone);
        byte[] fromServer = WireCodec.encode(other, server);
        assertNull(Structural.difference(other, WireCodec.decode(fromServer, phone)));
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
        ProtocolException e = assertThrows(ProtocolException.class, () -> WireCodec.decode(bytes, new WireSession(true)));
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
    void bottomFramesTheThreadsLastImageHadAreNotSentAgain() {
        FrameCapture.FrameState main = frame("main([Ljava/lang/String;)V", 40, 7);
        FrameCapture.FrameState work = frame("work(I)I", 12, 3);
        FrameCapture.FrameState top = frame("step(I)I", 5, 9);
        Message.Sync out = sync(List.of(work, main));
        Message.Sync back = sync(List.of(top, work, main)); // the thread ran on above the frames it came with
        Message.Sync next = sync(List.of(frame("work(I)I", 13, 3), main)); // work moved on: only main is shared
        assertNull(Structural.difference(out, phoneToServer(out)));
        byte[] backBytes = WireCodec.encode(back, server);
        assertNull(Structural.difference(back, WireCodec.decode(backBytes, phone)));
        byte[] nextBytes = WireCodec.encode(next, phone);
        assertNull(Structural.difference(next, WireCodec.decode(nextBytes, server)));
        // Alone (no last image) the same messages are longer by the frames they share.
        assertTrue(backBytes.length < WireCodec.encode(back).length - 2 * 5);
        assertTrue(nextBytes.length < WireCodec.encode(next).length - 5);
        // The decoded images are the receiver's own: changing one does not change what a later message shares.
        Message.Sync again = sync(List.of(top, work, main));
        Message.Sync decoded = (Message.Sync) serverToPhone(again);
        decoded.moved().image().frames().get(2).words()[0] = 99;
        assertNull(Structural.difference(again, serverToPhone(again)));
    }

    @Test
    void sharingMoreFramesThanTheLastImageHadOrLessThanAllItCouldIsAProtocolError() {
        Message.Sync out = sync(List.of(frame("work(I)I", 12, 3), frame("main([Ljava/lang/String;)V", 40, 7)));
        byte[] first = WireCodec.encode(out, phone);
        WireCodec.decode(first, server);
        byte[] same = WireCodec.encode(out, phone); // both frames shared: "02", no frames listed
        int at = indexOf(same, HexFormat.of().parseHex("0200000000"));
        byte[] tooMany = same.clone();
        tooMany[at] = 3;
        assertThrows(ProtocolException.class, () -> WireCodec.decode(tooMany, server));
        // Listing frames the receiver could have shared: a phone end with the same names but no image of thread 1.
        WireSession forgetful = new WireSession(false);
        WireCodec.encode(sync(2, out.moved().image().frames()), forgetful); // defines the same names, in order
        byte[] listed = WireCodec.encode(out, forgetful);
        assertTrue(listed.length > same.length);
        ProtocolException e = assertThrows(ProtocolException.class, () -> WireCodec.decode(listed, server));
        assertTrue(e.getMessage().contains("repeats its last image"), e.getMessage());
        assertNull(Structural.difference(out, WireCodec.decode(same, server)));
    }

    private static FrameCapture.FrameState frame(String method, int pc, int word) {
        return new FrameCapture.FrameState("LWork;", method, pc, new int[] {word, -word}, new BitSet(), new long[2], false,
                null);
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (in[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
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
        return sync(1, frames);
    }

    private static Message.Sync sync(int thread, List<FrameCapture.FrameState> frames) {
        ThreadImage t = new ThreadImage(thread, "main", false, false, Ids.objectId(Ids.PHONE_SPACE, 0), frames, List.of(),
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
