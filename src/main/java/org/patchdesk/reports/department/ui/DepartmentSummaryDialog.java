package org.patchdesk.reports.department.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.patchdesk.common.Actor;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.reports.department.DepartmentSummary;
import org.patchdesk.reports.department.DepartmentSummaryPdf;
import org.patchdesk.reports.department.DepartmentSummaryService;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.DocumentOpener;

/**
 * The "Department summary" dialog: choose a department and how many days of patch windows to list,
 * save the one-page summary as a PDF, and open it.
 */
public final class DepartmentSummaryDialog {

    /** The horizons offered, in days; the first printed summary uses the service's default. */
    static final List<Integer> HORIZONS = List.of(7, 14, DepartmentSummaryService.DEFAULT_HORIZON_DAYS, 60, 90);
    static final String SAVE = "Save as PDF…";

    private final DepartmentSummaryService service;
    private final ReportSite site;
    private final Actor actor;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final DocumentOpener opener;
    private final Window owner;

    public DepartmentSummaryDialog(DepartmentSummaryService service, ReportSite site, Actor actor, BackgroundTasks tasks,
                                   DialogService dialogs, DocumentOpener opener, Window owner) {
        this.service = service;
        this.site = site;
        this.actor = actor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.opener = opener;
        this.owner = owner;
    }

    /** Reads the departments off the JavaFX thread, then shows the dialog without waiting for it to close. */
    public void open() {
        tasks.submit("Reading the departments", monitor -> service.departments(), this::show,
                error -> dialogs.showFailure("Department summary", "Reading the departments failed.", error));
    }

    private void show(List<String> departments) {
        if (departments.isEmpty()) {
            dialogs.showInformation("Department summary", "No device in the inventory names a department yet. Record the"
                    + " departments of the devices, then print the summary.");
            return;
        }
        ComboBox<String> department = new ComboBox<>(FXCollections.observableArrayList(departments));
        department.setId("summaryDepartment");
        department.setPromptText("Choose a department");
        ComboBox<Integer> horizon = new ComboBox<>(FXCollections.observableArrayList(HORIZONS));
        horizon.setId("summaryHorizon");
        horizon.setValue(DepartmentSummaryService.DEFAULT_HORIZON_DAYS);
        horizon.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer days) {
                return days == null ? "" : "the next " + days + " days";
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        Label problem = new Label();
        problem.setId("summaryProblem");
        problem.getStyleClass().add("field-error");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label("Department", department), department);
        grid.addRow(1, label("Patch windows of", horizon), horizon);
        Label about = new Label("One page for the department's clinical leadership: its patch windows with the devices and"
                + " downtime, its urgent security problems and what is planned, and the decisions that wait for it.");
        about.setWrapText(true);
        about.setMaxWidth(420);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Department summary");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId("departmentSummaryDialog");
        ButtonType save = new ButtonType(SAVE, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(new VBox(10, about, grid, problem));
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            String chosen = department.getValue();
            if (chosen == null) {
                problem.setText("Choose a department.");
                event.consume();
                return;
            }
            Optional<Path> file = dialogs.chooseFileToSave("Save the department summary", fileName(chosen), "pdf");
            if (file.isEmpty()) {
                event.consume();
                return;
            }
            write(chosen, horizon.getValue() == null ? DepartmentSummaryService.DEFAULT_HORIZON_DAYS : horizon.getValue(), file.get());
        });
        dialog.show();
    }

    private static Label label(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        return label;
    }

    /** Returns a file name such as "department-summary-med-surg-4-west.pdf". */
    static String fileName(String department) {
        String slug = department.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "department-summary" + (slug.isEmpty() ? "" : "-" + slug) + ".pdf";
    }

    private void write(String department, int days, Path file) {
        tasks.submit("Writing the department summary", monitor -> {
            DepartmentSummary summary = service.summarize(department, days);
            DepartmentSummaryPdf.write(summary, site, actor.name(), file);
            return file;
        }, this::openWritten, error -> {
            if (error instanceof IllegalArgumentException) {
                dialogs.showError("Department summary not written", error.getMessage());
            } else {
                dialogs.showFailure("Department summary not written", "Writing the department summary to " + file + " failed.", error);
            }
        });
    }

    private void openWritten(Path written) {
        tasks.submit("Opening the department summary", monitor -> {
            opener.open(written);
            return written;
        }, opened -> { }, error -> dialogs.showInformation("Department summary saved", "The summary was saved to " + written
                + ". This computer could not open it from PatchDesk, so open it from the file manager to print it."));
    }
}
