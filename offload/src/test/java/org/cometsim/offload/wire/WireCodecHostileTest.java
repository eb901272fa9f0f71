package org.cometsim.offload.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bytes that are not a message: truncated, trailing, oversized counts, corrupt tags and values,
 * random bytes. Decoding gives a {@link ProtocolException} (or, for fuzzed bytes that happen to be
 * a valid message, that message, whose encoding is exactly those bytes): never another exception,
 * never memory out of proportion to the input.
 */
// A guard against a hang only: the cases take well under a second.
@Timeout(120)
class WireCodecHostileTest {

    /** Most a decode may allocate: a constant plus a multiple of the input (objects per item). */
    private static long allocationBound(int inputBytes) {
        return 32L * inputBytes + (256 << 10);
    }

    @BeforeAll
    static void warmUp() {
        // Load and link everything decoding touches, so allocation counts below are the decoder's own.
        MessageGenerator g = new MessageGenerator(1);
        for (int i = 0; i < 200; i++) {
            Message m = g.next();
            WireCodec.decode(WireCodec.encode(m));
        }
        for (int i = 0; i < 100; i++) {
            decodeChecked(new MessageGenerator(i).bytes(40));
        }
    }

    /**
     * Decodes {@code bytes}: a ProtocolException or a message that encodes back to exactly
     * {@code bytes}, within the allocation bound. Returns whether it decoded.
     */
    static boolean decodeChecked(byte[] bytes) {
        long before = Allocations.current();
        Message m;
        try {
            m = WireCodec.decode(bytes);
        } catch (ProtocolException e) {
            checkAllocation(before, bytes);
            return false;
        } catch (Throwable t) {
            throw new AssertionError("decoding " + hex(bytes) + " threw " + t, t);
        }
        checkAllocation(before, bytes);
        assertArrayEquals(bytes, WireCodec.encode(m), () -> "a decoded message does not encode back: " + m);
        return true;
    }

    private static void checkAllocation(long before, byte[] bytes) {
        long used = Allocations.current() - before;
        if (used > allocationBound(bytes.length)) {
            fail("decoding " + bytes.length + " bytes allocated " + used + ": " + hex(bytes));
        }
    }

    static String hex(byte[] b) {
        String h = java.util.HexFormat.of().formatHex(b, 0, Math.min(b.length, 200));
        return b.length > 200 ? h + "..." : h;
    }

    private static void assertProtocolError(byte[] bytes) {
        assertTrue(!decodeChecked(bytes), () -> "decoded " + hex(bytes));
    }

    private static WireWriter w(int tag) {
        return new WireWriter().u1(tag);
    }

    // ------------------------------------------------------------------ truncated, trailing

    @Test
    void everyProperPrefixOfAMessageIsAProtocolError() {
        MessageGenerator g = new MessageGenerator(5);
        for (int i = 0; i < 150; i++) {
            byte[] full = WireCodec.encode(g.next());
            // Every prefix of small messages, a sample of the long ones'.
            int step = Math.max(1, full.length / 400);
            for (int n = 0; n < full.length; n += step) {
                assertProtocolError(Arrays.copyOf(full, n));
            }
            assertProtocolError(Arrays.copyOf(full, full.length - 1));
        }
    }

    @Test
    void trailingBytesAreAProtocolError() {
        MessageGenerator g = new MessageGenerator(6);
        for (int i = 0; i < 100; i++) {
            byte[] full = WireCodec.encode(g.next());
            assertProtocolError(Arrays.copyOf(full, full.length + 1));
        }
    }

    // ------------------------------------------------------------------ oversized counts

    @Test
    void countsLargerThanTheRemainingBytesAreRefusedBeforeAllocating() {
        for (int huge : new int[] {-1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 28, 2}) {
            assertProtocolError(w(1).u2(1).u4(huge).toByteArray());                 // Hello's dex files
            assertProtocolError(w(2).u4(huge).raw(new byte[20], 0, 20).toByteArray()); // DexRequest: 2 need 40 bytes
            assertProtocolError(w(3).u4(1).raw(new byte[20], 0, 20).u4(huge).toByteArray()); // a dex file's bytes
            for (int field = 0; field < 7; field++) {
                assertProtocolError(syncWithCount(field, huge));
            }
        }
    }

    /** A sync whose {@code field}-th list (classes, statuses, objects, updates, grants, hashes, stacks) claims {@code n} items. */
    private static byte[] syncWithCount(int field, int n) {
        WireWriter w = w(5).u4(0);
        for (int i = 0; i < 4; i++) {
            w.u4(i == field ? n : 0);
        }
        w.bool(false).bool(false);
        w.u4(field == 4 ? n : 0);
        w.u4(0);
        w.u4(field == 5 ? n : 0);
        w.u4(field == 6 ? n : 0);
        w.u4(0); // notifies applied
        return w.toByteArray();
    }

    /** Fix: eight bytes of slot run made the decoder allocate an int[2^28] (1 GiB) before reading the values. */
    @Test
    void aSlotRunLongerThanItsValuesIsRefusedBeforeAllocating() {
        for (int len : new int[] {Integer.MAX_VALUE - 1, 1 << 28, 1 << 20, 5}) {
            byte[] b = w(5).u4(0).u4(0).u4(0).u4(0)
                    .u4(1).u4(Ids.objectId(Ids.PHONE_SPACE, 0)).vu(1).vu(0).vu(len).vu(4).u4(7)
                    .bool(false).bool(false).u4(0).u4(0).u4(0).u4(0).u4(0).toByteArray();
            assertProtocolError(b);
        }
    }

    /** Fix: a byte string's length was checked against the bytes left before its own length field. */
    @Test
    void aByteStringEndingFourBytesPastTheMessageIsAProtocolError() {
        byte[] b = w(3).u4(1).raw(new byte[20], 0, 20).u4(4).toByteArray();
        assertProtocolError(b);
        assertProtocolError(w(1).u2(0).u4(1).u4(4).toByteArray()); // a string, likewise
    }

    @Test
    void aFrameClaimingMoreRegistersThanBytesIsRefused() {
        assertProtocolError(syncMovingThreadWithFrame(w -> w.vu(65535)));
        assertProtocolError(syncMovingThreadWithFrame(w -> w.vu(65536)));
        assertProtocolError(syncMovingThreadWithFrame(w -> w.vu(-1)));
    }

    /** A sync moving a thread with one frame whose register part {@code registers} writes. */
    private static byte[] syncMovingThreadWithFrame(java.util.function.Consumer<WireWriter> registers) {
        WireWriter w = w(5).u4(0).u4(0).u4(0).u4(0).u4(0).bool(true);
        w.u4(1).vu(0).vutf("main").bool(false).bool(false).u4(Ids.NULL);
        w.vu(0).u4(1).vu(0).vutf("LMain;").vu(0).vutf("main()V").vu(0); // no frames shared, one listed: two names defined, pc 0
        registers.accept(w);
        w.bool(false).bool(false);
        w.u4(0).u1(1).u1(0).u4(Ids.NULL).u4(0).u8(Long.MAX_VALUE).u4(Ids.NULL).u8(0).u4(Ids.NULL);
        w.bool(false).u4(0).u4(0).u4(0).u4(0).u4(0);
        return w.toByteArray();
    }

    // ------------------------------------------------------------------ corrupt values

    @Test
    void unknownTagsAreProtocolErrors() {
        for (int tag = 0; tag < 256; tag++) {
            if (tag < 1 || tag > 10) {
                assertProtocolError(w(tag).u4(0).u4(0).toByteArray());
            }
        }
        assertProtocolError(new byte[0]);
    }

    @Test
    void corruptValuesAreProtocolErrors() {
        int obj = Ids.objectId(Ids.PHONE_SPACE, 1);
        int cls = Ids.classId(1);
        // A valid sync with one new object of each of the given shape bytes.
        for (int kind : new int[] {0, 8, 255}) {
            assertProtocolError(syncWithNewObject(obj, w -> w.u1(kind).u4(cls).u4(0)));
        }
        assertProtocolError(syncWithNewObject(obj, w -> w.u1(4).u1('X').u8(0)));     // box kind
        assertProtocolError(syncWithNewObject(obj, w -> w.u1(1).u4(obj).u4(0)));     // an object id as a class
        assertProtocolError(syncWithNewObject(obj, w -> w.u1(2).u4(cls).u4(-1).u4(0))); // negative length
        assertProtocolError(syncWithNewObject(cls, w -> w.u1(3).utf("x")));         // a class id as an object
        assertProtocolError(syncWithNewObject(Ids.NULL, w -> w.u1(3).utf("x")));    // null as an object
        assertArrayEquals(syncWithNewObject(obj, w -> w.u1(3).utf("x")),
                WireCodec.encode(WireCodec.decode(syncWithNewObject(obj, w -> w.u1(3).utf("x")))), "the control case is valid");
        // Booleans other than 0 and 1.
        assertProtocolError(w(7).u4(obj).u1(2).toByteArray());
        assertProtocolError(w(8).u4(obj).u1(255).toByteArray());
        assertProtocolError(w(10).u4(1).u1(7).toByteArray());
        // Null where something must be named.
        assertProtocolError(w(7).u4(Ids.NULL).u1(1).toByteArray());
        assertProtocolError(w(8).u4(Ids.NULL).u1(0).toByteArray());
        // A class definition of a non-class id; a class status out of range.
        assertProtocolError(w(5).u4(0).u4(1).u4(obj).vu(0).vutf("LA;").u4(0).u4(0).u4(0).bool(false).bool(false)
                .u4(0).u4(0).u4(0).u4(0).u4(0).toByteArray());
        for (int state : new int[] {4, 255}) {
            assertProtocolError(w(5).u4(0).u4(0).u4(1).u4(cls).u1(state).u4(0).u4(0).u4(0).bool(false).bool(false)
                    .u4(0).u4(0).u4(0).u4(0).u4(0).toByteArray());
        }
        // A Hello whose dex file has a negative size.
        assertProtocolError(w(1).u2(1).u4(1).utf("a.dex").raw(new byte[20], 0, 20).u4(-1).toByteArray());
    }

    @Test
    void corruptSlotRunsAreProtocolErrors() {
        int obj = Ids.objectId(Ids.PHONE_SPACE, 1);
        // Runs are (slots skipped, length) pairs: descending, overlapping or adjacent runs cannot be written.
        for (int[] runs : List.of(
                new int[] {5, 0},                // empty run
                new int[] {5, 1, 0, 0},          // empty second run
                new int[] {-1, 1},               // a slot past 32 bits
                new int[] {Integer.MAX_VALUE, 1}, // past the largest slot
                new int[] {Integer.MAX_VALUE - 1, 2},
                new int[] {5, 1, Integer.MAX_VALUE - 7, 1})) { // the second run past the largest slot
            WireWriter w = w(5).u4(0).u4(0).u4(0).u4(0).u4(1).u4(obj).vu(runs.length / 2);
            int slots = 0;
            for (int i = 0; i < runs.length; i += 2) {
                w.vu(runs[i]).vu(runs[i + 1]);
                slots += Math.max(0, Math.min(64, runs[i + 1]));
            }
            w.vu(slots).raw(new byte[slots], 0, slots);
            w.bool(false).bool(false).u4(0).u4(0).u4(0).u4(0).u4(0);
            assertProtocolError(w.toByteArray());
        }
        // More value bytes than 8 a slot, or fewer than 1.
        assertProtocolError(syncWithUpdate(obj, new int[] {0, 1}, 9));
        assertProtocolError(syncWithUpdate(obj, new int[] {0, 2}, 1));
        assertTrue(decodeChecked(syncWithUpdate(obj, new int[] {0, 2}, 16)));
        assertTrue(decodeChecked(syncWithUpdate(obj, new int[] {0, 2}, 2)));
    }

    @Test
    void corruptThreadImagesAreProtocolErrors() {
        // A reference bit past the last register.
        // (registers vu, reference map a byte per 8 registers, values vs, references vu of the id rotated.)
        assertProtocolError(syncMovingThreadWithFrame(w -> w.vu(3).u1(0b1000).vs(1).vs(2).vs(3)));
        assertTrue(decodeChecked(syncMovingThreadWithFrame(w -> w.vu(3).u1(0b100).vs(1).vs(2).vu(12))));
        assertTrue(decodeChecked(syncMovingThreadWithFrame(w -> w.vu(32).u4(0x00000080).raw(new byte[32], 0, 32))));
        assertProtocolError(syncMovingThreadWithFrame(w -> w.vu(33).u4(0).u1(2).raw(new byte[33], 0, 33)));
        assertProtocolError(syncMovingThreadWithFrame(w -> w.vu(1).u1(0).u1(0x80).u1(0))); // an overlong value
        assertProtocolError(syncMovingThreadWithFrame(w -> w.vu(1).u1(0).raw(new byte[] {-1, -1, -1, -1, 0x10}, 0, 5))); // 33 bits
        // A thread state, block phase, held count or saved count out of range.
        byte[] good = syncMovingThreadWithFrame(w -> w.vu(0));
        assertTrue(decodeChecked(good));
        int tail = good.length - 21 - 34; // the thread's state byte: 34 bytes of thread and 21 of sync after it
        assertTrue(good[tail] == 1, "state byte located");
        for (int[] corrupt : new int[][] {{0, 6}, {0, 255}, {1, 5}, {1, 255}}) {
            byte[] b = good.clone();
            b[tail + corrupt[0]] = (byte) corrupt[1];
            assertProtocolError(b);
        }
        byte[] b = good.clone();
        b[tail + 6] = (byte) 0x80; // saved lock count negative
        assertProtocolError(b);
    }

    private static byte[] syncWithNewObject(int id, java.util.function.Consumer<WireWriter> shape) {
        WireWriter w = w(5).u4(0).u4(0).u4(0).u4(1).u4(id);
        shape.accept(w);
        return w.u4(0).bool(false).bool(false).u4(0).u4(0).u4(0).u4(0).u4(0).toByteArray();
    }

    private static byte[] syncWithUpdate(int id, int[] runs, int valueBytes) {
        WireWriter w = w(5).u4(0).u4(0).u4(0).u4(0).u4(1).u4(id).vu(runs.length / 2);
        for (int r : runs) {
            w.vu(r);
        }
        w.vu(valueBytes).raw(new byte[valueBytes], 0, valueBytes);
        return w.bool(false).bool(false).u4(0).u4(0).u4(0).u4(0).u4(0).toByteArray();
    }

    // ------------------------------------------------------------------ fuzzing

    @Test
    void randomBytesNeverBreakTheDecoder() {
        SplittableRandom random = new SplittableRandom(2024);
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[random.nextInt(64)];
            random.nextBytes(b);
            if (b.length > 0) {
                b[0] = (byte) random.nextInt(12); // mostly a real tag, so decoding goes deeper
            }
            decodeChecked(b);
        }
    }

    @Test
    void mutatedMessagesNeverBreakTheDecoder() {
        MessageGenerator g = new MessageGenerator(99);
        SplittableRandom random = new SplittableRandom(99);
        int decoded = 0;
        for (int i = 0; i < 600; i++) {
            byte[] valid = WireCodec.encode(g.next());
            for (int k = 0; k < 10; k++) {
                if (decodeChecked(mutate(valid, random))) {
                    decoded++;
                }
            }
        }
        assertTrue(decoded > 0, "some mutations are valid messages (values changed, not structure)");
    }

    /** {@code valid} with one random corruption. */
    static byte[] mutate(byte[] valid, SplittableRandom random) {
        byte[] b = valid.clone();
        int at = random.nextInt(b.length);
        switch (random.nextInt(6)) {
            case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b[at] = (byte) random.nextInt(256);
            case 2 -> {
                // An extreme u4 (a count or a length, likely).
                int v = new int[] {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 16, 1 << 28}[random.nextInt(7)];
                for (int j = 0; j < 4 && at + j < b.length; j++) {
                    b[at + j] = (byte) (v >>> 24 - 8 * j);
                }
            }
            case 3 -> b = Arrays.copyOf(b, at);
            case 4 -> {
                byte[] c = new byte[b.length + 1 + random.nextInt(8)];
                System.arraycopy(b, 0, c, 0, at);
                for (int j = at; j < c.length - (b.length - at); j++) {
                    c[j] = (byte) random.nextInt(256);
                }
                System.arraycopy(b, at, c, c.length - (b.length - at), b.length - at);
                b = c;
            }
            default -> {
                int n = Math.min(b.length - at, 1 + random.nextInt(8));
                byte[] c = new byte[b.length - n];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + n, c, at, b.length - at - n);
                b = c;
            }
        }
        return b;
    }
}
