package org.patchdesk.governance.segmentation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.ManualVulnerabilities;
import org.patchdesk.inventory.ClinicalCriticality;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.MissionImpact;
import org.patchdesk.inventory.NetworkExposure;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dialog on one ICU pump whose CVE is in the test KEV catalog. Life-sustaining with mission
 * failure gives very high human impact; active, open, automatable, very high is immediate (deployer
 * row 71), and at controlled exposure out-of-cycle (row 63).
 */
@ExtendWith(ApplicationExtension.class)
class SegmentationCaseDialogTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        Path files = Files.createDirectories(folder.resolve("files-" + System.nanoTime()));
        services.intelligence().importKev(TestSites.copyResource("/intel/kev/known_exploited_vulnerabilities.csv", files),
                TestSites.TECHNICIAN, ProgressMonitor.NONE);
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "ICU-PUMP-1").set(DeviceField.DEPARTMENT, "ICU")
                .set(DeviceField.DEVICE_TYPE, "Infusion Pump").set(DeviceField.MANUFACTURER, "Example Medical")
                .set(DeviceField.MODEL, "Pump A").set(DeviceField.CRITICALITY, ClinicalCriticality.LIFE_SUSTAINING)
                .set(DeviceField.MISSION_IMPACT, MissionImpact.MISSION_FAILURE).set(DeviceField.NETWORK_EXPOSURE, NetworkExposure.OPEN),
                TestSites.TECHNICIAN);
        services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2025-48384", "Example Medical", "Pump A", "",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "vendor letter"), TestSites.TECHNICIAN);
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private void open(FxRobot robot) throws Exception {
        robot.interact(() -> new SegmentationCaseDialog(services.segmentationCases(), tasks, dialogs, services.reportSite(), "jtech")
                .show(stage));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#segDepartment").<ComboBox<String>>query().getItems()
                .isEmpty());
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void computesTheCaseAndSavesItAsPdf(FxRobot robot) throws Exception {
        open(robot);
        assertThat(robot.lookup("#segDepartment").<ComboBox<String>>query().getItems()).containsExactly("ICU");
        assertThat(robot.lookup("#segSaveButton").queryButton().isDisabled()).isTrue();

        robot.interact(() -> robot.lookup("#segDepartment").<ComboBox<String>>query().setValue("ICU"));
        robot.interact(() -> robot.lookup("#segComputeButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text(robot, "#segFigures").isEmpty());

        assertThat(text(robot, "#segAnswer")).contains("1 finding would no longer need immediate patching");
        TableView<SegmentationCaseDialog.DecisionRow> table = robot.lookup("#segDecisions").queryTableView();
        assertThat(table.getItems()).startsWith(new SegmentationCaseDialog.DecisionRow(org.patchdesk.risk.ssvc.Decision.IMMEDIATE, 1, 0),
                new SegmentationCaseDialog.DecisionRow(org.patchdesk.risk.ssvc.Decision.OUT_OF_CYCLE, 0, 1));
        assertThat(text(robot, "#segFigures")).contains("Urgent findings: 1 leaves immediate; 0 leave out-of-cycle.")
                .contains("KEV-exposed devices: 1 covered device has an open vulnerability in the CISA KEV catalog; the segmentation"
                        + " lowers its exposure.");
        assertThat(text(robot, "#segAssumptions")).contains("Computed on 2026-12-04");

        Path pdf = folder.resolve("case-" + System.nanoTime() + ".pdf");
        dialogs.answer(pdf);
        robot.interact(() -> robot.lookup("#segSaveButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialogs.shown().stream().anyMatch(line -> line.startsWith("Segmentation case saved")));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Investment case: Segmenting department ICU to controlled exposure")
                    .contains("Immediate 1 0 -1");
        }
        press(robot, "#segmentationCaseDialog", "Close");
    }

    @Test
    void dialogGrowsToShowTheWholeCase(FxRobot robot) throws Exception {
        open(robot);
        Window window = robot.lookup("#segmentationCaseDialog").query().getScene().getWindow();
        double before = window.getHeight();

        robot.interact(() -> robot.lookup("#segDepartment").<ComboBox<String>>query().setValue("ICU"));
        robot.interact(() -> robot.lookup("#segComputeButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text(robot, "#segFigures").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        ScrollPane scroll = robot.lookup("#segScroll").queryAs(ScrollPane.class);
        assertThat(window.getHeight()).isGreaterThan(before);
        assertThat(scroll.getViewportBounds().getHeight()).as("the whole case is visible without scrolling")
                .isGreaterThanOrEqualTo(((Region) scroll.getContent()).getHeight() - 1);
        assertThat(robot.lookup("#segDecisions").queryTableView().getHeight()).as("all four decisions show").isGreaterThanOrEqualTo(24 * 5);
        for (String id : List.of("#segAnswer", "#segFigures", "#segAssumptions")) {
            Label label = robot.lookup(id).queryAs(Label.class);
            Text shown = (Text) label.lookup(".text");
            assertThat(shown.getText()).as(id + " is not cut").isEqualTo(label.getText());
        }
        press(robot, "#segmentationCaseDialog", "Close");
    }

    @Test
    void missingCriteriaAndUnknownDepartmentAreExplained(FxRobot robot) throws Exception {
        open(robot);

        robot.interact(() -> robot.lookup("#segComputeButton").queryButton().fire());
        assertThat(text(robot, "#segProblem")).startsWith("Choose the devices to segment");

        robot.interact(() -> robot.lookup("#segDepartment").<ComboBox<String>>query().getEditor().setText("Cardiology"));
        robot.interact(() -> robot.lookup("#segComputeButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#segProblem").startsWith("No in-service"));
        assertThat(text(robot, "#segProblem")).isEqualTo("No in-service device has the department 'Cardiology'. Departments: ICU");
        assertThat(robot.lookup("#segSaveButton").queryButton().isDisabled()).isTrue();
        press(robot, "#segmentationCaseDialog", "Close");
    }
}
