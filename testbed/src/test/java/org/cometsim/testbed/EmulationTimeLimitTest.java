package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cometsim.scenarios.OffloadRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code comet emulate} honours the scenario's {@code time_limit} on the phone's clock, the wall
 * clock since the run started (paced, the VM's clock never runs ahead of it, so a paced phone that
 * needs over a second of model time cannot end within 50 ms whatever the host): the run stops with
 * an error naming the limit, as a simulated run stops at that simulated time. A limit the run
 * stays within changes nothing.
 */
class EmulationTimeLimitTest {
    private static Loopback loopback;

    @BeforeAll
    static void start() throws Exception {
        loopback = new Loopback(TestbedServer.Limits.defaults());
    }

    @AfterAll
    static void stop() {
        loopback.close();
    }

    private static Emulation.Outcome run(long limitNanos) throws Exception {
        OffloadRun.Config c = Loopback.config("mandelbrot", "always").withTimeLimit(limitNanos);
        return Emulation.run(new Emulation.Setup(c, loopback.address(), loopback.token, false, Route.direct(),
                WallClockDriver.Pacing.PACED, List.of()));
    }

    @Test
    void aRunPastItsTimeLimitStops() {
        Emulation.TimeLimitExceeded e = assertThrows(Emulation.TimeLimitExceeded.class, () -> run(50_000_000L));
        assertEquals(50_000_000L, e.limitNanos());
        assertTrue(e.getMessage().contains("time limit of 0.05 s (wall clock since the run started)"), e.getMessage());
    }

    @Test
    void aRunWithinItsTimeLimitIsUnchanged() throws Exception {
        Emulation.Outcome o = run(3_600_000_000_000L);
        assertEquals(Loopback.local("mandelbrot").stdout(), o.offload().stdout());
    }
}
