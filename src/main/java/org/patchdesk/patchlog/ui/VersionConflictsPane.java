package org.patchdesk.patchlog.ui;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.patchdesk.common.Actor;
import org.patchdesk.inventory.importing.VersionConflict;
import org.patchdesk.inventory.importing.VersionConflictService;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;

/**
 * The software versions that inventory imports kept because the patch log set them. For each,
 * the user takes the imported value or keeps the logged one.
 */
final class VersionConflictsPane extends BorderPane {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final VersionConflictService conflicts;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    /** Runs after a device's software version changed, so that other screens read the inventory again. */
    private final Runnable changed;
    private final CheckBox showResolved = new CheckBox("Show resolved conflicts");
    private final TableView<VersionConflict> table = new TableView<>();

    VersionConflictsPane(VersionConflictService conflicts, BackgroundTasks tasks, DialogService dialogs, Actor actor, ZoneId zone,
                         Runnable changed) {
        this.conflicts = conflicts;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.changed = changed;
        showResolved.setId("showResolvedConflicts");
        showResolved.selectedProperty().addListener((observable, old, value) -> refresh());
        Button take = new Button("Take imported value");
        take.setId("takeImportedButton");
        take.setOnAction(event -> resolve(true));
        Button keep = new Button("Keep patch log value");
        keep.setId("keepLoggedButton");
        keep.setOnAction(event -> resolve(false));
        take.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        keep.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Label help = new Label("An inventory import does not overwrite a software version that a patch log entry set. Take the"
                + " imported value when the CMMS is right, or keep the logged one and correct the CMMS.");
        help.setWrapText(true);
        FlowPane bar = new FlowPane(8, 6, take, keep, showResolved);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, help, bar);
        top.setPadding(new Insets(8));
        setTop(top);

        table.setId("conflictTable");
        table.setPlaceholder(new Label("No software version waits for review."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.<TableColumn<VersionConflict, String>>of(
                TableColumns.text("Import", 220, conflict -> "#" + conflict.batchId() + " " + conflict.fileName()),
                TableColumns.text("Row", 60, conflict -> Integer.toString(conflict.rowNumber())),
                TableColumns.text("Asset Tag", 95, VersionConflict::assetTag),
                TableColumns.text("Imported Value", 130, VersionConflict::importedValue),
                TableColumns.text("Patch Log Value", 130, VersionConflict::patchLogValue),
                TableColumns.text("Log Entry", 80, conflict -> "#" + conflict.logEntryId()),
                TableColumns.text("State", 170, VersionConflict::stateText),
                TableColumns.text("Resolved", 200, conflict -> conflict.resolvedAt() == null ? ""
                        : MINUTES.format(LocalDateTime.ofInstant(conflict.resolvedAt(), zone)) + " by " + conflict.resolvedBy())));
        setCenter(table);
    }

    void refresh() {
        boolean all = showResolved.isSelected();
        tasks.submit("Reading version conflicts", monitor -> conflicts.list(all), table.getItems()::setAll,
                error -> dialogs.showFailure("Version conflicts not shown", "Reading the version conflicts failed.", error));
    }

    private void resolve(boolean takeImported) {
        VersionConflict conflict = table.getSelectionModel().getSelectedItem();
        if (conflict == null) {
            return;
        }
        String question = takeImported
                ? "Set the software version of " + conflict.assetTag() + " to " + conflict.importedValue() + " from import #"
                        + conflict.batchId() + "? Later imports may then change it."
                : "Keep software version " + conflict.patchLogValue() + " of " + conflict.assetTag() + " from patch log entry #"
                        + conflict.logEntryId() + "? Correct the CMMS, or the next import reports the conflict again.";
        String action = takeImported ? "Take " + conflict.importedValue() : "Keep " + conflict.patchLogValue();
        if (!dialogs.confirm("Version conflict", question, action)) {
            return;
        }
        long id = conflict.id();
        tasks.submit("Resolving the conflict", monitor -> takeImported ? conflicts.takeImported(id, actor) : conflicts.keepLogged(id, actor),
                resolved -> {
                    refresh();
                    if (resolved.resolution() == VersionConflict.Resolution.IMPORTED) {
                        changed.run();
                    }
                }, error -> {
                    if (error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
                        dialogs.showError("Conflict not resolved", error.getMessage());
                    } else {
                        dialogs.showFailure("Conflict not resolved", "Resolving the conflict failed.", error);
                    }
                    refresh();
                });
    }
}
