package org.cometsim.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.cpu.CpuPresets;

/**
 * {@code comet serve}: runs a {@link TestbedServer} until the process is stopped. Also the main
 * class of the server process {@code comet emulate} starts on loopback ({@link ServerProcess}).
 */
public final class ServeCommand {
    private ServeCommand() {
    }

    public static final String USAGE = String.join("\n",
            "usage: comet serve --token-file F [--port P] [--bind ADDR] [--tls] [--max-clients N]",
            "                   [--server-cpu PRESET] [--unpaced] [--handshake-timeout MS] [--max-threads N]",
            "                   [--max-instructions N] [--session-heap SIZE]",
            "  the offload server in this process: each phone that connects and proves the token in F",
            "  (its first line; created with a fresh random token if F does not exist) gets its own VM.",
            "  --port 0 picks a free port (default 7071); --bind 0.0.0.0 listens beyond loopback",
            "  (default 127.0.0.1); --tls wraps connections in TLS with a key generated at start.",
            "  --session-heap 256MiB (the default; B, KiB, MiB, GiB): each session's guest heap; a session",
            "  whose live data would pass it ends (the phone recovers and runs on).",
            "  Logs one line per connection and per migration on stderr. See testbed/README.md.",
            "");

    /**
     * A size with a binary unit: {@code 256MiB}, {@code 1GiB}, {@code 65536KiB}, {@code 1000000B}
     * (or a bare number of bytes); positive.
     */
    static long parseSize(String what, String text) {
        String t = text.trim();
        String[][] units = {{"GiB", "30"}, {"MiB", "20"}, {"KiB", "10"}, {"B", "0"}};
        long shift = 0;
        for (String[] u : units) {
            if (t.endsWith(u[0])) {
                t = t.substring(0, t.length() - u[0].length()).trim();
                shift = Long.parseLong(u[1]);
                break;
            }
        }
        long n;
        try {
            n = Long.parseLong(t);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a positive size (e.g. 256MiB, 1GiB, 65536KiB)");
        }
        return n << shift;
    }

    /** Default listening port. */
    public static final int DEFAULT_PORT = 7071;

    public static void main(String[] args) {
        int status = run(Arrays.asList(args), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Parses, starts the server and blocks until it is stopped (or the parent goes, with {@code --parent-watch}). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        int port = DEFAULT_PORT;
        String bind = "127.0.0.1";
        Path tokenFile = null;
        Path portFile = null;
        boolean tls = false;
        boolean parentWatch = false;
        String cpuName = "server-2012-portable";
        WallClockDriver.Pacing pacing = WallClockDriver.Pacing.PACED;
        TestbedServer.Limits limits = TestbedServer.Limits.defaults();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--tls" -> tls = true;
                    case "--unpaced" -> pacing = WallClockDriver.Pacing.UNPACED;
                    case "--parent-watch" -> parentWatch = true;
                    default -> {
                        if (i + 1 >= args.size()) {
                            return usage(err, a + " needs a value");
                        }
                        String v = args.get(++i);
                        switch (a) {
                            case "--port" -> port = Integer.parseInt(v);
                            case "--bind" -> bind = v;
                            case "--token-file" -> tokenFile = Path.of(v);
                            case "--port-file" -> portFile = Path.of(v);
                            case "--server-cpu" -> cpuName = v;
                            case "--max-clients" -> limits = limits.withMaxClients(positive(a, v));
                            case "--handshake-timeout" -> limits = limits.withHandshakeMillis(positive(a, v));
                            case "--max-threads" -> limits = limits.withMaxThreads(positive(a, v));
                            case "--max-instructions" -> limits = limits.withMaxInstructions(Long.parseLong(v));
                            case "--session-heap" -> limits = limits.withSessionHeap(parseSize(a, v));
                            default -> {
                                return usage(err, "serve: unknown option " + a);
                            }
                        }
                    }
                }
            }
        } catch (NumberFormatException e) {
            return usage(err, "serve: not a number: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (tokenFile == null) {
            return usage(err, "serve: --token-file is required (the shared secret phones must prove)");
        }
        CpuModel cpu;
        try {
            cpu = Files.isRegularFile(Path.of(cpuName)) ? CpuPresets.read(Path.of(cpuName)).model()
                    : CpuPresets.load(cpuName).model();
        } catch (RuntimeException e) {
            return usage(err, "serve: " + e.getMessage());
        }
        try {
            if (!Files.exists(tokenFile)) {
                writeNewToken(tokenFile);
                err.println("comet serve: wrote a new token to " + tokenFile + " (give it to the phones)");
            }
            byte[] token = Handshake.readToken(tokenFile);
            Tls t = tls ? Tls.generateServer() : null;
            try (TestbedServer server = new TestbedServer(new InetSocketAddress(bind, port), token, cpu, pacing, limits, t,
                    err)) {
                server.start();
                err.println("comet serve: listening on " + bind + ":" + server.port() + (tls ? " (TLS)" : "")
                        + ", server CPU " + cpuName + ", " + pacing.name().toLowerCase(java.util.Locale.ROOT)
                        + ", at most " + limits.maxClients() + " clients");
                err.flush();
                if (portFile != null) {
                    Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
                    Files.writeString(tmp, Integer.toString(server.port()), StandardCharsets.UTF_8);
                    Files.move(tmp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                if (parentWatch) {
                    // Started by comet emulate: when the parent goes (its end of our stdin closes), so do we.
                    InputStream in = System.in;
                    while (in.read() >= 0) {
                        // nothing is ever sent
                    }
                    // Let sessions whose phones just closed log their last line before the process ends.
                    long until = System.nanoTime() + 3_000_000_000L;
                    while (server.activeSessions() > 0 && System.nanoTime() < until) {
                        Thread.sleep(10);
                    }
                    err.println("comet serve: parent gone, stopping");
                    return 0;
                }
                Thread.currentThread().join();
            }
        } catch (IOException e) {
            err.println("comet serve: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** A fresh token in a file only its owner can read. */
    static void writeNewToken(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            // Created unreadable by others before the secret is written into it.
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
        Files.writeString(file, Handshake.newToken() + "\n", StandardCharsets.UTF_8);
    }

    private static int positive(String option, String v) {
        int n = Integer.parseInt(v);
        if (n <= 0) {
            throw new IllegalArgumentException("serve: " + option + " must be positive");
        }
        return n;
    }

    private static int usage(PrintStream err, String message) {
        err.println("comet: " + message);
        err.print(USAGE);
        return 2;
    }
}
