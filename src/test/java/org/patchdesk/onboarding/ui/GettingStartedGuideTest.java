package org.patchdesk.onboarding.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.governance.SiteSettings;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.NewUser;
import org.patchdesk.storage.DataFolderContents;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class GettingStartedGuideTest {

    private static final Actor ADMIN = new Actor("kwong");

    @TempDir
    static Path folder;

    private Path dataFolder;
    private Services services;
    private final List<String> started = new ArrayList<>();
    private GettingStartedGuide guide;

    @Start
    void start(Stage stage) throws Exception {
        dataFolder = Files.createDirectories(folder.resolve("data-" + System.nanoTime()));
        services = TestSites.open(dataFolder);
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of()), "correct horse battery".toCharArray(),
                new Actor("osuser"));
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        GettingStartedViewModel model = new GettingStartedViewModel(services.firstRun(), services.siteSettings(),
                () -> DataFolderContents.describe(dataFolder, Map.of()), ADMIN);
        guide = new GettingStartedGuide(model, new ScriptedDialogs(), new GettingStartedGuide.StartActions() {
            @Override
            public void importInventory() {
                started.add("import");
            }

            @Override
            public void openDemo() {
                started.add("demo");
            }
        }, stage);
        guide.show();
    }

    @AfterEach
    void close() {
        Platform.runLater(() -> guide.stage().hide());
        WaitForAsyncUtils.waitForFxEvents();
        services.close();
    }

    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryButton().fire());
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#guideStepTitle").queryLabeled().getText();
    }

    @Test
    void skippingEveryStepRecordsGuideDone(FxRobot robot) {
        assertThat(title(robot)).isEqualTo("Name your site");

        fire(robot, "#guideSkip");
        assertThat(title(robot)).isEqualTo("Where your data is kept");
        fire(robot, "#guideSkip");
        assertThat(title(robot)).isEqualTo("Start");
        assertThat(robot.lookup("#guideSkip").queryButton().getText()).isEqualTo("Close");
        fire(robot, "#guideSkip");

        assertThat(guide.stage().isShowing()).isFalse();
        assertThat(services.firstRun().completion()).isPresent();
        assertThat(services.firstRun().guideDue()).isFalse();
        assertThat(services.siteSettings().current()).isEqualTo(SiteSettings.DEFAULTS);
        assertThat(started).isEmpty();
    }

    @Test
    void siteNameIsSavedAndGuideMovesOn(FxRobot robot) {
        robot.interact(() -> robot.lookup("#guideSiteName").queryTextInputControl().setText("  St. Anne Medical Center "));

        fire(robot, "#guideNext");

        assertThat(services.siteSettings().current().name()).isEqualTo("St. Anne Medical Center");
        assertThat(title(robot)).isEqualTo("Where your data is kept");
        assertThat(services.firstRun().completion()).isEmpty();
    }

    @Test
    void blankSiteNameShowsProblemAndStays(FxRobot robot) {
        fire(robot, "#guideNext");

        assertThat(robot.lookup("#guideSiteProblem").queryLabeled().getText()).startsWith("The site name is required");
        assertThat(title(robot)).isEqualTo("Name your site");
    }

    @Test
    void dataFolderStepShowsFolderContentsAndBackups(FxRobot robot) {
        fire(robot, "#guideSkip");

        assertThat(robot.lookup("#guideDataFolder").queryTextInputControl().getText()).isEqualTo(dataFolder.toString());
        TableView<DataFolderContents.Entry> entries = robot.lookup("#guideDataFolderEntries").queryTableView();
        assertThat(entries.getItems()).extracting(DataFolderContents.Entry::name).contains("patchdesk.mv.db");
        assertThat(robot.lookup("#guideBackupFolder").queryLabeled().getText())
                .startsWith("PatchDesk backs up the site database at the first start of each day and before every import, into "
                        + dataFolder.resolve("backups") + ".");
    }

    @Test
    void openDemoRecordsGuideDoneAndOpensDemo(FxRobot robot) {
        fire(robot, "#guideSkip");
        fire(robot, "#guideSkip");

        fire(robot, "#guideDemo");

        assertThat(started).containsExactly("demo");
        assertThat(guide.stage().isShowing()).isFalse();
        assertThat(services.firstRun().completion()).isPresent();
    }

    @Test
    void importChoiceOpensImport(FxRobot robot) {
        fire(robot, "#guideSkip");
        fire(robot, "#guideSkip");

        fire(robot, "#guideImport");

        assertThat(started).containsExactly("import");
        assertThat(services.firstRun().completion()).isPresent();
    }

    @Test
    void enterOnDataStepMovesForward(FxRobot robot) {
        fire(robot, "#guideSkip");
        WaitForAsyncUtils.waitForFxEvents();

        robot.type(KeyCode.ENTER);

        assertThat(title(robot)).isEqualTo("Start");
    }

    @Test
    void backReturnsToSiteStep(FxRobot robot) {
        assertThat(robot.lookup("#guideBack").queryAs(Button.class).isDisabled()).isTrue();
        fire(robot, "#guideSkip");

        fire(robot, "#guideBack");

        assertThat(title(robot)).isEqualTo("Name your site");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#guideStepLabel").queryLabeled().getText()).isEqualTo("Step 1 of 3");
    }

    @Test
    void closingWindowRecordsGuideDone(FxRobot robot) throws Exception {
        robot.interact(() -> guide.stage().fireEvent(new javafx.stage.WindowEvent(guide.stage(),
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> services.firstRun().completion().isPresent());
        assertThat(started).isEmpty();
    }
}
