package org.patchdesk.planning.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.YesNoUnknown;
import org.patchdesk.planning.Mds2Dao;
import org.patchdesk.planning.mds2.Mds2Suggestion;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class Mds2FormViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private int decided;

    @Start
    void start(Stage stage) throws Exception {
        Path files = Files.createDirectories(folder.resolve("files-" + System.nanoTime()));
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "EMS-1").set(DeviceField.MANUFACTURER,
                "Example Medical Systems").set(DeviceField.MODEL, "EMS-900"), TestSites.TECHNICIAN);
        long formId = services.mds2().importForm(TestSites.copyResource("/mds2/Example-MDS2-Worksheet-filled.xlsx", files),
                "Example Medical Systems", "EMS-900", "3.x", TestSites.TECHNICIAN).formId();
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        Mds2FormView view = new Mds2FormView(services.mds2(), tasks, dialogs, TestSites.MANAGER, formId);
        view.setOnDecided(() -> decided++);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        view.load();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private TreeTableView<Mds2FormView.Line> tree(FxRobot robot) {
        return robot.lookup("#mds2FormTree").query();
    }

    private TableView<Mds2Dao.SuggestionRow> suggestions(FxRobot robot) {
        return robot.lookup("#mds2SuggestionTable").queryTableView();
    }

    private static List<String> ids(TreeItem<Mds2FormView.Line> heading) {
        return heading.getChildren().stream().map(item -> item.getValue().id()).toList();
    }

    @Test
    void formIsGroupedBySection(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tree(robot).getRoot().getChildren().isEmpty());

        List<TreeItem<Mds2FormView.Line>> sections = tree(robot).getRoot().getChildren();

        assertThat(sections).hasSize(23).allSatisfy(heading -> {
            assertThat(heading.getValue().section()).isTrue();
            assertThat(heading.isExpanded()).isTrue();
        });
        assertThat(sections.get(0).getValue().id()).isEqualTo("DOC");
        assertThat(ids(sections.get(0))).startsWith("DOC-1", "DOC-2");
        TreeItem<Mds2FormView.Line> remote = sections.stream().filter(heading -> heading.getValue().id().equals("RMOT"))
                .findFirst().orElseThrow();
        assertThat(remote.getValue().question()).isEqualTo("REMOTE SERVICE (RMOT)");
        assertThat(remote.getChildren().get(0).getValue().answer()).isEqualTo("Yes");
        assertThat(robot.lookup("#mds2FormTitle").queryAs(Label.class).getText()).startsWith("Example Medical Systems EMS-900: MDS2 form"
                + " EMS-900-MDS2-r3 from Example-MDS2-Worksheet-filled.xlsx, software versions 3.x; imported by jtech on 2026-12-04");
        assertThat(robot.lookup("#mds2FormCount").queryAs(Label.class).getText()).isEqualTo("240 of 240 questions shown");
        assertThat(suggestions(robot).getItems()).hasSize(6);
    }

    @Test
    void searchKeepsMatchingQuestions(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tree(robot).getRoot().getChildren().isEmpty());

        robot.interact(() -> robot.lookup("#mds2FormSearch").queryTextInputControl().setText("rmot-1"));

        List<TreeItem<Mds2FormView.Line>> sections = tree(robot).getRoot().getChildren();
        assertThat(sections).singleElement().satisfies(heading -> {
            assertThat(heading.getValue().id()).isEqualTo("RMOT");
            assertThat(ids(heading)).isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("RMOT-1"));
        });

        robot.interact(() -> robot.lookup("#mds2FormSearch").queryTextInputControl().setText("no such words"));

        assertThat(tree(robot).getRoot().getChildren()).isEmpty();
        assertThat(robot.lookup("#mds2FormCount").queryAs(Label.class).getText()).isEqualTo("0 of 240 questions shown");
    }

    @Test
    void acceptedSuggestionIsAppliedAndShown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> suggestions(robot).getItems().size() == 6);
        assertThat(robot.lookup("#acceptSuggestionButton").queryButton().isDisabled()).isTrue();

        robot.interact(() -> {
            TableView<Mds2Dao.SuggestionRow> table = suggestions(robot);
            table.getSelectionModel().select(table.getItems().stream()
                    .filter(row -> row.topic().equals(Mds2Suggestion.Topic.REMOTE_SERVICE.name())).findFirst().orElseThrow());
        });
        robot.interact(() -> robot.lookup("#acceptSuggestionButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#mds2DecisionMessage").queryLabeled().getText().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> suggestions(robot).getItems().stream()
                .anyMatch(row -> row.decision().equals("accepted")));

        assertThat(robot.lookup("#mds2DecisionMessage").queryLabeled().getText())
                .endsWith("Vendor Remote Access set to Yes on 1 device.");
        assertThat(services.devices().findByAssetTag("EMS-1").orElseThrow().values()
                .get(DeviceField.VENDOR_REMOTE_ACCESS, YesNoUnknown.class)).isEqualTo(YesNoUnknown.YES);
        assertThat(decided).isEqualTo(1);
        robot.interact(() -> suggestions(robot).getSelectionModel().clearAndSelect(suggestions(robot).getItems().stream()
                .filter(row -> row.decision().equals("accepted")).findFirst().map(suggestions(robot).getItems()::indexOf).orElseThrow()));
        assertThat(robot.lookup("#rejectSuggestionButton").queryButton().isDisabled()).isTrue();
        assertThat(dialogs.shown()).isEmpty();
    }
}
