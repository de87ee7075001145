package org.patchdesk.risk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.MatchDecision;
import org.patchdesk.intel.MatchView;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MatchReviewViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private Device pump;

    @Start
    void start(Stage stage) throws Exception {
        Path files = Files.createDirectories(folder.resolve("files-" + System.nanoTime()));
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        pump = services.devices().create(new DeviceValues()
                .set(DeviceField.ASSET_TAG, "PCU-1")
                .set(DeviceField.MANUFACTURER, "BD")
                .set(DeviceField.MODEL, "Alaris PCU 8015")
                .set(DeviceField.SOFTWARE_VERSION, "12.1.2"), TestSites.TECHNICIAN);
        services.devices().create(new DeviceValues()
                .set(DeviceField.ASSET_TAG, "GE-1")
                .set(DeviceField.MANUFACTURER, "BD")
                .set(DeviceField.MODEL, "Alaris Guardrails Editor")
                .set(DeviceField.SOFTWARE_VERSION, "12.1.3"), TestSites.TECHNICIAN);
        services.intelligence().importCsaf(List.of(TestSites.copyResource("/intel/csaf/icsma-23-194-01.json", files)),
                TestSites.TECHNICIAN, ProgressMonitor.NONE);

        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        MatchReviewView view = new MatchReviewView(services.intelligence(), tasks, dialogs, TestSites.MANAGER, () -> { });
        stage.setScene(new Scene(view, 1200, 600));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private TableView<MatchView> table(FxRobot robot) {
        return robot.lookup("#matchTable").queryTableView();
    }

    @Test
    void proposalsWaitAndAcceptingOneCreatesFindings(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table(robot).getItems().isEmpty());
        assertThat(table(robot).getItems()).allSatisfy(match -> assertThat(match.decision()).isEqualTo(MatchDecision.PROPOSED));
        MatchView pcu = table(robot).getItems().stream().filter(match -> match.inventorySide().equals("BD Alaris PCU 8015"))
                .findFirst().orElseThrow();
        assertThat(pcu.sourceProduct()).isEqualTo("BD Alaris Point-of-Care Unit (PCU) Model 8015");
        assertThat(services.findings().forDevice(pump.id())).isEmpty();

        robot.interact(() -> table(robot).getSelectionModel().select(pcu));
        robot.clickOn("#acceptMatchButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.shown().isEmpty());
        assertThat(dialogs.shown().get(0)).startsWith("Matches accepted: " + pcu.id() + " accepted: findings: 8 new");
        assertThat(services.findings().forDevice(pump.id())).hasSize(8);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().stream()
                .noneMatch(match -> match.id().equals(pcu.id())));
    }

    @Test
    void rejectedMatchIsShownWithAllMatches(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table(robot).getItems().isEmpty());
        int waiting = table(robot).getItems().size();
        MatchView first = table(robot).getItems().get(0);

        robot.interact(() -> table(robot).getSelectionModel().select(first));
        robot.clickOn("#rejectMatchButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == waiting - 1);

        robot.clickOn("#showAllMatches");

        MatchView rejected = table(robot).getItems().stream().filter(match -> match.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(rejected.decision()).isEqualTo(MatchDecision.REJECTED);
        assertThat(rejected.decidedBy()).isEqualTo("mmanager");
    }

    @Test
    void worklistNamesTheMatchesThatHoldFindingsBack(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table(robot).getItems().isEmpty());
        int waiting = table(robot).getItems().size();
        assertThat(services.findings().matchesAwaitingDecision()).isEqualTo(waiting);
        assertThat(WorklistViewModel.emptyMessage(waiting)).contains(waiting + " product or operating-system matches wait for a decision"
                + " under Match review");

        robot.interact(() -> table(robot).getSelectionModel().select(table(robot).getItems().get(0)));
        robot.clickOn("#rejectMatchButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == waiting - 1);

        assertThat(services.findings().matchesAwaitingDecision()).isEqualTo(waiting - 1);
        assertThat(WorklistViewModel.emptyMessage(1)).contains("One product or operating-system match waits");
        assertThat(WorklistViewModel.emptyMessage(0)).contains("Findings appear once vulnerability feeds are imported");
    }
}
