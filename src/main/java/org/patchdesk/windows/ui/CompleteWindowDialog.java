package org.patchdesk.windows.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.controlsfx.control.CheckListView;
import org.patchdesk.common.Actor;
import org.patchdesk.patchlog.NewLogEntry;
import org.patchdesk.patchlog.PatchLogEntry;
import org.patchdesk.patchlog.PatchLogService;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.ui.DateFields;
import org.patchdesk.vendors.RequestFilter;
import org.patchdesk.vendors.RequestStatus;
import org.patchdesk.vendors.ValidationRequest;
import org.patchdesk.vendors.ValidationRequestService;
import org.patchdesk.windows.PatchWindow;
import org.patchdesk.windows.WindowDevice;
import org.patchdesk.windows.WindowService;

/**
 * The dialog that completes an approved window: the update applied, who did it and when, the
 * vendor validation that allowed it, the CVEs it fixes, and each device's outcome. Completing
 * writes one patch log entry per device, which closes the fixed findings of installed devices.
 */
final class CompleteWindowDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.US);

    /** A device row: its version after the update, its outcome and the reason when it was not installed. */
    static final class DeviceOutcome {
        final WindowDevice device;
        final SimpleStringProperty versionAfter = new SimpleStringProperty("");
        final SimpleObjectProperty<PatchOutcome> outcome = new SimpleObjectProperty<>(PatchOutcome.INSTALLED);
        final SimpleStringProperty reason = new SimpleStringProperty("");

        DeviceOutcome(WindowDevice device) {
            this.device = device;
        }
    }

    private final WindowService windows;
    private final PatchLogService patchLog;
    private final ValidationRequestService validations;
    private final Actor actor;
    private final Clock clock;

    CompleteWindowDialog(WindowService windows, PatchLogService patchLog, ValidationRequestService validations, Actor actor,
                         Clock clock) {
        this.windows = windows;
        this.patchLog = patchLog;
        this.validations = validations;
        this.actor = actor;
        this.clock = clock;
    }

    /** Shows the dialog; returns the recorded patch log entries, or empty when cancelled. */
    Optional<List<PatchLogEntry>> show(Window owner, PatchWindow window) {
        ZoneId zone = clock.getZone();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Complete window " + window.id());
        dialog.setResizable(true);
        dialog.getDialogPane().setId("completeWindowDialog");

        TextField update = new TextField(firstLine(window.plannedActions()));
        update.setId("completeUpdate");
        update.setPromptText("The update applied, e.g. Alaris PCU firmware 12.3.1");
        TextField performedBy = new TextField(actor.name());
        performedBy.setId("completePerformedBy");
        Instant finished = window.endsAt().isBefore(clock.instant()) ? window.endsAt() : clock.instant();
        DatePicker finishedDate = DateFields.picker("completeDate", finished.atZone(zone).toLocalDate());
        TextField finishedTime = new TextField(TIME.format(finished.atZone(zone).toLocalTime()));
        finishedTime.setId("completeTime");
        finishedTime.setPrefColumnCount(5);
        TextField versionAfter = new TextField();
        versionAfter.setId("completeVersionAfter");
        versionAfter.setPromptText("Software version after, for every installed device");

        List<Long> products = window.devices().stream().map(WindowDevice::productId).filter(Objects::nonNull).distinct().toList();
        List<Optional<ValidationRequest>> requestChoices = new ArrayList<>();
        requestChoices.add(Optional.empty());
        validations.list(RequestFilter.all().withStatuses(EnumSet.of(RequestStatus.VALIDATED))).stream()
                .filter(request -> products.contains(request.productId())).map(Optional::of).forEach(requestChoices::add);
        ComboBox<Optional<ValidationRequest>> validation = new ComboBox<>(FXCollections.observableArrayList(requestChoices));
        validation.setId("completeValidation");
        validation.setValue(requestChoices.size() == 2 ? requestChoices.get(1) : requestChoices.get(0));
        validation.setButtonCell(requestCell());
        validation.setCellFactory(list -> requestCell());
        validation.setMaxWidth(Double.MAX_VALUE);

        TreeSet<String> openCves = new TreeSet<>();
        window.devices().forEach(device -> patchLog.openFindings(device.deviceId()).forEach(row -> openCves.add(row.finding().cveId())));
        CheckListView<String> cves = new CheckListView<>(FXCollections.observableArrayList(openCves));
        cves.setId("completeCves");
        cves.setPrefHeight(110);
        TextField otherCves = new TextField();
        otherCves.setId("completeOtherCves");
        otherCves.setPromptText("Other CVE ids the update fixes, separated by commas");
        Label cveHint = new Label(openCves.isEmpty() ? "The devices have no open findings." : "Open findings of these devices: check"
                + " the CVEs the update fixes. Installed devices' findings of those CVEs close as patched.");
        cveHint.setWrapText(true);

        List<DeviceOutcome> rows = window.devices().stream().map(DeviceOutcome::new).toList();
        versionAfter.textProperty().addListener((o, old, text) -> rows.forEach(row -> {
            if (row.versionAfter.get().isEmpty() || row.versionAfter.get().equals(old)) {
                row.versionAfter.set(text);
            }
        }));
        TableView<DeviceOutcome> table = outcomeTable(rows);

        TextArea note = new TextArea();
        note.setId("windowOutcome");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        note.setPromptText("Summary for the window, e.g. all pumps updated; returned to service 23:40");
        Label timing = new Label();
        timing.setId("completeTiming");
        timing.setWrapText(true);
        timing.getStyleClass().add("window-warnings");
        Runnable checkTiming = () -> {
            try {
                Instant at = instant(DateFields.read(finishedDate, "The finishing date"), finishedTime.getText(), zone);
                timing.setText(at.isBefore(window.startsAt()) || at.isAfter(window.endsAt()) ? "\u26A0 The work is recorded outside the"
                        + " approved window (" + TIME.format(window.startsAt().atZone(zone)) + " on " + window.startsAt().atZone(zone)
                        .toLocalDate() + " to " + TIME.format(window.endsAt().atZone(zone)) + " on " + window.endsAt().atZone(zone)
                        .toLocalDate() + "); check the date and time, or say why in the outcome." : "");
            } catch (IllegalArgumentException e) {
                timing.setText("");
            }
        };
        finishedDate.valueProperty().addListener((o, old, value) -> checkTiming.run());
        finishedTime.textProperty().addListener((o, old, value) -> checkTiming.run());
        checkTiming.run();
        validation.valueProperty().addListener((o, old, chosen) -> chosen.map(ValidationRequest::cveId).filter(cves.getItems()::contains)
                .ifPresent(cve -> cves.getCheckModel().check(cve)));
        validation.getValue().map(ValidationRequest::cveId).filter(cves.getItems()::contains)
                .ifPresent(cve -> cves.getCheckModel().check(cve));
        Label problem = new Label();
        problem.setId("completeProblem");
        problem.getStyleClass().add("form-problem");
        problem.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Update applied"), update);
        grid.addRow(1, new Label("Performed by"), performedBy, new Label("Finished"), new HBox(6, finishedDate, finishedTime));
        grid.add(timing, 1, 4, 3, 1);
        grid.addRow(2, new Label("Vendor validation"), validation);
        grid.addRow(3, new Label("Version after"), versionAfter);
        GridPane.setColumnSpan(update, 3);
        GridPane.setColumnSpan(validation, 3);
        GridPane.setHgrow(update, Priority.ALWAYS);
        Forms.keepLabels(grid);
        VBox box = new VBox(8, grid, new Label("CVEs the update fixes"), cveHint, cves, otherCves, new Label("Outcome per device"), table,
                new Label("Outcome of the window"), note, problem);
        box.setPadding(new Insets(6));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().setPrefSize(880, 760);
        ButtonType done = new ButtonType("Complete window", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(done, ButtonType.CANCEL);
        List<List<PatchLogEntry>> recorded = new ArrayList<>();
        dialog.getDialogPane().lookupButton(done).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                Instant performedAt = instant(DateFields.read(finishedDate, "The finishing date"), finishedTime.getText(), zone);
                List<String> fixed = new ArrayList<>(cves.getCheckModel().getCheckedItems());
                for (String other : otherCves.getText().split("[,;\\s]+")) {
                    if (!other.isBlank()) {
                        fixed.add(other.strip());
                    }
                }
                Long requestId = validation.getValue().map(ValidationRequest::id).orElse(null);
                List<NewLogEntry> entries = rows.stream().map(row -> new NewLogEntry(row.device.deviceId(), update.getText(), null,
                        row.outcome.get() == PatchOutcome.INSTALLED ? row.versionAfter.get() : null, performedAt, performedBy.getText(),
                        row.outcome.get(), row.reason.get(), fixed, null, requestId, null, null)).toList();
                recorded.add(windows.complete(window.id(), note.getText(), entries, actor));
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem.setText(e.getMessage());
                event.consume();
            }
        });
        return dialog.showAndWait().filter(done::equals).map(button -> recorded.get(0));
    }

    private static TableView<DeviceOutcome> outcomeTable(List<DeviceOutcome> rows) {
        TableView<DeviceOutcome> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.setId("completeDevices");
        table.setEditable(true);
        table.setPrefHeight(180);
        TableColumn<DeviceOutcome, String> tag = new TableColumn<>("Asset Tag");
        tag.setCellValueFactory(data -> new ReadOnlyStringWrapper(data.getValue().device.assetTag()));
        tag.setPrefWidth(110);
        TableColumn<DeviceOutcome, String> before = new TableColumn<>("Version before");
        before.setCellValueFactory(data -> new ReadOnlyStringWrapper(Objects.toString(data.getValue().device.softwareVersion(), "")));
        before.setPrefWidth(120);
        TableColumn<DeviceOutcome, String> after = new TableColumn<>("Version after");
        after.setCellValueFactory(data -> data.getValue().versionAfter);
        after.setCellFactory(TextFieldTableCell.forTableColumn());
        after.setPrefWidth(120);
        TableColumn<DeviceOutcome, PatchOutcome> outcome = new TableColumn<>("Outcome");
        outcome.setCellValueFactory(data -> data.getValue().outcome);
        outcome.setCellFactory(ComboBoxTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(PatchOutcome value) {
                return value == null ? "" : value.label();
            }

            @Override
            public PatchOutcome fromString(String text) {
                return PatchOutcome.parse(text);
            }
        }, PatchOutcome.values()));
        outcome.setPrefWidth(120);
        TableColumn<DeviceOutcome, String> reason = new TableColumn<>("Reason (when not installed)");
        reason.setCellValueFactory(data -> data.getValue().reason);
        reason.setCellFactory(TextFieldTableCell.forTableColumn());
        reason.setPrefWidth(300);
        table.getColumns().setAll(List.of(tag, before, after, outcome, reason));
        return table;
    }

    private static ListCell<Optional<ValidationRequest>> requestCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Optional<ValidationRequest> item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.map(request -> "Request " + request.id() + ": " + request.product() + ", "
                        + request.subject() + (request.validatedOn() == null ? "" : ", validated " + request.validatedOn()))
                        .orElse("None: the update needs no vendor validation or it is not recorded"));
            }
        };
    }

    private static Instant instant(LocalDate date, String time, ZoneId zone) {
        if (date == null) {
            throw new IllegalArgumentException("Choose the date the work finished");
        }
        try {
            return LocalDateTime.of(date, LocalTime.parse(time.strip(), TIME)).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Enter the time the work finished as hours and minutes, such as 23:40 (not '" + time + "')");
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
    }
}
