package org.patchdesk.inventory.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.patchdesk.common.Actor;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.importing.ColumnMapping;
import org.patchdesk.inventory.importing.ImportBatch;
import org.patchdesk.inventory.importing.ImportResult;
import org.patchdesk.inventory.importing.RejectedRow;
import org.patchdesk.inventory.importing.RowCheck;
import org.patchdesk.inventory.importing.RowProblem;
import org.patchdesk.inventory.importing.SheetPreview;
import org.patchdesk.inventory.importing.SheetRow;
import org.patchdesk.tabular.TabularFiles;
import org.patchdesk.ui.DialogService;

/**
 * The import wizard window. The user chooses a file, then its sheet, and checks the header row and
 * column mapping against the first rows. The import runs with a progress bar and Cancel, and the
 * summary lists the rejected rows, which can be saved as a workbook.
 */
public final class ImportWizard extends Stage {

    private static final int SAMPLE_VALUES = 3;

    private final ImportWizardViewModel model;
    private final DialogService dialogs;
    private final Actor actor;
    private final Runnable onImported;
    private final boolean demo;

    private final Label stepTitle = new Label();
    private final Label errorLabel = new Label();
    private final BorderPane body = new BorderPane();
    private final Button backButton = new Button("Back");
    private final Button nextButton = new Button("Next");
    private final Button importButton = new Button("Import");
    private final Button cancelButton = new Button("Cancel");
    private final Button closeButton = new Button("Close");

    /** Creates the wizard; when {@code demo} is true the demo database is open, and the wizard points that out. */
    public ImportWizard(Window owner, ImportWizardViewModel model, DialogService dialogs, Actor actor, boolean demo,
                        Runnable onImported) {
        this.model = model;
        this.dialogs = dialogs;
        this.actor = actor;
        this.demo = demo;
        this.onImported = onImported;
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle(demo ? "Import inventory into the demo data" : "Import inventory");

        stepTitle.setId("wizardStepTitle");
        stepTitle.getStyleClass().add("wizard-title");
        errorLabel.setId("wizardError");
        errorLabel.getStyleClass().add("field-error");
        errorLabel.setWrapText(true);
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());

        backButton.setId("wizardBackButton");
        nextButton.setId("wizardNextButton");
        importButton.setId("wizardImportButton");
        cancelButton.setId("wizardCancelButton");
        closeButton.setId("wizardCloseButton");
        backButton.setOnAction(event -> model.back());
        nextButton.setOnAction(event -> next());
        nextButton.disableProperty().bind(model.busyProperty());
        importButton.setOnAction(event -> model.startImport(actor, onImported));
        cancelButton.setOnAction(event -> cancel());
        closeButton.setOnAction(event -> close());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, backButton, spacer, cancelButton, nextButton, importButton, closeButton);
        buttons.setPadding(new Insets(8, 0, 0, 0));
        VBox top = new VBox(6, stepTitle, errorLabel);
        top.setPadding(new Insets(0, 0, 8, 0));
        BorderPane root = new BorderPane(body, top, null, buttons, null);
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 1000, 680);
        scene.getStylesheets().add(ImportWizard.class.getResource("/org/patchdesk/ui/patchdesk.css").toExternalForm());
        setScene(scene);
        setOnCloseRequest(event -> {
            if (model.runningProperty().get() != null) {
                event.consume();
                cancel();
            }
        });

        model.stepProperty().addListener((observable, old, step) -> showStep(step));
        showStep(model.stepProperty().get());
    }

    private void next() {
        switch (model.stepProperty().get()) {
            case FILE -> {
                String text = ((TextField) body.getCenter().lookup("#wizardFileField")).getText();
                if (text == null || text.isBlank()) {
                    model.errorProperty().set("Choose the file to import.");
                } else {
                    model.openFile(Path.of(text.strip()));
                }
            }
            case SHEET -> model.loadSheet(model.sheetProperty().get());
            default -> {
            }
        }
    }

    private void cancel() {
        if (model.runningProperty().get() != null) {
            model.cancelImport();
        } else {
            close();
        }
    }

    private void showStep(ImportWizardViewModel.Step step) {
        backButton.setVisible(step == ImportWizardViewModel.Step.SHEET || step == ImportWizardViewModel.Step.MAPPING);
        nextButton.setVisible(step == ImportWizardViewModel.Step.FILE || step == ImportWizardViewModel.Step.SHEET);
        nextButton.setDefaultButton(nextButton.isVisible());
        importButton.setVisible(step == ImportWizardViewModel.Step.MAPPING);
        importButton.setDefaultButton(importButton.isVisible());
        cancelButton.setVisible(step != ImportWizardViewModel.Step.SUMMARY);
        closeButton.setVisible(step == ImportWizardViewModel.Step.SUMMARY);
        switch (step) {
            case FILE -> {
                stepTitle.setText("Choose a file");
                body.setCenter(filePane());
            }
            case SHEET -> {
                stepTitle.setText("Choose the sheet");
                body.setCenter(sheetPane());
            }
            case MAPPING -> {
                stepTitle.setText("Check the columns");
                body.setCenter(mappingPane());
            }
            case IMPORTING -> {
                stepTitle.setText("Importing");
                body.setCenter(progressPane());
            }
            case SUMMARY -> {
                stepTitle.setText("Import finished");
                body.setCenter(summaryPane());
            }
        }
    }

    private Node filePane() {
        TextField path = new TextField(model.fileProperty().get() == null ? "" : model.fileProperty().get().toString());
        path.setId("wizardFileField");
        path.setPromptText("Path of a CMMS export or vendor spreadsheet");
        HBox.setHgrow(path, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setId("wizardBrowseButton");
        browse.setOnAction(event -> dialogs.chooseFileToOpen("Choose the inventory file", TabularFiles.EXTENSIONS)
                .ifPresent(file -> {
                    path.setText(file.toString());
                    model.openFile(file);
                }));
        Label help = new Label("PatchDesk reads .xlsx and .xls workbooks and .csv or .txt files (UTF-8 or Windows-1252; comma,"
                + " semicolon, tab or pipe delimited). The file is only read, never changed.");
        help.setWrapText(true);
        VBox pane = new VBox(10, new HBox(8, path, browse), help, busyIndicator("Reading the file…"));
        if (demo) {
            Label note = new Label("The demo data is open: this import goes into the demo database, not your site's records,"
                    + " and Reset demo data removes it. Return to site data first to import your inventory.");
            note.setId("wizardDemoNote");
            note.setWrapText(true);
            note.getStyleClass().add("note");
            pane.getChildren().add(1, note);
        }
        return pane;
    }

    private Node sheetPane() {
        ListView<String> list = new ListView<>(model.sheets());
        list.setId("wizardSheetList");
        list.getSelectionModel().select(model.sheetProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) -> model.sheetProperty().set(selected));
        list.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                model.loadSheet(list.getSelectionModel().getSelectedItem());
            }
        });
        return new VBox(8, new Label(model.fileProperty().get().getFileName() + " has " + model.sheets().size()
                + " sheets. Choose the one with the devices."), list, busyIndicator("Reading the sheet…"));
    }

    /** Returns a spinner with a message, shown while the model reads a file. */
    private Node busyIndicator(String message) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        HBox box = new HBox(8, spinner, new Label(message));
        box.setId("wizardBusy");
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(model.busyProperty());
        box.managedProperty().bind(model.busyProperty());
        return box;
    }

    private Node mappingPane() {
        SheetPreview preview = model.previewProperty().get();
        Label file = new Label(preview.fileName() + (preview.sheets().size() > 1 ? ", sheet '" + preview.sheet() + "'" : "")
                + (preview.readingNotes().isEmpty() ? "" : " (" + preview.readingNotes() + ")"));
        file.getStyleClass().add("section-title");
        Label notes = new Label();
        notes.setId("wizardFileNotes");
        notes.setWrapText(true);
        notes.textProperty().bind(model.fileNotesProperty());
        notes.managedProperty().bind(notes.textProperty().isNotEmpty());
        notes.getStyleClass().add("note");

        Spinner<Integer> headerRow = new Spinner<>(preview.rows().get(0).number(),
                preview.rows().get(preview.rows().size() - 1).number(), preview.headerRow().number());
        headerRow.setId("wizardHeaderRow");
        headerRow.setPrefWidth(90);
        headerRow.valueProperty().addListener((observable, old, value) -> model.setHeaderRowNumber(value));
        Label headerLabel = new Label("Header row:");
        headerLabel.setLabelFor(headerRow);
        headerLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label source = new Label();
        source.setWrapText(true);
        source.textProperty().bind(model.mappingSourceProperty());
        HBox headerBox = new HBox(8, headerLabel, headerRow, source);
        headerBox.setAlignment(Pos.CENTER_LEFT);

        TableView<Integer> columns = columnTable();
        TableView<RowCheck> rows = previewTable();
        model.previewProperty().addListener((observable, old, changed) -> {
            if (changed != null) {
                fillColumnTable(columns);
            }
        });
        model.mappingProperty().addListener((observable, old, changed) -> {
            fillPreviewColumns(rows);
            columns.refresh();
        });
        fillColumnTable(columns);
        fillPreviewColumns(rows);

        Label previewTitle = new Label("First rows as they would be imported");
        previewTitle.getStyleClass().add("section-title");
        VBox pane = new VBox(8, file, notes, headerBox, columns, previewTitle, rows);
        VBox.setVgrow(columns, Priority.ALWAYS);
        VBox.setVgrow(rows, Priority.ALWAYS);
        return pane;
    }

    /** Builds the table of columns: header, sample values and the field each column imports into. */
    private TableView<Integer> columnTable() {
        TableView<Integer> table = new TableView<>();
        table.setId("wizardColumnTable");
        table.setPrefHeight(230);
        TableColumn<Integer, String> header = new TableColumn<>("Column in the file");
        header.setPrefWidth(220);
        header.setCellValueFactory(data -> new ReadOnlyStringWrapper(
                SheetPreview.columnLetters(data.getValue()) + ": " + model.mappingProperty().get().headers().get(data.getValue())));
        TableColumn<Integer, String> samples = new TableColumn<>("Sample values");
        samples.setPrefWidth(420);
        samples.setCellValueFactory(data -> new ReadOnlyStringWrapper(sampleValues(data.getValue())));
        TableColumn<Integer, Integer> field = new TableColumn<>("Imports into");
        field.setPrefWidth(240);
        field.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        field.setCellFactory(column -> new FieldChoiceCell());
        table.getColumns().setAll(List.of(header, samples, field));
        return table;
    }

    private void fillColumnTable(TableView<Integer> table) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < model.mappingProperty().get().headers().size(); i++) {
            indexes.add(i);
        }
        table.getItems().setAll(indexes);
    }

    private String sampleValues(int column) {
        List<String> values = new ArrayList<>();
        for (SheetRow row : model.previewProperty().get().dataRows()) {
            String cell = row.cell(column).strip();
            if (!cell.isEmpty() && !values.contains(cell)) {
                values.add(cell);
            }
            if (values.size() == SAMPLE_VALUES) {
                break;
            }
        }
        return String.join("  |  ", values);
    }

    /** A choice of field for one column; "Do not import" skips it. */
    private final class FieldChoiceCell extends TableCell<Integer, Integer> {
        private final ComboBox<DeviceField> box = new ComboBox<>();

        FieldChoiceCell() {
            box.getItems().add(null);
            box.getItems().addAll(DeviceField.values());
            box.setMaxWidth(Double.MAX_VALUE);
            box.setCellFactory(list -> fieldCell());
            box.setButtonCell(fieldCell());
            box.setOnAction(event -> {
                Integer column = getItem();
                if (column != null && box.getValue() != model.mappingProperty().get().fieldOf(column)) {
                    model.setField(column, box.getValue());
                }
            });
        }

        @Override
        protected void updateItem(Integer column, boolean empty) {
            super.updateItem(column, empty);
            if (empty || column == null) {
                setGraphic(null);
                return;
            }
            box.setId("wizardField-" + column);
            box.setValue(model.mappingProperty().get().fieldOf(column));
            setGraphic(box);
        }
    }

    private static ListCell<DeviceField> fieldCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(DeviceField field, boolean empty) {
                super.updateItem(field, empty);
                if (empty) {
                    setText(null);
                } else {
                    setText(field == null ? "Do not import" : field.label());
                }
            }
        };
    }

    private TableView<RowCheck> previewTable() {
        TableView<RowCheck> table = new TableView<>(model.checks());
        table.setId("wizardPreviewTable");
        table.setPrefHeight(260);
        return table;
    }

    /** Shows the row number, what happens to the row, its problems, then one column per mapped field. */
    private void fillPreviewColumns(TableView<RowCheck> table) {
        List<TableColumn<RowCheck, String>> columns = new ArrayList<>();
        columns.add(previewColumn("Row", 50, check -> Integer.toString(check.row().number())));
        TableColumn<RowCheck, String> outcome = previewColumn("Result", 140, RowCheck::outcome);
        outcome.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeAll("row-rejected", "row-skipped");
                setText(empty ? null : text);
                if (!empty && text != null) {
                    if (text.startsWith("Rejected")) {
                        getStyleClass().add("row-rejected");
                    } else if (text.startsWith("Skipped")) {
                        getStyleClass().add("row-skipped");
                    }
                }
            }
        });
        columns.add(outcome);
        TableColumn<RowCheck, String> problems = previewColumn("Problems", 280, RowCheck::problems);
        problems.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        columns.add(problems);
        ColumnMapping mapping = model.mappingProperty().get();
        for (int i = 0; i < mapping.fields().size(); i++) {
            DeviceField field = mapping.fieldOf(i);
            if (field != null) {
                int column = i;
                columns.add(previewColumn(field.label(), 120, check -> check.row().cell(column)));
            }
        }
        table.getColumns().setAll(columns);
    }

    private static TableColumn<RowCheck, String> previewColumn(String title, double width,
                                                              java.util.function.Function<RowCheck, String> text) {
        TableColumn<RowCheck, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(text.apply(data.getValue())));
        return column;
    }

    private Node progressPane() {
        ProgressBar bar = new ProgressBar();
        bar.setId("wizardProgressBar");
        bar.setMaxWidth(Double.MAX_VALUE);
        Label message = new Label("Starting…");
        message.setId("wizardProgressMessage");
        if (model.runningProperty().get() != null) {
            bar.progressProperty().bind(model.runningProperty().get().progressProperty());
            message.textProperty().bind(model.runningProperty().get().messageProperty());
        }
        model.runningProperty().addListener((observable, old, task) -> {
            if (task != null) {
                bar.progressProperty().bind(task.progressProperty());
                message.textProperty().bind(task.messageProperty());
            }
        });
        Label help = new Label("The import is all or nothing: Cancel leaves the inventory as it was.");
        VBox box = new VBox(12, message, bar, help);
        box.setPadding(new Insets(40, 0, 0, 0));
        return box;
    }

    private Node summaryPane() {
        ImportResult result = model.resultProperty().get();
        ImportBatch batch = result.batch();
        Label line = new Label(result.summaryLine() + ".");
        line.setId("wizardSummary");
        line.getStyleClass().add("section-title");
        line.setWrapText(true);
        Label details = new Label("Import #" + batch.id() + " is in the import history, where it can be undone."
                + (result.readingNotes().isEmpty() ? "" : " Read as: " + result.readingNotes() + "."));
        details.setWrapText(true);
        VBox box = new VBox(10, line, details);
        if (!result.rejected().isEmpty()) {
            Label title = new Label(result.rejected().size() + (result.rejected().size() == 1 ? " row was" : " rows were")
                    + " rejected. Fix them in the file and import it again; rows that are already in are left unchanged.");
            title.setWrapText(true);
            TableView<RowProblem> problems = problemTable(result.rejected());
            Button save = new Button("Save rejected rows…");
            save.setId("wizardSaveRejectedButton");
            save.setOnAction(event -> saveRejected(batch));
            box.getChildren().addAll(title, problems, save);
            VBox.setVgrow(problems, Priority.ALWAYS);
        }
        return box;
    }

    static TableView<RowProblem> problemTable(List<RejectedRow> rejected) {
        TableView<RowProblem> table = new TableView<>();
        table.setId("rejectedRowsTable");
        for (RejectedRow row : rejected) {
            table.getItems().addAll(row.problems());
        }
        TableColumn<RowProblem, String> number = new TableColumn<>("Row");
        number.setCellValueFactory(data -> new ReadOnlyStringWrapper(Integer.toString(data.getValue().rowNumber())));
        TableColumn<RowProblem, String> column = new TableColumn<>("Column");
        column.setPrefWidth(160);
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(data.getValue().column() == null ? "" : data.getValue().column()));
        TableColumn<RowProblem, String> value = new TableColumn<>("Value");
        value.setPrefWidth(180);
        value.setCellValueFactory(data -> new ReadOnlyStringWrapper(data.getValue().value() == null ? "" : data.getValue().value()));
        TableColumn<RowProblem, String> reason = new TableColumn<>("Problem");
        reason.setPrefWidth(420);
        reason.setCellValueFactory(data -> new ReadOnlyStringWrapper(data.getValue().reason()));
        table.getColumns().setAll(List.of(number, column, value, reason));
        return table;
    }

    private void saveRejected(ImportBatch batch) {
        String name = batch.fileName().replaceAll("\\.[^.]+$", "") + "-rejected-rows.xlsx";
        dialogs.chooseFileToSave("Save rejected rows", name, "xlsx").ifPresent(target -> {
            try {
                model.saveRejectedRows(target);
                dialogs.showInformation("Rejected rows saved", "Saved " + model.rejected().size() + " rejected rows to " + target + ".");
            } catch (IOException e) {
                dialogs.showFailure("Rejected rows not saved", "Saving the rejected rows to " + target + " failed.", e);
            }
        });
    }

    /** Opens the wizard on a file chosen beforehand, starting at its sheet or mapping step. */
    public void openFile(Path file) {
        model.openFile(file);
    }
}
