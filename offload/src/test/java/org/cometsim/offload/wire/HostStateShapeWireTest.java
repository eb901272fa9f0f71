package org.cometsim.offload.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The host-state shape (kind 8, PROTOCOL.md §4.5): round trips, its exact bytes, and clean errors on bad input. */
class HostStateShapeWireTest {

    private static Message.Sync syncWith(Message.Shape... shapes) {
        List<Message.NewObject> news = new java.util.ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            news.add(new Message.NewObject(Ids.objectId(Ids.SERVER_SPACE, i), shapes[i]));
        }
        return new Message.Sync(3, List.of(), List.of(), news, List.of(), null, null, List.of(), 0, List.of(), List.of(), 0);
    }

    @Test
    void hostStatesRoundTrip() {
        Random r = new Random(5);
        for (int n : new int[] {0, 1, 4, 255, 4096}) {
            byte[] state = new byte[n];
            r.nextBytes(state);
            WireCodecRoundTripTest.assertRoundTrip(syncWith(new Message.HostStateShape("java.io.ByteArrayOutputStream", state),
                    new Message.HostStateShape("java.util.concurrent.atomic.AtomicInteger", new byte[] {0, 0, 0, 42})));
        }
    }

    @Test
    void bytesAreKindClassNameThenState() {
        byte[] sync = WireCodec.encode(syncWith(new Message.HostStateShape("A", new byte[] {7, 9})));
        // After tag, revision and the class and status counts (empty) and the new-object count (1):
        // the NewObject's id, kind 08, name "A" (00: a definition, vu length 01, "A"), bytes [07 09].
        String id = String.format("%08x", Ids.objectId(Ids.SERVER_SPACE, 0));
        byte[] shape = HexFormat.of().parseHex(id + "08" + "00" + "01" + "41" + "00000002" + "0709");
        assertArrayEquals(shape, java.util.Arrays.copyOfRange(sync, 17, 17 + shape.length),
                HexFormat.of().formatHex(sync));
    }

    /** The example in PROTOCOL.md §4.5 (an AtomicInteger holding 42, object id 00000005). */
    @Test
    void protocolDocExample() {
        Message.NewObject n = new Message.NewObject(Ids.objectId(Ids.PHONE_SPACE, 5),
                new Message.HostStateShape("java.util.concurrent.atomic.AtomicInteger", new byte[] {0, 0, 0, 42}));
        byte[] sync = WireCodec.encode(new Message.Sync(0, List.of(), List.of(), List.of(n), List.of(), null, null,
                List.of(), 0, List.of(), List.of(), 0));
        String doc = "00000005 08 00 29 6a6176612e7574696c2e636f6e63757272656e742e61746f6d69632e41746f6d6963496e7465676572"
                + " 00000004 0000002a";
        byte[] expected = HexFormat.of().parseHex(doc.replace(" ", ""));
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(sync, 17, 17 + expected.length));
    }

    @Test
    void truncatedOrOverlongStatesAreProtocolErrors() {
        byte[] good = WireCodec.encode(syncWith(new Message.HostStateShape("java.io.ByteArrayOutputStream", new byte[] {1, 2, 3})));
        for (int cut = 1; cut < good.length; cut++) {
            byte[] bad = java.util.Arrays.copyOf(good, cut);
            assertThrows(ProtocolException.class, () -> WireCodec.decode(bad));
        }
        // The state's length claims more bytes than follow.
        int at = indexOf(good, new byte[] {0, 0, 0, 3, 1, 2, 3});
        byte[] overlong = good.clone();
        overlong[at + 3] = 100;
        assertThrows(ProtocolException.class, () -> WireCodec.decode(overlong));
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
}
