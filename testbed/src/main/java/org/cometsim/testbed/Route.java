package org.cometsim.testbed;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * How the phone reaches the server: the address to connect to for a server address. The direct
 * route is the server itself; a link shaper (network-models {@code LinkShaper}, a loopback relay
 * applying the scenario's link to the byte stream) returns its own listening address. One route
 * serves every connection of a run (reconnections after a failure included).
 */
public interface Route extends AutoCloseable {
    /** The address the phone connects to in order to reach {@code server}. */
    InetSocketAddress open(InetSocketAddress server) throws IOException;

    /** Releases what {@link #open} set up (a relay's sockets and threads). */
    @Override
    void close();

    /** Straight to the server: no shaping (loopback, or whatever network lies between). */
    static Route direct() {
        return new Route() {
            @Override
            public InetSocketAddress open(InetSocketAddress server) {
                return server;
            }

            @Override
            public void close() {
            }
        };
    }
}
