package org.cometsim.offload.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@code vu} and {@code vs} (PROTOCOL.md §1): LEB128 of 32 bits, one encoding per value. */
class VarintTest {

    @Test
    void knownEncodings() {
        assertArrayEquals(HexFormat.of().parseHex("00"), new WireWriter().vu(0).toByteArray());
        assertArrayEquals(HexFormat.of().parseHex("7f"), new WireWriter().vu(127).toByteArray());
        assertArrayEquals(HexFormat.of().parseHex("8001"), new WireWriter().vu(128).toByteArray());
        assertArrayEquals(HexFormat.of().parseHex("ffffffff0f"), new WireWriter().vu(-1).toByteArray());
        assertArrayEquals(HexFormat.of().parseHex("01"), new WireWriter().vs(-1).toByteArray());
        assertArrayEquals(HexFormat.of().parseHex("02"), new WireWriter().vs(1).toByteArray());
        assertArrayEquals(HexFormat.of().parseHex("ffffffff0f"), new WireWriter().vs(Integer.MIN_VALUE).toByteArray());
    }

    @Test
    void generatedValuesRoundTrip() {
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < 20000; i++) {
            int v = i < 1000 ? i - 500 : r.nextInt() >> r.nextInt(32);
            WireReader in = new WireReader(new WireWriter().vu(v).vs(v).toByteArray());
            assertEquals(v, in.vu());
            assertEquals(v, in.vs());
            in.done();
        }
    }

    @Test
    void overlongTooLongAndTruncatedFormsAreProtocolErrors() {
        for (String bad : new String[] {"8000", "ff00", "8080808000", "ffffffff10", "ffffffff8f01", "80", "ffff"}) {
            assertThrows(ProtocolException.class, () -> new WireReader(HexFormat.of().parseHex(bad)).vu(), bad);
        }
    }
}
