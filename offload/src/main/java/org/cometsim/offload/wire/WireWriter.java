package org.cometsim.offload.wire;

import java.util.Arrays;

/**
 * A growable big-endian byte buffer, the one way the protocol writes values (comet-reference §4:
 * Z/B u1, C/S u2, I/F u4, J/D u8, all big-endian). Not thread-safe; one per message.
 */
public final class WireWriter {
    private byte[] buf;
    private int size;

    public WireWriter() {
        this(256);
    }

    public WireWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Largest buffer (arrays cannot be much larger; no valid message comes near it). */
    private static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private void ensure(int more) {
        if (more > buf.length - size) {
            long need = (long) size + more;
            if (need > MAX_SIZE) {
                throw new IllegalArgumentException("an encoding of more than " + MAX_SIZE + " bytes");
            }
            buf = Arrays.copyOf(buf, (int) Math.min(MAX_SIZE, Math.max(2L * buf.length, need)));
        }
    }

    public WireWriter u1(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public WireWriter u2(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public WireWriter u4(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public WireWriter u8(long v) {
        u4((int) (v >>> 32));
        return u4((int) v);
    }

    public WireWriter bool(boolean v) {
        return u1(v ? 1 : 0);
    }

    /** A length-prefixed (u4) byte string. */
    public WireWriter bytes(byte[] b) {
        u4(b.length);
        return raw(b, 0, b.length);
    }

    public WireWriter raw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    /**
     * A string: u4 byte count, then each UTF-16 unit as UTF-8 would encode a code point of that
     * value (1 byte below U+0080, 2 below U+0800, else 3; a surrogate is 3 bytes on its own). That
     * is Java's modified UTF-8 (dex string data) without the two-byte U+0000, or CESU-8: any Java
     * string travels, unpaired surrogates included (real UTF-8 would turn them into '?'), and
     * ASCII text is one byte a character as in UTF-8.
     */
    public WireWriter utf(String s) {
        int len = utfLength(s);
        u4(len);
        return utfBody(s, len);
    }

    /** A string as {@link #utf} writes it, but its byte count a {@link #vu} (names: PROTOCOL.md §1). */
    public WireWriter vutf(String s) {
        int len = utfLength(s);
        vu(len);
        return utfBody(s, len);
    }

    /**
     * A {@code vu}: an unsigned 32-bit value (the int's bits) in 7-bit groups, least significant
     * first, the high bit of each byte set when another follows (LEB128), in as few bytes as the
     * value needs (1 to 5).
     */
    public WireWriter vu(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buf[size++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    /** A {@code vs}: a signed 32-bit value zigzagged (0, -1, 1, -2 ... become 0, 1, 2, 3 ...) as a {@link #vu}. */
    public WireWriter vs(int v) {
        return vu(v << 1 ^ v >> 31);
    }

    private static int utfLength(String s) {
        int n = s.length();
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            len += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return len;
    }

    private WireWriter utfBody(String s, int len) {
        int n = s.length();
        ensure(len);
        byte[] b = buf;
        int p = size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        size = p;
        return this;
    }

    public int size() {
        return size;
    }

    /** Overwrites the u4 at {@code at} (a length written before its body was known). */
    public void patchU4(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
