package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.cometsim.dalvik.load.ClassPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A program that never ends stops at its run's simulated time limit, locally and offloaded ({@code resources/runaway}). */
class SimulatedTimeLimitTest {
    private static final String MAIN = "runaway.SpinsForever";

    @TempDir
    static Path dir;
    private static ClassPath program;

    @BeforeAll
    static void compile() throws Exception {
        program = CompiledTestProgram.compile("runaway", dir);
    }

    private static OffloadRun.Config config(String policy, long limit) {
        return WorkloadFixtures.config(program, "runaway.dex", MAIN, new String[0], "comet-wifi", policy).withTimeLimit(limit);
    }

    @Test
    @Timeout(120) // a hang guard: without the limit this run never ends
    void theLocalRunStopsAtTheLimit() {
        SimulatedTimeLimit.Exceeded e = assertThrows(SimulatedTimeLimit.Exceeded.class,
                () -> OffloadRun.runLocal(config("never", 20_000_000L)));
        assertEquals(20_000_000L, e.limitNanos());
        assertTrue(e.getMessage().startsWith("the run reached its simulated time limit of 0.02 s"), e.getMessage());
        assertTrue(e.getMessage().contains("spinner"), e.getMessage());
    }

    @Test
    @Timeout(120)
    void theOffloadedRunStopsAtTheLimitWithThreadsOnBothSides() {
        OffloadRun.Side local = new OffloadRun.Side("", "", 0, 1, 1, null); // never reached: the offloaded run stops first
        SimulatedTimeLimit.Exceeded e = assertThrows(SimulatedTimeLimit.Exceeded.class,
                () -> OffloadRun.run(config("always", 30_000_000L), local));
        assertTrue(e.getMessage().contains("on the phone") && e.getMessage().contains("on the server"), e.getMessage());
    }

    @Test
    void aProgramThatEndsBeforeTheLimitIsUnchanged() throws Exception {
        ClassPath hello = CompiledTestProgram.compile("lockhandoff", dir.resolve("h"));
        OffloadRun.Config plain = WorkloadFixtures.config(hello, "lockhandoff.dex", "lockhandoff.TakenSince", new String[0],
                "comet-wifi", "always");
        OffloadRun.Result a = OffloadRun.run(plain);
        OffloadRun.Result b = OffloadRun.run(plain.withTimeLimit(3_600_000_000_000L));
        assertEquals(a.offload().stdout(), b.offload().stdout());
        assertEquals(a.offload().timeNanos(), b.offload().timeNanos());
        assertEquals(a.local().timeNanos(), b.local().timeNanos());
        assertEquals(a.trace(), b.trace());
    }
}
