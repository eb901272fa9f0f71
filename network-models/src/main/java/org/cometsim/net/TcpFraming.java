package org.cometsim.net;

/**
 * How application bytes become bytes on the wire: split into segments of at most
 * {@code mssBytes} payload, each carrying {@code headerBytes} of headers.
 *
 * <p>{@link #TCP_IPV4_TIMESTAMPS} is TCP over IPv4 with the timestamp option on a 1500-byte
 * MTU: 20 B IPv4 (RFC 791) + 20 B TCP (RFC 793) + 12 B timestamp option padded (RFC 7323) =
 * 52 B per segment, MSS = 1500 − 52 = 1448 B. These are protocol constants, not measurements;
 * model-sources.md has no row for them. Link-layer framing (802.11 MAC, RLC/PDCP) is not
 * counted: the presets' rates are taken as IP-level rates.
 *
 * <p>{@link #NONE} sends the payload as is (one "segment", no headers); the hand-derivation
 * tests use it.
 */
public record TcpFraming(int mssBytes, int headerBytes) {

    public static final TcpFraming TCP_IPV4_TIMESTAMPS = new TcpFraming(1448, 52);
    public static final TcpFraming NONE = new TcpFraming(Integer.MAX_VALUE, 0);

    public TcpFraming {
        if (mssBytes <= 0 || headerBytes < 0) {
            throw new IllegalArgumentException("mss must be > 0 and header ≥ 0");
        }
    }

    /** Parses {@code "tcp-ipv4"} or {@code "none"}. */
    public static TcpFraming parse(String text) {
        return switch (text.trim()) {
            case "tcp-ipv4", "tcp-ipv4-timestamps" -> TCP_IPV4_TIMESTAMPS;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("framing must be tcp-ipv4 or none: " + text);
        };
    }

    /** Number of segments; an empty message still costs one (a bare header, e.g. an ACK). */
    public long segments(long payloadBytes) {
        if (payloadBytes <= 0) {
            return 1;
        }
        return (payloadBytes + mssBytes - 1) / mssBytes;
    }

    public long wireBytes(long payloadBytes) {
        if (this.equals(NONE)) {
            return Math.max(0, payloadBytes);
        }
        return Math.max(0, payloadBytes) + segments(payloadBytes) * headerBytes;
    }

    /** Wire size of segment {@code i} (0-based) of a message. */
    public long segmentWireBytes(long payloadBytes, long i) {
        if (this.equals(NONE)) {
            return Math.max(0, payloadBytes);
        }
        long start = i * mssBytes;
        return Math.max(0, Math.min(mssBytes, payloadBytes - start)) + headerBytes;
    }
}
