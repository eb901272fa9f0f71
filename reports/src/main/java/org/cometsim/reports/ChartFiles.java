package org.cometsim.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;

/**
 * The look shared by every chart (large sans-serif fonts that stay readable when a PNG is shrunk
 * into a page or a paper column, white plot, light grid, a fixed colour sequence so a network or a
 * policy has the same colour in every chart) and writing a chart as PNG and SVG.
 */
public final class ChartFiles {
    /** Default size in pixels: wide enough for 15 apps' labels. */
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;

    /** Colour-blind-safe sequence (Okabe-Ito). */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000),
    };

    private ChartFiles() {
    }

    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** Applies the shared look to a chart just made (before a chart sets its own series colours). */
    static JFreeChart style(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 19));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xCCCCCC));
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        theme.setDrawingSupplier(new org.jfree.chart.plot.DefaultDrawingSupplier(
                PALETTE.clone(), PALETTE.clone(), PALETTE.clone(),
                org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
                org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
                org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        theme.apply(chart);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        Plot p = chart.getPlot();
        p.setOutlineVisible(false);
        if (p instanceof CategoryPlot cp) {
            cp.setRangeGridlinesVisible(true);
            if (cp.getRenderer() instanceof BarRenderer br) {
                br.setShadowVisible(false);
                br.setDrawBarOutline(false);
            }
        } else if (p instanceof XYPlot xp) {
            xp.setDomainGridlinesVisible(true);
            xp.setRangeGridlinesVisible(true);
            if (xp.getRenderer() instanceof XYBarRenderer xr) {
                xr.setShadowVisible(false);
            }
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
        }
        return chart;
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);
    }

    /** Writes {@code dir/name.png} and {@code dir/name.svg}; returns the PNG's path. */
    public static Path write(JFreeChart chart, Path dir, String name) {
        return write(chart, dir, name, WIDTH, HEIGHT);
    }

    public static Path write(JFreeChart chart, Path dir, String name, int width, int height) {
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve(name + ".png");
            ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            chart.draw(g, new Rectangle(0, 0, width, height));
            Files.writeString(dir.resolve(name + ".svg"), g.getSVGDocument(), StandardCharsets.UTF_8);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + name + " in " + dir, e);
        }
    }
}
