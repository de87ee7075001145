package org.patchdesk.acceptance.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.patchdesk.acceptance.AcceptanceAction;
import org.patchdesk.acceptance.AcceptanceForm;
import org.patchdesk.acceptance.AcceptanceSettings;
import org.patchdesk.acceptance.AcceptanceSignature;
import org.patchdesk.acceptance.AcceptanceState;
import org.patchdesk.acceptance.RiskAcceptance;
import org.patchdesk.acceptance.RiskAcceptancePdf;
import org.patchdesk.acceptance.RiskAcceptanceService;
import org.patchdesk.common.Actor;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.DocumentOpener;
import org.patchdesk.ui.TableColumns;

/**
 * The risk acceptance screen: the acceptances expiring within 30 days at the top, the list with a
 * state filter, the selected acceptance's signatures, and the actions of its life cycle.
 */
public final class AcceptancesView extends BorderPane {

    /** The days ahead the panel at the top looks for expiring acceptances. */
    static final int PANEL_DAYS = 30;
    static final String ALL_STATES = "All states";
    /** The tooltip of each action button while the action is allowed. */
    private static final Map<AcceptanceAction, String> ACTION_HELP = Map.of(
            AcceptanceAction.EDIT, "Change the fields and scope of the draft",
            AcceptanceAction.SUBMIT, "Send the draft for approval; the required approvers are fixed now",
            AcceptanceAction.SIGN, "Approve, reject or review with an electronic signature",
            AcceptanceAction.CLOSE, "End the acceptance before its end date; the findings it holds reopen",
            AcceptanceAction.RENEW, "Start a new draft with the same fields and scope, which goes through review again",
            AcceptanceAction.PRINT, "Save the form as a PDF for the audit binder");

    private final RiskAcceptanceService service;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final DocumentOpener opener;
    private final Actor actor;
    private final Clock clock;
    private final ReportSite site;
    private final AcceptanceDialogs forms;

    private final TableView<RiskAcceptance> table = new TableView<>();
    private final ListView<RiskAcceptance> expiring = new ListView<>();
    private final ComboBox<String> stateFilter = new ComboBox<>();
    private final TextArea detail = new TextArea();
    private final Label accountsBanner = new Label();
    private final Label rules = new Label();
    private final Button settingsButton = new Button("Settings…");
    private final Map<AcceptanceAction, Button> actionButtons = new EnumMap<>(AcceptanceAction.class);
    private Map<Long, Map<AcceptanceAction, String>> rejections = Map.of();
    private int warningDays = 30;

    /**
     * The data of one load: the list, the expiring panel, the settings, whether accounts exist, the
     * rejected actions of each listed acceptance by id, and why the actor may not change the settings.
     */
    private record Snapshot(List<RiskAcceptance> listed, List<RiskAcceptance> expiring, AcceptanceSettings settings,
                            boolean signaturesAvailable, Map<Long, Map<AcceptanceAction, String>> rejections,
                            Optional<String> settingsRejection) {
    }

    public AcceptancesView(RiskAcceptanceService service, BackgroundTasks tasks, DialogService dialogs, DocumentOpener opener, Actor actor,
                           Clock clock, ReportSite site) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.opener = opener;
        this.actor = actor;
        this.clock = clock;
        this.site = site;
        this.forms = new AcceptanceDialogs(service, this);
        setId("acceptancesView");
        setTop(top());
        setCenter(center());
    }

    private VBox top() {
        accountsBanner.setId("noAccountsBanner");
        accountsBanner.setWrapText(true);
        accountsBanner.getStyleClass().add("field-error");
        accountsBanner.setText("This database has no user accounts. Risk acceptances are approved with electronic signatures, which need"
                + " accounts: drafts can be written and printed, but not submitted or signed until an administrator creates accounts"
                + " on the Users screen.");
        accountsBanner.setVisible(false);
        accountsBanner.setManaged(false);

        expiring.setId("expiringList");
        expiring.setPrefHeight(90);
        expiring.setCellFactory(ignored -> new ListCell<>() {
            @Override
            protected void updateItem(RiskAcceptance item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.number() + "  " + item.title() + ": ends " + item.endDate() + " ("
                        + count(item.daysLeft(LocalDate.now(clock)), "day", "days") + " left)");
            }
        });
        expiring.setPlaceholder(new Label("No risk acceptance expires within " + PANEL_DAYS + " days."));
        TitledPane panel = new TitledPane("Expiring within " + PANEL_DAYS + " days", expiring);
        panel.setId("expiringPanel");
        panel.setCollapsible(false);

        stateFilter.setId("acceptanceStateFilter");
        List<String> states = new ArrayList<>(List.of(ALL_STATES));
        for (AcceptanceState state : AcceptanceState.values()) {
            states.add(state.label());
        }
        stateFilter.setItems(FXCollections.observableArrayList(states));
        stateFilter.setValue(ALL_STATES);
        stateFilter.valueProperty().addListener((observable, old, value) -> refresh());

        Button create = button("New…", "newAcceptanceButton", this::createDraft);
        actionButtons.put(AcceptanceAction.EDIT, button("Edit…", "editAcceptanceButton", this::editDraft));
        actionButtons.put(AcceptanceAction.SUBMIT, button("Submit", "submitAcceptanceButton", this::submit));
        actionButtons.put(AcceptanceAction.SIGN, button("Sign…", "signAcceptanceButton", this::sign));
        actionButtons.put(AcceptanceAction.CLOSE, button("Close early…", "closeAcceptanceButton", this::closeEarly));
        actionButtons.put(AcceptanceAction.RENEW, button("Renew", "renewAcceptanceButton", this::renew));
        actionButtons.put(AcceptanceAction.PRINT, button("Print…", "printAcceptanceButton", this::print));
        Button refresh = button("Refresh", "refreshAcceptancesButton", this::refresh);
        settingsButton.setId("acceptanceSettingsButton");
        settingsButton.setOnAction(event -> editSettings());
        settingsButton.setDisable(true);
        ToolBar toolbar = new ToolBar(new Label("State"), stateFilter, create);
        for (Button button : actionButtons.values()) {
            toolbar.getItems().add(withTooltip(button));
        }
        toolbar.getItems().addAll(refresh, withTooltip(settingsButton));
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) -> updateButtons(selected));
        updateButtons(null);

        rules.setId("acceptanceRules");
        rules.setWrapText(true);
        VBox box = new VBox(6, accountsBanner, panel, toolbar, rules);
        box.setPadding(new Insets(6));
        return box;
    }

    private VBox center() {
        table.setId("acceptancesTable");
        table.getColumns().setAll(List.of(
                TableColumns.text("Number", 70, RiskAcceptance::number),
                TableColumns.text("Title", 260, RiskAcceptance::title),
                TableColumns.text("State", 90, acceptance -> acceptance.state(LocalDate.now(clock), warningDays).label()),
                TableColumns.text("Residual risk", 120, acceptance -> acceptance.level().label() + " (" + acceptance.residualScore() + ")"),
                TableColumns.text("Decision", 80, acceptance -> acceptance.decision().label()),
                TableColumns.text("Start", 90, acceptance -> acceptance.startDate().toString()),
                TableColumns.text("End", 90, acceptance -> acceptance.endDate().toString()),
                TableColumns.text("Requester", 150, RiskAcceptance::requesterName),
                TableColumns.text("Scope", 220, acceptance -> scope(acceptance.devices().size(), acceptance.findings().size()))));
        table.setPlaceholder(new Label("No risk acceptance. New… starts a draft."));
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) -> showDetail(selected));
        detail.setId("acceptanceDetail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(8);
        VBox box = new VBox(6, table, detail);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(0, 6, 6, 6));
        return box;
    }

    /** Applies the day (starting and expiring acceptances) and reloads the list and the panel. */
    public void refresh() {
        AcceptanceState wanted = ALL_STATES.equals(stateFilter.getValue()) || stateFilter.getValue() == null ? null
                : AcceptanceState.parse(stateFilter.getValue());
        Long selectedId = selectedId();
        tasks.submit("Loading risk acceptances", monitor -> {
            service.refresh(Actor.SYSTEM);
            return load(wanted);
        }, snapshot -> show(snapshot, selectedId), error -> dialogs.showFailure("Risk acceptances not loaded",
                "Loading the risk acceptances failed.", error));
    }

    /** Reads a snapshot. Runs off the FX thread. */
    private Snapshot load(AcceptanceState wanted) {
        List<RiskAcceptance> listed = service.list(wanted);
        Map<Long, Map<AcceptanceAction, String>> rejected = new HashMap<>();
        for (RiskAcceptance acceptance : listed) {
            rejected.put(acceptance.id(), service.rejectedActions(acceptance));
        }
        return new Snapshot(listed, service.expiringWithin(PANEL_DAYS), service.settings(), service.signaturesAvailable(), rejected,
                service.settingsRejection(actor));
    }

    private void show(Snapshot snapshot, Long selectedId) {
        warningDays = snapshot.settings().warningDays();
        rejections = snapshot.rejections();
        rules.setText("Rules: " + snapshot.settings().rulesText());
        settingsButton.setDisable(snapshot.settingsRejection().isPresent());
        settingsButton.getTooltip().setText(snapshot.settingsRejection().orElse("Change the residual risk bands, the approvers of each"
                + " level, the maximum duration and the expiry warning period"));
        accountsBanner.setVisible(!snapshot.signaturesAvailable());
        accountsBanner.setManaged(!snapshot.signaturesAvailable());
        expiring.getItems().setAll(snapshot.expiring());
        table.getItems().setAll(snapshot.listed());
        select(selectedId);
        updateButtons(table.getSelectionModel().getSelectedItem());
    }

    /**
     * Enables each action button when the service allows the action for the selected acceptance,
     * and sets its tooltip to the reason when it does not.
     */
    private void updateButtons(RiskAcceptance selected) {
        actionButtons.forEach((action, button) -> {
            String rejection = selected == null ? "Select a risk acceptance in the list first"
                    : rejections.getOrDefault(selected.id(), Map.of()).get(action);
            button.setDisable(rejection != null);
            button.getTooltip().setText(rejection != null ? rejection : ACTION_HELP.get(action));
        });
    }

    private void select(Long id) {
        if (id == null) {
            return;
        }
        table.getItems().stream().filter(acceptance -> acceptance.id() == id).findFirst().ifPresent(acceptance -> {
            table.getSelectionModel().select(acceptance);
            showDetail(acceptance);
        });
    }

    private Long selectedId() {
        RiskAcceptance selected = table.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.id();
    }

    private void showDetail(RiskAcceptance acceptance) {
        if (acceptance == null) {
            detail.clear();
            return;
        }
        List<AcceptanceSignature> signatures = service.signatures(acceptance.id());
        ZoneId zone = clock.getZone();
        StringBuilder text = new StringBuilder();
        text.append(acceptance.number()).append(" ").append(acceptance.title()).append(" - ")
                .append(acceptance.state(LocalDate.now(clock), warningDays).label()).append("\n");
        text.append("Reason: ").append(acceptance.reason().label())
                .append(acceptance.reasonDetail() == null ? "" : " (" + acceptance.reasonDetail() + ")").append("\n");
        text.append("Residual risk: ").append(acceptance.likelihood()).append(" x ").append(acceptance.severity()).append(" = ")
                .append(acceptance.residualScore()).append(", ").append(acceptance.level().label()).append("; required: ")
                .append(org.patchdesk.users.Role.labels(acceptance.requiredRoles())).append("\n");
        text.append("Requester: ").append(acceptance.requesterName()).append("\n");
        if (acceptance.endNote() != null) {
            text.append("Note: ").append(acceptance.endNote()).append("\n");
        }
        text.append("Signatures:");
        if (signatures.isEmpty()) {
            text.append(" none");
        }
        for (AcceptanceSignature signature : signatures) {
            // The role comes first, because the description ends with the signer's comment.
            text.append("\n  ").append(signature.role() == null ? "" : "For the role " + signature.role().label() + ": ")
                    .append(signature.signature().describe(zone));
        }
        detail.setText(text.toString());
    }

    /** Returns the scope in words: the devices, whose findings are all covered, and the findings chosen one by one. */
    static String scope(int devices, int chosenFindings) {
        String chosen = count(chosenFindings, "chosen finding", "chosen findings");
        if (devices == 0) {
            return chosen;
        }
        String whole = count(devices, "device", "devices") + " with all findings";
        return chosenFindings == 0 ? whole : whole + ", and " + chosen;
    }

    private void createDraft() {
        forms.editDraft(null, values -> service.createDraft(values, actor)).ifPresent(saved -> reloadSelecting(saved.id()));
    }

    private void editDraft() {
        RiskAcceptance selected = table.getSelectionModel().getSelectedItem();
        forms.editDraft(selected, values -> service.updateDraft(selected.id(), values, actor)).ifPresent(saved -> reloadSelecting(saved.id()));
    }

    /** Submits the selected draft, after the user confirms any warnings about its linked controls. */
    private void submit() {
        RiskAcceptance selected = table.getSelectionModel().getSelectedItem();
        List<String> warnings = service.controlWarnings(selected);
        if (!warnings.isEmpty() && !dialogs.confirm("Submit " + selected.number() + " with control warnings",
                String.join("\n\n", warnings) + "\n\nThe approvers see these warnings on the printed form. Submit "
                        + selected.number() + " for approval anyway?", "Submit anyway")) {
            return;
        }
        act("Not submitted", () -> service.submit(selected.id(), actor));
    }

    private void sign() {
        RiskAcceptance selected = table.getSelectionModel().getSelectedItem();
        // The requester cannot sign, so the dialog then starts with an empty user name.
        String signer = actor.name().equalsIgnoreCase(selected.requester()) ? null : actor.name();
        forms.sign(selected, service.missingRoles(selected), signer, input -> service.sign(selected.id(), input.userName(),
                        input.password(), input.meaning(), input.comment(), input.role()))
                .ifPresent(saved -> reloadSelecting(saved.id()));
    }

    private void closeEarly() {
        RiskAcceptance selected = table.getSelectionModel().getSelectedItem();
        dialogs.askText("Close " + selected.number() + " early", "Why is " + selected.number() + " (" + selected.title()
                + ") closed? The findings it holds reopen with new due dates.", "").ifPresent(reason ->
                act("Not closed", () -> service.close(selected.id(), reason, actor)));
    }

    private void renew() {
        RiskAcceptance selected = table.getSelectionModel().getSelectedItem();
        act("Not renewed", () -> service.renew(selected.id(), actor));
    }

    private void act(String title, java.util.function.Supplier<RiskAcceptance> action) {
        try {
            RiskAcceptance changed = action.get();
            reloadSelecting(changed.id());
        } catch (IllegalArgumentException | IllegalStateException e) {
            dialogs.showError(title, e.getMessage());
        }
    }

    private void reloadSelecting(long id) {
        stateFilter.setValue(ALL_STATES);
        AcceptanceState wanted = null;
        tasks.submit("Loading risk acceptances", monitor -> load(wanted), snapshot -> show(snapshot, id),
                error -> dialogs.showFailure("Risk acceptances not loaded", "Loading the risk acceptances failed.", error));
    }

    private void print() {
        RiskAcceptance selected = table.getSelectionModel().getSelectedItem();
        dialogs.chooseFileToSave("Save the risk acceptance", "risk-acceptance-" + selected.number().toLowerCase(java.util.Locale.ROOT) + ".pdf",
                "pdf").ifPresent(path -> tasks.submit("Writing the risk acceptance", monitor -> {
                    AcceptanceForm form = service.form(selected.id());
                    RiskAcceptancePdf.write(form, site, actor.name(), ZonedDateTime.now(clock), path);
                    return path;
                }, this::open, error -> dialogs.showFailure("Risk acceptance not written",
                        "Writing " + selected.number() + " to " + path + " failed.", error)));
    }

    private void open(Path written) {
        tasks.submit("Opening the risk acceptance", monitor -> {
            opener.open(written);
            return written;
        }, opened -> { }, error -> dialogs.showInformation("Risk acceptance saved", "The risk acceptance was saved to " + written
                + ". PatchDesk could not open it with the computer's PDF viewer (" + error.getMessage() + "); open it from the"
                + " file manager to print it."));
    }

    private void editSettings() {
        new AcceptanceSettingsDialog(service, actor, this).show().ifPresent(changed -> refresh());
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        button.setTooltip(new Tooltip());
        return button;
    }

    /**
     * Wraps a button so that its tooltip also shows while it is disabled: a disabled control
     * receives no mouse events, so the wrapper carries the same tooltip.
     */
    private static StackPane withTooltip(Button button) {
        if (button.getTooltip() == null) {
            button.setTooltip(new Tooltip());
        }
        StackPane wrapper = new StackPane(button);
        wrapper.setId(button.getId() + "Wrapper");
        Tooltip.install(wrapper, button.getTooltip());
        return wrapper;
    }

    /** Returns a count with the singular or plural noun, such as "1 finding" or "3 findings". */
    static String count(long number, String singular, String plural) {
        return number + " " + (number == 1 ? singular : plural);
    }
}
