package org.patchdesk.patchlog.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import org.patchdesk.patchlog.NewDecision;
import org.patchdesk.patchlog.PatchDecision;
import org.patchdesk.patchlog.PatchLogService;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.ui.CheckedDialogs;

/**
 * The form of a decision to deploy, defer or reject an update for a device (by asset tag), a
 * product, or both, with the approver, role and rationale. The decision is checked before the
 * form closes.
 */
final class RecordDecisionDialog {

    private final PatchLogService log;
    private final Clock clock;

    private final TextField assetTag = new TextField();
    private final ComboBox<PatchabilityService.ProductRef> product = new ComboBox<>();
    private final TextField update = new TextField();
    private final ComboBox<PatchDecision.Choice> decision = new ComboBox<>(FXCollections.observableArrayList(PatchDecision.Choice.values()));
    private final TextField approver = new TextField();
    private final TextField role = new TextField();
    private final TextArea rationale = new TextArea();
    private final DatePicker decidedOn = new DatePicker();
    private final Label problem = new Label();

    RecordDecisionDialog(PatchLogService log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Shows the form with the products to choose from and returns the checked decision, or empty when cancelled. */
    Optional<NewDecision> show(Window owner, List<PatchabilityService.ProductRef> products) {
        return CheckedDialogs.show(owner, "Record decision", "recordDecisionDialog", form(products), "Record", problem, () -> {
            NewDecision checked = decision();
            log.check(checked);
            return checked;
        });
    }

    private GridPane form(List<PatchabilityService.ProductRef> products) {
        assetTag.setId("decisionAssetTag");
        assetTag.setPromptText("Empty for every device of the product");
        product.setId("decisionProduct");
        product.getItems().add(null);
        product.getItems().addAll(products);
        product.setConverter(Labels.of(PatchabilityService.ProductRef::label));
        product.setPromptText("Empty for the device alone");
        update.setId("decisionUpdate");
        update.setPromptText("Firmware release, software version or KB number");
        decision.setId("decisionChoice");
        decision.setConverter(Labels.of(PatchDecision.Choice::word));
        decision.setValue(PatchDecision.Choice.DEPLOY);
        approver.setId("decisionApprover");
        approver.setPromptText("The approver's name as they sign");
        role.setId("decisionRole");
        role.setPromptText("CISO, Director of Clinical Engineering, nurse manager…");
        rationale.setId("decisionRationale");
        rationale.setPrefRowCount(3);
        rationale.setWrapText(true);
        decidedOn.setId("decisionDate");
        decidedOn.setValue(LocalDate.now(clock));
        problem.setId("decisionProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(520);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label("Device asset tag"), assetTag);
        grid.addRow(row++, new Label("Product"), product);
        grid.addRow(row++, new Label("Update"), update);
        grid.addRow(row++, new Label("Decision"), decision);
        grid.addRow(row++, new Label("Approver"), approver);
        grid.addRow(row++, new Label("Role"), role);
        grid.addRow(row++, new Label("Rationale"), rationale);
        grid.addRow(row++, new Label("Decided on"), decidedOn);
        grid.add(problem, 0, row, 2, 1);
        return grid;
    }

    private NewDecision decision() {
        Long deviceId = null;
        String tag = assetTag.getText();
        if (tag != null && !tag.isBlank()) {
            deviceId = log.deviceByAssetTag(tag)
                    .orElseThrow(() -> new IllegalArgumentException("No device has the asset tag " + tag.strip()))
                    .id();
        }
        Long productId = product.getValue() == null ? null : product.getValue().id();
        LocalDate day = decidedOn.getValue();
        if (day == null) {
            throw new IllegalArgumentException("The date of the decision is required");
        }
        // A decision dated today keeps the current time, so that decisions of one day list in the order they were made.
        LocalTime time = day.equals(LocalDate.now(clock)) ? LocalTime.now(clock) : LocalTime.NOON;
        return new NewDecision(deviceId, productId, update.getText(), decision.getValue(), approver.getText(), role.getText(),
                rationale.getText(), day.atTime(time).atZone(clock.getZone()).toInstant());
    }
}
