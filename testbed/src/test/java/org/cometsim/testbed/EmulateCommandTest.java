package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code comet emulate SCENARIO.yaml --out DIR} end to end: a server child process on loopback,
 * the program's output, result.json in comet-run/1's schema with the testbed's marker, the
 * server's log kept beside it.
 */
class EmulateCommandTest {
    @Test
    void emulateWithItsOwnServerProcess(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("s.yaml");
        Files.writeString(yaml, String.join("\n", "name: t", "app: {workload: mandelbrot, size: small}",
                "policy: always", "energy: none", "seed: 1", ""));
        Path out = dir.resolve("out");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = EmulateCommand.run(List.of(yaml.toString(), "--out", out.toString()),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        String err = e.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err);
        assertEquals(Loopback.local("mandelbrot").stdout(), o.toString(StandardCharsets.UTF_8));
        assertTrue(err.contains("same as the local run"), err);
        String json = Files.readString(out.resolve("result.json"));
        assertTrue(json.startsWith("{\n  \"schema\": \"comet-run/1\""), json);
        assertTrue(json.contains("\"mode\": \"testbed\""), json);
        assertTrue(json.contains("\"server_counts_reported\": true"), json);
        assertTrue(json.matches("(?s).*\"migrations\": \\{\"to_server\": [1-9].*"), json);
        String log = Files.readString(out.resolve("server.log"));
        assertTrue(log.contains("migration: a thread arrived"), log);
        assertTrue(log.contains(" ended: "), log);
        assertTrue(Files.exists(out.resolve("trace.jsonl")));
    }

    @Test
    void usageErrors() {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, EmulateCommand.run(List.of("x.yaml", "--server", "h:1"), out, err));
        assertTrue(e.toString(StandardCharsets.UTF_8).contains("--server and --token-file go together"));
        assertEquals(2, EmulateCommand.run(List.of("x.yaml", "--bogus", "1"), out, err));
        assertEquals(2, ServeCommand.run(List.of("--port", "0"), out, err), "a token file is required");
    }
}
