package org.cometsim.offload.wire;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link WireWriter} wrote, checking every bound: reading past the end, a negative or
 * oversized length, or bytes left over are {@link ProtocolException}s, never host exceptions.
 */
public final class WireReader {
    private final byte[] buf;
    private int pos;
    private final int end;

    public WireReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public WireReader(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || len > buf.length - off) {
            throw new ProtocolException("bad slice " + off + "+" + len + " of " + buf.length + " bytes");
        }
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    private void need(int n) {
        if (n < 0 || end - pos < n) {
            throw new ProtocolException("truncated: need " + n + " more byte(s) at offset " + pos + ", have " + (end - pos));
        }
    }

    public int u1() {
        need(1);
        return buf[pos++] & 0xff;
    }

    public int u2() {
        need(2);
        int v = (buf[pos] & 0xff) << 8 | buf[pos + 1] & 0xff;
        pos += 2;
        return v;
    }

    public int u4() {
        need(4);
        int v = (buf[pos] & 0xff) << 24 | (buf[pos + 1] & 0xff) << 16 | (buf[pos + 2] & 0xff) << 8 | buf[pos + 3] & 0xff;
        pos += 4;
        return v;
    }

    public long u8() {
        long hi = u4() & 0xffffffffL;
        return hi << 32 | u4() & 0xffffffffL;
    }

    public boolean bool() {
        int b = u1();
        if (b > 1) {
            throw new ProtocolException("boolean byte " + b + " at offset " + (pos - 1));
        }
        return b == 1;
    }

    /**
     * A u4 count of items each at least {@code minBytes} (at least 1) long, which must follow: a
     * count the remaining bytes cannot hold is a {@link ProtocolException}, so a corrupt count
     * never makes the decoder allocate more than the message's size.
     */
    public int count(int minBytes) {
        return count(minBytes, Integer.MAX_VALUE);
    }

    /** As {@link #count(int)}, and at most {@code max}. */
    public int count(int minBytes, int max) {
        int at = pos;
        int n = u4();
        if (n < 0 || n > max || (long) n * minBytes > end - pos) {
            throw new ProtocolException("count " + (n & 0xffffffffL) + " at offset " + at + " out of range (at most "
                    + Math.min(max, (end - pos) / minBytes) + ")");
        }
        return n;
    }

    public byte[] bytes() {
        int n = count(1);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    /** {@code n} bytes as they are. */
    public byte[] raw(int n) {
        need(n);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    /**
     * A string as {@link WireWriter#utf} writes it. Decoding is strict, so every string has exactly
     * one encoding: a byte that cannot start a unit (a continuation byte, 0xF0 and above), a
     * missing continuation byte or an overlong form is a {@link ProtocolException}.
     */
    public String utf() {
        return utfBody(count(1));
    }

    /** A string as {@link WireWriter#vutf} writes it: a {@link #vu} byte count, then as {@link #utf}. */
    public String vutf() {
        int at = pos;
        long n = vu() & 0xFFFFFFFFL;
        if (n > end - pos) {
            throw new ProtocolException("string length " + n + " at offset " + at + " past the end of the message");
        }
        return utfBody((int) n);
    }

    /**
     * A {@link WireWriter#vu}: strict, so every value has one encoding. More than 5 bytes, a fifth
     * byte above 0x0f (bits past 32) or a last byte 0 after others (an overlong form) is a
     * {@link ProtocolException}.
     */
    public int vu() {
        int at = pos;
        int v = 0;
        for (int k = 0; k < 5; k++) {
            need(1);
            int b = buf[pos++] & 0xFF;
            if (k == 4 && b > 0x0F) {
                throw new ProtocolException("varint at offset " + at + " exceeds 32 bits");
            }
            v |= (b & 0x7F) << 7 * k;
            if ((b & 0x80) == 0) {
                if (b == 0 && k > 0) {
                    throw new ProtocolException("overlong varint at offset " + at);
                }
                return v;
            }
        }
        throw new ProtocolException("varint at offset " + at + " longer than 5 bytes");
    }

    /** A {@link WireWriter#vs}. */
    public int vs() {
        int z = vu();
        return z >>> 1 ^ -(z & 1);
    }

    /** A {@link #vu} count of items each at least {@code minBytes} long, at most {@code max}, bounded as {@link #count(int)}. */
    public int vcount(int minBytes, int max) {
        int at = pos;
        long n = vu() & 0xFFFFFFFFL;
        if (n > max || n * minBytes > end - pos) {
            throw new ProtocolException("count " + n + " at offset " + at + " out of range (at most "
                    + Math.min(max, (end - pos) / minBytes) + ")");
        }
        return (int) n;
    }

    private String utfBody(int n) {
        int start = pos;
        int limit = start + n;
        int p = start;
        while (p < limit && buf[p] >= 0) {
            p++;
        }
        if (p == limit) {
            pos = limit;
            return new String(buf, start, n, StandardCharsets.ISO_8859_1);
        }
        char[] out = new char[n];
        int k = 0;
        for (int i = start; i < p; i++) {
            out[k++] = (char) buf[i];
        }
        while (p < limit) {
            int b = buf[p] & 0xFF;
            if (b < 0x80) {
                out[k++] = (char) b;
                p++;
            } else if ((b & 0xE0) == 0xC0) {
                int c = (b & 0x1F) << 6 | continuation(p + 1, limit);
                if (c < 0x80) {
                    throw new ProtocolException("overlong string byte sequence at offset " + p);
                }
                out[k++] = (char) c;
                p += 2;
            } else if ((b & 0xF0) == 0xE0) {
                int c = (b & 0x0F) << 12 | continuation(p + 1, limit) << 6 | continuation(p + 2, limit);
                if (c < 0x800) {
                    throw new ProtocolException("overlong string byte sequence at offset " + p);
                }
                out[k++] = (char) c;
                p += 3;
            } else {
                throw new ProtocolException("string byte 0x" + Integer.toHexString(b) + " at offset " + p);
            }
        }
        pos = limit;
        return new String(out, 0, k);
    }

    private int continuation(int at, int limit) {
        if (at >= limit || (buf[at] & 0xC0) != 0x80) {
            throw new ProtocolException("string byte sequence cut short at offset " + at);
        }
        return buf[at] & 0x3F;
    }

    /** The offset of the next byte (for messages). */
    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    /** Everything was read. */
    public void done() {
        if (pos != end) {
            throw new ProtocolException((end - pos) + " unexpected trailing byte(s)");
        }
    }
}
