package org.patchdesk.ui;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a document with the program the operating system associates with it. */
@FunctionalInterface
public interface DocumentOpener {

    /**
     * Opens the file; called off the JavaFX thread.
     *
     * @throws IOException when the file cannot be opened
     */
    void open(Path file) throws IOException;

    /** Returns an opener that opens files through java.awt.Desktop. */
    static DocumentOpener desktop() {
        return file -> {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                throw new IOException("This system cannot open files from PatchDesk; open " + file + " from the file manager");
            }
            Desktop.getDesktop().open(file.toFile());
        };
    }
}
