package org.patchdesk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The dialogs views open, behind one interface so that views can be tested without windows.
 * Messages are plain sentences for the user; details such as stack traces go to the log only.
 */
public interface DialogService {

    void showInformation(String title, String message);

    void showError(String title, String message);

    /** Shows an unexpected failure: a plain message here, the exception in the log. */
    void showFailure(String title, String whatFailed, Throwable error);

    /** Asks for confirmation; {@code action} names the button that goes ahead, such as "Delete 3 devices". */
    boolean confirm(String title, String message, String action);

    /** Asks to choose one of several actions; returns the index of the chosen action, or empty when cancelled. */
    Optional<Integer> choose(String title, String message, List<String> actions);

    Optional<String> askText(String title, String message, String initialText);

    Optional<Path> chooseFileToOpen(String title, List<String> extensions);

    /** Asks for a file to open, starting in {@code folder} when it exists; returns empty when cancelled. */
    default Optional<Path> chooseFileToOpen(String title, List<String> extensions, Path folder) {
        return chooseFileToOpen(title, extensions);
    }

    /** Asks for one or more files to open; returns an empty list when cancelled. */
    List<Path> chooseFilesToOpen(String title, List<String> extensions);

    /** Asks for a folder; returns empty when cancelled. */
    Optional<Path> chooseFolder(String title);

    Optional<Path> chooseFileToSave(String title, String suggestedName, String extension);
}
