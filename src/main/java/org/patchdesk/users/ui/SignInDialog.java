package org.patchdesk.users.ui;

import java.util.Arrays;

import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.patchdesk.users.User;
import org.patchdesk.users.UserService;

/**
 * Asks for a user name and password and checks them. The result is the signed-in account, or
 * null when the user chose the other button ("Quit" at start, "Cancel" elsewhere).
 */
public final class SignInDialog extends Dialog<User> {

    private final TextField userName = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label problem = new Label();
    private User signedIn;

    /**
     * @param message    the text above the fields
     * @param cancelText the text of the button that gives up, such as "Quit"
     */
    public SignInDialog(UserService users, String title, String message, String initialUserName, String cancelText) {
        setTitle(title);
        getDialogPane().setId("signInDialog");
        userName.setId("signInUserName");
        userName.setText(initialUserName == null ? "" : initialUserName);
        password.setId("signInPassword");
        problem.setId("signInProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);

        Label text = new Label(message);
        text.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("User name"), userName);
        grid.addRow(1, new Label("Password"), password);
        VBox box = new VBox(10, text, grid, problem);
        box.setPrefWidth(420);
        getDialogPane().setContent(box);

        ButtonType signIn = new ButtonType("Sign in", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(cancelText, ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(signIn, cancel);
        getDialogPane().lookupButton(signIn).addEventFilter(ActionEvent.ACTION, event -> {
            char[] typed = password.getText().toCharArray();
            try {
                signedIn = users.authenticate(userName.getText(), typed);
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
                password.clear();
                event.consume();
            } finally {
                Arrays.fill(typed, '\0');
            }
        });
        setResultConverter(button -> button == signIn ? signedIn : null);
        setOnShown(event -> (userName.getText().isEmpty() ? userName : password).requestFocus());
    }
}
