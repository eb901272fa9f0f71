package org.cometsim.testbed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.Policies;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * What the testbed's tests share: an in-process {@link TestbedServer} on an ephemeral loopback
 * port with its log captured, the built-in workloads' configurations, their local baselines (the
 * simulator's, computed once), and a phone run against a server.
 *
 * <p>Both sides are paced: the phone runs at its 2012 model's speed, so the set-up (a round trip
 * and the dex transfer over loopback) is over long before a small workload could end; unpaced, a
 * warm host runs a small workload in less time than the server takes to make its VM, and nothing
 * would move.
 */
final class Loopback implements AutoCloseable {
    static final String PHONE = "phone-2012-hummingbird-portable";
    static final String SERVER = "server-2012-portable";
    private static final Map<String, ClassPath> CODE = new ConcurrentHashMap<>();
    private static final Map<String, OffloadRun.Side> LOCAL = new ConcurrentHashMap<>();

    final byte[] token = Handshake.newToken().getBytes(StandardCharsets.UTF_8);
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    final TestbedServer server;

    Loopback(TestbedServer.Limits limits) throws IOException {
        this(limits, null);
    }

    /** @param tls null for plain TCP */
    Loopback(TestbedServer.Limits limits, Tls tls) throws IOException {
        this.tls = tls != null;
        this.server = new TestbedServer(new InetSocketAddress("127.0.0.1", 0), token, DeviceModels.cpu(SERVER),
                WallClockDriver.Pacing.PACED, limits, tls, log);
        server.start();
    }

    final boolean tls;

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    String log() {
        synchronized (log) {
            return logBytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits (bounded) until no session is active, so every session's last log line is written. */
    void awaitIdle() throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (server.activeSessions() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }

    /** Runs {@code workload} (small) under {@code policy} against this server, paced. */
    Emulation.Outcome run(String workload, String policy, List<Long> failAt) throws IOException {
        return Emulation.run(new Emulation.Setup(config(workload, policy), address(), token, tls, Route.direct(),
                WallClockDriver.Pacing.PACED, failAt));
    }

    static Emulation.Outcome run(InetSocketAddress server, byte[] token, String workload, String policy, List<Long> failAt)
            throws IOException {
        return Emulation.run(new Emulation.Setup(config(workload, policy), server, token, false, Route.direct(),
                WallClockDriver.Pacing.PACED, failAt));
    }

    /** Runs {@code workload} and cuts the connection right after the phone's {@code n}-th migration to the server. */
    Emulation.Outcome runCuttingAfterMigration(String workload, String policy, int n) throws IOException {
        return Emulation.run(new Emulation.Setup(config(workload, policy), address(), token, false, Route.direct(),
                WallClockDriver.Pacing.PACED, List.of(), m -> m.migrationsOut() >= n));
    }

    static OffloadRun.Config config(String workload, String policy) {
        Workload w = WorkloadCatalog.get(workload);
        return new OffloadRun.Config(code(w), w.name() + ".dex", w.mainClass(), w.args(Size.SMALL).toArray(new String[0]),
                DeviceModels.cpu(PHONE), DeviceModels.cpu(SERVER), sim -> LinkModels.preset("comet-wifi", sim.streams()),
                OffloadRun.radioFor("comet-wifi"), Policies.byName(policy), null, 1, true, null);
    }

    /** The program alone on the simulated phone: what every offloaded run must print. */
    static OffloadRun.Side local(String workload) {
        return LOCAL.computeIfAbsent(workload, n -> OffloadRun.runLocal(config(n, "never")));
    }

    private static ClassPath code(Workload w) {
        return CODE.computeIfAbsent(w.name(), n -> {
            try {
                ClassPath cp = new ClassPath();
                for (String r : WorkloadCatalog.resources(w, Kind.DEX)) {
                    try (InputStream in = WorkloadCatalog.open(r)) {
                        cp.addDex(r.substring(r.lastIndexOf('/') + 1), in.readAllBytes());
                    }
                }
                return cp;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (LoadException e) {
                throw new IllegalStateException("a built-in workload does not load", e);
            }
        });
    }

    @Override
    public void close() {
        server.close();
    }
}
