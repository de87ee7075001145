package org.patchdesk.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.acceptance.RiskLevel;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditFilter;
import org.patchdesk.common.Actor;
import org.patchdesk.risk.SettingsService;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {

    private static final Actor ADMIN = new Actor("kwong");
    private static final Actor AUDITOR = new Actor("aaudit");

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private Stage stage;
    private final List<String> saved = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private void open(FxRobot robot, Actor actor) throws Exception {
        Platform.runLater(() -> new SettingsDialog(SettingsPages.standard(services, services.users(), dialogs), tasks, dialogs, actor,
                stage).show(SettingsPages.SITE, saved::addAll));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settingsDialog").tryQuery().isPresent());
    }

    private void page(FxRobot robot, String title) {
        ListView<SettingsPage> pages = robot.lookup("#settingsPages").queryListView();
        robot.interact(() -> pages.getSelectionModel().select(pages.getItems().stream().filter(page -> page.title().equals(title))
                .findFirst().orElseThrow()));
    }

    private void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryTextInputControl().setText(text));
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    private List<AuditEntry> settingEntries() {
        return services.auditTrail().find(new AuditFilter(null, SettingsService.RECORD_TYPE, null, null, null, null), 100);
    }

    private void accounts() {
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of(Role.ADMINISTRATOR)),
                "admin-pass-1".toCharArray(), new Actor("kim"));
        services.users().create(new NewUser("jtech", "Jordan Tech", null, Set.of(Role.HTM_TECHNICIAN)), "tech-pass-1".toCharArray(),
                ADMIN);
        services.users().create(new NewUser("aaudit", "Alex Audit", null, Set.of(Role.AUDITOR)), "audit-pass-1".toCharArray(), ADMIN);
    }

    @Test
    void changesOnSeveralPagesAreSavedAndAudited(FxRobot robot) throws Exception {
        open(robot, ADMIN);

        type(robot, "#siteName", "St. Anne Medical Center");
        page(robot, SettingsPages.SCORING);
        type(robot, "#setting-due-days-immediate", "10");
        type(robot, "#setting-priority-weight-kev", "25");
        page(robot, SettingsPages.FEEDS);
        type(robot, "#setting-feed-stale-kev-days", "21");
        page(robot, SettingsPages.APPROVALS);
        type(robot, "#settingsMaxMonths", "6");
        robot.interact(() -> robot.lookup("#settingsApprover-low-infosec").queryAs(CheckBox.class).setSelected(true));
        page(robot, SettingsPages.PATCH_WINDOWS);
        robot.interact(() -> robot.lookup("#requireApprovedChange").queryAs(CheckBox.class).setSelected(true));
        page(robot, SettingsPages.SECURITY);
        type(robot, "#lockMinutes", "30");
        page(robot, SettingsPages.METRICS);
        type(robot, "#windowDays", "120");
        press(robot, "#settingsDialog", "Save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#settingsDialog").tryQuery().isEmpty());

        assertThat(services.siteSettings().current().name()).isEqualTo("St. Anne Medical Center");
        assertThat(services.settings().current().dueDays(Decision.IMMEDIATE)).isEqualTo(10);
        assertThat(services.settings().current().weight(org.patchdesk.risk.PriorityTerm.KEV)).isEqualTo(25.0);
        assertThat(services.settings().current().kevStaleDays()).isEqualTo(21);
        assertThat(services.acceptances().settings().maxMonths()).isEqualTo(6);
        assertThat(services.acceptances().settings().approversFor(RiskLevel.LOW)).containsExactly(Role.HTM_MANAGER, Role.INFOSEC);
        assertThat(services.windowRules().requiresApprovedChange()).isTrue();
        assertThat(services.users().lockAfterMinutes()).isEqualTo(30);
        assertThat(services.metrics().windowDays()).isEqualTo(120);
        assertThat(saved).hasSize(7);
        assertThat(dialogs.shown()).isEmpty();

        List<AuditEntry> entries = settingEntries();
        assertThat(entries).allMatch(entry -> entry.actor().equals("kwong"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.newValues()).containsEntry("site.name", "St. Anne Medical Center"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.newValues())
                .containsExactlyInAnyOrderEntriesOf(Map.of("due.days.immediate", "10", "priority.weight.kev", "25")));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.newValues()).containsExactlyEntriesOf(Map.of("feed.stale.kev.days", "21")));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.newValues())
                .containsExactlyInAnyOrderEntriesOf(Map.of("acceptance.max_months", "6", "acceptance.approvers.low", "htm-manager,infosec")));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.recordLabel()).isEqualTo("windows.require_approved_change"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.newValues()).containsEntry("users.lock_after_minutes", "30"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry.newValues()).containsEntry("metrics.patch_window_days", "120"));
        assertThat(entries).hasSize(7);
    }

    @Test
    void invalidValuesShowTheirMessagesAndSaveNothing(FxRobot robot) throws Exception {
        open(robot, ADMIN);

        type(robot, "#siteName", "St. Anne Medical Center");
        page(robot, SettingsPages.METRICS);
        type(robot, "#windowDays", "abc");
        page(robot, SettingsPages.SCORING);
        type(robot, "#setting-due-days-immediate", "0");
        press(robot, "#settingsDialog", "Save");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#settingsDialog").tryQuery()).isPresent();
        assertThat(text(robot, "#setting-due-days-immediateProblem"))
                .isEqualTo("Days until due for immediate must be between 1 and 3650 days, not 0.");
        assertThat(text(robot, "#settingsStatus")).isEqualTo("Nothing was saved. Correct the values marked in red on Scoring, Metrics.");
        assertThat(robot.lookup("#settingsPageItem-Scoring").queryLabeled().getText()).isEqualTo("Scoring (problem)");
        assertThat(robot.lookup("#settingsPageItem-Site").queryLabeled().getText()).isEqualTo("Site");
        page(robot, SettingsPages.METRICS);
        assertThat(text(robot, "#windowDaysProblem")).isEqualTo("Patch window needs a whole number, not 'abc'.");
        assertThat(services.siteSettings().current().name()).isEqualTo("PatchDesk");
        assertThat(services.settings().current().dueDays(Decision.IMMEDIATE)).isEqualTo(7);
        assertThat(settingEntries()).isEmpty();
        assertThat(saved).isEmpty();
        press(robot, "#settingsDialog", "Cancel");
    }

    @Test
    void cancelDiscardsTheChanges(FxRobot robot) throws Exception {
        open(robot, ADMIN);

        type(robot, "#siteName", "St. Anne Medical Center");
        page(robot, SettingsPages.SECURITY);
        type(robot, "#lockMinutes", "45");
        press(robot, "#settingsDialog", "Cancel");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#settingsDialog").tryQuery()).isEmpty();
        assertThat(services.siteSettings().current().name()).isEqualTo("PatchDesk");
        assertThat(services.users().lockAfterMinutes()).isEqualTo(15);
        assertThat(settingEntries()).isEmpty();
    }

    @Test
    void technicianSeesAdministratorPagesReadOnly(FxRobot robot) throws Exception {
        accounts();
        open(robot, TestSites.TECHNICIAN);

        assertThat(robot.lookup("#siteName").query().isDisabled()).isTrue();
        assertThat(text(robot, "#settingsReadOnly-Site")).startsWith("Read-only: Only an administrator can change the site name and logo.");
        for (String title : List.of(SettingsPages.APPROVALS, SettingsPages.SECURITY, SettingsPages.METRICS)) {
            page(robot, title);
            Node readOnly = robot.lookup("#settingsReadOnly-" + title).query();
            assertThat(readOnly.isVisible()).as(title).isTrue();
            assertThat(((javafx.scene.control.Label) readOnly).getText()).as(title).startsWith("Read-only: Only an administrator can");
        }
        page(robot, SettingsPages.FEEDS);
        assertThat(robot.lookup("#settingsReadOnly-Feeds").query().isVisible()).isFalse();
        type(robot, "#setting-feed-stale-epss-days", "10");
        press(robot, "#settingsDialog", "Save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#settingsDialog").tryQuery().isEmpty());

        assertThat(services.settings().current().epssStaleDays()).isEqualTo(10);
        assertThat(settingEntries()).singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo("jtech"));
    }

    @Test
    void auditorSeesEveryPageReadOnly(FxRobot robot) throws Exception {
        accounts();
        open(robot, AUDITOR);

        for (String title : List.of(SettingsPages.SITE, SettingsPages.SCORING, SettingsPages.FEEDS, SettingsPages.APPROVALS,
                SettingsPages.PATCH_WINDOWS, SettingsPages.SECURITY, SettingsPages.METRICS)) {
            page(robot, title);
            assertThat(robot.lookup("#settingsReadOnly-" + title.replace(' ', '-')).query().isVisible()).as(title).isTrue();
            assertThat(robot.lookup("#settingsPage-" + title.replace(' ', '-')).query().lookupAll(".text-field"))
                    .as(title).allMatch(Node::isDisabled);
        }
        page(robot, SettingsPages.PATCH_WINDOWS);
        assertThat(text(robot, "#settingsReadOnly-Patch-windows"))
                .startsWith("Read-only: Any user but an auditor can change the patch window rules.");
        press(robot, "#settingsDialog", "Save");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#settingsDialog").tryQuery()).isEmpty();
        assertThat(settingEntries()).isEmpty();
    }
}
