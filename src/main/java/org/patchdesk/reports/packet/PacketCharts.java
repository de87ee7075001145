package org.patchdesk.reports.packet;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.patchdesk.governance.SnapshotPoint;

/**
 * Draws the packet's charts with JFreeChart into bitmaps at twice the size they are printed, so
 * they print sharp. Works headless: no window or display is needed.
 */
final class PacketCharts {

    /** The printed width and height of a chart, in points. */
    static final int WIDTH = 504;
    static final int HEIGHT = 220;
    private static final int SCALE = 2;
    private static final Color LINE = new Color(0x1f, 0x5f, 0x99);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private PacketCharts() {
    }

    /** Draws a metric's monthly values as a line; months whose snapshot had nothing to measure are gaps. */
    static BufferedImage trend(String title, String axis, List<SnapshotPoint> points, boolean percent) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (SnapshotPoint point : points) {
            data.addValue(point.value(), axis, point.month().toString().substring(0, 7));
        }
        JFreeChart chart = ChartFactory.createLineChart(title, null, axis, data, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = style(chart);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, LINE);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setDefaultShapesVisible(true);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        if (percent) {
            range.setRange(0, 100);
        } else {
            range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            range.setLowerBound(0);
        }
        return render(chart);
    }

    /** Draws one bar per entry, in the map's order. */
    static BufferedImage bars(String title, String axis, Map<String, Long> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((category, value) -> data.addValue(value, axis, category));
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = style(chart);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, LINE);
        renderer.setMaximumBarWidth(0.08);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (values.size() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return render(chart);
    }

    private static CategoryPlot style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0.8f, 0.8f, 0.8f));
        plot.setOutlineVisible(false);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setTickLabelFont(TICKS);
        domain.setMaximumCategoryLabelLines(2);
        plot.getRangeAxis().setTickLabelFont(TICKS);
        plot.getRangeAxis().setLabelFont(TICKS);
        return plot;
    }

    private static BufferedImage render(JFreeChart chart) {
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        try {
            graphics.scale(SCALE, SCALE);
            chart.draw(graphics, new java.awt.geom.Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            graphics.dispose();
        }
        return image;
    }
}
