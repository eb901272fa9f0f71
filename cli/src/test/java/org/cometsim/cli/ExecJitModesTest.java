package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code comet exec --jit}: every mode prints the same output and the same simulated-time report. */
class ExecJitModesTest {

    private static String[] exec(String jit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ExecCommand.run(List.of("--jit", jit, "--cpu", "phone-2012-hummingbird-portable",
                        "--workload", "tripplanner", "--size", "small"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void compiledAndInterpretedRunsReportTheSameSimulatedRun() {
        String[] off = exec("off");
        assertEquals("0", off[0], off[2]);
        assertTrue(off[2].contains("completion time"), off[2]);
        for (String mode : List.of("on", "eager")) {
            String[] r = exec(mode);
            assertEquals(off[0], r[0], mode);
            assertEquals(off[1], r[1], "stdout with --jit " + mode);
            assertEquals(off[2], r[2], "simulated-time report with --jit " + mode);
        }
    }

    @Test
    void anUnknownModeIsAUsageError() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CometCli.UsageException e = assertThrows(CometCli.UsageException.class,
                () -> ExecCommand.run(List.of("--jit", "fast", "--workload", "nqueens"), sink, sink));
        assertTrue(e.getMessage().contains("on, off or eager"), e.getMessage());
    }
}
