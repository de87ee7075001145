package org.patchdesk.patchlog.ui;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

import org.patchdesk.patchlog.PatchDecision;
import org.patchdesk.patchlog.PatchLogService;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;

/**
 * The decisions to deploy, defer or reject updates, newest first, with a search box. A signed
 * decision shows the signer's printed name and roles, and the signing time as its date.
 */
final class DecisionsPane extends BorderPane {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PatchLogService log;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final TextField search = new TextField();
    private final TableView<PatchDecision> table = new TableView<>();

    DecisionsPane(PatchLogService log, BackgroundTasks tasks, DialogService dialogs) {
        this.log = log;
        this.tasks = tasks;
        this.dialogs = dialogs;
        ZoneId zone = log.zone();
        search.setId("decisionSearch");
        search.setPromptText("Device, product, update, approver, role or rationale");
        search.textProperty().addListener((observable, old, value) -> refresh());
        BorderPane.setMargin(search, new Insets(8));
        setTop(search);

        table.setId("decisionTable");
        table.setPlaceholder(new Label("No decision is recorded yet. Record one with Record decision… on the Log tab."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.<TableColumn<PatchDecision, String>>of(
                TableColumns.text("Decided", 125, decision -> MINUTES.format(LocalDateTime.ofInstant(decision.decidedAt(), zone))),
                TableColumns.text("For", 200, PatchDecision::subject),
                TableColumns.text("Update", 200, PatchDecision::update),
                TableColumns.text("Decision", 80, decision -> decision.decision().word()),
                TableColumns.text("Approver", 150, PatchDecision::approverName),
                TableColumns.text("Role", 180, PatchDecision::approverRole),
                TableColumns.text("Signature", 230, decision -> signature(decision, zone)),
                TableColumns.text("Rationale", 360, PatchDecision::rationale),
                TableColumns.text("Recorded By", 110, PatchDecision::recordedBy)));
        setCenter(table);
    }

    /** Returns how the decision was approved, such as "Approved, signed by kwong on 2026-12-04 07:00", or that the approver was typed. */
    static String signature(PatchDecision decision, ZoneId zone) {
        if (!decision.signed()) {
            return "Not signed: approver typed";
        }
        return decision.signature().meaning().label() + ", signed by " + decision.signature().userName() + " on "
                + MINUTES.format(LocalDateTime.ofInstant(decision.signature().signedAt(), zone));
    }

    void refresh() {
        String text = search.getText();
        tasks.submit("Reading decisions", monitor -> log.decisions(text), table.getItems()::setAll,
                error -> dialogs.showFailure("Decisions not shown", "Reading the decisions failed.", error));
    }
}
