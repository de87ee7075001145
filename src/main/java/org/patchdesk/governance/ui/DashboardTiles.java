package org.patchdesk.governance.ui;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import org.patchdesk.governance.DashboardService.Tile;
import org.patchdesk.governance.DashboardService.Trend;
import org.patchdesk.governance.Metric;
import org.patchdesk.governance.MetricKind;

/** Builds the dashboard's metric tiles and the text they show. */
final class DashboardTiles {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

    private DashboardTiles() {
    }

    /**
     * Builds a tile as a button, so it takes focus and Enter like any button: the title, the value,
     * the counts behind it and the trend. Its id is {@code tile-KEY}, and its parts have the ids
     * {@code tileTitle-KEY}, {@code tileValue-KEY}, {@code tileDetail-KEY} and {@code tileTrend-KEY}.
     */
    static Button button(Tile tile, String opens, Runnable action) {
        Label title = new Label(tile.title());
        title.setId("tileTitle-" + tile.key());
        title.getStyleClass().add("tile-title");
        title.setWrapText(true);
        Label value = new Label(value(tile.metric()));
        value.setId("tileValue-" + tile.key());
        value.getStyleClass().add("tile-value");
        Label detail = new Label(tile.detail());
        detail.setId("tileDetail-" + tile.key());
        detail.getStyleClass().add("tile-detail");
        detail.setWrapText(true);
        Label trend = new Label(trend(tile));
        trend.setId("tileTrend-" + tile.key());
        trend.getStyleClass().addAll("tile-trend", trendStyle(tile));
        trend.setWrapText(true);

        VBox box = new VBox(4, title, value, detail, trend);
        Button button = new Button();
        button.setGraphic(box);
        button.setId("tile-" + tile.key());
        button.getStyleClass().add("dashboard-tile");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setMaxHeight(Double.MAX_VALUE);
        button.setTooltip(new Tooltip(tile.metric().label() + ". Click to open " + opens + "."));
        button.setOnAction(event -> action.run());
        return button;
    }

    /** Returns the value in large type: "77.7 %", "12", "14.5 days", or "no data". */
    static String value(Metric metric) {
        if (metric.value() == null) {
            return "no data";
        }
        return switch (metric.kind()) {
            case SHARE -> String.format(Locale.US, "%.1f %%", metric.value());
            case COUNT -> String.format(Locale.US, "%,d", Math.round(metric.value()));
            case DAYS -> metric.display();
        };
    }

    /**
     * Returns the change since the newest snapshot: "▲ 2.5 points since November 2026", "no change
     * since November 2026", or "no earlier snapshot".
     */
    static String trend(Tile tile) {
        if (tile.trend().isEmpty()) {
            return "no earlier snapshot";
        }
        Trend trend = tile.trend().get();
        String since = " since " + MONTH.format(trend.month());
        if (trend.previous() == null) {
            return "no value in the " + MONTH.format(trend.month()) + " snapshot";
        }
        if (trend.difference() == null) {
            return "no value now; " + number(trend.previous(), tile.metric().kind()) + " in the " + MONTH.format(trend.month())
                    + " snapshot";
        }
        double difference = trend.difference();
        if (Math.abs(difference) < 0.05) {
            return "no change" + since;
        }
        String arrow = difference > 0 ? "▲ " : "▼ ";
        return arrow + number(Math.abs(difference), tile.metric().kind()) + since;
    }

    private static String number(double amount, MetricKind kind) {
        return switch (kind) {
            case SHARE -> String.format(Locale.US, "%.1f points", amount);
            case COUNT -> String.format(Locale.US, "%,d", Math.round(amount));
            case DAYS -> String.format(Locale.US, "%.1f days", amount);
        };
    }

    private static String trendStyle(Tile tile) {
        Double difference = tile.trend().map(Trend::difference).orElse(null);
        if (difference == null || Math.abs(difference) < 0.05) {
            return "trend-flat";
        }
        return (difference > 0) == tile.higherIsBetter() ? "trend-better" : "trend-worse";
    }
}
