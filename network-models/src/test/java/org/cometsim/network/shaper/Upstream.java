package org.cometsim.network.shaper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A loopback server for the tests: hands each accepted socket to the test. */
final class Upstream implements AutoCloseable {
    private final ServerSocket server;
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();

    Upstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(server.accept());
                }
            } catch (IOException e) {
                // closed
            }
        }, "test-upstream");
        t.setDaemon(true);
        t.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** The next connection the relay made (bounded wait: a hung relay fails the test, never slows it down for ever). */
    Socket next() throws InterruptedException {
        Socket s = accepted.poll(20, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("the relay never connected upstream");
        }
        return s;
    }

    static byte[] readExactly(Socket s, int n) {
        try {
            s.setSoTimeout(20_000);
            return s.getInputStream().readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the peer broke or closed the connection: a read ends (-1) or fails. */
    static boolean ends(Socket s) {
        try {
            s.setSoTimeout(20_000);
            InputStream in = s.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
