package org.patchdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Dialog;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The PatchDesk icon on windows. The window manager picks the size it needs for the title bar,
 * the task bar and the window switcher. The images are rendered from the SVG drawings in assets/icons.
 */
final class AppIcon {

    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    /** Loads the icon in every size, smallest first. */
    static List<Image> images() {
        List<Image> images = new ArrayList<>(SIZES.length);
        for (int size : SIZES) {
            String name = "/org/patchdesk/assets/icons/patchdesk-" + size + ".png";
            try (InputStream in = AppIcon.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("The application icon " + name + " is missing from the PatchDesk jar");
                }
                images.add(new Image(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the application icon " + name, e);
            }
        }
        return images;
    }

    /** Puts the icon on a stage. */
    static void apply(Stage stage) {
        stage.getIcons().setAll(images());
    }

    /** Puts the icon on a dialog that may open before any other window, such as the sign-in. */
    static <T extends Dialog<?>> T apply(T dialog) {
        apply((Stage) dialog.getDialogPane().getScene().getWindow());
        return dialog;
    }
}
