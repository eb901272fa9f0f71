package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void heapLimitEndsTheSessionAndThePhoneFinishes() throws Exception {
        // photoeditor small allocates 48 KiB images in every filter: past a 64 KiB session heap on the
        // server. The guest never sees an OutOfMemoryError there (the phone's heap is the program's).
        try (Loopback loopback = new Loopback(TestbedServer.Limits.defaults().withSessionHeap(64 << 10))) {
            OffloadRun.Side local = Loopback.local("photoeditor");
            Emulation.Outcome o = loopback.run("photoeditor", "always", List.of());
            assertEquals(local.stdout(), o.offload().stdout());
            assertEquals(local.status(), o.offload().status());
            assertTrue(o.phone().connectionsLost() >= 1, "the server cut the session");
            loopback.awaitIdle();
            assertTrue(loopback.log().contains("ended: guest heap limit of 65536 bytes reached"), loopback.log());
        }
    }

    @Test
    void sessionHeapSizes() {
        assertEquals(256L << 20, TestbedServer.Limits.defaults().sessionHeapBytes());
        assertEquals(256L << 20, ServeCommand.parseSize("--session-heap", "256MiB"));
        assertEquals(1L << 30, ServeCommand.parseSize("--session-heap", "1GiB"));
        assertEquals(65536, ServeCommand.parseSize("--session-heap", "64KiB"));
        assertEquals(1000, ServeCommand.parseSize("--session-heap", "1000"));
        for (String bad : List.of("0MiB", "-1", "lots", "12TB", "")) {
            assertThrows(IllegalArgumentException.class, () -> ServeCommand.parseSize("--session-heap", bad), bad);
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
