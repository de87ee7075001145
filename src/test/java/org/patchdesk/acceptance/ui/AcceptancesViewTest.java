package org.patchdesk.acceptance.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.acceptance.AcceptanceFixtures;
import org.patchdesk.acceptance.AcceptanceReason;
import org.patchdesk.acceptance.AcceptanceSignature;
import org.patchdesk.acceptance.AcceptanceState;
import org.patchdesk.acceptance.RiskAcceptance;
import org.patchdesk.acceptance.RiskLevel;
import org.patchdesk.acceptance.ScopeFinding;
import org.patchdesk.common.Actor;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.controls.ControlValues;
import org.patchdesk.controls.DeviceRef;
import org.patchdesk.controls.FindingRef;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.users.Role;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AcceptancesViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private AcceptancesView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        AcceptanceFixtures.site(services);
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        view = new AcceptancesView(services.acceptances(), tasks, dialogs, file -> { }, TestSites.TECHNICIAN, TestSites.CLOCK,
                ReportSite.of("General Hospital"));
        stage.setScene(new Scene(view, 1200, 720));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private static TableView<RiskAcceptance> table(FxRobot robot) {
        return robot.lookup("#acceptancesTable").queryTableView();
    }

    private static void waitFor(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
    }

    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryButton().fire());
    }

    private RiskAcceptance stored(long id) {
        return services.acceptances().get(id).orElseThrow();
    }

    private void signAs(FxRobot robot, String userName, String comment) throws Exception {
        robot.clickOn("#signAcceptanceButton");
        waitFor(robot, "#signPasswordField");
        // The signed-in technician requested the acceptance and cannot sign it, so no name is filled in.
        assertThat(robot.lookup("#signUserField").queryTextInputControl().getText()).isEmpty();
        robot.interact(() -> {
            robot.lookup("#signUserField").queryTextInputControl().setText(userName);
            robot.lookup("#signPasswordField").queryTextInputControl().setText(new String(AcceptanceFixtures.password(userName)));
            robot.lookup("#signCommentField").queryTextInputControl().setText(comment);
        });
        press(robot, "#signDialog", "Sign");
    }

    @Test
    void draftSubmittedAndApprovedByTwoUsers(FxRobot robot) throws Exception {
        robot.clickOn("#newAcceptanceButton");
        waitFor(robot, "#acceptanceTitleField");
        robot.interact(() -> {
            robot.lookup("#acceptanceTitleField").queryTextInputControl().setText("ICU pump awaiting vendor patch");
            robot.lookup("#acceptanceReasonField").<ComboBox<AcceptanceReason>>query().setValue(AcceptanceReason.AWAITING_VALIDATION);
            robot.lookup("#acceptanceStatementField").queryTextInputControl()
                    .setText("Remote code execution could stop infusions; the pump is on VLAN 40.");
            robot.lookup("#acceptanceDeviceSearch").queryTextInputControl().setText("pump-1");
        });
        fire(robot, "#acceptanceDeviceSearchButton");
        ListView<DeviceRef> results = robot.lookup("#acceptanceDeviceResults").queryListView();
        assertThat(results.getItems()).extracting(DeviceRef::assetTag).containsExactly("ICU-PUMP-1", "NICU-PUMP-1");
        robot.interact(() -> results.getSelectionModel().select(0));
        fire(robot, "#acceptanceAddDeviceButton");
        assertThat(robot.lookup("#acceptanceResidual").queryLabeled().getText())
                .isEqualTo("3 x 3 = 9, Medium; approvers: HTM manager, InfoSec/CISO");
        assertThat(robot.lookup("#acceptanceProtocol").queryLabeled().getText())
                .isEqualTo("No recovery protocol applies to the devices in scope.");
        robot.interact(() -> robot.lookup("#acceptanceMonthsField").<ComboBox<Integer>>query().setValue(12));
        robot.interact(() -> robot.lookup("#acceptanceReasonField").<ComboBox<AcceptanceReason>>query().setValue(AcceptanceReason.OTHER));
        press(robot, "#acceptanceDialog", "Create draft");
        assertThat(robot.lookup("#dialogProblem").queryLabeled().getText())
                .isEqualTo("Reason details: The reason \"other\" needs a description of the reason.");
        robot.interact(() -> robot.lookup("#acceptanceReasonField").<ComboBox<AcceptanceReason>>query()
                .setValue(AcceptanceReason.AWAITING_VALIDATION));
        press(robot, "#acceptanceDialog", "Create draft");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getSelectionModel().getSelectedItem() != null);
        RiskAcceptance draft = table(robot).getSelectionModel().getSelectedItem();
        assertThat(draft.storedState()).isEqualTo(AcceptanceState.DRAFT);
        assertThat(draft.requester()).isEqualTo("jtech");
        assertThat(draft.durationMonths()).isEqualTo(12);

        robot.clickOn("#submitAcceptanceButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stored(draft.id()).storedState() == AcceptanceState.SUBMITTED);

        signAs(robot, "jtech", "");
        assertThat(robot.lookup("#dialogProblem").queryLabeled().getText()).contains("jtech requested RA-" + draft.id());
        robot.interact(() -> {
            robot.lookup("#signUserField").queryTextInputControl().setText("mmanager");
            robot.lookup("#signPasswordField").queryTextInputControl().setText("not-the-password");
        });
        press(robot, "#signDialog", "Sign");
        assertThat(robot.lookup("#dialogProblem").queryLabeled().getText()).contains("do not match");
        press(robot, "#signDialog", "Cancel");
        assertThat(services.acceptances().signatures(draft.id())).isEmpty();

        signAs(robot, "mmanager", "Spare pumps ready");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.acceptances().signatures(draft.id()).size() == 1);
        signAs(robot, "cso", "VLAN 40 verified");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stored(draft.id()).storedState() == AcceptanceState.ACTIVE);

        assertThat(services.acceptances().signatures(draft.id())).extracting(AcceptanceSignature::role)
                .containsExactly(Role.HTM_MANAGER, Role.INFOSEC);
        assertThat(services.findings().find("ICU-PUMP-1", "CVE-2026-40001").orElseThrow().finding().statusValue())
                .isEqualTo(FindingStatus.RISK_ACCEPTED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#acceptanceDetail").queryTextInputControl().getText()
                .contains("For the role InfoSec/CISO: Approved by Casey Lee (InfoSec/CISO) on 2026-12-04 07:00:00 CST: VLAN 40 verified"));
        ListView<RiskAcceptance> expiring = robot.lookup("#expiringList").queryListView();
        assertThat(expiring.getItems()).isEmpty();
        assertThat(robot.lookup("#noAccountsBanner").query().isVisible()).isFalse();
    }

    @Test
    void expiringPanelListsAcceptanceEndingSoon(FxRobot robot) throws Exception {
        long pumpId = services.devices().findByAssetTag("ICU-PUMP-1").orElseThrow().id();
        RiskAcceptance request = services.acceptances().createDraft(AcceptanceFixtures.values(pumpId, List.of(),
                AcceptanceFixtures.today(), 1, 2, 1), TestSites.TECHNICIAN);
        services.acceptances().submit(request.id(), TestSites.TECHNICIAN);
        services.acceptances().sign(request.id(), "mmanager", AcceptanceFixtures.password("mmanager"),
                org.patchdesk.users.SignatureMeaning.APPROVED, null, null);

        fire(robot, "#refreshAcceptancesButton");

        ListView<RiskAcceptance> expiring = robot.lookup("#expiringList").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expiring.getItems().size() == 1);
        assertThat(expiring.getItems().get(0).id()).isEqualTo(request.id());
        assertThat(table(robot).getItems()).extracting(RiskAcceptance::id).containsExactly(request.id());
    }

    private RiskAcceptance draft() {
        long pumpId = services.devices().findByAssetTag(AcceptanceFixtures.ICU_TAG).orElseThrow().id();
        return services.acceptances().createDraft(AcceptanceFixtures.medium(pumpId, List.of(), AcceptanceFixtures.today()),
                TestSites.TECHNICIAN);
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryButton();
    }

    private static String tooltip(FxRobot robot, String id) {
        return button(robot, id).getTooltip().getText();
    }

    private void openForm(FxRobot robot) throws Exception {
        robot.clickOn("#newAcceptanceButton");
        waitFor(robot, "#acceptanceTitleField");
    }

    @Test
    void buttonsFollowSelectedAcceptanceState(FxRobot robot) throws Exception {
        RiskAcceptance draft = draft();
        fire(robot, "#refreshAcceptancesButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1);

        assertThat(button(robot, "#editAcceptanceButton").isDisabled()).isTrue();
        assertThat(tooltip(robot, "#printAcceptanceButton")).isEqualTo("Select a risk acceptance in the list first");

        robot.interact(() -> table(robot).getSelectionModel().select(0));

        for (String enabled : List.of("#editAcceptanceButton", "#submitAcceptanceButton", "#closeAcceptanceButton",
                "#printAcceptanceButton")) {
            assertThat(button(robot, enabled).isDisabled()).as(enabled).isFalse();
        }
        assertThat(button(robot, "#signAcceptanceButton").isDisabled()).isTrue();
        assertThat(tooltip(robot, "#signAcceptanceButton")).isEqualTo(draft.number() + " is draft and cannot be signed;"
                + " only submitted acceptances can");
        assertThat(button(robot, "#renewAcceptanceButton").isDisabled()).isTrue();
        assertThat(robot.lookup("#signAcceptanceButtonWrapper").<StackPane>query().getChildren())
                .containsExactly(button(robot, "#signAcceptanceButton"));

        robot.clickOn("#submitAcceptanceButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !button(robot, "#signAcceptanceButton").isDisabled());

        assertThat(button(robot, "#editAcceptanceButton").isDisabled()).isTrue();
        assertThat(button(robot, "#submitAcceptanceButton").isDisabled()).isTrue();
        assertThat(tooltip(robot, "#editAcceptanceButton")).isEqualTo(draft.number() + " is submitted and cannot be edited;"
                + " only draft acceptances can");
        assertThat(table(robot).getItems().get(0).storedState()).isEqualTo(AcceptanceState.SUBMITTED);
        assertThat(robot.lookup("#acceptancesTable").queryTableView().getItems()).hasSize(1);
    }

    @Test
    void scopeColumnUsesSingularForOne(FxRobot robot) throws Exception {
        draft();
        fire(robot, "#refreshAcceptancesButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1);

        TableView<RiskAcceptance> table = table(robot);
        Object scope = table.getColumns().get(table.getColumns().size() - 1).getCellData(0);

        assertThat(scope).isEqualTo("1 device with all findings");
        assertThat(AcceptancesView.scope(0, 1)).isEqualTo("1 chosen finding");
        assertThat(AcceptancesView.scope(2, 3)).isEqualTo("2 devices with all findings, and 3 chosen findings");
        assertThat(AcceptancesView.count(1, "day", "days")).isEqualTo("1 day");
        assertThat(AcceptancesView.count(2, "day", "days")).isEqualTo("2 days");
    }

    @Test
    void settingsDisabledForTechnicianWithReason(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#acceptanceRules").queryLabeled().getText().isEmpty());

        assertThat(button(robot, "#acceptanceSettingsButton").isDisabled()).isTrue();
        assertThat(tooltip(robot, "#acceptanceSettingsButton")).startsWith("Only an administrator can change the risk acceptance"
                + " settings.");
        assertThat(robot.lookup("#acceptanceRules").queryLabeled().getText()).startsWith("Rules: Residual risk (likelihood x severity):"
                + " low 1-7, medium 8-14, high 15-25.").contains("Maximum duration 12 months");
    }

    @Test
    void administratorChangesSettingsInDialog(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view = new AcceptancesView(services.acceptances(), tasks, dialogs, file -> { }, new Actor("kwong"), TestSites.CLOCK,
                    ReportSite.of("General Hospital"));
            stage.setScene(new Scene(view, 1200, 720));
            view.refresh();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !button(robot, "#acceptanceSettingsButton").isDisabled());

        robot.clickOn("#acceptanceSettingsButton");
        waitFor(robot, "#settingsMaxMonths");
        robot.interact(() -> robot.lookup("#settingsMaxMonths").queryTextInputControl().setText("40"));
        press(robot, "#acceptanceSettingsDialog", "Save settings");
        assertThat(robot.lookup("#settingsProblem").queryLabeled().getText())
                .isEqualTo("The maximum duration of a risk acceptance needs 1 to 36 months, not 40.");
        robot.interact(() -> {
            robot.lookup("#settingsMaxMonths").queryTextInputControl().setText("18");
            robot.lookup("#settingsApprover-low-infosec").<CheckBox>query().setSelected(true);
        });
        press(robot, "#acceptanceSettingsDialog", "Save settings");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#acceptanceRules").queryLabeled().getText()
                .contains("Maximum duration 18 months"));
        assertThat(services.acceptances().settings().maxMonths()).isEqualTo(18);
        assertThat(services.acceptances().settings().approversFor(RiskLevel.LOW)).containsExactly(Role.HTM_MANAGER, Role.INFOSEC);
    }

    @Test
    void formErrorNamesFieldAboveScrolledFields(FxRobot robot) throws Exception {
        openForm(robot);

        press(robot, "#acceptanceDialog", "Create draft");

        Label problem = robot.lookup("#dialogProblem").queryAs(Label.class);
        assertThat(problem.getText()).isEqualTo("Title: Enter a title for the risk acceptance.");
        assertThat(problem.isVisible()).isTrue();
        ScrollPane scroll = robot.lookup("#acceptanceDialogScroll").queryAs(ScrollPane.class);
        assertThat(problem.getParent()).isSameAs(scroll.getParent());
        assertThat(robot.lookup("#acceptanceTitleField").query().getStyleClass()).contains("invalid");

        robot.interact(() -> robot.lookup("#acceptanceTitleField").queryTextInputControl().setText("Pump"));
        press(robot, "#acceptanceDialog", "Create draft");

        assertThat(problem.getText()).startsWith("Reason: Choose the reason");
        assertThat(robot.lookup("#acceptanceTitleField").query().getStyleClass()).doesNotContain("invalid");
        press(robot, "#acceptanceDialog", "Cancel");
    }

    @Test
    void scopePickerFindsFindingsByCve(FxRobot robot) throws Exception {
        openForm(robot);
        robot.interact(() -> robot.lookup("#acceptanceCveSearch").queryTextInputControl().setText("40002"));
        fire(robot, "#acceptanceFindingSearchButton");

        ListView<ScopeFinding> found = robot.lookup("#acceptanceFindingResults").queryListView();
        assertThat(found.getItems()).extracting(ScopeFinding::assetTag).containsExactly(AcceptanceFixtures.ICU_TAG,
                AcceptanceFixtures.NICU_TAG);
        robot.interact(() -> robot.lookup("#acceptanceDeviceSearch").queryTextInputControl().setText("nicu"));
        fire(robot, "#acceptanceFindingSearchButton");
        assertThat(found.getItems()).extracting(ScopeFinding::assetTag).containsExactly(AcceptanceFixtures.NICU_TAG);
        robot.interact(() -> found.getSelectionModel().select(0));
        fire(robot, "#acceptanceAddFindingButton");

        ListView<FindingRef> chosen = robot.lookup("#acceptanceFindings").queryListView();
        assertThat(chosen.getItems()).extracting(FindingRef::label).containsExactly("NICU-PUMP-1 " + ControlFixtures.SECOND_CVE);
        press(robot, "#acceptanceDialog", "Cancel");
    }

    @Test
    void formWarnsAboutLapsingControlAndSubmitAsks(FxRobot robot) throws Exception {
        CompensatingControl lapsing = services.controls().create(new ControlValues("network-segmentation", "Pumps on VLAN 40", null,
                "Network team", LocalDate.of(2026, 11, 20), LocalDate.of(2027, 2, 1), null), TestSites.TECHNICIAN);
        openForm(robot);
        Label warnings = robot.lookup("#acceptanceControlWarnings").queryAs(Label.class);
        assertThat(warnings.isVisible()).isFalse();

        ListView<CompensatingControl> controls = robot.lookup("#acceptanceControls").queryListView();
        robot.interact(() -> controls.getSelectionModel().select(0));

        assertThat(warnings.isVisible()).isTrue();
        assertThat(warnings.getText()).startsWith("The control \"Pumps on VLAN 40\" is due for verification on 2027-02-01, before the"
                + " acceptance ends on 2027-06-03");
        robot.interact(() -> robot.lookup("#acceptanceMonthsField").<ComboBox<Integer>>query().setValue(1));
        assertThat(warnings.isVisible()).isFalse();
        press(robot, "#acceptanceDialog", "Cancel");

        long pumpId = services.devices().findByAssetTag(AcceptanceFixtures.ICU_TAG).orElseThrow().id();
        RiskAcceptance draft = services.acceptances().createDraft(AcceptanceFixtures.medium(pumpId, List.of(lapsing.id()),
                AcceptanceFixtures.today()), TestSites.TECHNICIAN);
        fire(robot, "#refreshAcceptancesButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        dialogs.answer(false);
        fire(robot, "#submitAcceptanceButton");

        assertThat(dialogs.shown()).hasSize(1);
        assertThat(dialogs.shown().get(0)).startsWith("Submit " + draft.number() + " with control warnings: The control \"Pumps on VLAN 40\"");
        assertThat(stored(draft.id()).storedState()).isEqualTo(AcceptanceState.DRAFT);

        dialogs.answer(true);
        fire(robot, "#submitAcceptanceButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stored(draft.id()).storedState() == AcceptanceState.SUBMITTED);
    }
}
