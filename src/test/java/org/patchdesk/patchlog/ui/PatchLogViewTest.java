package org.patchdesk.patchlog.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.importing.ImportFixtures;
import org.patchdesk.inventory.importing.VersionConflict;
import org.patchdesk.patchlog.NewLogEntry;
import org.patchdesk.patchlog.PatchDecision;
import org.patchdesk.patchlog.PatchLogEntry;
import org.patchdesk.patchlog.PatchLogFixtures;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PatchLogViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private int inventoryReloads;

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        PatchLogFixtures.seed(services);
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        PatchLogView view = new PatchLogView(services.patchLog(), services.versionConflicts(), services.patchability(), tasks, dialogs,
                TestSites.TECHNICIAN, TestSites.CLOCK, () -> inventoryReloads++);
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private TableView<PatchLogEntry> table(FxRobot robot) {
        return robot.lookup("#patchLogTable").queryTableView();
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    @Test
    void recordedPatchClosesChosenFinding(FxRobot robot) throws Exception {
        robot.clickOn("#recordPatchButton");
        waitFor(() -> robot.lookup("#patchAssetTag").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#patchAssetTag").queryTextInputControl().setText("vent-1"));
        robot.interact(() -> robot.lookup("#patchFindDevice").queryButton().fire());
        waitFor(() -> robot.lookup("#fix-CVE-2026-40001").tryQuery().isPresent());
        assertThat(robot.lookup("#patchDeviceLabel").queryLabeled().getText())
                .isEqualTo("Baxter Life 2000, software version 06.00, Respiratory");
        assertThat(robot.lookup("#patchVersionBefore").queryTextInputControl().getText()).isEqualTo("06.00");

        press(robot, "#recordPatchDialog", "Record");
        assertThat(robot.lookup("#patchProblem").queryLabeled().getText()).startsWith("The update applied is required");

        robot.interact(() -> {
            robot.lookup("#fix-CVE-2026-40001").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#patchUpdate").queryTextInputControl().setText("Life 2000 firmware 06.20");
            robot.lookup("#patchVersionAfter").queryTextInputControl().setText("06.20");
            robot.lookup("#patchPerformedTime").queryTextInputControl().setText("06:45");
        });
        press(robot, "#recordPatchDialog", "Record");
        waitFor(() -> table(robot).getItems().size() == 1);

        PatchLogEntry entry = table(robot).getItems().get(0);
        assertThat(entry.assetTag()).isEqualTo("VENT-1");
        assertThat(entry.performedBy()).isEqualTo("jtech");
        assertThat(entry.closedCves()).containsExactly("CVE-2026-40001");
        assertThat(services.findings().find("VENT-1", "CVE-2026-40001").orElseThrow().finding().statusValue())
                .isEqualTo(FindingStatus.PATCHED);
        assertThat(services.findings().find("VENT-1", "CVE-2026-40002").orElseThrow().finding().statusValue())
                .as("not chosen, and 06.20 is outside the affected versions").isEqualTo(FindingStatus.NOT_AFFECTED);
        assertThat(services.findings().find("VENT-1", "CVE-2026-40003").orElseThrow().finding().statusValue())
                .isEqualTo(FindingStatus.OPEN);
        assertThat(services.devices().findByAssetTag("VENT-1").orElseThrow().values().text(DeviceField.SOFTWARE_VERSION))
                .isEqualTo("06.20");
        waitFor(() -> robot.lookup("#patchLogSummary").queryLabeled().getText().contains("Entry #"));
        assertThat(robot.lookup("#patchLogSummary").queryLabeled().getText()).isEqualTo("1 entry shown. Entry #" + entry.id()
                + " recorded for VENT-1; it closed CVE-2026-40001.");
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void deferredPatchNeedsReasonInForm(FxRobot robot) throws Exception {
        robot.clickOn("#recordPatchButton");
        waitFor(() -> robot.lookup("#patchAssetTag").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#patchAssetTag").queryTextInputControl().setText("VENT-2"));
        robot.interact(() -> robot.lookup("#patchFindDevice").queryButton().fire());
        waitFor(() -> robot.lookup("#fix-CVE-2026-40003").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#patchUpdate").queryTextInputControl().setText("Life 2000 firmware 06.20");
            robot.lookup("#patchOutcome").<PatchOutcome>queryComboBox().setValue(PatchOutcome.DEFERRED);
        });

        press(robot, "#recordPatchDialog", "Record");
        assertThat(robot.lookup("#patchProblem").queryLabeled().getText()).startsWith("A deferred patch needs a reason");
        robot.interact(() -> robot.lookup("#patchReason").queryTextInputControl().setText("ICU census full"));
        press(robot, "#recordPatchDialog", "Record");
        waitFor(() -> table(robot).getItems().size() == 1);

        robot.interact(() -> robot.lookup("#patchLogOutcome").<String>queryComboBox().setValue("installed"));
        waitFor(() -> table(robot).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#patchLogOutcome").<String>queryComboBox().setValue("deferred"));
        waitFor(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems().get(0).reason()).isEqualTo("ICU census full");
    }

    @Test
    void searchAndExportWriteTheEntriesShown(FxRobot robot) throws Exception {
        long vent1 = services.devices().findByAssetTag("VENT-1").orElseThrow().id();
        long mon1 = services.devices().findByAssetTag("MON-1").orElseThrow().id();
        services.patchLog().recordAll(List.of(
                NewLogEntry.of(vent1, "Life 2000 firmware 06.20", null, "06.20", PatchLogFixtures.TUESDAY, "jtech",
                        PatchOutcome.INSTALLED, null, List.of("CVE-2026-40001")),
                NewLogEntry.of(mon1, "IntelliVue M.00.04", null, "M.00.04", PatchLogFixtures.TUESDAY, "A. Singh",
                        PatchOutcome.INSTALLED, null, List.of())), TestSites.TECHNICIAN);
        robot.interact(() -> robot.lookup("#patchLogSearch").queryTextInputControl().setText("x"));
        robot.interact(() -> robot.lookup("#patchLogSearch").queryTextInputControl().setText("cve-2026-40001"));
        waitFor(() -> table(robot).getItems().size() == 1);
        Path target = folder.resolve("export-" + System.nanoTime() + ".csv");
        dialogs.answer(0).answer(target);

        robot.interact(() -> robot.lookup("#exportPatchLogButton").queryButton().fire());
        waitFor(() -> !dialogs.shown().isEmpty() && dialogs.shown().get(dialogs.shown().size() - 1).startsWith("Patch log exported"));

        List<String> lines = Files.readAllLines(target, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("VENT-1").doesNotContain("MON-1");
    }

    @Test
    void decisionIsRecordedAndListed(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#recordDecisionButton").queryButton().fire());
        waitFor(() -> robot.lookup("#decisionAssetTag").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#decisionAssetTag").queryTextInputControl().setText("MON-1");
            robot.lookup("#decisionUpdate").queryTextInputControl().setText("IntelliVue M.00.04");
            robot.lookup("#decisionChoice").<PatchDecision.Choice>queryComboBox().setValue(PatchDecision.Choice.DEFER);
            robot.lookup("#decisionApprover").queryTextInputControl().setText("Lee Park");
        });
        press(robot, "#recordDecisionDialog", "Record");
        assertThat(robot.lookup("#decisionProblem").queryLabeled().getText()).startsWith("The approver's role is required");

        robot.interact(() -> {
            robot.lookup("#decisionRole").queryTextInputControl().setText("CISO");
            robot.lookup("#decisionRationale").queryTextInputControl().setText("Wait for Philips validation");
        });
        press(robot, "#recordDecisionDialog", "Record");

        waitFor(() -> robot.lookup("#decisionTable").queryTableView().getItems().size() == 1);
        PatchDecision decision = (PatchDecision) robot.lookup("#decisionTable").queryTableView().getItems().get(0);
        assertThat(decision.subject()).isEqualTo("MON-1");
        assertThat(decision.decision()).isEqualTo(PatchDecision.Choice.DEFER);
        assertThat(decision.approverRole()).isEqualTo("CISO");
        assertThat(decision.recordedBy()).isEqualTo("jtech");
    }

    @Test
    void conflictReviewTakesImportedValue(FxRobot robot) throws Exception {
        long vent1 = services.devices().findByAssetTag("VENT-1").orElseThrow().id();
        services.patchLog().record(NewLogEntry.of(vent1, "Life 2000 firmware 06.20", null, "06.20", PatchLogFixtures.TUESDAY, "jtech",
                PatchOutcome.INSTALLED, null, List.of()), TestSites.TECHNICIAN);
        Path file = folder.resolve("cmms-" + System.nanoTime() + ".csv");
        Files.writeString(file, "Asset Tag,Software Version\r\nVENT-1,06.00\r\n", StandardCharsets.UTF_8);
        ImportFixtures.importFile(services, file, TestSites.MANAGER);
        robot.interact(() -> robot.lookup("#patchLogTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        robot.interact(() -> robot.lookup("#showResolvedConflicts").queryAs(CheckBox.class).setSelected(true));
        TableView<VersionConflict> conflicts = robot.lookup("#conflictTable").queryTableView();
        waitFor(() -> conflicts.getItems().size() == 1);
        dialogs.answer(true);

        robot.interact(() -> conflicts.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#takeImportedButton").queryButton().fire());

        waitFor(() -> conflicts.getItems().size() == 1 && !conflicts.getItems().get(0).isPending()
                && conflicts.getItems().get(0).resolution() != null);
        assertThat(conflicts.getItems().get(0).stateText()).isEqualTo("imported value taken");
        assertThat(services.devices().findByAssetTag("VENT-1").orElseThrow().values().text(DeviceField.SOFTWARE_VERSION))
                .isEqualTo("06.00");
        assertThat(dialogs.shown()).singleElement().asString().startsWith("Version conflict: Set the software version of VENT-1 to 06.00");
        waitFor(() -> inventoryReloads == 1);
    }
}
