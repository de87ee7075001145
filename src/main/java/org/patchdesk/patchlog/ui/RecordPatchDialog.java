package org.patchdesk.patchlog.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.patchdesk.common.Actor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.patchlog.NewLogEntry;
import org.patchdesk.patchlog.PatchLogService;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.CheckedDialogs;

/**
 * The form of one patch log entry for a device on its own. The device is found by its asset tag,
 * and its open findings are offered as the CVEs the update fixes. The entry is checked by the
 * service before the form closes, so a missing field keeps the form open with its message.
 */
final class RecordPatchDialog {

    private final PatchLogService log;
    private final BackgroundTasks tasks;
    private final Clock clock;

    private final TextField assetTag = new TextField();
    private final Label deviceLabel = new Label("Enter the asset tag and press Find.");
    private final VBox cveChoices = new VBox(4);
    private final TextField otherCves = new TextField();
    private final TextField update = new TextField();
    private final TextField versionBefore = new TextField();
    private final TextField versionAfter = new TextField();
    private final DatePicker performedOn = new DatePicker();
    private final TextField performedTime = new TextField();
    private final TextField performedBy = new TextField();
    private final ComboBox<PatchOutcome> outcome = new ComboBox<>(FXCollections.observableArrayList(PatchOutcome.values()));
    private final TextArea reason = new TextArea();
    private final DatePicker validatedOn = new DatePicker();
    private final TextArea notes = new TextArea();
    private final Label problem = new Label();
    private Device device;

    RecordPatchDialog(PatchLogService log, BackgroundTasks tasks, Clock clock) {
        this.log = log;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Shows the form and returns the entry to record, checked, or empty when cancelled. */
    Optional<NewLogEntry> show(Window owner, Actor actor) {
        return CheckedDialogs.show(owner, "Record patch", "recordPatchDialog", form(actor), "Record", problem, () -> {
            NewLogEntry checked = entry();
            log.check(checked);
            return checked;
        });
    }

    private GridPane form(Actor actor) {
        assetTag.setId("patchAssetTag");
        assetTag.setPromptText("Asset tag");
        assetTag.setOnAction(event -> findDevice());
        Button find = new Button("Find");
        find.setId("patchFindDevice");
        find.setOnAction(event -> findDevice());
        deviceLabel.setId("patchDeviceLabel");
        deviceLabel.setWrapText(true);
        cveChoices.setId("patchCves");
        otherCves.setId("patchOtherCves");
        otherCves.setPromptText("Other CVE ids the update fixes, separated by spaces or commas");
        update.setId("patchUpdate");
        update.setPromptText("Firmware release, software version or KB number");
        versionBefore.setId("patchVersionBefore");
        versionAfter.setId("patchVersionAfter");
        versionAfter.setPromptText("Empty when the device software is unchanged");
        performedOn.setId("patchPerformedOn");
        performedOn.setValue(LocalDate.now(clock));
        performedTime.setId("patchPerformedTime");
        performedTime.setPrefColumnCount(5);
        performedTime.setText(LocalTime.now(clock).truncatedTo(ChronoUnit.MINUTES).toString());
        performedBy.setId("patchPerformedBy");
        performedBy.setText(actor.name());
        outcome.setId("patchOutcome");
        outcome.setConverter(Labels.of(PatchOutcome::label));
        outcome.setValue(PatchOutcome.INSTALLED);
        reason.setId("patchReason");
        reason.setPromptText("Required unless installed: the error, or why the work was deferred");
        reason.setPrefRowCount(2);
        reason.setWrapText(true);
        validatedOn.setId("patchValidatedOn");
        notes.setId("patchNotes");
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        problem.setId("patchProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(560);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label("Asset tag"), new HBox(6, assetTag, find));
        grid.addRow(row++, new Label("Device"), deviceLabel);
        grid.addRow(row++, new Label("Fixes"), cveChoices);
        grid.addRow(row++, new Label(""), otherCves);
        grid.addRow(row++, new Label("Update applied"), update);
        grid.addRow(row++, new Label("Version before"), versionBefore);
        grid.addRow(row++, new Label("Version after"), versionAfter);
        grid.addRow(row++, new Label("Performed on"), new HBox(6, performedOn, new Label("at"), performedTime));
        grid.addRow(row++, new Label("Performed by"), performedBy);
        grid.addRow(row++, new Label("Outcome"), outcome);
        grid.addRow(row++, new Label("Reason"), reason);
        grid.addRow(row++, new Label("Vendor validated on"), validatedOn);
        grid.addRow(row++, new Label("Notes"), notes);
        grid.add(problem, 0, row, 2, 1);
        return grid;
    }

    /** Looks the device up in the background and offers its open findings as the CVEs the update fixes. */
    private void findDevice() {
        String tag = assetTag.getText();
        tasks.submit("Finding the device", monitor -> log.deviceByAssetTag(tag).map(found -> new Found(found,
                log.openFindings(found.id()))).orElse(null), this::show,
                error -> problem.setText("Finding the device failed: " + error.getMessage()));
    }

    private record Found(Device device, List<WorklistRow> openFindings) {
    }

    private void show(Found found) {
        cveChoices.getChildren().clear();
        if (found == null) {
            device = null;
            deviceLabel.setText("No device has the asset tag " + (assetTag.getText() == null ? "" : assetTag.getText().strip()) + ".");
            return;
        }
        device = found.device();
        deviceLabel.setText((device.display(DeviceField.MANUFACTURER) + " " + device.display(DeviceField.MODEL)).strip()
                + ", software version " + orNone(device.display(DeviceField.SOFTWARE_VERSION)) + ", "
                + orNone(device.display(DeviceField.DEPARTMENT)));
        versionBefore.setText(device.display(DeviceField.SOFTWARE_VERSION));
        if (found.openFindings().isEmpty()) {
            cveChoices.getChildren().add(new Label("The device has no open findings."));
        }
        for (WorklistRow row : found.openFindings()) {
            String cve = row.finding().cveId();
            CheckBox choice = new CheckBox(cve + (row.vulnerabilityTitle() == null ? "" : "  " + row.vulnerabilityTitle()));
            choice.setId("fix-" + cve);
            choice.setUserData(cve);
            cveChoices.getChildren().add(choice);
        }
        problem.setText("");
    }

    private NewLogEntry entry() {
        if (device == null) {
            throw new IllegalArgumentException("Find the device by its asset tag first");
        }
        if (performedOn.getValue() == null) {
            throw new IllegalArgumentException("The date the work was performed is required");
        }
        LocalTime time;
        try {
            time = performedTime.getText() == null || performedTime.getText().isBlank() ? LocalTime.NOON
                    : LocalTime.parse(performedTime.getText().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + performedTime.getText().strip() + "' is not a time; write it as 14:30");
        }
        List<String> cves = new ArrayList<>();
        cveChoices.getChildren().stream()
                .filter(node -> node instanceof CheckBox box && box.isSelected())
                .forEach(node -> cves.add((String) node.getUserData()));
        if (otherCves.getText() != null) {
            Arrays.stream(otherCves.getText().split("[\\s,;]+")).filter(text -> !text.isBlank()).forEach(cves::add);
        }
        return new NewLogEntry(device.id(), update.getText(), versionBefore.getText(), versionAfter.getText(),
                performedOn.getValue().atTime(time).atZone(clock.getZone()).toInstant(), performedBy.getText(), outcome.getValue(),
                reason.getText(), cves, null, null, validatedOn.getValue(), notes.getText());
    }

    private static String orNone(String text) {
        return text == null || text.isEmpty() ? "none recorded" : text;
    }
}
