package org.cometsim.offload.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * COMET's framing (comet-reference §4): per-thread streams multiplexed on one connection, each
 * frame {u4 stream id, u4 payload size} followed by at most {@link #MAX_PAYLOAD} payload bytes.
 * On a stream, every message is preceded by its u4 length, so a message may span frames. With
 * compression on, the payloads of one direction form one zlib (deflate) stream, flushed with
 * {@code Z_SYNC_FLUSH} at the end of every frame so each frame can be inflated on arrival; a
 * frame then carries at most {@link #MAX_PAYLOAD} bytes of stream once inflated too.
 *
 * <p>One {@link Sender} and one {@link Receiver} per direction: the compressor's state is the
 * direction's whole history, exactly as on a real connection, and the bytes the sender returns are
 * what goes on the wire (the simulator charges the link for exactly these). {@code PROTOCOL.md}
 * has the layout and the limits.
 */
public final class Framing {
    private Framing() {
    }

    /** Most payload bytes in one frame, on the wire and (compressed) once inflated (COMET: 64 KiB). */
    public static final int MAX_PAYLOAD = 64 * 1024;
    /** Bytes of a frame header. */
    public static final int HEADER = 8;
    /** Largest message a receiver accepts (a guard against a corrupt or hostile length): 256 MiB. */
    public static final int MAX_MESSAGE = 256 << 20;
    /**
     * Stream bytes a compressed frame carries. Deflate can expand incompressible input slightly
     * (zlib's {@code deflateBound}: about 0.03% plus a few bytes, plus 2 bytes of zlib header in the
     * first frame and at most 5 of sync-flush marker); 256 bytes below the limit keeps such a
     * frame within {@link #MAX_PAYLOAD}. Should it not, the compressed bytes are cut into two
     * frames: the receiver inflates frames as a stream, so that is valid too.
     */
    static final int COMPRESSED_CHUNK = MAX_PAYLOAD - 256;

    /** Turns messages into frames for one direction. */
    public static final class Sender implements AutoCloseable {
        private final Deflater deflater;
        private final byte[] deflated;

        /** @param compress zlib on (one deflate stream for the direction) or off */
        public Sender(boolean compress) {
            this.deflater = compress ? new Deflater(Deflater.DEFAULT_COMPRESSION) : null;
            this.deflated = compress ? new byte[MAX_PAYLOAD + 1024] : null;
        }

        /**
         * The frames of {@code message} on {@code stream}: the bytes that go on the wire.
         *
         * @throws IllegalArgumentException if the message is longer than {@link #MAX_MESSAGE}
         */
        public byte[] frame(int stream, byte[] message) {
            if (message.length > MAX_MESSAGE) {
                throw new IllegalArgumentException("a message of " + message.length + " bytes (at most " + MAX_MESSAGE + ")");
            }
            byte[] length = {(byte) (message.length >>> 24), (byte) (message.length >>> 16),
                (byte) (message.length >>> 8), (byte) message.length};
            int total = 4 + message.length;
            int chunk = deflater == null ? MAX_PAYLOAD : COMPRESSED_CHUNK;
            WireWriter out = new WireWriter(deflater == null ? total + HEADER * (total / chunk + 1) : total / 2 + 64);
            // The stream bytes are the length then the message; a frame takes the next chunk of them.
            byte[] chunkBuf = null;
            for (int off = 0; off < total; off += chunk) {
                int len = Math.min(chunk, total - off);
                if (off == 0) {
                    // The first chunk starts with the length: copy it together (the only copy).
                    chunkBuf = new byte[len];
                    System.arraycopy(length, 0, chunkBuf, 0, 4);
                    System.arraycopy(message, 0, chunkBuf, 4, len - 4);
                    emit(out, stream, chunkBuf, 0, len);
                } else {
                    emit(out, stream, message, off - 4, len);
                }
            }
            return out.toByteArray();
        }

        private void emit(WireWriter out, int stream, byte[] b, int off, int len) {
            if (deflater == null) {
                out.u4(stream).u4(len).raw(b, off, len);
                return;
            }
            deflater.setInput(b, off, len);
            int n = 0;
            while (true) {
                int k = deflater.deflate(deflated, n, deflated.length - n, Deflater.SYNC_FLUSH);
                n += k;
                if (n < deflated.length) {
                    break; // not full: the flush is complete (Deflater's contract for SYNC_FLUSH)
                }
                // Never with COMPRESSED_CHUNK input, but correct anyway: send what fits, go on.
                out.u4(stream).u4(MAX_PAYLOAD).raw(deflated, 0, MAX_PAYLOAD);
                System.arraycopy(deflated, MAX_PAYLOAD, deflated, 0, n - MAX_PAYLOAD);
                n -= MAX_PAYLOAD;
            }
            for (int at = 0; at < n; at += MAX_PAYLOAD) {
                int size = Math.min(MAX_PAYLOAD, n - at);
                out.u4(stream).u4(size).raw(deflated, at, size);
            }
        }

        /** Releases the compressor's native memory (also done when the sender is collected). */
        @Override
        public void close() {
            if (deflater != null) {
                deflater.end();
            }
        }
    }

    /** A complete message that arrived on a stream. */
    public record Arrived(int stream, byte[] message) {
    }

    /**
     * Reassembles frames of one direction into messages, inflating them if compression is on.
     * Memory stays proportional to the bytes that arrived (a claimed length allocates nothing
     * until its bytes come), and every byte is copied a bounded number of times whatever the
     * split. After a {@link ProtocolException} the direction is unusable: every later call throws.
     */
    public static final class Receiver implements AutoCloseable {
        private final Inflater inflater;
        private final byte[] inflated;
        private final byte[] header = new byte[HEADER];
        private int headerFill;
        private int frameStream;
        private int payloadSize;
        /** Payload of a frame that arrived in pieces (null: the frame is taken from the input directly). */
        private byte[] payload;
        private int payloadFill;
        private final Map<Integer, StreamBuffer> streams = new HashMap<>();
        private String failure;

        public Receiver(boolean compress) {
            this.inflater = compress ? new Inflater() : null;
            this.inflated = compress ? new byte[MAX_PAYLOAD + 1] : null;
        }

        /**
         * Takes the next bytes of the direction (any split: whole frames, parts of frames) and
         * returns the messages they complete, in order.
         *
         * @throws ProtocolException on a corrupt frame or an oversized payload or message, and on
         *     every call after one
         */
        public List<Arrived> accept(byte[] bytes) {
            return accept(bytes, 0, bytes.length);
        }

        /** {@link #accept(byte[])} of {@code len} bytes of {@code b} from {@code off}. */
        public List<Arrived> accept(byte[] b, int off, int len) {
            if (failure != null) {
                throw new ProtocolException("the connection failed earlier: " + failure);
            }
            try {
                List<Arrived> out = new ArrayList<>();
                int p = off;
                int end = off + len;
                while (p < end) {
                    if (headerFill < HEADER) {
                        int n = Math.min(HEADER - headerFill, end - p);
                        System.arraycopy(b, p, header, headerFill, n);
                        headerFill += n;
                        p += n;
                        if (headerFill == HEADER) {
                            startFrame(out);
                        }
                        continue;
                    }
                    int n = Math.min(payloadSize - payloadFill, end - p);
                    if (payloadFill == 0 && n == payloadSize) {
                        frameDone(b, p, n, out); // the whole payload is here: no copy
                    } else {
                        if (payload == null) {
                            payload = new byte[payloadSize];
                        }
                        System.arraycopy(b, p, payload, payloadFill, n);
                        payloadFill += n;
                        if (payloadFill == payloadSize) {
                            byte[] whole = payload;
                            payload = null;
                            frameDone(whole, 0, payloadSize, out);
                        }
                    }
                    p += n;
                }
                return out;
            } catch (ProtocolException e) {
                failure = e.getMessage();
                throw e;
            }
        }

        private void startFrame(List<Arrived> out) {
            frameStream = u4(header, 0);
            int size = u4(header, 4);
            if (size < 0 || size > MAX_PAYLOAD) {
                throw new ProtocolException("frame payload of " + (size & 0xffffffffL) + " bytes (at most " + MAX_PAYLOAD + ")");
            }
            payloadSize = size;
            payloadFill = 0;
            if (size == 0) {
                frameDone(header, 0, 0, out);
            }
        }

        private void frameDone(byte[] b, int off, int len, List<Arrived> out) {
            headerFill = 0;
            payloadFill = 0;
            StreamBuffer s = streams.get(frameStream);
            if (s == null) {
                s = new StreamBuffer();
                streams.put(frameStream, s);
            }
            if (inflater == null) {
                s.feed(frameStream, b, off, len, out);
            } else {
                int n = inflate(b, off, len);
                s.feed(frameStream, inflated, 0, n, out);
            }
            if (s.idle()) {
                streams.remove(frameStream); // streams come and go with threads: keep only partial messages
            }
        }

        /** Inflates one frame's payload into {@link #inflated}; returns the byte count. */
        private int inflate(byte[] b, int off, int len) {
            inflater.setInput(b, off, len);
            int n = 0;
            try {
                while (true) {
                    // The buffer has one byte more than a frame may carry: filling it means too much.
                    int k = inflater.inflate(inflated, n, inflated.length - n);
                    n += k;
                    if (n > MAX_PAYLOAD) {
                        throw new ProtocolException("a frame inflates to more than " + MAX_PAYLOAD + " bytes");
                    }
                    if (inflater.finished()) {
                        throw new ProtocolException("the compressed stream ended (a direction's stream never ends)");
                    }
                    if (inflater.needsDictionary()) {
                        throw new ProtocolException("the compressed stream needs a preset dictionary");
                    }
                    if (k == 0) {
                        if (inflater.needsInput()) {
                            return n;
                        }
                        // No progress with input and output space left: zlib cannot go on.
                        throw new ProtocolException("the compressed stream is stuck");
                    }
                }
            } catch (DataFormatException e) {
                throw new ProtocolException("corrupt compressed frame: " + e.getMessage());
            }
        }

        /** Releases the decompressor's native memory (also done when the receiver is collected). */
        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    /**
     * One stream's bytes between messages: its next message's length, then the message, grown as
     * its bytes arrive (doubling, so a claimed length costs nothing before its bytes come).
     */
    private static final class StreamBuffer {
        private final byte[] length = new byte[4];
        private int lengthFill;
        private int messageSize;
        private byte[] message;
        private int messageFill;

        boolean idle() {
            return lengthFill == 0;
        }

        void feed(int stream, byte[] b, int off, int len, List<Arrived> out) {
            int p = off;
            int end = off + len;
            while (p < end) {
                if (lengthFill < 4) {
                    int n = Math.min(4 - lengthFill, end - p);
                    System.arraycopy(b, p, length, lengthFill, n);
                    lengthFill += n;
                    p += n;
                    if (lengthFill == 4) {
                        messageSize = u4(length, 0);
                        if (messageSize < 0 || messageSize > MAX_MESSAGE) {
                            throw new ProtocolException("message of " + (messageSize & 0xffffffffL) + " bytes on stream "
                                    + stream + " (at most " + MAX_MESSAGE + ")");
                        }
                        messageFill = 0;
                        message = new byte[Math.min(messageSize, Math.max(end - p, 64))];
                        if (messageSize == 0) {
                            complete(stream, out);
                        }
                    }
                    continue;
                }
                int n = Math.min(messageSize - messageFill, end - p);
                if (messageFill + n > message.length) {
                    message = Arrays.copyOf(message, (int) Math.min(messageSize, Math.max(2L * message.length, messageFill + n)));
                }
                System.arraycopy(b, p, message, messageFill, n);
                messageFill += n;
                p += n;
                if (messageFill == messageSize) {
                    complete(stream, out);
                }
            }
        }

        private void complete(int stream, List<Arrived> out) {
            out.add(new Arrived(stream, message));
            message = null;
            lengthFill = 0;
        }
    }

    private static int u4(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }
}
