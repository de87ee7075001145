package org.patchdesk.audit.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditFilter;
import org.patchdesk.audit.AuditTrail;
import org.patchdesk.audit.AuditVerification;
import org.patchdesk.audit.AuditVerifier;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;

/**
 * The audit trail screen. It lists the newest entries that match the filters (user, record type,
 * action, record, dates) with their old and new values, and exports every matching entry to .xlsx.
 * Verify checks the hash chain and the audited records and shows the result.
 */
public final class AuditTrailView extends BorderPane {

    /** The maximum number of entries the table shows; the export writes every matching entry. */
    static final int MAX_SHOWN = 1_000;
    static final String ALL_USERS = "All users";
    static final String ALL_TYPES = "All record types";
    static final String ALL_ACTIONS = "All actions";

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US);

    private final AuditTrail trail;
    private final AuditVerifier verifier;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Clock clock;
    private final Consumer<AuditVerification> verified;
    private final TableView<AuditEntry> table = new TableView<>();
    private final ComboBox<String> user = new ComboBox<>();
    private final ComboBox<String> recordType = new ComboBox<>();
    private final ComboBox<String> action = new ComboBox<>();
    private final TextField record = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Label summary = new Label();
    private final Label verification = new Label();

    /** {@code verified} receives each verification's result, so the window can show or hide its warning. */
    public AuditTrailView(AuditTrail trail, AuditVerifier verifier, BackgroundTasks tasks, DialogService dialogs, Clock clock,
                          Consumer<AuditVerification> verified) {
        this.trail = trail;
        this.verifier = verifier;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clock = clock;
        this.verified = verified;
        setId("auditTrailView");
        setTop(filterBar());
        setCenter(table());
    }

    private VBox filterBar() {
        user.setId("auditUser");
        user.getItems().setAll(ALL_USERS);
        user.setValue(ALL_USERS);
        recordType.setId("auditRecordType");
        recordType.getItems().setAll(ALL_TYPES);
        recordType.setValue(ALL_TYPES);
        action.setId("auditAction");
        action.getItems().add(ALL_ACTIONS);
        for (AuditAction value : AuditAction.values()) {
            action.getItems().add(value.word());
        }
        action.setValue(ALL_ACTIONS);
        record.setId("auditRecord");
        record.setPromptText("Record id or name");
        from.setId("auditFrom");
        from.setPromptText("From");
        from.setPrefWidth(130);
        to.setId("auditTo");
        to.setPromptText("To");
        to.setPrefWidth(130);
        user.valueProperty().addListener((observable, old, value) -> reload());
        recordType.valueProperty().addListener((observable, old, value) -> reload());
        action.valueProperty().addListener((observable, old, value) -> reload());
        record.textProperty().addListener((observable, old, value) -> reload());
        from.valueProperty().addListener((observable, old, value) -> reload());
        to.valueProperty().addListener((observable, old, value) -> reload());

        Button export = new Button("Export…");
        export.setId("exportAuditButton");
        export.setOnAction(event -> export());
        Button verify = new Button("Verify");
        verify.setId("verifyAuditButton");
        verify.setOnAction(event -> verify());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(event -> refresh());
        FlowPane bar = new FlowPane(8, 6, user, recordType, action, record, from, to, export, verify, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        summary.setId("auditSummary");
        verification.setId("auditVerification");
        verification.setWrapText(true);
        VBox top = new VBox(6, bar, summary, verification);
        top.setPadding(new Insets(8));
        return top;
    }

    private TableView<AuditEntry> table() {
        table.setId("auditTable");
        table.setPlaceholder(new Label("No audit entry matches the filters."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.<TableColumn<AuditEntry, String>>of(
                TableColumns.text("#", 60, entry -> Long.toString(entry.id())),
                TableColumns.text("Time", 140, entry -> SECONDS.format(LocalDateTime.ofInstant(entry.occurredAt(), clock.getZone()))),
                TableColumns.text("User", 100, AuditEntry::actor),
                TableColumns.text("Action", 70, entry -> entry.action().word()),
                TableColumns.text("Record Type", 120, AuditEntry::recordType),
                TableColumns.text("Record", 160, AuditTrailView::recordText),
                TableColumns.text("Changes (old → new)", 420, AuditTrailView::changes),
                TableColumns.text("Summary", 300, entry -> entry.summary() == null ? "" : entry.summary())));
        return table;
    }

    /** Reads the users and record types for the filters again, then the entries. */
    public void refresh() {
        tasks.submit("Reading the audit trail's users and record types", monitor -> List.of(trail.actors(), trail.recordTypes()),
                lists -> {
                    keepChoice(user, ALL_USERS, lists.get(0));
                    keepChoice(recordType, ALL_TYPES, lists.get(1));
                    reload();
                }, error -> dialogs.showFailure("Audit trail not shown", "Reading the audit trail failed.", error));
    }

    private static void keepChoice(ComboBox<String> box, String all, List<String> values) {
        String chosen = box.getValue();
        List<String> items = new ArrayList<>();
        items.add(all);
        items.addAll(values);
        box.getItems().setAll(items);
        box.setValue(items.contains(chosen) ? chosen : all);
    }

    /** Returns the filter the controls set now; a last day before the first counts as the first. */
    AuditFilter filter() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        if (start != null && end != null && end.isBefore(start)) {
            end = start;
        }
        AuditAction chosenAction = ALL_ACTIONS.equals(action.getValue()) || action.getValue() == null ? null
                : AuditAction.fromWord(action.getValue());
        return new AuditFilter(ALL_USERS.equals(user.getValue()) ? null : user.getValue(),
                ALL_TYPES.equals(recordType.getValue()) ? null : recordType.getValue(), chosenAction, record.getText(), start, end);
    }

    private void reload() {
        AuditFilter filter = filter();
        tasks.submit("Reading the audit trail", monitor -> new Page(trail.find(filter, MAX_SHOWN), trail.count(filter)), page -> {
            table.getItems().setAll(page.entries());
            summary.setText(page.total() > page.entries().size()
                    ? String.format(Locale.US, "The newest %,d of %,d matching entries shown; export to see them all.",
                            page.entries().size(), page.total())
                    : String.format(Locale.US, "%,d %s shown.", page.total(), page.total() == 1 ? "entry" : "entries"));
        }, error -> dialogs.showFailure("Audit trail not shown", "Reading the audit trail failed.", error));
    }

    private record Page(List<AuditEntry> entries, long total) {
    }

    private void export() {
        AuditFilter filter = filter();
        String suggested = "audit-trail-" + LocalDate.now(clock) + ".xlsx";
        dialogs.chooseFileToSave("Export audit trail", suggested, "xlsx").ifPresent(target -> tasks.submit("Exporting the audit trail",
                monitor -> trail.export(filter, target, monitor),
                count -> dialogs.showInformation("Audit trail exported", String.format(Locale.US, "Exported %,d %s to %s.", count,
                        count == 1 ? "entry" : "entries", target)),
                error -> dialogs.showFailure("Export failed", "Exporting to " + target + " failed; no file was written.", error)));
    }

    /** Verifies the whole trail in the background and shows the result under the filters. */
    public void verify() {
        verification.setText("Verifying the audit trail…");
        tasks.submit("Verifying the audit trail", verifier::verify, result -> {
            verification.setText(String.join("\n", result.reportLines()));
            verification.getStyleClass().removeAll("audit-broken", "audit-intact");
            verification.getStyleClass().add(result.intact() ? "audit-intact" : "audit-broken");
            verified.accept(result);
        }, error -> {
            verification.setText("The verification could not run: " + error.getMessage());
            dialogs.showFailure("Verification failed", "Verifying the audit trail failed.", error);
        });
    }

    private static String recordText(AuditEntry entry) {
        String id = entry.recordId() == null ? "" : entry.recordId().toString();
        String label = entry.recordLabel() == null ? "" : entry.recordLabel();
        return (id + " " + label).strip();
    }

    /** Returns each changed field as "field: old → new"; a create shows only new values and a delete only old ones. */
    static String changes(AuditEntry entry) {
        Set<String> fields = new LinkedHashSet<>(entry.oldValues().keySet());
        fields.addAll(entry.newValues().keySet());
        List<String> parts = new ArrayList<>();
        for (String field : fields) {
            String before = entry.oldValues().get(field);
            String after = entry.newValues().get(field);
            if (entry.action() == AuditAction.CREATE || before == null && after != null && entry.oldValues().isEmpty()) {
                parts.add(field + ": " + after);
            } else if (after == null && entry.newValues().isEmpty()) {
                parts.add(field + ": " + before);
            } else {
                parts.add(field + ": " + (before == null ? "(empty)" : before) + " → " + (after == null ? "(empty)" : after));
            }
        }
        return String.join("; ", parts);
    }
}
