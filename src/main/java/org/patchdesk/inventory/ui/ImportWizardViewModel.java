package org.patchdesk.inventory.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import org.patchdesk.common.Actor;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.importing.ColumnMapping;
import org.patchdesk.inventory.importing.ImportBatch;
import org.patchdesk.inventory.importing.ImportException;
import org.patchdesk.inventory.importing.ImportRequest;
import org.patchdesk.inventory.importing.ImportResult;
import org.patchdesk.inventory.importing.InventoryImportService;
import org.patchdesk.inventory.importing.RejectedRow;
import org.patchdesk.inventory.importing.RowCheck;
import org.patchdesk.inventory.importing.SheetPreview;
import org.patchdesk.tabular.TabularFileException;
import org.patchdesk.ui.BackgroundTasks;

/**
 * The import wizard's state: the file, its sheet, the header row and column mapping with the
 * checked preview rows, and the outcome. Steps go file → sheet → mapping → import → summary.
 */
public final class ImportWizardViewModel {

    public enum Step { FILE, SHEET, MAPPING, IMPORTING, SUMMARY }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final InventoryImportService service;
    private final BackgroundTasks tasks;
    private final ZoneId zone;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FILE);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObservableList<String> sheets = FXCollections.observableArrayList();
    private final StringProperty sheet = new SimpleStringProperty();
    private final ObjectProperty<SheetPreview> preview = new SimpleObjectProperty<>();
    private final ObjectProperty<ColumnMapping> mapping = new SimpleObjectProperty<>();
    private final StringProperty mappingSource = new SimpleStringProperty("");
    private final ObservableList<RowCheck> checks = FXCollections.observableArrayList();
    private final StringProperty fileNotes = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<ImportResult> result = new SimpleObjectProperty<>();
    private final ObservableList<RejectedRow> rejected = FXCollections.observableArrayList();
    private final ObjectProperty<Task<ImportResult>> running = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public ImportWizardViewModel(InventoryImportService service, BackgroundTasks tasks, ZoneId zone) {
        this.service = service;
        this.tasks = tasks;
        this.zone = zone;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObservableList<String> sheets() {
        return sheets;
    }

    public StringProperty sheetProperty() {
        return sheet;
    }

    public ObjectProperty<SheetPreview> previewProperty() {
        return preview;
    }

    public ObjectProperty<ColumnMapping> mappingProperty() {
        return mapping;
    }

    public StringProperty mappingSourceProperty() {
        return mappingSource;
    }

    public ObservableList<RowCheck> checks() {
        return checks;
    }

    public StringProperty fileNotesProperty() {
        return fileNotes;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<ImportResult> resultProperty() {
        return result;
    }

    public ObservableList<RejectedRow> rejected() {
        return rejected;
    }

    public ObjectProperty<Task<ImportResult>> runningProperty() {
        return running;
    }

    /** True while a file or sheet is being read. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The result of reading a chosen file: its sheets, a note on earlier imports, and the preview of its only sheet. */
    private record OpenedFile(Path path, List<String> sheets, String suggestedSheet, String notes, SheetPreview preview) {
    }

    /**
     * Reads the sheets of a file in the background. Then the wizard moves to the sheet step, or to
     * the mapping when the file has one sheet.
     */
    public void openFile(Path path) {
        error.set("");
        busy.set(true);
        tasks.submit("Reading " + path.getFileName(), monitor -> {
            List<String> names = service.sheets(path);
            if (names.isEmpty()) {
                throw new TabularFileException(path.getFileName() + " contains no sheets.");
            }
            SheetPreview only = names.size() == 1 ? service.preview(path, names.get(0)) : null;
            String suggested = names.size() == 1 ? names.get(0) : service.suggestSheet(path);
            return new OpenedFile(path, names, suggested, earlierImportsNote(path), only);
        }, opened -> {
            busy.set(false);
            file.set(opened.path());
            sheets.setAll(opened.sheets());
            sheet.set(opened.suggestedSheet());
            fileNotes.set(opened.notes());
            if (opened.preview() != null) {
                showPreview(opened.preview());
            } else {
                step.set(Step.SHEET);
            }
        }, failure -> {
            busy.set(false);
            error.set(failure.getMessage());
        });
    }

    private String earlierImportsNote(Path path) {
        try {
            List<ImportBatch> earlier = service.earlierImportsOf(path);
            if (earlier.isEmpty()) {
                return "";
            }
            ImportBatch last = earlier.get(0);
            return "A file with the same content was imported on " + WHEN.format(last.importedAt().atZone(zone)) + " by "
                    + last.importedBy() + " (import #" + last.id() + "). Importing it again changes only what differs.";
        } catch (IOException e) {
            return "";
        }
    }

    /** Reads the first rows of a sheet in the background, finds its header row and proposes a mapping; then shows the mapping step. */
    public void loadSheet(String name) {
        error.set("");
        busy.set(true);
        Path path = file.get();
        tasks.submit("Reading sheet " + name, monitor -> service.preview(path, name), loaded -> {
            busy.set(false);
            sheet.set(name);
            showPreview(loaded);
        }, failure -> {
            busy.set(false);
            error.set(failure.getMessage());
        });
    }

    private void showPreview(SheetPreview loaded) {
        preview.set(loaded);
        mapHeaders(loaded);
        step.set(Step.MAPPING);
    }

    /** Takes another row of the preview as the header row, and maps its headers again. */
    public void setHeaderRowNumber(int rowNumber) {
        SheetPreview current = preview.get();
        for (int i = 0; i < current.rows().size(); i++) {
            if (current.rows().get(i).number() == rowNumber) {
                SheetPreview changed = current.withHeaderIndex(i);
                preview.set(changed);
                mapHeaders(changed);
                return;
            }
        }
    }

    private void mapHeaders(SheetPreview loaded) {
        List<String> headers = loaded.headers();
        Optional<ColumnMapping> remembered = service.rememberedMapping(headers);
        if (remembered.isPresent()) {
            mappingSource.set("Columns mapped as in an earlier import of a file with the same headers.");
            setMapping(remembered.get());
        } else {
            mappingSource.set("Columns mapped by their headers. Correct any column below; the mapping is remembered for the next file with these headers.");
            setMapping(ColumnMapping.fromSynonyms(headers));
        }
    }

    /** Maps one column to a field, or skips it when {@code field} is null. */
    public void setField(int column, DeviceField field) {
        setMapping(mapping.get().with(column, field));
    }

    private void setMapping(ColumnMapping changed) {
        mapping.set(changed);
        checks.setAll(service.checkRows(preview.get(), changed));
    }

    /** Returns why the import cannot start yet, or empty when it can. */
    public Optional<String> blockingProblem() {
        if (mapping.get() == null) {
            return Optional.of("Choose a file first.");
        }
        if (!mapping.get().isMapped(DeviceField.ASSET_TAG)) {
            return Optional.of("No column is mapped to Asset Tag. Choose the column that holds the asset tag.");
        }
        return Optional.empty();
    }

    /** Starts the import in the background; the wizard shows its progress and then the summary. */
    public void startImport(Actor actor, Runnable onImported) {
        Optional<String> problem = blockingProblem();
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        error.set("");
        ImportRequest request = new ImportRequest(file.get(), sheet.get(), preview.get().headerRow().number(), mapping.get());
        step.set(Step.IMPORTING);
        Task<ImportResult> task = tasks.submit("Importing " + file.get().getFileName(),
                monitor -> service.importFile(request, actor, monitor),
                imported -> {
                    running.set(null);
                    result.set(imported);
                    rejected.setAll(imported.rejected());
                    step.set(Step.SUMMARY);
                    onImported.run();
                },
                failure -> {
                    running.set(null);
                    if (failure instanceof ImportException importFailure) {
                        rejected.setAll(importFailure.rejected());
                    }
                    error.set(failure instanceof ImportException || failure instanceof TabularFileException
                            ? failure.getMessage() + " Nothing was changed."
                            : "The import failed and nothing was changed: " + failure.getMessage());
                    step.set(Step.MAPPING);
                });
        task.setOnCancelled(event -> {
            running.set(null);
            error.set("Import cancelled. Nothing was changed.");
            step.set(Step.MAPPING);
        });
        running.set(task);
    }

    /** Asks the running import to stop; it rolls back. */
    public void cancelImport() {
        Task<ImportResult> task = running.get();
        if (task != null) {
            // Without interrupting: an interrupt would close H2's file channel under the running transaction.
            task.cancel(false);
        }
    }

    public void back() {
        switch (step.get()) {
            case SHEET -> step.set(Step.FILE);
            case MAPPING -> step.set(sheets.size() > 1 ? Step.SHEET : Step.FILE);
            default -> {
            }
        }
    }

    public void saveRejectedRows(Path target) throws IOException {
        service.saveRejectedRows(mapping.get().headers(), List.copyOf(rejected), target);
    }
}
