package org.patchdesk.settings.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.patchdesk.common.Actor;
import org.patchdesk.common.OperationCancelledException;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.ProgressDialog;
import org.patchdesk.ui.Work;
import org.patchdesk.ui.WrappingText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Settings dialog: a list of pages on the left and the selected page on the right. Save checks
 * every changed page and saves nothing while one has a problem; then it saves each changed page
 * with its own service call, off the JavaFX thread with a progress window. Cancel discards the
 * changes. A page the user may not change is shown disabled, with a line saying who may.
 */
public final class SettingsDialog {

    private static final Logger log = LoggerFactory.getLogger(SettingsDialog.class);
    private static final double TEXT_WIDTH = 600;

    private final List<SettingsPage> pages;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final Window owner;
    private final Map<SettingsPage, Frame> frames = new LinkedHashMap<>();
    private final ListView<SettingsPage> list = new ListView<>();
    private final Label status = WrappingText.wrap(new Label(), 820);
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    /** The title, the line saying who may change a read-only page, and the page's problems above its fields. */
    private record Frame(VBox node, Label readOnly, Label problems, boolean editable) {
    }

    /** The pages saved, with their summaries, and the pages whose save failed, with the message. */
    private record Outcome(Map<SettingsPage, String> saved, Map<SettingsPage, String> failed) {
    }

    /**
     * Creates the dialog over {@code owner} (null for none) with the pages in list order. The
     * pages are read when {@link #show} opens the dialog, so build new pages for each opening.
     */
    public SettingsDialog(List<SettingsPage> pages, BackgroundTasks tasks, DialogService dialogs, Actor actor, Window owner) {
        this.pages = List.copyOf(pages);
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.owner = owner;
    }

    /**
     * Opens the dialog on the page titled {@code pageTitle}, or on the first page when none has that
     * title, and returns at once. {@code onSaved} runs on the JavaFX thread after one or more pages
     * were saved, with each saved page's summary.
     */
    public void show(String pageTitle, Consumer<List<String>> onSaved) {
        for (SettingsPage page : pages) {
            page.load();
            frames.put(page, frame(page));
        }
        list.setId("settingsPages");
        list.getItems().setAll(pages);
        list.setPrefWidth(170);
        list.setCellFactory(view -> new PageCell());
        ScrollPane content = new ScrollPane();
        content.setId("settingsContent");
        content.setFitToWidth(true);
        list.getSelectionModel().selectedItemProperty().addListener((observable, old, page) -> {
            if (page != null) {
                content.setContent(frames.get(page).node());
                content.setVvalue(0);
            }
        });
        status.setId("settingsStatus");
        status.getStyleClass().add("field-error");

        BorderPane body = new BorderPane(content);
        body.setLeft(list);
        BorderPane.setMargin(list, new Insets(0, 12, 0, 0));
        body.setBottom(status);
        BorderPane.setMargin(status, new Insets(8, 0, 0, 0));
        body.setPrefSize(900, 560);

        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Settings");
        dialog.setResizable(true);
        dialog.getDialogPane().setId("settingsDialog");
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().setAll(saveButton, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(saveButton).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            save(onSaved);
        });
        select(pages.stream().filter(page -> page.title().equals(pageTitle)).findFirst().orElse(pages.get(0)));
        dialog.show();
    }

    private Frame frame(SettingsPage page) {
        Label title = new Label(page.title());
        title.getStyleClass().add("wizard-title");
        Optional<String> rejection = page.changeRejection(actor);
        Label readOnly = WrappingText.label(rejection.map(reason -> "Read-only: " + SettingsForm.sentence(reason)).orElse(""), TEXT_WIDTH);
        readOnly.getStyleClass().add("note");
        Label problems = WrappingText.wrap(new Label(), TEXT_WIDTH);
        problems.getStyleClass().add("field-error");
        String id = page.title().replace(' ', '-');
        readOnly.setId("settingsReadOnly-" + id);
        problems.setId("settingsProblems-" + id);
        show(readOnly, readOnly.getText());
        show(problems, "");
        page.node().setDisable(rejection.isPresent());
        VBox node = new VBox(8, title, readOnly, problems, page.node());
        node.setId("settingsPage-" + id);
        node.setPadding(new Insets(4, 8, 8, 4));
        return new Frame(node, readOnly, problems, rejection.isEmpty());
    }

    private void save(Consumer<List<String>> onSaved) {
        List<SettingsPage> changed = pages.stream().filter(page -> frames.get(page).editable() && page.isChanged()).toList();
        frames.values().forEach(frame -> show(frame.problems(), ""));
        Map<SettingsPage, List<String>> invalid = new LinkedHashMap<>();
        for (SettingsPage page : changed) {
            List<String> problems = page.validate();
            if (!problems.isEmpty()) {
                invalid.put(page, problems);
            }
        }
        list.refresh();
        if (!invalid.isEmpty()) {
            invalid.forEach((page, problems) -> show(frames.get(page).problems(), String.join("\n", problems)));
            select(invalid.keySet().iterator().next());
            setStatus("Nothing was saved. Correct the values marked in red on " + titles(invalid.keySet()) + ".");
            list.refresh();
            return;
        }
        if (changed.isEmpty()) {
            close();
            return;
        }
        Map<SettingsPage, Work<String>> saves = new LinkedHashMap<>();
        changed.forEach(page -> saves.put(page, page.save(actor)));
        Outcome outcome = new Outcome(java.util.Collections.synchronizedMap(new LinkedHashMap<>()),
                java.util.Collections.synchronizedMap(new LinkedHashMap<>()));
        setStatus("");
        Task<Outcome> task = tasks.submit("Saving the settings", monitor -> run(saves, outcome, monitor), done -> finished(done, onSaved),
                error -> {
                    dialogs.showFailure("Settings not saved", "Saving the settings failed.", error);
                    finished(outcome, onSaved);
                });
        task.stateProperty().addListener((observable, old, state) -> {
            if (state == Worker.State.CANCELLED) {
                // The worker runs one job at a time, so this job reports once the cancelled save has stopped.
                tasks.submit("Reading the saved settings", monitor -> outcome, done -> finished(done, onSaved),
                        error -> log.error("Reading the outcome of a cancelled save failed", error));
            }
        });
        ProgressDialog.show(dialog.getDialogPane().getScene().getWindow(), task);
    }

    /** Saves each page in turn; a page the service rejects is recorded and the next page is saved. */
    private Outcome run(Map<SettingsPage, Work<String>> saves, Outcome outcome, ProgressMonitor monitor) {
        int done = 0;
        for (Map.Entry<SettingsPage, Work<String>> save : saves.entrySet()) {
            SettingsPage page = save.getKey();
            if (monitor.isCancelled()) {
                outcome.failed().put(page, "Saving was cancelled before this page; its changes were not saved");
                continue;
            }
            monitor.progress(done++, saves.size(), "Saving " + page.title());
            try {
                outcome.saved().put(page, save.getValue().run(monitor));
            } catch (OperationCancelledException e) {
                outcome.failed().put(page, "Saving was cancelled; this page's changes were not saved");
            } catch (IllegalArgumentException | IllegalStateException e) {
                outcome.failed().put(page, e.getMessage());
            } catch (Exception e) {
                log.error("Saving the {} settings failed", page.title(), e);
                outcome.failed().put(page, "Saving failed: " + e.getMessage());
            }
        }
        return outcome;
    }

    private void finished(Outcome outcome, Consumer<List<String>> onSaved) {
        List<String> summaries = new ArrayList<>();
        synchronized (outcome.saved()) {
            outcome.saved().forEach((page, summary) -> {
                page.load();
                summaries.add(summary);
            });
        }
        if (!summaries.isEmpty()) {
            onSaved.accept(summaries);
        }
        Map<SettingsPage, String> failed;
        synchronized (outcome.failed()) {
            failed = new LinkedHashMap<>(outcome.failed());
        }
        if (failed.isEmpty()) {
            close();
            return;
        }
        failed.forEach((page, message) -> show(frames.get(page).problems(), SettingsForm.sentence(message)));
        select(failed.keySet().iterator().next());
        String savedPart = outcome.saved().isEmpty() ? "Nothing was saved." : "Saved " + titles(outcome.saved().keySet()) + ".";
        setStatus(savedPart + " Not saved: " + titles(failed.keySet()) + "; see the message on each page.");
        list.refresh();
    }

    private void close() {
        dialog.setResult(saveButton);
        dialog.close();
    }

    private void select(SettingsPage page) {
        list.getSelectionModel().select(page);
    }

    private void setStatus(String text) {
        show(status, text);
    }

    private static String titles(java.util.Collection<SettingsPage> pages) {
        return String.join(", ", pages.stream().map(SettingsPage::title).toList());
    }

    private static void show(Label label, String text) {
        label.setText(text);
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }

    /** A page's title, in red with a mark while the page shows a problem. */
    private final class PageCell extends ListCell<SettingsPage> {
        @Override
        protected void updateItem(SettingsPage page, boolean empty) {
            super.updateItem(page, empty);
            getStyleClass().remove("field-error");
            if (empty || page == null) {
                setText(null);
                setId(null);
                return;
            }
            boolean problem = frames.get(page).problems().isVisible();
            setText(problem ? page.title() + " (problem)" : page.title());
            setId("settingsPageItem-" + page.title().replace(' ', '-'));
            if (problem) {
                getStyleClass().add("field-error");
            }
        }
    }
}
