package org.patchdesk.playbooks.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import org.patchdesk.common.Actor;
import org.patchdesk.playbooks.Phase;
import org.patchdesk.playbooks.Playbook;
import org.patchdesk.playbooks.PlaybookService;
import org.patchdesk.playbooks.PlaybookStep;
import org.patchdesk.playbooks.PlaybookSummary;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;

/**
 * The playbook library: the playbooks on the left, and on the right the selected playbook's steps
 * grouped by phase, with the role that carries out each one. Playbooks are created, edited,
 * duplicated and deleted here, and their steps added, edited, removed and moved within a phase.
 */
public final class PlaybooksView extends BorderPane {

    /**
     * A row of the step tree: a phase heading with a summary of its steps, such as "5 steps, 45 min
     * expected", when {@code step} is null, else one step.
     */
    record StepRow(Phase phase, PlaybookStep step, String summary) {

        boolean isHeading() {
            return step == null;
        }
    }

    private final PlaybookService service;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final PlaybookDialogs editors;
    private final ListView<PlaybookSummary> list = new ListView<>();
    private final TreeTableView<StepRow> steps = new TreeTableView<>();
    private final Label name = new Label();
    private final Label description = new Label();
    private final Label appliesTo = new Label();
    private final VBox details;
    private final Label nothingSelected = new Label("Select a playbook on the left, or create one with New playbook.");
    private Playbook shownPlaybook;
    /** True while the view itself changes the list's items or selection, so the selection listener does not load. */
    private boolean selecting;

    public PlaybooksView(PlaybookService service, BackgroundTasks tasks, DialogService dialogs, Actor actor) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.editors = new PlaybookDialogs(service, actor, this);
        setId("playbooksView");

        VBox library = libraryPane();
        details = detailPane();
        nothingSelected.setId("noPlaybookSelected");
        nothingSelected.setPadding(new Insets(16));
        SplitPane split = new SplitPane(library, new BorderPane(nothingSelected));
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(library, false);
        setCenter(split);

        list.getSelectionModel().selectedItemProperty().addListener((observable, old, summary) -> {
            if (selecting) {
                return;
            }
            if (summary == null) {
                show(null);
            } else {
                load(summary.id(), null);
            }
        });
    }

    private VBox libraryPane() {
        Button create = button("New playbook…", "newPlaybookButton", this::createPlaybook);
        Button duplicate = button("Duplicate…", "duplicatePlaybookButton", this::duplicatePlaybook);
        Button delete = button("Delete", "deletePlaybookButton", this::deletePlaybook);
        BooleanBinding noneSelected = list.getSelectionModel().selectedItemProperty().isNull();
        duplicate.disableProperty().bind(noneSelected);
        delete.disableProperty().bind(noneSelected);

        list.setId("playbookList");
        list.setPlaceholder(new Label("No playbook yet. Create one with New playbook."));
        list.setCellFactory(view -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(PlaybookSummary item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                } else {
                    setText(item.name() + "\n" + item.stepCount() + (item.stepCount() == 1 ? " step" : " steps") + "; applies to "
                            + item.appliesTo());
                }
            }
        });
        VBox box = new VBox(new ToolBar(create, duplicate, delete), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setMinWidth(260);
        return box;
    }

    private VBox detailPane() {
        name.setId("playbookName");
        name.getStyleClass().add("welcome-title");
        name.setWrapText(true);
        description.setId("playbookDescription");
        description.setWrapText(true);
        appliesTo.setId("playbookAppliesTo");
        appliesTo.setWrapText(true);

        Button edit = button("Edit playbook…", "editPlaybookButton",
                () -> editors.editPlaybook(shownPlaybook).ifPresent(this::reloadAfter));
        Button add = button("Add step…", "addStepButton", this::addStep);
        Button editStep = button("Edit step…", "editStepButton", this::editStep);
        Button remove = button("Remove step", "removeStepButton", this::removeStep);
        Button up = button("Move up", "moveStepUpButton", () -> move(PlaybookService.Direction.UP));
        Button down = button("Move down", "moveStepDownButton", () -> move(PlaybookService.Direction.DOWN));
        BooleanBinding noStep = Bindings.createBooleanBinding(() -> selectedStep() == null,
                steps.getSelectionModel().selectedItemProperty());
        editStep.disableProperty().bind(noStep);
        remove.disableProperty().bind(noStep);
        up.disableProperty().bind(noStep);
        down.disableProperty().bind(noStep);

        steps.setId("stepTree");
        steps.setShowRoot(false);
        steps.setPlaceholder(new Label("This playbook has no step yet. Add the pre-checks, the procedure, the verification"
                + " and the rollback with Add step."));
        steps.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        steps.getColumns().setAll(List.of(
                column("Step", 150, row -> row.isHeading() ? row.phase().label() : Integer.toString(row.step().position())),
                column("Role", 90, row -> row.isHeading() ? "" : row.step().role().label()),
                column("Min", 50, row -> row.isHeading() || row.step().expectedMinutes() == null ? ""
                        : row.step().expectedMinutes().toString()),
                wrappingColumn("What to do", 620, row -> row.isHeading() ? row.summary() : row.step().text())));
        steps.setRowFactory(view -> {
            TreeTableRow<StepRow> row = new TreeTableRow<>() {
                @Override
                protected void updateItem(StepRow item, boolean empty) {
                    super.updateItem(item, empty);
                    setStyle(!empty && item != null && item.isHeading() ? "-fx-font-weight: bold;" : "");
                }
            };
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty() && row.getItem() != null && !row.getItem().isHeading()) {
                    editStep();
                }
            });
            return row;
        });

        VBox box = new VBox(6, name, description, appliesTo, new ToolBar(edit, add, editStep, remove, up, down), steps);
        box.setPadding(new Insets(8));
        VBox.setVgrow(steps, Priority.ALWAYS);
        return box;
    }

    private static TreeTableColumn<StepRow, String> column(String title, double width, Function<StepRow, String> text) {
        TreeTableColumn<StepRow, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(data.getValue().getValue() == null ? ""
                : text.apply(data.getValue().getValue())));
        return column;
    }

    /** Returns a column whose cells wrap their text to the column's width, so a long step shows whole. */
    private static TreeTableColumn<StepRow, String> wrappingColumn(String title, double width, Function<StepRow, String> text) {
        TreeTableColumn<StepRow, String> column = column(title, width, text);
        column.setCellFactory(owner -> new TreeTableCell<>() {
            private final Text wrapped = new Text();

            {
                wrapped.wrappingWidthProperty().bind(owner.widthProperty().subtract(12));
                wrapped.fillProperty().bind(textFillProperty());
                wrapped.fontProperty().bind(fontProperty());
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                wrapped.setText(empty || item == null ? "" : item);
                setGraphic(empty || item == null || item.isEmpty() ? null : wrapped);
            }
        });
        return column;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    /** Reads the library again and keeps the selected playbook selected. */
    public void refresh() {
        Long selected = shownPlaybook == null ? null : shownPlaybook.id();
        tasks.submit("Reading playbooks", monitor -> service.list(), summaries -> {
            setItems(summaries);
            if (selected != null) {
                select(selected, null);
            }
        }, error -> dialogs.showFailure("Playbooks not shown", "Reading the playbooks failed.", error));
    }

    /** Loads a playbook and shows it, then selects the step {@code stepId} when given. */
    private void load(long id, Long stepId) {
        tasks.submit("Reading playbook", monitor -> service.get(id), playbook -> {
            if (playbook.isEmpty()) {
                dialogs.showError("Playbook not found", "The playbook no longer exists; the list is read again.");
                shownPlaybook = null;
                refresh();
                return;
            }
            show(playbook.get());
            selectStep(stepId);
        }, error -> dialogs.showFailure("Playbook not shown", "Reading the playbook failed.", error));
    }

    private void show(Playbook playbook) {
        shownPlaybook = playbook;
        SplitPane split = (SplitPane) getCenter();
        if (playbook == null) {
            split.getItems().set(1, new BorderPane(nothingSelected));
            return;
        }
        name.setText(playbook.name());
        description.setText(playbook.description() == null ? "No description." : playbook.description());
        appliesTo.setText("Applies to: " + playbook.appliesTo() + (playbook.deviceTypeId() == null && playbook.productId() == null
                ? ". Edit the playbook to choose a device type or product, so windows with those devices are offered it." : "."));
        TreeItem<StepRow> root = new TreeItem<>();
        for (Phase phase : Phase.values()) {
            List<PlaybookStep> phaseSteps = playbook.steps(phase);
            int minutes = playbook.expectedMinutes(phase);
            String summary = phaseSteps.size() + (phaseSteps.size() == 1 ? " step" : " steps")
                    + (minutes > 0 ? ", " + minutes + " min expected" : "");
            TreeItem<StepRow> group = new TreeItem<>(new StepRow(phase, null, summary));
            for (PlaybookStep step : phaseSteps) {
                group.getChildren().add(new TreeItem<>(new StepRow(phase, step, null)));
            }
            group.setExpanded(true);
            root.getChildren().add(group);
        }
        steps.setRoot(root);
        split.getItems().set(1, details);
    }

    private void setItems(List<PlaybookSummary> summaries) {
        selecting = true;
        try {
            list.getItems().setAll(summaries);
        } finally {
            selecting = false;
        }
    }

    /** Selects a playbook of the list and shows it, with the step {@code stepId} selected when given. */
    private void select(long playbookId, Long stepId) {
        Optional<PlaybookSummary> summary = list.getItems().stream().filter(item -> item.id() == playbookId).findFirst();
        if (summary.isEmpty()) {
            list.getSelectionModel().clearSelection();
            return;
        }
        selecting = true;
        try {
            list.getSelectionModel().select(summary.get());
        } finally {
            selecting = false;
        }
        load(playbookId, stepId);
    }

    private void selectStep(Long stepId) {
        if (stepId == null || steps.getRoot() == null) {
            return;
        }
        for (TreeItem<StepRow> group : steps.getRoot().getChildren()) {
            for (TreeItem<StepRow> item : group.getChildren()) {
                if (item.getValue().step().id() == stepId) {
                    steps.getSelectionModel().select(item);
                    steps.scrollTo(steps.getRow(item));
                    return;
                }
            }
        }
    }

    private PlaybookStep selectedStep() {
        TreeItem<StepRow> item = steps.getSelectionModel().getSelectedItem();
        return item == null || item.getValue() == null ? null : item.getValue().step();
    }

    /** Reads the library and the playbook again after a change, selecting the given step. */
    void reloadAfter(Playbook playbook) {
        reload(playbook.id(), null);
    }

    private void reload(long playbookId, Long stepId) {
        tasks.submit("Reading playbooks", monitor -> service.list(), summaries -> {
            setItems(summaries);
            select(playbookId, stepId);
        }, error -> dialogs.showFailure("Playbooks not shown", "Reading the playbooks failed.", error));
    }

    private void createPlaybook() {
        editors.createPlaybook().ifPresent(this::reloadAfter);
    }

    private void duplicatePlaybook() {
        PlaybookSummary source = list.getSelectionModel().getSelectedItem();
        if (source == null) {
            return;
        }
        Optional<String> newName = dialogs.askText("Duplicate playbook", "Name of the copy of '" + source.name()
                + "'. The copy gets the same steps and applies to the same device type and product.", "Copy of " + source.name());
        newName.ifPresent(text -> run("Duplicating the playbook", () -> service.duplicate(source.id(), text, actor),
                this::reloadAfter, "Playbook not duplicated"));
    }

    private void deletePlaybook() {
        PlaybookSummary selected = list.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        String message = "Delete the playbook '" + selected.name() + "' and its " + selected.stepCount()
                + (selected.stepCount() == 1 ? " step" : " steps") + "? The audit trail keeps the text of every step.";
        if (!dialogs.confirm("Delete playbook", message, "Delete playbook")) {
            return;
        }
        run("Deleting the playbook", () -> {
            service.delete(selected.id(), actor);
            return selected;
        }, deleted -> {
            shownPlaybook = null;
            list.getSelectionModel().clearSelection();
            refresh();
        }, "Playbook not deleted");
    }

    private void addStep() {
        if (shownPlaybook == null) {
            return;
        }
        TreeItem<StepRow> item = steps.getSelectionModel().getSelectedItem();
        Phase phase = item == null || item.getValue() == null ? Phase.PRE_CHECK : item.getValue().phase();
        long playbookId = shownPlaybook.id();
        editors.addStep(shownPlaybook, phase).ifPresent(step -> reload(playbookId, step.id()));
    }

    private void editStep() {
        PlaybookStep step = selectedStep();
        if (shownPlaybook == null || step == null) {
            return;
        }
        long playbookId = shownPlaybook.id();
        editors.editStep(shownPlaybook, step).ifPresent(changed -> reload(playbookId, changed.id()));
    }

    private void removeStep() {
        PlaybookStep step = selectedStep();
        if (shownPlaybook == null || step == null) {
            return;
        }
        String message = "Remove step " + step.position() + " of " + step.phase().label() + " (" + step.role().label() + "): "
                + abbreviate(step.text()) + "?";
        if (!dialogs.confirm("Remove step", message, "Remove step")) {
            return;
        }
        long playbookId = shownPlaybook.id();
        run("Removing the step", () -> {
            service.removeStep(step.id(), actor);
            return step;
        }, removed -> reload(playbookId, null), "Step not removed");
    }

    private void move(PlaybookService.Direction direction) {
        PlaybookStep step = selectedStep();
        if (shownPlaybook == null || step == null) {
            return;
        }
        long playbookId = shownPlaybook.id();
        run("Moving the step", () -> service.moveStep(step.id(), direction, actor), moved -> {
            if (moved) {
                reload(playbookId, step.id());
            }
        }, "Step not moved");
    }

    /** Runs a change in the background. A rejected value is shown as an error, any other failure as a failure. */
    private <T> void run(String title, java.util.concurrent.Callable<T> change, Consumer<T> done, String failureTitle) {
        tasks.submit(title, monitor -> change.call(), done, error -> {
            if (error instanceof IllegalArgumentException) {
                dialogs.showError(failureTitle, error.getMessage());
            } else {
                dialogs.showFailure(failureTitle, failureTitle + ".", error);
            }
        });
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79).strip() + "…";
    }

    public ListView<PlaybookSummary> list() {
        return list;
    }

    public TreeTableView<StepRow> steps() {
        return steps;
    }
}
