package org.patchdesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shows dialogs as JavaFX alerts and file choosers, owned by the application window. */
public final class FxDialogService implements DialogService {

    private static final Logger log = LoggerFactory.getLogger(FxDialogService.class);

    private final Supplier<Window> owner;
    private Path lastFolder;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showFailure(String title, String whatFailed, Throwable error) {
        log.error("{}", whatFailed, error);
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        alert(Alert.AlertType.ERROR, title, whatFailed + "\n\n" + reason + "\n\nDetails are in the log file.").showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String action) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(go, ButtonType.CANCEL);
        // Enter must not confirm a deletion or an undo by accident, so Cancel is the default button.
        ((Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    @Override
    public Optional<Integer> choose(String title, String message, List<String> actions) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        List<ButtonType> buttons = new ArrayList<>();
        for (String action : actions) {
            buttons.add(new ButtonType(action, ButtonBar.ButtonData.OTHER));
        }
        List<ButtonType> all = new ArrayList<>(buttons);
        all.add(ButtonType.CANCEL);
        alert.getButtonTypes().setAll(all);
        return alert.showAndWait().map(buttons::indexOf).filter(index -> index >= 0);
    }

    @Override
    public Optional<String> askText(String title, String message, String initialText) {
        TextInputDialog dialog = new TextInputDialog(initialText);
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(message);
        return dialog.showAndWait().map(String::strip).filter(text -> !text.isEmpty());
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
        FileChooser chooser = chooser(title, extensions);
        File file = chooser.showOpenDialog(owner.get());
        return remember(file);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<String> extensions, Path folder) {
        FileChooser chooser = chooser(title, extensions);
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public List<Path> chooseFilesToOpen(String title, List<String> extensions) {
        List<File> files = chooser(title, extensions).showOpenMultipleDialog(owner.get());
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        remember(files.get(0));
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        File folder = chooser.showDialog(owner.get());
        if (folder == null) {
            return Optional.empty();
        }
        lastFolder = folder.toPath().toAbsolutePath();
        return Optional.of(folder.toPath());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) {
        FileChooser chooser = chooser(title, List.of(extension));
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner.get());
        return remember(file).map(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension)
                ? path : path.resolveSibling(path.getFileName() + "." + extension));
    }

    private FileChooser chooser(String title, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        List<String> patterns = extensions.stream().map(extension -> "*." + extension).toList();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", patterns), patterns));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*.*"));
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.toPath().toAbsolutePath().getParent();
        return Optional.of(file.toPath());
    }

    private static final double MESSAGE_WIDTH = 560;
    /** Lines longer than this many characters are wrapped at {@link #MESSAGE_WIDTH}; an estimate of what fits. */
    private static final int WRAP_AFTER_CHARACTERS = 80;

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(null);
        Label content = new Label(message);
        content.setWrapText(true);
        content.setMaxWidth(MESSAGE_WIDTH);
        // The dialog sizes itself to the label's unwrapped width, so a long line needs a preferred width to wrap at.
        if (message.lines().anyMatch(line -> line.length() > WRAP_AFTER_CHARACTERS)) {
            content.setPrefWidth(MESSAGE_WIDTH);
        }
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        return alert;
    }
}
