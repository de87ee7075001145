package org.patchdesk.backup.ui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.patchdesk.backup.BackupService;
import org.patchdesk.backup.BackupSettings;
import org.patchdesk.common.Actor;
import org.patchdesk.ui.DialogService;

/**
 * The backup settings as a form that a dialog embeds: backup folder, second folder, how many
 * automatic backups to keep, and the daily backup. {@link #checked} shows what is wrong under the form.
 */
public final class BackupSettingsPane extends VBox {

    private final BackupService service;
    private final TextField folder = new TextField();
    private final TextField secondFolder = new TextField();
    private final Spinner<Integer> keep = new Spinner<>(1, BackupSettings.MAX_KEEP, BackupSettings.DEFAULT_KEEP);
    private final CheckBox daily = new CheckBox("Back up the site database at the first start of each day");
    private final Label problem = new Label();

    public BackupSettingsPane(BackupService service, DialogService dialogs) {
        this.service = service;
        secondFolder.setPromptText("None; for example a network share");
        keep.setEditable(true);
        load();
        folder.setId("backupFolderField");
        secondFolder.setId("secondBackupFolderField");
        keep.setId("backupKeepSpinner");
        daily.setId("dailyBackupCheckBox");
        problem.setId("backupSettingsProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label("Backup folder", folder), withBrowse(folder, dialogs, "backupFolderBrowse"));
        grid.addRow(1, label("Second folder", secondFolder), withBrowse(secondFolder, dialogs, "secondBackupFolderBrowse"));
        grid.addRow(2, label("Automatic backups kept", keep), keep);
        grid.add(daily, 1, 3);
        Label note = new Label("Backups before imports, restores and schema updates, and daily backups, are automatic: each folder keeps"
                + " the newest ones. Backups made with Back up now are never deleted. The demo data is not backed up.");
        note.setWrapText(true);
        note.setMaxWidth(520);
        getChildren().addAll(grid, note, problem);
        setSpacing(10);
        setPadding(new Insets(10));
    }

    private static Label label(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        return label;
    }

    private static HBox withBrowse(TextField field, DialogService dialogs, String id) {
        Button browse = new Button("Browse…");
        browse.setId(id);
        browse.setOnAction(event -> dialogs.chooseFolder("Choose a folder").ifPresent(path -> field.setText(path.toString())));
        field.setPrefColumnCount(32);
        HBox.setHgrow(field, Priority.ALWAYS);
        return new HBox(6, field, browse);
    }

    /** Sets the fields to the stored settings and clears the problem line. */
    public void load() {
        BackupSettings current = service.settings();
        folder.setText(current.folder().toString());
        secondFolder.setText(current.secondFolder() == null ? "" : current.secondFolder().toString());
        keep.getValueFactory().setValue(current.keep());
        keep.getEditor().setText(Integer.toString(current.keep()));
        daily.setSelected(current.daily());
        problem.setText("");
    }

    /** Tells whether a field differs from the stored settings. */
    public boolean isChanged() {
        BackupSettings stored = service.settings();
        String second = stored.secondFolder() == null ? "" : stored.secondFolder().toString();
        return !folder.getText().strip().equals(stored.folder().toString()) || !secondFolder.getText().strip().equals(second)
                || !keep.getEditor().getText().strip().equals(Integer.toString(stored.keep())) || daily.isSelected() != stored.daily();
    }

    /**
     * Returns the settings the fields hold, checked by {@link BackupService#check}, or shows what is
     * wrong under the form and throws.
     *
     * @throws IllegalArgumentException naming the field and value that are wrong
     */
    public BackupSettings checked() {
        try {
            BackupSettings wanted = BackupService.check(new BackupSettings(path(folder.getText(), "backup folder"),
                    secondFolder.getText().isBlank() ? null : path(secondFolder.getText(), "second backup folder"), keepValue(),
                    daily.isSelected()));
            problem.setText("");
            return wanted;
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            throw e;
        }
    }

    private int keepValue() {
        String text = keep.getEditor().getText().strip();
        try {
            int value = Integer.parseInt(text);
            keep.getValueFactory().setValue(Math.max(1, Math.min(BackupSettings.MAX_KEEP, value)));
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Automatic backups kept must be a whole number from 1 to " + BackupSettings.MAX_KEEP
                    + "; it was '" + text + "'");
        }
    }

    private static Path path(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is required");
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("The " + what + " " + text.strip() + " is not a valid folder path");
        }
    }
}
