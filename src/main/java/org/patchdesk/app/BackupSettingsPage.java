package org.patchdesk.app;

import java.util.List;
import java.util.Optional;

import javafx.scene.Node;

import org.patchdesk.backup.BackupService;
import org.patchdesk.backup.BackupSettings;
import org.patchdesk.backup.ui.BackupSettingsPane;
import org.patchdesk.common.Actor;
import org.patchdesk.settings.ui.SettingsPage;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.Work;

/** The Backup page of the Settings dialog: the {@link BackupSettingsPane} of the site database. */
final class BackupSettingsPage implements SettingsPage {

    static final String TITLE = "Backup";

    private final BackupService service;
    private final BackupSettingsPane pane;

    BackupSettingsPage(BackupService service, DialogService dialogs) {
        this.service = service;
        this.pane = new BackupSettingsPane(service, dialogs);
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node node() {
        return pane;
    }

    @Override
    public Optional<String> changeRejection(Actor actor) {
        return service.administratorRejection(actor);
    }

    @Override
    public void load() {
        pane.load();
    }

    @Override
    public boolean isChanged() {
        return pane.isChanged();
    }

    @Override
    public List<String> validate() {
        try {
            pane.checked();
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }

    @Override
    public Work<String> save(Actor actor) {
        BackupSettings wanted = pane.checked();
        return monitor -> {
            BackupSettings saved = service.saveSettings(wanted, actor);
            return "Backup: into " + saved.folder() + (saved.secondFolder() == null ? "" : " and " + saved.secondFolder())
                    + ", keeping " + saved.keep() + " automatic backups" + (saved.daily() ? ", daily" : ", no daily backup");
        };
    }
}
