package org.patchdesk.acceptance.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.patchdesk.acceptance.AcceptanceSettings;
import org.patchdesk.acceptance.RiskAcceptanceService;
import org.patchdesk.acceptance.RiskLevel;
import org.patchdesk.common.Actor;
import org.patchdesk.ui.WrappingText;
import org.patchdesk.users.Role;

/**
 * The risk acceptance settings dialog: the residual risk bands, the roles that approve each level,
 * the maximum duration and the expiry warning period. The settings record checks the values, and
 * the service checks that the actor is an administrator and audits each changed setting.
 */
final class AcceptanceSettingsDialog {

    private static final List<Role> SIGNING_ROLES = AcceptanceSettings.SIGNING_ROLES;

    private final RiskAcceptanceService service;
    private final Actor actor;
    private final Node owner;

    AcceptanceSettingsDialog(RiskAcceptanceService service, Actor actor, Node owner) {
        this.service = service;
        this.actor = actor;
        this.owner = owner;
    }

    /** Shows the dialog with the stored settings; returns the keys of the settings changed, or empty when cancelled. */
    Optional<List<String>> show() {
        AcceptanceSettings current = service.settings();
        TextField mediumFrom = number("settingsMediumFrom", current.mediumFrom());
        TextField highFrom = number("settingsHighFrom", current.highFrom());
        TextField maxMonths = number("settingsMaxMonths", current.maxMonths());
        TextField warningDays = number("settingsWarningDays", current.warningDays());
        Map<RiskLevel, List<CheckBox>> approverBoxes = new EnumMap<>(RiskLevel.class);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, new Label("Medium residual risk from (2-24)"), mediumFrom);
        grid.addRow(row++, new Label("High residual risk from (3-25)"), highFrom);
        for (RiskLevel level : RiskLevel.values()) {
            List<CheckBox> boxes = new ArrayList<>();
            for (Role role : SIGNING_ROLES) {
                CheckBox box = new CheckBox(role.label());
                box.setId("settingsApprover-" + level.word() + "-" + role.word());
                box.setSelected(current.approversFor(level).contains(role));
                boxes.add(box);
            }
            approverBoxes.put(level, boxes);
            FlowPane pane = new FlowPane(10, 4);
            pane.getChildren().setAll(boxes);
            pane.setPrefWrapLength(420);
            grid.addRow(row++, new Label("Approvers of a " + level.word() + " residual risk"), pane);
        }
        grid.addRow(row++, new Label("Maximum duration (1-" + AcceptanceSettings.MAX_MONTHS_LIMIT + " months)"), maxMonths);
        grid.addRow(row, new Label("Expiry warning (0-365 days before the end date)"), warningDays);

        Label problem = WrappingText.wrap(new Label(), 620);
        problem.setId("settingsProblem");
        problem.getStyleClass().add("field-error");
        Label about = WrappingText.label("Approver roles apply to acceptances submitted after the change; submitted acceptances keep"
                + " the roles fixed at submission. Each changed setting is recorded in the audit trail.", 620);

        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        dialog.setTitle("Risk acceptance settings");
        dialog.getDialogPane().setId("acceptanceSettingsDialog");
        dialog.getDialogPane().setContent(new VBox(8, problem, about, grid));
        ButtonType save = new ButtonType("Save settings", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);

        List<String> changed = new ArrayList<>();
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                Map<RiskLevel, List<Role>> approvers = new EnumMap<>(RiskLevel.class);
                approverBoxes.forEach((level, boxes) -> {
                    List<Role> roles = new ArrayList<>();
                    for (int i = 0; i < boxes.size(); i++) {
                        if (boxes.get(i).isSelected()) {
                            roles.add(SIGNING_ROLES.get(i));
                        }
                    }
                    approvers.put(level, roles);
                });
                AcceptanceSettings settings = new AcceptanceSettings(read(mediumFrom, "Medium residual risk from"),
                        read(highFrom, "High residual risk from"), approvers, read(maxMonths, "Maximum duration"),
                        read(warningDays, "Expiry warning"));
                changed.addAll(service.saveSettings(settings, actor));
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem.setText(e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".");
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
                event.consume();
            }
        });
        return dialog.showAndWait().filter(save::equals).map(pressed -> List.copyOf(changed));
    }

    private static TextField number(String id, int value) {
        TextField field = new TextField(Integer.toString(value));
        field.setId(id);
        field.setPrefColumnCount(5);
        return field;
    }

    /**
     * Returns the whole number typed in a field.
     *
     * @throws IllegalArgumentException naming the field and the text when it is not a whole number
     */
    private static int read(TextField field, String name) {
        String text = field.getText() == null ? "" : field.getText().strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + text + "'", e);
        }
    }
}
