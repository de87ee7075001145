package org.patchdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.governance.MetricsService;
import org.patchdesk.governance.ui.DashboardFixture;
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

/** The dashboard in the main window: its tiles and bars open the worklist with the filters behind them. */
@ExtendWith(ApplicationExtension.class)
class MainWindowDashboardTest {

    @TempDir
    static Path folder;

    private Workspace workspace;
    private Services site;
    private BackgroundTasks tasks;
    private MainWindow window;
    private Preferences preferences;

    @Start
    void start(Stage stage) throws Exception {
        Path data = folder.resolve("data-" + System.nanoTime());
        workspace = Workspace.open(data, TestSites.CLOCK);
        site = workspace.openSite();
        DashboardFixture.load(site, data.resolveSibling(data.getFileName() + "-files"));
        User manager = site.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", "Clinical Engineering",
                Set.of(Role.HTM_MANAGER)), "admin-pass-1".toCharArray(), new Actor("kim"));
        tasks = new BackgroundTasks();
        preferences = Preferences.userRoot().node("patchdesk-test-" + System.nanoTime());
        window = new MainWindow(stage, workspace, site, tasks, new ScriptedDialogs(), preferences, manager);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        tasks.close();
        site.close();
        workspace.close();
        preferences.removeNode();
    }

    private void openDashboard(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#navigation").queryListView().getSelectionModel().select(MainWindow.DASHBOARD));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#tile-" + MetricsService.KEV_DEVICES).tryQuery().isPresent());
    }

    private static String worklistStatus(FxRobot robot) {
        return robot.lookup("#worklistStatus").tryQuery().map(node -> ((javafx.scene.control.Labeled) node).getText()).orElse("");
    }

    private static Object selectedArea(FxRobot robot) {
        return robot.lookup("#navigation").queryListView().getSelectionModel().getSelectedItem();
    }

    @Test
    void dashboardIsTheFirstArea(FxRobot robot) {
        assertThat(robot.lookup("#navigation").queryListView().getItems().get(0)).isEqualTo(MainWindow.DASHBOARD);
    }

    @Test
    void kevTileShowsKevFindingsOnly(FxRobot robot) throws Exception {
        openDashboard(robot);

        robot.interact(() -> robot.lookup("#tile-" + MetricsService.KEV_DEVICES).queryButton().fire());

        assertThat(selectedArea(robot)).isEqualTo(MainWindow.WORKLIST);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> worklistStatus(robot).equals("Findings 1 to 3 of 3"));
        assertThat(robot.lookup("#kevFilter").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#departmentFilter").<String>queryComboBox().getValue()).isNull();
    }

    @Test
    void departmentBarFiltersTheWorklist(FxRobot robot) throws Exception {
        openDashboard(robot);
        robot.interact(() -> robot.lookup("#tile-" + MetricsService.KEV_DEVICES).queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> worklistStatus(robot).equals("Findings 1 to 3 of 3"));
        openDashboard(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#departmentBar-NICU").tryQuery().isPresent());

        Node bar = robot.lookup("#departmentBar-NICU").query();
        robot.interact(() -> Event.fireEvent(bar, new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, false, null)));

        assertThat(selectedArea(robot)).isEqualTo(MainWindow.WORKLIST);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> worklistStatus(robot).equals("Findings 1 to 2 of 2"));
        assertThat(robot.lookup("#departmentFilter").<String>queryComboBox().getValue()).isEqualTo("NICU");
        assertThat(robot.lookup("#kevFilter").queryAs(CheckBox.class).isSelected()).isFalse();
    }

    @Test
    void unpatchableTileOpensPatchability(FxRobot robot) throws Exception {
        openDashboard(robot);

        robot.interact(() -> robot.lookup("#tile-" + MetricsService.UNPATCHABLE_UNCONTROLLED).queryButton().fire());

        assertThat(selectedArea(robot)).isEqualTo(MainWindow.PATCHABILITY);
    }

    @Test
    void inventoryTileKeepsTheDepartment(FxRobot robot) throws Exception {
        openDashboard(robot);
        robot.interact(() -> {
            robot.lookup("#dashboardDepartment").<String>queryComboBox().setValue("NICU");
            robot.lookup("#dashboardShowButton").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#dashboardStatus").tryQuery()
                .map(node -> ((javafx.scene.control.Labeled) node).getText().startsWith("NICU,")).orElse(false));

        robot.interact(() -> robot.lookup("#tile-" + MetricsService.INVENTORY_COMPLETE).queryButton().fire());

        assertThat(selectedArea(robot)).isEqualTo(MainWindow.INVENTORY);
        assertThat(robot.lookup("#filter-department").queryTextInputControl().getText()).isEqualTo("NICU");
        javafx.scene.control.TableView<?> table = robot.lookup("#inventoryTable").queryTableView();
        assertThat(table.getItems()).isNotEmpty()
                .allSatisfy(row -> assertThat(((org.patchdesk.inventory.ui.DeviceRow) row).text(org.patchdesk.inventory.DeviceField.DEPARTMENT))
                        .isEqualTo("NICU"));
    }
}
