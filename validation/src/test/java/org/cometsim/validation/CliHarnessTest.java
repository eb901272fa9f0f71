package org.cometsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The harness itself: a hung child is killed and reported; the launcher options stay in sync. */
class CliHarnessTest {

    @Test
    void hungChildIsKilledAndTheTestFails() {
        Path dir = CliHarness.freshWorkDir("harness");
        Path jar = Programs.compileToJar(dir, "sleeper.jar", Programs.sources("Sleeper", """
                public class Sleeper {
                    public static void main(String[] args) throws InterruptedException {
                        System.out.println("going to sleep");
                        Thread.sleep(600_000);
                    }
                }
                """));
        long start = System.nanoTime();
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> CliHarness.java(Duration.ofSeconds(3), jar.toString(), "Sleeper"));
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(e.getMessage().contains("going to sleep"), "partial stdout is reported: " + e.getMessage());
        assertTrue(seconds < 20, "killing took " + seconds + " s");
    }

    @Test
    void exitCodeAndStreamsAreCaptured() {
        Path dir = CliHarness.freshWorkDir("harness-streams");
        Path jar = Programs.compileToJar(dir, "talker.jar", Programs.sources("Talker", """
                public class Talker {
                    public static void main(String[] args) {
                        System.out.println("out " + args.length);
                        System.err.println("err");
                        System.exit(7);
                    }
                }
                """));
        CliHarness.Result r = CliHarness.java(Duration.ofSeconds(30), jar.toString(), "Talker", "x", "y z");
        assertEquals(7, r.exitCode(), r.describe());
        assertEquals("out 2\n", r.stdout(), r.describe());
        assertEquals("err\n", r.stderr(), r.describe());
    }

    /** {@link CliHarness#COMET_JVM_OPTIONS} mirror the {@code ./comet} launcher script. */
    @Test
    void cometJvmOptionsMatchTheLauncherScript() throws IOException {
        Path script = CliHarness.moduleDir().getParent().resolve("comet");
        if (!Files.exists(script)) {
            return; // no launcher in this checkout: nothing to keep in sync
        }
        String text = Files.readString(script);
        for (String option : CliHarness.COMET_JVM_OPTIONS) {
            assertTrue(text.contains(option), script + " no longer passes " + option
                    + ": update CliHarness.COMET_JVM_OPTIONS to the script's JVM options");
        }
    }
}
