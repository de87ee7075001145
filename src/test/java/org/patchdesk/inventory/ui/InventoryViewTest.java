package org.patchdesk.inventory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.importing.ImportFixtures;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class InventoryViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private InventoryViewModel model;
    private Preferences preferences;
    private final List<String> actions = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        ImportFixtures.importFile(services, TestSites.copyResource("/import/cmms-messy.xlsx", folder), TestSites.TECHNICIAN);
        ImportFixtures.importFile(services, TestSites.copyResource("/import/vendor-list-utf8-bom.txt", folder), TestSites.TECHNICIAN);
        tasks = new BackgroundTasks();
        model = new InventoryViewModel(services.devices(), tasks);
        preferences = Preferences.userRoot().node("org/patchdesk/test/inventory-" + System.nanoTime());
        InventoryView view = new InventoryView(model, preferences, new RecordingActions());
        stage.setScene(new Scene(view, 1200, 600));
        stage.show();
        model.reload(count -> { }, error -> { throw new AssertionError(error); });
    }

    @AfterEach
    void close() throws Exception {
        tasks.close();
        services.close();
        preferences.removeNode();
    }

    private TableView<DeviceRow> table(FxRobot robot) {
        return robot.lookup("#inventoryTable").queryTableView();
    }

    private void waitForRows(FxRobot robot, int expected) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == expected);
    }

    @Test
    void gridShowsEveryDevice(FxRobot robot) throws Exception {
        waitForRows(robot, 7);

        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).isEqualTo("7 devices · 7 shown · 0 selected");
    }

    @Test
    void searchFiltersAcrossColumns(FxRobot robot) throws Exception {
        waitForRows(robot, 7);

        robot.clickOn("#searchField").write("philips windows");
        waitForRows(robot, 2);

        assertThat(table(robot).getItems()).extracting(row -> row.text(DeviceField.ASSET_TAG)).containsExactlyInAnyOrder("004512", "RAD-0001");
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).isEqualTo("7 devices · 2 shown · 0 selected");
    }

    @Test
    void columnFilterNarrowsOneColumn(FxRobot robot) throws Exception {
        waitForRows(robot, 7);

        robot.clickOn("#filter-department").write("icu");
        waitForRows(robot, 2);

        assertThat(table(robot).getItems()).extracting(row -> row.text(DeviceField.DEPARTMENT)).containsOnly("ICU");
    }

    @Test
    void columnFilterMatchesWordStarts(FxRobot robot) throws Exception {
        waitForRows(robot, 7);

        robot.clickOn("#filter-status").write("active");
        waitForRows(robot, 6);

        assertThat(table(robot).getItems()).extracting(row -> row.text(DeviceField.STATUS)).containsOnly("Active");
    }

    @Test
    void clearFiltersShowsEverythingAgain(FxRobot robot) throws Exception {
        waitForRows(robot, 7);
        robot.clickOn("#searchField").write("contec");
        waitForRows(robot, 1);

        robot.clickOn("#clearFiltersButton");
        waitForRows(robot, 7);

        assertThat(model.isFiltered()).isFalse();
    }

    @Test
    void assumedCriticalityIsMarked(FxRobot robot) throws Exception {
        waitForRows(robot, 7);

        DeviceRow pump = table(robot).getItems().stream().filter(row -> row.text(DeviceField.ASSET_TAG).equals("100234")).findFirst().orElseThrow();

        assertThat(pump.text(DeviceField.CRITICALITY)).isEqualTo("Medium (assumed)");
    }

    @Test
    void copyGivesTabSeparatedRows(FxRobot robot) throws Exception {
        waitForRows(robot, 7);
        robot.interact(() -> table(robot).getSelectionModel().selectIndices(0, 1));

        String text = InventoryViewModel.toTabSeparated(List.copyOf(table(robot).getSelectionModel().getSelectedItems()),
                List.of(DeviceField.ASSET_TAG, DeviceField.MANUFACTURER));

        assertThat(text).isEqualTo("Asset Tag\tManufacturer\n004512\tPhilips\n100234\tBD\n");
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).endsWith("2 selected");
    }

    @Test
    void doubleClickAsksToEdit(FxRobot robot) throws Exception {
        waitForRows(robot, 7);

        robot.doubleClickOn("004512");

        assertThat(actions).containsExactly("edit 004512");
    }

    private final class RecordingActions implements InventoryView.InventoryActions {
        @Override
        public void addDevice() {
            actions.add("add");
        }

        @Override
        public void editDevice(DeviceRow row) {
            actions.add("edit " + row.text(DeviceField.ASSET_TAG));
        }

        @Override
        public void deleteDevices(List<DeviceRow> rows) {
            actions.add("delete " + rows.size());
        }

        @Override
        public void importInventory() {
            actions.add("import");
        }

        @Override
        public void exportInventory(List<DeviceRow> shown, boolean filtered) {
            actions.add("export " + shown.size());
        }
    }
}
