package org.patchdesk.patchlog.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import org.patchdesk.common.Actor;
import org.patchdesk.patchlog.DecisionToSign;
import org.patchdesk.patchlog.NewDecision;
import org.patchdesk.patchlog.PatchDecision;
import org.patchdesk.patchlog.PatchLogService;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.ui.CheckedDialogs;

/**
 * The form of a decision to deploy, defer or reject an update for a device (by asset tag), a
 * product, or both, with the rationale. Once PatchDesk has user accounts, the approver signs in
 * the form with their user name and password, and Sign decision stores the decision. Before that,
 * the approver's name, role and the date are typed, and the decision is checked before the form
 * closes.
 */
final class RecordDecisionDialog {

    /** The form's row of the typed approver's name: the first row that the signed form replaces. */
    private static final int APPROVER_ROW = 4;

    private final PatchLogService log;
    private final Actor actor;
    private final Clock clock;

    private final TextField assetTag = new TextField();
    private final ComboBox<PatchabilityService.ProductRef> product = new ComboBox<>();
    private final TextField update = new TextField();
    private final ComboBox<PatchDecision.Choice> decision = new ComboBox<>(FXCollections.observableArrayList(PatchDecision.Choice.values()));
    private final TextField approver = new TextField();
    private final TextField role = new TextField();
    private final TextArea rationale = new TextArea();
    private final DatePicker decidedOn = new DatePicker();
    private final TextField signerUserName = new TextField();
    private final PasswordField signerPassword = new PasswordField();
    private final Label problem = new Label();

    RecordDecisionDialog(PatchLogService log, Actor actor, Clock clock) {
        this.log = log;
        this.actor = actor;
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

    /**
     * Shows the form in which the approver signs the decision, and returns the stored decision, or
     * empty when cancelled. A wrong password or a signer who may not sign keeps the form open with
     * the message and the password cleared.
     */
    Optional<PatchDecision> showSigned(Window owner, List<PatchabilityService.ProductRef> products) {
        GridPane grid = form(products);
        grid.getChildren().removeIf(node -> GridPane.getRowIndex(node) != null && GridPane.getRowIndex(node) >= APPROVER_ROW);
        signerUserName.setId("decisionSignerUserName");
        signerUserName.setPromptText("User name of the HTM manager or InfoSec/CISO");
        signerPassword.setId("decisionSignerPassword");
        Label note = new Label("The approver signs electronically with their own user name and password. The decision is recorded"
                + " with their printed name, roles and the signing time, and the signature means Approved: the signer approves the"
                + " decision as recorded, to deploy, defer or reject. The rationale is the signature's comment.");
        note.setId("decisionSignatureNote");
        note.setWrapText(true);
        note.setMaxWidth(520);
        int row = APPROVER_ROW;
        grid.addRow(row++, new Label("Approver"), signerUserName);
        grid.addRow(row++, new Label("Password"), signerPassword);
        grid.addRow(row++, new Label("Rationale"), rationale);
        grid.add(note, 0, row++, 2, 1);
        grid.add(problem, 0, row, 2, 1);
        return CheckedDialogs.show(owner, "Sign decision", "recordDecisionDialog", grid, "Sign decision", problem, this::sign);
    }

    private PatchDecision sign() {
        DecisionToSign checked = decisionToSign();
        log.check(checked);
        char[] password = signerPassword.getText().toCharArray();
        try {
            return log.signDecision(checked, signerUserName.getText(), password, actor);
        } catch (IllegalArgumentException e) {
            signerPassword.clear();
            throw e;
        } catch (IllegalStateException e) {
            signerPassword.clear();
            throw new IllegalArgumentException(e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
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
        // The rows from here on are the typed approver's; the signed form replaces them.
        grid.addRow(row++, new Label("Approver"), approver);
        grid.addRow(row++, new Label("Role"), role);
        grid.addRow(row++, new Label("Rationale"), rationale);
        grid.addRow(row++, new Label("Decided on"), decidedOn);
        grid.add(problem, 0, row, 2, 1);
        return grid;
    }

    private DecisionToSign decisionToSign() {
        return new DecisionToSign(deviceId(), productId(), update.getText(), decision.getValue(), rationale.getText());
    }

    private Long deviceId() {
        String tag = assetTag.getText();
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return log.deviceByAssetTag(tag)
                .orElseThrow(() -> new IllegalArgumentException("No device has the asset tag " + tag.strip()))
                .id();
    }

    private Long productId() {
        return product.getValue() == null ? null : product.getValue().id();
    }

    private NewDecision decision() {
        Long deviceId = deviceId();
        Long productId = productId();
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
