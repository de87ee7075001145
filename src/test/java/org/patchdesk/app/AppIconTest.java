package org.patchdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The application icon: every rendered size is in the jar and reaches windows and dialogs. */
@ExtendWith(ApplicationExtension.class)
class AppIconTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void everySizeLoadsAtItsOwnSize() {
        List<Image> images = AppIcon.images();

        assertThat(images).hasSize(AppIcon.SIZES.length);
        for (int i = 0; i < images.size(); i++) {
            Image image = images.get(i);
            assertThat(image.isError()).as("icon %d px", AppIcon.SIZES[i]).isFalse();
            assertThat(image.getWidth()).as("width of icon %d px", AppIcon.SIZES[i]).isEqualTo(AppIcon.SIZES[i]);
            assertThat(image.getHeight()).as("height of icon %d px", AppIcon.SIZES[i]).isEqualTo(AppIcon.SIZES[i]);
        }
    }

    @Test
    void startupDialogCarriesTheIcon(FxRobot robot) {
        AtomicReference<List<Image>> icons = new AtomicReference<>();
        robot.interact(() -> {
            Alert alert = AppIcon.apply(new Alert(Alert.AlertType.ERROR, "The data folder is in use."));
            icons.set(List.copyOf(((Stage) alert.getDialogPane().getScene().getWindow()).getIcons()));
        });

        assertThat(icons.get()).extracting(Image::getWidth).containsExactly(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0);
    }
}
