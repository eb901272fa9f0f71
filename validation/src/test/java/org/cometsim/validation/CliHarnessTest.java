package org.cometsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The harness itself: a hung child is killed and reported; the launcher options stay in sync. */
class CliHarnessTest {

    /**
     * A child still running at its timeout is killed, and the failure shows what it had printed.
     * The child is a shell that prints before it hangs: a JVM child could still be starting when a
     * short timeout fired on a loaded machine, and then had printed nothing. Nothing is timed: the
     * check that the kill worked is that no process of that command is left.
     */
    @Test
    void hungChildIsKilledAndTheTestFails() {
        // A sleep of 600.<unique digits> seconds: its command line tells this child from any other process.
        String seconds = "600." + ProcessHandle.current().pid() + Math.abs(System.nanoTime() % 1_000_000);
        List<String> command = List.of("/bin/sh", "-c", "echo going to sleep; exec sleep " + seconds);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> CliHarness.run(command, Duration.ofSeconds(3)));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(e.getMessage().contains("going to sleep"), "partial stdout is reported: " + e.getMessage());
        List<String> left = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains("sleep " + seconds)).toList();
        assertEquals(List.of(), left, "the hung child was killed");
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
