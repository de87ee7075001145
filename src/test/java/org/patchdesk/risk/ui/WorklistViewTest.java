package org.patchdesk.risk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.NetworkExposure;
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
class WorklistViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private WorklistView view;

    @Start
    void start(Stage stage) throws Exception {
        Path files = Files.createDirectories(folder.resolve("files-" + System.nanoTime()));
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        for (String tag : List.of("MF-1", "MF-2")) {
            services.devices().create(new DeviceValues()
                    .set(DeviceField.ASSET_TAG, tag)
                    .set(DeviceField.MANUFACTURER, "Smiths Medical")
                    .set(DeviceField.MODEL, "Medfusion 4000 Wireless Syringe Infusion Pump")
                    .set(DeviceField.DEPARTMENT, tag.equals("MF-1") ? "ICU" : "Oncology")
                    .set(DeviceField.NETWORK_EXPOSURE, NetworkExposure.OPEN)
                    .set(DeviceField.SOFTWARE_VERSION, "1.5"), TestSites.TECHNICIAN);
        }
        services.intelligence().importCsaf(List.of(TestSites.copyResource("/intel/csaf/icsma-17-250-02a.json", files)),
                TestSites.TECHNICIAN, ProgressMonitor.NONE);
        Path kev = Files.writeString(files.resolve("kev.json"), """
                {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.12.01",
                 "dateReleased": "2026-12-01T12:00:00.0000Z", "count": 1, "vulnerabilities": [
                  {"cveID": "CVE-2017-12725", "vendorProject": "Smiths Medical", "product": "Medfusion 4000",
                   "vulnerabilityName": "Smiths Medical Medfusion 4000 Hard-coded Credentials", "dateAdded": "2026-12-01",
                   "shortDescription": "Hard-coded credentials.", "requiredAction": "Apply updates.", "dueDate": "2026-12-22",
                   "knownRansomwareCampaignUse": "Unknown", "notes": "", "cwes": ["CWE-798"]}]}
                """);
        services.intelligence().importKev(kev, TestSites.TECHNICIAN, ProgressMonitor.NONE);

        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        view = new WorklistView(new WorklistViewModel(services.findings(), services.feedStatus(), tasks), dialogs, TestSites.MANAGER,
                TestSites.CLOCK);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private TreeTableView<WorklistView.Item> table(FxRobot robot) {
        return robot.lookup("#worklistTable").query();
    }

    private List<WorklistView.FindingItem> findings(FxRobot robot) {
        return table(robot).getRoot().getChildren().stream().map(TreeItem::getValue)
                .filter(WorklistView.FindingItem.class::isInstance).map(WorklistView.FindingItem.class::cast).toList();
    }

    private void waitForRows(FxRobot robot, int expected) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getRoot().getChildren().size() == expected);
    }

    @Test
    void kevFindingsComeFirst(FxRobot robot) throws Exception {
        waitForRows(robot, 16);

        List<WorklistView.FindingItem> rows = findings(robot);
        assertThat(rows.subList(0, 2)).allSatisfy(item -> {
            assertThat(item.row().finding().cveId()).isEqualTo("CVE-2017-12725");
            assertThat(item.row().finding().kevWord()).isEqualTo("yes");
        });
        assertThat(rows.get(0).row().finding().decisionRank()).isGreaterThan(rows.get(2).row().finding().decisionRank());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#worklistStatus").queryAs(Label.class).getText()
                .endsWith(" of 16"));
        assertThat(robot.lookup("#worklistStatus").queryAs(Label.class).getText()).isEqualTo("Findings 1 to 16 of 16");
    }

    @Test
    void missingEpssDataIsShownAboveTheList(FxRobot robot) throws Exception {
        waitForRows(robot, 16);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#worklistFeedWarning").queryAs(Label.class).isVisible()
                && !robot.lookup("#worklistFeedWarning").queryAs(Label.class).getText().isEmpty());
        String warning = robot.lookup("#worklistFeedWarning").queryAs(Label.class).getText();
        assertThat(warning).startsWith("FIRST EPSS scores: not checked (never imported).").doesNotContain("KEV");
    }

    @Test
    void kevAndDepartmentFiltersNarrowTheList(FxRobot robot) throws Exception {
        waitForRows(robot, 16);

        robot.clickOn("#kevFilter");
        waitForRows(robot, 2);
        robot.interact(() -> robot.lookup("#departmentFilter").queryComboBox().setValue("Oncology"));
        waitForRows(robot, 1);

        assertThat(findings(robot).get(0).row().assetTag()).isEqualTo("MF-2");
    }

    @Test
    void invalidEpssFilterShowsAMessage(FxRobot robot) throws Exception {
        waitForRows(robot, 16);

        robot.clickOn("#epssFilter").write("high").type(javafx.scene.input.KeyCode.ENTER);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".field-error").queryAs(Label.class).getText()).contains("'high' is not a number");
        assertThat(findings(robot)).hasSize(16);
    }

    @Test
    void selectedFindingIsExplained(FxRobot robot) throws Exception {
        waitForRows(robot, 16);

        robot.interact(() -> table(robot).getSelectionModel().select(0));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#explanationTitle").queryAs(Label.class).getText()
                .contains("priority"));
        String title = robot.lookup("#explanationTitle").queryAs(Label.class).getText();
        assertThat(title).startsWith(findings(robot).get(0).row().assetTag() + " / CVE-2017-12725: ");
        assertThat(robot.lookup(".explanation-source").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(text -> text.startsWith("deployer table row"))
                .anyMatch(text -> text.contains("listed in the CISA KEV catalog"));
    }

    @Test
    void statusNeedsJustificationThenSaves(FxRobot robot) throws Exception {
        waitForRows(robot, 16);
        robot.interact(() -> table(robot).getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#saveStatusButton").query().isDisabled());
        long id = findings(robot).get(2).row().finding().id();

        robot.interact(() -> robot.lookup("#statusChoice").<FindingStatus>queryComboBox().setValue(FindingStatus.RISK_ACCEPTED));
        robot.clickOn("#saveStatusButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.shown().isEmpty());
        assertThat(dialogs.shown().get(0)).contains("needs a justification");

        robot.clickOn("#statusNote").write("Isolated VLAN 210; replacement ordered");
        robot.clickOn("#saveStatusButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.findings().find(id).orElseThrow().finding().statusValue()
                == FindingStatus.RISK_ACCEPTED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings(robot).get(2).row().finding().statusValue()
                == FindingStatus.RISK_ACCEPTED);
        assertThat(services.findings().find(id).orElseThrow().finding().statusNote()).isEqualTo("Isolated VLAN 210; replacement ordered");
    }

    @Test
    void groupingByDeviceLoadsGroupOnExpand(FxRobot robot) throws Exception {
        waitForRows(robot, 16);

        robot.interact(() -> robot.lookup("#groupingChoice").<org.patchdesk.risk.Grouping>queryComboBox()
                .setValue(org.patchdesk.risk.Grouping.DEVICE));
        waitForRows(robot, 2);

        TreeItem<WorklistView.Item> first = table(robot).getRoot().getChildren().get(0);
        assertThat(((WorklistView.GroupItem) first.getValue()).group().findings()).isEqualTo(8);
        robot.interact(() -> first.setExpanded(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> first.getChildren().size() == 8
                && first.getChildren().get(0).getValue() != null);
        assertThat(robot.lookup("#worklistStatus").queryAs(Label.class).getText()).isEqualTo("16 findings in 2 groups");
    }
}
