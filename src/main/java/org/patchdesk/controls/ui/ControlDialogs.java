package org.patchdesk.controls.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.patchdesk.common.Actor;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlDocument;
import org.patchdesk.controls.ControlService;
import org.patchdesk.controls.ControlType;
import org.patchdesk.controls.ControlValues;
import org.patchdesk.controls.DeviceRef;
import org.patchdesk.controls.FindingRef;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DateFields;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.WrappingText;

/**
 * The dialogs of the Controls screen. Saving a control or a verification calls the service while
 * the dialog is open, so a value the service rejects is shown under the form and the dialog stays
 * open for a correction. Coverage changes rescore every finding of the devices involved, so they
 * run through the background tasks.
 */
final class ControlDialogs {

    private static final List<String> DOCUMENT_TYPES = List.of("pdf", "docx", "doc", "xlsx", "xls", "msg", "eml", "txt", "png", "jpg");

    private final ControlService service;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final Node owner;

    ControlDialogs(ControlService service, BackgroundTasks tasks, DialogService dialogs, Actor actor, Node owner) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.owner = owner;
    }

    Optional<CompensatingControl> create() {
        return controlDialog("New compensating control", "Create control", null, values -> service.create(values, actor));
    }

    Optional<CompensatingControl> edit(CompensatingControl control) {
        return controlDialog("Edit " + control.title(), "Save control", control, values -> service.update(control.id(), values, actor));
    }

    private Optional<CompensatingControl> controlDialog(String title, String action, CompensatingControl control,
                                                        Function<ControlValues, CompensatingControl> save) {
        List<ControlType> catalog = service.catalog();
        ComboBox<ControlType> type = new ComboBox<>(FXCollections.observableArrayList(catalog));
        type.setId("controlTypeField");
        type.setConverter(names());
        type.setMaxWidth(Double.MAX_VALUE);
        Label effect = WrappingText.label("", 440);
        effect.setId("controlEffect");
        type.valueProperty().addListener((observable, old, chosen) -> effect.setText(chosen == null ? ""
                : "Effect on scoring: " + chosen.scoringEffect() + ". NIST SP 800-53: " + listOrNone(chosen.nist80053())
                + "; CSF 2.0: " + listOrNone(chosen.csfSubcategories()) + "."));
        if (control != null) {
            type.setValue(catalog.stream().filter(candidate -> candidate.code().equals(control.type().code())).findFirst().orElse(null));
        }
        TextField name = field("controlTitleField", control == null ? null : control.title(), "such as Infusion pumps on VLAN 40");
        TextArea description = new TextArea(control == null || control.description() == null ? "" : control.description());
        description.setId("controlDescriptionField");
        description.setPromptText("What the control does and where, such as the switch and the ACL");
        description.setWrapText(true);
        description.setPrefRowCount(3);
        TextField ownerField = field("controlOwnerField", control == null ? null : control.owner(), "the person or team that keeps it working");
        DatePicker verified = DateFields.picker("controlVerifiedField", control == null ? null : control.verifiedOn());
        DatePicker next = DateFields.picker("controlNextField", control == null ? null : control.nextVerificationOn());
        TextField rules = field("controlRuleIdsField", control == null ? null : control.evidenceRuleIds(),
                "firewall rule, ACL or IPS signature IDs");

        GridPane grid = grid();
        grid.addRow(0, new Label("Type"), type);
        grid.add(effect, 1, 1);
        grid.addRow(2, new Label("Title"), name);
        grid.addRow(3, new Label("Description"), description);
        grid.addRow(4, new Label("Owner"), ownerField);
        grid.addRow(5, new Label("Verified on"), verified);
        grid.addRow(6, new Label("Next verification"), next);
        grid.addRow(7, new Label("Evidence rule IDs"), rules);
        Label help = WrappingText.label("Leave both dates empty for a control not verified yet. A control counts for scoring up to and"
                + " including its next verification date.", 440);
        grid.add(help, 1, 8);
        return show(title, "controlDialog", action, grid, () -> save.apply(new ControlValues(
                type.getValue() == null ? null : type.getValue().code(), name.getText(), description.getText(), ownerField.getText(),
                DateFields.read(verified, "Verified on"), DateFields.read(next, "Next verification"), rules.getText())));
    }

    Optional<CompensatingControl> verify(CompensatingControl control) {
        LocalDate today = service.today();
        DatePicker verified = DateFields.picker("verifiedOnField", today);
        LocalDate proposed = null;
        if (control.verifiedOn() != null && control.nextVerificationOn() != null) {
            proposed = today.plusDays(ChronoUnit.DAYS.between(control.verifiedOn(), control.nextVerificationOn()));
        }
        DatePicker next = DateFields.picker("nextVerificationField", proposed);
        GridPane grid = grid();
        grid.addRow(0, new Label("Control"), new Label(control.title() + " (" + control.type().name() + ")"));
        grid.addRow(1, new Label("Verified on"), verified);
        grid.addRow(2, new Label("Next verification"), next);
        Label help = WrappingText.label(proposed == null ? "Choose when the control must be checked again."
                : "The next date keeps the control's previous interval; change it if needed.", 360);
        grid.add(help, 1, 3);
        return show("Record verification", "verificationDialog", "Record verification", grid, () -> service.recordVerification(control.id(),
                DateFields.read(verified, "Verified on"), DateFields.read(next, "Next verification"), actor));
    }

    /** The height of each list in the coverage dialog, in pixels: about six rows. */
    static final double COVERAGE_LIST_HEIGHT = 150;

    /** Shows the devices and findings a control covers, with a device search to add more. */
    void coverage(CompensatingControl control) {
        AtomicReference<CompensatingControl> current = new AtomicReference<>(control);
        ListView<DeviceRef> covered = new ListView<>();
        covered.setId("coveredDevices");
        covered.setCellFactory(view -> cell(DeviceRef::label));
        covered.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        covered.setPlaceholder(new Label("No device covered"));
        ListView<FindingRef> coveredFindings = new ListView<>();
        coveredFindings.setId("coveredFindings");
        coveredFindings.setCellFactory(view -> cell(finding -> finding.label() + " (" + finding.status() + ")"));
        coveredFindings.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        coveredFindings.setPlaceholder(new Label("No single finding covered"));
        ListView<DeviceRef> results = new ListView<>();
        results.setId("deviceResults");
        results.setCellFactory(view -> cell(DeviceRef::label));
        results.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        ListView<FindingRef> findings = new ListView<>();
        findings.setId("deviceFindings");
        findings.setCellFactory(view -> cell(finding -> finding.cveId() + " (" + finding.status() + ")"));
        findings.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        findings.setPlaceholder(new Label("Select one device to list its findings"));
        Label problem = new Label();
        problem.setId("coverageProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);

        Runnable showCovered = () -> {
            covered.getItems().setAll(current.get().devices());
            coveredFindings.getItems().setAll(current.get().findings());
        };
        TextField search = new TextField();
        search.setId("coverageSearch");
        search.setPromptText("Asset tag, department, manufacturer or model");
        Runnable runSearch = () -> {
            List<DeviceRef> found = service.searchDevices(search.getText());
            results.getItems().setAll(found);
            results.setPlaceholder(new Label("No device matches"));
            problem.setText(found.size() == ControlService.SEARCH_LIMIT
                    ? "The first " + ControlService.SEARCH_LIMIT + " matches are shown; type more of the asset tag to narrow them." : "");
        };
        search.setOnAction(event -> runSearch.run());
        Button find = new Button("Search");
        find.setId("coverageSearchButton");
        find.setOnAction(event -> runSearch.run());
        results.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<DeviceRef>) change -> {
            List<DeviceRef> selected = List.copyOf(results.getSelectionModel().getSelectedItems());
            findings.getItems().setAll(selected.size() == 1 ? service.findingsOf(selected.get(0).id()) : List.of());
        });

        Button coverDevices = new Button("Cover selected devices");
        coverDevices.setId("coverDevicesButton");
        coverDevices.disableProperty().bind(results.getSelectionModel().selectedItemProperty().isNull());
        coverDevices.setOnAction(event -> change("Covering devices", current, showCovered, problem, () -> service.coverDevices(
                control.id(), ids(results.getSelectionModel().getSelectedItems(), DeviceRef::id), actor)));
        Button coverFindings = new Button("Cover selected findings");
        coverFindings.setId("coverFindingsButton");
        coverFindings.disableProperty().bind(findings.getSelectionModel().selectedItemProperty().isNull());
        coverFindings.setOnAction(event -> change("Covering findings", current, showCovered, problem, () -> service.coverFindings(
                control.id(), ids(findings.getSelectionModel().getSelectedItems(), FindingRef::id), actor)));
        Button uncoverDevices = new Button("Remove selected devices");
        uncoverDevices.setId("uncoverDevicesButton");
        uncoverDevices.disableProperty().bind(covered.getSelectionModel().selectedItemProperty().isNull());
        uncoverDevices.setOnAction(event -> change("Removing devices", current, showCovered, problem, () -> service.uncoverDevices(
                control.id(), ids(covered.getSelectionModel().getSelectedItems(), DeviceRef::id), actor)));
        Button uncoverFindings = new Button("Remove selected findings");
        uncoverFindings.setId("uncoverFindingsButton");
        uncoverFindings.disableProperty().bind(coveredFindings.getSelectionModel().selectedItemProperty().isNull());
        uncoverFindings.setOnAction(event -> change("Removing findings", current, showCovered, problem, () -> service.uncoverFindings(
                control.id(), ids(coveredFindings.getSelectionModel().getSelectedItems(), FindingRef::id), actor)));

        showCovered.run();
        runSearch.run();
        VBox left = new VBox(6, new Label("Find devices"), new HBox(6, search, find), results, coverDevices,
                new Label("Findings of the selected device"), findings, coverFindings);
        VBox right = new VBox(6, new Label("Covered devices: all of their findings"), covered, uncoverDevices,
                new Label("Covered single findings"), coveredFindings, uncoverFindings);
        HBox.setHgrow(search, Priority.ALWAYS);
        left.setPrefWidth(420);
        right.setPrefWidth(420);
        // Four lists at their default height make the dialog taller than a 1366x768 screen, so each
        // list shows about six rows and the content scrolls when the window is smaller still.
        for (ListView<?> list : List.of(results, findings, covered, coveredFindings)) {
            list.setPrefHeight(COVERAGE_LIST_HEIGHT);
        }
        ScrollPane scroll = new ScrollPane(new VBox(8, new HBox(16, left, right), problem));
        scroll.setId("coverageScroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        Dialog<Void> dialog = new Dialog<>();
        initOwner(dialog);
        dialog.setTitle("Coverage of " + control.title());
        dialog.setResizable(true);
        dialog.getDialogPane().setId("coverageDialog");
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.showAndWait();
    }

    private void change(String title, AtomicReference<CompensatingControl> current, Runnable showCovered, Label problem,
                        Supplier<CompensatingControl> work) {
        problem.setText("Rescoring the findings of the devices involved…");
        tasks.submit(title, monitor -> work.get(), updated -> {
            current.set(updated);
            showCovered.run();
            problem.setText("");
        }, error -> {
            if (error instanceof IllegalArgumentException) {
                problem.setText(error.getMessage());
            } else {
                problem.setText("");
                dialogs.showFailure("Coverage not changed", title + " failed.", error);
            }
        });
    }

    /** Shows the evidence documents of a control, to add paths chosen from disk or remove them. */
    void documents(CompensatingControl control) {
        ListView<ControlDocument> list = new ListView<>();
        list.setId("controlDocuments");
        list.setPrefSize(640, 220);
        list.setCellFactory(view -> cell(document -> document.path() + "  (added by " + document.addedBy() + ")"));
        list.setPlaceholder(new Label("No document yet. Add the change record, the firewall export or the verification report."));
        Runnable load = () -> list.getItems().setAll(service.documents(control.id()));
        Label problem = new Label();
        problem.setId("documentsProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);

        Button add = new Button("Add…");
        add.setId("addControlDocumentButton");
        add.setOnAction(event -> {
            List<Path> chosen = dialogs.chooseFilesToOpen("Add evidence to " + control.title(), DOCUMENT_TYPES);
            try {
                for (Path path : chosen) {
                    service.addDocument(control.id(), path.toString(), actor);
                }
                problem.setText("");
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
            }
            load.run();
        });
        Button remove = new Button("Remove");
        remove.setId("removeControlDocumentButton");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> {
            ControlDocument document = list.getSelectionModel().getSelectedItem();
            if (dialogs.confirm("Remove document", "Remove " + document.path().getFileName() + " from '" + control.title()
                    + "'? The file itself stays where it is.", "Remove document")) {
                service.removeDocument(document.id(), actor);
                load.run();
            }
        });
        load.run();

        Dialog<Void> dialog = new Dialog<>();
        initOwner(dialog);
        dialog.setTitle("Evidence of " + control.title());
        dialog.getDialogPane().setId("controlDocumentsDialog");
        dialog.getDialogPane().setContent(new VBox(8, new Label(control.title()), list, new HBox(8, add, remove), problem));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.showAndWait();
    }

    private <T> Optional<T> show(String title, String id, String action, GridPane form, Supplier<T> save) {
        Label problem = new Label();
        problem.setId("dialogProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        form.add(problem, 0, form.getRowCount(), 2, 1);

        Dialog<ButtonType> dialog = new Dialog<>();
        initOwner(dialog);
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setContent(form);
        ButtonType saveButton = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(saveButton, ButtonType.CANCEL);

        AtomicReference<T> saved = new AtomicReference<>();
        dialog.getDialogPane().lookupButton(saveButton).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                saved.set(save.get());
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage() + ".");
                event.consume();
            }
        });
        Optional<ButtonType> pressed = dialog.showAndWait();
        if (pressed.filter(saveButton::equals).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(saved.get());
    }

    private void initOwner(Dialog<?> dialog) {
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPrefWidth(620);
        ColumnConstraints labels = new ColumnConstraints();
        // Field names keep their full width; the fields take what is left.
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        return grid;
    }

    private static TextField field(String id, String value, String prompt) {
        TextField field = new TextField(value == null ? "" : value);
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }


    private static <T> List<Long> ids(List<T> items, Function<T, Long> id) {
        return items.stream().map(id).toList();
    }

    private static String listOrNone(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }

    private static StringConverter<ControlType> names() {
        return new StringConverter<>() {
            @Override
            public String toString(ControlType type) {
                return type == null ? "" : type.name();
            }

            @Override
            public ControlType fromString(String text) {
                return null;
            }
        };
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }
}
