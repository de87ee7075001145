package org.patchdesk.governance.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SiteSettingsDialogTest {

    @TempDir
    static Path folder;

    private Services services;
    private ScriptedDialogs dialogs;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        dialogs = new ScriptedDialogs();
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void open(FxRobot robot) throws Exception {
        Platform.runLater(() -> new SiteSettingsDialog(services.siteSettings(), dialogs, TestSites.TECHNICIAN, stage).show());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#siteSettingsDialog").tryQuery().isPresent());
    }

    @Test
    void savesNameAndChosenLogo(FxRobot robot) throws Exception {
        Path logo = folder.resolve("logo.png");
        ImageIO.write(new BufferedImage(60, 20, BufferedImage.TYPE_INT_RGB), "png", logo.toFile());
        dialogs.answer(logo);
        open(robot);

        robot.interact(() -> robot.lookup("#siteName").queryAs(TextField.class).setText("St. Anne Medical Center"));
        robot.interact(() -> robot.lookup("#siteLogoChoose").queryButton().fire());
        press(robot, "#siteSettingsDialog", "Save");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#siteSettingsDialog").tryQuery()).isEmpty();
        assertThat(services.siteSettings().current().name()).isEqualTo("St. Anne Medical Center");
        assertThat(services.siteSettings().current().logo()).isEqualTo(logo.toAbsolutePath());
    }

    @Test
    void invalidLogoKeepsDialogOpen(FxRobot robot) throws Exception {
        open(robot);

        robot.interact(() -> robot.lookup("#siteLogo").queryAs(TextField.class).setText(folder.resolve("missing.png").toString()));
        press(robot, "#siteSettingsDialog", "Save");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#siteSettingsProblem").queryAs(Label.class).getText()).endsWith("missing.png does not exist.");
        assertThat(services.siteSettings().current().name()).isEqualTo("PatchDesk");
        press(robot, "#siteSettingsDialog", "Cancel");
    }
}
