package org.patchdesk.inventory.ui;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

import org.patchdesk.common.Actor;
import org.patchdesk.inventory.importing.ImportBatch;
import org.patchdesk.inventory.importing.InventoryImportService;
import org.patchdesk.inventory.importing.RejectedRow;
import org.patchdesk.inventory.importing.UndoResult;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.ProgressDialog;
import org.patchdesk.ui.TableColumns;

/** The list of inventory imports with their counts, their rejected rows, and Undo. */
public final class ImportHistoryView extends BorderPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final InventoryImportService service;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final ZoneId zone;
    private final Runnable onUndone;
    private final TableView<ImportBatch> table = new TableView<>();

    public ImportHistoryView(InventoryImportService service, BackgroundTasks tasks, DialogService dialogs, Actor actor, ZoneId zone,
                             Runnable onUndone) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.zone = zone;
        this.onUndone = onUndone;
        setId("importHistoryView");

        Button undo = new Button("Undo import…");
        undo.setId("undoImportButton");
        undo.setOnAction(event -> undoSelected());
        Button rejected = new Button("Rejected rows…");
        rejected.setId("showRejectedButton");
        rejected.setOnAction(event -> showRejected());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(event -> refresh());
        undo.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        rejected.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        setTop(new ToolBar(undo, rejected, refresh));

        table.setId("importHistoryTable");
        table.setPlaceholder(new Label("No inventory has been imported yet."));
        table.getColumns().setAll(List.of(
                column("#", 45, batch -> Long.toString(batch.id())),
                column("Imported", 135, batch -> WHEN.format(batch.importedAt().atZone(zone))),
                column("By", 90, ImportBatch::importedBy),
                column("File", 220, ImportBatch::fileName),
                column("Sheet", 120, batch -> batch.sheetName() == null ? "" : batch.sheetName()),
                column("Added", 75, batch -> Integer.toString(batch.added())),
                column("Updated", 80, batch -> Integer.toString(batch.updated())),
                column("Unchanged", 90, batch -> Integer.toString(batch.unchanged())),
                column("Rejected", 80, batch -> Integer.toString(batch.rejected())),
                column("Skipped", 75, batch -> Integer.toString(batch.skipped())),
                column("Undone", 230, this::undoneText),
                column("File SHA-256", 480, ImportBatch::fileSha256)));
        setCenter(table);
        setPadding(new Insets(0));
    }

    private String undoneText(ImportBatch batch) {
        if (!batch.isUndone()) {
            return "";
        }
        String text = WHEN.format(batch.undoneAt().atZone(zone)) + " by " + batch.undoneBy();
        if (batch.undoKept() != null && batch.undoKept() > 0) {
            text += " (" + batch.undoKept() + " kept)";
        }
        return text;
    }

    private static TableColumn<ImportBatch, String> column(String title, double width, Function<ImportBatch, String> text) {
        return TableColumns.text(title, width, text);
    }

    public void refresh() {
        table.getItems().setAll(service.history());
    }

    private void undoSelected() {
        ImportBatch batch = table.getSelectionModel().getSelectedItem();
        if (batch == null) {
            return;
        }
        if (batch.isUndone()) {
            dialogs.showInformation("Already undone", "Import #" + batch.id() + " of " + batch.fileName() + " was already undone.");
            return;
        }
        String message = "Undo import #" + batch.id() + " of " + batch.fileName() + "?\n\n"
                + batch.added() + " devices it added will be deleted and " + batch.updated()
                + " devices it updated get their earlier values back. Devices changed since the import are left as they are"
                + " and listed afterwards.";
        if (!dialogs.confirm("Undo import", message, "Undo import #" + batch.id())) {
            return;
        }
        ProgressDialog.show(getScene().getWindow(), tasks.submit("Undoing import #" + batch.id(),
                monitor -> service.undo(batch.id(), actor),
                this::showUndoResult,
                error -> dialogs.showFailure("Undo failed", "Undoing import #" + batch.id() + " failed; nothing was changed.", error)));
    }

    private void showUndoResult(UndoResult result) {
        refresh();
        onUndone.run();
        StringBuilder message = new StringBuilder("Import #" + result.batch().id() + " was undone: " + devices(result.deleted())
                + " it had added " + (result.deleted() == 1 ? "was" : "were") + " deleted, and " + devices(result.restored())
                + " it had updated got their earlier values back.");
        if (!result.kept().isEmpty()) {
            message.append("\n\n").append(devices(result.kept().size())).append(result.kept().size() == 1 ? " was" : " were")
                    .append(" changed after the import and left as they are:\n");
            int shown = 0;
            for (UndoResult.KeptDevice kept : result.kept()) {
                if (shown++ == 20) {
                    message.append("… and ").append(result.kept().size() - 20).append(" more\n");
                    break;
                }
                message.append("  ").append(kept.assetTag()).append(": ").append(kept.change()).append(" by ").append(kept.changedBy())
                        .append(" on ").append(WHEN.format(kept.changedAt().atZone(zone))).append('\n');
            }
        }
        dialogs.showInformation("Import undone", message.toString());
    }

    private static String devices(int count) {
        return count == 1 ? "1 device" : count + " devices";
    }

    private void showRejected() {
        ImportBatch batch = table.getSelectionModel().getSelectedItem();
        if (batch == null) {
            return;
        }
        List<RejectedRow> rejected = service.rejections(batch.id());
        if (rejected.isEmpty()) {
            dialogs.showInformation("No rejected rows", "Import #" + batch.id() + " of " + batch.fileName() + " rejected no rows.");
            return;
        }
        Stage stage = new Stage();
        stage.initOwner(getScene().getWindow());
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Rejected rows of import #" + batch.id());
        Button save = new Button("Save as workbook…");
        save.setOnAction(event -> dialogs.chooseFileToSave("Save rejected rows",
                batch.fileName().replaceAll("\\.[^.]+$", "") + "-rejected-rows.xlsx", "xlsx").ifPresent(target -> {
                    try {
                        service.saveRejectedRows(service.batchHeaders(batch.id()), rejected, target);
                        dialogs.showInformation("Rejected rows saved", "Saved " + rejected.size() + " rejected rows to " + target + ".");
                    } catch (IOException e) {
                        dialogs.showFailure("Rejected rows not saved", "Saving the rejected rows to " + target + " failed.", e);
                    }
                }));
        VBox box = new VBox(8, new Label(rejected.size() + " rows of " + batch.fileName() + " were not imported."),
                ImportWizard.problemTable(rejected), save);
        box.setPadding(new Insets(12));
        stage.setScene(new Scene(box, 860, 480));
        stage.show();
    }
}
