package org.patchdesk.risk.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import org.patchdesk.risk.FindingService;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.TableColumns;

/**
 * The vulnerabilities tab of the device form: every finding of the device, of any status, most
 * urgent first, with the full explanation of the selected one.
 */
public final class DeviceFindingsPane extends BorderPane {

    private static final String HINT = "Select a finding to see why it applies to this device and how it is ranked."
            + " Change its status in the worklist.";

    private final TableView<WorklistRow> table = new TableView<>();
    private final Label title = new Label(HINT);
    private final VBox explanation = new VBox(10);
    private final FindingService findings;
    private final BackgroundTasks tasks;

    public DeviceFindingsPane(FindingService findings, BackgroundTasks tasks, long deviceId, Clock clock) {
        this.findings = findings;
        this.tasks = tasks;
        setId("deviceFindings");
        LocalDate today = LocalDate.now(clock);
        table.setId("deviceFindingsTable");
        table.setPlaceholder(new Label("No vulnerability applies to this device from the imported feeds."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(
                column("Decision", 100, row -> row.finding().decision() == null ? "" : row.finding().decision()),
                column("Priority", 65, row -> String.format(Locale.US, "%.2f", row.finding().priority())),
                column("CVE", 130, row -> row.finding().cveId()),
                column("Title", 260, row -> row.vulnerabilityTitle() == null ? "" : row.vulnerabilityTitle()),
                column("CVSS", 120, WorklistView::cvssText),
                column("EPSS", 65, row -> row.finding().epss() == null ? "" : String.format(Locale.US, "%.4f", row.finding().epss())),
                column("KEV", 80, row -> row.finding().kevWord()),
                column("Due", 120, row -> row.finding().dueDate() == null ? ""
                        : row.finding().dueDate() + (row.finding().overdue(today) ? " overdue" : "")),
                column("Status", 170, WorklistView::statusText)));
        title.setId("deviceFindingTitle");
        title.getStyleClass().add("explanation-title");
        title.setWrapText(true);
        explanation.setId("deviceFindingExplanation");
        VBox content = new VBox(8, title, explanation);
        content.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, row) -> explain(row));
        SplitPane split = new SplitPane(table, scroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
        setPrefHeight(520);
        tasks.submit("Reading the device's findings", monitor -> findings.forDevice(deviceId), table.getItems()::setAll,
                error -> table.setPlaceholder(new Label("The findings could not be read: " + error.getMessage())));
    }

    private void explain(WorklistRow row) {
        explanation.getChildren().clear();
        if (row == null) {
            title.setText(HINT);
            return;
        }
        long id = row.finding().id();
        title.setText(row.finding().cveId());
        tasks.submit("Explaining " + row.finding().cveId(), monitor -> findings.explain(id), result -> {
            WorklistRow selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && selected.finding().id() == id) {
                title.setText(result.title());
                explanation.getChildren().setAll(ExplanationNodes.of(result));
            }
        }, error -> title.setText("The finding could not be explained: " + error.getMessage()));
    }

    private static TableColumn<WorklistRow, String> column(String title, double width, Function<WorklistRow, String> value) {
        return TableColumns.text(title, width, value);
    }

    public TableView<WorklistRow> table() {
        return table;
    }
}
