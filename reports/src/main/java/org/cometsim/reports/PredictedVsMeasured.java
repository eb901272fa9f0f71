package org.cometsim.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The chart of {@code comet validate} (issue #16): each scenario's simulated time (the
 * prediction, x) against its measured time on the testbed (y), one labelled point per scenario,
 * coloured by group (the policy), and the line y = x on which a perfect prediction lies. Both axes
 * share one range from 0, so the distance from the line reads the same way in both directions:
 * above it the simulator predicted too short, below it too long.
 */
public final class PredictedVsMeasured {
    private PredictedVsMeasured() {
    }

    /** Name of the y = x series (drawn as a dashed line, no points). */
    public static final String IDENTITY = "y = x (prediction exact)";

    /** One scenario: its label on the chart, its group (a series), simulated and measured seconds. */
    public record Point(String label, String group, double simulatedSeconds, double measuredSeconds) {
    }

    public static JFreeChart chart(List<Point> points, String title) {
        XYSeriesCollection d = new XYSeriesCollection();
        // One series per group in first-seen order (so a policy keeps its colour across pages);
        // autoSort off keeps each point's index equal to its place in the group, for its label.
        Map<String, XYSeries> groups = new LinkedHashMap<>();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        double max = 0;
        for (Point p : points) {
            if (!Double.isFinite(p.simulatedSeconds()) || !Double.isFinite(p.measuredSeconds())) {
                continue;
            }
            groups.computeIfAbsent(p.group(), g -> new XYSeries(g, false, true)).add(p.simulatedSeconds(),
                    p.measuredSeconds());
            labels.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p.label());
            max = Math.max(max, Math.max(p.simulatedSeconds(), p.measuredSeconds()));
        }
        groups.values().forEach(d::addSeries);
        double top = max > 0 ? max * 1.1 : 1;
        XYSeries identity = new XYSeries(IDENTITY, true, true);
        identity.add(0, 0);
        identity.add(top, top);
        d.addSeries(identity);

        JFreeChart chart = ChartFactory.createXYLineChart(title, "simulated time (s): the prediction",
                "measured time on the testbed (s)", d, PlotOrientation.VERTICAL, true, false, false);
        ChartFiles.style(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        List<List<String>> byIndex = new ArrayList<>(labels.values());
        for (int i = 0; i < groups.size(); i++) {
            r.setSeriesLinesVisible(i, false);
            r.setSeriesShapesVisible(i, true);
            r.setSeriesShape(i, new Ellipse2D.Double(-6, -6, 12, 12));
            r.setSeriesPaint(i, ChartFiles.color(i));
            r.setSeriesItemLabelsVisible(i, true);
            r.setSeriesItemLabelFont(i, new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            r.setSeriesItemLabelPaint(i, Color.DARK_GRAY);
            // Even groups label above-right, odd ones below-right: scenarios that differ only by policy
            // often land on the same spot, and their labels would print over each other.
            r.setSeriesPositiveItemLabelPosition(i, i % 2 == 0
                    ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE2, TextAnchor.BOTTOM_LEFT)
                    : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE4, TextAnchor.TOP_LEFT));
        }
        r.setDefaultItemLabelGenerator((dataset, series, item) ->
                series < byIndex.size() ? " " + byIndex.get(series).get(item) : null);
        int line = groups.size();
        r.setSeriesLinesVisible(line, true);
        r.setSeriesShapesVisible(line, false);
        r.setSeriesPaint(line, Color.DARK_GRAY);
        r.setSeriesStroke(line, ChartFiles.dashed(1.5f));
        r.setSeriesItemLabelsVisible(line, false);
        plot.setRenderer(r);
        for (NumberAxis axis : List.of((NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis())) {
            axis.setRange(0, top);
        }
        chart.addSubtitle(new TextTitle("above the line: the simulator predicted too short; below: too long",
                new Font(Font.SANS_SERIF, Font.PLAIN, 15)));
        return chart;
    }
}
