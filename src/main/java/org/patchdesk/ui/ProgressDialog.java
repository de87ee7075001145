package org.patchdesk.ui;

import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/** A small modal window that shows a task's progress and message, with a Cancel button; it closes when the task ends. */
public final class ProgressDialog {

    private ProgressDialog() {
    }

    public static void show(Window owner, Task<?> task) {
        Stage stage = new Stage(StageStyle.UTILITY);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.titleProperty().bind(task.titleProperty());

        Label message = new Label();
        message.setId("progressMessage");
        message.textProperty().bind(task.messageProperty());
        message.setMinWidth(360);
        ProgressBar bar = new ProgressBar();
        bar.setId("progressBar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(task.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("progressCancelButton");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> {
            cancel.setDisable(true);
            message.textProperty().unbind();
            message.setText("Cancelling…");
            // Without interrupting: an interrupt would close H2's file channel under the running transaction.
            task.cancel(false);
        });
        HBox buttons = new HBox(cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox content = new VBox(10, message, bar, buttons);
        content.setPadding(new Insets(16));
        stage.setScene(new Scene(content));
        stage.setOnCloseRequest(event -> {
            event.consume();
            cancel.fire();
        });

        task.stateProperty().addListener((observable, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                stage.close();
            }
        });
        if (!task.isDone()) {
            stage.show();
        }
    }
}
