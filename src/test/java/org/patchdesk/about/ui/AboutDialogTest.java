package org.patchdesk.about.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchdesk.about.AboutFacts;
import org.patchdesk.about.BundledLibraries;
import org.patchdesk.about.BundledLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void showsVersionsFolderAndLibraries(FxRobot robot) throws Exception {
        Path folder = Path.of("/srv/patchdesk-data");
        Platform.runLater(() -> new AboutDialog(AboutFacts.of(folder), stage).show());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#aboutDialog").tryQuery().isPresent());

        assertThat(robot.lookup("#aboutDataFolder").queryTextInputControl().getText()).isEqualTo(folder.toString());
        assertThat(robot.lookup("#aboutJava").queryLabeled().getText()).startsWith(System.getProperty("java.version"));
        assertThat(robot.lookup("#aboutJavaFx").queryLabeled().getText()).startsWith("21");
        assertThat(robot.lookup("#aboutLicense").queryLabeled().getText()).contains("Apache License 2.0");
        TableView<BundledLibrary> libraries = robot.lookup("#aboutLibraries").queryTableView();
        assertThat(libraries.getItems()).isEqualTo(BundledLibraries.load());
        assertThat(libraries.getItems()).extracting(BundledLibrary::module).contains("com.h2database:h2", "org.openjfx:javafx-controls");

        press(robot, "#aboutDialog", "Close");
    }
}
