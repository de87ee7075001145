package org.patchdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditFilter;
import org.patchdesk.common.Actor;
import org.patchdesk.risk.SettingsService;
import org.patchdesk.settings.ui.SettingsDialog;
import org.patchdesk.settings.ui.SettingsPage;
import org.patchdesk.settings.ui.SettingsPages;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Backup page in the Settings dialog, as the main window adds it. */
@ExtendWith(ApplicationExtension.class)
class BackupSettingsPageTest {

    private static final Actor ADMIN = new Actor("kwong");

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private Stage stage;
    private final List<String> saved = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private void openOnBackup(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            List<SettingsPage> pages = SettingsPages.standard(services, services.users(), dialogs);
            pages.add(new BackupSettingsPage(services.backups(), dialogs));
            new SettingsDialog(pages, tasks, dialogs, ADMIN, stage).show(BackupSettingsPage.TITLE, saved::addAll);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#backupFolderField").tryQuery().isPresent());
    }

    @Test
    void backupSettingsSavedAndAudited(FxRobot robot) throws Exception {
        Path second = Files.createDirectories(folder.resolve("share-" + System.nanoTime()));
        openOnBackup(robot);
        ListView<SettingsPage> pages = robot.lookup("#settingsPages").queryListView();
        assertThat(pages.getSelectionModel().getSelectedItem().title()).isEqualTo(BackupSettingsPage.TITLE);

        robot.interact(() -> {
            robot.lookup("#secondBackupFolderField").queryTextInputControl().setText(second.toString());
            robot.lookup("#backupKeepSpinner").<javafx.scene.control.Spinner<Integer>>query().getEditor().setText("30");
        });
        press(robot, "#settingsDialog", "Save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#settingsDialog").tryQuery().isEmpty());

        assertThat(services.backups().settings().secondFolder()).isEqualTo(second.toAbsolutePath().normalize());
        assertThat(services.backups().settings().keep()).isEqualTo(30);
        assertThat(saved).singleElement().asString().startsWith("Backup: into ");
        assertThat(services.auditTrail().find(new AuditFilter(null, SettingsService.RECORD_TYPE, null, null, null, null), 10))
                .singleElement().satisfies(entry -> assertThat(entry.recordLabel()).isEqualTo("backup settings"));
    }

    @Test
    void invalidKeepShowsItsMessage(FxRobot robot) throws Exception {
        openOnBackup(robot);

        robot.interact(() -> robot.lookup("#backupKeepSpinner").<javafx.scene.control.Spinner<Integer>>query().getEditor().setText("0"));
        press(robot, "#settingsDialog", "Save");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#settingsDialog").tryQuery()).isPresent();
        assertThat(robot.lookup("#backupSettingsProblem").queryLabeled().getText())
                .isEqualTo("Keep 0 automatic backups is not possible; enter a number from 1 to 365");
        assertThat(services.backups().settings().keep()).isEqualTo(14);
        press(robot, "#settingsDialog", "Cancel");
    }
}
