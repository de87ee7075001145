package org.patchdesk.controls.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.controls.ControlType;
import org.patchdesk.controls.ControlValues;
import org.patchdesk.controls.DeviceRef;
import org.patchdesk.controls.FindingRef;
import org.patchdesk.controls.VerificationState;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ControlsViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private ControlsView view;

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        ControlFixtures.pump(services, "ICU-PUMP-1", "ICU");
        ControlFixtures.pump(services, "NICU-PUMP-1", "NICU");
        ControlFixtures.vulnerabilities(services);
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        view = new ControlsView(services.controls(), tasks, dialogs, TestSites.TECHNICIAN);
        stage.setScene(new Scene(view, 1300, 760));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private static TableView<CompensatingControl> table(FxRobot robot) {
        return robot.lookup("#controlsTable").queryTableView();
    }

    private static void waitFor(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
    }

    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryButton().fire());
    }

    private String exposure(String tag, String cve) {
        return services.findings().find(tag, cve).orElseThrow().finding().exposure();
    }

    @Test
    void addedControlCoversDeviceAndFinding(FxRobot robot) throws Exception {
        robot.clickOn("#addControlButton");
        waitFor(robot, "#controlTitleField");
        robot.interact(() -> {
            ComboBox<ControlType> type = robot.lookup("#controlTypeField").queryComboBox();
            type.setValue(type.getItems().stream().filter(candidate -> candidate.code().equals("network-segmentation")).findFirst()
                    .orElseThrow());
            robot.lookup("#controlTitleField").queryTextInputControl().setText("Pumps on VLAN 40");
            robot.lookup("#controlVerifiedField").<DatePicker>query().getEditor().setText("11/20/2026");
            robot.lookup("#controlNextField").<DatePicker>query().getEditor().setText("2027-05-20");
            robot.lookup("#controlRuleIdsField").queryTextInputControl().setText("ACL 140");
        });
        assertThat(robot.lookup("#controlEffect").queryLabeled().getText())
                .isEqualTo("Effect on scoring: lowers System Exposure from open to controlled. NIST SP 800-53: SC-7, AC-4; CSF 2.0: PR.IR-01.");
        press(robot, "#controlDialog", "Create control");
        assertThat(robot.lookup("#dialogProblem").queryLabeled().getText())
                .isEqualTo("A control needs an owner: the person or team that keeps it working, such as 'Network team'.");
        robot.interact(() -> robot.lookup("#controlOwnerField").queryTextInputControl().setText("Network team"));
        press(robot, "#controlDialog", "Create control");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getSelectionModel().getSelectedItem() != null);
        CompensatingControl created = table(robot).getSelectionModel().getSelectedItem();
        assertThat(created.title()).isEqualTo("Pumps on VLAN 40");
        assertThat(created.verifiedOn()).isEqualTo(LocalDate.of(2026, 11, 20));

        robot.clickOn("#coverageButton");
        waitFor(robot, "#coverageSearch");
        robot.interact(() -> robot.lookup("#coverageSearch").queryTextInputControl().setText("pump-1"));
        fire(robot, "#coverageSearchButton");
        ListView<DeviceRef> results = robot.lookup("#deviceResults").queryListView();
        assertThat(results.getItems()).extracting(DeviceRef::assetTag).containsExactly("ICU-PUMP-1", "NICU-PUMP-1");
        robot.interact(() -> results.getSelectionModel().select(0));
        fire(robot, "#coverDevicesButton");
        ListView<DeviceRef> covered = robot.lookup("#coveredDevices").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> covered.getItems().size() == 1);
        robot.interact(() -> {
            results.getSelectionModel().clearSelection();
            results.getSelectionModel().select(1);
        });
        ListView<FindingRef> findings = robot.lookup("#deviceFindings").queryListView();
        assertThat(findings.getItems()).extracting(FindingRef::cveId).containsExactly(ControlFixtures.FIRST_CVE, ControlFixtures.SECOND_CVE);
        robot.interact(() -> findings.getSelectionModel().select(0));
        fire(robot, "#coverFindingsButton");
        ListView<FindingRef> coveredFindings = robot.lookup("#coveredFindings").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> coveredFindings.getItems().size() == 1);
        press(robot, "#coverageDialog", "Close");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1
                && table(robot).getItems().get(0).devices().size() == 1 && table(robot).getItems().get(0).findings().size() == 1);
        assertThat(covered.getItems()).extracting(DeviceRef::assetTag).containsExactly("ICU-PUMP-1");
        assertThat(coveredFindings.getItems()).extracting(FindingRef::label).containsExactly("NICU-PUMP-1 " + ControlFixtures.FIRST_CVE);
        assertThat(exposure("ICU-PUMP-1", ControlFixtures.FIRST_CVE)).isEqualTo("controlled");
        assertThat(exposure("ICU-PUMP-1", ControlFixtures.SECOND_CVE)).isEqualTo("controlled");
        assertThat(exposure("NICU-PUMP-1", ControlFixtures.FIRST_CVE)).isEqualTo("controlled");
        assertThat(exposure("NICU-PUMP-1", ControlFixtures.SECOND_CVE)).isEqualTo("open");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#controlDetail").queryTextInputControl().getText()
                .contains("Covered devices (1):"));
        assertThat(robot.lookup("#controlDetail").queryTextInputControl().getText())
                .contains("Type: Network segmentation / VLAN (NIST SP 800-53: SC-7, AC-4; CSF 2.0: PR.IR-01)")
                .contains("  ICU-PUMP-1 (Baxter Life 2000, ICU)");
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void overdueControlIsHighlightedAndVerified(FxRobot robot) throws Exception {
        CompensatingControl lapsed = services.controls().create(new ControlValues("monitoring", "NDR sensor on pump VLAN", null, "InfoSec",
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 7, 5), null), TestSites.TECHNICIAN);
        services.controls().create(new ControlValues("physical-access", "Locked pump room", null, "Facilities", null, null, null),
                TestSites.TECHNICIAN);
        view.refresh();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#controlCount").queryLabeled().getText()).isEqualTo("2 controls, 1 overdue");
        assertThat(robot.lookup(".overdue-row").queryAll()).hasSize(1);
        assertThat(table(robot).getItems().get(0).stateText(LocalDate.of(2026, 12, 4))).isEqualTo("verification overdue since 2026-07-06");
        TableView<ControlType> catalog = robot.lookup("#catalogTable").queryTableView();
        assertThat(catalog.getItems()).hasSize(10);

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#verifyButton");
        waitFor(robot, "#nextVerificationField");
        assertThat(robot.lookup("#nextVerificationField").<DatePicker>query().getValue()).as("the previous interval of 181 days")
                .isEqualTo(LocalDate.of(2027, 6, 3));
        press(robot, "#verificationDialog", "Record verification");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#controlCount").queryLabeled().getText().equals("2 controls"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".overdue-row").queryAll()).isEmpty();
        CompensatingControl verified = services.controls().get(lapsed.id()).orElseThrow();
        assertThat(verified.state(LocalDate.of(2026, 12, 4))).isEqualTo(VerificationState.VERIFIED);
        assertThat(verified.verifiedOn()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(verified.updatedBy()).isEqualTo("jtech");
        assertThat(List.copyOf(dialogs.shown())).isEmpty();
    }

    @Test
    void coverageDialogFitsLaptopScreen(FxRobot robot) throws Exception {
        services.controls().create(new ControlValues("network-segmentation", "Pumps on VLAN 40", null, "Network team",
                LocalDate.of(2026, 11, 20), LocalDate.of(2027, 5, 20), null), TestSites.TECHNICIAN);
        view.refresh();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1);
        robot.interact(() -> table(robot).getSelectionModel().select(0));

        robot.clickOn("#coverageButton");
        waitFor(robot, "#coverageSearch");
        WaitForAsyncUtils.waitForFxEvents();

        Window window = robot.lookup("#coverageDialog").query().getScene().getWindow();
        // A 1366x768 screen leaves about 728 pixels under a 40-pixel taskbar.
        assertThat(window.getHeight()).as("dialog height").isLessThanOrEqualTo(728);
        assertThat(window.getWidth()).as("dialog width").isLessThanOrEqualTo(1366);
        press(robot, "#coverageDialog", "Close");
    }
}
