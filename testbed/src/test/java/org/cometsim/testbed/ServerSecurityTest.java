package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cometsim.scenarios.OffloadRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken clients against one server: each is refused or cleaned up, leaves exactly
 * one log line, and the server keeps serving: a good phone's offloaded run succeeds afterwards.
 */
class ServerSecurityTest {
    private static Loopback loopback;

    @BeforeAll
    static void start() throws Exception {
        loopback = new Loopback(TestbedServer.Limits.defaults().withMaxClients(8).withHandshakeMillis(500)
                .withWriteLimits(TcpTransport.DEFAULT_MAX_QUEUED, 500));
    }

    @AfterAll
    static void stop() {
        loopback.close();
    }

    private static Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", loopback.server.port());
        s.setSoTimeout(10_000);
        return s;
    }

    /** Authenticates as a phone would, with the right token, then hands the raw socket over. */
    private static Socket authenticated() throws IOException {
        Socket s = connect();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("policy", "always");
        Handshake.client(new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()),
                loopback.token, new byte[0], params);
        return s;
    }

    /** The first log line containing {@code expected} of a connection numbered above {@code before}. */
    private static String lineOf(int before, String expected) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until) {
            for (String line : loopback.log().split("\n")) {
                Matcher m = Pattern.compile("client #(\\d+) ").matcher(line);
                if (m.find() && Integer.parseInt(m.group(1)) > before && line.contains(expected)) {
                    return line;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no log line with \"" + expected + "\" in:\n" + loopback.log());
    }

    private static int clientsSoFar() {
        Matcher m = Pattern.compile("client #(\\d+) ").matcher(loopback.log());
        int n = 0;
        while (m.find()) {
            n = Math.max(n, Integer.parseInt(m.group(1)));
        }
        return n;
    }

    /** Reads (and drops: the server's transport pings) until the server closes the connection. */
    private static void awaitClosed(Socket s) throws IOException {
        s.getInputStream().readAllBytes();
    }

    /** A good phone's offloaded run after the bad ones: right output, threads moved, no failure. */
    private static void goodClientSucceeds() throws Exception {
        OffloadRun.Side local = Loopback.local("mandelbrot");
        Emulation.Outcome o = loopback.run("mandelbrot", "always", List.of());
        assertEquals(local.stdout(), o.offload().stdout());
        assertTrue(o.phone().migrationsOut() > 0);
        assertEquals(0, o.phone().connectionsLost());
    }

    @Test
    void wrongTokenIsRefusedOnBothSides() throws Exception {
        int before = clientsSoFar();
        // A phone with the wrong token: the server's proof does not verify, the phone gives up.
        try (Socket s = connect()) {
            Handshake.Refused e = assertThrows(Handshake.Refused.class, () -> Handshake.client(
                    new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()),
                    "not-the-token-at-all-0000".getBytes(StandardCharsets.UTF_8), new byte[0], Map.of()));
            assertTrue(e.getMessage().contains("could not prove the token"), e.getMessage());
        }
        lineOf(before, "refused: closed during the handshake");
        // A client that sends a proof anyway: the server refuses it.
        before = clientsSoFar();
        try (Socket s = connect()) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.write(Handshake.MAGIC);
            out.write(new byte[Handshake.NONCE]);
            out.flush();
            s.getInputStream().readNBytes(Handshake.NONCE + Handshake.MAC);
            out.write(new byte[Handshake.MAC]);
            out.writeShort(0);
            out.flush();
            awaitClosed(s);
        }
        assertTrue(lineOf(before, "refused").contains("the client could not prove the token"));
        goodClientSucceeds();
    }

    @Test
    void noTokenOrGarbageBeforeTheHandshakeIsRefused() throws Exception {
        int before = clientsSoFar();
        try (Socket s = connect()) {
            // COMET's own first frame without authenticating first.
            s.getOutputStream().write(ByteBuffer.allocate(16).putInt(0).putInt(8).putLong(42).array());
            s.getOutputStream().flush();
            awaitClosed(s);
        }
        assertTrue(lineOf(before, "refused").contains("bad greeting"));
        before = clientsSoFar();
        try (Socket s = connect()) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            awaitClosed(s);
        }
        assertTrue(lineOf(before, "refused").contains("bad greeting"));
        // Connected, silent: cut at the handshake deadline.
        before = clientsSoFar();
        try (Socket s = connect()) {
            awaitClosed(s);
        }
        assertTrue(lineOf(before, "refused").contains("deadline"));
        goodClientSucceeds();
    }

    @Test
    void frameClaimingFourGigabytesEndsTheSession() throws Exception {
        int before = clientsSoFar();
        try (Socket s = authenticated()) {
            s.getOutputStream().write(ByteBuffer.allocate(8).putInt(1).putInt(0xFFFFFFFF).array());
            s.getOutputStream().flush();
            awaitClosed(s);
        }
        assertTrue(lineOf(before, "ended").contains("a frame claims 4294967295 payload bytes"));
        goodClientSucceeds();
    }

    @Test
    void malformedMessageEndsTheSession() throws Exception {
        int before = clientsSoFar();
        try (Socket s = authenticated()) {
            // A well-framed message of garbage (zlib on: not even a deflate stream).
            s.getOutputStream().write(ByteBuffer.allocate(8 + 16).putInt(1).putInt(16).putLong(-1).putLong(-1).array());
            s.getOutputStream().flush();
            awaitClosed(s);
        }
        assertTrue(lineOf(before, "ended").contains("malformed"));
        goodClientSucceeds();
    }

    @Test
    void clientThatStopsReadingIsCut() throws Exception {
        int before = clientsSoFar();
        try (Socket s = authenticated()) {
            // Pings the server must answer, never reading the answers: the server's writes block.
            OutputStream out = s.getOutputStream();
            byte[] ping = ByteBuffer.allocate(17).putInt(TcpTransport.PING_STREAM).putInt(9).put((byte) 0).putLong(1).array();
            byte[] burst = new byte[ping.length * 4096];
            for (int i = 0; i < 4096; i++) {
                System.arraycopy(ping, 0, burst, i * ping.length, ping.length);
            }
            try {
                for (int i = 0; i < 4096; i++) {
                    out.write(burst);
                }
            } catch (IOException expected) {
                // the server cut us
            }
        }
        String line = lineOf(before, "ended");
        assertTrue(line.contains("does not read") || line.contains("queued"), line);
        goodClientSucceeds();
    }

    @Test
    void clientDisappearingMidMessageIsCleanedUp() throws Exception {
        int before = clientsSoFar();
        try (Socket s = authenticated()) {
            // Half a frame: the header promises 1000 bytes, 500 arrive, then the client is gone.
            s.getOutputStream().write(ByteBuffer.allocate(8 + 500).putInt(1).putInt(1000).array());
            s.getOutputStream().flush();
        }
        assertTrue(lineOf(before, "ended").contains("the peer closed the connection"));
        goodClientSucceeds();
    }

    @Test
    void clientDisappearingMidRunIsCleanedUp() throws Exception {
        // A real phone cuts its connection while threads move both ways (mid-sync or near it);
        // the server ends that session; the phone finishes alone with the right output.
        int before = clientsSoFar();
        OffloadRun.Side local = Loopback.local("mandelbrot");
        Emulation.Outcome o = loopback.runCuttingAfterMigration("mandelbrot", "pingpong:1", 3);
        assertEquals(local.stdout(), o.offload().stdout());
        assertEquals(1, o.phone().connectionsLost());
        assertTrue(lineOf(before, "ended").contains("the peer closed the connection"));
        goodClientSucceeds();
    }

    @Test
    void fiftyClientsAtOnce() throws Exception {
        int before = clientsSoFar();
        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try (Socket s = authenticated()) {
                        return "accepted";
                    } catch (IOException e) {
                        return "refused";
                    }
                }));
            }
            go.countDown();
            int accepted = 0;
            for (Future<String> f : results) {
                if (f.get(60, TimeUnit.SECONDS).equals("accepted")) {
                    accepted++;
                }
            }
            assertTrue(accepted >= 1, "some clients got a session");
        } finally {
            pool.shutdownNow();
        }
        loopback.awaitIdle();
        // Every one of the 50 has exactly one final line: refused (server full) or ended.
        long until = System.nanoTime() + 20_000_000_000L;
        int lines;
        do {
            lines = 0;
            for (String line : loopback.log().split("\n")) {
                Matcher m = Pattern.compile("client #(\\d+) [^ ]+ (refused|ended)").matcher(line);
                if (m.find() && Integer.parseInt(m.group(1)) > before) {
                    lines++;
                }
            }
            if (lines < n) {
                Thread.sleep(20);
            }
        } while (lines < n && System.nanoTime() < until);
        assertEquals(n, lines, loopback.log());
        assertFalse(loopback.log().contains("internal error"), loopback.log());
        assertEquals(0, loopback.server.activeSessions());
        goodClientSucceeds();
    }
}
