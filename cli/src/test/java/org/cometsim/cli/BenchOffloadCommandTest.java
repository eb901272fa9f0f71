package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code comet bench-offload} runs on a tiny size and prints its table. Not a timing test: the
 * figures are only checked to be there (sync figures are deterministic and checked for sense).
 */
class BenchOffloadCommandTest {
    @Test
    void printsTheTableForATinyRun() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CometCli.run(List.of("bench-offload", "--workloads", "mandelbrot", "--size", "small", "--repeat", "1"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, table + log);
        assertTrue(table.contains("workload        size     local_s    offl_s  syncs  payload_B     wire_B wire/pl"), table);
        Matcher row = Pattern.compile("mandelbrot +small +([0-9.]+) +([0-9.]+) +(\\d+) +(\\d+) +(\\d+) +([0-9.]+) +([0-9.]+)"
                + " +([0-9.]+) +(\\d+) +(\\d+)% +([0-9.]+)x").matcher(table);
        assertTrue(row.find(), table);
        long payload = Long.parseLong(row.group(4));
        long wire = Long.parseLong(row.group(5));
        assertTrue(payload > 0 && wire > 0, table);
        assertEquals((double) wire / payload, Double.parseDouble(row.group(6)), 1e-3, "wire/payload");
        assertTrue(Long.parseLong(row.group(9)) >= 1, "the round trip tracked objects: " + table);
        assertTrue(table.contains("sync efficiency: wire/payload median"), table);
        assertTrue(table.contains("tracking overhead: DSM active/plain median"), table);
        assertTrue(log.contains("tracking pair 1/1"), log);
    }

    @Test
    void rejectsBadOptions() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(CometCli.UsageException.class, () -> CometCli.run(List.of("bench-offload", "--size", "huge"), sink, sink));
        assertThrows(CometCli.UsageException.class, () -> CometCli.run(List.of("bench-offload", "--repeat", "0"), sink, sink));
        assertThrows(CometCli.UsageException.class, () -> CometCli.run(List.of("bench-offload", "--workloads", "nope"), sink, sink));
        assertThrows(CometCli.UsageException.class, () -> CometCli.run(List.of("bench-offload", "--bogus", "1"), sink, sink));
    }
}
