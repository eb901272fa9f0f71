package org.cometsim.offload.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Every message survives encode → decode unchanged, and its encoding is the only one (re-encoding gives the same bytes). */
class WireCodecRoundTripTest {

    static void assertRoundTrip(Message m) {
        byte[] bytes = WireCodec.encode(m);
        assertEquals(m.tag(), bytes[0] & 0xff, "the first byte is the tag");
        Message back = WireCodec.decode(bytes);
        String difference = Structural.difference(m, back);
        assertNull(difference, () -> "round trip of a " + m.getClass().getSimpleName() + " changed " + difference);
        assertArrayEquals(bytes, WireCodec.encode(back), "re-encoding");
    }

    @Test
    void generatedMessagesOfEveryKindRoundTrip() {
        MessageGenerator g = new MessageGenerator(13);
        Set<String> kinds = new TreeSet<>();
        for (int i = 0; i < 1500; i++) {
            Message m = g.next();
            kinds.add(m.getClass().getSimpleName());
            assertRoundTrip(m);
        }
        Set<String> all = new TreeSet<>();
        for (Class<?> c : Message.class.getPermittedSubclasses()) {
            all.add(c.getSimpleName());
        }
        assertEquals(all, kinds, "the generator covers every message type");
    }

    @Test
    void syncsRoundTrip() {
        MessageGenerator g = new MessageGenerator(7);
        for (int i = 0; i < 300; i++) {
            assertRoundTrip(g.sync());
        }
    }

    @Test
    void stringsWithUnpairedSurrogatesAndNulRoundTrip() {
        for (String s : List.of("", "\u0000", "\uD800", "\uDFFF", "a\uDC00\uD800b", "\uD83D\uDE00", "x\uD83D",
                "\u007f\u0080\u07ff\u0800\uffff")) {
            assertRoundTrip(syncWith(s));
        }
    }

    /** A sync naming {@code s} as a class descriptor and shipping it as a string object. */
    static Message.Sync syncWith(String s) {
        return new Message.Sync(0, List.of(new Message.ClassDef(Ids.classId(0), s)), List.of(),
                List.of(new Message.NewObject(Ids.objectId(Ids.PHONE_SPACE, 0), new Message.StringShape(s))),
                List.of(), null, null, List.of(), 0, List.of(), List.of(), 0);
    }
}
