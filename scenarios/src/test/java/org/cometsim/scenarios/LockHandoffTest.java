package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.cometsim.dalvik.load.ClassPath;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which locks a migrating thread takes along ({@code src/test/resources/lockhandoff}). */
class LockHandoffTest {
    private static final String MAIN = "lockhandoff.TakenSince";

    @TempDir
    static Path dir;
    private static ClassPath program;

    @BeforeAll
    static void compile() throws Exception {
        program = CompiledTestProgram.compile("lockhandoff", dir);
    }

    /**
     * Regression (pipeline at 0.14x): the handoff gave away every free lock the mover had entered
     * recently, also those a thread staying on the phone had taken since, so that thread's next
     * entry cost a round trip to the server. COMET skips a lock whose last owner is another thread.
     */
    @Test
    void aLockAnotherThreadTookSinceStaysOnThePhone() {
        String java = GuestPrograms.hostStdout(dir.resolve("lockhandoff").resolve("classes"), MAIN);
        assertTrue(java.startsWith("entries=3 spun="), java);
        OffloadRun.Result r = OffloadRun.run(WorkloadFixtures.config(program, "lockhandoff.dex", MAIN, new String[0],
                "comet-wifi", "always"));
        assertEquals(java, r.local().stdout());
        assertEquals(java, r.offload().stdout(), r.offload().stderr());
        String trace = String.join("\n", r.trace());
        assertTrue(trace.contains("\"endpoint\":\"server\",\"event\":\"migrate_in\""), "the mover migrates:\n" + trace);
        assertFalse(trace.contains("\"endpoint\":\"phone\",\"event\":\"lock_request\""),
                "main, SHARED's last owner, kept it on the phone:\n" + trace);
    }
}
