package org.cometsim.testbed;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.offload.OffloadMetrics;
import org.cometsim.offload.policy.Policies;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.results.RunRecord;
import org.cometsim.scenarios.spec.Scenario;
import org.cometsim.scenarios.spec.ScenarioParser;
import org.cometsim.scenarios.spec.ScenarioRunner;
import org.cometsim.scenarios.yaml.ScenarioException;

/**
 * {@code comet emulate SCENARIO.yaml}: the scenario's program with the phone in this process and
 * the server in another ({@link Emulation}), its output and a summary like {@code comet run}'s,
 * and with {@code --out DIR} a {@code result.json} in comet-run/1's schema plus
 * {@code "mode": "testbed"} and {@code "wall_time_s"}.
 *
 * <p>The local baseline ({@code local_time_s}) is the simulator's local run of the same phone
 * model (a paced local run on the wall clock would take as long as the phone's model says and
 * measure the same thing, up to the host's jitter); the offloaded run is measured.
 */
public final class EmulateCommand {
    private EmulateCommand() {
    }

    public static final String USAGE = String.join("\n",
            "usage: comet emulate SCENARIO.yaml [--server HOST:PORT --token-file F] [--tls] [--out DIR]",
            "                     [--unpaced] [--fail-at TIME[,TIME...]] [--fail-random SEED,WINDOW] [--no-shaper]",
            "  runs the scenario's program with the phone VM in this process against a real server over",
            "  TCP, on the wall clock (the phone paced to its CPU model unless --unpaced). Without --server",
            "  it starts 'comet serve' on loopback as a child process and stops it afterwards. Prints the",
            "  program's output and a summary; --out DIR writes DIR/result.json (comet-run/1 + \"mode\":",
            "  \"testbed\"), DIR/trace.jsonl, DIR/scenario.yaml (and DIR/server.log for a child server).",
            "  The phone reaches the server through a link shaper (a loopback relay applying the scenario's",
            "  link: latency, rates, jitter, loss, outages, traces) unless --no-shaper. --fail-at cuts the",
            "  connection at those times (besides the scenario's failures): the shaper resets both sockets;",
            "  --fail-random 7,2s adds one cut at a moment drawn from seed 7 in [0, 2s).",
            "  The scenario's time_limit stops the run at that time on the wall clock since the run started",
            "  (paced or not; the local baseline, simulated, stops at that simulated time, as in comet run).",
            "  A sweep file is refused: its points run in the simulator with 'comet sweep'.",
            "");

    /**
     * How the phone reaches the server for a scenario: through a link shaper applying
     * {@code scenario.link()} with the scenario's seed, which also applies the failures (a cut of
     * the relay); or direct, the failures then applied by the phone closing its socket.
     */
    static Route routeFor(Scenario s, boolean shaped, List<Long> failures) {
        return shaped ? ShapedRoute.of(s, s.seed(), failures) : Route.direct();
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        Path file = Path.of(args.get(0));
        String server = null;
        Path tokenFile = null;
        Path outDir = null;
        boolean tls = false;
        boolean shaped = true;
        WallClockDriver.Pacing pacing = WallClockDriver.Pacing.PACED;
        List<Long> failAt = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--tls")) {
                tls = true;
                continue;
            }
            if (a.equals("--no-shaper")) {
                shaped = false;
                continue;
            }
            if (a.equals("--unpaced")) {
                pacing = WallClockDriver.Pacing.UNPACED;
                continue;
            }
            if (i + 1 >= args.size()) {
                return usage(err, a + " needs a value");
            }
            String v = args.get(++i);
            switch (a) {
                case "--server" -> server = v;
                case "--token-file" -> tokenFile = Path.of(v);
                case "--out" -> outDir = Path.of(v);
                case "--fail-at" -> {
                    try {
                        for (String t : v.split(",")) {
                            failAt.add(Policies.parseDuration("--fail-at", t.trim()));
                        }
                    } catch (IllegalArgumentException e) {
                        return usage(err, e.getMessage());
                    }
                }
                case "--fail-random" -> {
                    String[] parts = v.split(",");
                    try {
                        if (parts.length != 2) {
                            throw new IllegalArgumentException("--fail-random wants SEED,WINDOW (e.g. 7,2s), not " + v);
                        }
                        failAt.add(ShapedRoute.randomMoment(Long.parseLong(parts[0].trim()),
                                Policies.parseDuration("--fail-random", parts[1].trim())));
                    } catch (IllegalArgumentException e) {
                        return usage(err, e.getMessage());
                    }
                }
                default -> {
                    return usage(err, "emulate: unknown option " + a);
                }
            }
        }
        if ((server == null) != (tokenFile == null)) {
            return usage(err, "emulate: --server and --token-file go together");
        }
        if (isSweep(file)) {
            return usage(err, "emulate: " + file + " is a sweep (base and axes), and emulate runs one scenario: run the"
                    + " sweep's points in the simulator with 'comet sweep " + file + "', or emulate one point written"
                    + " out as a scenario file");
        }
        Scenario s;
        try {
            s = ScenarioParser.read(file);
        } catch (ScenarioException e) {
            return usage(err, e.getMessage());
        }
        try (ScenarioRunner runner = new ScenarioRunner(D8Converter.withDefaultCache())) {
            OffloadRun.Config c;
            try {
                c = runner.config(s, s.seed());
            } catch (ScenarioException | IllegalArgumentException e) {
                return usage(err, e.getMessage());
            }
            List<Long> failures = new ArrayList<>(s.failAtNanos());
            failures.addAll(failAt);
            OffloadRun.Side local = OffloadRun.runLocal(c);
            ServerProcess child = null;
            Route route = null;
            Emulation.Outcome o;
            try {
                InetSocketAddress address;
                byte[] token;
                if (server == null) {
                    child = ServerProcess.start(serverArgs(s, tls, pacing));
                    address = child.address();
                    token = child.token();
                } else {
                    try {
                        address = parseAddress(server);
                    } catch (IllegalArgumentException e) {
                        return usage(err, e.getMessage());
                    }
                    token = Handshake.readToken(tokenFile);
                }
                route = routeFor(s, shaped, failures);
                o = Emulation.run(new Emulation.Setup(c, address, token, tls, route, pacing,
                        shaped ? List.of() : failures));
            } finally {
                if (child != null) {
                    child.close(outDir);
                }
            }
            OffloadRun.Result r = o.result(local);
            out.print(r.offload().stdout());
            out.flush();
            err.print(r.offload().stderr());
            printSummary(r, o, s, c.policy().name(), pacing, err);
            if (route instanceof ShapedRoute sr && sr.shaper() != null) {
                var sh = sr.shaper();
                err.printf(Locale.ROOT, "comet:   link shaper      %d B up, %d B down relayed (wire %d up, %d down); %d connection(s), %d cut(s), %d refused%n",
                        sh.bytes(org.cometsim.net.Direction.UP), sh.bytes(org.cometsim.net.Direction.DOWN),
                        sh.wireBytes(org.cometsim.net.Direction.UP), sh.wireBytes(org.cometsim.net.Direction.DOWN),
                        sh.connections(), sh.cuts(), sh.refused());
            }
            if (outDir != null) {
                String json = resultJson(r, o, s, c.policy().name(), pacing);
                write(outDir.resolve("result.json"), json);
                write(outDir.resolve("trace.jsonl"), String.join("\n", o.trace()) + (o.trace().isEmpty() ? "" : "\n"));
                Files.copy(file, outDir.resolve("scenario.yaml"), StandardCopyOption.REPLACE_EXISTING);
                err.println("comet: wrote " + outDir.resolve("result.json"));
            }
            return r.offload().status();
        } catch (VmError e) {
            err.println("comet: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("comet: emulate: " + e.getMessage());
            if (System.getenv("COMET_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /** Whether {@code file} is a sweep file (a {@code base} and {@code axes}) rather than one scenario. */
    static boolean isSweep(Path file) {
        try {
            return org.cometsim.scenarios.yaml.YamlReader.read(file) instanceof org.cometsim.scenarios.yaml.YNode.YMap m
                    && (m.entries().containsKey("base") || m.entries().containsKey("axes"));
        } catch (ScenarioException e) {
            return false; // the scenario parser reports it
        }
    }

    /** The child server runs the scenario's server CPU preset when it names one. */
    private static List<String> serverArgs(Scenario s, boolean tls, WallClockDriver.Pacing pacing) {
        List<String> a = new ArrayList<>();
        if (tls) {
            a.add("--tls");
        }
        if (pacing == WallClockDriver.Pacing.UNPACED) {
            a.add("--unpaced");
        }
        String src = s.server().source();
        if (src != null && (src.startsWith("preset:") || src.startsWith("file:"))) {
            a.add("--server-cpu");
            a.add(src.substring(src.indexOf(':') + 1));
        }
        return a;
    }

    /** comet-run/1 with the testbed's two fields appended: {@code "mode": "testbed"} and the run's wall time. */
    static String resultJson(OffloadRun.Result r, Emulation.Outcome o, Scenario s, String policy,
                             WallClockDriver.Pacing pacing) {
        String json = RunRecord.json(r, new RunRecord.Names(s.phone().label(), s.server().label(), s.link().label(), policy,
                null, s.seed(), s.compression()));
        int end = json.lastIndexOf('}');
        return json.substring(0, end).stripTrailing() + String.format(Locale.ROOT,
                ",\n  \"mode\": \"testbed\",\n  \"pacing\": \"%s\",\n  \"wall_time_s\": %.6f,\n  \"server_counts_reported\": %s\n}\n",
                pacing.name().toLowerCase(Locale.ROOT), o.wallNanos() / 1e9, o.serverReported());
    }

    static void printSummary(OffloadRun.Result r, Emulation.Outcome o, Scenario s, String policy,
                             WallClockDriver.Pacing pacing, PrintStream err) {
        OffloadMetrics p = r.phone();
        OffloadMetrics sv = r.server();
        err.printf(Locale.ROOT, "comet: testbed (%s): phone %s, server %s, link %s, policy %s%n",
                pacing.name().toLowerCase(Locale.ROOT), s.phone().label(), s.server().label(), s.link().label(), policy);
        err.printf(Locale.ROOT, "comet:   local time       %12.6f s (simulated)%n", r.local().timeNanos() / 1e9);
        err.printf(Locale.ROOT, "comet:   offloaded time   %12.6f s   speed-up %.3fx   (wall %.3f s)%n",
                r.offload().timeNanos() / 1e9, r.speedup(), o.wallNanos() / 1e9);
        err.printf(Locale.ROOT, "comet:   migrations       %d to the server, %d back%n", p.migrationsOut(), p.migrationsIn());
        err.printf(Locale.ROOT, "comet:   syncs            %d phone -> server, %d server -> phone%n", p.syncsSent(),
                p.syncsReceived());
        err.printf(Locale.ROOT, "comet:   bytes on wire    %d up, %d down (app code %d)%n", p.wireBytesSent(),
                p.wireBytesReceived(), p.dexBytesSent());
        long total = r.offload().instructions();
        err.printf(Locale.ROOT, "comet:   instructions     %d, %.1f%% on the server%s%n", total,
                total == 0 ? 0.0 : 100.0 * r.serverInstructions() / total, o.serverReported() ? "" : " (server did not report)");
        if (p.connectionsLost() > 0) {
            err.printf(Locale.ROOT, "comet:   failures         %d connection(s) lost, %d thread(s) resumed on the phone, %d reconnection(s)%n",
                    p.connectionsLost(), p.threadsRecovered(), p.connections() - 1);
        }
        boolean same = r.local().stdout().equals(r.offload().stdout());
        err.printf(Locale.ROOT, "comet:   output           %s (sha256 %s)%n",
                same ? "same as the local run" : "DIFFERS from the local run", r.offload().stdoutSha256().substring(0, 16));
        if (sv.migrationsOut() != p.migrationsIn() && o.serverReported()) {
            err.printf(Locale.ROOT, "comet:   note             the server counted %d returns (some lost with a connection)%n",
                    sv.migrationsOut());
        }
    }

    static InetSocketAddress parseAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--server wants HOST:PORT, not " + hostPort);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static void write(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("comet: " + message);
        err.println("run 'comet emulate --help' for usage");
        return 2;
    }
}
