package org.patchdesk.patchlog.ui;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.patchdesk.common.Actor;
import org.patchdesk.common.AtomicFiles;
import org.patchdesk.inventory.importing.VersionConflictService;
import org.patchdesk.patchlog.NewDecision;
import org.patchdesk.patchlog.NewLogEntry;
import org.patchdesk.patchlog.PatchLogEntry;
import org.patchdesk.patchlog.PatchLogQuery;
import org.patchdesk.patchlog.PatchLogService;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;

/**
 * The patch log screen in three tabs. The log is a searchable, filterable table of entries with
 * the commands to record a patch or a decision and to export the entries shown. The decisions tab
 * lists the decisions, and the version conflicts tab reviews the software versions that inventory
 * imports kept because the patch log set them. {@code inventoryChanged} runs after a review
 * changed a device's version.
 */
public final class PatchLogView extends BorderPane {

    private static final String ALL_OUTCOMES = "All outcomes";
    private static final String ALL_DEPARTMENTS = "All departments";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PatchLogService log;
    private final PatchabilityService patchability;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final Clock clock;
    private final TableView<PatchLogEntry> table = new TableView<>();
    private final TextField search = new TextField();
    private final ComboBox<String> outcome = new ComboBox<>();
    private final ComboBox<String> department = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Label summary = new Label();
    private final DecisionsPane decisions;
    private final VersionConflictsPane conflicts;
    private final TabPane tabs = new TabPane();
    /** The outcome of the last recording, shown after the count until another entry is recorded. */
    private String lastRecorded;

    public PatchLogView(PatchLogService log, VersionConflictService versionConflicts, PatchabilityService patchability,
                        BackgroundTasks tasks, DialogService dialogs, Actor actor, Clock clock, Runnable inventoryChanged) {
        this.log = log;
        this.patchability = patchability;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.clock = clock;
        this.decisions = new DecisionsPane(log, tasks, dialogs);
        this.conflicts = new VersionConflictsPane(versionConflicts, tasks, dialogs, actor, clock.getZone(), inventoryChanged);
        setId("patchLogView");

        Tab logTab = new Tab("Log", logPane());
        logTab.setId("patchLogTab");
        Tab decisionsTab = new Tab("Decisions", decisions);
        decisionsTab.setId("decisionsTab");
        Tab conflictsTab = new Tab("Version conflicts", conflicts);
        conflictsTab.setId("versionConflictsTab");
        tabs.getTabs().setAll(logTab, decisionsTab, conflictsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("patchLogTabs");
        setCenter(tabs);
    }

    private BorderPane logPane() {
        search.setId("patchLogSearch");
        search.setPromptText("Asset tag, update, CVE or person");
        search.textProperty().addListener((observable, old, value) -> reload());
        outcome.setId("patchLogOutcome");
        outcome.getItems().add(ALL_OUTCOMES);
        for (PatchOutcome value : PatchOutcome.values()) {
            outcome.getItems().add(value.label());
        }
        outcome.setValue(ALL_OUTCOMES);
        outcome.valueProperty().addListener((observable, old, value) -> reload());
        department.setId("patchLogDepartment");
        department.getItems().add(ALL_DEPARTMENTS);
        department.setValue(ALL_DEPARTMENTS);
        department.valueProperty().addListener((observable, old, value) -> reload());
        from.setId("patchLogFrom");
        from.setPromptText("From");
        from.setPrefWidth(130);
        from.valueProperty().addListener((observable, old, value) -> reload());
        to.setId("patchLogTo");
        to.setPromptText("To");
        to.setPrefWidth(130);
        to.valueProperty().addListener((observable, old, value) -> reload());

        Button record = new Button("Record patch…");
        record.setId("recordPatchButton");
        record.setOnAction(event -> recordPatch());
        Button decide = new Button("Record decision…");
        decide.setId("recordDecisionButton");
        decide.setOnAction(event -> recordDecision());
        Button export = new Button("Export…");
        export.setId("exportPatchLogButton");
        export.setOnAction(event -> export());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(event -> refresh());
        FlowPane bar = new FlowPane(8, 6, search, outcome, department, from, to, record, decide, export, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        summary.setId("patchLogSummary");
        VBox top = new VBox(6, bar, summary);
        top.setPadding(new Insets(8));

        table.setId("patchLogTable");
        table.setPlaceholder(new Label("No patch is logged here yet. Record a patch, or complete a patch window."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.<TableColumn<PatchLogEntry, String>>of(
                TableColumns.text("#", 50, entry -> Long.toString(entry.id())),
                TableColumns.text("Asset Tag", 95, PatchLogEntry::assetTag),
                TableColumns.text("Device", 170, PatchLogEntry::device),
                TableColumns.text("Department", 110, entry -> orEmpty(entry.department())),
                TableColumns.text("Update", 190, PatchLogEntry::update),
                TableColumns.text("Before → After", 130, PatchLogView::versions),
                TableColumns.text("Performed", 125, entry -> MINUTES.format(LocalDateTime.ofInstant(entry.performedAt(), clock.getZone()))),
                TableColumns.text("By", 120, PatchLogEntry::performedBy),
                TableColumns.text("Outcome", 90, entry -> entry.outcome().label()),
                TableColumns.text("Reason", 200, entry -> orEmpty(entry.reason())),
                TableColumns.text("Fixes", 200, entry -> String.join(", ", entry.fixesCves())),
                TableColumns.text("Closed", 200, entry -> String.join(", ", entry.closedCves())),
                TableColumns.text("Days From Validation", 140, entry -> entry.daysFromValidation() == null ? ""
                        : entry.daysFromValidation().toString())));
        BorderPane pane = new BorderPane(table);
        pane.setTop(top);
        return pane;
    }

    /** Reads the log, the departments, the decisions and the conflicts again. */
    public void refresh() {
        tasks.submit("Reading departments", monitor -> log.departments(), names -> {
            String chosen = department.getValue();
            department.getItems().setAll(ALL_DEPARTMENTS);
            department.getItems().addAll(names);
            department.setValue(names.contains(chosen) ? chosen : ALL_DEPARTMENTS);
        }, error -> dialogs.showFailure("Departments not read", "Reading the departments failed.", error));
        reload();
        decisions.refresh();
        conflicts.refresh();
    }

    /** Returns the query of the filters as they are set now. */
    PatchLogQuery query() {
        Set<PatchOutcome> outcomes = Set.of();
        for (PatchOutcome value : PatchOutcome.values()) {
            if (value.label().equals(outcome.getValue())) {
                outcomes = Set.of(value);
            }
        }
        String chosenDepartment = ALL_DEPARTMENTS.equals(department.getValue()) ? null : department.getValue();
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        if (start != null && end != null && end.isBefore(start)) {
            end = start;
        }
        return PatchLogQuery.everything().withText(search.getText()).withOutcomes(outcomes).withDates(start, end)
                .withDepartment(chosenDepartment);
    }

    private void reload() {
        PatchLogQuery query = query();
        tasks.submit("Reading the patch log", monitor -> log.search(query), entries -> {
            table.getItems().setAll(entries);
            summary.setText(String.format(Locale.US, "%,d %s shown.", entries.size(), entries.size() == 1 ? "entry" : "entries")
                    + (lastRecorded == null ? "" : " " + lastRecorded));
        }, error -> dialogs.showFailure("Patch log not shown", "Reading the patch log failed.", error));
    }

    private void recordPatch() {
        Optional<NewLogEntry> entry = new RecordPatchDialog(log, tasks, clock).show(getScene().getWindow(), actor);
        if (entry.isEmpty()) {
            return;
        }
        NewLogEntry chosen = entry.get();
        tasks.submit("Recording the patch", monitor -> log.record(chosen, actor), recorded -> {
            lastRecorded = "Entry #" + recorded.id() + " recorded for " + recorded.assetTag() + (recorded.closedCves().isEmpty() ? "."
                    : "; it closed " + String.join(", ", recorded.closedCves()) + ".");
            refresh();
        }, error -> showProblem("Patch not recorded", error));
    }

    /** The products to choose from in the decision form, and whether the approver signs the decision. */
    private record DecisionForm(List<PatchabilityService.ProductRef> products, boolean signed) {
    }

    private void recordDecision() {
        tasks.submit("Reading products", monitor -> new DecisionForm(patchability.products(), log.decisionsAreSigned()), form -> {
            RecordDecisionDialog dialog = new RecordDecisionDialog(log, actor, clock);
            if (form.signed()) {
                dialog.showSigned(getScene().getWindow(), form.products()).ifPresent(signed -> showDecisions());
            } else {
                dialog.show(getScene().getWindow(), form.products()).ifPresent(this::saveDecision);
            }
        }, error -> dialogs.showFailure("Products not read", "Reading the products failed.", error));
    }

    private void showDecisions() {
        decisions.refresh();
        tabs.getSelectionModel().select(1);
    }

    private void saveDecision(NewDecision decision) {
        tasks.submit("Recording the decision", monitor -> log.recordDecision(decision, actor), saved -> showDecisions(), error -> showProblem("Decision not recorded", error));
    }

    /** Exports the entries the filters select, as CSV or as a workbook. */
    private void export() {
        PatchLogQuery query = query();
        var format = dialogs.choose("Export patch log", "Export the " + table.getItems().size() + " entries shown as:",
                List.of("CSV (UTF-8)", "Excel workbook (.xlsx)"));
        if (format.isEmpty()) {
            return;
        }
        boolean csv = format.get() == 0;
        String extension = csv ? "csv" : "xlsx";
        String suggested = "patch-log-" + LocalDate.now(clock) + "." + extension;
        dialogs.chooseFileToSave("Export patch log", suggested, extension).ifPresent(target -> tasks.submit("Exporting the patch log",
                monitor -> csv ? writeCsv(query, target) : log.writeXlsx(query, target),
                count -> dialogs.showInformation("Patch log exported", "Exported " + count + (count == 1 ? " entry" : " entries")
                        + " to " + target + "."),
                error -> dialogs.showFailure("Export failed", "Exporting to " + target + " failed; no file was written.", error)));
    }

    private int writeCsv(PatchLogQuery query, Path target) throws java.io.IOException {
        int[] count = {0};
        AtomicFiles.write(target, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            count[0] = log.writeCsv(query, out);
            out.flush();
        });
        return count[0];
    }

    private void showProblem(String title, Throwable error) {
        if (error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
            dialogs.showError(title, error.getMessage());
        } else {
            dialogs.showFailure(title, title + ".", error);
        }
    }

    private static String versions(PatchLogEntry entry) {
        if (entry.versionBefore() == null && entry.versionAfter() == null) {
            return "";
        }
        if (entry.versionAfter() == null) {
            return entry.versionBefore() == null ? "" : entry.versionBefore() + " (unchanged)";
        }
        return orEmpty(entry.versionBefore()) + " → " + entry.versionAfter();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public TableView<PatchLogEntry> table() {
        return table;
    }
}
