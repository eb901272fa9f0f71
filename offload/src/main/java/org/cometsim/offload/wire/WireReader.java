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
        if (off < 0 || len < 0 || off + len > buf.length) {
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

    /** A count that must be between 0 and {@code max} (a guard against a corrupt length). */
    public int count(int max) {
        int n = u4();
        if (n < 0 || n > max) {
            throw new ProtocolException("count " + (n & 0xffffffffL) + " out of range [0, " + max + "] at offset " + (pos - 4));
        }
        return n;
    }

    public byte[] bytes() {
        int n = count(end - pos);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    public String utf() {
        int n = count(end - pos);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
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
