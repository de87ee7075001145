package org.patchdesk.patchlog.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.patchlog.PatchDecision;
import org.patchdesk.patchlog.PatchLogFixtures;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The decision form once PatchDesk has user accounts: the approver signs with user name and password. */
@ExtendWith(ApplicationExtension.class)
class SignedDecisionDialogTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        PatchLogFixtures.seed(services);
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of()), "admin-pass-1".toCharArray(),
                new Actor("kim"));
        services.users().create(new NewUser("mlee", "Morgan Lee", null, Set.of(Role.HTM_MANAGER)), "manager-pass".toCharArray(),
                new Actor("kwong"));
        services.users().create(new NewUser("jtech", "Jordan Tech", null, Set.of(Role.HTM_TECHNICIAN)), "tech-pass-1".toCharArray(),
                new Actor("kwong"));
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        PatchLogView view = new PatchLogView(services.patchLog(), services.versionConflicts(), services.patchability(), tasks, dialogs,
                TestSites.TECHNICIAN, TestSites.CLOCK, () -> { });
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    @Test
    void managerSignsDecisionInForm(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#recordDecisionButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#decisionSignerUserName").tryQuery().isPresent());
        assertThat(robot.lookup("#decisionApprover").tryQuery()).isEmpty();
        assertThat(robot.lookup("#decisionRole").tryQuery()).isEmpty();
        assertThat(robot.lookup("#decisionDate").tryQuery()).isEmpty();
        robot.interact(() -> {
            robot.lookup("#decisionAssetTag").queryTextInputControl().setText("MON-1");
            robot.lookup("#decisionUpdate").queryTextInputControl().setText("IntelliVue M.00.04");
            robot.lookup("#decisionChoice").<PatchDecision.Choice>queryComboBox().setValue(PatchDecision.Choice.DEFER);
            robot.lookup("#decisionRationale").queryTextInputControl().setText("Wait for Philips validation");
            robot.lookup("#decisionSignerUserName").queryTextInputControl().setText("jtech");
            robot.lookup("#decisionSignerPassword").queryTextInputControl().setText("tech-pass-1");
        });

        press(robot, "#recordDecisionDialog", "Sign decision");
        assertThat(robot.lookup("#decisionProblem").queryLabeled().getText())
                .startsWith("User jtech (HTM technician) cannot sign a patch decision");
        assertThat(robot.lookup("#decisionSignerPassword").queryTextInputControl().getText()).isEmpty();
        assertThat(services.patchLog().decisions("")).isEmpty();

        robot.interact(() -> {
            robot.lookup("#decisionSignerUserName").queryTextInputControl().setText("mlee");
            robot.lookup("#decisionSignerPassword").queryTextInputControl().setText("manager-pass");
        });
        press(robot, "#recordDecisionDialog", "Sign decision");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#decisionTable").queryTableView().getItems().size() == 1);
        TableView<?> table = robot.lookup("#decisionTable").queryTableView();
        PatchDecision decision = (PatchDecision) table.getItems().get(0);
        assertThat(decision.subject()).isEqualTo("MON-1");
        assertThat(decision.decision()).isEqualTo(PatchDecision.Choice.DEFER);
        assertThat(decision.approverName()).isEqualTo("Morgan Lee");
        assertThat(decision.approverRole()).isEqualTo("HTM manager");
        assertThat(decision.recordedBy()).isEqualTo("jtech");
        assertThat(decision.signature().meaning()).isEqualTo(SignatureMeaning.APPROVED);
        assertThat(decision.signature().comment()).isEqualTo("Wait for Philips validation");
        assertThat(table.getColumns().get(6).getText()).isEqualTo("Signature");
        assertThat(table.getColumns().get(6).getCellData(0)).isEqualTo("Approved, signed by mlee on 2026-12-04 07:00");
        assertThat(dialogs.shown()).isEmpty();
    }
}
