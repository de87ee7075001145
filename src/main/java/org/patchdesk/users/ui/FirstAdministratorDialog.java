package org.patchdesk.users.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.patchdesk.common.Actor;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.User;
import org.patchdesk.users.UserService;

/**
 * Creates the administrator on the first start of a database without accounts. It cannot be
 * skipped: its only other button quits, and the result is then null.
 */
public final class FirstAdministratorDialog extends Dialog<User> {

    private User created;

    public FirstAdministratorDialog(UserService users, Actor operatingSystemUser) {
        setTitle("Create the administrator");
        getDialogPane().setId("firstAdministratorDialog");
        TextField userName = new TextField();
        userName.setId("adminUserName");
        TextField fullName = new TextField();
        fullName.setId("adminFullName");
        fullName.setPromptText("Printed name for records and signatures");
        TextField department = new TextField();
        department.setId("adminDepartment");
        department.setPromptText("Optional, e.g. Clinical Engineering");
        PasswordField password = new PasswordField();
        password.setId("adminPassword");
        password.setPromptText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        PasswordField repeated = new PasswordField();
        repeated.setId("adminPasswordRepeated");
        // Wide enough for the longest prompt text, so that the hints are not cut.
        for (TextField field : List.of(userName, fullName, department, password, repeated)) {
            field.setPrefColumnCount(26);
        }
        Label problem = new Label();
        problem.setId("adminProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);

        Label text = new Label("PatchDesk keeps user accounts so that every record shows who made it, and approvals are electronic"
                + " signatures. Create the administrator account first: the administrator adds the other users and gives them roles."
                + " Records made before now keep the operating-system user name " + operatingSystemUser.name() + ".");
        text.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("User name"), userName);
        grid.addRow(1, new Label("Full name"), fullName);
        grid.addRow(2, new Label("Department"), department);
        grid.addRow(3, new Label("Password"), password);
        grid.addRow(4, new Label("Repeat password"), repeated);
        VBox box = new VBox(10, text, grid, problem);
        box.setPrefWidth(520);
        getDialogPane().setContent(box);

        ButtonType create = new ButtonType("Create administrator", ButtonBar.ButtonData.OK_DONE);
        ButtonType quit = new ButtonType("Quit", ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(create, quit);
        getDialogPane().lookupButton(create).addEventFilter(ActionEvent.ACTION, event -> {
            char[] first = password.getText().toCharArray();
            char[] second = repeated.getText().toCharArray();
            try {
                if (!Arrays.equals(first, second)) {
                    throw new IllegalArgumentException("The two passwords differ; type the same password twice");
                }
                created = users.createFirstAdministrator(new NewUser(userName.getText(), fullName.getText(), department.getText(),
                        Set.of()), first, operatingSystemUser);
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem.setText(e.getMessage());
                event.consume();
            } finally {
                Arrays.fill(first, '\0');
                Arrays.fill(second, '\0');
            }
        });
        setResultConverter(button -> button == create ? created : null);
    }
}
