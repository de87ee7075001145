package org.patchdesk.windows.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarEvent;
import com.calendarfx.model.CalendarSource;
import com.calendarfx.model.Entry;
import com.calendarfx.model.LoadEvent;
import com.calendarfx.view.CalendarView;
import com.calendarfx.view.DateControl;
import org.patchdesk.common.Actor;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.patchlog.PatchLogService;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.playbooks.PlaybookService;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.DocumentOpener;
import org.patchdesk.users.AuthenticationException;
import org.patchdesk.vendors.ValidationRequestService;
import org.patchdesk.windows.PatchWindow;
import org.patchdesk.windows.WindowCalendarExport;
import org.patchdesk.windows.WindowDevice;
import org.patchdesk.windows.WindowDraft;
import org.patchdesk.windows.WindowEvent;
import org.patchdesk.windows.WindowRules;
import org.patchdesk.windows.WindowService;
import org.patchdesk.windows.WindowStatus;
import org.patchdesk.windows.WindowWarning;
import org.patchdesk.windows.WindowWorkOrders;

/**
 * Patch windows on a calendar with month, week and day views, a list of the open windows, and the
 * selected window's details and actions. The calendar loads the windows of the dates it shows;
 * dragging a window reschedules it, and an approved window that moves goes back for approval.
 */
public final class WindowCalendarView extends BorderPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d, yyyy HH:mm", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);

    /** A loaded window with its warnings. */
    record Loaded(PatchWindow window, List<WindowWarning> warnings) {
    }

    private final WindowService windows;
    private final WindowRules rules;
    private final WindowCalendarExport export;
    private final PlaybookService playbooks;
    private final WindowWorkOrders workOrders;
    private final DocumentOpener opener;
    private final PatchLogService patchLog;
    private final ValidationRequestService validations;
    private final Runnable onCompleted;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final Clock clock;
    private final ZoneId zone;

    private final CalendarView calendarView = new CalendarView(CalendarView.Page.DAY, CalendarView.Page.WEEK, CalendarView.Page.MONTH);
    private final Map<WindowStatus, Calendar<PatchWindow>> calendars = new EnumMap<>(WindowStatus.class);
    private final ListView<Loaded> openList = new ListView<>();
    private final VBox details = new VBox(8);
    private final Label summary = new Label();
    private final Map<Long, Loaded> loaded = new LinkedHashMap<>();
    private LocalDate loadedFrom;
    private LocalDate loadedTo;
    private Long selectedId;
    /** True while entries are placed by a load, so their interval changes are not taken for drags. */
    private boolean placing;

    /**
     * Creates the view. {@code onCompleted} runs after a window is completed, when the patch log has
     * changed devices' versions and findings.
     */
    public WindowCalendarView(WindowService windows, WindowRules rules, WindowCalendarExport export, PlaybookService playbooks,
                              WindowWorkOrders workOrders, PatchLogService patchLog, ValidationRequestService validations,
                              BackgroundTasks tasks, DialogService dialogs, DocumentOpener opener, Actor actor, Clock clock,
                              Runnable onCompleted) {
        this.patchLog = patchLog;
        this.validations = validations;
        this.onCompleted = onCompleted;
        this.windows = windows;
        this.rules = rules;
        this.export = export;
        this.playbooks = playbooks;
        this.workOrders = workOrders;
        this.opener = opener;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.clock = clock;
        this.zone = clock.getZone();
        setId("windowCalendarView");
        setTop(toolBar());
        SplitPane split = new SplitPane(calendar(), sidePane());
        split.setDividerPositions(0.68);
        setCenter(split);
    }

    private ToolBar toolBar() {
        Button create = new Button("New window…");
        create.setId("newWindowButton");
        create.setOnAction(event -> createAt(LocalDateTime.now(clock).plusDays(1).withHour(6).withMinute(0).withSecond(0).withNano(0)));
        Button rulesButton = new Button("Department rules…");
        rulesButton.setId("departmentRulesButton");
        rulesButton.setOnAction(event -> new DepartmentRulesDialog(rules, windows, tasks, dialogs, actor, zone).show(getScene().getWindow(),
                this::reload));
        Button exportButton = new Button("Export .ics…");
        exportButton.setId("exportIcsButton");
        exportButton.setOnAction(event -> exportCalendar());
        summary.setId("windowSummary");
        return new ToolBar(create, rulesButton, exportButton, summary);
    }

    private CalendarView calendar() {
        CalendarSource source = new CalendarSource("Patch windows");
        String[] styles = {"style3", "style5", "style1", "style2", "style7"};
        for (WindowStatus status : WindowStatus.values()) {
            Calendar<PatchWindow> calendar = new Calendar<>(status.label());
            calendar.setShortName(status.word());
            calendar.setStyle(styles[status.ordinal()]);
            calendar.setReadOnly(!status.isOpen());
            calendar.addEventHandler(event -> {
                if (event.getEventType() == CalendarEvent.ENTRY_INTERVAL_CHANGED) {
                    intervalChanged(event);
                }
            });
            calendars.put(status, calendar);
            source.getCalendars().add(calendar);
        }
        calendarView.setId("windowCalendar");
        calendarView.getCalendarSources().setAll(source);
        calendarView.setZoneId(zone);
        calendarView.setWeekFields(WeekFields.of(Locale.US));
        calendarView.setToday(LocalDate.now(clock));
        calendarView.setDate(LocalDate.now(clock));
        calendarView.setTime(LocalDateTime.now(clock).toLocalTime());
        calendarView.setShowAddCalendarButton(false);
        calendarView.setShowPrintButton(false);
        calendarView.setShowSourceTrayButton(false);
        calendarView.setShowSourceTray(false);
        calendarView.setShowSearchField(false);
        calendarView.setShowDeveloperConsole(false);

        calendarView.setEntryFactory(parameter -> {
            createAt(parameter.getZonedDateTime().withZoneSameInstant(zone).toLocalDateTime());
            return null;
        });
        calendarView.setEntryEditPolicy(parameter -> parameter.getEditOperation() != DateControl.EditOperation.DELETE
                && windowOf(parameter.getEntry()).map(window -> window.status().isOpen()).orElse(false));
        calendarView.setEntryDetailsCallback(parameter -> {
            windowOf(parameter.getEntry()).ifPresent(window -> {
                select(window.id());
                if (parameter.getInputEvent() instanceof javafx.scene.input.MouseEvent mouse && mouse.getClickCount() == 2
                        && window.status().isOpen()) {
                    edit(window);
                }
            });
            return true;
        });

        calendarView.setEntryContextMenuCallback(parameter -> null);
        calendarView.setContextMenuCallback(parameter -> null);
        calendarView.getSelections().addListener((javafx.collections.SetChangeListener<Entry<?>>) change -> {
            if (change.wasAdded()) {
                windowOf(change.getElementAdded()).ifPresent(window -> select(window.id()));
            }
        });
        calendarView.addEventHandler(LoadEvent.LOAD, event -> load(event.getStartDate(), event.getEndDate()));
        calendarView.setRequestedTime(LocalTime.of(6, 0));
        calendarView.showMonthPage();
        return calendarView;
    }

    private VBox sidePane() {
        openList.setId("openWindowsList");
        openList.setPrefHeight(240);
        openList.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(20));
            }

            @Override
            protected void updateItem(Loaded item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                PatchWindow window = item.window();
                setText((item.warnings().isEmpty() ? "" : "\u26A0 ") + WHEN.format(window.startsAt().atZone(zone)) + "  " + window.title()
                        + "\n" + window.status().label() + ", " + devicesText(window.devices().size())
                        + (window.department() == null ? "" : ", " + window.department())
                        + (window.decline() == null ? "" : "\nApproval declined: " + window.decline().reason()));
            }
        });
        openList.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            if (item != null) {
                select(item.window().id());
                calendarView.setDate(item.window().startsAt().atZone(zone).toLocalDate());
            }
        });
        details.setId("windowDetails");
        details.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label openTitle = new Label("Open windows");
        openTitle.getStyleClass().add("section-title");
        VBox side = new VBox(6, openTitle, openList, scroll);
        side.setPadding(new Insets(6));
        showDetails(null);
        return side;
    }

    /** Reloads the dates on the calendar and the list of open windows. */
    public void refresh() {
        reload();
    }

    private void reload() {
        LocalDate date = calendarView.getDate();
        LocalDate from = loadedFrom == null ? date.withDayOfMonth(1).minusDays(7) : loadedFrom;
        LocalDate to = loadedTo == null ? date.withDayOfMonth(1).plusMonths(1).plusDays(7) : loadedTo;
        loadedFrom = null;
        load(from, to);
    }

    private void load(LocalDate from, LocalDate to) {
        if (loadedFrom != null && !from.isBefore(loadedFrom) && !to.isAfter(loadedTo)) {
            return;
        }
        LocalDate start = from.minusDays(1);
        LocalDate end = to.plusDays(2);
        loadedFrom = start;
        loadedTo = end;
        Instant listFrom = LocalDate.now(clock).minusDays(30).atStartOfDay(zone).toInstant();
        tasks.submit("Loading patch windows", monitor -> {
            List<PatchWindow> inRange = windows.between(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
            List<PatchWindow> open = windows.between(listFrom, LocalDate.of(9999, 1, 1).atStartOfDay(zone).toInstant()).stream()
                    .filter(window -> window.status().isOpen()).toList();
            Map<Long, Loaded> result = new LinkedHashMap<>();
            for (PatchWindow window : inRange) {
                result.put(window.id(), new Loaded(window, window.status().isOpen() ? windows.warnings(window) : List.of()));
            }
            List<Loaded> openLoaded = new ArrayList<>();
            for (PatchWindow window : open) {
                openLoaded.add(result.containsKey(window.id()) ? result.get(window.id()) : new Loaded(window, windows.warnings(window)));
            }
            for (PatchWindow window : windows.endedWithoutOutcome()) {
                if (openLoaded.stream().noneMatch(item -> item.window().id() == window.id())) {
                    openLoaded.add(0, new Loaded(window, windows.warnings(window)));
                }
            }
            return new Object[] {result, openLoaded};
        }, value -> {
            @SuppressWarnings("unchecked")
            Map<Long, Loaded> result = (Map<Long, Loaded>) value[0];
            @SuppressWarnings("unchecked")
            List<Loaded> openLoaded = (List<Loaded>) value[1];
            place(result, openLoaded);
        }, error -> dialogs.showFailure("Windows not shown", "Reading the patch windows failed.", error));
    }

    private void place(Map<Long, Loaded> result, List<Loaded> openLoaded) {
        placing = true;
        try {
            calendars.values().forEach(Calendar::clear);
            loaded.clear();
            loaded.putAll(result);
            openLoaded.forEach(item -> loaded.putIfAbsent(item.window().id(), item));
            for (Loaded item : result.values()) {
                PatchWindow window = item.window();
                Entry<PatchWindow> entry = new Entry<>((item.warnings().isEmpty() ? "" : "\u26A0 ") + window.title());
                entry.setId(String.valueOf(window.id()));
                entry.setInterval(window.startsAt().atZone(zone), window.endsAt().atZone(zone));
                entry.setLocation(window.department());
                entry.setUserObject(window);
                calendars.get(window.status()).addEntry(entry);
            }
        } finally {
            placing = false;
        }
        openList.getItems().setAll(openLoaded);
        long attention = openLoaded.stream().filter(item -> !item.warnings().isEmpty()).count();
        long awaiting = openLoaded.stream().filter(item -> item.window().status() == WindowStatus.AWAITING_APPROVAL).count();
        summary.setText(openLoaded.size() + " open " + (openLoaded.size() == 1 ? "window" : "windows") + ", " + awaiting
                + " awaiting clinical approval, " + attention + " with warnings");
        showDetails(selectedId == null ? null : loaded.get(selectedId));
    }

    private void intervalChanged(CalendarEvent event) {
        if (placing || event.getEntry() == null || event.getOldInterval() == null) {
            return;
        }
        Entry<?> entry = event.getEntry();
        Optional<PatchWindow> window = windowOf(entry);
        if (window.isEmpty()) {
            return;
        }
        PatchWindow moved = window.get();
        Instant start = entry.getStartAsZonedDateTime().toInstant();
        Instant end = entry.getEndAsZonedDateTime().toInstant();
        if (start.equals(moved.startsAt()) && end.equals(moved.endsAt())) {
            return;
        }
        if (moved.status() == WindowStatus.APPROVED && !dialogs.confirm("Move approved window",
                "Window " + moved.id() + " \"" + moved.title() + "\" is approved for " + range(moved.startsAt(), moved.endsAt())
                        + ". Moving it to " + range(start, end) + " sends it back to the clinical approver.", "Move and ask again")) {
            reload();
            return;
        }
        tasks.submit("Rescheduling window", monitor -> windows.reschedule(moved.id(), start, end, actor), saved -> {
            selectedId = saved.id();
            reload();
        }, error -> {
            showError("Window not moved", error);
            reload();
        });
    }

    private void select(long id) {
        selectedId = id;
        showDetails(loaded.get(id));
    }

    private void showDetails(Loaded item) {
        details.getChildren().clear();
        if (item == null) {
            Label hint = new Label("Select a window on the calendar or in the list. Double-click a free time on the calendar to plan"
                    + " a window there; drag a window to move it.");
            hint.setWrapText(true);
            details.getChildren().add(hint);
            return;
        }
        PatchWindow window = item.window();
        Label title = new Label(window.title());
        title.setId("windowDetailsTitle");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        GridPane facts = new GridPane();
        facts.setHgap(8);
        facts.setVgap(4);
        int row = 0;
        row = fact(facts, row, "Window", String.valueOf(window.id()));
        row = fact(facts, row, "Status", window.status().label());
        row = fact(facts, row, "When", range(window.startsAt(), window.endsAt()));
        row = fact(facts, row, "Type", window.type().label());
        row = fact(facts, row, "Department", window.department());
        row = fact(facts, row, "Location", window.location());
        row = fact(facts, row, "Planned", window.plannedActions());
        row = fact(facts, row, "Approval", window.approval() == null ? "Not approved" : window.approval().name() + ", "
                + window.approval().role() + ", " + WHEN.format(window.approval().approvedAt().atZone(zone))
                + (window.approval().conditions() == null ? "" : "; conditions: " + window.approval().conditions()));
        row = fact(facts, row, "Declined", window.decline() == null ? null : declineText(window));
        row = fact(facts, row, "Change", window.changeTicket() == null ? "No change ticket" : window.changeTicket() + ", CAB "
                + window.cabStatus().label().toLowerCase(Locale.ROOT) + (window.cabDate() == null ? "" : " " + window.cabDate()));
        fact(facts, row, "Outcome", window.outcomeNote());
        details.getChildren().addAll(title, facts);

        Label warnings = new Label(item.warnings().isEmpty() ? "No warnings." : item.warnings().stream()
                .map(warning -> "\u26A0 " + warning.kind().label() + ": " + warning.message()).collect(Collectors.joining("\n")));
        warnings.setId("windowDetailsWarnings");
        warnings.setWrapText(true);
        warnings.getStyleClass().add("window-warnings");
        details.getChildren().add(warnings);

        HBox actions = new HBox(6);
        actions.setId("windowActions");
        if (window.status() == WindowStatus.PROPOSED) {
            actions.getChildren().add(action("Send for approval", "submitWindowButton", () -> run("Sent for approval",
                    () -> windows.submitForApproval(window.id(), actor))));
        }
        if (window.status() == WindowStatus.AWAITING_APPROVAL) {
            actions.getChildren().add(action("Record approval…", "approveWindowButton", () -> approve(window)));
            actions.getChildren().add(action("Decline…", "declineWindowButton", () -> decline(window)));
        }
        if (window.status() == WindowStatus.APPROVED) {
            actions.getChildren().add(action("Complete…", "completeWindowButton", () -> complete(window)));
        }
        actions.getChildren().add(action("Work order…", "workOrderButton", () -> printWorkOrder(window)));
        if (window.status().isOpen()) {
            actions.getChildren().add(action("Edit…", "editWindowButton", () -> edit(window)));
            actions.getChildren().add(action("Cancel window…", "cancelWindowButton", () -> dialogs.askText("Cancel window",
                    "Why is window " + window.id() + " cancelled?", "").ifPresent(reason ->
                    run("Window cancelled", () -> windows.cancel(window.id(), reason, actor)))));
        }
        actions.getChildren().forEach(node -> ((Button) node).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        javafx.scene.layout.FlowPane flow = new javafx.scene.layout.FlowPane(6, 6);
        flow.getChildren().setAll(actions.getChildren());
        flow.setId("windowActionButtons");
        details.getChildren().add(flow);

        Label devicesTitle = new Label(devicesText(window.devices().size()));
        devicesTitle.getStyleClass().add("section-title");
        ListView<WindowDevice> devices = new ListView<>();
        devices.setId("windowDetailsDevices");
        devices.setPrefHeight(Math.min(220, 26 * Math.max(2, window.devices().size()) + 4));
        devices.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(WindowDevice device, boolean empty) {
                super.updateItem(device, empty);
                setText(empty || device == null ? null : WindowEditor.describe(device)
                        + (device.downtimeMinutes() == null ? "" : ", " + device.downtimeMinutes() + " min"));
            }
        });
        devices.getItems().setAll(window.devices());
        details.getChildren().addAll(devicesTitle, devices);

        Label historyTitle = new Label("History");
        historyTitle.getStyleClass().add("section-title");
        Label history = new Label();
        history.setId("windowHistory");
        history.setWrapText(true);
        details.getChildren().addAll(historyTitle, history);
        long id = window.id();
        tasks.submit("Reading window history", monitor -> windows.history(id), events -> history.setText(events.stream()
                .map(this::describe).collect(Collectors.joining("\n"))), error -> history.setText("History not read: " + error.getMessage()));
    }

    private String describe(WindowEvent event) {
        return WHEN.format(event.occurredAt().atZone(zone)) + "  " + event.actor() + ": " + (event.from() == null ? "proposed"
                : event.from().label() + " \u2192 " + event.to().label()) + (event.note() == null ? "" : " (" + event.note() + ")");
    }

    private String declineText(PatchWindow window) {
        String when = WHEN.format(window.decline().declinedAt().atZone(zone));
        String decliner = window.decline().signed() ? "Rejected by " + window.decline().declinedBy() + ", signed " + when
                : "Recorded by " + window.decline().declinedBy() + " on " + when;
        return decliner + "; reason: " + window.decline().reason();
    }

    private static int fact(GridPane grid, int row, String name, String value) {
        if (value == null || value.isBlank()) {
            return row;
        }
        Label label = new Label(name);
        label.getStyleClass().add("field-name");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label text = new Label(value);
        text.setWrapText(true);
        grid.addRow(row, label, text);
        return row + 1;
    }

    private static Button action(String text, String id, Runnable onAction) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> onAction.run());
        return button;
    }

    private void createAt(LocalDateTime start) {
        new WindowEditor(windows, playbooks, zone).show(getScene().getWindow(), null, start).ifPresent(draft -> confirmWarnings(null, draft,
                () -> tasks.submit("Saving window", monitor -> windows.create(draft, actor), id -> {
                    selectedId = id;
                    calendarView.setDate(draft.startsAt().atZone(zone).toLocalDate());
                    reload();
                }, error -> showError("Window not saved", error))));
    }

    private void edit(PatchWindow window) {
        new WindowEditor(windows, playbooks, zone).show(getScene().getWindow(), window, null).ifPresent(draft -> {
            boolean reapproval = window.status() == WindowStatus.APPROVED && (!draft.startsAt().equals(window.startsAt())
                    || !draft.endsAt().equals(window.endsAt()) || !window.toDraft().devices().stream().map(WindowDraft.Planned::deviceId).sorted()
                    .toList().equals(draft.devices().stream().map(WindowDraft.Planned::deviceId).sorted().toList()));
            if (reapproval && !dialogs.confirm("Approval needed again", "Window " + window.id() + " is approved. Changing its time or"
                    + " devices sends it back to the clinical approver.", "Save and ask again")) {
                return;
            }
            confirmWarnings(window.id(), draft, () -> tasks.submit("Saving window", monitor -> windows.update(window.id(), draft, actor),
                    saved -> reload(), error -> showError("Window not saved", error)));
        });
    }

    private void confirmWarnings(Long id, WindowDraft draft, Runnable save) {
        List<WindowWarning> warnings = windows.check(id, draft);
        if (warnings.isEmpty() || dialogs.confirm("Save with warnings", warnings.stream().map(warning -> "\u2022 " + warning.message())
                .collect(Collectors.joining("\n")) + "\n\nSave the window anyway?", "Save anyway")) {
            save.run();
        }
    }

    private void approve(PatchWindow window) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Record clinical approval");
        dialog.getDialogPane().setId("approveWindowDialog");
        boolean signed = windows.approvalsAreSigned();
        TextField name = new TextField();
        name.setId(signed ? "signerUserName" : "approverName");
        name.setPromptText(signed ? "User name of the clinical leader" : "Printed name of the clinical approver");
        TextField role = new TextField();
        role.setId("approverRole");
        role.setPromptText("e.g. ICU nurse manager");
        PasswordField password = new PasswordField();
        password.setId("signerPassword");
        TextArea conditions = new TextArea();
        conditions.setId("approvalConditions");
        conditions.setPrefRowCount(3);
        conditions.setWrapText(true);
        conditions.setPromptText("Conditions, e.g. keep two pumps on standby; start after 22:00 census");
        Label problem = new Label();
        problem.setId("approvalProblem");
        problem.getStyleClass().add("form-problem");

        Label note = new Label("Approves window " + window.id() + " \"" + window.title() + "\" for " + range(window.startsAt(),
                window.endsAt()) + ". The approval is recorded with the current date and time, and ends if the window moves."
                + (signed ? " The clinical leader signs it electronically with their own user name and password; the record shows"
                + " their printed name, the date and time, and the meaning Approved." : ""));
        note.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        if (signed) {
            grid.addRow(0, new Label("Clinical leader"), name);
            grid.addRow(1, new Label("Password"), password);
        } else {
            grid.addRow(0, new Label("Approver"), name);
            grid.addRow(1, new Label("Role"), role);
        }
        grid.addRow(2, new Label("Conditions"), conditions);
        Forms.keepLabels(grid);
        VBox box = new VBox(10, note, grid, problem);
        box.setPrefWidth(520);

        dialog.getDialogPane().setContent(box);
        ButtonType record = new ButtonType(signed ? "Sign approval" : "Record approval", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(record, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(record).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            try {
                if (signed) {
                    char[] typed = password.getText().toCharArray();
                    try {
                        windows.signApproval(window.id(), name.getText(), typed, conditions.getText(), actor);
                    } finally {
                        java.util.Arrays.fill(typed, '\0');
                    }
                } else {
                    windows.approve(window.id(), name.getText(), role.getText(), conditions.getText(), actor);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem.setText(e.getMessage());
                // A wrong password is typed again; after any other problem, the password stays for the corrected form.
                if (e instanceof AuthenticationException) {
                    password.clear();
                }
                event.consume();
            }
        });
        dialog.showAndWait().filter(record::equals).ifPresent(button -> reload());
    }

    /**
     * Declines a window's approval: once PatchDesk has user accounts, as the clinical leader's
     * signature; before that, with the reason typed.
     */
    private void decline(PatchWindow window) {
        if (windows.approvalsAreSigned()) {
            if (new DeclineApprovalDialog(windows, actor, zone).show(getScene().getWindow(), window)) {
                reload();
            }
            return;
        }
        dialogs.askText("Approval declined", "Why did the clinical approver not approve window " + window.id() + "?", "")
                .ifPresent(reason -> run("Approval declined", () -> windows.declineApproval(window.id(), reason, actor)));
    }

    private void complete(PatchWindow window) {
        new CompleteWindowDialog(windows, patchLog, validations, actor, clock).show(getScene().getWindow(), window).ifPresent(entries -> {
            long installed = entries.stream().filter(entry -> entry.outcome() == PatchOutcome.INSTALLED).count();
            long closed = entries.stream().mapToLong(entry -> entry.closedCves().size()).sum();
            dialogs.showInformation("Window completed", "Window " + window.id() + " is completed. The patch log has " + entries.size()
                    + (entries.size() == 1 ? " entry" : " entries") + ": " + installed + " installed; " + closed
                    + (closed == 1 ? " finding" : " findings") + " closed as patched.");
            reload();
            onCompleted.run();
        });
    }

    private void run(String what, Runnable change) {
        tasks.submit(what, monitor -> {
            change.run();
            return Boolean.TRUE;
        }, ok -> reload(), error -> showError(what + " failed", error));
    }

    private void printWorkOrder(PatchWindow window) {
        dialogs.chooseFileToSave("Save the work order", "work-order-window-" + window.id() + ".pdf", "pdf").ifPresent(path ->
                tasks.submit("Writing the work order", monitor -> {
                    workOrders.write(window.id(), path, actor);
                    return path;
                }, written -> tasks.submit("Opening the work order", monitor -> {
                    opener.open(written);
                    return written;
                }, opened -> { }, error -> dialogs.showInformation("Work order saved", "The work order was saved to " + written
                        + ". This computer could not open it from PatchDesk, so open it from the file manager to print it.")),
                        error -> showError("Work order not written", error)));
    }

    private void exportCalendar() {
        Optional<Path> file = dialogs.chooseFileToSave("Export patch windows", "patch-windows.ics", "ics");
        file.ifPresent(path -> tasks.submit("Exporting windows", monitor -> {
            List<PatchWindow> all = windows.between(Instant.EPOCH, LocalDate.of(9999, 1, 1).atStartOfDay(zone).toInstant());
            export.write(all, path);
            return all.size();
        }, count -> dialogs.showInformation("Windows exported", "Wrote " + devicesOrWindows(count) + " to " + path + "."),
                error -> showError("Windows not exported", error)));
    }

    private void showError(String title, Throwable error) {
        if (error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
            dialogs.showError(title, error.getMessage());
        } else {
            dialogs.showFailure(title, title + ".", error);
        }
    }

    private String range(Instant start, Instant end) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        return WHEN.format(from) + " to " + (from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to) : WHEN.format(to));
    }

    private static Optional<PatchWindow> windowOf(Entry<?> entry) {
        return entry != null && entry.getUserObject() instanceof PatchWindow window ? Optional.of(window) : Optional.empty();
    }

    private static String devicesText(int count) {
        return count == 1 ? "1 device" : count + " devices";
    }

    private static String devicesOrWindows(int count) {
        return count == 1 ? "1 window" : count + " windows";
    }
}
