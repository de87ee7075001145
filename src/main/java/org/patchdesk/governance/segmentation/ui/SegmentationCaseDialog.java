package org.patchdesk.governance.segmentation.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.patchdesk.governance.segmentation.SegmentationCase;
import org.patchdesk.governance.segmentation.SegmentationCasePdf;
import org.patchdesk.governance.segmentation.SegmentationCaseService;
import org.patchdesk.governance.segmentation.SegmentationCriteria;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.risk.ssvc.SystemExposure;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;

/**
 * The segmentation case dialog: the devices (department, device type, product), the target System
 * Exposure, Compute, the figures of the computed case, and Save as PDF. The service computes the
 * case off the JavaFX thread and saves nothing.
 */
public final class SegmentationCaseDialog {

    /** One line of the decision table: a decision with its count now and after segmentation. */
    record DecisionRow(Decision decision, int now, int after) {
    }

    private final SegmentationCaseService service;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final ReportSite site;
    private final String printedBy;

    private final ComboBox<String> department = criterion("segDepartment", "Any department");
    private final ComboBox<String> deviceType = criterion("segDeviceType", "Any device type");
    private final ComboBox<String> product = criterion("segProduct", "Any product");
    private final ChoiceBox<SystemExposure> target = new ChoiceBox<>(FXCollections.observableArrayList(SystemExposure.CONTROLLED,
            SystemExposure.SMALL));
    private final Button compute = new Button("Compute");
    private final Button save = new Button("Save as PDF…");
    private final Label problem = new Label();
    private final Label answer = new Label();
    private final Label figures = new Label();
    private final Label assumptions = new Label();
    private final TableView<DecisionRow> decisions = new TableView<>();
    private final VBox content = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(content);
    private SegmentationCase computed;

    /** The width of the dialog's content: wide enough for the figures in a line each, narrow enough for a 1366-pixel screen. */
    private static final double CONTENT_WIDTH = 820;

    public SegmentationCaseDialog(SegmentationCaseService service, BackgroundTasks tasks, DialogService dialogs, ReportSite site,
                                  String printedBy) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.site = site;
        this.printedBy = printedBy;
    }

    /** Builds the dialog, fills the criteria with the values of the in-service devices, and shows it without waiting. */
    public Dialog<Void> show(Window owner) {
        Dialog<Void> dialog = build();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.show();
        tasks.submit("Listing departments, device types and products", monitor -> service.choices(), choices -> {
            department.getItems().setAll(choices.departments());
            deviceType.getItems().setAll(choices.deviceTypes());
            product.getItems().setAll(choices.products());
        }, error -> dialogs.showFailure("Segmentation case", "Listing the departments, device types and products failed.", error));
        return dialog;
    }

    private Dialog<Void> build() {
        target.setId("segTarget");
        target.setValue(SystemExposure.CONTROLLED);
        target.setConverter(new StringConverter<>() {
            @Override
            public String toString(SystemExposure exposure) {
                return exposure == null ? "" : exposure.word();
            }

            @Override
            public SystemExposure fromString(String text) {
                return SystemExposure.fromWord(text);
            }
        });
        compute.setId("segComputeButton");
        compute.setDefaultButton(true);
        compute.setOnAction(event -> compute());
        save.setId("segSaveButton");
        save.setDisable(true);
        save.setOnAction(event -> saveAsPdf());
        problem.setId("segProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        for (Label label : List.of(problem, answer, figures, assumptions)) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        answer.setId("segAnswer");
        figures.setId("segFigures");
        assumptions.setId("segAssumptions");
        assumptions.setStyle("-fx-font-size: 0.9em;");
        decisions.setId("segDecisions");
        decisions.getColumns().setAll(List.of(
                TableColumns.<DecisionRow>text("SSVC decision", 160, row -> row.decision().word()),
                TableColumns.<DecisionRow>text("Now", 100, row -> number(row.now())),
                TableColumns.<DecisionRow>text("After segmentation", 140, row -> number(row.after()))));
        decisions.setFixedCellSize(24);
        decisions.setPrefHeight(24 * 5 + 6);
        decisions.setMinHeight(Region.USE_PREF_SIZE);
        decisions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        GridPane criteria = new GridPane();
        criteria.setHgap(10);
        criteria.setVgap(8);
        criteria.addRow(0, new Label("Department"), department);
        criteria.addRow(1, new Label("Device type"), deviceType);
        criteria.addRow(2, new Label("Product"), product);
        criteria.addRow(3, new Label("Target System Exposure"), target);
        Label about = new Label("Choose at least one of department, device type and product; a device must match all chosen."
                + " Nothing is saved.");
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE);

        content.getChildren().setAll(about, criteria, new HBox(10, compute, save), problem, answer, decisions, figures, assumptions);
        content.setPrefWidth(CONTENT_WIDTH);
        content.setPadding(new Insets(0, 12, 0, 0));
        scroll.setId("segScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent;");
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Segmentation case");
        dialog.setResizable(true);
        dialog.getDialogPane().setId("segmentationCaseDialog");
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        return dialog;
    }

    private void compute() {
        SegmentationCriteria criteria;
        try {
            criteria = new SegmentationCriteria(textOf(department), textOf(deviceType), textOf(product), target.getValue());
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage() + ".");
            return;
        }
        problem.setText("");
        compute.setDisable(true);
        tasks.submit("Computing the segmentation case", monitor -> service.compute(criteria), result -> {
            compute.setDisable(false);
            show(result);
        }, error -> {
            compute.setDisable(false);
            if (error instanceof IllegalArgumentException) {
                problem.setText(error.getMessage());
            } else {
                dialogs.showFailure("Segmentation case", "Computing the segmentation case failed.", error);
            }
        });
    }

    private void show(SegmentationCase result) {
        computed = result;
        save.setDisable(false);
        answer.setText(result.question() + "\n" + result.answer());
        List<DecisionRow> rows = new ArrayList<>();
        for (Decision decision : List.of(Decision.IMMEDIATE, Decision.OUT_OF_CYCLE, Decision.SCHEDULED, Decision.DEFER)) {
            rows.add(new DecisionRow(decision, result.before().get(decision), result.after().get(decision)));
        }
        decisions.getItems().setAll(rows);
        figures.setText(result.figures().stream().map(figure -> figure.label() + ": " + figure.text() + ".")
                .collect(Collectors.joining("\n")));
        assumptions.setText("Assumptions\n• " + String.join("\n• ", result.assumptions()));
        fitToContent();
    }

    /**
     * Grows the dialog to show the whole case, as far as the screen allows; the rest scrolls. The
     * scroll pane's preferred viewport height carries the size, because a dialog window sizes
     * itself to its scene again after a plain height change.
     */
    private void fitToContent() {
        Window window = scroll.getScene() == null ? null : scroll.getScene().getWindow();
        if (window == null) {
            return;
        }
        content.applyCss();
        content.layout();
        Rectangle2D screen = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(), window.getHeight()).stream()
                .findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double viewportWidth = scroll.getViewportBounds().getWidth();
        double contentHeight = content.prefHeight(viewportWidth > 0 ? viewportWidth : content.getPrefWidth());
        double chrome = window.getHeight() - scroll.getViewportBounds().getHeight();
        double viewport = Math.min(contentHeight + 2, screen.getHeight() - chrome);
        if (viewport <= scroll.getViewportBounds().getHeight()) {
            return;
        }
        scroll.setPrefViewportHeight(viewport);
        window.sizeToScene();
        if (window.getY() + window.getHeight() > screen.getMaxY()) {
            window.setY(Math.max(screen.getMinY(), screen.getMaxY() - window.getHeight()));
        }
    }

    private void saveAsPdf() {
        SegmentationCase result = computed;
        String suggested = "segmentation-case-" + result.date() + ".pdf";
        dialogs.chooseFileToSave("Save the segmentation case", suggested, "pdf").ifPresent(file -> tasks.submit(
                "Saving the segmentation case", monitor -> {
                    SegmentationCasePdf.write(result, site, printedBy, file);
                    return file;
                }, (Path written) -> dialogs.showInformation("Segmentation case saved", "Saved the segmentation case to " + written + "."),
                error -> dialogs.showFailure("Segmentation case not saved", "Writing " + file + " failed; no file was written.", error)));
    }

    private static ComboBox<String> criterion(String id, String prompt) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(true);
        box.setPromptText(prompt);
        box.setPrefWidth(320);
        return box;
    }

    /** Returns the text typed in an editable box, or its chosen value when nothing is typed. */
    private static String textOf(ComboBox<String> box) {
        String typed = box.getEditor().getText();
        return typed == null || typed.isBlank() ? box.getValue() : typed;
    }

    private static String number(int value) {
        return String.format(Locale.US, "%,d", value);
    }
}
