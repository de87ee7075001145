package org.patchdesk.reports.department.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DepartmentSummaryDialogTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private DepartmentSummaryDialog dialog;

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        ControlFixtures.pump(services, "ICU-PUMP-1", "ICU");
        ControlFixtures.pump(services, "NICU-PUMP-1", "NICU");
        ControlFixtures.vulnerabilities(services);
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        dialog = new DepartmentSummaryDialog(services.departmentSummaries(), services.reportSite(), TestSites.TECHNICIAN, tasks, dialogs,
                opened::add, stage);
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private void openDialog(FxRobot robot) throws Exception {
        robot.interact(dialog::open);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#summaryDepartment").tryQuery().isPresent());
    }

    @Test
    void savedSummaryIsOpened(FxRobot robot) throws Exception {
        Path file = Files.createDirectories(folder.resolve("out-" + System.nanoTime())).resolve("nicu.pdf");
        openDialog(robot);
        ComboBox<String> department = robot.lookup("#summaryDepartment").queryComboBox();
        assertThat(department.getItems()).containsExactly("ICU", "NICU");

        robot.interact(() -> department.setValue("NICU"));
        dialogs.answer(file);
        press(robot, "#departmentSummaryDialog", DepartmentSummaryDialog.SAVE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> opened.contains(file));

        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("NICU: patching and device security").contains("NICU-PUMP-1").doesNotContain("ICU-PUMP-1 ");
        }
        assertThat(robot.lookup("#departmentSummaryDialog").tryQuery()).isEmpty();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void saveWithoutDepartmentAsksForOne(FxRobot robot) throws Exception {
        openDialog(robot);

        press(robot, "#departmentSummaryDialog", DepartmentSummaryDialog.SAVE);

        assertThat(robot.lookup("#summaryProblem").queryLabeled().getText()).isEqualTo("Choose a department.");
        assertThat(robot.lookup("#departmentSummaryDialog").tryQuery()).isPresent();
        press(robot, "#departmentSummaryDialog", "Cancel");
        assertThat(opened).isEmpty();
    }

    @Test
    void fileNameNamesDepartment() {
        assertThat(DepartmentSummaryDialog.fileName("Med/Surg 4 West")).isEqualTo("department-summary-med-surg-4-west.pdf");
    }
}
