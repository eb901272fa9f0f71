package org.cometsim.network.shaper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.cometsim.net.Delivery;
import org.cometsim.net.Direction;
import org.cometsim.net.LinkModel;
import org.cometsim.net.LinkModels;
import org.cometsim.net.LinkSpec;
import org.cometsim.net.OutageSchedule;
import org.cometsim.sim.RandomStreams;

/**
 * A loopback TCP relay that puts a {@link LinkModel} on a real byte stream: the phone connects to
 * {@link #address()}, the relay connects to the upstream server, and every chunk it reads from
 * one side is written to the other side at the delivery time the link model computes for it.
 * The model is the simulator's own object ({@link org.cometsim.net.ShapedLinkModel} or
 * {@link org.cometsim.net.MahimahiTraceLinkModel}, built from the scenario's link with the run's
 * seed), so a scenario means the same link in both worlds. The package Javadoc says what this
 * reproduces of a real link and what it does not.
 *
 * <p>Time line: the shaper's time 0 is {@link #start}; the model sees every chunk at
 * {@code clock.nanos() − start} when it was read, and the relay writes the chunk at the model's
 * {@link Delivery#deliveredNanos()} on the same time line. Both directions are independent (a
 * reader and a writer thread each), each a FIFO as on one TCP connection. Readers never stop
 * reading while chunks wait for release, so the model's queue is the bottleneck queue, as in the
 * simulator, whose senders never block either.
 *
 * <p>Failures: {@link #cut()} breaks every relayed connection now (both sockets reset, bytes
 * still queued are lost, as the simulator's {@code ConnectionFails} loses messages in flight).
 * The link's outage windows do the same at each window's start, and connections arriving during a
 * window are refused (reset at once), as the simulator's reconnection attempts fail inside a
 * window ({@link OutageMode#CUT}, the default); with {@link OutageMode#HOLD} windows only pause
 * transmission (the model's own treatment), and the connection survives.
 *
 * <p>Threads: one acceptor, one scheduler if there are cuts to apply, and four per relayed
 * connection (daemon threads, so a forgotten shaper does not keep a JVM alive); {@link #close()}
 * stops them all.
 */
public final class LinkShaper implements AutoCloseable {

    /** What an outage window of the link does to a relayed connection. */
    public enum OutageMode {
        /** Break connections at the window's start and refuse new ones inside it (the simulator's semantics). */
        CUT,
        /** Only pause transmission during the window ({@link OutageSchedule#finish}); connections survive. */
        HOLD
    }

    /**
     * How a shaper runs.
     *
     * @param clock the time it computes and waits by
     * @param outageMode what the link's outage windows do
     * @param cutAtNanos shaper times at which to {@link #cut()} (a scenario's failure schedule)
     * @param observer told of every chunk as it is released, just before it is written (from relay threads; must be thread-safe), or null
     * @param readBufferBytes the most bytes one read takes, so the largest chunk handed to the model
     */
    public record Options(ShaperClock clock, OutageMode outageMode, List<Long> cutAtNanos,
                          Consumer<Release> observer, int readBufferBytes) {
        public Options {
            Objects.requireNonNull(clock);
            Objects.requireNonNull(outageMode);
            cutAtNanos = List.copyOf(cutAtNanos);
            if (readBufferBytes <= 0) {
                throw new IllegalArgumentException("read buffer must be > 0");
            }
        }

        /** The system clock, outages cut, no scheduled cuts, no observer, 256 KiB reads. */
        public static Options defaults() {
            return new Options(ShaperClock.SYSTEM, OutageMode.CUT, List.of(), null, 256 * 1024);
        }

        public Options withClock(ShaperClock c) {
            return new Options(c, outageMode, cutAtNanos, observer, readBufferBytes);
        }

        public Options withOutageMode(OutageMode m) {
            return new Options(clock, m, cutAtNanos, observer, readBufferBytes);
        }

        public Options withCutsAt(List<Long> nanos) {
            return new Options(clock, outageMode, nanos, observer, readBufferBytes);
        }

        public Options withObserver(Consumer<Release> o) {
            return new Options(clock, outageMode, cutAtNanos, o, readBufferBytes);
        }

        public Options withReadBuffer(int bytes) {
            return new Options(clock, outageMode, cutAtNanos, observer, bytes);
        }
    }

    private final InetSocketAddress upstream;
    private final LinkModel link;
    private final Options options;
    private final ShaperClock clock;
    private final long epoch;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Thread scheduler;
    private final List<Connection> live = new ArrayList<>();
    private final Map<Direction, AtomicLong> payloadBytes = new EnumMap<>(Direction.class);
    private final Map<Direction, AtomicLong> wireBytes = new EnumMap<>(Direction.class);
    private final Map<Direction, AtomicLong> readBytes = new EnumMap<>(Direction.class);
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger cuts = new AtomicInteger();
    private volatile boolean closed;

    private LinkShaper(InetSocketAddress upstream, LinkModel link, Options options) throws IOException {
        this.upstream = Objects.requireNonNull(upstream);
        this.link = Objects.requireNonNull(link);
        this.options = options;
        this.clock = options.clock();
        for (Direction d : Direction.values()) {
            payloadBytes.put(d, new AtomicLong());
            wireBytes.put(d, new AtomicLong());
            readBytes.put(d, new AtomicLong());
        }
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.epoch = clock.nanos();
        String tag = "shaper-" + listener.getLocalPort();
        this.acceptor = daemon(tag + "-accept", this::acceptLoop);
        TreeSet<Long> cutTimes = new TreeSet<>(options.cutAtNanos());
        if (options.outageMode() == OutageMode.CUT) {
            for (OutageSchedule.Window w : link.outages().windows()) {
                cutTimes.add(w.startNanos());
            }
        }
        this.scheduler = cutTimes.isEmpty() ? null : daemon(tag + "-cuts", () -> cutLoop(List.copyOf(cutTimes)));
    }

    /** Starts a relay to {@code upstream} applying {@code link} (a fresh model: the relay advances its state). */
    public static LinkShaper start(InetSocketAddress upstream, LinkModel link) throws IOException {
        return start(upstream, link, Options.defaults());
    }

    public static LinkShaper start(InetSocketAddress upstream, LinkModel link, Options options) throws IOException {
        LinkShaper s = new LinkShaper(upstream, link, options);
        s.acceptor.start();
        if (s.scheduler != null) {
            s.scheduler.start();
        }
        return s;
    }

    /**
     * Starts a relay applying a link spec with the random streams of seed {@code seed}: the same
     * streams a {@code Simulation} of that seed hands its link, so jitter and loss draw the same
     * numbers in both worlds.
     */
    public static LinkShaper start(InetSocketAddress upstream, LinkSpec spec, long seed, Options options) throws IOException {
        return start(upstream, LinkModels.create(spec, new RandomStreams(seed)), options);
    }

    /** Where the phone connects (loopback, an ephemeral port). */
    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    public InetSocketAddress upstream() {
        return upstream;
    }

    public LinkModel link() {
        return link;
    }

    /** Now on the shaper's time line (nanoseconds since start). */
    public long nowNanos() {
        return clock.nanos() - epoch;
    }

    /** Payload bytes released to the far side so far in {@code d}, over all connections (counted as the write begins). */
    public long bytes(Direction d) {
        return payloadBytes.get(d).get();
    }

    /** Payload bytes read from the sending side so far in {@code d} (delivered or still queued). */
    public long bytesRead(Direction d) {
        return readBytes.get(d).get();
    }

    /** What the link model charged for those bytes (framing headers and retransmissions included). */
    public long wireBytes(Direction d) {
        return wireBytes.get(d).get();
    }

    /** Connections relayed so far (refused ones not counted). */
    public int connections() {
        return accepted.get();
    }

    /** Connections refused because they arrived inside an outage window. */
    public int refused() {
        return refused.get();
    }

    /** Cuts applied so far that found at least one live connection. */
    public int cuts() {
        return cuts.get();
    }

    /** Connections currently relayed. */
    public int liveConnections() {
        synchronized (live) {
            return live.size();
        }
    }

    /**
     * Failure injection: breaks every relayed connection now. Both sockets are reset (RST, not
     * FIN, so neither endpoint mistakes it for an orderly close) and bytes waiting for release are
     * dropped. New connections are accepted as before.
     */
    public void cut() {
        breakAll(true);
    }

    /**
     * Resets every live connection; a cut that finds any is counted before the resets, so whoever
     * sees a reset also sees the count.
     */
    private void breakAll(boolean countAsCut) {
        List<Connection> now;
        synchronized (live) {
            now = new ArrayList<>(live);
        }
        if (countAsCut && !now.isEmpty()) {
            cuts.incrementAndGet();
        }
        for (Connection c : now) {
            c.abort();
        }
    }

    /** Stops accepting, breaks every connection, stops every thread. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
        if (scheduler != null) {
            scheduler.interrupt();
        }
        breakAll(false); // not a cut: the run is over
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (options.outageMode() == OutageMode.CUT && inOutage(nowNanos())) {
                refused.incrementAndGet();
                reset(client);
                continue;
            }
            Socket server = new Socket();
            try {
                server.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
                server.connect(upstream, 10_000);
            } catch (IOException e) {
                refused.incrementAndGet();
                reset(client);
                reset(server);
                continue;
            }
            Connection c = new Connection(accepted.incrementAndGet(), client, server);
            synchronized (live) {
                if (closed) {
                    c.abort();
                    return;
                }
                live.add(c);
            }
            c.start();
        }
    }

    private boolean inOutage(long t) {
        return link.outages().nextAvailable(t) != t;
    }

    private void cutLoop(List<Long> times) {
        try {
            for (long t : times) {
                clock.sleepUntil(epoch + t);
                if (closed) {
                    return;
                }
                cut();
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Asks the model for a chunk's fate; reading the clock inside the lock keeps submissions monotonic. */
    private Delivery submit(Direction d, int bytes) {
        synchronized (link) {
            return link.send(d, nowNanos(), bytes);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private static void reset(Socket s) {
        try {
            if (!s.isClosed()) {
                s.setSoLinger(true, 0);
            }
        } catch (SocketException e) {
            // already gone
        }
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** A chunk waiting for release; {@code bytes == null} marks the end of the stream. */
    private record Chunk(byte[] bytes, Delivery delivery) {
    }

    /** One relayed connection: the phone's socket, the server's socket, a pipe each way. */
    private final class Connection {
        final int id;
        final Socket client;
        final Socket server;
        final Pipe up;
        final Pipe down;
        volatile boolean aborted;
        int finished;

        Connection(int id, Socket client, Socket server) {
            this.id = id;
            this.client = client;
            this.server = server;
            this.up = new Pipe(this, Direction.UP, client, server);
            this.down = new Pipe(this, Direction.DOWN, server, client);
        }

        void start() {
            up.start();
            down.start();
        }

        /** Resets both sockets and stops all four threads; queued chunks are dropped. */
        void abort() {
            aborted = true;
            forget(); // before the resets: whoever sees a reset sees the connection gone
            reset(client);
            reset(server);
            up.stop();
            down.stop();
        }

        /** A direction delivered its end of stream: once both have, the connection closed in order. */
        void finishedOne() {
            boolean both;
            synchronized (this) {
                both = ++finished == 2;
            }
            if (both) {
                try {
                    client.close();
                    server.close();
                } catch (IOException e) {
                    // closing anyway
                }
                forget();
            }
        }

        void forget() {
            synchronized (live) {
                live.remove(this);
            }
        }
    }

    /** One direction of a connection: a reader timestamping chunks and a writer releasing them. */
    private final class Pipe {
        final Connection conn;
        final Direction direction;
        final Socket from;
        final Socket to;
        final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        final Thread reader;
        final Thread writer;

        Pipe(Connection conn, Direction direction, Socket from, Socket to) {
            this.conn = conn;
            this.direction = direction;
            this.from = from;
            this.to = to;
            String tag = "shaper-" + listener.getLocalPort() + "-c" + conn.id + "-" + direction.name().toLowerCase();
            this.reader = daemon(tag + "-read", this::readLoop);
            this.writer = daemon(tag + "-write", this::writeLoop);
        }

        void start() {
            reader.start();
            writer.start();
        }

        void stop() {
            reader.interrupt();
            writer.interrupt();
        }

        private void readLoop() {
            byte[] buf = new byte[options.readBufferBytes()];
            try {
                InputStream in = from.getInputStream();
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    if (n > 0) {
                        queue.add(new Chunk(Arrays.copyOf(buf, n), submit(direction, n)));
                        readBytes.get(direction).addAndGet(n);
                    }
                }
                queue.add(new Chunk(null, null)); // orderly end of stream: pass it on after the data
            } catch (IOException e) {
                if (!conn.aborted) {
                    conn.abort(); // one side broke the connection: the other side sees it broken too
                }
            }
        }

        private void writeLoop() {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk c = queue.take();
                    if (c.bytes() == null) {
                        to.shutdownOutput();
                        conn.finishedOne();
                        return;
                    }
                    Delivery d = c.delivery();
                    clock.sleepUntil(epoch + d.deliveredNanos());
                    if (conn.aborted) {
                        return;
                    }
                    long released = nowNanos();
                    // Counted and reported before the write, so whoever reads the bytes finds them counted.
                    payloadBytes.get(direction).addAndGet(d.payloadBytes());
                    wireBytes.get(direction).addAndGet(d.wireBytes());
                    if (options.observer() != null) {
                        options.observer().accept(new Release(conn.id, d, released));
                    }
                    out.write(c.bytes());
                    out.flush();
                }
            } catch (InterruptedException e) {
                // aborted
            } catch (IOException e) {
                if (!conn.aborted) {
                    conn.abort();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "LinkShaper[" + address() + " -> " + upstream + ", link " + link.name() + "]";
    }

    /** Unchecked form of {@link #start(InetSocketAddress, LinkModel, Options)} for lambdas. */
    public static LinkShaper startUnchecked(InetSocketAddress upstream, LinkModel link, Options options) {
        try {
            return start(upstream, link, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
