package org.patchdesk.ui;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Form dialogs that stay open, with the problem shown in the form, until what the user entered passes its check. */
public final class CheckedDialogs {

    private CheckedDialogs() {
    }

    /**
     * Shows {@code content} with an action button and Cancel. The action button runs {@code check},
     * which returns the value or throws IllegalArgumentException; its message goes into
     * {@code problem} and the dialog stays open.
     *
     * @return the checked value, or empty when the dialog was cancelled
     */
    public static <T> Optional<T> show(Window owner, String title, String id, Node content, String action, Label problem,
                                       Supplier<T> check) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setContent(content);
        ButtonType actionButton = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(actionButton, ButtonType.CANCEL);

        AtomicReference<T> checked = new AtomicReference<>();
        dialog.getDialogPane().lookupButton(actionButton).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                checked.set(check.get());
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage() + ".");
                event.consume();
            }
        });
        if (dialog.showAndWait().filter(actionButton::equals).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(checked.get());
    }
}
