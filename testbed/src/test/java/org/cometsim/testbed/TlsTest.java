package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.cometsim.scenarios.OffloadRun;
import org.junit.jupiter.api.Test;

/** {@code --tls}: an offloaded run over TLS with the token proofs bound to the certificate. */
class TlsTest {
    @Test
    void offloadedRunOverTlsAndWrongTokenRefused() throws Exception {
        try (Loopback loopback = new Loopback(TestbedServer.Limits.defaults(), Tls.generateServer())) {
            OffloadRun.Side local = Loopback.local("mandelbrot");
            Emulation.Outcome o = loopback.run("mandelbrot", "always", List.of());
            assertEquals(local.stdout(), o.offload().stdout());
            assertTrue(o.phone().migrationsOut() > 0);
            assertTrue(o.serverReported());
            // The wrong token over TLS: refused before anything runs.
            Emulation.Setup wrong = new Emulation.Setup(Loopback.config("mandelbrot", "always"), loopback.address(),
                    "a-wrong-token-of-some-length".getBytes(StandardCharsets.UTF_8), true, Route.direct(),
                    WallClockDriver.Pacing.PACED, List.of());
            Handshake.Refused e = assertThrows(Handshake.Refused.class, () -> Emulation.run(wrong));
            assertTrue(e.getMessage().contains("could not prove the token"), e.getMessage());
            // A plain-TCP client against the TLS server gets nowhere either.
            Emulation.Setup plain = new Emulation.Setup(Loopback.config("mandelbrot", "always"), loopback.address(),
                    loopback.token, false, Route.direct(), WallClockDriver.Pacing.PACED, List.of());
            assertThrows(java.io.IOException.class, () -> Emulation.run(plain));
            loopback.awaitIdle();
            assertTrue(loopback.log().contains("ended: the peer closed the connection"), loopback.log());
        }
    }

}
