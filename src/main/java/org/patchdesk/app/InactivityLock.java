package org.patchdesk.app;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

import org.patchdesk.users.User;
import org.patchdesk.users.UserService;
import org.patchdesk.users.ui.SignInDialog;

/**
 * Locks the window after a time without keyboard or mouse input in any PatchDesk window. The lock
 * hides the window's content behind a pane that asks for the signed-in user's password, or lets
 * another user sign in. While locked, key presses outside that pane and shortcut keys are dropped,
 * so that menu accelerators do nothing. A dialog that is already open when the lock starts stays
 * open above it.
 */
final class InactivityLock {

    private final Node content;
    private final VBox pane = new VBox(12);
    private final Label who = new Label();
    private final PasswordField password = new PasswordField();
    private final Label problem = new Label();
    private final PauseTransition idle = new PauseTransition();
    private final Supplier<UserService> users;
    private final Supplier<User> signedIn;
    private final Consumer<User> onSwitch;
    // Read by tests off the JavaFX thread; set last, once the lock pane shows.
    private volatile boolean locked;

    /**
     * @param content  the window's content, hidden while locked
     * @param users    the accounts of the site database open now, which a restore replaces
     * @param onSwitch receives the account when another user signs in from the lock
     */
    InactivityLock(Node content, Supplier<UserService> users, Supplier<User> signedIn, Consumer<User> onSwitch) {
        this.content = content;
        this.users = users;
        this.signedIn = signedIn;
        this.onSwitch = onSwitch;
        buildPane();
        idle.setOnFinished(event -> lock());
        EventHandler<InputEvent> activity = event -> {
            if (!locked && idle.getDuration().greaterThan(Duration.ZERO)) {
                idle.playFromStart();
            }
        };
        Window.getWindows().forEach(window -> window.addEventFilter(InputEvent.ANY, activity));
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(window -> window.addEventFilter(InputEvent.ANY, activity));
            }
        });
    }

    /** Returns the pane to place above the content; it is hidden until the lock starts. */
    Node pane() {
        return pane;
    }

    /** Drops key events in {@code scene} while locked, except plain keys typed into the lock pane. */
    void guard(Scene scene) {
        scene.addEventFilter(KeyEvent.ANY, event -> {
            if (locked && (event.isShortcutDown() || event.isControlDown() || event.isAltDown() || event.isMetaDown()
                    || !inside(event.getTarget()))) {
                event.consume();
            }
        });
    }

    /** Sets the minutes without input before the lock starts; 0 turns it off. */
    void setMinutes(int minutes) {
        setIdleTime(minutes <= 0 ? Duration.ZERO : Duration.minutes(minutes));
    }

    /** Sets the time without input before the lock starts; {@link Duration#ZERO} turns it off. */
    void setIdleTime(Duration time) {
        idle.stop();
        idle.setDuration(time);
        if (time.greaterThan(Duration.ZERO) && !locked) {
            idle.playFromStart();
        }
    }

    boolean isLocked() {
        return locked;
    }

    void lock() {
        idle.stop();
        User user = signedIn.get();
        who.setText("Signed in as " + user.displayName() + ". Enter the password to continue, or sign in as another user.");
        problem.setText("");
        password.clear();
        content.setVisible(false);
        pane.setVisible(true);
        password.requestFocus();
        locked = true;
    }

    private void unlock() {
        locked = false;
        pane.setVisible(false);
        content.setVisible(true);
        password.clear();
        if (idle.getDuration().greaterThan(Duration.ZERO)) {
            idle.playFromStart();
        }
    }

    private void buildPane() {
        pane.setId("lockPane");
        pane.getStyleClass().add("lock-pane");
        pane.setAlignment(Pos.CENTER);
        pane.setVisible(false);
        Label title = new Label("PatchDesk is locked");
        title.getStyleClass().add("wizard-title");
        who.setId("lockUser");
        who.setWrapText(true);
        who.setMaxWidth(460);
        password.setId("unlockPassword");
        password.setMaxWidth(260);
        password.setOnAction(event -> tryUnlock());
        problem.setId("unlockProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(460);
        Button unlock = new Button("Unlock");
        unlock.setId("unlockButton");
        unlock.setDefaultButton(true);
        unlock.setOnAction(event -> tryUnlock());
        Button other = new Button("Sign in as another user…");
        other.setId("switchUserButton");
        other.setOnAction(event -> switchUser());
        pane.getChildren().setAll(title, who, password, unlock, other, problem);
    }

    private void tryUnlock() {
        char[] typed = password.getText().toCharArray();
        try {
            users.get().authenticate(signedIn.get().userName(), typed);
            unlock();
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            password.clear();
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    private void switchUser() {
        SignInDialog dialog = new SignInDialog(users.get(), "Sign in", "Sign in as another user. Changes from now on are recorded under"
                + " that user.", "", "Cancel");
        if (pane.getScene() != null) {
            dialog.initOwner(pane.getScene().getWindow());
        }
        AppIcon.apply(dialog);
        dialog.showAndWait().ifPresent(user -> {
            onSwitch.accept(user);
            unlock();
        });
    }

    private boolean inside(EventTarget target) {
        for (Node node = target instanceof Node start ? start : null; node != null; node = node.getParent()) {
            if (node == pane) {
                return true;
            }
        }
        return false;
    }
}
