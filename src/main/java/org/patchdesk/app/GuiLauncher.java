package org.patchdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import org.patchdesk.cli.CommandLineRunner;
import org.patchdesk.common.Actor;
import org.patchdesk.storage.DatabaseUnavailableException;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.FxDialogService;
import org.patchdesk.users.User;
import org.patchdesk.users.UserService;
import org.patchdesk.users.ui.FirstAdministratorDialog;
import org.patchdesk.users.ui.SignInDialog;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the JavaFX window on a data folder and returns when it is closed. */
public final class GuiLauncher {

    private static final Logger log = LoggerFactory.getLogger(GuiLauncher.class);

    private GuiLauncher() {
    }

    /** Opens the window and returns the process exit code once it closes. */
    public static int launch(Path folder, Clock clock) {
        Workspace workspace;
        Services site;
        try {
            workspace = Workspace.open(folder, clock);
        } catch (DatabaseUnavailableException e) {
            return startupFailed(e.getMessage());
        }
        try {
            site = workspace.openSite();
        } catch (DatabaseUnavailableException e) {
            workspace.close();
            return startupFailed(e.getMessage());
        }
        CountDownLatch closed = new CountDownLatch(1);
        BackgroundTasks tasks = new BackgroundTasks();
        MainWindow[] window = new MainWindow[1];
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                tasks.close();
                if (window[0] != null) {
                    window[0].closeDemo();
                }
                // A restore closes the site services that the window started with and opens others.
                Services open = window[0] == null ? site : window[0].site();
                open.close();
                workspace.close();
            }
        };
        // Closes the database when the process is stopped from outside (log-off, kill), rolling back unfinished work.
        Runtime.getRuntime().addShutdownHook(new Thread(release, "patchdesk-shutdown"));
        try {
            Platform.setImplicitExit(false);
            Platform.startup(() -> Thread.currentThread().setUncaughtExceptionHandler(GuiLauncher::uncaught));
            // A nested event loop inside the start-up runnable draws an empty window, so the sign-in waits for the next pulse.
            Platform.runLater(() -> {
                Optional<User> user = signIn(site.users());
                if (user.isEmpty()) {
                    log.info("No user signed in; PatchDesk quits");
                    closed.countDown();
                    return;
                }
                log.info("{} signed in", user.get().userName());
                Stage stage = new Stage();
                FxDialogService dialogs = new FxDialogService(() -> stage);
                window[0] = new MainWindow(stage, workspace, site, tasks, dialogs, Preferences.userNodeForPackage(GuiLauncher.class),
                        user.get());
                stage.setOnHidden(event -> closed.countDown());
                stage.show();
                if (site.firstRun().guideDue()) {
                    window[0].openGettingStarted();
                }
            });
            closed.await();
            return CommandLineRunner.EXIT_DONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandLineRunner.EXIT_FAILED;
        } finally {
            release.run();
            Platform.exit();
        }
    }

    /**
     * Asks for the administrator to create on a database without accounts, else for a user name and
     * password. Returns empty when the user quits instead.
     */
    private static Optional<User> signIn(UserService users) {
        if (!users.hasUsers()) {
            return AppIcon.apply(new FirstAdministratorDialog(users, Actor.operatingSystemUser())).showAndWait();
        }
        return AppIcon.apply(new SignInDialog(users, "Sign in to PatchDesk", "Sign in with your PatchDesk user name and password.", "",
                "Quit")).showAndWait();
    }

    private static void uncaught(Thread thread, Throwable error) {
        log.error("Unexpected error on {}", thread.getName(), error);
        Alert alert = new Alert(Alert.AlertType.ERROR, "Something unexpected went wrong: " + error
                + "\n\nYour data is safe; the last change may not have been saved. Details are in the log file.");
        alert.setHeaderText(null);
        alert.setTitle("PatchDesk");
        alert.show();
    }

    /** Tells the user why PatchDesk cannot start, in the console and, where a display exists, in a window. */
    private static int startupFailed(String message) {
        System.err.println(message);
        try {
            CountDownLatch shown = new CountDownLatch(1);
            Platform.startup(() -> {
            });
            // A nested event loop inside the start-up runnable draws an empty window, so the alert waits for the next pulse.
            Platform.runLater(() -> {
                Alert alert = AppIcon.apply(new Alert(Alert.AlertType.ERROR, message));
                alert.setTitle("PatchDesk cannot start");
                alert.setHeaderText(null);
                alert.showAndWait();
                shown.countDown();
            });
            shown.await();
            Platform.exit();
        } catch (RuntimeException | InterruptedException e) {
            log.debug("No window could show the startup error", e);
        }
        return CommandLineRunner.EXIT_DATABASE_UNAVAILABLE;
    }
}
