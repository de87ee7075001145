package org.patchdesk.risk.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import org.patchdesk.risk.FindingService;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.ui.BackgroundTasks;

/**
 * The vulnerabilities tab of the device form: every finding of the device, of any status, most
 * urgent first, with the reason it applies to the selected one.
 */
public final class DeviceFindingsPane extends BorderPane {

    private final TableView<WorklistRow> table = new TableView<>();
    private final Label basis = new Label();

    public DeviceFindingsPane(FindingService findings, BackgroundTasks tasks, long deviceId, Clock clock) {
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
        basis.setWrapText(true);
        basis.setPadding(new Insets(6, 0, 0, 0));
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, row) -> basis.setText(row == null ? ""
                : "Applies because: " + row.finding().basis() + (row.finding().statusNote() == null ? ""
                : "\nStatus note: " + row.finding().statusNote())));
        setCenter(table);
        setBottom(basis);
        setPrefHeight(420);
        tasks.submit("Reading the device's findings", monitor -> findings.forDevice(deviceId), table.getItems()::setAll,
                error -> table.setPlaceholder(new Label("The findings could not be read: " + error.getMessage())));
    }

    private static TableColumn<WorklistRow, String> column(String title, double width, Function<WorklistRow, String> value) {
        TableColumn<WorklistRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    public TableView<WorklistRow> table() {
        return table;
    }
}
