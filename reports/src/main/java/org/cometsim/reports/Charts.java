package org.cometsim.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.GroupedStackedBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.KeyToGroupMap;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of issue #15, each built from a {@link ResultTable} (or a run's trace) and nothing
 * else: speed-up per app grouped by network with geometric means (the paper's headline figure),
 * policy comparison with confidence intervals and the oracle line, energy per app by component,
 * the timeline of one run, CDFs across seeds, and a metric over any swept scalar.
 *
 * <p>Column names used: {@code app}, {@code link}, {@code policy}, {@code seed}, {@code speedup},
 * {@code energy_j_cpu}, {@code energy_j_radio}, {@code energy_local_j_cpu},
 * {@code energy_local_j_radio}; a swept scalar is any numeric column.
 */
public final class Charts {
    /** The paper's geometric-mean speed-ups (COMET, OSDI 2012, §6): WiFi 2.88x, 3G 1.27x. */
    public static final double PAPER_WIFI = 2.88;
    public static final double PAPER_3G = 1.27;
    /** The policy name of the oracle, drawn as a line rather than a bar. */
    public static final String ORACLE = "oracle";
    static final String GEO_MEAN = "geo. mean";

    private Charts() {
    }

    /** The paper's geometric mean for a link name, or NaN for a link the paper did not measure. */
    public static double paperSpeedup(String link) {
        String n = link.toLowerCase(Locale.ROOT);
        if (n.contains("wifi")) {
            return PAPER_WIFI;
        }
        if (n.contains("3g")) {
            return PAPER_3G;
        }
        return Double.NaN;
    }

    /** Speed-up per (app, link): the mean over replications of the rows' {@code speedup}. */
    public static Map<String, Map<String, Double>> speedupByAppAndLink(ResultTable t) {
        Map<String, Map<String, List<Double>>> acc = new LinkedHashMap<>();
        for (ResultTable.Row r : t.rows()) {
            acc.computeIfAbsent(r.text("app"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.text("link"), k -> new ArrayList<>()).add(r.num("speedup"));
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        acc.forEach((app, byLink) -> {
            Map<String, Double> m = new LinkedHashMap<>();
            byLink.forEach((link, v) -> m.put(link, Stats.mean(v)));
            out.put(app, m);
        });
        return out;
    }

    /** Geometric mean over apps of the per-app speed-up, per link. */
    public static Map<String, Double> geometricMeans(ResultTable t) {
        Map<String, List<Double>> byLink = new LinkedHashMap<>();
        speedupByAppAndLink(t).forEach((app, m) -> m.forEach((link, s) ->
                byLink.computeIfAbsent(link, k -> new ArrayList<>()).add(s)));
        Map<String, Double> out = new LinkedHashMap<>();
        byLink.forEach((link, v) -> out.put(link, Stats.geometricMean(v)));
        return out;
    }

    /**
     * The headline figure: one group of bars per app (one bar per link) and a last group with the
     * geometric means, on a logarithmic axis with bars rising from 1x (above: faster offloaded;
     * below: slower), and the paper's geometric mean of each link drawn as a dashed line.
     */
    public static JFreeChart speedupByApp(ResultTable t, String title) {
        Map<String, Map<String, Double>> s = speedupByAppAndLink(t);
        List<String> links = t.distinct("link");
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (String link : links) {
            for (Map.Entry<String, Map<String, Double>> e : s.entrySet()) {
                Double v = e.getValue().get(link);
                d.addValue(v == null || v.isNaN() ? null : v, link, e.getKey());
            }
        }
        Map<String, Double> geo = geometricMeans(t);
        for (String link : links) {
            Double g = geo.get(link);
            d.addValue(g == null || g.isNaN() ? null : g, link, GEO_MEAN);
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, "speed-up (local time / offloaded time, x)", d,
                PlotOrientation.VERTICAL, true, false, false);
        ChartFiles.style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        LogAxis axis = ratioAxis("speed-up (local time / offloaded time, log scale)", d, 1);
        plot.setRangeAxis(axis);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBase(1.0);
        r.setItemMargin(0.04);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.00")));
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        r.setDefaultItemLabelsVisible(true);
        // The paper's marks are named in the legend, beside the series of their network: labels on
        // the plot would collide with the bars of whichever apps sit under them.
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        for (int i = 0; i < links.size(); i++) {
            r.setSeriesPaint(i, ChartFiles.color(i));
            legend.add(new org.jfree.chart.LegendItem(links.get(i), null, null, null,
                    new java.awt.Rectangle(-6, -6, 12, 12), ChartFiles.color(i)));
        }
        for (int i = 0; i < links.size(); i++) {
            double paper = paperSpeedup(links.get(i));
            if (!Double.isNaN(paper)) {
                plot.addRangeMarker(new ValueMarker(paper, ChartFiles.color(i), ChartFiles.dashed(2.5f)), Layer.FOREGROUND);
                legend.add(new org.jfree.chart.LegendItem(String.format(Locale.ROOT, "paper, %s: %.2fx", links.get(i),
                        paper), null, null, null, new java.awt.geom.Line2D.Double(-14, 0, 14, 0), ChartFiles.dashed(2.5f),
                        ChartFiles.color(i)));
            }
        }
        plot.setFixedLegendItems(legend);
        org.jfree.chart.plot.CategoryMarker geoBand = new org.jfree.chart.plot.CategoryMarker(GEO_MEAN,
                new Color(0xEEEEEE), new BasicStroke(1f));
        geoBand.setDrawAsLine(false);
        plot.addDomainMarker(geoBand, Layer.BACKGROUND);
        plot.addRangeMarker(new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1.2f)), Layer.FOREGROUND);
        rotateLabels(plot.getDomainAxis(), s.size());
        chart.addSubtitle(new TextTitle("bars: this simulation (mean over seeds); dashed: the paper's geometric mean"
                + " per network; 'geo. mean': geometric mean over the apps", new Font(Font.SANS_SERIF, Font.PLAIN, 15)));
        return chart;
    }

    /**
     * Policy comparison on one link: mean speed-up per app and policy with the 95% confidence
     * interval over seeds as error bars; an {@code oracle} policy, when present, is drawn as a
     * line across the apps instead of bars (the best any policy could do).
     */
    public static JFreeChart policyComparison(ResultTable t, String metric, String metricLabel, String title) {
        List<String> apps = t.distinct("app");
        List<String> policies = t.distinct("policy");
        DefaultStatisticalCategoryDataset bars = new DefaultStatisticalCategoryDataset();
        DefaultCategoryDataset oracle = new DefaultCategoryDataset();
        for (String p : policies) {
            for (String app : apps) {
                List<Double> v = values(t.where(r -> p.equals(r.text("policy")) && app.equals(r.text("app"))), metric);
                if (p.equals(ORACLE)) {
                    oracle.addValue(v.isEmpty() ? null : Stats.mean(v), p, app);
                } else if (v.isEmpty()) {
                    bars.add((Number) null, null, p, app);
                } else {
                    bars.add(Stats.mean(v), Stats.ciHalfWidth(v, 0.95), p, app);
                }
            }
        }
        CategoryAxis x = new CategoryAxis(null);
        NumberAxis y = new NumberAxis(metricLabel);
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setErrorIndicatorPaint(Color.BLACK);
        r.setErrorIndicatorStroke(new BasicStroke(1.5f));
        CategoryPlot plot = new CategoryPlot(bars, x, y, r);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartFiles.style(chart);
        int k = 0;
        for (String p : policies) {
            if (!p.equals(ORACLE)) {
                r.setSeriesPaint(k++, ChartFiles.color(k - 1));
            }
        }
        if (oracle.getRowCount() > 0) {
            LineAndShapeRenderer lr = new LineAndShapeRenderer(true, true);
            lr.setSeriesPaint(0, Color.BLACK);
            lr.setSeriesStroke(0, ChartFiles.dashed(2.5f));
            plot.setDataset(1, oracle);
            plot.setRenderer(1, lr);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }
        if (metric.equals("speedup")) {
            plot.addRangeMarker(new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1.2f)), Layer.FOREGROUND);
        }
        rotateLabels(x, apps.size());
        chart.addSubtitle(new TextTitle("bars: mean over seeds; error bars: 95% confidence interval (Student's t)"
                + (oracle.getRowCount() > 0 ? "; dashed line: oracle" : ""), new Font(Font.SANS_SERIF, Font.PLAIN, 15)));
        return chart;
    }

    /**
     * Phone energy per app by component on one link: for each app a bar for the local run and one
     * for the offloaded run, each stacked CPU + radio (RRC tails included). In joules, or with
     * {@code relative} as a percentage of the app's local run, so that apps whose energies differ
     * by orders of magnitude can be read on one axis.
     */
    public static JFreeChart energyByComponent(ResultTable t, String title, boolean relative) {
        List<String> apps = t.distinct("app");
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        String[][] series = {
            {"local: CPU", "energy_local_j_cpu"}, {"local: radio", "energy_local_j_radio"},
            {"offloaded: CPU", "energy_j_cpu"}, {"offloaded: radio", "energy_j_radio"},
        };
        for (String[] s : series) {
            for (String app : apps) {
                ResultTable a = t.where(r -> app.equals(r.text("app")));
                List<Double> v = values(a, s[1]);
                double scale = relative ? 100 / Stats.mean(values(a, "energy_local_j_total")) : 1;
                d.addValue(v.isEmpty() ? null : Stats.mean(v) * scale, s[0], app);
            }
        }
        String axis = relative ? "phone energy (% of the local run's)" : "phone energy (J)";
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, axis, d,
                PlotOrientation.VERTICAL, true, false, false);
        ChartFiles.style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        GroupedStackedBarRenderer r = new GroupedStackedBarRenderer();
        KeyToGroupMap groups = new KeyToGroupMap("local");
        groups.mapKeyToGroup("local: CPU", "local");
        groups.mapKeyToGroup("local: radio", "local");
        groups.mapKeyToGroup("offloaded: CPU", "offloaded");
        groups.mapKeyToGroup("offloaded: radio", "offloaded");
        r.setSeriesToGroupMap(groups);
        r.setItemMargin(0.08);
        r.setDrawBarOutline(false);
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        r.setSeriesPaint(0, new Color(0x9CCBEA)); // local CPU: light blue
        r.setSeriesPaint(1, new Color(0xF3CF80)); // local radio: light orange
        r.setSeriesPaint(2, new Color(0x0072B2)); // offloaded CPU: blue
        r.setSeriesPaint(3, new Color(0xD55E00)); // offloaded radio: vermilion
        plot.setRenderer(r);
        rotateLabels(plot.getDomainAxis(), apps.size());
        if (relative) {
            plot.addRangeMarker(new ValueMarker(100, Color.DARK_GRAY, new BasicStroke(1.2f)), Layer.FOREGROUND);
        }
        chart.addSubtitle(new TextTitle("left bar of each app: local run; right bar: offloaded (radio includes RRC tails)"
                + (relative ? "; 100% = the local run's energy" : ""),
                new Font(Font.SANS_SERIF, Font.PLAIN, 15)));
        return chart;
    }

    /**
     * Empirical CDF of a metric across seeds, one step curve per value of {@code groupBy}
     * (e.g. per policy or per link).
     */
    public static JFreeChart cdf(ResultTable t, String metric, String metricLabel, String groupBy, String title) {
        XYSeriesCollection d = new XYSeriesCollection();
        for (String g : t.distinct(groupBy)) {
            List<Double> v = new ArrayList<>(values(t.where(r -> g.equals(r.text(groupBy))), metric));
            v.sort(null);
            XYSeries s = new XYSeries(g, true, true);
            for (int i = 0; i < v.size(); i++) {
                s.add(v.get(i).doubleValue(), (double) (i + 1) / v.size());
            }
            if (!v.isEmpty()) {
                s.add(v.get(0) - 1e-12, 0.0);
            }
            d.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, metricLabel, "fraction of runs (CDF)", d,
                PlotOrientation.VERTICAL, true, false, false);
        ChartFiles.style(chart);
        XYPlot plot = chart.getXYPlot();
        XYStepRenderer r = new XYStepRenderer();
        for (int i = 0; i < d.getSeriesCount(); i++) {
            r.setSeriesPaint(i, ChartFiles.color(i));
            r.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        plot.setRenderer(r);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    /**
     * A metric over a swept scalar (e.g. speed-up vs RTT): the mean per x value with a shaded 95%
     * confidence band, one line per value of {@code groupBy} (null: one line).
     */
    public static JFreeChart overScalar(ResultTable t, String xColumn, String xLabel, String metric, String metricLabel,
                                        String groupBy, String title) {
        YIntervalSeriesCollection d = new YIntervalSeriesCollection();
        List<String> groups = groupBy == null ? List.of("all") : t.distinct(groupBy);
        for (String g : groups) {
            ResultTable sub = groupBy == null ? t : t.where(r -> g.equals(r.text(groupBy)));
            TreeMap<Double, List<Double>> byX = new TreeMap<>();
            for (ResultTable.Row r : sub.rows()) {
                double x = r.num(xColumn);
                double y = r.num(metric);
                if (!Double.isNaN(x) && !Double.isNaN(y)) {
                    byX.computeIfAbsent(x, k -> new ArrayList<>()).add(y);
                }
            }
            YIntervalSeries s = new YIntervalSeries(g);
            byX.forEach((x, ys) -> {
                double m = Stats.mean(ys);
                double h = Stats.ciHalfWidth(ys, 0.95);
                s.add(x, m, m - h, m + h);
            });
            d.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, metricLabel, d, PlotOrientation.VERTICAL,
                groupBy != null, false, false);
        ChartFiles.style(chart);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer r = new DeviationRenderer(true, true);
        for (int i = 0; i < d.getSeriesCount(); i++) {
            Color c = ChartFiles.color(i);
            r.setSeriesPaint(i, c);
            r.setSeriesFillPaint(i, c);
            r.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        r.setAlpha(0.2f);
        plot.setRenderer(r);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        if (metric.equals("speedup")) {
            plot.addRangeMarker(new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1.2f)));
        }
        chart.addSubtitle(new TextTitle("line: mean over the points at each x (seeds and any other axis); band: 95% confidence interval",
                new Font(Font.SANS_SERIF, Font.PLAIN, 15)));
        return chart;
    }

    /**
     * The timeline of one offloaded run from its trace: for each thread, when it ran on the phone,
     * on the server, or was moving between them (from {@code migrate_out} to {@code migrate_in});
     * below, every sync as a bar of its size on the wire (up: phone to server; down: server to
     * phone); connection failures as red lines across both. Threads that never migrate leave no
     * trace event and are not shown; a thread is drawn from the start of the run (the trace does
     * not record thread starts) until it ends or the run does.
     *
     * @param endNanos the run's end (its offloaded completion time), or -1 for the last event's time
     */
    public static JFreeChart timeline(List<RunFiles.TraceEvent> events, long endNanos, String title) {
        long end = endNanos;
        for (RunFiles.TraceEvent e : events) {
            end = Math.max(end, e.tNanos());
        }
        // Rows in thread-id order (numeric where ids are numbers), the first thread at the top.
        java.util.TreeSet<String> threads = new java.util.TreeSet<>((a, b) -> {
            boolean na = a.matches("\\d+");
            boolean nb = b.matches("\\d+");
            return na && nb ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : na != nb ? (na ? -1 : 1) : a.compareTo(b);
        });
        for (RunFiles.TraceEvent e : events) {
            if (e.field("thread") != null && List.of("migrate_out", "migrate_in", "recovered", "thread_ended")
                    .contains(e.event())) {
                threads.add(e.field("thread"));
            }
        }
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (String th : threads) {
            rowOf.put(th, threads.size() - 1 - rowOf.size());
        }
        Map<String, String> state = new LinkedHashMap<>();
        Map<String, Long> since = new LinkedHashMap<>();
        XYIntervalSeries onPhone = new XYIntervalSeries("on the phone");
        XYIntervalSeries onServer = new XYIntervalSeries("on the server");
        XYIntervalSeries moving = new XYIntervalSeries("moving (migration in flight)");
        XYSeries syncUp = new XYSeries("sync phone to server", false, true);
        XYSeries syncDown = new XYSeries("sync server to phone", false, true);
        List<Long> failures = new ArrayList<>();
        for (RunFiles.TraceEvent e : events) {
            String thread = e.field("thread");
            String next = null;
            switch (e.event()) {
                case "migrate_out" -> next = "moving";
                case "migrate_in" -> next = e.endpoint().startsWith("server") ? "server" : "phone";
                case "recovered" -> next = "phone";
                case "thread_ended" -> next = "ended";
                case "sync" -> {
                    double kib = e.longField("wire_bytes", 0) / 1024.0;
                    (e.endpoint().startsWith("server") ? syncDown : syncUp).add(e.tNanos() / 1e9, kib);
                }
                case "connection_lost" -> {
                    if (e.endpoint().equals("phone")) {
                        failures.add(e.tNanos());
                    }
                }
                default -> {
                }
            }
            if (next == null || thread == null) {
                continue;
            }
            String prev = state.getOrDefault(thread, "phone");
            long from = since.getOrDefault(thread, 0L);
            addInterval(prev, rowOf.get(thread), from, e.tNanos(), onPhone, onServer, moving);
            state.put(thread, next);
            since.put(thread, e.tNanos());
        }
        for (Map.Entry<String, String> s : state.entrySet()) {
            addInterval(s.getValue(), rowOf.get(s.getKey()), since.get(s.getKey()), end, onPhone, onServer, moving);
        }
        XYIntervalSeriesCollection lanes = new XYIntervalSeriesCollection();
        lanes.addSeries(onPhone);
        lanes.addSeries(onServer);
        lanes.addSeries(moving);
        String[] names = new String[Math.max(1, rowOf.size())];
        if (rowOf.isEmpty()) {
            names[0] = "(no migration)";
        }
        rowOf.forEach((thread, row) -> names[row] = "thread " + thread);
        SymbolAxis threadsAxis = new SymbolAxis("thread", names);
        threadsAxis.setGridBandsVisible(false);
        XYBarRenderer lr = new XYBarRenderer();
        lr.setUseYInterval(true);
        lr.setShadowVisible(false);
        lr.setDrawBarOutline(false);
        lr.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        lr.setSeriesPaint(0, ChartFiles.color(0));
        lr.setSeriesPaint(1, ChartFiles.color(1));
        lr.setSeriesPaint(2, new Color(0x999999));
        NumberAxis time = new NumberAxis("simulated time (s)");
        XYPlot lanePlot = new XYPlot(lanes, null, threadsAxis, lr);
        XYSeriesCollection syncs = new XYSeriesCollection();
        syncs.addSeries(syncUp);
        syncs.addSeries(syncDown);
        double width = Math.max(end / 1e9 / 400, 1e-6);
        syncs.setIntervalWidth(width);
        XYBarRenderer sr = new XYBarRenderer();
        sr.setShadowVisible(false);
        sr.setDrawBarOutline(false);
        sr.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        sr.setSeriesPaint(0, ChartFiles.color(2));
        sr.setSeriesPaint(1, ChartFiles.color(3));
        NumberAxis kib = new NumberAxis("sync size on the wire (KiB)");
        XYPlot syncPlot = new XYPlot(syncs, null, kib, sr);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.add(lanePlot, 3);
        plot.add(syncPlot, 2);
        plot.setGap(12);
        time.setRange(0, end / 1e9);
        for (long f : failures) {
            for (XYPlot p : List.of(lanePlot, syncPlot)) {
                ValueMarker m = new ValueMarker(f / 1e9, new Color(0xD00000), new BasicStroke(2.5f));
                if (p == lanePlot) {
                    m.setLabel("connection lost");
                    m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
                    m.setLabelPaint(new Color(0xD00000));
                    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                    m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
                }
                p.addDomainMarker(m, Layer.FOREGROUND);
            }
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartFiles.style(chart);
        for (XYPlot p : List.of(lanePlot, syncPlot)) {
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xCCCCCC));
            p.setDomainGridlinePaint(new Color(0xDDDDDD));
            p.setOutlineVisible(false);
        }
        threadsAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        threadsAxis.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        kib.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        kib.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%d sync(s), %d failure(s); threads that never"
                + " migrated are not shown", syncUp.getItemCount() + syncDown.getItemCount(), failures.size()),
                new Font(Font.SANS_SERIF, Font.PLAIN, 15)));
        return chart;
    }

    private static void addInterval(String state, int row, long from, long to, XYIntervalSeries phone,
                                    XYIntervalSeries server, XYIntervalSeries moving) {
        if (to <= from && !state.equals("moving")) {
            return;
        }
        XYIntervalSeries s = switch (state) {
            case "phone" -> phone;
            case "server" -> server;
            case "moving" -> moving;
            default -> null;
        };
        if (s != null) {
            s.add(from / 1e9, from / 1e9, Math.max(to, from) / 1e9, row, row - 0.35, row + 0.35);
        }
    }

    /** Values of a numeric column (NaN skipped). */
    public static List<Double> values(ResultTable t, String column) {
        List<Double> v = new ArrayList<>();
        for (ResultTable.Row r : t.rows()) {
            double x = r.num(column);
            if (!Double.isNaN(x)) {
                v.add(x);
            }
        }
        return v;
    }

    /**
     * A log axis for ratios whose range covers every value, the reference value and a margin, with
     * ticks at powers of two (0.5x, 1x, 2x, 4x ...): the steps a reader of speed-ups thinks in.
     */
    private static LogAxis ratioAxis(String label, DefaultCategoryDataset d, double reference) {
        double lo = reference;
        double hi = reference;
        for (int r = 0; r < d.getRowCount(); r++) {
            for (int c = 0; c < d.getColumnCount(); c++) {
                Number n = d.getValue(r, c);
                if (n != null && n.doubleValue() > 0) {
                    lo = Math.min(lo, n.doubleValue());
                    hi = Math.max(hi, n.doubleValue());
                }
            }
        }
        hi = Math.max(hi, PAPER_WIFI);
        LogAxis axis = new PowersOfTwoAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(1e-3);
        axis.setRange(lo / 1.4, hi * 1.5);
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        return axis;
    }

    /** A vertical log axis whose major ticks are the powers of two in its range, labelled "2x". */
    private static final class PowersOfTwoAxis extends LogAxis {
        private static final long serialVersionUID = 1L;

        PowersOfTwoAxis(String label) {
            super(label);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected java.util.List refreshTicksVertical(java.awt.Graphics2D g2, java.awt.geom.Rectangle2D dataArea,
                                                      org.jfree.chart.ui.RectangleEdge edge) {
            java.util.List ticks = new ArrayList();
            double lo = getLowerBound();
            double hi = getUpperBound();
            for (int e = -10; e <= 10; e++) {
                double v = Math.pow(2, e);
                if (v >= lo && v <= hi) {
                    String text = v >= 1 ? String.format(Locale.ROOT, "%dx", (long) v)
                            : new java.text.DecimalFormat("0.###").format(v) + "x";
                    ticks.add(new org.jfree.chart.axis.NumberTick(org.jfree.chart.axis.TickType.MAJOR, v, text,
                            TextAnchor.CENTER_RIGHT, TextAnchor.CENTER_RIGHT, 0.0));
                }
            }
            return ticks;
        }
    }

    private static void rotateLabels(CategoryAxis axis, int categories) {
        if (categories > 6) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        axis.setMaximumCategoryLabelLines(2);
    }
}
