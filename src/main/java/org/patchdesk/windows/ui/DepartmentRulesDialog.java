package org.patchdesk.windows.ui;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.patchdesk.common.Actor;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DateFields;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;
import org.patchdesk.windows.Blackout;
import org.patchdesk.windows.MinimumInService;
import org.patchdesk.windows.WindowRules;
import org.patchdesk.windows.WindowService;

/**
 * The rules windows are checked against: each department's blackout periods, its minimum devices in
 * service per type, and whether completing a window needs an approved change.
 */
final class DepartmentRulesDialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d, yyyy HH:mm", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.US);

    private final WindowRules rules;
    private final WindowService windows;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final ZoneId zone;

    private final TableView<Blackout> blackouts = new TableView<>();
    private final TableView<MinimumInService> minimums = new TableView<>();
    private final Label problem = new Label();

    DepartmentRulesDialog(WindowRules rules, WindowService windows, BackgroundTasks tasks, DialogService dialogs, Actor actor, ZoneId zone) {
        this.rules = rules;
        this.windows = windows;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.zone = zone;
    }

    void show(Window owner, Runnable onClose) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Department rules for patch windows");
        dialog.setResizable(true);
        dialog.getDialogPane().setId("departmentRulesDialog");
        List<String> departments = windows.departments();

        blackouts.setId("blackoutTable");
        blackouts.setPrefHeight(180);
        blackouts.getColumns().setAll(List.of(TableColumns.text("Department", 140, Blackout::department),
                TableColumns.text("From", 170, blackout -> WHEN.format(blackout.startsAt().atZone(zone))),
                TableColumns.text("To", 170, blackout -> WHEN.format(blackout.endsAt().atZone(zone))),
                TableColumns.text("Repeats", 90, blackout -> blackout.weekly() ? "Every week" : "Once"),
                TableColumns.text("Reason", 220, Blackout::reason)));
        ComboBox<String> blackoutDepartment = departmentBox(departments, "blackoutDepartment");
        DatePicker fromDate = DateFields.picker("blackoutFromDate", null);
        TextField fromTime = timeField("blackoutFromTime", "07:00");
        DatePicker toDate = DateFields.picker("blackoutToDate", null);
        TextField toTime = timeField("blackoutToTime", "17:00");
        CheckBox weekly = new CheckBox("Every week");
        weekly.setId("blackoutWeekly");
        TextField reason = new TextField();
        reason.setId("blackoutReason");
        reason.setPromptText("Reason, e.g. OR block schedule or survey week");
        Button addBlackout = new Button("Add blackout");
        addBlackout.setId("addBlackoutButton");
        addBlackout.setOnAction(event -> save(() -> rules.addBlackout(blackoutDepartment.getEditor().getText(),
                instant(DateFields.read(fromDate, "The start date"), fromTime.getText(), "start"), instant(DateFields.read(toDate, "The end date"), toTime.getText(), "end"),
                weekly.isSelected(), reason.getText(), actor)));
        Button removeBlackout = new Button("Remove");
        removeBlackout.setId("removeBlackoutButton");
        removeBlackout.disableProperty().bind(blackouts.getSelectionModel().selectedItemProperty().isNull());
        removeBlackout.setOnAction(event -> save(() -> rules.removeBlackout(blackouts.getSelectionModel().getSelectedItem(), actor)));

        minimums.setId("minimumTable");
        minimums.setPrefHeight(160);
        minimums.getColumns().setAll(List.of(TableColumns.text("Department", 160, MinimumInService::department),
                TableColumns.text("Device type", 220, MinimumInService::deviceType),
                TableColumns.text("Keep in service", 120, minimum -> String.valueOf(minimum.minimum()))));
        ComboBox<String> minimumDepartment = departmentBox(departments, "minimumDepartment");
        ComboBox<WindowRules.TypeChoice> type = new ComboBox<>(FXCollections.observableArrayList(rules.deviceTypes()));
        type.setId("minimumType");
        type.setPromptText("Device type");
        type.setButtonCell(typeCell());
        type.setCellFactory(list -> typeCell());
        Spinner<Integer> count = new Spinner<>(0, 10_000, 1);
        count.setId("minimumCount");
        count.setEditable(true);
        count.setPrefWidth(90);
        Button setMinimum = new Button("Set minimum");
        setMinimum.setId("setMinimumButton");
        setMinimum.setOnAction(event -> {
            if (type.getValue() == null) {
                problem.setText("Choose the device type the minimum applies to.");
                return;
            }
            save(() -> rules.setMinimum(minimumDepartment.getEditor().getText(), type.getValue().id(), count.getValue(), actor));
        });
        Button removeMinimum = new Button("Remove");
        removeMinimum.setId("removeMinimumButton");
        removeMinimum.disableProperty().bind(minimums.getSelectionModel().selectedItemProperty().isNull());
        removeMinimum.setOnAction(event -> save(() -> rules.removeMinimum(minimums.getSelectionModel().getSelectedItem(), actor)));

        CheckBox requireChange = new CheckBox("A window can be completed only when its change ticket is approved by the CAB");
        requireChange.setId("requireApprovedChange");
        requireChange.setSelected(rules.requiresApprovedChange());
        requireChange.selectedProperty().addListener((o, old, required) -> save(() -> rules.setRequiresApprovedChange(required, actor)));

        problem.setId("departmentRulesProblem");
        problem.getStyleClass().add("form-problem");
        problem.setWrapText(true);
        Label blackoutTitle = new Label("Blackout periods: no patch window in the department during these times");
        blackoutTitle.getStyleClass().add("section-title");
        Label minimumTitle = new Label("Minimum in service: devices of a type the department keeps running while others are patched");
        minimumTitle.getStyleClass().add("section-title");
        Label changeTitle = new Label("Change management");
        changeTitle.getStyleClass().add("section-title");
        VBox box = new VBox(8, blackoutTitle, blackouts,
                new HBox(6, blackoutDepartment, fromDate, fromTime, new Label("to"), toDate, toTime, weekly),
                new HBox(6, reason, addBlackout, removeBlackout),
                minimumTitle, minimums, new HBox(6, minimumDepartment, type, count, setMinimum, removeMinimum),
                changeTitle, requireChange, problem);
        HBox.setHgrow(reason, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new Insets(6));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().setPrefWidth(940);
        refresh();
        dialog.showAndWait();
        onClose.run();
    }

    private void save(Runnable change) {
        problem.setText("");
        try {
            change.run();
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage() + ".");
            return;
        }
        refresh();
    }

    private void refresh() {
        tasks.submit("Reading department rules", monitor -> new Object[] {rules.blackouts(), rules.minimums()}, value -> {
            @SuppressWarnings("unchecked")
            List<Blackout> blackoutList = (List<Blackout>) value[0];
            @SuppressWarnings("unchecked")
            List<MinimumInService> minimumList = (List<MinimumInService>) value[1];
            blackouts.getItems().setAll(blackoutList);
            minimums.getItems().setAll(minimumList);
        }, error -> dialogs.showFailure("Rules not shown", "Reading the department rules failed.", error));
    }

    private java.time.Instant instant(LocalDate date, String time, String which) {
        if (date == null) {
            throw new IllegalArgumentException("Choose the " + which + " date of the blackout");
        }
        try {
            return date.atTime(LocalTime.parse(time.strip(), TIME)).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Enter the " + which + " time as hours and minutes, such as 07:00 (not '" + time + "')");
        }
    }

    private static ComboBox<String> departmentBox(List<String> departments, String id) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(departments));
        box.setId(id);
        box.setEditable(true);
        box.setPromptText("Department");
        box.setPrefWidth(150);
        return box;
    }

    private static TextField timeField(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPrefColumnCount(5);
        return field;
    }

    private static ListCell<WindowRules.TypeChoice> typeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(WindowRules.TypeChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        };
    }
}
