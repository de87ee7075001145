package org.patchdesk.users.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.users.User;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dialogs of the first start and of signing in, on a real database. */
@ExtendWith(ApplicationExtension.class)
class SignInDialogsTest {

    @TempDir
    static Path folder;

    private Services services;

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void firstStartCreatesTheAdministrator(FxRobot robot) throws Exception {
        FirstAdministratorDialog[] shown = new FirstAdministratorDialog[1];
        robot.interact(() -> {
            shown[0] = new FirstAdministratorDialog(services.users(), new Actor("kim"));
            shown[0].show();
        });
        robot.interact(() -> {
            robot.lookup("#adminUserName").queryTextInputControl().setText("kwong");
            robot.lookup("#adminFullName").queryTextInputControl().setText("Kim Wong");
            robot.lookup("#adminPassword").queryTextInputControl().setText("admin-pass-1");
            robot.lookup("#adminPasswordRepeated").queryTextInputControl().setText("admin-pass-2");
        });
        press(robot, "#firstAdministratorDialog", "Create administrator");

        assertThat(robot.lookup("#adminProblem").queryLabeled().getText())
                .isEqualTo("The two passwords differ; type the same password twice");
        assertThat(services.users().hasUsers()).isFalse();

        robot.interact(() -> robot.lookup("#adminPasswordRepeated").queryTextInputControl().setText("admin-pass-1"));
        press(robot, "#firstAdministratorDialog", "Create administrator");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !shown[0].isShowing());
        User created = shown[0].getResult();
        assertThat(created.userName()).isEqualTo("kwong");
        assertThat(created.roles()).containsExactly(Role.ADMINISTRATOR);
        assertThat(services.users().authenticate("kwong", "admin-pass-1".toCharArray()).fullName()).isEqualTo("Kim Wong");
    }

    @Test
    void quittingTheFirstStartCreatesNothing(FxRobot robot) throws Exception {
        FirstAdministratorDialog[] shown = new FirstAdministratorDialog[1];
        robot.interact(() -> {
            shown[0] = new FirstAdministratorDialog(services.users(), new Actor("kim"));
            shown[0].show();
        });

        press(robot, "#firstAdministratorDialog", "Quit");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !shown[0].isShowing());
        assertThat(shown[0].getResult()).isNull();
        assertThat(services.users().hasUsers()).isFalse();
    }

    @Test
    void signInNeedsTheRightPassword(FxRobot robot) throws Exception {
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of()), "admin-pass-1".toCharArray(),
                new Actor("kim"));
        SignInDialog[] shown = new SignInDialog[1];
        robot.interact(() -> {
            shown[0] = new SignInDialog(services.users(), "Sign in to PatchDesk", "Sign in.", "", "Quit");
            shown[0].show();
        });
        robot.interact(() -> {
            robot.lookup("#signInUserName").queryTextInputControl().setText("kwong");
            robot.lookup("#signInPassword").queryTextInputControl().setText("admin-pass-2");
        });
        press(robot, "#signInDialog", "Sign in");

        assertThat(robot.lookup("#signInProblem").queryLabeled().getText())
                .isEqualTo("The user name kwong and this password do not match; check both and try again");
        assertThat(shown[0].isShowing()).isTrue();

        robot.interact(() -> robot.lookup("#signInPassword").queryTextInputControl().setText("admin-pass-1"));
        press(robot, "#signInDialog", "Sign in");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !shown[0].isShowing());
        assertThat(shown[0].getResult().userName()).isEqualTo("kwong");
    }
}
