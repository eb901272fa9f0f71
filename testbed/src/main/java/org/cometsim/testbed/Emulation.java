package org.cometsim.testbed;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.offload.OffloadEndpoint;
import org.cometsim.offload.OffloadMetrics;
import org.cometsim.offload.ReconnectBackoff;
import org.cometsim.offload.Role;
import org.cometsim.offload.wire.Framing;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.SimulatedExec;

/**
 * <b>Start here.</b> The phone of a testbed run ({@code comet emulate}): the program's VM with the phone's
 * {@link OffloadEndpoint}, in this process, against a real server ({@link TestbedServer}, usually
 * another process) reached through a {@link Route}. It mirrors {@link OffloadRun}'s offloaded run
 * with the wall clock ({@link WallClockDriver}) and TCP ({@link TcpTransport}) in place of the
 * simulation clock and the modelled link: the same endpoint code, the same protocol.
 *
 * <p>A connection that fails (the server process dies, the socket is cut, an injected failure at
 * {@link Setup#failAtNanos}) is handled as in the simulator: the phone recovers its threads from
 * their checkpoints and runs on, and reconnects with COMET's back-off
 * ({@link ReconnectBackoff}); a reconnection gets a new session (a new server VM) on the server.
 * Failures from the route (a shaper's outage windows) arrive the same way, as a broken socket.
 *
 * <h2>Tour of the testbed (issue #16)</h2>
 * One protocol, two worlds: the offload module's {@code OffloadEndpoint} and wire code run
 * unchanged; the testbed supplies another {@code Transport} and another {@code EndpointDriver}.
 * <ul>
 *   <li>{@link WallClockDriver}: a VM on a host thread of its own, slices against the wall clock,
 *       arrivals delivered between slices; PACED (the CPU model's speed, never ahead of the wall)
 *       or UNPACED (this host's speed; the VM's clock is the wall clock).</li>
 *   <li>{@link TcpTransport}: frames over a socket; a reader thread queues arrivals for the
 *       driver, a writer thread sends each frame no earlier than its time; RFC 6298 SRTT/RTTVAR
 *       from the handshake and small pings on a reserved stream.</li>
 *   <li>{@link Handshake}: mutual HMAC-SHA256 proof of a shared token before COMET's first
 *       message, and the session's parameters; {@link Tls} wraps it (self-signed key, proofs bound
 *       to the certificate).</li>
 *   <li>{@link TestbedServer} ({@code comet serve}, {@link ServeCommand}): a session per phone
 *       (own VM, app code loaded from the shipped dex files), per-session limits, one log line per
 *       connection and per migration.</li>
 *   <li>This class, {@link EmulateCommand} ({@code comet emulate}), {@link ServerProcess} (a
 *       server as a child process on loopback) and {@link Route} (where the link shaper plugs in).</li>
 * </ul>
 */
public final class Emulation {
    private Emulation() {
    }

    /**
     * One run.
     *
     * @param config the run as the simulator would take it (the link, failure and seed fields are
     *     not used: the route is the link, {@code failAtNanos} the injected failures)
     * @param server the server's address; {@code route} maps it to where the phone connects
     * @param tls wrap the socket in TLS (the server must run with {@code --tls})
     * @param failAtNanos instants (on the phone's clock) at which the phone cuts its connection
     * @param failWhen cuts the connection once, between two slices, the first time it holds for
     *     the phone's counts (failure injection tied to progress rather than time: "after the
     *     second migration" is mid-run however fast the host is); null for none
     * @param start when the program starts: at once (COMET), or when the server's Ready arrives,
     *     so that a deterministic policy decides at the same instruction counts as in the simulator
     *     run with the same {@link OffloadRun.ProgramStart} (validation)
     */
    public record Setup(OffloadRun.Config config, InetSocketAddress server, byte[] token, boolean tls, Route route,
                        WallClockDriver.Pacing pacing, List<Long> failAtNanos,
                        java.util.function.Predicate<OffloadMetrics> failWhen, OffloadRun.ProgramStart start) {
        public Setup {
            failAtNanos = List.copyOf(failAtNanos);
            java.util.Objects.requireNonNull(start);
        }

        public Setup(OffloadRun.Config config, InetSocketAddress server, byte[] token, boolean tls, Route route,
                     WallClockDriver.Pacing pacing, List<Long> failAtNanos,
                     java.util.function.Predicate<OffloadMetrics> failWhen) {
            this(config, server, token, tls, route, pacing, failAtNanos, failWhen, OffloadRun.ProgramStart.AT_ONCE);
        }

        public Setup(OffloadRun.Config config, InetSocketAddress server, byte[] token, boolean tls, Route route,
                     WallClockDriver.Pacing pacing, List<Long> failAtNanos) {
            this(config, server, token, tls, route, pacing, failAtNanos, null);
        }

        /** The same run with the program started as {@code start} says. */
        public Setup startingAt(OffloadRun.ProgramStart start) {
            return new Setup(config, server, token, tls, route, pacing, failAtNanos, failWhen, start);
        }
    }

    /**
     * The outcome: the offloaded side as {@code comet run} reports it, plus the testbed's own figures.
     *
     * @param phoneStolenNanos wall time the phone's VM thread was runnable but not running
     *     ({@link WallClockDriver#stolenNanos})
     * @param serverStolenNanos the same on the server's side, as it reported it (0 if it did not)
     */
    public record Outcome(OffloadRun.Side offload, OffloadMetrics phone, OffloadMetrics server, long serverInstructions,
                          long phoneBusyNanos, long serverBusyNanos, long wallNanos, List<String> trace,
                          boolean serverReported, long phoneStolenNanos, long serverStolenNanos) {
        /** As an {@link OffloadRun.Result} against a local baseline (for result.json in comet run's schema). */
        public OffloadRun.Result result(OffloadRun.Side local) {
            long idle = Math.max(0, offload.timeNanos() - phoneBusyNanos - serverBusyNanos);
            return new OffloadRun.Result(local, offload, serverInstructions, phoneBusyNanos, serverBusyNanos, idle, phone,
                    server, "", trace);
        }
    }

    /** Runs the program offloaded to the server; returns when it ended on the phone. */
    public static Outcome run(Setup s) throws IOException {
        OffloadRun.Config c = s.config();
        long wallStart = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Vm vm = OffloadRun.endpointVm(c, ps(out), ps(err));
        long[] busy = new long[1];
        WallClockDriver driver = new WallClockDriver("phone", vm, s.pacing(), c.phone(), System.nanoTime(),
                (t, core, st, en) -> busy[0] += en - st);
        InetSocketAddress target = s.route().open(s.server());
        Connector connector = new Connector(s, target, driver, vm);
        TcpTransport first = connectFirst(connector);
        OffloadEndpoint phone = new OffloadEndpoint(Role.PHONE, vm, c.policy(), first, c.compress());
        phone.setTrimFloor(c.trimFloor());
        phone.attach(driver);
        TcpTransport[] current = {first};
        List<TcpTransport> all = new ArrayList<>(List.of(first));
        boolean[] failedWhen = {s.failWhen() == null};
        driver.afterStep(() -> {
            phone.grantPendingLocks(driver.nowNanos());
            if (!failedWhen[0] && s.failWhen().test(phone.metrics()) && current[0] != null) {
                failedWhen[0] = true;
                current[0].fail("injected failure");
            }
        });
        driver.onFinished(d -> { });
        GuestThread[] main = new GuestThread[1];
        driver.onArrival((t, frame) -> {
            if (t == current[0]) {
                phone.receive(frame);
                if (main[0] == null && phone.ready()) {
                    main[0] = vm.launcher().startMain(c.mainClass(), c.args()); // AT_READY: the program starts now
                }
            }
        });
        driver.onClosed((t, why) -> {
            if (t != current[0] || current[0] == null) {
                return;
            }
            long now = driver.nowNanos();
            current[0] = null;
            phone.connectionLost(now);
            scheduleReconnect(driver, connector, phone, current, all, now, 0);
        });
        long limit = c.timeLimitNanos();
        if (limit > 0) {
            // The scenario's time_limit on the phone's clock, which is the wall clock since the run started in both
            // pacings (paced, the VM's clock never runs ahead of the wall; unpaced, it is the wall): a run still
            // going then stops, as a simulated one does at that simulated time.
            driver.submit(limit, () -> {
                throw new TimeLimitExceeded(limit, vm.scheduler().describeThreads());
            });
        }
        for (long at : s.failAtNanos()) {
            driver.submit(at, () -> {
                if (current[0] != null) {
                    current[0].fail("injected failure");
                }
            });
        }
        if (s.start() == OffloadRun.ProgramStart.AT_ONCE) {
            main[0] = vm.launcher().startMain(c.mainClass(), c.args());
        }
        phone.connect(c.classPath(), driver.nowNanos());
        first.start();
        driver.run();

        int status;
        RuntimeException failure = driver.failure();
        if (failure instanceof VmExit exit) {
            vm.launcher().exit(exit);
            status = exit.status;
        } else if (failure != null) {
            closeAll(all);
            s.route().close();
            throw failure;
        } else {
            status = vm.launcher().finish(main[0]);
        }
        long end = vm.scheduler().simulatedEnd();
        long wall = System.nanoTime() - wallStart;
        // The server's counts: asked for over the control stream before the connection closes.
        OffloadMetrics serverMetrics = new OffloadMetrics();
        long serverInstr = 0;
        long serverBusy = 0;
        long serverStolen = 0;
        boolean reported = false;
        TcpTransport last = current[0];
        if (last != null && last.connected()) {
            String report = last.requestReport(10_000);
            if (report != null) {
                Map<String, Long> counts = parseReport(report);
                serverInstr = counts.getOrDefault("instructions", 0L);
                serverBusy = counts.getOrDefault("busy_ns", 0L);
                serverStolen = counts.getOrDefault("stolen_ns", 0L);
                serverMetrics.addCounters(counts);
                reported = true;
            }
        }
        closeAll(all);
        s.route().close();
        long phoneInstr = 0;
        for (GuestThread t : vm.scheduler().threads()) {
            phoneInstr += t.totalInstructions();
        }
        OffloadRun.Side side = new OffloadRun.Side(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                status, end, phoneInstr + serverInstr, null);
        return new Outcome(side, phone.metrics(), serverMetrics, serverInstr, busy[0], serverBusy, wall,
                new ArrayList<>(phone.metrics().trace()), reported, driver.stolenNanos(), serverStolen);
    }

    /** The run reached the scenario's {@code time_limit} on the wall clock before the program ended. */
    public static final class TimeLimitExceeded extends org.cometsim.dalvik.rt.VmError {
        private final long limitNanos;

        TimeLimitExceeded(long limitNanos, String threads) {
            super(String.format(java.util.Locale.ROOT, "the emulated run reached its time limit of %s s (wall clock since"
                    + " the run started) before the program ended (raise time_limit if it is meant to run longer): on"
                    + " the phone %s", java.math.BigDecimal.valueOf(limitNanos, 9).stripTrailingZeros().toPlainString(),
                    threads));
            this.limitNanos = limitNanos;
        }

        public long limitNanos() {
            return limitNanos;
        }
    }

    /**
     * The first connection. A connection broken before it is up (a cut or an outage window of the
     * link shaper during the handshake: the socket is reset) is tried again on COMET's back-off, as a
     * reconnection would be; a refused connection or a failed authentication is not.
     */
    private static TcpTransport connectFirst(Connector connector) throws IOException {
        long start = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            try {
                return connector.connect();
            } catch (java.net.ConnectException e) {
                throw e;
            } catch (java.net.SocketException | java.io.EOFException e) {
                if (attempt >= 3) {
                    throw e;
                }
                long wait = start + ReconnectBackoff.attemptAt(0, attempt) - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }
    }

    /** Attempt {@code attempt} after a failure at {@code failedAt}: on another thread, then handed to the driver. */
    private static void scheduleReconnect(WallClockDriver driver, Connector connector, OffloadEndpoint phone,
                                          TcpTransport[] current, List<TcpTransport> all, long failedAt, int attempt) {
        driver.submit(ReconnectBackoff.attemptAt(failedAt, attempt), () -> {
            Thread t = new Thread(() -> {
                try {
                    TcpTransport tr = connector.connect();
                    driver.submit(driver.clockNanos(), () -> {
                        if (driver.stopped()) {
                            tr.close();
                            return;
                        }
                        current[0] = tr;
                        all.add(tr);
                        phone.reconnect(tr, driver.nowNanos());
                        tr.start();
                    });
                } catch (IOException e) {
                    driver.submit(driver.clockNanos(), () -> scheduleReconnect(driver, connector, phone, current, all,
                            failedAt, attempt + 1));
                }
            }, "phone-reconnect");
            t.setDaemon(true);
            t.start();
        });
    }

    private static void closeAll(List<TcpTransport> all) {
        for (TcpTransport t : all) {
            t.drainAndClose(2_000);
        }
    }

    static Map<String, Long> parseReport(String text) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                try {
                    m.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
                } catch (NumberFormatException ignored) {
                    // a field this phone does not know
                }
            }
        }
        return m;
    }

    /** Opens authenticated connections to the server (the first one and every reconnection). */
    static final class Connector {
        final Setup s;
        final InetSocketAddress target;
        final WallClockDriver driver;
        final Vm vm;

        /**
         * This run's scope in the server's dex cache: random, one per run, so the run's first
         * session ships the app's code and its reconnections reuse it, as a simulated run does
         * (OffloadRun's dex cache lives as long as the run); bytes on the wire can then agree.
         */
        final String dexCacheScope = Handshake.newToken().substring(0, 32);

        Connector(Setup s, InetSocketAddress target, WallClockDriver driver, Vm vm) {
            this.s = s;
            this.target = target;
            this.driver = driver;
            this.vm = vm;
        }

        TcpTransport connect() throws IOException {
            Socket socket = new Socket();
            try {
                socket.connect(target, 10_000);
                socket.setSoTimeout(30_000);
                byte[] binding = new byte[0];
                if (s.tls()) {
                    Tls.Wrapped w = Tls.clientWrap(socket, target.getHostString());
                    socket = w.socket();
                    binding = w.binding();
                }
                Map<String, String> params = new LinkedHashMap<>();
                OffloadRun.Config c = s.config();
                params.put("policy", c.policy().name());
                params.put("compress", Boolean.toString(c.compress()));
                params.put("phone_cores", Integer.toString(c.phone().cores()));
                params.put("vm_time_ns", Long.toString(Math.max(0, driver.clockNanos())));
                params.put("class_path", c.classPathText());
                params.put("dex_cache_scope", dexCacheScope);
                Handshake.ClientResult r = Handshake.client(new DataInputStream(socket.getInputStream()),
                        new DataOutputStream(socket.getOutputStream()), s.token(), binding, params);
                socket.setSoTimeout(0);
                return new TcpTransport(socket, driver, r.rttNanos(), Framing.MAX_PAYLOAD, TcpTransport.DEFAULT_MAX_QUEUED,
                        "phone");
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }
    }

    private static PrintStream ps(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }
}
