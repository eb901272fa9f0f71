package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cometsim.scenarios.OffloadRun;
import org.junit.jupiter.api.Test;

/**
 * Per-session limits end that session only; the phone recovers as after any failure and the
 * program's output is unchanged.
 */
class SessionLimitsTest {
    @Test
    void instructionBudgetEndsTheSessionAndThePhoneFinishes() throws Exception {
        try (Loopback loopback = new Loopback(TestbedServer.Limits.defaults().withMaxInstructions(100_000))) {
            OffloadRun.Side local = Loopback.local("mandelbrot");
            Emulation.Outcome o = loopback.run("mandelbrot", "always", List.of());
            assertEquals(local.stdout(), o.offload().stdout());
            assertTrue(o.phone().connectionsLost() >= 1, "the server cut the session");
            loopback.awaitIdle();
            assertTrue(loopback.log().contains("ended: instruction budget exhausted (100000)"), loopback.log());
        }
    }

    @Test
    void threadLimitEndsTheSessionAndThePhoneFinishes() throws Exception {
        try (Loopback loopback = new Loopback(TestbedServer.Limits.defaults().withMaxThreads(1))) {
            OffloadRun.Side local = Loopback.local("parallelrender");
            Emulation.Outcome o = loopback.run("parallelrender", "always", List.of());
            assertEquals(local.stdout(), o.offload().stdout());
            assertTrue(o.phone().connectionsLost() >= 1, "the server cut the session");
            loopback.awaitIdle();
            assertTrue(loopback.log().contains("ended: more than 1 threads"), loopback.log());
        }
    }
}
