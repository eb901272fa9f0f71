package org.cometsim.testbed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code comet serve} in a child OS process on loopback, for {@code comet emulate} without
 * {@code --server} and for tests: an ephemeral port, a fresh token in a private temporary
 * directory, the server's log in a file there. The child watches its stdin and exits when this
 * process goes, so no server outlives its emulation.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final Path tokenFile;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path dir, Path tokenFile, Path log, int port) {
        this.process = process;
        this.dir = dir;
        this.tokenFile = tokenFile;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the server with {@code extraArgs} (e.g. {@code --tls}, limits) and waits until it listens.
     *
     * @throws IOException if it did not start within 60 s (its log is in the message)
     */
    public static ServerProcess start(List<String> extraArgs) throws IOException {
        Path dir = Files.createTempDirectory("comet-serve-");
        Path tokenFile = dir.resolve("token");
        ServeCommand.writeNewToken(tokenFile);
        Path portFile = dir.resolve("port");
        Path log = dir.resolve("server.log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xss16m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ServeCommand.class.getName());
        cmd.addAll(List.of("--port", "0", "--port-file", portFile.toString(), "--token-file", tokenFile.toString(),
                "--parent-watch"));
        cmd.addAll(extraArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long until = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(portFile)) {
            if (!p.isAlive() || System.nanoTime() > until) {
                p.destroyForcibly();
                throw new IOException("the server process did not start: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted while starting the server", e);
            }
        }
        int port = Integer.parseInt(Files.readString(portFile, StandardCharsets.UTF_8).trim());
        return new ServerProcess(p, dir, tokenFile, log, port);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    public byte[] token() throws IOException {
        return Handshake.readToken(tokenFile);
    }

    public Path tokenFile() {
        return tokenFile;
    }

    /** The server's log so far. */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Kills the server process at once (failure injection: the phone must recover). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server and keeps its log as {@code dir/server.log} (if {@code dir} is not null). */
    public void close(Path keepLogIn) throws IOException {
        try {
            close0();
        } finally {
            if (keepLogIn != null) {
                Files.createDirectories(keepLogIn);
                Files.copy(log, keepLogIn.resolve("server.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            deleteFiles();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            close0();
        } finally {
            deleteFiles();
        }
    }

    /** Stops the server (closing its stdin makes it exit; forcibly after 5 s) and deletes its directory. */
    private void close0() throws IOException {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void deleteFiles() throws IOException {
        for (Path f : List.of(tokenFile, dir.resolve("port"), log)) {
            Files.deleteIfExists(f);
        }
        Files.deleteIfExists(dir);
    }
}
