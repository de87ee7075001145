package org.patchdesk.users.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import org.patchdesk.common.Actor;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;
import org.patchdesk.users.Role;
import org.patchdesk.users.User;
import org.patchdesk.users.UserService;

/**
 * The administrators' screen of user accounts: the accounts with their roles, and actions to add a
 * user, change roles, reset a password, deactivate or reactivate an account, and set the minutes
 * of inactivity after which the window locks.
 */
public final class UsersView extends BorderPane {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.US);

    private final UserService users;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final IntConsumer onLockChanged;
    private final Runnable onAccountsChanged;
    private final TableView<User> table = new TableView<>();
    private final TextField lockMinutes = new TextField();

    /**
     * Creates the view; {@code onLockChanged} receives the new lock minutes after they are saved, and
     * {@code onAccountsChanged} runs after an account is added or changed.
     */
    public UsersView(UserService users, BackgroundTasks tasks, DialogService dialogs, Actor actor, ZoneId zone, IntConsumer onLockChanged,
                     Runnable onAccountsChanged) {
        this.users = users;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.onLockChanged = onLockChanged;
        this.onAccountsChanged = onAccountsChanged;
        setId("usersView");

        table.setId("usersTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.getColumns().setAll(List.of(
                TableColumns.text("User", 120, User::userName),
                TableColumns.text("Full name", 180, User::fullName),
                TableColumns.text("Department", 160, user -> user.department() == null ? "" : user.department()),
                TableColumns.text("Roles", 300, user -> Role.labels(user.roles())),
                TableColumns.text("Active", 70, user -> user.active() ? "yes" : "no"),
                TableColumns.text("Password changed", 130, user -> DATE.format(user.passwordChangedAt().atZone(zone)))));
        table.setPlaceholder(new Label("No user accounts."));

        Button add = button("Add user…", "addUserButton", this::addUser);
        Button roles = button("Set roles…", "setRolesButton", () -> selected(this::setRoles));
        Button reset = button("Reset password…", "resetPasswordButton", () -> selected(this::resetPassword));
        Button active = button("Deactivate / reactivate…", "toggleActiveButton", () -> selected(this::toggleActive));
        roles.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reset.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        active.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        setTop(new ToolBar(add, roles, reset, active));
        setCenter(table);

        lockMinutes.setId("lockMinutes");
        lockMinutes.setPrefColumnCount(4);
        Button saveLock = button("Save", "saveLockButton", this::saveLock);
        HBox lock = new HBox(8, new Label("Lock the window after"), lockMinutes, new Label("minutes without input (0 = never)"), saveLock);
        lock.setPadding(new Insets(8));
        lock.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setBottom(lock);
    }

    /** Reloads the accounts and the lock setting. */
    public void refresh() {
        tasks.submit("Reading user accounts", monitor -> new Loaded(users.list(), users.lockAfterMinutes()), loaded -> {
            User selected = table.getSelectionModel().getSelectedItem();
            table.getItems().setAll(loaded.users());
            if (selected != null) {
                loaded.users().stream().filter(user -> user.id() == selected.id()).findFirst()
                        .ifPresent(user -> table.getSelectionModel().select(user));
            }
            lockMinutes.setText(Integer.toString(loaded.lockMinutes()));
        }, error -> dialogs.showFailure("Users not loaded", "Reading the user accounts failed.", error));
    }

    private record Loaded(List<User> users, int lockMinutes) {
    }

    public TableView<User> table() {
        return table;
    }

    /** Returns the dialog in which the signed-in user changes their own password; its result is true once changed. */
    public static Dialog<Boolean> passwordDialog(UserService users, User user, Actor actor) {
        return UserFormDialog.password(users, user, actor, true);
    }

    private void addUser() {
        show(UserFormDialog.add(users, actor)).ifPresent(user -> accountsChanged());
    }

    private void setRoles(User user) {
        show(UserFormDialog.roles(users, user, actor)).ifPresent(changed -> accountsChanged());
    }

    private void resetPassword(User user) {
        show(UserFormDialog.password(users, user, actor, false)).filter(Boolean::booleanValue).ifPresent(saved -> {
            onAccountsChanged.run();
            dialogs.showInformation("Password reset", "The password of " + user.userName() + " is reset. Tell them the new"
                    + " password in person, and ask them to change it under Account, Change my password.");
        });
    }

    private void toggleActive(User user) {
        String verb = user.active() ? "Deactivate" : "Reactivate";
        String message = user.active() ? "Deactivate " + user.displayName() + "? The account can no longer sign in or sign; its"
                + " records and signatures stay." : "Reactivate " + user.displayName() + "? The account can sign in again.";
        if (!dialogs.confirm(verb + " user", message, verb + " " + user.userName())) {
            return;
        }
        try {
            if (user.active()) {
                users.deactivate(user.userName(), actor);
            } else {
                users.reactivate(user.userName(), actor);
            }
            onAccountsChanged.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            dialogs.showError(verb + " failed", e.getMessage());
        }
        refresh();
    }

    private void accountsChanged() {
        onAccountsChanged.run();
        refresh();
    }

    private void saveLock() {
        try {
            int minutes = Integer.parseInt(lockMinutes.getText().strip());
            users.setLockAfterMinutes(minutes, actor);
            onLockChanged.accept(minutes);
            dialogs.showInformation("Lock saved", minutes == 0 ? "The window no longer locks by itself."
                    : "The window locks after " + minutes + " minutes without input.");
        } catch (NumberFormatException e) {
            dialogs.showError("Lock not saved", "Enter the minutes as a whole number, such as 15; '" + lockMinutes.getText()
                    + "' is not one.");
        } catch (IllegalArgumentException | IllegalStateException e) {
            dialogs.showError("Lock not saved", e.getMessage());
        }
    }

    private void selected(java.util.function.Consumer<User> action) {
        User user = table.getSelectionModel().getSelectedItem();
        if (user != null) {
            action.accept(user);
        }
    }

    private <T> java.util.Optional<T> show(Dialog<T> dialog) {
        Window owner = getScene() == null ? null : getScene().getWindow();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait();
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }
}
