package org.patchdesk.windows.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import javafx.util.converter.DefaultStringConverter;

import org.controlsfx.control.CheckListView;
import org.patchdesk.playbooks.PlaybookService;
import org.patchdesk.playbooks.PlaybookSummary;
import org.patchdesk.ui.DateFields;
import org.patchdesk.windows.CabStatus;
import org.patchdesk.windows.PatchWindow;
import org.patchdesk.windows.WindowDevice;
import org.patchdesk.windows.WindowDraft;
import org.patchdesk.windows.WindowService;
import org.patchdesk.windows.WindowType;
import org.patchdesk.windows.WindowWarning;

/**
 * The dialog that plans a new window or changes one: times, place, type, planned actions, change
 * ticket and the devices with their expected downtime. It shows the warnings of what is entered
 * and returns the draft to save; the caller saves it through the service.
 */
final class WindowEditor {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.US);

    /** A device row of the editor, whose downtime the user edits. */
    static final class PlannedRow {
        final WindowDevice device;
        final SimpleObjectProperty<String> downtime;

        PlannedRow(WindowDevice device, Integer minutes) {
            this.device = device;
            this.downtime = new SimpleObjectProperty<>(minutes == null ? "" : String.valueOf(minutes));
        }
    }

    private final WindowService windows;
    private final PlaybookService playbooks;
    private final ZoneId zone;

    private final TextField title = new TextField();
    private final DatePicker startDate = DateFields.picker("windowStartDate", null);
    private final TextField startTime = new TextField();
    private final DatePicker endDate = DateFields.picker("windowEndDate", null);
    private final TextField endTime = new TextField();
    private final ComboBox<String> department = new ComboBox<>();
    private final TextField location = new TextField();
    private final ComboBox<WindowType> type = new ComboBox<>(FXCollections.observableArrayList(WindowType.values()));
    private final TextArea actions = new TextArea();
    private final TextField ticket = new TextField();
    private final ComboBox<CabStatus> cab = new ComboBox<>(FXCollections.observableArrayList(CabStatus.values()));
    private final DatePicker cabDate = DateFields.picker("windowCabDate", null);
    private final TextField deviceSearch = new TextField();
    private final ListView<WindowDevice> found = new ListView<>();
    private final ObservableList<PlannedRow> planned = FXCollections.observableArrayList();
    private final TableView<PlannedRow> plannedTable = new TableView<>(planned);
    private final Label warnings = new Label();
    private final Label problem = new Label();

    private final CheckListView<PlaybookSummary> playbookList = new CheckListView<>();
    private final Label playbookHint = new Label();

    WindowEditor(WindowService windows, PlaybookService playbooks, ZoneId zone) {
        this.windows = windows;
        this.playbooks = playbooks;
        this.zone = zone;
    }

    /** Shows the dialog for a new window starting at {@code start}, or for {@code existing}; empty when cancelled. */
    Optional<WindowDraft> show(Window owner, PatchWindow existing, LocalDateTime start) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(existing == null ? "New patch window" : "Edit window " + existing.id());
        dialog.setResizable(true);
        dialog.getDialogPane().setId("windowEditorDialog");
        fill(existing, start);
        dialog.getDialogPane().setContent(content());
        ButtonType save = new ButtonType(existing == null ? "Propose window" : "Save changes", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);

        Long id = existing == null ? null : existing.id();
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            try {
                draft();
                problem.setText("");
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
                event.consume();
            }
        });

        Runnable recheck = () -> showWarnings(id);
        title.textProperty().addListener((o, a, b) -> problem.setText(""));
        startDate.valueProperty().addListener((o, a, b) -> recheck.run());
        endDate.valueProperty().addListener((o, a, b) -> recheck.run());
        startTime.focusedProperty().addListener((o, a, focused) -> recheck.run());
        endTime.focusedProperty().addListener((o, a, focused) -> recheck.run());
        department.valueProperty().addListener((o, a, b) -> recheck.run());
        planned.addListener((javafx.collections.ListChangeListener<PlannedRow>) change -> recheck.run());
        recheck.run();
        dialog.getDialogPane().setPrefSize(900, 720);
        return dialog.showAndWait().filter(save::equals).map(button -> draft());
    }

    private List<Long> initialPlaybooks = List.of();

    private void fill(PatchWindow existing, LocalDateTime start) {
        department.setEditable(true);
        department.getItems().setAll(windows.departments());
        type.setValue(WindowType.ROUTINE);
        cab.setValue(CabStatus.NOT_SUBMITTED);
        if (existing == null) {
            startDate.setValue(start.toLocalDate());
            startTime.setText(TIME.format(start.toLocalTime()));
            endDate.setValue(start.plusHours(2).toLocalDate());
            endTime.setText(TIME.format(start.plusHours(2).toLocalTime()));
            return;
        }
        title.setText(existing.title());
        LocalDateTime from = existing.startsAt().atZone(zone).toLocalDateTime();
        LocalDateTime to = existing.endsAt().atZone(zone).toLocalDateTime();
        startDate.setValue(from.toLocalDate());
        startTime.setText(TIME.format(from.toLocalTime()));
        endDate.setValue(to.toLocalDate());
        endTime.setText(TIME.format(to.toLocalTime()));
        department.setValue(existing.department());
        location.setText(existing.location() == null ? "" : existing.location());
        type.setValue(existing.type());
        actions.setText(existing.plannedActions() == null ? "" : existing.plannedActions());
        ticket.setText(existing.changeTicket() == null ? "" : existing.changeTicket());
        cab.setValue(existing.cabStatus());
        cabDate.setValue(existing.cabDate());
        existing.devices().forEach(device -> planned.add(new PlannedRow(device, device.downtimeMinutes())));
        initialPlaybooks = existing.playbooks().stream().map(PatchWindow.Attached::id).toList();
    }

    /** Lists every playbook, those that match the planned devices first, and keeps the ones checked. */
    private void refreshPlaybooks(List<Long> checked) {
        List<Long> keep = new java.util.ArrayList<>(checked);
        List<PlaybookSummary> suggested = playbooks.suggestFor(
                planned.stream().map(row -> row.device.deviceTypeId()).filter(java.util.Objects::nonNull).distinct().toList(),
                planned.stream().map(row -> row.device.productId()).filter(java.util.Objects::nonNull).distinct().toList());
        List<PlaybookSummary> all = new java.util.ArrayList<>(suggested);
        playbooks.list().stream().filter(playbook -> suggested.stream().noneMatch(s -> s.id() == playbook.id())).forEach(all::add);
        playbookList.getItems().setAll(all);
        playbookList.getCheckModel().clearChecks();
        for (PlaybookSummary playbook : all) {
            if (keep.contains(playbook.id())) {
                playbookList.getCheckModel().check(playbook);
            }
        }
        playbookHint.setText(suggested.isEmpty() ? "No playbook is attached to these devices' types or products."
                : suggested.size() + (suggested.size() == 1 ? " playbook matches" : " playbooks match") + " these devices and is listed"
                + " first.");
    }

    private VBox content() {
        title.setId("windowTitle");
        title.setPromptText("e.g. ICU infusion pumps, wave 1");
        startTime.setId("windowStartTime");
        endTime.setId("windowEndTime");
        startTime.setPrefColumnCount(5);
        endTime.setPrefColumnCount(5);
        startTime.setPromptText("HH:mm");
        endTime.setPromptText("HH:mm");
        department.setId("windowDepartment");
        department.setMaxWidth(Double.MAX_VALUE);
        location.setId("windowLocation");
        type.setId("windowType");
        type.setButtonCell(typeCell());
        type.setCellFactory(list -> typeCell());
        actions.setId("windowActions");
        actions.setPrefRowCount(3);
        actions.setWrapText(true);
        actions.setPromptText("The patches or actions planned, e.g. vendor-validated update 7.1.3 and drug library refresh");
        ticket.setId("windowChangeTicket");
        ticket.setPromptText("e.g. CHG0012345");
        cab.setId("windowCabStatus");
        cab.setButtonCell(cabCell());
        cab.setCellFactory(list -> cabCell());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Title"), title);
        GridPane.setColumnSpan(title, 3);
        grid.addRow(1, new Label("Starts"), new HBox(6, startDate, startTime), new Label("Ends"), new HBox(6, endDate, endTime));
        grid.addRow(2, new Label("Department"), department, new Label("Location"), location);
        grid.addRow(3, new Label("Type"), type);
        grid.addRow(4, new Label("Planned actions"), actions);
        GridPane.setColumnSpan(actions, 3);
        grid.addRow(5, new Label("Change ticket"), ticket, new Label("CAB status"), new HBox(6, cab, cabDate));
        Forms.keepLabels(grid);
        GridPane.setHgrow(title, Priority.ALWAYS);

        deviceSearch.setId("windowDeviceSearch");
        deviceSearch.setPromptText("Find devices of any department by asset tag, type, model, department or location");
        deviceSearch.textProperty().addListener((o, a, text) -> search());
        found.setId("windowDeviceResults");
        found.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        found.setPrefHeight(150);
        found.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(WindowDevice device, boolean empty) {
                super.updateItem(device, empty);
                setText(empty || device == null ? null : describe(device));
            }
        });
        Button add = new Button("Add selected");
        add.setId("addWindowDevicesButton");
        add.setOnAction(event -> addSelected());
        found.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                addSelected();
            }
        });
        Button remove = new Button("Remove");
        remove.setId("removeWindowDeviceButton");
        remove.setOnAction(event -> planned.removeAll(List.copyOf(plannedTable.getSelectionModel().getSelectedItems())));
        remove.disableProperty().bind(plannedTable.getSelectionModel().selectedItemProperty().isNull());

        plannedTable.setId("windowDevicesTable");
        plannedTable.setEditable(true);
        plannedTable.setPrefHeight(170);
        plannedTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        plannedTable.getColumns().add(column("Asset Tag", 110, row -> row.device.assetTag()));
        plannedTable.getColumns().add(column("Type", 150, row -> orEmpty(row.device.deviceType())));
        plannedTable.getColumns().add(column("Model", 170, row -> (orEmpty(row.device.manufacturer()) + " " + orEmpty(row.device.model()))
                .strip()));
        plannedTable.getColumns().add(column("Department", 120, row -> orEmpty(row.device.department())));
        TableColumn<PlannedRow, String> downtime = new TableColumn<>("Downtime (min)");
        downtime.setId("downtimeColumn");
        downtime.setPrefWidth(130);
        downtime.setCellValueFactory(data -> data.getValue().downtime);
        downtime.setCellFactory(TextFieldTableCell.forTableColumn(new DefaultStringConverter()));
        downtime.setOnEditCommit(event -> event.getRowValue().downtime.set(event.getNewValue()));
        plannedTable.getColumns().add(downtime);

        warnings.setId("windowWarnings");
        warnings.setWrapText(true);
        warnings.getStyleClass().add("window-warnings");
        problem.setId("windowProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("form-problem");

        playbookList.setId("windowPlaybooks");
        playbookList.setPrefHeight(90);
        playbookList.setCellFactory(list -> new CheckBoxListCell<>(playbookList::getItemBooleanProperty, new StringConverter<>() {
            @Override
            public String toString(PlaybookSummary item) {
                return item == null ? "" : item.name() + (item.appliesTo() == null ? "" : "  (" + item.appliesTo() + ")");
            }

            @Override
            public PlaybookSummary fromString(String text) {
                throw new UnsupportedOperationException("Playbooks are chosen, not typed");
            }
        }));
        playbookHint.setId("windowPlaybookHint");
        planned.addListener((javafx.collections.ListChangeListener<PlannedRow>) change -> refreshPlaybooks(checkedPlaybooks()));
        refreshPlaybooks(initialPlaybooks);

        VBox devices = new VBox(6, new Label("Add devices"), new HBox(6, deviceSearch, add), found,
                new HBox(6, new Label("Devices in the window (double-click a downtime to edit it)"), remove), plannedTable,
                new HBox(6, new Label("Playbooks for the work order"), playbookHint), playbookList);
        HBox.setHgrow(deviceSearch, Priority.ALWAYS);
        VBox box = new VBox(10, grid, devices, warnings, problem);
        box.setPadding(new Insets(6));
        search();
        return box;
    }

    private void search() {
        found.getItems().setAll(windows.searchDevices(deviceSearch.getText(), "", 200));
    }

    private void addSelected() {
        for (WindowDevice device : List.copyOf(found.getSelectionModel().getSelectedItems())) {
            if (planned.stream().noneMatch(row -> row.device.deviceId() == device.deviceId())) {
                planned.add(new PlannedRow(device, null));
            }
        }
    }

    private void showWarnings(Long id) {
        try {
            List<WindowWarning> list = windows.check(id, draft());
            warnings.setText(list.isEmpty() ? "No warnings." : list.stream().map(warning -> "\u26A0 " + warning.kind().label() + ": "
                    + warning.message()).collect(Collectors.joining("\n")));
        } catch (IllegalArgumentException e) {
            warnings.setText("");
        }
    }

    /** Returns the draft the fields describe. */
    WindowDraft draft() {
        Instant start = instant(DateFields.read(startDate, "The start date"), startTime.getText(), "start");
        Instant end = instant(DateFields.read(endDate, "The end date"), endTime.getText(), "end");
        List<WindowDraft.Planned> devices = planned.stream().map(row -> new WindowDraft.Planned(row.device.deviceId(),
                minutes(row))).toList();
        String dept = department.getEditor() == null ? department.getValue() : department.getEditor().getText();
        return new WindowDraft(title.getText(), start, end, dept, location.getText(), type.getValue(), actions.getText(), devices,
                ticket.getText(), cab.getValue(), DateFields.read(cabDate, "The CAB date"), checkedPlaybooks());
    }

    private List<Long> checkedPlaybooks() {
        return playbookList.getItems().stream().filter(item -> playbookList.getCheckModel().isChecked(item)).map(PlaybookSummary::id)
                .toList();
    }

    private Instant instant(LocalDate date, String time, String which) {
        if (date == null) {
            throw new IllegalArgumentException("Choose the " + which + " date");
        }
        try {
            return date.atTime(LocalTime.parse(time.strip(), TIME)).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Enter the " + which + " time as hours and minutes, such as 06:30 (not '" + time + "')");
        }
    }

    private static Integer minutes(PlannedRow row) {
        String text = row.downtime.get() == null ? "" : row.downtime.get().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Downtime of " + row.device.assetTag() + " must be whole minutes, not '" + text + "'");
        }
    }

    static String describe(WindowDevice device) {
        StringBuilder text = new StringBuilder(device.assetTag());
        String what = (orEmpty(device.deviceType()) + " " + orEmpty(device.manufacturer()) + " " + orEmpty(device.model())).strip()
                .replaceAll("\\s+", " ");
        if (!what.isEmpty()) {
            text.append("  ").append(what);
        }
        if (device.department() != null) {
            text.append("  (").append(device.department()).append(device.location() == null ? "" : ", " + device.location()).append(')');
        }
        return text.toString();
    }

    private static TableColumn<PlannedRow, String> column(String title, double width, java.util.function.Function<PlannedRow, String> text) {
        TableColumn<PlannedRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setEditable(false);
        column.setCellValueFactory(data -> new javafx.beans.property.ReadOnlyStringWrapper(text.apply(data.getValue())));
        return column;
    }

    private static ListCell<WindowType> typeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(WindowType item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        };
    }

    private static ListCell<CabStatus> cabCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(CabStatus item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        };
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
