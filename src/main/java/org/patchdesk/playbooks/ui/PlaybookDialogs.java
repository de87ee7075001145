package org.patchdesk.playbooks.ui;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import org.patchdesk.common.Actor;
import org.patchdesk.playbooks.Phase;
import org.patchdesk.playbooks.Playbook;
import org.patchdesk.playbooks.PlaybookService;
import org.patchdesk.playbooks.PlaybookStep;
import org.patchdesk.playbooks.PlaybookValues;
import org.patchdesk.playbooks.Role;
import org.patchdesk.playbooks.StepValues;

/**
 * The editor dialogs of the playbooks screen. Saving calls the service while the dialog is open:
 * a value the service rejects is shown under the form and the dialog stays open for a correction.
 * These writes change one row, so they run on the JavaFX thread.
 */
final class PlaybookDialogs {

    private final PlaybookService service;
    private final Actor actor;
    private final Node owner;

    PlaybookDialogs(PlaybookService service, Actor actor, Node owner) {
        this.service = service;
        this.actor = actor;
        this.owner = owner;
    }

    Optional<Playbook> createPlaybook() {
        return playbookDialog("New playbook", "Create playbook", null,
                values -> service.create(values, actor));
    }

    Optional<Playbook> editPlaybook(Playbook playbook) {
        if (playbook == null) {
            return Optional.empty();
        }
        return playbookDialog("Edit playbook", "Save playbook", playbook,
                values -> service.update(playbook.id(), values, actor));
    }

    private Optional<Playbook> playbookDialog(String title, String action, Playbook playbook, Function<PlaybookValues, Playbook> save) {
        TextField name = new TextField(playbook == null ? "" : playbook.name());
        name.setId("playbookNameField");
        name.setPromptText("such as Anesthesia machines: vendor service visit");
        TextArea description = new TextArea(playbook == null || playbook.description() == null ? "" : playbook.description());
        description.setId("playbookDescriptionField");
        description.setPromptText("Which devices it is for and what is special about them");
        description.setWrapText(true);
        description.setPrefRowCount(4);
        ComboBox<PlaybookService.Choice> type = choices(service.deviceTypeChoices(), playbook == null ? null : playbook.deviceTypeId());
        type.setId("playbookDeviceType");
        ComboBox<PlaybookService.Choice> product = choices(service.productChoices(), playbook == null ? null : playbook.productId());
        product.setId("playbookProduct");

        GridPane grid = grid();
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Description"), description);
        grid.addRow(2, new Label("Device type"), type);
        grid.addRow(3, new Label("Product"), product);
        Label help = new Label("Patch windows whose devices have this device type or product are offered the playbook.");
        help.setWrapText(true);
        grid.add(help, 1, 4);
        return show(title, "playbookDialog", action, grid, () -> save.apply(new PlaybookValues(name.getText(), description.getText(),
                idOf(type.getValue()), idOf(product.getValue()))));
    }

    Optional<PlaybookStep> addStep(Playbook playbook, Phase phase) {
        return stepDialog("Add step to " + playbook.name(), "Add step", new StepValues(phase, Role.HTM, "", null),
                values -> service.addStep(playbook.id(), values, actor));
    }

    Optional<PlaybookStep> editStep(Playbook playbook, PlaybookStep step) {
        return stepDialog("Edit step of " + playbook.name(), "Save step", StepValues.of(step),
                values -> service.updateStep(step.id(), values, actor));
    }

    private Optional<PlaybookStep> stepDialog(String title, String action, StepValues initial,
                                              Function<StepValues, PlaybookStep> save) {
        ComboBox<Phase> phase = new ComboBox<>(FXCollections.observableArrayList(Phase.values()));
        phase.setId("stepPhase");
        phase.setConverter(labels(Phase::label));
        phase.setValue(initial.phase());
        ComboBox<Role> role = new ComboBox<>(FXCollections.observableArrayList(Role.values()));
        role.setId("stepRole");
        role.setConverter(labels(Role::label));
        role.setValue(initial.role());
        TextArea text = new TextArea(initial.text());
        text.setId("stepText");
        text.setPromptText("What to do, and what counts as done");
        text.setWrapText(true);
        text.setPrefRowCount(4);
        TextField minutes = new TextField(initial.expectedMinutes() == null ? "" : initial.expectedMinutes().toString());
        minutes.setId("stepMinutes");
        minutes.setPromptText("empty when unknown");
        minutes.setPrefColumnCount(6);

        GridPane grid = grid();
        grid.addRow(0, new Label("Phase"), phase);
        grid.addRow(1, new Label("Role"), role);
        grid.addRow(2, new Label("What to do"), text);
        grid.addRow(3, new Label("Expected minutes"), minutes);
        Label help = new Label("A step moved to another phase goes to the end of that phase.");
        help.setWrapText(true);
        grid.add(help, 1, 4);
        return show(title, "stepDialog", action, grid, () -> save.apply(new StepValues(phase.getValue(), role.getValue(),
                text.getText(), minutes(minutes.getText()))));
    }

    /** Reads the expected minutes field: empty means none. */
    static Integer minutes(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Expected minutes must be a whole number such as 15, or empty; '" + value
                    + "' is not a number");
        }
    }

    private <T> Optional<T> show(String title, String id, String action, GridPane form, Supplier<T> save) {
        Label problem = new Label();
        problem.setId("dialogProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        form.add(problem, 0, form.getRowCount(), 2, 1);

        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setContent(form);
        ButtonType saveButton = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(saveButton, ButtonType.CANCEL);

        AtomicReference<T> saved = new AtomicReference<>();
        dialog.getDialogPane().lookupButton(saveButton).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                saved.set(save.get());
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage() + ".");
                event.consume();
            }
        });
        Optional<ButtonType> pressed = dialog.showAndWait();
        if (pressed.filter(saveButton::equals).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(saved.get());
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPrefWidth(620);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        return grid;
    }

    /** Returns a choice box of device types or products whose first entry, null, means "none". */
    private static ComboBox<PlaybookService.Choice> choices(List<PlaybookService.Choice> choices, Long selectedId) {
        ComboBox<PlaybookService.Choice> box = new ComboBox<>(FXCollections.observableArrayList(choices));
        box.getItems().add(0, null);
        box.setConverter(labels(PlaybookService.Choice::label));
        box.setValue(choices.stream().filter(choice -> Objects.equals(choice.id(), selectedId)).findFirst().orElse(null));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static Long idOf(PlaybookService.Choice choice) {
        return choice == null ? null : choice.id();
    }

    /** Shows choices by a label, and null as "none". The boxes that use it are not editable, so no text is read back. */
    private static <T> StringConverter<T> labels(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "none" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
