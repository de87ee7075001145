package org.patchdesk.windows.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.windows.CabStatus;
import org.patchdesk.windows.PatchWindow;
import org.patchdesk.windows.WindowDraft;
import org.patchdesk.windows.WindowStatus;
import org.patchdesk.windows.WindowType;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The approval dialog once PatchDesk has user accounts: the clinical leader signs with user name and password. */
@ExtendWith(ApplicationExtension.class)
class SignedApprovalDialogTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private long windowId;

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        Device pump = services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "PUMP-0001").set(DeviceField.DEVICE_TYPE,
                "Infusion pump").set(DeviceField.DEPARTMENT, "ICU"), TestSites.TECHNICIAN);
        windowId = services.windows().create(new WindowDraft("ICU pumps", LocalDateTime.of(2026, 12, 9, 22, 0).atZone(CHICAGO).toInstant(),
                LocalDateTime.of(2026, 12, 10, 1, 0).atZone(CHICAGO).toInstant(), "ICU", null, WindowType.ROUTINE, null,
                List.of(new WindowDraft.Planned(pump.id(), 20)), null, CabStatus.NOT_SUBMITTED, null), TestSites.TECHNICIAN);
        services.windows().submitForApproval(windowId, TestSites.TECHNICIAN);
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of(Role.HTM_MANAGER)),
                "admin-pass-1".toCharArray(), new Actor("kim"));
        services.users().create(new NewUser("dreyes", "Dana Reyes, RN", "ICU", Set.of(Role.CLINICAL_LEADER)), "leader-pass".toCharArray(),
                new Actor("kwong"));
        tasks = new BackgroundTasks();
        WindowCalendarView view = new WindowCalendarView(services.windows(), services.windowRules(), services.windowCalendar(),
                services.playbooks(), services.workOrders(), services.patchLog(), services.validationRequests(), tasks, new ScriptedDialogs(),
                file -> { }, new Actor("kwong"), TestSites.CLOCK, () -> { });
        stage.setScene(new Scene(view, 1240, 780));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    @Test
    void clinicalLeaderSignsTheApproval(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#openWindowsList").queryListView().getItems().size() == 1);
        robot.interact(() -> robot.lookup("#openWindowsList").queryListView().getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#approveWindowButton").tryQuery().isPresent());

        robot.clickOn("#approveWindowButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#approveWindowDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#approverRole").tryQuery()).isEmpty();
        robot.interact(() -> {
            robot.lookup("#signerUserName").queryTextInputControl().setText("dreyes");
            robot.lookup("#signerPassword").queryTextInputControl().setText("not-her-password");
            robot.lookup("#approvalConditions").queryTextInputControl().setText("Keep one pump on standby per bed");
        });
        press(robot, "#approveWindowDialog", "Sign approval");

        assertThat(robot.lookup("#approvalProblem").queryLabeled().getText())
                .isEqualTo("The user name dreyes and this password do not match; check both and try again");
        assertThat(robot.lookup("#signerPassword").queryTextInputControl().getText()).isEmpty();
        assertThat(services.windows().find(windowId).orElseThrow().status()).isEqualTo(WindowStatus.AWAITING_APPROVAL);

        robot.interact(() -> robot.lookup("#signerPassword").queryTextInputControl().setText("leader-pass"));
        press(robot, "#approveWindowDialog", "Sign approval");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.windows().find(windowId).orElseThrow().status()
                == WindowStatus.APPROVED);
        PatchWindow approved = services.windows().find(windowId).orElseThrow();
        assertThat(approved.approval().name()).isEqualTo("Dana Reyes, RN");
        assertThat(approved.approval().role()).isEqualTo("Clinical leader, ICU");
        assertThat(approved.approval().conditions()).isEqualTo("Keep one pump on standby per bed");
        assertThat(services.windows().signatures(windowId)).singleElement().satisfies(signature -> {
            assertThat(signature.userName()).isEqualTo("dreyes");
            assertThat(signature.comment()).isEqualTo("Keep one pump on standby per bed");
        });
    }
    @Test
    void clinicalLeaderSignsDecline(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#openWindowsList").queryListView().getItems().size() == 1);
        robot.interact(() -> robot.lookup("#openWindowsList").queryListView().getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#declineWindowButton").tryQuery().isPresent());

        robot.clickOn("#declineWindowButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#declineWindowDialog").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#declineSignerUserName").queryTextInputControl().setText("dreyes");
            robot.lookup("#declineSignerPassword").queryTextInputControl().setText("leader-pass");
        });
        press(robot, "#declineWindowDialog", "Sign decline");
        assertThat(robot.lookup("#declineProblem").queryLabeled().getText())
                .isEqualTo("Enter why the window is not approved; the reason is part of the signature");
        assertThat(robot.lookup("#declineSignerPassword").queryTextInputControl().getText())
                .as("only a wrong password is cleared").isEqualTo("leader-pass");

        robot.interact(() -> robot.lookup("#declineReason").queryTextInputControl().setText("Census too high this week"));
        press(robot, "#declineWindowDialog", "Sign decline");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.windows().find(windowId).orElseThrow().status()
                == WindowStatus.PROPOSED);
        assertThat(services.windows().signatures(windowId)).singleElement().satisfies(signature -> {
            assertThat(signature.meaning()).isEqualTo(SignatureMeaning.REJECTED);
            assertThat(signature.comment()).isEqualTo("Census too high this week");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#openWindowsList").queryListView().getItems().size() == 1
                && listText(robot).contains("Approval declined"));
        assertThat(listText(robot)).endsWith("Proposed, 1 device, ICU\nApproval declined: Census too high this week");
    }

    private static String listText(FxRobot robot) {
        return robot.lookup("#openWindowsList .list-cell").queryAll().stream()
                .map(cell -> ((javafx.scene.control.ListCell<?>) cell).getText()).filter(text -> text != null).findFirst().orElse("");
    }
}
