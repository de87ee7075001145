package org.patchdesk.risk.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import org.patchdesk.common.Actor;
import org.patchdesk.intel.MatchDecision;
import org.patchdesk.intel.MatchView;
import org.patchdesk.risk.IntelligenceService;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.ProgressDialog;
import org.patchdesk.ui.TableColumns;

/**
 * The product names advisories use, matched to the inventory. Close matches and operating-system
 * matches wait here until a person accepts or rejects them; the decision is kept across imports.
 */
public final class MatchReviewView extends BorderPane {

    private final IntelligenceService intelligence;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final Runnable onChanged;
    private final ObservableList<MatchView> matches = FXCollections.observableArrayList();
    private final FilteredList<MatchView> visible = new FilteredList<>(matches);
    private final TableView<MatchView> table = new TableView<>(visible);
    private final CheckBox all = new CheckBox("Show decided and automatic matches too");
    private final Label counts = new Label();

    public MatchReviewView(IntelligenceService intelligence, BackgroundTasks tasks, DialogService dialogs, Actor actor,
                           Runnable onChanged) {
        this.intelligence = intelligence;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.onChanged = onChanged;
        setId("matchReviewView");

        Button accept = new Button("Accept");
        accept.setId("acceptMatchButton");
        accept.setOnAction(event -> decide(MatchDecision.ACCEPTED));
        Button reject = new Button("Reject");
        reject.setId("rejectMatchButton");
        reject.setOnAction(event -> decide(MatchDecision.REJECTED));
        accept.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reject.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(event -> refresh());
        all.setId("showAllMatches");
        all.selectedProperty().addListener((observable, old, selected) -> applyFilter());
        Label help = new Label("An accepted product match applies the advisory's versions to the devices of that model. An accepted"
                + " operating-system match applies every entry for that operating system to its devices, marked version needs review,"
                + " because the sources give no versions.");
        help.setWrapText(true);
        VBox top = new VBox(6, new ToolBar(accept, reject, refresh, new Separator(), all, new Separator(), counts), help);
        help.setPadding(new Insets(0, 8, 0, 8));
        top.setPadding(new Insets(0, 0, 6, 0));
        setTop(top);

        table.setId("matchTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No match waits for a decision."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(
                column("ID", 55, MatchView::id),
                column("Decision", 85, match -> match.decision().word()),
                column("Kind", 120, MatchView::kind),
                column("Source vendor", 170, MatchView::sourceVendor),
                column("Source product", 260, MatchView::sourceProduct),
                column("Inventory", 230, MatchView::inventorySide),
                column("Devices", 65, match -> Integer.toString(match.devices())),
                column("CVEs", 55, match -> Integer.toString(match.cves())),
                column("Why it was matched", 420, match -> match.reason() == null ? "" : match.reason()),
                column("Decided by", 90, match -> match.decidedBy() == null ? "" : match.decidedBy())));
        setCenter(table);
        applyFilter();
    }

    private static TableColumn<MatchView, String> column(String title, double width, Function<MatchView, String> value) {
        return TableColumns.text(title, width, value);
    }

    private void applyFilter() {
        visible.setPredicate(match -> all.isSelected() || match.decision() == MatchDecision.PROPOSED);
        long waiting = matches.stream().filter(match -> match.decision() == MatchDecision.PROPOSED).count();
        counts.setText(String.format(Locale.US, "%d waiting for a decision, %d in all", waiting, matches.size()));
    }

    public void refresh() {
        tasks.submit("Reading matches", monitor -> intelligence.listMatches(), list -> {
            matches.setAll(list);
            applyFilter();
        }, error -> dialogs.showFailure("Matches not shown", "Reading the matches failed.", error));
    }

    private void decide(MatchDecision decision) {
        List<String> ids = table.getSelectionModel().getSelectedItems().stream().map(MatchView::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        String verb = decision == MatchDecision.ACCEPTED ? "Accepting" : "Rejecting";
        ProgressDialog.show(getScene().getWindow(), tasks.submit(verb + " " + ids.size() + " matches", monitor -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < ids.size(); i++) {
                monitor.checkCancelled();
                monitor.progress(i, ids.size(), verb + " " + ids.get(i));
                IntelligenceService.FindingChanges changes = intelligence.decideMatch(ids.get(i), decision, actor);
                text.append(ids.get(i)).append(' ').append(decision.word()).append(": ").append(changes.describe()).append('\n');
            }
            return text.toString().strip();
        }, text -> {
            refresh();
            onChanged.run();
            dialogs.showInformation("Matches " + decision.word(), text);
        }, error -> {
            refresh();
            dialogs.showFailure("Match decision not saved", verb + " the matches failed.", error);
        }));
    }

    public TableView<MatchView> table() {
        return table;
    }
}
