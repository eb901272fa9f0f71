package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.cometsim.scenarios.OffloadRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Failures on a real connection: the phone recovers as in the simulator (threads on the server
 * resume from their checkpoints on the phone) and the program's output is unchanged.
 */
class TestbedFailureTest {
    /** The phone cuts its socket mid-run, then reconnects to the same server (a new session). */
    @Test
    void cutConnectionMidRunRecoversWithUnchangedOutput() throws Exception {
        try (Loopback loopback = new Loopback(TestbedServer.Limits.defaults())) {
            OffloadRun.Side local = Loopback.local("mandelbrot");
            // pingpong:1 keeps threads moving both ways, so the cut finds work on the server or in flight.
            // Right after the second migration out: the thread is on its way to the server.
            Emulation.Outcome o = loopback.runCuttingAfterMigration("mandelbrot", "pingpong:1", 2);
            assertEquals(local.stdout(), o.offload().stdout());
            assertEquals(local.status(), o.offload().status());
            assertEquals(1, o.phone().connectionsLost(), "the injected cut");
            assertTrue(o.phone().threadsRecovered() >= 1, "the thread that had left resumed on the phone");
            loopback.awaitIdle();
            assertTrue(loopback.log().contains("ended: the peer closed the connection"), loopback.log());
        }
    }

    /** The server process is killed while a thread runs there: the phone resumes it and finishes alone. */
    @Test
    @Tag("slow")
    void killedServerProcessRecoversWithUnchangedOutput() throws Exception {
        OffloadRun.Side local = Loopback.local("mandelbrot");
        try (ServerProcess server = ServerProcess.start(List.of())) {
            // A first run warms the fresh server JVM up: cold, it may load the app only after a
            // small program has ended on the phone (which is correct, but moves nothing to kill).
            Emulation.Outcome warm = Loopback.run(server.address(), server.token(), "mandelbrot", "always", List.of());
            assertEquals(local.stdout(), warm.offload().stdout());
            AtomicReference<Throwable> killer = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    long until = System.nanoTime() + 30_000_000_000L;
                    while (!server.log().contains("client #2 ") || !server.log().split("client #2 ", 2)[1]
                            .contains("migration: a thread arrived")) {
                        if (System.nanoTime() > until) {
                            break;
                        }
                        Thread.sleep(5);
                    }
                    server.kill();
                } catch (IOException | InterruptedException e) {
                    killer.set(e);
                }
            });
            t.start();
            Emulation.Outcome o = Loopback.run(server.address(), server.token(), "mandelbrot", "always", List.of());
            t.join();
            assertEquals(local.stdout(), o.offload().stdout());
            assertEquals(local.status(), o.offload().status());
            assertEquals(1, o.phone().connectionsLost(), "the kill");
            assertTrue(o.phone().threadsRecovered() >= 1, "the thread on the server resumed on the phone");
            assertEquals(null, killer.get());
        }
    }
}
