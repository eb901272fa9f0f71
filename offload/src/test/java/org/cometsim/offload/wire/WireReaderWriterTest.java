package org.cometsim.offload.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The primitive values: big-endian widths, strict booleans, counts bounded by what follows. */
class WireReaderWriterTest {

    @Test
    void valuesAreBigEndianAndComeBack() {
        WireWriter w = new WireWriter(1);
        w.u1(0xAB).u2(0xBEEF).u4(0xCAFEBABE).u8(0x0123456789ABCDEFL).u1(-1).u2(-1).u4(-1).u8(-1).bool(true).bool(false);
        byte[] b = w.toByteArray();
        assertEquals("abbeefcafebabe0123456789abcdef" + "ff" + "ffff" + "ffffffff" + "ffffffffffffffff" + "0100",
                HexFormat.of().formatHex(b));
        WireReader r = new WireReader(b);
        assertEquals(0xAB, r.u1());
        assertEquals(0xBEEF, r.u2());
        assertEquals(0xCAFEBABE, r.u4());
        assertEquals(0x0123456789ABCDEFL, r.u8());
        assertEquals(0xFF, r.u1());
        assertEquals(0xFFFF, r.u2());
        assertEquals(-1, r.u4());
        assertEquals(-1L, r.u8());
        assertTrue(r.bool());
        assertFalse(r.bool());
        r.done();
    }

    @Test
    void readingPastTheEndIsAProtocolError() {
        assertThrows(ProtocolException.class, () -> new WireReader(new byte[0]).u1());
        assertThrows(ProtocolException.class, () -> new WireReader(new byte[1]).u2());
        assertThrows(ProtocolException.class, () -> new WireReader(new byte[3]).u4());
        assertThrows(ProtocolException.class, () -> new WireReader(new byte[7]).u8());
        assertThrows(ProtocolException.class, () -> new WireReader(new byte[19]).raw(20));
        assertThrows(ProtocolException.class, () -> new WireReader(new byte[] {2}).bool());
        assertThrows(ProtocolException.class, () -> new WireReader(new byte[2]).done());
    }

    @Test
    void aSliceMustLieInsideItsArray() {
        assertThrows(ProtocolException.class, () -> new WireReader(new byte[4], 1, Integer.MAX_VALUE));
        assertThrows(ProtocolException.class, () -> new WireReader(new byte[4], -1, 2));
        WireReader r = new WireReader(new byte[] {9, 1, 2, 9}, 1, 2);
        assertEquals(0x0102, r.u2());
        r.done();
    }

    @Test
    void aCountIsBoundedByTheBytesAfterIt() {
        byte[] four = new WireWriter().u4(2).u4(0).u4(0).toByteArray();
        assertEquals(2, new WireReader(four).count(4));
        assertThrows(ProtocolException.class, () -> new WireReader(four).count(5));
        assertThrows(ProtocolException.class, () -> new WireReader(four).count(1, 1));
        assertThrows(ProtocolException.class, () -> new WireReader(new WireWriter().u4(-1).toByteArray()).count(1));
        // The byte string's length counts from after the length itself.
        byte[] b = new WireWriter().u4(3).u1(1).u1(2).u1(3).toByteArray();
        assertArrayEquals(new byte[] {1, 2, 3}, new WireReader(b).bytes());
        assertThrows(ProtocolException.class, () -> new WireReader(new WireWriter().u4(4).u1(1).u1(2).u1(3).toByteArray()).bytes());
    }
}
