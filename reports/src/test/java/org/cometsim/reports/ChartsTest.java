package org.cometsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts from hand-made rows: the data they draw, and that PNG and SVG files come out. */
class ChartsTest {
    @TempDir
    Path dir;

    @Test
    void headlineFigureHasGeometricMeansAndThePapersMarks() throws Exception {
        ResultTable t = SampleResults.table(List.of("comet"), 3);
        JFreeChart c = Charts.speedupByApp(t, "speed-up");
        CategoryPlot plot = c.getCategoryPlot();
        CategoryDataset d = plot.getDataset();
        assertEquals(List.of("comet-wifi", "comet-3g"), d.getRowKeys());
        assertEquals(SampleResults.APPS.size() + 1, d.getColumnCount());
        assertEquals(Charts.GEO_MEAN, d.getColumnKey(d.getColumnCount() - 1));
        double geo = d.getValue("comet-wifi", Charts.GEO_MEAN).doubleValue();
        assertEquals(Charts.geometricMeans(t).get("comet-wifi"), geo, 1e-12);
        // Geometric mean by hand over the per-app means.
        double logSum = 0;
        for (String app : SampleResults.APPS) {
            logSum += Math.log(d.getValue("comet-wifi", app).doubleValue());
        }
        assertEquals(Math.exp(logSum / SampleResults.APPS.size()), geo, 1e-9);
        List<Double> marks = plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).stream()
                .map(m -> ((ValueMarker) m).getValue()).toList();
        assertTrue(marks.contains(2.88), marks.toString());
        assertTrue(marks.contains(1.27), marks.toString());
        List<String> legend = new java.util.ArrayList<>();
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            legend.add(plot.getLegendItems().get(i).getLabel());
        }
        assertEquals(List.of("comet-wifi", "comet-3g", "paper, comet-wifi: 2.88x", "paper, comet-3g: 1.27x"), legend);
        assertDecodes(ChartFiles.write(c, dir, "speedup"));
        assertTrue(Files.readString(dir.resolve("speedup.svg")).startsWith("<?xml") || Files.readString(
                dir.resolve("speedup.svg")).contains("<svg"));
    }

    @Test
    void policyComparisonHasIntervalsAndTheOracleAsALine() throws Exception {
        ResultTable t = SampleResults.table(List.of("never", "always", "comet", "oracle"), 5)
                .where(r -> "comet-wifi".equals(r.text("link")));
        JFreeChart c = Charts.policyComparison(t, "speedup", "speed-up (x)", "policies");
        CategoryPlot plot = c.getCategoryPlot();
        StatisticalCategoryDataset bars = (StatisticalCategoryDataset) plot.getDataset(0);
        assertEquals(List.of("never", "always", "comet"), bars.getRowKeys());
        assertTrue(bars.getStdDevValue("comet", "linpack").doubleValue() > 0, "seeds differ: a non-empty interval");
        CategoryDataset oracle = plot.getDataset(1);
        assertNotNull(oracle);
        assertEquals(List.of("oracle"), oracle.getRowKeys());
        assertDecodes(ChartFiles.write(c, dir, "policies"));
        JFreeChart noOracle = Charts.policyComparison(t.where(r -> !"oracle".equals(r.text("policy"))), "speedup",
                "speed-up (x)", "policies");
        assertEquals(null, noOracle.getCategoryPlot().getDataset(1));
    }

    @Test
    void energyCdfAndScalarCharts() throws Exception {
        ResultTable t = SampleResults.table(List.of("comet", "always"), 4);
        ResultTable wifi = t.where(r -> "comet-wifi".equals(r.text("link")) && "comet".equals(r.text("policy")));
        JFreeChart e = Charts.energyByComponent(wifi, "energy", false);
        CategoryDataset d = e.getCategoryPlot().getDataset();
        assertEquals(4, d.getRowCount());
        assertEquals(wifi.rows().get(0).num("energy_local_j_cpu"), d.getValue("local: CPU", "linpack").doubleValue(), 1e-9);
        assertDecodes(ChartFiles.write(e, dir, "energy"));
        CategoryDataset rel = Charts.energyByComponent(wifi, "energy", true).getCategoryPlot().getDataset();
        assertEquals(100, rel.getValue("local: CPU", "chess").doubleValue() + rel.getValue("local: radio", "chess")
                .doubleValue(), 1e-9, "relative: the local run is 100%");
        assertDecodes(ChartFiles.write(Charts.energyByComponent(wifi, "energy", true), dir, "energy-relative"));
        JFreeChart cdf = Charts.cdf(t, "speedup", "speed-up (x)", "policy", "cdf");
        assertEquals(2, cdf.getXYPlot().getDataset().getSeriesCount());
        assertDecodes(ChartFiles.write(cdf, dir, "cdf"));
        JFreeChart line = Charts.overScalar(t, "axis_link_latency_value", "RTT (s)", "speedup", "speed-up (x)", "policy",
                "over");
        assertEquals(4, line.getXYPlot().getDataset().getItemCount(0), "one point per latency value");
        assertDecodes(ChartFiles.write(line, dir, "over"));
        assertEquals(List.of("axis_link_latency_value"), Reports.sweptScalars(t));
    }

    @Test
    void timelineFollowsEachThreadAcrossEndpoints() throws Exception {
        List<RunFiles.TraceEvent> events = RunFiles.parseTrace(SampleResults.traceLines(), "trace");
        JFreeChart c = Charts.timeline(events, 1_200_000_000L, "timeline");
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) c.getXYPlot();
        @SuppressWarnings("unchecked")
        List<XYPlot> parts = plot.getSubplots();
        IntervalXYDataset lanes = (IntervalXYDataset) parts.get(0).getDataset();
        // thread 1: phone [0,.1], moving [.1,.14], server [.14,.6], moving [.6,.65], phone [.65,1.2]
        assertEquals(4, lanes.getItemCount(0 /* on the phone */), "each thread twice on the phone");
        assertEquals(2, lanes.getItemCount(1 /* on the server */));
        assertEquals(0.14, lanes.getStartXValue(1, 0), 1e-12);
        assertEquals(0.6, lanes.getEndXValue(1, 0), 1e-12);
        // thread 2 recovered at the failure: back on the phone at 0.8 s until it ends at 1.0 s.
        assertEquals(0.8, lanes.getEndXValue(1, 1), 1e-12);
        assertEquals(3, parts.get(1).getDataset().getItemCount(0) + parts.get(1).getDataset().getItemCount(1));
        assertFalse(parts.get(0).getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).isEmpty(), "failure marked");
        assertDecodes(ChartFiles.write(c, dir, "timeline", ChartFiles.WIDTH, 800));
    }

    @Test
    void csvRoundTripKeepsQuotedFields() throws Exception {
        ResultTable t = ResultTable.of(List.of(Map.of("a", "x,\"y\"", "b", "1"), Map.of("a", "line\nbreak", "b", "")));
        Path f = dir.resolve("t.csv");
        Files.writeString(f, t.toCsv());
        ResultTable back = ResultTable.readCsv(f);
        assertEquals(t.rows().get(0).values(), back.rows().get(0).values());
        assertEquals("line\nbreak", back.rows().get(1).text("a"));
        assertTrue(Double.isNaN(back.rows().get(1).num("b")));
    }

    static void assertDecodes(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " decodes");
        assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
        Path svg = png.resolveSibling(png.getFileName().toString().replace(".png", ".svg"));
        assertTrue(Files.size(svg) > 1000, svg + " written");
        if (System.getenv("COMET_CHART_DIR") != null) {
            Path out = Path.of(System.getenv("COMET_CHART_DIR"));
            Files.createDirectories(out);
            Files.copy(png, out.resolve(png.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
