package org.patchdesk.backup.ui;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

import org.patchdesk.backup.BackupService;
import org.patchdesk.common.Actor;
import org.patchdesk.ui.DialogService;

/** The dialog of File › Backup settings: the {@link BackupSettingsPane}, saved with Save, which stays open while a setting is wrong. */
public final class BackupSettingsDialog {

    private BackupSettingsDialog() {
    }

    public static void show(Window owner, BackupService service, DialogService dialogs, Actor actor) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Backup settings");
        dialog.setHeaderText(null);
        BackupSettingsPane pane = new BackupSettingsPane(service, dialogs);
        dialog.getDialogPane().setContent(pane);
        ButtonType save = new ButtonType("Save", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("saveBackupSettingsButton");
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            if (pane.save(actor).isEmpty()) {
                event.consume();
            }
        });
        dialog.showAndWait();
    }
}
