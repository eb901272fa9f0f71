package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code comet bench} end to end on the smallest workload, with both child JVMs really started. */
class BenchCommandTest {

    @Test
    void benchOnNqueensPrintsRatioAndOutputMatch(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path json = dir.resolve("bench.json");
        int status = BenchCommand.run(List.of("--workloads", "nqueens", "--repeat", "1", "--warmup-ms", "0",
                        "--min-sample-ms", "0", "--json", json.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, table + log);
        assertTrue(table.contains("slowdown") && table.contains("output"), table);
        // the nqueens row: a ratio like "123.4x" and the output-match verdict
        assertTrue(Pattern.compile("(?m)^nqueens .* \\d+\\.\\dx .* match$").matcher(table).find(), table + log);
        assertTrue(table.contains("geometric-mean slowdown (warm, 1 workload(s))"), table);
        // says what runs: no barrier is installed, and VM set-up is not in the times
        assertTrue(table.contains("no write barrier installed, no object tracked"), table);
        assertTrue(table.contains("not JVM start-up, nor, for the interpreter, D8"), table);
        assertTrue(log.contains("[1/1] nqueens"), log);
        String j = Files.readString(json);
        assertTrue(j.contains("\"outputMatch\": true") && j.contains("\"geomeanSlowdown\""), j);
    }

    @Test
    void unknownWorkloadIsAUsageError() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(CometCli.UsageException.class,
                () -> BenchCommand.run(List.of("--workloads", "nosuch"), sink, sink));
        assertThrows(CometCli.UsageException.class, () -> BenchCommand.run(List.of("--size", "huge"), sink, sink));
    }
}
