package org.cometsim.offload.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * COMET's framing (comet-reference §4): per-thread streams multiplexed on one connection, each
 * frame {u4 stream id, u4 payload size} followed by at most {@link #MAX_PAYLOAD} bytes; with
 * compression on, the payloads of one direction form one zlib (deflate) stream, flushed with
 * {@code Z_SYNC_FLUSH} at the end of every frame so each frame can be inflated on arrival.
 * On a stream, every message is preceded by its u4 length, so a message may span frames.
 *
 * <p>One {@link Sender} and one {@link Receiver} per direction: the compressor's state is the
 * direction's whole history, exactly as on a real connection, and the bytes the sender returns are
 * what goes on the wire (the simulator charges the link for exactly these).
 */
public final class Framing {
    private Framing() {
    }

    /** Most payload bytes in one frame (COMET: 64 KiB). */
    public static final int MAX_PAYLOAD = 64 * 1024;
    /** Bytes of a frame header. */
    public static final int HEADER = 8;
    /** Largest message a receiver accepts (a guard against a corrupt or hostile length): 256 MiB. */
    public static final int MAX_MESSAGE = 256 << 20;

    /** Turns messages into frames for one direction. */
    public static final class Sender {
        private final Deflater deflater;

        /** @param compress zlib on (one deflate stream for the direction) or off */
        public Sender(boolean compress) {
            this.deflater = compress ? new Deflater(Deflater.DEFAULT_COMPRESSION) : null;
        }

        /** The frames of {@code message} on {@code stream}: the bytes that go on the wire. */
        public byte[] frame(int stream, byte[] message) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 64);
            byte[] body = new byte[message.length + 4];
            int n = message.length;
            body[0] = (byte) (n >>> 24);
            body[1] = (byte) (n >>> 16);
            body[2] = (byte) (n >>> 8);
            body[3] = (byte) n;
            System.arraycopy(message, 0, body, 4, n);
            for (int off = 0; off < body.length; off += MAX_PAYLOAD) {
                int len = Math.min(MAX_PAYLOAD, body.length - off);
                byte[] payload = deflater == null ? java.util.Arrays.copyOfRange(body, off, off + len) : deflate(body, off, len);
                writeU4(out, stream);
                writeU4(out, payload.length);
                out.write(payload, 0, payload.length);
            }
            return out.toByteArray();
        }

        private byte[] deflate(byte[] b, int off, int len) {
            deflater.setInput(b, off, len);
            ByteArrayOutputStream out = new ByteArrayOutputStream(len / 2 + 64);
            byte[] buf = new byte[Math.max(64, len + 64)];
            while (true) {
                int k = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                out.write(buf, 0, k);
                if (k < buf.length) {
                    break;
                }
            }
            return out.toByteArray();
        }
    }

    /** A complete message that arrived on a stream. */
    public record Arrived(int stream, byte[] message) {
    }

    /** Reassembles frames of one direction into messages, inflating them if compression is on. */
    public static final class Receiver {
        private final Inflater inflater;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final Map<Integer, ByteArrayOutputStream> streams = new HashMap<>();

        public Receiver(boolean compress) {
            this.inflater = compress ? new Inflater() : null;
        }

        /**
         * Takes the next bytes of the direction (any split: whole frames, parts of frames) and
         * returns the messages they complete, in order.
         *
         * @throws ProtocolException on a corrupt frame or an oversized payload or message
         */
        public List<Arrived> accept(byte[] bytes) {
            pending.write(bytes, 0, bytes.length);
            byte[] buf = pending.toByteArray();
            int pos = 0;
            List<Arrived> out = new ArrayList<>();
            while (buf.length - pos >= HEADER) {
                int stream = readU4(buf, pos);
                int size = readU4(buf, pos + 4);
                int limit = inflater == null ? MAX_PAYLOAD : MAX_PAYLOAD + MAX_PAYLOAD / 8 + 1024;
                if (size < 0 || size > limit) {
                    throw new ProtocolException("frame payload of " + (size & 0xffffffffL) + " bytes (at most " + limit + ")");
                }
                if (buf.length - pos - HEADER < size) {
                    break;
                }
                byte[] payload = java.util.Arrays.copyOfRange(buf, pos + HEADER, pos + HEADER + size);
                pos += HEADER + size;
                byte[] plain = inflater == null ? payload : inflate(payload);
                ByteArrayOutputStream s = streams.computeIfAbsent(stream, k -> new ByteArrayOutputStream());
                s.write(plain, 0, plain.length);
                drain(stream, s, out);
            }
            pending.reset();
            pending.write(buf, pos, buf.length - pos);
            return out;
        }

        private void drain(int stream, ByteArrayOutputStream s, List<Arrived> out) {
            byte[] data = s.toByteArray();
            int pos = 0;
            while (data.length - pos >= 4) {
                int n = readU4(data, pos);
                if (n < 0 || n > MAX_MESSAGE) {
                    throw new ProtocolException("message of " + (n & 0xffffffffL) + " bytes on stream " + stream);
                }
                if (data.length - pos - 4 < n) {
                    break;
                }
                out.add(new Arrived(stream, java.util.Arrays.copyOfRange(data, pos + 4, pos + 4 + n)));
                pos += 4 + n;
            }
            s.reset();
            s.write(data, pos, data.length - pos);
        }

        private byte[] inflate(byte[] payload) {
            inflater.setInput(payload);
            ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length * 3 + 64);
            byte[] buf = new byte[Math.max(256, payload.length * 4)];
            try {
                while (true) {
                    int k = inflater.inflate(buf);
                    out.write(buf, 0, k);
                    if (out.size() > MAX_PAYLOAD + 4) {
                        throw new ProtocolException("a frame inflates to more than " + MAX_PAYLOAD + " bytes");
                    }
                    if (k == 0 && (inflater.needsInput() || inflater.finished())) {
                        break;
                    }
                    if (inflater.needsDictionary()) {
                        throw new ProtocolException("compressed frame needs a dictionary");
                    }
                }
            } catch (DataFormatException e) {
                throw new ProtocolException("corrupt compressed frame: " + e.getMessage());
            }
            return out.toByteArray();
        }
    }

    private static void writeU4(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static int readU4(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }
}
