package org.cometsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation chart from hand-made points: one labelled point per scenario, the y = x line, equal axes. */
class PredictedVsMeasuredTest {
    @TempDir
    Path dir;

    @Test
    void onePointPerScenarioByPolicyAndTheIdentityLine() throws Exception {
        List<PredictedVsMeasured.Point> points = List.of(
                new PredictedVsMeasured.Point("wifi-always", "always", 1.0, 1.2),
                new PredictedVsMeasured.Point("3g-always", "always", 2.0, 1.9),
                new PredictedVsMeasured.Point("wifi-comet", "comet", 0.5, 0.45),
                new PredictedVsMeasured.Point("broken", "comet", Double.NaN, 1.0));
        JFreeChart c = PredictedVsMeasured.chart(points, "predicted vs measured");
        XYPlot plot = c.getXYPlot();
        XYDataset d = plot.getDataset();
        assertEquals(3, d.getSeriesCount(), "always, comet, y = x");
        assertEquals("always", d.getSeriesKey(0));
        assertEquals(PredictedVsMeasured.IDENTITY, d.getSeriesKey(2));
        assertEquals(2, d.getItemCount(0));
        assertEquals(1, d.getItemCount(1), "a point without a time is left out");
        assertEquals(2.0, d.getXValue(0, 1), 0);
        assertEquals(1.9, d.getYValue(0, 1), 0);
        // The labels name the scenarios, in the order of the points.
        assertEquals(" 3g-always", plot.getRenderer().getItemLabelGenerator(0, 1).generateLabel(d, 0, 1));
        assertEquals(" wifi-comet", plot.getRenderer().getItemLabelGenerator(1, 0).generateLabel(d, 1, 0));
        // y = x over the same range on both axes, from 0 past the largest time.
        assertEquals(d.getXValue(2, 1), d.getYValue(2, 1), 0);
        ValueAxis x = plot.getDomainAxis();
        ValueAxis y = plot.getRangeAxis();
        assertEquals(0, x.getLowerBound(), 0);
        assertEquals(x.getUpperBound(), y.getUpperBound(), 0);
        assertEquals(2.2, x.getUpperBound(), 1e-9);
        ChartsTest.assertDecodes(ChartFiles.write(c, dir, "predicted-vs-measured"));
    }
}
