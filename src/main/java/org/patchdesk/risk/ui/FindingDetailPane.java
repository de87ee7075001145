package org.patchdesk.risk.ui;

import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.patchdesk.common.Actor;
import org.patchdesk.risk.Explanation;
import org.patchdesk.risk.Finding;
import org.patchdesk.risk.FindingService;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.risk.ReviewFlag;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.risk.ssvc.Automatable;
import org.patchdesk.risk.ssvc.SystemExposure;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;

/**
 * The panel beside the worklist: the explanation of the selected finding, section by section,
 * and the changes a person can make to it (status with justification, confirming a version
 * review, SSVC overrides, exploitation marks of its CVE).
 */
public final class FindingDetailPane extends ScrollPane {

    private static final String FROM_DEVICE = "from the device";
    private static final String FROM_VECTOR = "from the CVSS vector";

    private final FindingService findings;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final Consumer<WorklistRow> onChanged;

    private final Label title = new Label("Select a finding to see why it has its decision, priority and due date.");
    private final VBox sections = new VBox(10);
    private final VBox actions = new VBox(8);
    private final ComboBox<FindingStatus> statusChoice = new ComboBox<>();
    private final TextArea note = new TextArea();
    private final Button saveStatus = new Button("Save status");
    private final Button confirmVersion = new Button("Confirm the device's version is affected");
    private final ComboBox<String> exposureChoice = new ComboBox<>();
    private final ComboBox<String> automatableChoice = new ComboBox<>();
    private final Button saveOverrides = new Button("Save overrides");
    private final CheckBox exploitedMark = new CheckBox("Exploited in the wild (stated by a source in free text)");
    private final CheckBox pocMark = new CheckBox("Exploit code is public");
    private final Button saveMarks = new Button("Save marks");
    private WorklistRow row;

    public FindingDetailPane(FindingService findings, BackgroundTasks tasks, DialogService dialogs, Actor actor,
                             Consumer<WorklistRow> onChanged) {
        this.findings = findings;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.onChanged = onChanged;
        setId("findingDetail");
        setFitToWidth(true);

        title.setId("explanationTitle");
        title.getStyleClass().add("explanation-title");
        title.setWrapText(true);
        sections.setId("explanationSections");

        statusChoice.setId("statusChoice");
        statusChoice.getItems().setAll(FindingStatus.OPEN, FindingStatus.MITIGATED, FindingStatus.PATCHED, FindingStatus.RISK_ACCEPTED,
                FindingStatus.NOT_AFFECTED);
        statusChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(FindingStatus value) {
                return value == null ? "" : WorklistViewModel.capitalize(value.word());
            }

            @Override
            public FindingStatus fromString(String text) {
                return FindingStatus.parse(text);
            }
        });
        note.setId("statusNote");
        note.setPromptText("Justification: required for mitigated, risk accepted and not affected");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        saveStatus.setId("saveStatusButton");
        saveStatus.setOnAction(event -> saveStatus());
        confirmVersion.setId("confirmVersionButton");
        confirmVersion.setOnAction(event -> confirmVersion());
        exposureChoice.setId("exposureOverride");
        exposureChoice.getItems().setAll(FROM_DEVICE, "small", "controlled", "open");
        automatableChoice.setId("automatableOverride");
        automatableChoice.getItems().setAll(FROM_VECTOR, "no", "yes");
        saveOverrides.setId("saveOverridesButton");
        saveOverrides.setOnAction(event -> saveOverrides());
        exploitedMark.setId("exploitedMark");
        pocMark.setId("pocMark");
        saveMarks.setId("saveMarksButton");
        saveMarks.setOnAction(event -> saveMarks());

        GridPane overrides = new GridPane();
        overrides.setHgap(8);
        overrides.setVgap(6);
        overrides.addRow(0, new Label("System Exposure"), exposureChoice);
        overrides.addRow(1, new Label("Automatable"), automatableChoice);
        actions.getChildren().setAll(new Label("Status"), statusChoice, note, saveStatus, confirmVersion,
                new Label("SSVC overrides for this finding"), overrides, saveOverrides,
                new Label("Exploitation marks for the CVE (all its findings)"), exploitedMark, pocMark, saveMarks);
        TitledPane actionPane = new TitledPane("Change this finding", actions);
        actionPane.setId("findingActions");
        actionPane.setExpanded(true);
        actionPane.visibleProperty().bind(saveStatus.disableProperty().not());
        actionPane.managedProperty().bind(actionPane.visibleProperty());
        saveStatus.setDisable(true);

        actionPane.setPrefWidth(380);
        actionPane.setMinWidth(340);
        VBox explanation = new VBox(12, title, sections);
        HBox.setHgrow(explanation, Priority.ALWAYS);
        HBox content = new HBox(16, explanation, actionPane);
        content.setPadding(new Insets(10));
        setContent(content);
    }

    /** Shows a finding, or the hint when {@code selected} is null. */
    public void show(WorklistRow selected) {
        this.row = selected;
        sections.getChildren().clear();
        if (selected == null) {
            title.setText("Select a finding to see why it has its decision, priority and due date.");
            saveStatus.setDisable(true);
            return;
        }
        Finding finding = selected.finding();
        title.setText(selected.assetTag() + " / " + finding.cveId());
        saveStatus.setDisable(false);
        statusChoice.setValue(finding.statusValue() == FindingStatus.WITHDRAWN ? null : finding.statusValue());
        note.setText(finding.statusChangedBy() != null && !"system".equals(finding.statusChangedBy()) && finding.statusNote() != null
                ? finding.statusNote() : "");
        confirmVersion.setVisible(finding.reviewValue() == ReviewFlag.VERSION);
        confirmVersion.setManaged(confirmVersion.isVisible());
        exposureChoice.setValue(finding.exposureOverride() == null ? FROM_DEVICE : finding.exposureOverride());
        automatableChoice.setValue(finding.automatableOverride() == null ? FROM_VECTOR : finding.automatableOverride());
        long id = finding.id();
        tasks.submit("Explaining " + finding.cveId(), monitor -> findings.explain(id), explanation -> {
            if (row != null && row.finding().id() == id) {
                render(explanation);
            }
        }, error -> dialogs.showFailure("Explanation not shown", "Explaining the finding failed.", error));
        tasks.submit("Reading marks", monitor -> findings.marks(finding.cveId()), marks -> {
            if (row != null && row.finding().id() == id) {
                exploitedMark.setSelected(marks[0]);
                pocMark.setSelected(marks[1]);
            }
        }, error -> { });
    }

    private void render(Explanation explanation) {
        title.setText(explanation.title());
        sections.getChildren().setAll(ExplanationNodes.of(explanation));
    }

    private void saveStatus() {
        FindingStatus status = statusChoice.getValue();
        if (row == null || status == null) {
            return;
        }
        long id = row.finding().id();
        String text = note.getText();
        tasks.submit("Saving the status", monitor -> findings.setStatus(id, status, text, actor), this::changed,
                error -> showProblem("Status not saved", error));
    }

    private void confirmVersion() {
        if (row == null) {
            return;
        }
        long id = row.finding().id();
        tasks.submit("Confirming", monitor -> findings.confirmApplies(id, actor), this::changed,
                error -> showProblem("Review not saved", error));
    }

    private void saveOverrides() {
        if (row == null) {
            return;
        }
        long id = row.finding().id();
        SystemExposure exposure = FROM_DEVICE.equals(exposureChoice.getValue()) ? null : SystemExposure.fromWord(exposureChoice.getValue());
        Automatable automatable = FROM_VECTOR.equals(automatableChoice.getValue()) ? null
                : Automatable.fromWord(automatableChoice.getValue());
        tasks.submit("Saving overrides", monitor -> findings.setOverrides(id, exposure, automatable, actor), this::changed,
                error -> showProblem("Overrides not saved", error));
    }

    private void saveMarks() {
        if (row == null) {
            return;
        }
        String cve = row.finding().cveId();
        long id = row.finding().id();
        boolean exploited = exploitedMark.isSelected();
        boolean poc = pocMark.isSelected();
        tasks.submit("Saving marks", monitor -> {
            findings.markVulnerability(cve, exploited, poc, actor);
            return findings.find(id).orElseThrow();
        }, this::changed, error -> showProblem("Marks not saved", error));
    }

    private void changed(WorklistRow updated) {
        onChanged.accept(updated);
        show(updated);
    }

    private void showProblem(String title, Throwable error) {
        if (error instanceof IllegalArgumentException) {
            dialogs.showError(title, error.getMessage());
        } else {
            dialogs.showFailure(title, "Saving the change failed.", error);
        }
    }

    /** Returns the row shown, or null. */
    public WorklistRow shown() {
        return row;
    }
}
