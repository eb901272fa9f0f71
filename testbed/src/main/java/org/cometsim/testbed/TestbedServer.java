package org.cometsim.testbed;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.dalvik.rt.RuntimeFigures;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.offload.OffloadEndpoint;
import org.cometsim.offload.Role;
import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.offload.policy.Policies;
import org.cometsim.offload.wire.Framing;
import org.cometsim.offload.wire.ProtocolException;

/**
 * {@code comet serve}: the offload server as its own OS process. Every phone that connects and
 * authenticates ({@link Handshake}) gets a session: its own {@link Vm} (nothing shared with other
 * sessions but the dex cache, keyed by SHA-1 and verified on arrival, and scoped to the phone's
 * run so that each run ships its code once, as a simulated one does), a server-side
 * {@link OffloadEndpoint}, a {@link TcpTransport} and a {@link WallClockDriver} on a host thread of
 * its own. The VM starts without the app; the phone ships its dex files through COMET's own
 * Hello/DexRequest/DexData messages and the session loads them with the VM's normal loader
 * ({@link ClassPath#addDex}, which checks magic, size and checksum and parses every class).
 *
 * <h2>Limits (per session)</h2>
 * A handshake deadline (a hard one: a client sending one byte at a time is cut at the deadline);
 * the largest frame a client may announce (checked on the header, before any allocation); the
 * bytes it may send before its code is loaded; the guest heap ({@code --session-heap}); guest threads;
 * instructions executed (a CPU-time
 * budget in the VM's own unit); bytes queued for a client that does not read, and how long one
 * write may block. Crossing any of them ends that session only (one log line); the phone, as after
 * any failure, recovers locally (comet-reference §9).
 *
 * <h2>Pinned natives</h2>
 * The endpoint sends a thread home before any client-pinned native (console, files, sockets ...).
 * The session's VM gets a console that ends the session if anything is ever written to it: an
 * assertion, at run time, that the server never ran one of them.
 *
 * <h2>Log</h2>
 * One line per refused connection, one per session when it ends (why, and its counts), one per
 * migration. Lines start with {@code comet serve:}.
 */
public final class TestbedServer implements Closeable {
    /**
     * What a server allows each client.
     *
     * @param sessionHeapBytes the guest heap of each session's VM ({@code Vm.setHeapLimit}); a guest
     *     whose live data would pass it ends the session (the guest never sees an OutOfMemoryError
     *     the phone would not have thrown: the phone recovers its threads and runs on)
     */
    public record Limits(int maxClients, long handshakeMillis, int maxFrameBytes, long maxCodeBytes, int maxThreads,
                        long maxInstructions, long maxQueuedBytes, long writeStallMillis, long sessionHeapBytes) {
        /** The default per-session guest heap: 256 MiB. */
        public static final long DEFAULT_SESSION_HEAP = 256L << 20;

        public Limits {
            if (sessionHeapBytes <= 0) {
                throw new IllegalArgumentException("a session heap must be positive: " + sessionHeapBytes);
            }
        }

        public static Limits defaults() {
            return new Limits(16, 5_000, Framing.MAX_PAYLOAD, 64L << 20, 256, 2_000_000_000_000L,
                    TcpTransport.DEFAULT_MAX_QUEUED, 30_000, DEFAULT_SESSION_HEAP);
        }

        public Limits withMaxClients(int n) {
            return new Limits(n, handshakeMillis, maxFrameBytes, maxCodeBytes, maxThreads, maxInstructions,
                    maxQueuedBytes, writeStallMillis, sessionHeapBytes);
        }

        public Limits withHandshakeMillis(long ms) {
            return new Limits(maxClients, ms, maxFrameBytes, maxCodeBytes, maxThreads, maxInstructions,
                    maxQueuedBytes, writeStallMillis, sessionHeapBytes);
        }

        public Limits withMaxInstructions(long n) {
            return new Limits(maxClients, handshakeMillis, maxFrameBytes, maxCodeBytes, maxThreads, n,
                    maxQueuedBytes, writeStallMillis, sessionHeapBytes);
        }

        public Limits withMaxThreads(int n) {
            return new Limits(maxClients, handshakeMillis, maxFrameBytes, maxCodeBytes, n, maxInstructions,
                    maxQueuedBytes, writeStallMillis, sessionHeapBytes);
        }

        public Limits withWriteLimits(long queuedBytes, long stallMillis) {
            return new Limits(maxClients, handshakeMillis, maxFrameBytes, maxCodeBytes, maxThreads, maxInstructions,
                    queuedBytes, stallMillis, sessionHeapBytes);
        }

        public Limits withSessionHeap(long bytes) {
            return new Limits(maxClients, handshakeMillis, maxFrameBytes, maxCodeBytes, maxThreads, maxInstructions,
                    maxQueuedBytes, writeStallMillis, bytes);
        }
    }

    private final ServerSocket listener;
    private final byte[] token;
    private final CpuModel cpu;
    private final WallClockDriver.Pacing pacing;
    private final Limits limits;
    private final PrintStream log;
    private final Tls tls;
    private final Semaphore slots;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "comet-serve-deadlines");
        t.setDaemon(true);
        return t;
    });
    /**
     * The dex cache: "scope:SHA-1 (hex)" → file (a file is only ever what its hash says), oldest
     * first. The scope is the phone's {@code dex_cache_scope} session parameter (one per emulated
     * run: its sessions share the files as a simulated run's server incarnations do, and no other
     * run's files are reused, so each run ships the app's code once, as in the simulator); without
     * one, the empty scope is shared by all such sessions. Guarded by itself.
     */
    private final Map<String, byte[]> dexCache = new java.util.LinkedHashMap<>();
    /** Bytes in {@link #dexCache}. Guarded by {@code dexCache}. */
    private long dexCacheBytes;
    private final AtomicInteger clientNumbers = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<Integer, Socket> open = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private volatile boolean closed;

    /**
     * Listens on {@code address} (port 0: an ephemeral port, see {@link #port}).
     *
     * @param tls null for plain TCP
     */
    public TestbedServer(InetSocketAddress address, byte[] token, CpuModel cpu, WallClockDriver.Pacing pacing,
                         Limits limits, Tls tls, PrintStream log) throws IOException {
        this.token = token.clone();
        this.cpu = cpu;
        this.pacing = pacing;
        this.limits = limits;
        this.tls = tls;
        this.log = log;
        this.slots = new Semaphore(limits.maxClients());
        this.listener = tls == null ? new ServerSocket() : tls.serverSocket();
        listener.bind(address, 128);
        this.acceptor = new Thread(this::acceptLoop, "comet-serve-accept");
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Starts accepting connections. */
    public void start() {
        acceptor.start();
    }

    /** Sessions now running. */
    public int activeSessions() {
        return active.get();
    }

    /** Sessions that authenticated and ended (for any reason). */
    public int completedSessions() {
        return completed.get();
    }

    /** Connections refused before a session started (handshake failures, server full). */
    public int refusedConnections() {
        return refused.get();
    }

    private void logLine(String s) {
        synchronized (log) {
            log.println("comet serve: " + s);
            log.flush();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    logLine("accept failed: " + e.getMessage());
                }
                continue;
            }
            int n = clientNumbers.incrementAndGet();
            String who = "client #" + n + " " + s.getRemoteSocketAddress();
            if (!slots.tryAcquire()) {
                refused.incrementAndGet();
                logLine(who + " refused: server full (" + limits.maxClients() + " clients)");
                closeQuietly(s);
                continue;
            }
            Thread t = new Thread(() -> {
                try {
                    session(s, n, who);
                } finally {
                    slots.release();
                }
            }, "comet-serve-client-" + n);
            t.setDaemon(true);
            t.start();
        }
    }

    private void session(Socket s, int n, String who) {
        open.put(n, s);
        active.incrementAndGet();
        try {
            Map<String, String> params;
            java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
            ScheduledFuture<?> deadline = deadlines.schedule(() -> {
                expired.set(true); // before the close, so the failing read is attributed to the deadline
                closeQuietly(s);
            }, limits.handshakeMillis(), TimeUnit.MILLISECONDS);
            DataInputStream in;
            DataOutputStream out;
            try {
                s.setSoTimeout((int) Math.max(1, limits.handshakeMillis()));
                in = new DataInputStream(s.getInputStream());
                out = new DataOutputStream(s.getOutputStream());
                params = Handshake.server(in, out, token, tls == null ? new byte[0] : tls.binding());
                // The client proved the token in time; what follows (making its VM) is the server's own work.
                deadline.cancel(false);
            } catch (IOException e) {
                refused.incrementAndGet();
                logLine(who + " refused: " + handshakeFailure(e, expired));
                return;
            }
            Session session;
            try {
                session = new Session(n, who, s, params);
            } catch (IllegalArgumentException e) {
                refused.incrementAndGet();
                try {
                    Handshake.refuse(out, e.getMessage());
                } catch (IOException ignored) {
                    // it is refused either way
                }
                logLine(who + " refused: " + e.getMessage());
                return;
            }
            try {
                Handshake.accept(out);
                s.setSoTimeout(0);
            } catch (IOException e) {
                refused.incrementAndGet();
                logLine(who + " refused: " + handshakeFailure(e, expired));
                return;
            }
            String end = session.run();
            completed.incrementAndGet();
            logLine(who + " ended: " + end);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // A session's bug or a hostile input the checks above missed: that session only.
            logLine(who + " ended: internal error " + e);
        } finally {
            open.remove(n);
            active.decrementAndGet();
            closeQuietly(s);
        }
    }

    private static String handshakeFailure(IOException e, java.util.concurrent.atomic.AtomicBoolean expired) {
        if (expired.get()) {
            return "handshake not finished within the deadline";
        }
        if (e instanceof Handshake.Refused) {
            return e.getMessage();
        }
        if (e instanceof java.io.EOFException) {
            return "closed during the handshake";
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return "handshake not finished within the deadline";
        }
        return "handshake failed: " + e.getMessage();
    }

    /** One authenticated phone: its VM, endpoint, transport and driver. */
    private final class Session {
        final int number;
        final String who;
        final Socket socket;
        final Vm vm;
        final ClassPath code = new ClassPath();
        final WallClockDriver driver;
        final TcpTransport transport;
        final OffloadEndpoint endpoint;
        /** This session's scope in the dex cache (see {@link TestbedServer#dexCache}). */
        final String dexScope;
        volatile String endReason;
        long busyNanos;
        long loggedIn;
        long loggedOut;

        Session(int number, String who, Socket socket, Map<String, String> params) throws IOException {
            this.number = number;
            this.who = who;
            this.socket = socket;
            this.dexScope = params.getOrDefault("dex_cache_scope", "");
            if (!dexScope.matches("[0-9a-f]{0,64}")) {
                throw new IllegalArgumentException("session parameter dex_cache_scope is not 0 to 64 hex digits");
            }
            String policyName = params.getOrDefault("policy", "");
            OffloadPolicy policy = serverPolicy(policyName);
            boolean compress = Boolean.parseBoolean(params.getOrDefault("compress", "true"));
            int cores = intParam(params, "phone_cores", 1, 1, 64);
            long phoneTime = longParam(params, "vm_time_ns", 0, 0, Long.MAX_VALUE / 4);
            PrintStream console = new PrintStream(new PinnedNativeAlarm(), true, StandardCharsets.UTF_8);
            Vm[] self = new Vm[1];
            this.vm = new Vm(code, new Vm.Options(console, console, InputStream.nullInputStream(),
                    org.cometsim.scenarios.SimulatedExec.simulatedClock(() -> self[0].scheduler().now())).withRuntime(RuntimeFigures.PHONE_2012.withProcessors(cores)));
            self[0] = vm;
            vm.setHeapLimit(limits.sessionHeapBytes());
            vm.heap().onLimitExceeded(() -> new LimitExceeded("guest heap limit of " + limits.sessionHeapBytes()
                    + " bytes reached"));
            String cp = params.get("class_path");
            if (cp != null) {
                vm.setGuestProperty("java.class.path", cp);
            }
            // The session's clock starts at the phone's: guest clocks read the same time on both sides.
            this.driver = new WallClockDriver("server#" + number, vm, pacing, cpu, System.nanoTime() - phoneTime,
                    (t, core, st, en) -> busyNanos += en - st);
            this.transport = new TcpTransport(socket, driver, 0, limits.maxFrameBytes(), limits.maxQueuedBytes(),
                    "server#" + number);
            this.endpoint = new OffloadEndpoint(Role.SERVER, vm, policy, transport, compress);
            endpoint.useAppCodeStore(new Store());
            transport.onReportRequest(this::report);
            endpoint.attach(driver);
            driver.onArrival((t, frame) -> {
                if (!endpoint.ready() && transport.bytesReceived() > limits.maxCodeBytes()) {
                    throw new LimitExceeded("sent more than " + limits.maxCodeBytes() + " bytes before its code was loaded");
                }
                endpoint.receive(frame);
            });
            driver.onClosed((t, why) -> {
                endReason = why;
                endpoint.connectionLost(driver.nowNanos());
                driver.stop();
            });
            driver.afterStep(() -> {
                endpoint.grantPendingLocks(driver.nowNanos());
                logMigrations();
            });
            driver.everyTurn(this::checkLimits);
        }

        String run() {
            transport.start();
            driver.run();
            if (driver.failure() != null && endReason == null) {
                RuntimeException f = driver.failure();
                endReason = f instanceof ProtocolException || f instanceof LimitExceeded
                        ? f.getMessage() : "error " + f;
                if (f instanceof ProtocolException) {
                    endReason = "malformed: " + f.getMessage();
                }
            }
            transport.fail(endReason == null ? "session over" : endReason);
            endpoint.connectionLost(driver.nowNanos());
            logMigrations();
            long instr = instructions();
            var m = endpoint.metrics();
            return (endReason == null ? "session over" : endReason) + "; migrations in " + m.migrationsIn() + ", out "
                    + m.migrationsOut() + "; syncs " + m.syncsSent() + " sent, " + m.syncsReceived() + " received; bytes "
                    + transport.bytesReceived() + " in, " + transport.bytesSent() + " out; instructions " + instr;
        }

        /** The session's counts for the phone's result ({@code key=value} lines; {@code OffloadMetrics.counters}). */
        private String report() {
            StringBuilder b = new StringBuilder();
            endpoint.metrics().counters().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
            b.append("instructions=").append(instructions()).append('\n');
            b.append("busy_ns=").append(busyNanos).append('\n');
            b.append("stolen_ns=").append(driver.stolenNanos()).append('\n');
            return b.toString();
        }

        private long instructions() {
            long n = 0;
            for (var t : vm.scheduler().threads()) {
                n += t.totalInstructions();
            }
            return n;
        }

        private void logMigrations() {
            var m = endpoint.metrics();
            while (loggedIn < m.migrationsIn()) {
                loggedIn++;
                logLine(who + " migration: a thread arrived (" + loggedIn + " so far)");
            }
            while (loggedOut < m.migrationsOut()) {
                loggedOut++;
                logLine(who + " migration: a thread went back to the phone (" + loggedOut + " so far)");
            }
        }

        private void checkLimits() {
            if (!endpoint.ready() && transport.bytesReceived() > limits.maxCodeBytes()) {
                throw new LimitExceeded("sent more than " + limits.maxCodeBytes() + " bytes before its code was loaded");
            }
            if (vm.scheduler().executedSoFar() > limits.maxInstructions()) {
                throw new LimitExceeded("instruction budget exhausted (" + limits.maxInstructions() + ")");
            }
            if (vm.scheduler().threads().size() > limits.maxThreads()) {
                throw new LimitExceeded("more than " + limits.maxThreads() + " threads");
            }
            long stalled = transport.stalledSince();
            if (stalled >= 0 && System.nanoTime() - stalled > limits.writeStallMillis() * 1_000_000L) {
                throw new LimitExceeded("does not read (a write blocked for " + limits.writeStallMillis() + " ms)");
            }
        }

        /** Dex files: from the shared cache, or shipped by the phone and loaded by the VM's loader. */
        private final class Store implements OffloadEndpoint.AppCodeStore {
            @Override
            public boolean useCached(String name, byte[] sha1) {
                byte[] b;
                synchronized (dexCache) {
                    b = dexCache.get(key(sha1));
                }
                if (b == null) {
                    return false;
                }
                load(name, b);
                return true;
            }

            @Override
            public void received(String name, byte[] sha1, byte[] bytes) {
                load(name, bytes);
                long budget = limits.maxCodeBytes() * 4;
                synchronized (dexCache) {
                    if (bytes.length > budget || dexCache.putIfAbsent(key(sha1), bytes) != null) {
                        return;
                    }
                    dexCacheBytes += bytes.length;
                    // Over budget: the oldest files go first (finished runs' scopes, on a long-lived server).
                    java.util.Iterator<byte[]> oldest = dexCache.values().iterator();
                    while (dexCacheBytes > budget) {
                        dexCacheBytes -= oldest.next().length;
                        oldest.remove();
                    }
                }
            }

            private String key(byte[] sha1) {
                return dexScope + ":" + HexFormat.of().formatHex(sha1);
            }

            private void load(String name, byte[] bytes) {
                try {
                    code.addDex(name, bytes);
                } catch (LoadException e) {
                    throw new ProtocolException("rejected app code: " + e.getMessage());
                }
            }
        }

        /** The session VM's console: client-pinned, so a write here means a pinned native ran on the server. */
        private final class PinnedNativeAlarm extends OutputStream {
            @Override
            public void write(int b) {
                fail();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (len > 0) {
                    fail();
                }
            }

            private void fail() {
                throw new IllegalStateException("assertion failed: a client-pinned native (console output) ran on the server");
            }
        }
    }

    /** The policy the server side runs (it decides only for policies that decide on both endpoints). */
    static OffloadPolicy serverPolicy(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no policy named");
        }
        if (name.startsWith("class:")) {
            // Loading a client-named class into the server's host JVM would run the client's code outside any VM.
            throw new IllegalArgumentException("policy " + name + ": user policy classes are not run by a server");
        }
        try {
            return Policies.byName(name);
        } catch (RuntimeException e) {
            // The profile-based policies decide on the phone only; the server's side never asks its policy.
            return Policies.byName("never");
        }
    }

    private static int intParam(Map<String, String> p, String key, int dflt, int min, int max) {
        return (int) longParam(p, key, dflt, min, max);
    }

    private static long longParam(Map<String, String> p, String key, long dflt, long min, long max) {
        String v = p.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            long x = Long.parseLong(v);
            if (x < min || x > max) {
                throw new IllegalArgumentException("session parameter " + key + "=" + v + " out of range");
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("session parameter " + key + "=" + v + " is not a number");
        }
    }

    /** A per-session limit was crossed. */
    static final class LimitExceeded extends RuntimeException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Stops accepting and ends every session. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Socket s : open.values()) {
            closeQuietly(s);
        }
        deadlines.shutdownNow();
    }
}
