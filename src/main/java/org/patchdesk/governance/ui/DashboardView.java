package org.patchdesk.governance.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

import org.patchdesk.common.Actor;
import org.patchdesk.governance.DashboardService;
import org.patchdesk.governance.DashboardService.Dashboard;
import org.patchdesk.governance.DashboardService.DepartmentCount;
import org.patchdesk.governance.DashboardService.Tile;
import org.patchdesk.governance.DashboardService.TrendLine;
import org.patchdesk.governance.MetricSnapshotService;
import org.patchdesk.governance.MetricsQuery;
import org.patchdesk.governance.MetricsService;
import org.patchdesk.governance.SnapshotPoint;
import org.patchdesk.planning.Patchability;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DateFields;
import org.patchdesk.ui.DialogService;

/**
 * The governance dashboard: tiles with the key metrics of a date range and department, their change
 * since the newest snapshot, trend lines from the monthly snapshots, open findings by department and
 * the patchability of the devices. A tile or a bar opens the screen with the records behind it
 * through {@link Navigation}; the metrics are computed on the worker thread.
 */
public final class DashboardView extends BorderPane {

    /** The screens a tile or a bar opens, which the main window shows. */
    public interface Navigation {

        /** Shows the worklist's open findings with only these filters, where a null department means every department. */
        void openWorklist(boolean kevOnly, boolean overdueOnly, String department);

        void openPatchability();

        void openRiskAcceptances();

        void openVendors();

        /** Shows the inventory, filtered to the department unless it is null. */
        void openInventory(String department);

        void openPatchLog();
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);
    private static final String ALL_DEPARTMENTS = "All departments";

    private final DashboardService dashboard;
    private final MetricsService metrics;
    private final MetricSnapshotService snapshots;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final ZoneId zone;
    private final Navigation navigation;

    private final DatePicker from = DateFields.picker("dashboardFrom", null);
    private final DatePicker to = DateFields.picker("dashboardTo", null);
    private final ComboBox<String> department = new ComboBox<>();
    private final TextField windowDays = new TextField(Integer.toString(MetricsService.DEFAULT_WINDOW_DAYS));
    private final Label problem = new Label();
    private final Label status = new Label();
    private final ProgressIndicator loading = new ProgressIndicator();
    private final TilePane tiles = new TilePane(10, 10);
    /** Labels every 20 %, because at every 10 % the axis drops labels that have no room on a small screen. */
    private final LineChart<String, Number> shareChart = new LineChart<>(new CategoryAxis(), new NumberAxis(0, 100, 20));
    private final LineChart<String, Number> countChart = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> departmentChart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<Number, String> patchabilityChart = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final Label shareEmpty = new Label();
    private final Label countEmpty = new Label();
    private int generation;

    public DashboardView(DashboardService dashboard, MetricsService metrics, MetricSnapshotService snapshots, BackgroundTasks tasks,
                         DialogService dialogs, Actor actor, ZoneId zone, Navigation navigation) {
        this.dashboard = dashboard;
        this.metrics = metrics;
        this.snapshots = snapshots;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.zone = zone;
        this.navigation = navigation;
        setId("dashboardView");

        MetricsQuery first = dashboard.defaultQuery();
        from.setValue(first.from());
        to.setValue(first.to());
        setTop(filterBar());
        setCenter(body());
        setBottom(statusBar());
    }

    private VBox filterBar() {
        from.setPrefWidth(130);
        to.setPrefWidth(130);
        department.setId("dashboardDepartment");
        department.getItems().setAll(ALL_DEPARTMENTS);
        department.setValue(ALL_DEPARTMENTS);
        Button show = new Button("Show");
        show.setId("dashboardShowButton");
        show.setDefaultButton(true);
        show.setOnAction(event -> reload());
        Button lastYear = new Button("Last 12 months");
        lastYear.setId("dashboardLastYearButton");
        lastYear.setOnAction(event -> {
            MetricsQuery first = dashboard.defaultQuery();
            from.setValue(first.from());
            to.setValue(first.to());
            reload();
        });
        Button snapshot = new Button("Take snapshot now");
        snapshot.setId("takeSnapshotButton");
        snapshot.setTooltip(new Tooltip("Stores every metric of this month so far, for the site and each department, as a point of the"
                + " trend lines"));
        snapshot.setOnAction(event -> takeSnapshot());

        windowDays.setId("windowDays");
        windowDays.setPrefColumnCount(4);
        windowDays.setOnAction(event -> saveWindowDays());
        Button saveWindow = new Button("Set");
        saveWindow.setId("saveWindowDaysButton");
        saveWindow.setTooltip(new Tooltip("A device counts as patched in time when each validated update was installed within this many"
                + " days of its validation"));
        saveWindow.setOnAction(event -> saveWindowDays());

        FlowPane bar = new FlowPane(8, 6, new Label("From:"), from, new Label("To:"), to, new Label("Department:"), department, show,
                lastYear, separator(), snapshot, separator(), new Label("Patch window:"), windowDays, new Label("days"), saveWindow);
        bar.setAlignment(Pos.CENTER_LEFT);
        problem.setId("dashboardProblem");
        problem.getStyleClass().add("field-error");
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox top = new VBox(4, bar, problem);
        top.setPadding(new Insets(8));
        top.getStyleClass().add("filter-bar");
        return top;
    }

    private static Node separator() {
        javafx.scene.control.Separator separator = new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL);
        separator.setPrefHeight(24);
        return separator;
    }

    private ScrollPane body() {
        tiles.setId("dashboardTiles");
        tiles.setPrefColumns(3);
        tiles.setPrefTileWidth(300);
        tiles.setPrefTileHeight(128);
        tiles.setTileAlignment(Pos.TOP_LEFT);

        shareChart.setId("shareTrendChart");
        shareChart.setTitle("Shares over time (%)");
        drawPointsAtBounds(shareChart);
        countChart.setId("countTrendChart");
        countChart.setTitle("Counts over time");
        departmentChart.setId("departmentChart");
        departmentChart.setTitle("Open findings by department (click a bar for its worklist)");
        departmentChart.setLegendVisible(false);
        patchabilityChart.setId("patchabilityChart");
        patchabilityChart.setTitle("Devices in service by patchability (click for the patchability screen)");
        patchabilityChart.setLegendVisible(false);
        patchabilityChart.setOnMouseClicked(event -> navigation.openPatchability());
        for (XYChart<?, ?> chart : List.of(shareChart, countChart, departmentChart, patchabilityChart)) {
            chart.setAnimated(false);
            chart.setPrefHeight(300);
            chart.setMinWidth(360);
        }
        shareEmpty.setId("shareTrendEmpty");
        countEmpty.setId("countTrendEmpty");

        GridPane charts = new GridPane();
        charts.setHgap(10);
        charts.setVgap(10);
        charts.add(overlay(shareChart, shareEmpty), 0, 0);
        charts.add(overlay(countChart, countEmpty), 1, 0);
        charts.add(departmentChart, 0, 1);
        charts.add(patchabilityChart, 1, 1);
        for (int column = 0; column < 2; column++) {
            javafx.scene.layout.ColumnConstraints constraints = new javafx.scene.layout.ColumnConstraints();
            constraints.setPercentWidth(50);
            charts.getColumnConstraints().add(constraints);
        }

        VBox content = new VBox(14, tiles, charts);
        content.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static StackPane overlay(Node chart, Label empty) {
        empty.getStyleClass().add("chart-empty");
        empty.setWrapText(true);
        empty.setMaxWidth(320);
        empty.visibleProperty().bind(empty.textProperty().isNotEmpty());
        return new StackPane(chart, empty);
    }

    private HBox statusBar() {
        loading.setId("dashboardLoading");
        loading.setPrefSize(18, 18);
        loading.managedProperty().bind(loading.visibleProperty());
        loading.setVisible(false);
        status.setId("dashboardStatus");
        HBox bottom = new HBox(10, loading, status);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(2, 8, 2, 8));
        bottom.getStyleClass().add("status-bar");
        return bottom;
    }

    /** Computes the dashboard again for the filters shown, and the patch window setting. */
    public void refresh() {
        tasks.submit("Reading the patch window setting", monitor -> metrics.windowDays(),
                days -> windowDays.setText(Integer.toString(days)), error -> { });
        reload();
    }

    private void reload() {
        MetricsQuery query;
        try {
            String chosen = department.getValue();
            query = new MetricsQuery(DateFields.read(from, "From"), DateFields.read(to, "To"),
                    chosen == null || ALL_DEPARTMENTS.equals(chosen) ? null : chosen);
            problem.setText("");
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            return;
        }
        int request = ++generation;
        loading.setVisible(true);
        status.setText("Computing the metrics…");
        tasks.submit("Computing the dashboard", monitor -> dashboard.load(query), result -> {
            if (request == generation) {
                loading.setVisible(false);
                show(result);
            }
        }, error -> {
            loading.setVisible(false);
            status.setText("The metrics were not computed.");
            dialogs.showFailure("Dashboard not loaded", "Computing the metrics failed.", error);
        });
    }

    private void show(Dashboard result) {
        showDepartmentChoices(result.departments());

        String scope = result.report().query().department();
        tiles.getChildren().setAll(result.tiles().stream().map(tile -> DashboardTiles.button(tile, opens(tile), () -> open(tile, scope)))
                .toList());
        showTrends(shareChart, shareEmpty, result.shareTrends(), " %");
        showTrends(countChart, countEmpty, result.countTrends(), "");
        showDepartments(result.openFindingsByDepartment());
        showPatchability(result.patchability());
        MetricsQuery query = result.report().query();
        status.setText(String.format(Locale.US, "%s, %s to %s. Computed %s; patch window %d days.",
                query.department() == null ? "Whole site" : query.department(), query.from(), query.to(),
                TIME.format(result.report().computedAt().atZone(zone)), result.report().patchWindowDays()));
    }

    /**
     * Replaces the Department box's items when the departments changed, and selects the choice
     * again. Replacing the items clears the selection while the value stays, so the box would show
     * nothing: selecting through the selection model restores both.
     */
    private void showDepartmentChoices(List<String> departments) {
        String chosen = department.getValue() == null ? ALL_DEPARTMENTS : department.getValue();
        List<String> items = new ArrayList<>();
        items.add(ALL_DEPARTMENTS);
        items.addAll(departments);
        if (!department.getItems().equals(items)) {
            department.getItems().setAll(items);
        }
        department.getSelectionModel().select(chosen);
    }

    /**
     * Lets the points of a chart whose axis ends at its highest possible value, such as 100 %, draw
     * whole: the plot area clips at the axis bounds, which would cut them in half. In JavaFX 21 the
     * clip sits on the parent of the group with the style class "plot-content".
     */
    private static void drawPointsAtBounds(XYChart<?, ?> chart) {
        Node content = chart.lookup(".plot-content");
        if (content != null && content.getParent() != null) {
            content.getParent().setClip(null);
        }
    }

    private static String opens(Tile tile) {
        return switch (tile.key()) {
            case MetricsService.KEV_DEVICES -> "the worklist of KEV-listed findings";
            case MetricsService.CLOSED_WITHIN_DUE -> "the worklist of overdue findings";
            case MetricsService.UNPATCHABLE_UNCONTROLLED, MetricsService.UNSUPPORTED_OS -> "the patchability screen";
            case MetricsService.ACTIVE_ACCEPTANCES -> "the risk acceptances";
            case MetricsService.REQUESTS_OVERDUE -> "the vendor requests";
            case MetricsService.INVENTORY_COMPLETE -> "the inventory";
            default -> "the patch log";
        };
    }

    private void open(Tile tile, String scope) {
        switch (tile.key()) {
            case MetricsService.KEV_DEVICES -> navigation.openWorklist(true, false, scope);
            case MetricsService.CLOSED_WITHIN_DUE -> navigation.openWorklist(false, true, scope);
            case MetricsService.UNPATCHABLE_UNCONTROLLED, MetricsService.UNSUPPORTED_OS -> navigation.openPatchability();
            case MetricsService.ACTIVE_ACCEPTANCES -> navigation.openRiskAcceptances();
            case MetricsService.REQUESTS_OVERDUE -> navigation.openVendors();
            case MetricsService.INVENTORY_COMPLETE -> navigation.openInventory(scope);
            default -> navigation.openPatchLog();
        }
    }

    private static void showTrends(LineChart<String, Number> chart, Label empty, List<TrendLine> lines, String unit) {
        chart.getData().clear();
        boolean any = false;
        for (TrendLine line : lines) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(line.label());
            for (SnapshotPoint point : line.points()) {
                if (point.value() != null) {
                    series.getData().add(new XYChart.Data<>(MONTH.format(point.month()), point.value()));
                    any = true;
                }
            }
            chart.getData().add(series);
        }
        describePoints(chart, unit);
        empty.setText(any ? "" : "No snapshot in this range yet. PatchDesk takes one for each month on the first start in the next"
                + " month; Take snapshot now adds one for this month.");
    }

    /**
     * Gives each point a tooltip with every line's value in its month, because lines with the same
     * value, such as several at 100 %, draw their points on top of each other.
     */
    private static void describePoints(LineChart<String, Number> chart, String unit) {
        Map<String, List<String>> byMonth = new java.util.LinkedHashMap<>();
        for (XYChart.Series<String, Number> series : chart.getData()) {
            for (XYChart.Data<String, Number> point : series.getData()) {
                byMonth.computeIfAbsent(point.getXValue(), month -> new ArrayList<>())
                        .add(series.getName() + ": " + pointValue(point.getYValue().doubleValue()) + unit);
            }
        }
        for (XYChart.Series<String, Number> series : chart.getData()) {
            for (XYChart.Data<String, Number> point : series.getData()) {
                if (point.getNode() != null) {
                    Tooltip.install(point.getNode(), new Tooltip(point.getXValue() + "\n" + String.join("\n", byMonth.get(point.getXValue()))));
                }
            }
        }
    }

    private static String pointValue(double value) {
        return value == Math.rint(value) ? String.format(Locale.US, "%,.0f", value) : String.format(Locale.US, "%,.1f", value);
    }

    private void showDepartments(List<DepartmentCount> counts) {
        departmentChart.getData().clear();
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (DepartmentCount count : counts) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(count.department(), count.count());
            bar.nodeProperty().addListener((observable, old, node) -> {
                if (node != null) {
                    node.setId("departmentBar-" + count.department());
                    node.setOnMouseClicked(event -> navigation.openWorklist(false, false, count.department()));
                    Tooltip.install(node, new Tooltip(count.department() + ": " + count.count() + " open findings"));
                }
            });
            series.getData().add(bar);
        }
        departmentChart.getData().add(series);
    }

    private void showPatchability(Map<Patchability, Long> counts) {
        patchabilityChart.getData().clear();
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // The category axis lists from the bottom up, so the first patchability goes last to be shown on top.
        List<Patchability> order = new java.util.ArrayList<>(counts.keySet());
        java.util.Collections.reverse(order);
        for (Patchability value : order) {
            series.getData().add(new XYChart.Data<>(counts.get(value), value.label()));
        }
        patchabilityChart.getData().add(series);
    }

    private void takeSnapshot() {
        tasks.submit("Taking a metrics snapshot", monitor -> snapshots.takeNow(actor), snapshot -> {
            dialogs.showInformation("Snapshot taken", String.format(Locale.US, "Stored %,d metric values for %s, taken %s.",
                    snapshot.valueCount(), MONTH.format(snapshot.month()), TIME.format(snapshot.takenAt().atZone(zone))));
            reload();
        }, error -> dialogs.showFailure("Snapshot not taken", "Storing the metrics snapshot failed.", error));
    }

    private void saveWindowDays() {
        String text = windowDays.getText() == null ? "" : windowDays.getText().strip();
        int days;
        try {
            days = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            dialogs.showError("Patch window", "The patch window '" + text + "' is not a whole number of days; enter a number from 1 to "
                    + MetricsService.MAX_WINDOW_DAYS);
            return;
        }
        tasks.submit("Saving the patch window", monitor -> {
            metrics.setWindowDays(days, actor);
            return days;
        }, saved -> reload(), error -> {
            if (error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
                dialogs.showError("Patch window", error.getMessage());
            } else {
                dialogs.showFailure("Patch window not saved", "Saving the patch window failed.", error);
            }
        });
    }
}
