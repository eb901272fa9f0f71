package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.cometsim.offload.policy.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code comet profile} writes a loadable profile; {@code comet run --policy ... --profile FILE} reads it. */
class ProfileCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CometCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void profileThenRunEachProfiledPolicyFromTheFile() throws Exception {
        Path file = dir.resolve("nq.json");
        String[] p = run("profile", "--workload", "nqueens", "--out", file.toString());
        assertEquals("0", p[0], p[2]);
        Profile profile = Profile.load(file);
        assertTrue(profile.oracle("comet-wifi") != null && profile.oracle("comet-3g") != null, p[2]);
        assertTrue(p[2].contains("oracle comet-wifi"), p[2]);
        for (String policy : List.of("maui", "maui:time", "clonecloud", "oracle")) {
            String[] r = run("run", "--workload", "nqueens", "--policy", policy, "--profile", file.toString());
            assertEquals("0", r[0], r[2]);
            assertEquals(p[1], r[1], "same output as the profiled run");
            assertTrue(r[2].contains("output           same as the local run"), r[2]);
        }
        CometCli.UsageException e = org.junit.jupiter.api.Assertions.assertThrows(CometCli.UsageException.class,
                () -> run("run", "--workload", "nqueens", "--policy", "oracle", "--profile", file.toString(), "--link", "lte"));
        assertTrue(e.getMessage().contains("no bound for link lte"), e.getMessage());
    }
}
