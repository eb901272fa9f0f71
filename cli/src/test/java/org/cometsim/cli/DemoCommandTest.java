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

import org.cometsim.reports.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code comet demo} on a subset of the workloads, and {@code comet report} over what it wrote. */
class DemoCommandTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CometCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void demoOnTwoWorkloadsWritesResultsChartsAndReport() throws Exception {
        Path out = dir.resolve("comet-out");
        Run r = cli("demo", "--only-workloads", "mandelbrot,factoring", "--out", out.toString(), "--jobs", "2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("geometric mean") && r.out().contains("2.88x") && r.out().contains("1.27x")
                && r.out().contains("up to 15x"), r.out());
        ResultTable t = ResultTable.readCsv(out.resolve("results.csv"));
        assertEquals(4, t.rows().size(), "2 workloads x 2 links");
        // Catalog order (factoring before mandelbrot), links in order: the same table whatever finished first.
        assertEquals(List.of("factoring", "factoring", "mandelbrot", "mandelbrot"),
                t.rows().stream().map(x -> x.text("app")).toList());
        assertEquals(List.of("comet-wifi", "comet-3g"), t.distinct("link"));
        for (ResultTable.Row row : t.rows()) {
            assertEquals("ok", row.text("status"));
            assertEquals("true", row.text("output_matches"));
            assertEquals(row.num("local_time_s") / row.num("offload_time_s"), row.num("speedup"), 1e-6);
            assertTrue(Files.isRegularFile(out.resolve("runs").resolve(row.text("app") + "-" + row.text("link"))
                    .resolve("trace.jsonl")));
        }
        // One baseline per app: both links' rows carry the same local run.
        assertEquals(t.rows().get(0).text("local_time_s"), t.rows().get(1).text("local_time_s"));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<table") && html.contains("data:image/png;base64,"), "page with tables and charts");
        assertTrue(Files.isRegularFile(out.resolve("charts/speedup.svg")));

        // comet report rebuilds the page from the stored results alone, identically.
        Files.delete(out.resolve("report.html"));
        Run rep = cli("report", out.toString());
        assertEquals(0, rep.status(), rep.err());
        assertTrue(Files.readString(out.resolve("report.html")).contains("Speed-up"));
        // ... and a single run's page from its directory.
        Path run = out.resolve("runs/mandelbrot-comet-wifi");
        assertEquals(0, cli("report", run.toString()).status());
        assertTrue(Files.isRegularFile(run.resolve("report.html")));
        assertTrue(Files.isRegularFile(run.resolve("charts/timeline.png")));
    }

    @Test
    void sameDemoTwiceGivesTheSameResults() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, cli("demo", "--only-workloads", "factoring", "--out", a.toString()).status());
        assertEquals(0, cli("demo", "--only-workloads", "factoring", "--out", b.toString(), "--jobs", "1").status());
        // wall_s (host seconds) is the one column that may differ; everything else byte for byte.
        assertEquals(withoutWallSeconds(a.resolve("results.csv")), withoutWallSeconds(b.resolve("results.csv")));
        for (String run : List.of("factoring-comet-wifi", "factoring-comet-3g")) {
            for (String f : List.of("result.json", "trace.jsonl")) {
                assertEquals(Files.readString(a.resolve("runs").resolve(run).resolve(f)),
                        Files.readString(b.resolve("runs").resolve(run).resolve(f)), run + "/" + f);
            }
        }
    }

    private static List<java.util.Map<String, String>> withoutWallSeconds(Path csv) {
        return ResultTable.readCsv(csv).rows().stream().map(r -> {
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>(r.values());
            m.remove("wall_s");
            return m;
        }).toList();
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThrows(CometCli.UsageException.class, () -> cli("demo", "--size", "huge"));
        assertThrows(CometCli.UsageException.class, () -> cli("demo", "--only-workloads", "nosuchapp"));
        assertThrows(CometCli.UsageException.class, () -> cli("demo", "--jobs", "0"));
        assertThrows(CometCli.UsageException.class, () -> cli("report", dir.toString()));
        assertThrows(CometCli.UsageException.class, () -> cli("report"));
        assertTrue(cli("demo", "--help").out().contains("usage: comet demo"));
    }
}
