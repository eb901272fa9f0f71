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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code comet bench-simspeed} runs on a tiny size, prints a local and an offloaded row with the
 * target and writes its JSON. Not a timing test: host figures are only checked to be there; the
 * simulated ones (time, instructions, events) are deterministic and checked for sense.
 */
class BenchSimSpeedCommandTest {
    @Test
    void printsBothRowsAndTheJson(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path json = dir.resolve("speed.json");
        int status = CometCli.run(List.of("bench-simspeed", "--workloads", "mandelbrot", "--size", "small", "--repeat", "1",
                "--json", json.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, table + err.toString(StandardCharsets.UTF_8));
        long[] instructions = new long[2];
        int k = 0;
        for (String mode : new String[] {"local", "offload"}) {
            Matcher row = Pattern.compile("mandelbrot +small +" + mode + " +([0-9.]+) +(\\d+) +(\\d+) +([0-9.]+) +([0-9.]+)"
                    + " +([0-9.]+) +([0-9.]+) .* (MET|NOT MET)\\n").matcher(table);
            assertTrue(row.find(), mode + ":\n" + table);
            assertTrue(Double.parseDouble(row.group(1)) > 0, "simulated time: " + table);
            instructions[k++] = Long.parseLong(row.group(2));
            assertTrue(Long.parseLong(row.group(3)) >= 1, "events: " + table);
        }
        assertTrue(instructions[0] > 0 && instructions[1] > 0, table);
        assertTrue(table.contains("overall: worst sim/wall"), table);
        assertTrue(table.contains("peak heap: largest"), table);
        String text = Files.readString(json);
        assertTrue(text.startsWith("{\"schema\":\"comet-bench-simspeed/1\""), text);
        assertTrue(text.contains("\"mode\":\"local\"") && text.contains("\"mode\":\"offload\""), text);
        assertTrue(text.contains("\"instructions\":" + instructions[0] + ","), text);
    }

    @Test
    void rejectsBadOptions() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(CometCli.UsageException.class, () -> CometCli.run(List.of("bench-simspeed", "--size", "huge"), sink, sink));
        assertThrows(CometCli.UsageException.class, () -> CometCli.run(List.of("bench-simspeed", "--repeat", "0"), sink, sink));
        assertThrows(CometCli.UsageException.class, () -> CometCli.run(List.of("bench-simspeed", "--workloads", "nope"), sink, sink));
        assertThrows(CometCli.UsageException.class, () -> CometCli.run(List.of("bench-simspeed", "--bogus", "1"), sink, sink));
    }
}
