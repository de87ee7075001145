package org.patchdesk.risk.ui;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.FeedImport;
import org.patchdesk.intel.FeedKind;
import org.patchdesk.intel.ManualVulnerabilities;
import org.patchdesk.risk.FeedStatus;
import org.patchdesk.risk.FeedStatusService;
import org.patchdesk.risk.IntelligenceService;
import org.patchdesk.risk.PriorityTerm;
import org.patchdesk.risk.ScoringSettings;
import org.patchdesk.risk.SettingsService;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.ProgressDialog;
import org.patchdesk.ui.TableColumns;

/**
 * The vulnerability feeds: how current each is, buttons to import the files a user downloaded
 * elsewhere, the history of imports, and the scoring settings.
 */
public final class FeedsView extends ScrollPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IntelligenceService intelligence;
    private final FeedStatusService statuses;
    private final SettingsService settings;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final ZoneId zone;
    private final Runnable onChanged;

    private final TableView<FeedStatus> feedTable = new TableView<>();
    private final TableView<FeedImport> historyTable = new TableView<>();
    private final Map<String, TextField> settingFields = new LinkedHashMap<>();

    public FeedsView(IntelligenceService intelligence, FeedStatusService statuses, SettingsService settings, BackgroundTasks tasks,
                     DialogService dialogs, Actor actor, ZoneId zone, Runnable onChanged) {
        this.intelligence = intelligence;
        this.statuses = statuses;
        this.settings = settings;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.zone = zone;
        this.onChanged = onChanged;
        setId("feedsView");
        setFitToWidth(true);

        Label intro = new Label("PatchDesk works offline. Download the files on a computer with internet access: the KEV catalog"
                + " from cisa.gov, the daily EPSS file from first.org, ICS medical advisories (CSAF) from CISA and CVE records"
                + " from cve.org. Then import them here. KEV data older than the stale limit below is flagged, and so is EPSS data.");
        intro.setWrapText(true);

        feedTable.setId("feedTable");
        feedTable.setPrefHeight(190);
        feedTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<FeedStatus, String> state = TableColumns.<FeedStatus>text("State", 165, FeedsView::stateText);
        state.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("feed-stale", "feed-ok");
                if (!empty && text != null) {
                    getStyleClass().add(text.startsWith("Stale") || text.equals("Not checked") ? "feed-stale" : "feed-ok");
                }
            }
        });
        feedTable.getColumns().setAll(List.of(
                TableColumns.<FeedStatus>text("Feed", 170, status -> status.feed().title()),
                state,
                TableColumns.text("Version", 220, status -> status.latest() == null ? "" : orEmpty(status.latest().feedVersion())),
                TableColumns.text("Data of", 100, status -> status.dataDate() == null ? "" : status.dataDate().toString()),
                TableColumns.text("Age", 80, status -> status.ageDays() == null ? "" : status.ageDays() + (status.ageDays() == 1 ? " day" : " days")),
                TableColumns.text("Imports", 70, status -> Integer.toString(status.imports())),
                TableColumns.text("Last import", 210, status -> status.latest() == null ? "" : WHEN.format(status.latest().importedAt().atZone(zone))
                        + " by " + status.latest().importedBy()),
                TableColumns.text("File", 260, status -> status.latest() == null ? "" : orEmpty(status.latest().fileName()))));

        Button kev = button("importKevButton", "Import KEV catalog…", this::importKev);
        Button epss = button("importEpssButton", "Import EPSS file…", this::importEpss);
        Button csafFiles = button("importCsafFilesButton", "Import CSAF advisories…", () -> importBatch(true, false));
        Button csafFolder = button("importCsafFolderButton", "Import a folder of advisories…", () -> importBatch(true, true));
        Button cveFiles = button("importCveFilesButton", "Import CVE records…", () -> importBatch(false, false));
        Button cveFolder = button("importCveFolderButton", "Import a folder of CVE records…", () -> importBatch(false, true));
        Button manual = button("addVulnerabilityButton", "Add a vulnerability by hand…", this::addManual);
        Button manualList = button("manualEntriesButton", "Entries by hand…", this::showManualEntries);
        FlowPane buttons = new FlowPane(8, 6, kev, epss, csafFiles, csafFolder, cveFiles, cveFolder, manual, manualList);

        historyTable.setId("feedHistoryTable");
        historyTable.setPrefHeight(260);
        historyTable.setPlaceholder(new Label("No feed has been imported yet."));
        historyTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        historyTable.getColumns().setAll(List.of(
                TableColumns.<FeedImport>text("Imported", 130, feed -> WHEN.format(feed.importedAt().atZone(zone))),
                TableColumns.<FeedImport>text("By", 80, FeedImport::importedBy),
                TableColumns.<FeedImport>text("Feed", 150, feed -> feed.feed().title()),
                TableColumns.<FeedImport>text("File", 220, feed -> orEmpty(feed.fileName())),
                TableColumns.<FeedImport>text("Records", 70, feed -> String.format(Locale.US, "%,d", feed.records())),
                TableColumns.<FeedImport>text("Summary", 700, feed -> orEmpty(feed.summary())),
                TableColumns.<FeedImport>text("SHA-256", 470, feed -> orEmpty(feed.fileSha256()))));

        VBox content = new VBox(10, title("Vulnerability feeds"), intro, feedTable, buttons, title("Imports"), historyTable,
                title("Scoring settings"), settingsPane());
        content.setPadding(new Insets(12));
        setContent(content);
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    static String stateText(FeedStatus status) {
        if (!status.checked()) {
            if (status.feed() == FeedKind.MANUAL) {
                return "None entered";
            }
            return status.staleAfterDays() == null ? "None imported" : "Not checked";
        }
        if (status.stale()) {
            return status.dataDate() == null ? "Stale (date unknown)" : "Stale (over " + status.staleAfterDays() + " days)";
        }
        return status.feed() == FeedKind.MANUAL ? "Entered" : "Current";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private GridPane settingsPane() {
        GridPane grid = new GridPane();
        grid.setId("scoringSettings");
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        grid.add(new Label("Days until due, by SSVC decision"), 0, row++, 3, 1);
        for (Decision decision : List.of(Decision.IMMEDIATE, Decision.OUT_OF_CYCLE, Decision.SCHEDULED, Decision.DEFER)) {
            grid.addRow(row++, new Label(WorklistViewModel.capitalize(decision.word())), field(ScoringSettings.DUE_PREFIX + decision.word()),
                    new Label("days"));
        }
        grid.add(new Label("Priority weights (each factor runs from 0 to 1)"), 0, row++, 3, 1);
        for (PriorityTerm term : PriorityTerm.values()) {
            grid.addRow(row++, new Label(WorklistViewModel.capitalize(term.factor())), field(ScoringSettings.WEIGHT_PREFIX + term.key()),
                    new Label("default " + format(term.defaultWeight())));
        }
        grid.add(new Label("Stale limits"), 0, row++, 3, 1);
        grid.addRow(row++, new Label("EPSS data older than"), field(ScoringSettings.EPSS_STALE), new Label("days"));
        grid.addRow(row++, new Label("KEV data older than"), field(ScoringSettings.KEV_STALE), new Label("days"));
        Button save = button("saveSettingsButton", "Save settings and rescore", this::saveSettings);
        Button defaults = button("defaultSettingsButton", "Restore defaults", () -> fill(ScoringSettings.defaults()));
        FlowPane buttons = new FlowPane(8, 6, save, defaults);
        buttons.setAlignment(Pos.CENTER_LEFT);
        grid.add(buttons, 0, row, 3, 1);
        return grid;
    }

    private TextField field(String key) {
        TextField field = new TextField();
        field.setId("setting-" + key.replace('.', '-'));
        field.setPrefColumnCount(6);
        settingFields.put(key, field);
        return field;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private void fill(ScoringSettings values) {
        for (Map.Entry<String, String> entry : values.asMap().entrySet()) {
            TextField field = settingFields.get(entry.getKey());
            if (field != null) {
                String value = entry.getValue();
                field.setText(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
            }
        }
    }

    /** Loads the feed states, the import history and the settings. */
    public void refresh() {
        tasks.submit("Reading feed states", monitor -> statuses.statuses(), feedTable.getItems()::setAll,
                error -> dialogs.showFailure("Feeds not shown", "Reading the feed states failed.", error));
        tasks.submit("Reading imports", monitor -> statuses.history(200), historyTable.getItems()::setAll,
                error -> dialogs.showFailure("Imports not shown", "Reading the import history failed.", error));
        tasks.submit("Reading settings", monitor -> settings.current(), this::fill,
                error -> dialogs.showFailure("Settings not shown", "Reading the scoring settings failed.", error));
    }

    private void importKev() {
        dialogs.chooseFileToOpen("Import the CISA KEV catalog", List.of("json", "csv")).ifPresent(file -> run("Importing " + file.getFileName(),
                monitor -> {
                    IntelligenceService.KevResult result = intelligence.importKev(file, actor, monitor);
                    StringBuilder text = new StringBuilder(result.feedImport().summary());
                    long affecting = result.newCveDevices().values().stream().filter(devices -> !devices.isEmpty()).count();
                    if (!result.newCveDevices().isEmpty()) {
                        text.append("\n\n").append(affecting).append(" of the ").append(result.newCveDevices().size())
                                .append(" new CVEs affect devices").append(affecting == 0 ? "." : ":");
                    }
                    for (Map.Entry<String, List<String>> entry : result.newCveDevices().entrySet()) {
                        if (!entry.getValue().isEmpty()) {
                            text.append("\n").append(entry.getKey()).append(": ").append(String.join(", ", entry.getValue()));
                        }
                    }
                    return text.toString();
                }, "KEV catalog imported"));
    }

    private void importEpss() {
        dialogs.chooseFileToOpen("Import an EPSS file", List.of("gz", "csv")).ifPresent(file -> run("Importing " + file.getFileName(),
                monitor -> intelligence.importEpss(file, actor, monitor).feedImport().summary(), "EPSS scores imported"));
    }

    private void importBatch(boolean csaf, boolean folder) {
        String kind = csaf ? "CSAF advisories" : "CVE records";
        List<Path> paths = new ArrayList<>();
        if (folder) {
            dialogs.chooseFolder("Import a folder of " + kind).ifPresent(paths::add);
        } else {
            paths.addAll(dialogs.chooseFilesToOpen("Import " + kind, List.of("json")));
        }
        if (paths.isEmpty()) {
            return;
        }
        run("Importing " + kind, monitor -> {
            IntelligenceService.BatchResult result = csaf ? intelligence.importCsaf(paths, actor, monitor)
                    : intelligence.importCveRecords(paths, actor, monitor);
            return result.describe();
        }, kind + " imported");
    }

    private void addManual() {
        ManualEntryDialog dialog = new ManualEntryDialog();
        dialog.initOwner(getScene().getWindow());
        dialog.showAndWait().ifPresent(entry -> run("Adding " + entry.cveId(),
                monitor -> intelligence.addManual(entry, actor).describe(), "Vulnerability added"));
    }

    /** Lists the vulnerabilities entered by hand, with a button that removes the selected one. */
    private void showManualEntries() {
        TableView<ManualVulnerabilities.Stored> entries = new TableView<>();
        entries.setId("manualEntriesTable");
        entries.setPlaceholder(new Label("No vulnerability was entered by hand."));
        entries.getColumns().setAll(List.<TableColumn<ManualVulnerabilities.Stored, String>>of(
                TableColumns.text("CVE", 130, ManualVulnerabilities.Stored::cveId),
                TableColumns.text("Manufacturer", 150, ManualVulnerabilities.Stored::manufacturer),
                TableColumns.text("Model", 170, ManualVulnerabilities.Stored::model),
                TableColumns.text("Versions", 150, entry -> entry.versions() == null ? "all" : entry.versions()),
                TableColumns.text("CVSS vector", 240, entry -> orEmpty(entry.cvssVector())),
                TableColumns.text("Entered", 190, entry -> WHEN.format(entry.enteredAt().atZoneSameInstant(zone)) + " by " + entry.enteredBy())));
        entries.setPrefSize(1040, 320);

        Button remove = new Button("Remove the selected entry");
        remove.setId("removeManualButton");
        remove.disableProperty().bind(entries.getSelectionModel().selectedItemProperty().isNull());
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Vulnerabilities entered by hand");
        dialog.getDialogPane().setId("manualEntriesDialog");
        dialog.getDialogPane().setContent(new VBox(8, entries, remove));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);

        Runnable load = () -> tasks.submit("Reading the entries by hand", monitor -> intelligence.listManual(), entries.getItems()::setAll,
                error -> dialogs.showFailure("Entries not shown", "Reading the entries by hand failed.", error));

        remove.setOnAction(event -> {
            ManualVulnerabilities.Stored entry = entries.getSelectionModel().getSelectedItem();
            if (entry == null || !dialogs.confirm("Remove the entry", "Remove " + entry.cveId() + " for " + entry.manufacturer() + " "
                    + entry.model() + "? Findings that no other source supports are withdrawn.", "Remove")) {
                return;
            }
            tasks.submit("Removing " + entry.cveId(), monitor -> intelligence.removeManual(entry.cveId(), entry.manufacturer(),
                    entry.model(), actor), changes -> {
                load.run();
                refresh();
                onChanged.run();
                dialogs.showInformation("Entry removed", "Removed " + entry.cveId() + " for " + entry.manufacturer() + " "
                        + entry.model() + "; " + changes.describe());
            }, error -> dialogs.showFailure("Entry not removed", "Removing the entry failed.", error));
        });
        load.run();
        dialog.show();
    }

    private void saveSettings() {
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, TextField> entry : settingFields.entrySet()) {
            String problem = ScoringSettings.validate(entry.getKey(), entry.getValue().getText());
            if (problem != null) {
                dialogs.showError("Settings not saved", entry.getKey() + " " + problem + ".");
                return;
            }
            changes.put(entry.getKey(), entry.getValue().getText().strip());
        }
        run("Saving settings and rescoring", monitor -> {
            settings.save(changes, actor, monitor);
            return "The settings are saved and every finding is rescored.";
        }, "Settings saved");
    }

    /** Work that reports progress to the monitor and returns the text shown when it is done. */
    @FunctionalInterface
    private interface Step {
        String run(ProgressMonitor monitor) throws Exception;
    }

    private void run(String title, Step step, String doneTitle) {
        ProgressDialog.show(getScene().getWindow(), tasks.submit(title, step::run, text -> {
            refresh();
            onChanged.run();
            showResult(doneTitle, text);
        }, error -> {
            refresh();
            if (error instanceof IllegalArgumentException || error instanceof org.patchdesk.intel.feeds.FeedFormatException
                    || error instanceof java.nio.file.NoSuchFileException) {
                dialogs.showError("Not imported", error instanceof java.nio.file.NoSuchFileException missing
                        ? missing.getFile() + " does not exist" : error.getMessage());
            } else {
                dialogs.showFailure("Not imported", title + " failed; nothing was changed.", error);
            }
        }));
    }

    private void showResult(String title, String text) {
        if (text.lines().count() <= 6) {
            dialogs.showInformation(title, text);
            return;
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(title);
        TextArea area = new TextArea(text);
        area.setId("importResultText");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(760, 360);
        dialog.getDialogPane().setContent(area);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.show();
    }

    /** Asks for a vulnerability from a vendor letter: CVE, affected product and versions, CVSS vector, description. */
    static final class ManualEntryDialog extends Dialog<ManualVulnerabilities.Entry> {

        ManualEntryDialog() {
            setTitle("Add a vulnerability by hand");
            getDialogPane().setId("manualEntryDialog");
            TextField cve = new TextField();
            cve.setId("manualCve");
            cve.setPromptText("CVE-2026-12345");
            TextField manufacturer = new TextField();
            manufacturer.setId("manualManufacturer");
            TextField model = new TextField();
            model.setId("manualModel");
            TextField versions = new TextField();
            versions.setId("manualVersions");
            versions.setPromptText("<=2.4, or empty for all versions");
            TextField vector = new TextField();
            vector.setId("manualVector");
            vector.setPromptText("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
            vector.setPrefColumnCount(36);
            TextArea description = new TextArea();
            description.setId("manualDescription");
            description.setPrefRowCount(3);
            description.setWrapText(true);
            GridPane grid = new GridPane();
            grid.setHgap(10);
            grid.setVgap(6);
            grid.addRow(0, new Label("CVE"), cve);
            grid.addRow(1, new Label("Manufacturer"), manufacturer);
            grid.addRow(2, new Label("Model"), model);
            grid.addRow(3, new Label("Affected versions"), versions);
            grid.addRow(4, new Label("CVSS vector"), vector);
            grid.addRow(5, new Label("Description"), description);
            Label problem = new Label();
            problem.setId("manualProblem");
            problem.getStyleClass().add("field-error");
            problem.setWrapText(true);
            problem.setMaxWidth(520);
            grid.add(problem, 0, 6, 2, 1);
            getDialogPane().setContent(grid);
            ButtonType add = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
            getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
            Supplier<ManualVulnerabilities.Entry> entry = () -> new ManualVulnerabilities.Entry(cve.getText(), manufacturer.getText(),
                    model.getText(), versions.getText(), vector.getText(), description.getText());
            getDialogPane().lookupButton(add).addEventFilter(ActionEvent.ACTION, event -> {
                String text = ManualVulnerabilities.problem(entry.get());
                problem.setText(text == null ? "" : text + ".");
                getDialogPane().getScene().getWindow().sizeToScene();
                if (text != null) {
                    event.consume();
                }
            });
            setResultConverter(button -> button == add ? entry.get() : null);
        }
    }
}
