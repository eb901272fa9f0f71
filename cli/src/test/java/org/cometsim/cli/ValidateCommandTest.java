package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cometsim.device.cpu.CpuPresets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code comet validate} end to end on loopback: a server child process, one scenario simulated
 * and emulated. Outcomes only (the table's shape, equal outputs, the scope statement); the times
 * it compares are this host's and are not asserted. Slow (a child JVM and two runs): -Pfull.
 */
@Tag("slow")
class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesOneRowPerScenarioAndTheScope() throws Exception {
        // A CPU preset file standing in for 'comet calibrate' (calibrating would take seconds more).
        Path cpu = dir.resolve("cpu.yaml");
        Files.writeString(cpu, CpuPresets.load("server-2012-portable").yaml());
        Path scenario = dir.resolve("one.yaml");
        Files.writeString(scenario, String.join("\n", "name: one", "app: {workload: mandelbrot, size: small}",
                "link: comet-wifi", "policy: always", "energy: none", ""));
        Path out = dir.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = CometCli.run(List.of("validate", scenario.toString(), "--out", out.toString(), "--cpu", cpu.toString()),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err);
        List<String> csv = Files.readAllLines(out.resolve("validation.csv"));
        assertEquals(2, csv.size(), String.join("\n", csv));
        assertEquals(ValidationTable.HEADER, csv.get(0));
        assertTrue(csv.get(1).startsWith("one,mandelbrot,comet-wifi,always,"), csv.get(1));
        assertTrue(csv.get(1).endsWith(",true"), "the testbed printed what the simulator printed: " + csv.get(1));
        assertEquals(ValidateCommand.SCOPE, Files.readString(out.resolve("SCOPE.txt")));
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("median |relative error|"));
        // The page and its chart, from the same rows.
        String page = Files.readString(out.resolve("report.html"));
        assertTrue(page.contains("predicted-vs-measured.svg") && page.contains("What this comparison validates"), page);
        assertTrue(Files.size(out.resolve("charts/predicted-vs-measured.png")) > 1000);
    }
}
