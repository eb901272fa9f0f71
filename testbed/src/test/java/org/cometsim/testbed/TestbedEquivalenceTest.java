package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cometsim.scenarios.OffloadRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The testbed runs the same protocol as the simulator: an offloaded program, its phone here and
 * its server a {@link TestbedServer} over loopback TCP on the wall clock, prints what its local
 * run prints, under policies that move threads for sure. Outcomes only (output, exit status,
 * that threads moved and the server executed code); never durations. The workloads run long
 * enough (hundreds of milliseconds and more, unpaced) that the set-up (one round trip and the dex
 * transfer over loopback) is over before they end: a program that ends first never offloads,
 * which is correct but would not test anything.
 */
class TestbedEquivalenceTest {
    private static Loopback loopback;

    @BeforeAll
    static void start() throws Exception {
        loopback = new Loopback(TestbedServer.Limits.defaults());
    }

    @AfterAll
    static void stop() {
        loopback.close();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({"connectfour, always", "mandelbrot, pingpong:3", "mandelbrot, always", "connectfour, pingpong:1",
        "parallelrender, always", "scimark, pingpong:7"})
    void offloadedOutputEqualsLocal(String workload, String policy) throws Exception {
        OffloadRun.Side local = Loopback.local(workload);
        Emulation.Outcome o = loopback.run(workload, policy, List.of());
        assertEquals(local.stdout(), o.offload().stdout(), workload + " " + policy + ": stdout");
        assertEquals(local.status(), o.offload().status());
        assertTrue(o.phone().migrationsOut() > 0, "a thread moved to the server");
        assertTrue(o.serverReported(), "the server reported its counts");
        assertTrue(o.serverInstructions() > 0, "the server executed instructions");
        assertEquals(0, o.phone().connectionsLost());
        loopback.awaitIdle();
        String log = loopback.log();
        assertFalse(log.contains("assertion failed"), log);
        assertFalse(log.contains("internal error"), log);
        assertTrue(log.contains("migration: a thread arrived"), log);
    }
}
