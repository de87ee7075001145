package org.patchdesk.risk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DeviceFindingsPaneTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;

    @Start
    void start(Stage stage) throws Exception {
        Path files = Files.createDirectories(folder.resolve("files-" + System.nanoTime()));
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        Device device = services.devices().create(new DeviceValues()
                .set(DeviceField.ASSET_TAG, "MF-1")
                .set(DeviceField.MANUFACTURER, "Smiths Medical")
                .set(DeviceField.MODEL, "Medfusion 4000 Wireless Syringe Infusion Pump")
                .set(DeviceField.SOFTWARE_VERSION, "1.5"), TestSites.TECHNICIAN);
        services.intelligence().importCsaf(List.of(TestSites.copyResource("/intel/csaf/icsma-17-250-02a.json", files)),
                TestSites.TECHNICIAN, ProgressMonitor.NONE);
        tasks = new BackgroundTasks();
        stage.setScene(new Scene(new DeviceFindingsPane(services.findings(), tasks, device.id(), TestSites.CLOCK), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    @Test
    void selectedFindingIsExplainedInFull(FxRobot robot) throws Exception {
        TableView<WorklistRow> table = robot.lookup("#deviceFindingsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 8);

        robot.interact(() -> table.getSelectionModel().select(0));

        String cve = table.getItems().get(0).finding().cveId();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#deviceFindingTitle").queryAs(Label.class).getText()
                .startsWith("MF-1 / " + cve + ": "));
        assertThat(robot.lookup("#deviceFindingExplanation .section-title").queryAllAs(Label.class)).extracting(Label::getText)
                .isNotEmpty();
        assertThat(robot.lookup("#deviceFindingExplanation .explanation-source").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(text -> text.startsWith("deployer table row"));
    }
}
