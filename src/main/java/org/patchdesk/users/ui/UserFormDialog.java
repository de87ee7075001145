package org.patchdesk.users.ui;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.patchdesk.common.Actor;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.users.User;
import org.patchdesk.users.UserService;

/**
 * The administrator's forms for accounts: a new account with its roles and password, the roles of
 * an account, and a new password. Each stores its change when its button is pressed and keeps the
 * dialog open with the message when the service rejects the input.
 */
final class UserFormDialog {

    private UserFormDialog() {
    }

    /** Returns a dialog that creates an account; its result is the account, or null when cancelled. */
    static Dialog<User> add(UserService users, Actor actor) {
        Dialog<User> dialog = new Dialog<>();
        dialog.setTitle("Add user");
        dialog.getDialogPane().setId("addUserDialog");
        TextField userName = field("newUserName");
        TextField fullName = field("newUserFullName");
        fullName.setPromptText("Printed name for records and signatures");
        TextField department = field("newUserDepartment");
        PasswordField password = new PasswordField();
        password.setId("newUserPassword");
        password.setPromptText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        PasswordField repeated = new PasswordField();
        repeated.setId("newUserPasswordRepeated");
        Map<Role, CheckBox> roles = roleBoxes(Set.of());
        Label problem = problem();

        GridPane grid = grid();
        grid.addRow(0, new Label("User name"), userName);
        grid.addRow(1, new Label("Full name"), fullName);
        grid.addRow(2, new Label("Department"), department);
        grid.addRow(3, new Label("Roles"), new VBox(4, roles.values().toArray(CheckBox[]::new)));
        grid.addRow(4, new Label("Password"), password);
        grid.addRow(5, new Label("Repeat password"), repeated);
        dialog.getDialogPane().setContent(new VBox(10, grid, problem));

        ButtonType add = new ButtonType("Add user", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        User[] created = new User[1];
        dialog.getDialogPane().lookupButton(add).addEventFilter(ActionEvent.ACTION, event -> {
            char[] first = password.getText().toCharArray();
            char[] second = repeated.getText().toCharArray();
            try {
                requireSame(first, second);
                created[0] = users.create(new NewUser(userName.getText(), fullName.getText(), department.getText(), chosen(roles)), first,
                        actor);
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem.setText(e.getMessage());
                event.consume();
            } finally {
                Arrays.fill(first, '\0');
                Arrays.fill(second, '\0');
            }
        });
        dialog.setResultConverter(button -> button == add ? created[0] : null);
        return dialog;
    }

    /** Returns a dialog that replaces the roles of {@code user}; its result is the changed account, or null. */
    static Dialog<User> roles(UserService users, User user, Actor actor) {
        Dialog<User> dialog = new Dialog<>();
        dialog.setTitle("Roles of " + user.userName());
        dialog.getDialogPane().setId("userRolesDialog");
        Map<Role, CheckBox> roles = roleBoxes(user.roles());
        Label problem = problem();
        Label text = new Label("Roles of " + user.displayName() + ":");
        dialog.getDialogPane().setContent(new VBox(8, text, new VBox(4, roles.values().toArray(CheckBox[]::new)), problem));

        ButtonType save = new ButtonType("Save roles", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        User[] changed = new User[1];
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                changed[0] = users.setRoles(user.userName(), chosen(roles), actor);
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem.setText(e.getMessage());
                event.consume();
            }
        });
        dialog.setResultConverter(button -> button == save ? changed[0] : null);
        return dialog;
    }

    /**
     * Returns a dialog that sets a new password: the administrator's reset of another account, or
     * the user's own change, which asks for the current password too. Its result is true once saved.
     */
    static Dialog<Boolean> password(UserService users, User user, Actor actor, boolean own) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.setTitle(own ? "Change my password" : "Reset the password of " + user.userName());
        dialog.getDialogPane().setId("passwordDialog");
        PasswordField current = new PasswordField();
        current.setId("currentPassword");
        PasswordField password = new PasswordField();
        password.setId("resetPassword");
        password.setPromptText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        PasswordField repeated = new PasswordField();
        repeated.setId("resetPasswordRepeated");
        Label problem = problem();
        GridPane grid = grid();
        int row = 0;
        if (own) {
            grid.addRow(row++, new Label("Current password"), current);
        }
        grid.addRow(row++, new Label("New password"), password);
        grid.addRow(row, new Label("Repeat password"), repeated);
        dialog.getDialogPane().setContent(new VBox(10, grid, problem));

        ButtonType save = new ButtonType(own ? "Change password" : "Reset password", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            char[] old = current.getText().toCharArray();
            char[] first = password.getText().toCharArray();
            char[] second = repeated.getText().toCharArray();
            try {
                requireSame(first, second);
                if (own) {
                    users.changeOwnPassword(actor, old, first);
                } else {
                    users.resetPassword(user.userName(), first, actor);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem.setText(e.getMessage());
                event.consume();
            } finally {
                Arrays.fill(old, '\0');
                Arrays.fill(first, '\0');
                Arrays.fill(second, '\0');
            }
        });
        dialog.setResultConverter(button -> button == save);
        return dialog;
    }

    private static void requireSame(char[] first, char[] second) {
        if (!Arrays.equals(first, second)) {
            throw new IllegalArgumentException("The two passwords differ; type the same password twice");
        }
    }

    private static Map<Role, CheckBox> roleBoxes(Set<Role> checked) {
        Map<Role, CheckBox> boxes = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            CheckBox box = new CheckBox(role.label());
            box.setId("role-" + role.word());
            box.setSelected(checked.contains(role));
            boxes.put(role, box);
        }
        return boxes;
    }

    private static Set<Role> chosen(Map<Role, CheckBox> boxes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boxes.forEach((role, box) -> {
            if (box.isSelected()) {
                roles.add(role);
            }
        });
        return roles;
    }

    private static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        return field;
    }

    private static Label problem() {
        Label problem = new Label();
        problem.setId("userFormProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        return problem;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        return grid;
    }
}
