package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code comet validate}'s page and chart from a hand-made table (no emulation): the summary's
 * figures, the chart's files, validation.csv's cells, the bytes table and the scope text.
 */
class ValidationReportTest {
    @TempDir
    Path dir;

    private static ValidationTable.Row row(String name, String link, String policy, long simMillis, long measuredMillis,
                                           long simUp, long measuredUp, long simDown, long measuredDown) {
        return new ValidationTable.Row(name, "mandelbrot", link, policy,
                new ValidationTable.Side(simMillis * 1_000_000L, simUp, simDown, 1, 4, "aa"),
                new ValidationTable.Side(measuredMillis * 1_000_000L, measuredUp, measuredDown, 1, 4, "aa"),
                measuredUp + 400, measuredDown + 300);
    }

    @Test
    void pageHasSummaryChartTableBytesAndScope() throws Exception {
        List<ValidationTable.Row> rows = List.of(
                row("wifi-always", "comet-wifi", "always", 1100, 1000, 28006, 28006, 354, 354),   // +10 %, equal
                row("3g-always", "comet-3g", "always", 1900, 2000, 28006, 28025, 354, 354),      // -5 %, differ
                row("wifi-ping", "comet-wifi", "pingpong:3", 500, 500, 9000, 9000, 800, 800),    // 0 %, equal
                row("3g-comet", "comet-3g", "comet", 1300, 1000, 27000, 31000, 350, 360));        // +30 %
        Path page = ValidationReport.write(dir, rows, Map.of("CPU preset (phone and server)", "host.yaml"));
        assertEquals(dir.resolve("report.html"), page);
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");

        String summary = doc.select("table.kv").text();
        // |errors| 0.10, 0.05, 0, 0.30: median (0.05 + 0.10) / 2 = 7.5 %, largest 30 %.
        assertTrue(summary.contains("median |relative error| 7.5% (target 10%, goal 5%)"), summary);
        assertTrue(summary.contains("largest |relative error| 30.0%"), summary);
        assertTrue(summary.contains("bytes equal, deterministic policies 2 of 3"), summary);
        assertTrue(summary.contains("bytes equal, all rows 2 of 4"), summary);
        assertTrue(summary.contains("host.yaml"), summary);

        // The chart: embedded PNG that decodes, links to its PNG and SVG files, which exist.
        Element img = doc.selectFirst("figure img");
        assertNotNull(img);
        String src = img.attr("src");
        assertTrue(src.startsWith("data:image/png;base64,"));
        BufferedImage embedded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                src.substring("data:image/png;base64,".length()))));
        assertNotNull(embedded, "the embedded chart decodes");
        List<String> links = doc.select("figcaption a").eachAttr("href");
        assertEquals(List.of("charts/predicted-vs-measured.png", "charts/predicted-vs-measured.svg"), links);
        for (String l : links) {
            assertTrue(Files.size(dir.resolve(l)) > 1000, l);
        }

        // validation.csv's table: its header, then each row's cells exactly as the CSV has them.
        Elements tables = doc.select("table.data");
        assertEquals(2, tables.size(), "validation.csv and bytes");
        Element csv = tables.get(0);
        assertEquals(ValidationTable.header(), csv.select("thead th").eachText());
        Elements body = csv.select("tbody tr");
        assertEquals(rows.size(), body.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(ValidationTable.cells(rows.get(i)), body.get(i).select("td").eachText());
        }

        // Bytes side by side with their differences; equality judged only for deterministic policies.
        Elements bytes = tables.get(1).select("tbody tr");
        assertEquals(List.of("3g-always", "always", "28006", "28025", "+19", "354", "354", "0", "1 / 1", "differ",
                "same migrations: a migration point moved, so a sync carried a different heap"),
                bytes.get(1).select("td").eachText());
        assertEquals("equal", bytes.get(2).select("td").get(9).text());
        assertEquals("", bytes.get(2).select("td").get(10).text(), "nothing to explain");
        assertEquals("reported only", bytes.get(3).select("td").get(9).text());
        assertTrue(doc.text().contains("when the server's Ready"), "why bytes may differ");

        // The scope statement, whole.
        assertEquals(ValidateCommand.SCOPE.strip(), doc.selectFirst("pre").wholeText().strip());
        // Self-contained: nothing loaded from elsewhere.
        assertTrue(doc.select("script, link[rel=stylesheet]").isEmpty());
    }

    @Test
    void whyBytesDifferFollowsTheMigrations() {
        ValidationTable.Side sim = new ValidationTable.Side(1, 28000, 350, 1, 2, "aa");
        assertTrue(ValidationReport.whyBytesDiffer(new ValidationTable.Row("a", "m", "l", "always", sim,
                new ValidationTable.Side(1, 67, 0, 0, 0, "aa"), 0, 0)).startsWith("nothing migrated on the testbed"));
        assertTrue(ValidationReport.whyBytesDiffer(new ValidationTable.Row("a", "m", "l", "pingpong:3", sim,
                new ValidationTable.Side(1, 50000, 700, 2, 4, "aa"), 0, 0)).startsWith("a different number of migrations"));
        assertEquals("", ValidationReport.whyBytesDiffer(new ValidationTable.Row("a", "m", "l", "always", sim, sim, 0, 0)));
    }

    @Test
    void deterministicPoliciesAreAlwaysAndPingpong() {
        assertTrue(ValidationReport.deterministic("always"));
        assertTrue(ValidationReport.deterministic("pingpong:7"));
        assertTrue(!ValidationReport.deterministic("comet") && !ValidationReport.deterministic("never-bytes"));
    }
}
