package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.cometsim.dalvik.load.ClassPath;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread that waited for a lock the other endpoint owned behaves afterwards as if it had taken
 * a local lock: its next blocking call blocks ({@code src/test/resources/offloadlocks}).
 */
class OffloadLockWaitTest {
    private static final String MAIN = "offloadlocks.LockWaitThenJoin";

    @TempDir
    static Path dir;
    private static ClassPath program;

    @BeforeAll
    static void compile() throws Exception {
        program = CompiledTestProgram.compile("offloadlocks", dir);
    }

    /**
     * Regression: the phone's wait for a lock from the server left the thread's block phase at
     * "woken", so the join that followed returned at once (the pipeline workload lost results and
     * deadlocked with a monitor count restored from a stale wait).
     */
    @Test
    void aJoinAfterWaitingForARemoteLockWaitsForTheJoinedThread() {
        String java = GuestPrograms.hostStdout(dir.resolve("offloadlocks").resolve("classes"), MAIN);
        assertTrue(java.startsWith("slow=42 spun="), java);
        OffloadRun.Result r = OffloadRun.run(WorkloadFixtures.config(program, "offloadlocks.dex", MAIN, new String[0],
                "comet-wifi", "always"));
        assertEquals(java, r.local().stdout());
        assertEquals(java, r.offload().stdout(), r.offload().stderr());
        assertTrue(r.phone().migrationsOut() >= 1, "holder migrates with the lock");
        assertTrue(r.trace().stream().anyMatch(l -> l.contains("\"endpoint\":\"phone\",\"event\":\"lock_request\"")),
                "main waited on the phone for the lock the server owned:\n" + String.join("\n", r.trace()));
    }
}
