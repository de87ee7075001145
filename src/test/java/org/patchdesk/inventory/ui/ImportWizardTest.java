package org.patchdesk.inventory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.importing.RowCheck;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ImportWizardTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ImportWizardViewModel model;
    private ImportWizard wizard;
    private int importsSeen;

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        tasks = new BackgroundTasks();
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        model = new ImportWizardViewModel(services.inventoryImport(), tasks, ZoneId.of("America/Chicago"));
        wizard = new ImportWizard(stage, model, new NoDialogs(), TestSites.TECHNICIAN, false, () -> importsSeen++);
        wizard.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> wizard.close());
        tasks.close();
        services.close();
    }

    private void chooseFile(FxRobot robot, Path file) throws Exception {
        robot.clickOn("#wizardFileField").write(file.toString());
        robot.clickOn("#wizardNextButton");
        waitUntilRead();
    }

    private void waitUntilRead() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void mappingStepShowsDetectedHeaderAndCheckedRows(FxRobot robot) throws Exception {
        Path file = TestSites.copyResource("/import/cmms-messy.xlsx", folder);

        chooseFile(robot, file);

        assertThat(robot.lookup("#wizardStepTitle").queryAs(Label.class).getText()).isEqualTo("Check the columns");
        assertThat(model.previewProperty().get().headerRow().number()).isEqualTo(4);
        assertThat(model.mappingProperty().get().fieldOf(0)).isEqualTo(DeviceField.ASSET_TAG);
        TableView<RowCheck> preview = robot.lookup("#wizardPreviewTable").queryTableView();
        assertThat(preview.getItems()).extracting(RowCheck::outcome).containsExactly("New device", "New device", "New device",
                "New device", "Skipped: blank row", "Rejected", "Rejected", "Rejected", "Rejected", "New device", "Skipped: totals row");
    }

    @Test
    void importRunsAndShowsSummary(FxRobot robot) throws Exception {
        Path file = TestSites.copyResource("/import/cmms-messy.xlsx", folder);
        chooseFile(robot, file);

        robot.clickOn("#wizardImportButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.stepProperty().get() == ImportWizardViewModel.Step.SUMMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#wizardSummary").queryAs(Label.class).getText())
                .isEqualTo("Imported cmms-messy.xlsx: 5 added, 0 updated, 0 unchanged, 4 rejected (2 blank or totals rows skipped).");
        assertThat(robot.lookup("#rejectedRowsTable").queryTableView().getItems()).hasSize(4);
        assertThat(services.devices().count()).isEqualTo(5);
        assertThat(importsSeen).isEqualTo(1);
    }

    @Test
    void cancelledImportCanBeStartedAgain(FxRobot robot) throws Exception {
        StringBuilder csv = new StringBuilder("Asset Tag,Software Version\n");
        for (int i = 0; i < 30_000; i++) {
            csv.append("B-").append(i).append(",2.0\n");
        }
        Path big = folder.resolve("big-" + System.nanoTime() + ".csv");
        Files.writeString(big, csv.toString());
        chooseFile(robot, big);
        robot.clickOn("#wizardImportButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> model.runningProperty().get() != null
                && model.runningProperty().get().getProgress() > 0).get());

        robot.clickOn("#wizardCancelButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.stepProperty().get() == ImportWizardViewModel.Step.MAPPING);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#wizardError").queryAs(Label.class).getText()).isEqualTo("Import cancelled. Nothing was changed.");

        robot.clickOn("#wizardImportButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.stepProperty().get() == ImportWizardViewModel.Step.SUMMARY);

        assertThat(services.devices().count()).isEqualTo(30_000);
        assertThat(services.inventoryImport().history()).hasSize(1);
    }

    @Test
    void changedMappingChangesThePreview(FxRobot robot) throws Exception {
        Path file = TestSites.copyResource("/import/cmms-messy.xlsx", folder);
        chooseFile(robot, file);

        robot.interact(() -> model.setField(11, null));

        assertThat(model.checks()).extracting(RowCheck::outcome).containsExactly("New device", "New device", "New device",
                "New device", "Skipped: blank row", "New device", "Rejected", "Rejected", "Rejected", "New device", "Skipped: totals row");
    }

    @Test
    void importWithoutAssetTagColumnIsExplained(FxRobot robot) throws Exception {
        Path file = TestSites.copyResource("/import/cmms-messy.xlsx", folder);
        chooseFile(robot, file);
        robot.interact(() -> model.setField(0, null));

        robot.clickOn("#wizardImportButton");

        assertThat(robot.lookup("#wizardError").queryAs(Label.class).getText())
                .isEqualTo("No column is mapped to Asset Tag. Choose the column that holds the asset tag.");
        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.MAPPING);
    }

    @Test
    void workbookWithTwoSheetsAsksForTheSheet(FxRobot robot) throws Exception {
        Path file = TestSites.copyResource("/import/vendor-two-sheets.xlsx", folder);
        chooseFile(robot, file);

        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.SHEET);
        assertThat(model.sheetProperty().get()).isEqualTo("Vendor devices");
        robot.clickOn("#wizardNextButton");
        waitUntilRead();

        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.MAPPING);
        assertThat(model.sheetProperty().get()).isEqualTo("Vendor devices");
    }

    @Test
    void unreadableFileIsExplained(FxRobot robot) throws Exception {
        chooseFile(robot, folder.resolve("does-not-exist.xlsx"));

        assertThat(robot.lookup("#wizardError").queryAs(Label.class).getText()).endsWith("does not exist or is not a file");
        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.FILE);
    }

    /** Dialogs are not expected in these tests; any call fails the test. */
    private static final class NoDialogs implements DialogService {
        @Override
        public void showInformation(String title, String message) {
            throw new AssertionError(message);
        }

        @Override
        public void showError(String title, String message) {
            throw new AssertionError(message);
        }

        @Override
        public void showFailure(String title, String whatFailed, Throwable error) {
            throw new AssertionError(whatFailed, error);
        }

        @Override
        public boolean confirm(String title, String message, String action) {
            throw new AssertionError(message);
        }

        @Override
        public Optional<Integer> choose(String title, String message, List<String> actions) {
            throw new AssertionError(message);
        }

        @Override
        public Optional<String> askText(String title, String message, String initialText) {
            throw new AssertionError(message);
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
            throw new AssertionError(title);
        }

        @Override
        public List<Path> chooseFilesToOpen(String title, List<String> extensions) {
            throw new AssertionError(title);
        }

        @Override
        public Optional<Path> chooseFolder(String title) {
            throw new AssertionError(title);
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) {
            throw new AssertionError(title);
        }
    }
}
