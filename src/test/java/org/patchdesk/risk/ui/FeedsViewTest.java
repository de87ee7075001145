package org.patchdesk.risk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.intel.FeedKind;
import org.patchdesk.risk.FeedStatus;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FeedsViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private Path files;

    @Start
    void start(Stage stage) throws Exception {
        files = Files.createDirectories(folder.resolve("files-" + System.nanoTime()));
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        FeedsView view = new FeedsView(services.intelligence(), services.feedStatus(), services.settings(), tasks, dialogs,
                TestSites.MANAGER, TestSites.CLOCK.getZone(), () -> { });
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private TableView<FeedStatus> feeds(FxRobot robot) {
        return robot.lookup("#feedTable").queryTableView();
    }

    private String state(FxRobot robot, FeedKind kind) {
        return feeds(robot).getItems().stream().filter(status -> status.feed() == kind).map(FeedsView::stateText).findFirst()
                .orElseThrow();
    }

    @Test
    void feedsNeverImportedAreNotChecked(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> feeds(robot).getItems().size() == FeedKind.values().length);

        assertThat(state(robot, FeedKind.KEV)).isEqualTo("Not checked");
        assertThat(state(robot, FeedKind.EPSS)).isEqualTo("Not checked");
        assertThat(state(robot, FeedKind.CSAF)).isEqualTo("None imported");
    }

    @Test
    void kevImportShowsStaleThenRejects(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !feeds(robot).getItems().isEmpty());
        dialogs.answer(TestSites.copyResource("/intel/kev/known_exploited_vulnerabilities.json", files));

        robot.clickOn("#importKevButton");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state(robot, FeedKind.KEV).startsWith("Stale"));
        assertThat(state(robot, FeedKind.KEV)).isEqualTo("Stale (over 14 days)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.shown().isEmpty());
        assertThat(dialogs.shown().get(0)).startsWith("KEV catalog imported: KEV catalog 2025.08.25");

        dialogs.answer(TestSites.copyResource("/intel/kev/known_exploited_vulnerabilities_schema.json", files));
        robot.clickOn("#importKevButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs.shown().size() == 2);
        assertThat(dialogs.shown().get(1)).startsWith("Not imported: ").contains("known_exploited_vulnerabilities_schema.json");
        assertThat(services.feedStatus().history(10)).hasSize(1);
    }

    @Test
    void manualEntryStaysOpenOnError(FxRobot robot) throws Exception {
        robot.clickOn("#addVulnerabilityButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#manualCve").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#manualCve").queryTextInputControl().setText("cve-2026-7001");
            robot.lookup("#manualManufacturer").queryTextInputControl().setText("Acme Medical");
            robot.lookup("#manualModel").queryTextInputControl().setText("InfuseRight 300");
            robot.lookup("#manualVersions").queryTextInputControl().setText("the old ones");
        });

        robot.clickOn("Add");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#manualProblem").queryLabeled().getText()).startsWith("'the old ones' is not a version range");
        assertThat(robot.lookup("#manualCve").tryQuery()).isPresent();
        assertThat(services.feedStatus().history(10)).isEmpty();

        robot.interact(() -> robot.lookup("#manualVersions").queryTextInputControl().setText("<=2.4"));
        robot.clickOn("Add");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.shown().isEmpty());
        assertThat(robot.lookup("#manualCve").tryQuery()).isEmpty();
        assertThat(dialogs.shown().get(0)).startsWith("Vulnerability added: Added CVE-2026-7001 for Acme Medical InfuseRight 300,"
                + " versions <=2.4.").contains("Warning: no inventory product matches");
        assertThat(services.feedStatus().history(10)).hasSize(1);
    }

    @Test
    void manualEntryIsRemovedFromTheList(FxRobot robot) throws Exception {
        services.intelligence().addManual(new org.patchdesk.intel.ManualVulnerabilities.Entry("CVE-2026-7002", "Acme Medical",
                "InfuseRight 300", "<=2.4", null, null), TestSites.TECHNICIAN);
        robot.clickOn("#manualEntriesButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#manualEntriesTable").tryQuery().isPresent()
                && !robot.lookup("#manualEntriesTable").queryTableView().getItems().isEmpty());
        dialogs.answer(true);

        robot.interact(() -> robot.lookup("#manualEntriesTable").queryTableView().getSelectionModel().select(0));
        robot.clickOn("#removeManualButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs.shown().size() == 2);
        assertThat(dialogs.shown().get(0)).startsWith("Remove the entry: Remove CVE-2026-7002 for Acme Medical InfuseRight 300?");
        assertThat(dialogs.shown().get(1)).startsWith("Entry removed: Removed CVE-2026-7002");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#manualEntriesTable").queryTableView().getItems().isEmpty());
        assertThat(services.intelligence().listManual()).isEmpty();
    }

    @Test
    void invalidSettingIsNotSaved(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#setting-due-days-immediate").queryTextInputControl()
                .getText().isEmpty());

        robot.interact(() -> robot.lookup("#setting-due-days-immediate").queryTextInputControl().setText("0"));
        robot.interact(() -> robot.lookup("#saveSettingsButton").queryButton().fire());

        assertThat(dialogs.shown()).containsExactly("Settings not saved: due.days.immediate must be between 1 and 3650 days.");
        assertThat(services.settings().current().dueDays(org.patchdesk.risk.ssvc.Decision.IMMEDIATE)).isEqualTo(7);
    }
}
