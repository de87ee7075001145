package org.patchdesk.acceptance.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
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
import org.patchdesk.controls.DeviceRef;
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

    @Start
    void start(Stage stage) {
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
                .isEqualTo("The reason \"other\" needs a description of the reason.");
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
                .contains("Approved by Casey Lee (InfoSec/CISO) on 2026-12-04 07:00:00 CST: VLAN 40 verified, for the role InfoSec/CISO"));
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
}
