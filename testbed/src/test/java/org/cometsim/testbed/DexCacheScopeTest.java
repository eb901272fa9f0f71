package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.util.List;
import java.util.Map;

import org.cometsim.scenarios.OffloadRun;
import org.junit.jupiter.api.Test;

/**
 * Each emulated run ships the app's code once, as each simulated run does, even to a server that
 * already holds it from an earlier run (the dex cache is scoped to the run): so the bytes of
 * deterministic policies can agree between the worlds (issue #16's target). Outcomes only.
 */
class DexCacheScopeTest {
    @Test
    void everyRunShipsTheAppCodeOnceLikeTheSimulator() throws Exception {
        OffloadRun.Result simulated = OffloadRun.run(Loopback.config("mandelbrot", "always"));
        long simulatedDex = simulated.phone().dexBytesSent();
        assertTrue(simulatedDex > 0, "the simulated server asked for the app's code");
        try (Loopback loopback = new Loopback(TestbedServer.Limits.defaults())) {
            Emulation.Outcome first = loopback.run("mandelbrot", "always", List.of());
            Emulation.Outcome second = loopback.run("mandelbrot", "always", List.of());
            assertTrue(first.phone().migrationsOut() > 0 && second.phone().migrationsOut() > 0, "threads moved");
            // The second run's server already has the files from the first run, in another scope:
            // it asks for them again, and the same files compress to the same bytes in both worlds.
            assertEquals(simulatedDex, first.phone().dexBytesSent(), "first run ships what the simulator ships");
            assertEquals(simulatedDex, second.phone().dexBytesSent(), "so does the second, to a warm server");
        }
    }

    @Test
    void aScopeThatIsNotHexDigitsIsRefused() throws Exception {
        try (Loopback loopback = new Loopback(TestbedServer.Limits.defaults())) {
            for (String bad : List.of("../etc", "0".repeat(65), "ABC")) {
                try (Socket s = new Socket("127.0.0.1", loopback.server.port())) {
                    s.setSoTimeout(10_000);
                    Handshake.Refused e = assertThrows(Handshake.Refused.class, () -> Handshake.client(
                            new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()),
                            loopback.token, new byte[0], Map.of("policy", "always", "dex_cache_scope", bad)));
                    assertTrue(e.getMessage().contains("dex_cache_scope"), e.getMessage());
                }
            }
            loopback.awaitIdle();
            assertTrue(loopback.log().contains("refused: session parameter dex_cache_scope"), loopback.log());
        }
    }
}
