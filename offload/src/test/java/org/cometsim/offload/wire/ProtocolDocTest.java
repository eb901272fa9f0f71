package org.cometsim.offload.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;

import org.cometsim.dalvik.hooks.FrameCapture;
import org.cometsim.dalvik.hooks.ThreadImage;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;
import org.junit.jupiter.api.Test;

/**
 * {@code offload/PROTOCOL.md} and the code agree: the golden bytes of its example sync (parsed out
 * of the markdown, so the document cannot drift) are exactly what the encoder makes of the records
 * below, decode to them, and frame as the document says.
 */
class ProtocolDocTest {

    /** The example of PROTOCOL.md: a phone's push moving a thread inside {@code Counter.add(I)V}. */
    static Message.Sync goldenSync() {
        int counterClass = Ids.classId(0);
        int intArrayClass = Ids.classId(1);
        int counter = Ids.objectId(Ids.PHONE_SPACE, 0);
        int label = Ids.objectId(Ids.PHONE_SPACE, 1);
        int xs = Ids.objectId(Ids.PHONE_SPACE, 2);
        int thread = Ids.objectId(Ids.PHONE_SPACE, 3);
        // v0 = this, v1 = 5 (the int argument), v2-v3 = the long 0x100000002 (low word first).
        BitSet refs = new BitSet();
        refs.set(0);
        FrameCapture.FrameState add = new FrameCapture.FrameState("LCounter;", "add(I)V", 3,
                new int[] {0, 5, 2, 1}, refs, new long[] {counter, 0, 0, 0}, false, null);
        ThreadImage main = new ThreadImage(1, "main", false, false, thread, List.of(add),
                List.of(new ThreadImage.HeldMonitor(counter, 1)), ThreadState.RUNNABLE, 0, Ids.NULL, 0,
                Long.MAX_VALUE, Ids.NULL, 0, Ids.NULL);
        return new Message.Sync(1,
                List.of(new Message.ClassDef(counterClass, "LCounter;"), new Message.ClassDef(intArrayClass, "[I")),
                List.of(new Message.ClassStatus(counterClass, VmClass.INIT_DONE, 0)),
                List.of(new Message.NewObject(counter, new Message.GuestShape(counterClass, 0x2a)),
                        new Message.NewObject(label, new Message.StringShape("h\u00e9")),
                        new Message.NewObject(xs, new Message.ArrayShape(intArrayClass, 3, 0x2b))),
                List.of(new Message.Update(counter, new int[] {0, 1}, HexFormat.of().parseHex("0000000700000001")),
                        new Message.Update(xs, new int[] {0, 2}, HexFormat.of().parseHex("0000000100000003"))),
                new Message.Move(main), null,
                List.of(new Message.Grant(counter, true, 0)),
                0x2c,
                List.of(new Message.IdentityHash(thread, 0x29)),
                List.of(),
                2);
    }

    /** The bytes of the fenced block {@code ```hex NAME} of PROTOCOL.md ({@code #} starts a comment). */
    static byte[] hexBlock(String name) throws IOException {
        Path doc = Path.of("PROTOCOL.md");
        if (!Files.exists(doc)) {
            doc = Path.of("offload", "PROTOCOL.md");
        }
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        int start = lines.indexOf("```hex " + name);
        assertTrue(start >= 0, "PROTOCOL.md has a block ```hex " + name);
        StringBuilder hex = new StringBuilder();
        for (int i = start + 1; !lines.get(i).equals("```"); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            hex.append((comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s", ""));
        }
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void theEncoderMakesTheGoldenBytes() throws IOException {
        assertArrayEquals(hexBlock("golden-sync"), WireCodec.encode(goldenSync()));
    }

    @Test
    void theGoldenBytesDecodeToTheMessage() throws IOException {
        assertNull(Structural.difference(goldenSync(), WireCodec.decode(hexBlock("golden-sync"))));
    }

    @Test
    void theGoldenSyncIsFramedAsDocumented() throws IOException {
        byte[] message = hexBlock("golden-sync");
        byte[] header = hexBlock("golden-frame");
        byte[] expected = new byte[header.length + message.length];
        System.arraycopy(header, 0, expected, 0, header.length);
        System.arraycopy(message, 0, expected, header.length, message.length);
        assertArrayEquals(expected, new Framing.Sender(false).frame(1, message));
    }
}
