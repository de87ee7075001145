package org.patchdesk.playbooks.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.playbooks.Phase;
import org.patchdesk.playbooks.Playbook;
import org.patchdesk.playbooks.PlaybookStep;
import org.patchdesk.playbooks.PlaybookSummary;
import org.patchdesk.playbooks.Role;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PlaybooksViewTest {

    private static final String MONITORS = "Patient monitoring: vendor remote patching";

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        PlaybooksView view = new PlaybooksView(services.playbooks(), tasks, dialogs, TestSites.TECHNICIAN);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private static ListView<PlaybookSummary> list(FxRobot robot) {
        return robot.lookup("#playbookList").queryListView();
    }

    private static TreeTableView<PlaybooksView.StepRow> tree(FxRobot robot) {
        return robot.lookup("#stepTree").query();
    }

    private static void choose(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list(robot).getItems().size() >= 3);
        robot.interact(() -> list(robot).getSelectionModel().select(list(robot).getItems().stream()
                .filter(summary -> summary.name().equals(name)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> name.equals(shownName(robot)));
    }

    /** Returns the name of the playbook the view shows, or "" while it shows none. */
    private static String shownName(FxRobot robot) {
        return robot.lookup("#playbookName").tryQuery().map(node -> ((javafx.scene.control.Labeled) node).getText()).orElse("");
    }

    /** Returns the texts of the steps the tree shows under a phase, in order. */
    private static List<String> shownSteps(FxRobot robot, Phase phase) {
        TreeItem<PlaybooksView.StepRow> group = tree(robot).getRoot().getChildren().get(phase.ordinal());
        return group.getChildren().stream().map(item -> item.getValue().step().text()).toList();
    }

    private static PlaybookStep selectedStep(FxRobot robot) {
        TreeItem<PlaybooksView.StepRow> item = tree(robot).getSelectionModel().getSelectedItem();
        return item == null || item.getValue() == null ? null : item.getValue().step();
    }

    private Playbook stored(String name) {
        long id = services.playbooks().list().stream().filter(summary -> summary.name().equals(name)).findFirst().orElseThrow().id();
        return services.playbooks().get(id).orElseThrow();
    }

    @Test
    void addedStepCanBeMovedUp(FxRobot robot) throws Exception {
        choose(robot, MONITORS);
        assertThat(tree(robot).getRoot().getChildren().get(Phase.VERIFICATION.ordinal()).getValue().summary())
                .isEqualTo("5 steps, 45 min expected");

        robot.interact(() -> tree(robot).getSelectionModel().select(tree(robot).getRoot().getChildren().get(Phase.VERIFICATION.ordinal())));
        robot.clickOn("#addStepButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#stepText").tryQuery().isPresent());
        assertThat(robot.lookup("#stepPhase").<Phase>queryComboBox().getValue()).isEqualTo(Phase.VERIFICATION);
        robot.interact(() -> {
            robot.lookup("#stepRole").<Role>queryComboBox().setValue(Role.CLINICAL);
            robot.lookup("#stepText").queryTextInputControl().setText("Telemetry technician confirms every telemetry pack reports");
            robot.lookup("#stepMinutes").queryTextInputControl().setText("ten");
        });
        press(robot, "#stepDialog", "Add step");
        assertThat(robot.lookup("#dialogProblem").queryLabeled().getText())
                .isEqualTo("Expected minutes must be a whole number such as 15, or empty; 'ten' is not a number.");
        robot.interact(() -> robot.lookup("#stepMinutes").queryTextInputControl().setText("10"));
        press(robot, "#stepDialog", "Add step");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownSteps(robot, Phase.VERIFICATION).size() == 6);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> selectedStep(robot) != null);
        assertThat(shownSteps(robot, Phase.VERIFICATION)).last().isEqualTo("Telemetry technician confirms every telemetry pack reports");
        assertThat(selectedStep(robot).position()).isEqualTo(6);

        robot.clickOn("#moveStepUpButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownSteps(robot, Phase.VERIFICATION).get(4)
                .startsWith("Telemetry technician"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> selectedStep(robot) != null && selectedStep(robot).position() == 5);
        List<PlaybookStep> verification = stored(MONITORS).steps(Phase.VERIFICATION);
        assertThat(verification).extracting(PlaybookStep::position).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(verification.get(4).text()).startsWith("Telemetry technician");
        assertThat(verification.get(4).role()).isEqualTo(Role.CLINICAL);
        assertThat(verification.get(4).expectedMinutes()).isEqualTo(10);
        assertThat(verification.get(5).text()).startsWith("Confirm the remote access is disabled again");
        assertThat(tree(robot).getRoot().getChildren().get(Phase.VERIFICATION.ordinal()).getValue().summary())
                .isEqualTo("6 steps, 55 min expected");
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void newPlaybookIsDuplicatedAndDeleted(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list(robot).getItems().size() == 3);

        robot.clickOn("#newPlaybookButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#playbookNameField").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#playbookNameField").queryTextInputControl().setText(MONITORS.toUpperCase()));
        press(robot, "#playbookDialog", "Create playbook");
        assertThat(robot.lookup("#dialogProblem").queryLabeled().getText()).contains("already exists");
        robot.interact(() -> {
            robot.lookup("#playbookNameField").queryTextInputControl().setText("Anesthesia machines: vendor service visit");
            robot.lookup("#playbookDescriptionField").queryTextInputControl().setText("Vendor installs the update on site.");
            ComboBox<Object> type = robot.lookup("#playbookDeviceType").queryComboBox();
            assertThat(type.getItems()).containsExactly((Object) null);
        });
        press(robot, "#playbookDialog", "Create playbook");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Anesthesia machines: vendor service visit".equals(shownName(robot)));
        assertThat(list(robot).getItems()).hasSize(4);
        assertThat(list(robot).getSelectionModel().getSelectedItem().name()).isEqualTo("Anesthesia machines: vendor service visit");
        assertThat(robot.lookup("#playbookAppliesTo").queryLabeled().getText()).startsWith("Applies to: no device type or product.");

        dialogs.answer("Anesthesia machines: remote update");
        robot.clickOn("#duplicatePlaybookButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list(robot).getItems().size() == 5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Anesthesia machines: remote update".equals(shownName(robot)));
        assertThat(robot.lookup("#playbookDescription").queryLabeled().getText()).isEqualTo("Vendor installs the update on site.");

        dialogs.answer(true);
        robot.clickOn("#deletePlaybookButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list(robot).getItems().size() == 4);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#noPlaybookSelected").tryQuery().isPresent());
        assertThat(list(robot).getItems()).extracting(PlaybookSummary::name).doesNotContain("Anesthesia machines: remote update");
        assertThat(dialogs.shown()).containsExactly("Delete playbook: Delete the playbook 'Anesthesia machines: remote update' and its"
                + " 0 steps? The audit trail keeps the text of every step.");
    }
}
