package org.cometsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages' structure: tables present, every image embedded or referenced exists and decodes,
 * nothing loaded from elsewhere.
 */
class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void sweepPageHasTheSpeedupTableAndEveryChart() throws Exception {
        Path sweep = sweepDir(dir.resolve("sweep"));
        Path page = Reports.build(sweep);
        Document doc = checkStructure(page);
        Element table = doc.select("table.data").first();
        assertNotNull(table, "speed-up table");
        String text = table.text();
        assertTrue(text.contains("geometric mean") && text.contains("2.88x") && text.contains("1.27x"), text);
        assertEquals(SampleResults.APPS.size() + 3, table.select("tr").size(), "header, apps, geo. mean, paper");
        // Several policies, seeds and a swept latency: every kind of sweep chart, plus the run's timeline.
        List<String> files = doc.select("figcaption a").eachAttr("href");
        for (String expected : List.of("charts/speedup-comet.png", "charts/policies-comet-wifi.png",
                "charts/energy-comet-3g.png", "charts/cdf-speedup.png", "charts/over-link-latency.png",
                "charts/timeline.png")) {
            assertTrue(files.contains(expected), expected + " in " + files);
        }
        assertTrue(doc.select("table.kv").isEmpty(), "no scenario given");
        assertTrue(doc.text().contains("Replication statistics") && doc.text().contains("1.234 .. 1.456"),
                "summary.csv shown");

        // With a stored scenario (as comet demo keeps it), the rebuilt page has its title and lines.
        Reports.writeScenario(sweep, "my experiment", java.util.Map.of("links", "comet-wifi, comet-3g"));
        Document again = checkStructure(Reports.build(sweep));
        assertEquals("my experiment", again.select("h1").text());
        assertTrue(again.select("table.kv").text().contains("comet-wifi, comet-3g"));
    }

    @Test
    void runPageHasScenarioOutcomeAndTimeline() throws Exception {
        Path run = SampleResults.runDir(dir.resolve("run"));
        assertEquals(Reports.Kind.RUN, Reports.kindOf(run));
        Document doc = checkStructure(Reports.build(run));
        assertTrue(doc.select("table.kv").text().contains("comet-wifi"));
        assertTrue(doc.select("table.data").text().contains("2.500"), doc.select("table.data").text());
        assertTrue(doc.select("figcaption a").eachAttr("href").contains("charts/timeline.svg"));
    }

    @Test
    void aDirectoryWithoutResultsIsRefusedByName() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reports.build(dir.resolve("empty")));
        assertTrue(e.getMessage().contains("results.csv") && e.getMessage().contains("result.json"), e.getMessage());
        Files.writeString(dir.resolve("empty/result.json"), "{\"schema\": \"other/2\"}");
        e = assertThrows(IllegalArgumentException.class, () -> Reports.build(dir.resolve("empty")));
        assertTrue(e.getMessage().contains("not a comet run result"), e.getMessage());
    }

    @Test
    void failedPointsAreListedWithTheirErrors() throws Exception {
        Path d = dir.resolve("failed");
        Files.createDirectories(d);
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        for (ResultTable.Row r : SampleResults.table(List.of("comet"), 1).rows()) {
            rows.add(r.values());
        }
        Map<String, String> bad = new java.util.LinkedHashMap<>(rows.get(0));
        bad.replaceAll((k, v) -> "");
        bad.putAll(Map.of("status", "error", "error", "deadlock across the endpoints", "app", "pipeline",
                "axis_link", "comet-3g"));
        rows.add(bad);
        Files.writeString(d.resolve("results.csv"), ResultTable.of(rows).toCsv(), StandardCharsets.UTF_8);
        Document doc = checkStructure(Reports.build(d));
        assertTrue(doc.text().contains("finished without error"), doc.text());
        String failed = doc.select("table.data").first().text();
        assertTrue(failed.contains("pipeline") && failed.contains("deadlock across the endpoints"), failed);
    }

    @Test
    void textIsEscaped() {
        String html = new HtmlReport("a <b> & \"c\"").paragraph("<script>x</script>").html();
        assertTrue(html.contains("&lt;script&gt;") && !html.contains("<script>"), html);
    }

    /** A sweep directory: results.csv of hand-made rows and one run's files under runs/. */
    static Path sweepDir(Path d) throws Exception {
        Files.createDirectories(d);
        ResultTable t = SampleResults.table(List.of("comet", "always", "oracle"), 3);
        Files.writeString(d.resolve("results.csv"), t.toCsv(), StandardCharsets.UTF_8);
        SampleResults.runDir(d.resolve("runs").resolve("linpack-comet-wifi"));
        Files.writeString(d.resolve("summary.csv"), String.join("\n",
                "axis_app,axis_link,axis_policy,metric,n,mean,stddev,ci95_low,ci95_high,geomean",
                "linpack,comet-wifi,comet,speedup,3,1.345,0.05,1.234,1.456,1.344", ""), StandardCharsets.UTF_8);
        return d;
    }

    /** Parses the page and checks what every page must satisfy; returns it. */
    static Document checkStructure(Path page) throws Exception {
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        assertEquals(1, doc.select("h1").size());
        assertTrue(doc.select("table").size() >= 1, "tables present");
        for (Element t : doc.select("table.data")) {
            assertTrue(t.select("thead th").size() >= 2 && t.select("tbody tr").size() >= 1,
                    "table with a header and rows: " + t.text());
        }
        for (Element t : doc.select("table.kv")) {
            assertTrue(t.select("tr").size() >= 1, "key/value table with rows");
        }
        List<Element> imgs = doc.select("img");
        assertTrue(!imgs.isEmpty(), "charts present");
        for (Element img : imgs) {
            String src = img.attr("src");
            assertTrue(src.startsWith("data:image/png;base64,"), "embedded, not fetched: " + src.substring(0, 40));
            BufferedImage im = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                    src.substring("data:image/png;base64,".length()))));
            assertNotNull(im, "embedded PNG decodes");
            assertTrue(!img.attr("alt").isEmpty(), "alt text");
        }
        for (Element a : doc.select("a[href]")) {
            Path f = page.getParent().resolve(a.attr("href"));
            assertTrue(Files.isRegularFile(f), "linked file exists: " + f);
            if (f.toString().endsWith(".png")) {
                assertNotNull(ImageIO.read(f.toFile()), f + " decodes");
            } else if (f.toString().endsWith(".svg")) {
                String svg = Files.readString(f);
                assertTrue(svg.contains("<svg") && svg.trim().endsWith("</svg>"), f + " is a whole SVG document");
            }
        }
        assertTrue(doc.select("link[href], script[src], iframe").isEmpty(), "self-contained: nothing loaded from elsewhere");
        return doc;
    }
}
