package org.cometsim.testbed;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

import org.cometsim.offload.Transport;
import org.cometsim.offload.wire.Framing;

/**
 * An endpoint's bytes over a real TCP socket (already authenticated, {@link Handshake}).
 *
 * <h2>Threads</h2>
 * The endpoint and its VM live on the {@link WallClockDriver}'s thread; this transport adds two:
 * <ul>
 *   <li>a <b>reader</b> that reads whole frames ({@code Framing}: u4 stream, u4 size, payload) and
 *       queues each, stamped with its arrival time on the driver's clock, as a task for the
 *       driver, which hands it to {@code OffloadEndpoint.receive} between slices. A frame whose
 *       header claims more than {@code maxFrame} payload bytes ends the connection before
 *       anything is allocated for it;</li>
 *   <li>a <b>writer</b> that puts each send on the wire no earlier than its time on the driver's
 *       clock: a paced VM may run ahead of the wall clock by one slice, and its messages must not
 *       leave before the instant its CPU model says they were sent.</li>
 * </ul>
 * A peer that stops reading blocks only the writer; the queued bytes are bounded and
 * {@link #stalledSince} lets the owner close a connection whose writes do not progress.
 *
 * <h2>Round-trip time</h2>
 * SRTT and RTTVAR follow RFC 6298 (α = 1/8, β = 1/4, first sample: SRTT = R, RTTVAR = R/2) over
 * application-level round trips this transport can time: the handshake's first exchange, then a
 * small ping every {@link #PING_PERIOD_NANOS} on a reserved stream id ({@link #PING_STREAM}) that
 * the peer's transport answers itself (the endpoints never see it, and the metrics never count
 * it). COMET reads the kernel's TCP_INFO; pings measure the same path through a link shaper.
 */
public final class TcpTransport implements Transport, AutoCloseable {
    /** A stream id no endpoint uses (thread streams are small): transport pings and pongs. */
    public static final int PING_STREAM = -1;
    static final long PING_PERIOD_NANOS = 200_000_000L;
    /** Bytes queued for the writer beyond which the connection is cut (the peer does not read). */
    public static final long DEFAULT_MAX_QUEUED = 64L << 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final WallClockDriver driver;
    private final int maxFrame;
    private final long maxQueued;
    private final String label;
    private final ArrayDeque<byte[]> outQueue = new ArrayDeque<>();
    private final ArrayDeque<Long> outTimes = new ArrayDeque<>();
    private long queuedBytes;
    private volatile boolean connected = true;
    private volatile String closeReason;
    private volatile long writeStartedWall = -1;
    private final Object rttLock = new Object();
    private final org.cometsim.offload.RttEstimator rtt = new org.cometsim.offload.RttEstimator();
    private long pingSentWall = -1;
    private long pingId;
    private volatile long bytesSent;
    private volatile long bytesReceived;
    private final Thread reader;
    private final Thread writer;
    private final Thread pinger;

    /**
     * @param handshakeRttNanos the handshake's round trip (the first RTT sample), or 0
     * @param maxFrame most payload bytes a frame may claim ({@link Framing#MAX_PAYLOAD} at most)
     */
    public TcpTransport(Socket socket, WallClockDriver driver, long handshakeRttNanos, int maxFrame, long maxQueued,
                        String label) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.driver = driver;
        this.maxFrame = Math.min(maxFrame, Framing.MAX_PAYLOAD);
        this.maxQueued = maxQueued;
        this.label = label;
        if (handshakeRttNanos > 0) {
            sample(handshakeRttNanos);
        }
        socket.setTcpNoDelay(true);
        this.reader = new Thread(this::readLoop, label + "-reader");
        this.writer = new Thread(this::writeLoop, label + "-writer");
        this.pinger = new Thread(this::pingLoop, label + "-pinger");
        for (Thread t : new Thread[] {reader, writer, pinger}) {
            t.setDaemon(true);
        }
    }

    /** Starts the reader, writer and pinger (after the driver has the endpoint to deliver to). */
    public void start() {
        reader.start();
        writer.start();
        pinger.start();
    }

    @Override
    public void send(byte[] bytes, long atNanos) {
        if (!connected) {
            return;
        }
        boolean over;
        synchronized (outQueue) {
            queuedBytes += bytes.length;
            over = queuedBytes > maxQueued;
            if (!over) {
                outQueue.add(bytes);
                outTimes.add(atNanos);
                outQueue.notifyAll();
            }
        }
        if (over) {
            fail("more than " + maxQueued + " bytes queued: the peer does not read");
        }
    }

    private void writeLoop() {
        try {
            while (connected) {
                byte[] b;
                long at;
                synchronized (outQueue) {
                    while (connected && outQueue.isEmpty()) {
                        outQueue.wait(100);
                    }
                    if (!connected) {
                        return;
                    }
                    b = outQueue.peek();
                    at = outTimes.peek();
                }
                long wait = at - driver.clockNanos();
                if (wait > 0) {
                    // The VM's clock is ahead of the wall clock (paced): the bytes leave at their time.
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    continue;
                }
                synchronized (outQueue) {
                    outQueue.poll();
                    outTimes.poll();
                    queuedBytes -= b.length;
                }
                write(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            fail("write: " + e.getMessage());
        }
    }

    private void write(byte[] b) throws IOException {
        synchronized (out) {
            writeStartedWall = System.nanoTime();
            out.write(b);
            out.flush();
            writeStartedWall = -1;
            bytesSent += b.length;
        }
    }

    private void readLoop() {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[Framing.HEADER];
        try {
            while (connected) {
                data.readFully(header);
                ByteBuffer h = ByteBuffer.wrap(header);
                int stream = h.getInt();
                long size = h.getInt() & 0xffffffffL;
                if (size > maxFrame) {
                    throw new java.net.ProtocolException("a frame claims " + size + " payload bytes (at most " + maxFrame + ")");
                }
                byte[] frame = new byte[Framing.HEADER + (int) size];
                System.arraycopy(header, 0, frame, 0, Framing.HEADER);
                data.readFully(frame, Framing.HEADER, (int) size);
                bytesReceived += frame.length;
                if (stream == PING_STREAM) {
                    control(frame);
                    continue;
                }
                awaitInboundRoom(frame.length);
                driver.arrived(this, frame, driver.clockNanos());
            }
        } catch (EOFException e) {
            fail("the peer closed the connection");
        } catch (IOException e) {
            fail(e instanceof java.net.ProtocolException ? e.getMessage() : "read: " + e.getMessage());
        }
    }

    /**
     * Backpressure: the reader stops reading (and TCP stops the peer) while more than
     * {@link #MAX_INBOUND_PENDING} bytes wait for the driver, so a fast or hostile peer cannot fill
     * this process's memory with queued frames.
     */
    private void awaitInboundRoom(int n) throws IOException {
        synchronized (inboundLock) {
            while (inboundPending > 0 && inboundPending + n > MAX_INBOUND_PENDING && connected) {
                try {
                    inboundLock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
            }
            inboundPending += n;
        }
    }

    /** The driver took a frame of {@code n} bytes off the queue. */
    void delivered(int n) {
        synchronized (inboundLock) {
            inboundPending -= n;
            inboundLock.notifyAll();
        }
    }

    /** Bytes of arrived frames the driver may have queued before the reader waits. */
    static final long MAX_INBOUND_PENDING = 8L << 20;
    private final Object inboundLock = new Object();
    private long inboundPending;

    /**
     * A control frame on {@link #PING_STREAM}: u1 kind, then its payload. 0 ping (u8 id: answer
     * it), 1 pong (u8 id: an RTT sample), 2 report request (the session's counts, produced on the
     * driver's thread), 3 report (UTF-8 text).
     */
    private void control(byte[] frame) throws IOException {
        int n = frame.length - Framing.HEADER;
        if (n < 1) {
            throw new java.net.ProtocolException("an empty control frame");
        }
        byte kind = frame[Framing.HEADER];
        if (kind == 0 || kind == 1) {
            if (n != 9) {
                throw new java.net.ProtocolException("a malformed transport ping");
            }
            long id = ByteBuffer.wrap(frame, Framing.HEADER + 1, 8).getLong();
            if (kind == 0) {
                write(controlFrame((byte) 1, ByteBuffer.allocate(8).putLong(id).array()));
            } else {
                synchronized (rttLock) {
                    if (id == pingId && pingSentWall >= 0) {
                        sample(System.nanoTime() - pingSentWall);
                        pingSentWall = -1;
                    }
                }
            }
        } else if (kind == 2) {
            java.util.function.Supplier<String> source = reportSource;
            if (source != null) {
                driver.submit(driver.clockNanos(), () -> send(controlFrame((byte) 3,
                        source.get().getBytes(java.nio.charset.StandardCharsets.UTF_8)), driver.nowNanos()));
            }
        } else if (kind == 3) {
            report.complete(new String(frame, Framing.HEADER + 1, n - 1, java.nio.charset.StandardCharsets.UTF_8));
        } else {
            throw new java.net.ProtocolException("unknown control frame " + kind);
        }
    }

    private volatile java.util.function.Supplier<String> reportSource;
    private final java.util.concurrent.CompletableFuture<String> report = new java.util.concurrent.CompletableFuture<>();

    /** The server's side: what to answer a report request with (called on the driver's thread). */
    public void onReportRequest(java.util.function.Supplier<String> source) {
        this.reportSource = source;
    }

    /** The phone's side: asks the peer for its report and waits for it (null if none came in time). */
    public String requestReport(long waitMillis) {
        try {
            write(controlFrame((byte) 2, new byte[0]));
            return report.get(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static byte[] controlFrame(byte kind, byte[] payload) {
        return ByteBuffer.allocate(Framing.HEADER + 1 + payload.length).putInt(PING_STREAM).putInt(1 + payload.length)
                .put(kind).put(payload).array();
    }

    private void pingLoop() {
        try {
            while (connected) {
                byte[] f;
                synchronized (rttLock) {
                    pingId++;
                    pingSentWall = System.nanoTime();
                    f = controlFrame((byte) 0, ByteBuffer.allocate(8).putLong(pingId).array());
                }
                write(f);
                Thread.sleep(PING_PERIOD_NANOS / 1_000_000L);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            fail("write: " + e.getMessage());
        }
    }

    private void sample(long r) {
        synchronized (rttLock) {
            rtt.sample(r);
        }
    }

    @Override
    public long srttNanos() {
        synchronized (rttLock) {
            return rtt.srttNanos();
        }
    }

    @Override
    public long rttVarNanos() {
        synchronized (rttLock) {
            return rtt.rttVarNanos();
        }
    }

    /** Whether at least one round trip was timed. */
    public boolean sampled() {
        synchronized (rttLock) {
            return rtt.sampled();
        }
    }

    @Override
    public boolean connected() {
        return connected;
    }

    /** Why the connection ended (null while it is up). */
    public String closeReason() {
        return closeReason;
    }

    /** Wall time ({@code System.nanoTime}) since which a write has been blocked, or -1. */
    public long stalledSince() {
        return writeStartedWall;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    /** The connection ends for {@code reason}; the driver hears of it once, on its own thread. */
    public void fail(String reason) {
        synchronized (this) {
            if (!connected) {
                return;
            }
            connected = false;
            closeReason = reason;
        }
        synchronized (outQueue) {
            outQueue.clear();
            outTimes.clear();
            outQueue.notifyAll();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pinger.interrupt();
        driver.closed(this, reason);
    }

    /** Flushes what is queued (up to {@code waitMillis}), then closes. */
    public void drainAndClose(long waitMillis) {
        long until = System.nanoTime() + waitMillis * 1_000_000L;
        synchronized (outQueue) {
            while (connected && !outQueue.isEmpty() && System.nanoTime() < until) {
                try {
                    outQueue.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
    }

    @Override
    public void close() {
        fail("closed by this side");
    }

    @Override
    public String toString() {
        return "TcpTransport[" + label + "]";
    }
}
