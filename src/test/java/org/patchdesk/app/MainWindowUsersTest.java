package org.patchdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.users.User;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The signed-in user in the main window: the status area, the lock, and the administrators' Users screen. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUsersTest {

    @TempDir
    static Path folder;

    private Workspace workspace;
    private Services site;
    private BackgroundTasks tasks;
    private MainWindow window;
    private Preferences preferences;

    @Start
    void start(Stage stage) {
        workspace = Workspace.open(folder.resolve("data-" + System.nanoTime()), TestSites.CLOCK);
        site = workspace.openSite();
        User admin = site.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", "Clinical Engineering",
                Set.of(Role.HTM_MANAGER)), "admin-pass-1".toCharArray(), new Actor("kim"));
        tasks = new BackgroundTasks();
        preferences = Preferences.userRoot().node("patchdesk-test-" + System.nanoTime());
        window = new MainWindow(stage, workspace, site, tasks, new ScriptedDialogs(), preferences, admin);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        tasks.close();
        window.closeDemo();
        site.close();
        workspace.close();
        preferences.removeNode();
    }

    @Test
    void statusAreaShowsTheSignedInUser(FxRobot robot) {
        assertThat(robot.lookup("#signedInUser").queryLabeled().getText())
                .isEqualTo("Signed in: Kim Wong (kwong)\nHTM manager, Administrator");
        assertThat(robot.lookup("#navigation").queryListView().getItems()).containsExactly(MainWindow.DASHBOARD, MainWindow.WORKLIST, MainWindow.INVENTORY,
                MainWindow.FEEDS, MainWindow.MATCHES, MainWindow.PATCHABILITY, MainWindow.CONTROLS, MainWindow.RISK_ACCEPTANCES,
                MainWindow.VENDORS, MainWindow.WINDOWS,
                MainWindow.PATCH_LOG, MainWindow.PLAYBOOKS, MainWindow.RECOVERY, MainWindow.IMPORT_HISTORY, MainWindow.MANUFACTURERS,
                MainWindow.DEVICE_TYPES, MainWindow.AUDIT_TRAIL, MainWindow.USERS);
    }

    @Test
    void windowCarriesTheApplicationIcon() {
        assertThat(window.stage().getIcons()).extracting(image -> image.getWidth())
                .containsExactly(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0);
    }

    @Test
    void windowLocksAfterInactivityAndUnlocksWithThePassword(FxRobot robot) throws Exception {
        robot.interact(() -> window.lock().setIdleTime(Duration.millis(300)));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.lock().isLocked());
        assertThat(robot.lookup("#lockPane").query().isVisible()).isTrue();
        assertThat(robot.lookup("#mainWindow").query().isVisible()).isFalse();
        assertThat(robot.lookup("#lockUser").queryLabeled().getText()).startsWith("Signed in as Kim Wong (kwong).");

        robot.interact(() -> {
            robot.lookup("#unlockPassword").queryTextInputControl().setText("admin-pass-2");
            robot.lookup("#unlockButton").queryButton().fire();
        });
        assertThat(robot.lookup("#unlockProblem").queryLabeled().getText())
                .isEqualTo("The user name kwong and this password do not match; check both and try again");
        assertThat(window.lock().isLocked()).isTrue();

        robot.interact(() -> {
            window.lock().setIdleTime(Duration.ZERO);
            robot.lookup("#unlockPassword").queryTextInputControl().setText("admin-pass-1");
            robot.lookup("#unlockButton").queryButton().fire();
        });
        assertThat(window.lock().isLocked()).isFalse();
        assertThat(robot.lookup("#mainWindow").query().isVisible()).isTrue();
    }

    @Test
    void administratorAddsAUserOnTheUsersScreen(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#navigation").queryListView().getSelectionModel().select(MainWindow.USERS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#usersTable").queryTableView().getItems().size() == 1);
        assertThat(robot.lookup("#lockMinutes").queryTextInputControl().getText()).isEqualTo("15");

        robot.clickOn("#addUserButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#addUserDialog").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#newUserName").queryTextInputControl().setText("dreyes");
            robot.lookup("#newUserFullName").queryTextInputControl().setText("Dana Reyes, RN");
            robot.lookup("#newUserDepartment").queryTextInputControl().setText("ICU");
            robot.lookup("#newUserPassword").queryTextInputControl().setText("leader-pass");
            robot.lookup("#newUserPasswordRepeated").queryTextInputControl().setText("leader-pass");
        });
        press(robot, "#addUserDialog", "Add user");
        assertThat(robot.lookup("#userFormProblem").queryLabeled().getText()).isEqualTo("Give dreyes at least one role");
        robot.interact(() -> robot.lookup("#role-clinical-leader").<javafx.scene.control.CheckBox>query().setSelected(true));
        press(robot, "#addUserDialog", "Add user");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#usersTable").queryTableView().getItems().size() == 2);
        User added = site.users().find("dreyes").orElseThrow();
        assertThat(added.roles()).containsExactly(Role.CLINICAL_LEADER);
        assertThat(added.department()).isEqualTo("ICU");
    }

    @Test
    void demoUserAddedWorksAtOnce(FxRobot robot) throws Exception {
        robot.interact(window::toggleDemo);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> window.isDemo() && window.current().users().find("kwong").isPresent());
        Services demo = window.current();

        robot.interact(() -> robot.lookup("#navigation").queryListView().getSelectionModel().select(MainWindow.USERS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#usersTable").queryTableView().getItems().size() == 1);
        robot.clickOn("#addUserButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#addUserDialog").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#newUserName").queryTextInputControl().setText("jtech");
            robot.lookup("#newUserFullName").queryTextInputControl().setText("Jordan Tech");
            robot.lookup("#newUserPassword").queryTextInputControl().setText("tech-pass-1");
            robot.lookup("#newUserPasswordRepeated").queryTextInputControl().setText("tech-pass-1");
            robot.lookup("#role-htm-technician").<javafx.scene.control.CheckBox>query().setSelected(true);
        });
        press(robot, "#addUserDialog", "Add user");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> demo.users().find("jtech").isPresent());
        assertThat(demo.users().find("jtech").orElseThrow().roles()).containsExactly(Role.HTM_TECHNICIAN);
        assertThat(site.users().find("jtech")).isPresent();
    }
}
