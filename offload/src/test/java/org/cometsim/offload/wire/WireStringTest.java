package org.cometsim.offload.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Strings on the wire: every UTF-16 unit alone, 1 to 3 bytes (modified UTF-8 with a one-byte U+0000). */
class WireStringTest {

    private static byte[] encode(String s) {
        return new WireWriter().utf(s).toByteArray();
    }

    private static String decode(String hexBody) {
        byte[] body = HexFormat.of().parseHex(hexBody);
        WireWriter w = new WireWriter();
        w.u4(body.length);
        w.raw(body, 0, body.length);
        WireReader r = new WireReader(w.toByteArray());
        String s = r.utf();
        r.done();
        return s;
    }

    @Test
    void layout() {
        assertArrayEquals(HexFormat.of().parseHex("00000000"), encode(""));
        assertArrayEquals(HexFormat.of().parseHex("0000000100"), encode("\u0000"));
        assertArrayEquals(HexFormat.of().parseHex("00000002c3a9"), encode("\u00e9"));
        assertArrayEquals(HexFormat.of().parseHex("00000003e4b8ad"), encode("\u4e2d"));
        // A supplementary character is its two surrogates, three bytes each (UTF-8 would take 4).
        assertArrayEquals(HexFormat.of().parseHex("00000006eda0bdedb880"), encode("\uD83D\uDE00"));
        assertArrayEquals(HexFormat.of().parseHex("00000003eda080"), encode("\uD800"));
    }

    @Test
    void textWithoutSurrogatesIsUtf8() {
        String s = "Ljava/lang/String; caf\u00e9 \u4e2d\u6587 \u07ff\u0800\uffff";
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] wire = encode(s);
        assertEquals(utf8.length, wire.length - 4);
        assertArrayEquals(utf8, java.util.Arrays.copyOfRange(wire, 4, wire.length));
    }

    @Test
    void everyUtf16UnitRoundTrips() {
        StringBuilder all = new StringBuilder(65536);
        for (int c = 0; c < 65536; c++) {
            all.append((char) c);
            String one = String.valueOf((char) c);
            WireReader r = new WireReader(encode(one));
            assertEquals(one, r.utf(), () -> "U+" + Integer.toHexString(one.charAt(0)));
        }
        assertEquals(all.toString(), new WireReader(encode(all.toString())).utf());
    }

    /** Fix: strings travelled as UTF-8, so an unpaired surrogate arrived as '?'. */
    @Test
    void unpairedSurrogatesSurvive() {
        for (String s : new String[] {"\uD800", "\uDFFF", "a\uDC00\uD800b", "end\uD83D", "\uDE00start"}) {
            assertEquals(s, new WireReader(encode(s)).utf());
        }
    }

    /** Fix: malformed bytes decoded to U+FFFD instead of failing, so two encodings gave one string. */
    @Test
    void malformedOrNonCanonicalBytesAreProtocolErrors() {
        for (String bad : new String[] {
            "c080",      // overlong U+0000
            "c1bf",      // overlong U+007F
            "e08080",    // overlong, three bytes
            "e09fbf",    // overlong U+07FF
            "f09f9880",  // a four-byte UTF-8 sequence: supplementary characters travel as surrogates
            "80",        // a continuation byte first
            "bf41",
            "c3",        // cut short
            "e4b8",
            "c341",      // not a continuation byte
            "e441ad",
            "ff",
            "f8",
        }) {
            assertThrows(ProtocolException.class, () -> decode(bad), bad);
        }
    }

    @Test
    void aLengthBeyondTheBufferIsAProtocolError() {
        assertThrows(ProtocolException.class, () -> new WireReader(HexFormat.of().parseHex("0000000541")).utf());
        assertThrows(ProtocolException.class, () -> new WireReader(HexFormat.of().parseHex("ffffffff41")).utf());
        assertThrows(ProtocolException.class, () -> new WireReader(HexFormat.of().parseHex("000000")).utf());
    }
}
