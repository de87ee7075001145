package org.patchdesk.windows.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.patchdesk.common.Actor;
import org.patchdesk.users.AuthenticationException;
import org.patchdesk.windows.PatchWindow;
import org.patchdesk.windows.WindowService;

/**
 * The form in which a clinical leader declines a window's approval by signing electronically with
 * their user name and password and the reason. Sign decline stores the signature. A problem is shown
 * in the form, which stays open; a wrong password is cleared.
 */
final class DeclineApprovalDialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d, yyyy HH:mm", Locale.US);

    private final WindowService windows;
    private final Actor actor;
    private final ZoneId zone;

    DeclineApprovalDialog(WindowService windows, Actor actor, ZoneId zone) {
        this.windows = windows;
        this.actor = actor;
        this.zone = zone;
    }

    /** Shows the form; returns true when the decline was signed and stored. */
    boolean show(Window owner, PatchWindow window) {
        TextField userName = new TextField();
        userName.setId("declineSignerUserName");
        userName.setPromptText("User name of the clinical leader");
        PasswordField password = new PasswordField();
        password.setId("declineSignerPassword");
        TextArea reason = new TextArea();
        reason.setId("declineReason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.setPromptText("Why the schedule is not approved, e.g. census too high this week; move after the 15th");
        Label problem = new Label();
        problem.setId("declineProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);

        Label note = new Label("Declines the approval of window " + window.id() + " \"" + window.title() + "\" starting "
                + WHEN.format(window.startsAt().atZone(zone)) + ". The window returns to proposed. The clinical leader signs with their"
                + " own user name and password; the record shows their printed name, the date and time, the meaning Rejected and the"
                + " reason.");
        note.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Clinical leader"), userName);
        grid.addRow(1, new Label("Password"), password);
        grid.addRow(2, new Label("Reason"), reason);
        Forms.keepLabels(grid);
        VBox box = new VBox(10, note, grid, problem);
        box.setPrefWidth(520);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Decline clinical approval");
        dialog.getDialogPane().setId("declineWindowDialog");
        dialog.getDialogPane().setContent(box);
        ButtonType sign = new ButtonType("Sign decline", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(sign, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(sign).addEventFilter(ActionEvent.ACTION, event -> {
            char[] typed = password.getText().toCharArray();
            try {
                windows.signDecline(window.id(), userName.getText(), typed, reason.getText(), actor);
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem.setText(e.getMessage());
                // A wrong password is typed again; after any other problem, the password stays for the corrected form.
                if (e instanceof AuthenticationException) {
                    password.clear();
                }
                event.consume();
            } finally {
                Arrays.fill(typed, '\0');
            }
        });
        return dialog.showAndWait().filter(sign::equals).isPresent();
    }
}
