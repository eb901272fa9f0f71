package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code comet run SCENARIO.yaml}, {@code comet sweep}, {@code comet merge}: every example of
 * scenarios/examples/ runs (from a copy, so outputs and the example's jar stay in a temporary
 * directory), and bad input is one clear error with exit status 2 (a {@code UsageException}).
 */
class ScenarioCommandsTest {
    @TempDir
    Path dir;
    Path examples;

    @BeforeEach
    void copyExamples() throws Exception {
        examples = dir.resolve("examples");
        Path src = Path.of("..", "scenarios", "examples");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = examples.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private record Out(int status, String out, String err) {
    }

    private static Out cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CometCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Out(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String usageError(String... args) {
        return assertThrows(CometCli.UsageException.class, () -> cli(args)).getMessage();
    }

    private String ex(String name) {
        return examples.resolve(name).toString();
    }

    private void runScenario(String example) throws Exception {
        Path out = dir.resolve("out-" + example);
        Out r = cli("run", ex(example), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("output           same as the local run"), r.err());
        String json = Files.readString(out.resolve("result.json"));
        assertTrue(json.startsWith("{\n  \"schema\": \"comet-run/1\",\n"), json);
        assertTrue(Files.size(out.resolve("trace.jsonl")) > 0);
        assertEquals(Files.readString(examples.resolve(example)), Files.readString(out.resolve("scenario.yaml")));
        assertTrue(Files.size(out.resolve("report.html")) > 0, "run --out writes the report too");
        assertFalse(r.err().contains("warning: no report"), r.err());
    }

    private Path runSweep(String example, int points) throws Exception {
        Path out = dir.resolve("out-" + example);
        Out r = cli("sweep", ex(example), "--out", out.toString(), "--jobs", "2", "--quiet");
        assertEquals(0, r.status(), r.err());
        assertEquals(points + 1, Files.readAllLines(out.resolve("results.csv")).size());
        assertTrue(r.out().contains("speed-up"), r.out());
        assertTrue(Files.size(out.resolve("report.html")) > 0, "a sweep writes its report");
        assertFalse(r.err().contains("warning: no report"), r.err());
        return out;
    }

    @Test
    void example01FirstRun() throws Exception {
        runScenario("01-first-run.yaml");
    }

    @Test
    void example02WifiVs3g() throws Exception {
        runSweep("02-wifi-vs-3g.yaml", 2);
    }

    @Test
    void example03PolicyComparison() throws Exception {
        Path out = runSweep("03-policy-comparison.yaml", 10);
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        // The profile-based policies run in sweeps too, and print what the program prints alone.
        for (String policy : List.of("maui", "oracle")) {
            assertTrue(rows.stream().anyMatch(r -> r.contains("," + policy + ",")), policy + " rows in " + rows);
        }
        assertTrue(rows.stream().skip(1).allMatch(r -> r.contains(",ok,")), "every point ok: " + rows);
    }

    @Test
    void example04FailureRecovery() throws Exception {
        runScenario("04-failure-recovery.yaml");
        String json = Files.readString(dir.resolve("out-04-failure-recovery.yaml").resolve("result.json"));
        assertTrue(json.contains("\"failures\": {\"connections_lost\": 2, \"threads_recovered\": 2, \"reconnections\": 2}"), json);
    }

    @Test
    void example05BringYourOwnJar() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "--release", "17", ex("Hello.java")));
        try (OutputStream os = Files.newOutputStream(examples.resolve("hello.jar")); JarOutputStream j = new JarOutputStream(os)) {
            j.putNextEntry(new JarEntry("Hello.class"));
            j.write(Files.readAllBytes(classes.resolve("Hello.class")));
            j.closeEntry();
        }
        runScenario("05-bring-your-own-jar.yaml");
    }

    @Test
    void example06TraceDrivenLink() throws Exception {
        runScenario("06-trace-driven-link.yaml");
    }

    @Test
    void example07And08SweepsAndMerge() throws Exception {
        Path rep = runSweep("07-sweep-replications.yaml", 6);
        List<String> summary = Files.readAllLines(rep.resolve("summary.csv"));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("comet,speedup,3,")), summary.toString());

        // 08 in two shards, merged: the same rows as one run (wall time aside), by point key.
        Path s1 = dir.resolve("rtt-1");
        Path s2 = dir.resolve("rtt-2");
        assertEquals(0, cli("sweep", ex("08-sweep-rtt.yaml"), "--out", s1.toString(), "--shard", "1/2", "--quiet").status());
        assertEquals(0, cli("sweep", ex("08-sweep-rtt.yaml"), "--out", s2.toString(), "--shard", "2/2", "--quiet").status());
        assertEquals(3, Files.readAllLines(s1.resolve("results.csv")).size());
        Path merged = dir.resolve("rtt-all");
        Out m = cli("merge", "--out", merged.toString(), s1.toString(), s2.toString());
        assertEquals(0, m.status(), m.err());
        List<String> rows = Files.readAllLines(merged.resolve("results.csv"));
        assertEquals(5, rows.size());
        assertTrue(rows.get(0).contains("axis_link_rtt,axis_link_rtt_value"), rows.get(0));
        assertTrue(rows.get(3).contains(",100ms,0.1,"), rows.get(3));
        // A rerun of a finished shard runs nothing.
        Out again = cli("sweep", ex("08-sweep-rtt.yaml"), "--out", s1.toString(), "--shard", "1/2", "--quiet");
        assertTrue(again.err().contains("0 run now (0 failed), 2 already finished"), again.err());
    }

    @Test
    void flagFormAndScenarioFormWriteTheSameResultByteForByte() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertEquals(0, cli("run", "--workload", "nqueens", "--policy", "always", "--json", a.toString()).status());
        assertEquals(0, cli("run", "--workload", "nqueens", "--policy", "always", "--json", b.toString()).status());
        assertEquals(Files.readString(a), Files.readString(b), "a rerun is byte-identical");
        Path s = dir.resolve("nq.yaml");
        Files.writeString(s, "app: nqueens\npolicy: always\n");
        Path c = dir.resolve("c.json");
        assertEquals(0, cli("run", s.toString(), "--json", c.toString()).status());
        assertEquals(Files.readString(a), Files.readString(c));
    }

    @Test
    void helpAndExamples() {
        for (String cmd : List.of("sweep", "merge")) {
            Out r = cli(cmd, "--help");
            assertEquals(0, r.status());
            assertTrue(r.out().contains("usage: comet " + cmd) && r.out().contains("example: comet " + cmd), r.out());
        }
        Out r = cli("run", "x.yaml", "--help");
        assertTrue(r.out().contains("usage: comet run SCENARIO.yaml") && r.out().contains("example: comet run"), r.out());
        assertTrue(cli("help").out().contains("sweep SWEEP.yaml"));
    }

    @Test
    void badInputIsOneClearErrorWithExitStatus2() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "app: mandelbrot\nlink: {preset: comet-wifi\n");
        assertTrue(usageError("run", bad.toString()).startsWith(bad + ":"));
        Files.writeString(bad, "app: mandelbrot\nseeds: 3\n");
        assertTrue(usageError("run", bad.toString()).contains(bad + ":2:1: unknown key 'seeds' (did you mean 'seed'?)"));
        Files.writeString(bad, "app: nosuchapp\n");
        assertTrue(usageError("run", bad.toString()).contains("app: found 'nosuchapp'"));
        Files.writeString(bad, "app: mandelbrot\nlink: {trace: {uplink: a.up, downlink: b.down}}\n");
        assertTrue(usageError("run", bad.toString()).contains("link.trace.uplink: no such file"));
        Files.writeString(bad, "base: {app: mandelbrot}\naxes: {seed: []}\n");
        assertTrue(usageError("sweep", bad.toString()).contains("zero points"));
        assertTrue(usageError("sweep", ex("02-wifi-vs-3g.yaml"), "--shard", "3/2").contains("--shard must be i/n"));
        assertTrue(usageError("run", dir.resolve("none.yaml").toString()).contains("none.yaml: no such file"));

        // A corrupt results database: refused, untouched.
        Path out = dir.resolve("corrupt");
        Files.createDirectories(out);
        byte[] junk = "SQLite format 3\0 not ours".getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("results.duckdb"), junk);
        String m = usageError("sweep", ex("02-wifi-vs-3g.yaml"), "--out", out.toString());
        assertTrue(m.contains("results.duckdb: not a readable DuckDB database") && m.contains("nothing was changed"), m);
        assertArrayEquals(junk, Files.readAllBytes(out.resolve("results.duckdb")));
        m = usageError("merge", "--out", dir.resolve("m").toString(), out.toString());
        assertTrue(m.contains("not a readable DuckDB database"), m);
    }
}
