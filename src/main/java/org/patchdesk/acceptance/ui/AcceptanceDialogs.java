package org.patchdesk.acceptance.ui;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
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

import org.patchdesk.acceptance.AcceptanceReason;
import org.patchdesk.acceptance.AcceptanceValues;
import org.patchdesk.acceptance.FindingSearch;
import org.patchdesk.acceptance.InvalidFieldException;
import org.patchdesk.acceptance.RiskAcceptance;
import org.patchdesk.acceptance.RiskAcceptanceService;
import org.patchdesk.acceptance.RiskDecision;
import org.patchdesk.acceptance.ScopeFinding;
import org.patchdesk.common.SpreadsheetDates;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.DeviceRef;
import org.patchdesk.controls.FindingRef;
import org.patchdesk.recovery.RecoveryProtocol;
import org.patchdesk.users.Role;
import org.patchdesk.users.SignatureMeaning;

/**
 * The dialogs of the risk acceptance screen: the draft form and the electronic signature. Each
 * saves through the service when its button is pressed and keeps the dialog open with the message
 * when the service rejects the input.
 */
final class AcceptanceDialogs {

    private final RiskAcceptanceService service;
    private final Node owner;

    AcceptanceDialogs(RiskAcceptanceService service, Node owner) {
        this.service = service;
        this.owner = owner;
    }

    /** What the sign dialog collected. The password array belongs to the caller, who clears it. */
    record SignInput(String userName, char[] password, SignatureMeaning meaning, String comment, Role role) {
    }

    /**
     * Shows the draft form, filled with {@code existing} when given, and saves it with {@code save}.
     * Returns the saved acceptance, or empty when cancelled.
     */
    Optional<RiskAcceptance> editDraft(RiskAcceptance existing, Function<AcceptanceValues, RiskAcceptance> save) {
        LocalDate today = service.today();
        int maxMonths = service.settings().maxMonths();
        GridPane form = grid();

        TextField title = new TextField(existing == null ? "" : existing.title());
        title.setId("acceptanceTitleField");
        ComboBox<AcceptanceReason> reason = new ComboBox<>(FXCollections.observableArrayList(AcceptanceReason.values()));
        reason.setId("acceptanceReasonField");
        reason.setValue(existing == null ? null : existing.reason());
        TextField detail = new TextField(existing == null || existing.reasonDetail() == null ? "" : existing.reasonDetail());
        detail.setId("acceptanceReasonDetailField");
        detail.setPromptText("Required for \"other\"");
        DatePicker replacement = picker("acceptanceReplacementField", existing == null ? null : existing.replacementDate());
        TextArea statement = new TextArea(existing == null ? "" : existing.riskStatement());
        statement.setId("acceptanceStatementField");
        statement.setPrefRowCount(3);
        statement.setWrapText(true);
        ComboBox<Integer> likelihood = scale("acceptanceLikelihoodField", existing == null ? 3 : existing.likelihood());
        ComboBox<Integer> severity = scale("acceptanceSeverityField", existing == null ? 3 : existing.severity());
        Label residual = new Label();
        residual.setId("acceptanceResidual");
        Runnable showResidual = () -> {
            int product = likelihood.getValue() * severity.getValue();
            var level = service.settings().level(product);
            residual.setText(likelihood.getValue() + " x " + severity.getValue() + " = " + product + ", " + level.label()
                    + "; approvers: " + Role.labels(service.settings().approversFor(level)));
        };
        likelihood.valueProperty().addListener((observable, old, value) -> showResidual.run());
        severity.valueProperty().addListener((observable, old, value) -> showResidual.run());
        showResidual.run();
        ComboBox<RiskDecision> decision = new ComboBox<>(FXCollections.observableArrayList(RiskDecision.values()));
        decision.setId("acceptanceDecisionField");
        decision.setValue(existing == null ? RiskDecision.ACCEPT : existing.decision());
        DatePicker start = picker("acceptanceStartField", existing == null ? today : existing.startDate());
        ComboBox<Integer> months = new ComboBox<>(FXCollections.observableArrayList(IntStream.rangeClosed(1, maxMonths).boxed().toList()));
        months.setId("acceptanceMonthsField");
        months.setValue(existing == null ? Math.min(6, maxMonths) : existing.durationMonths());

        ListView<DeviceRef> devices = list("acceptanceDevices", DeviceRef::label);
        ListView<FindingRef> findings = list("acceptanceFindings", FindingRef::label);
        if (existing != null) {
            devices.getItems().setAll(existing.devices());
            findings.getItems().setAll(existing.findings());
        }
        Label protocol = new Label();
        protocol.setId("acceptanceProtocol");
        protocol.setWrapText(true);
        Runnable showProtocols = () -> {
            List<RecoveryProtocol> protocols = service.recoveryProtocolsFor(scopeDeviceIds(devices, findings));
            protocol.setText(protocols.isEmpty() ? "No recovery protocol applies to the devices in scope."
                    : "Recovery protocol, printed with the form: " + String.join("; ", protocols.stream().map(RecoveryProtocol::target).toList()));
        };
        showProtocols.run();
        VBox scope = scopePicker(devices, findings, showProtocols);

        ListView<CompensatingControl> controls = list("acceptanceControls", control -> control.type().name() + ": " + control.title()
                + " (" + control.stateText(today) + ")");
        controls.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        controls.setPrefHeight(100);
        controls.getItems().setAll(service.availableControls());
        if (existing != null) {
            for (CompensatingControl control : controls.getItems()) {
                if (existing.controlIds().contains(control.id())) {
                    controls.getSelectionModel().select(control);
                }
            }
        }
        Label controlWarnings = new Label();
        controlWarnings.setId("acceptanceControlWarnings");
        controlWarnings.getStyleClass().add("field-error");
        controlWarnings.setWrapText(true);
        Runnable showControlWarnings = () -> {
            List<Long> chosen = controls.getSelectionModel().getSelectedItems().stream().map(CompensatingControl::id).toList();
            LocalDate startDate = start.getValue();
            LocalDate endDate = startDate == null || months.getValue() == null ? null : startDate.plusMonths(months.getValue()).minusDays(1);
            List<String> warnings = service.controlWarnings(chosen, endDate);
            controlWarnings.setText(String.join("\n", warnings));
            controlWarnings.setVisible(!warnings.isEmpty());
            controlWarnings.setManaged(!warnings.isEmpty());
        };
        controls.getSelectionModel().getSelectedItems().addListener((ListChangeListener<CompensatingControl>) change -> showControlWarnings.run());
        start.valueProperty().addListener((observable, old, value) -> showControlWarnings.run());
        months.valueProperty().addListener((observable, old, value) -> showControlWarnings.run());
        showControlWarnings.run();

        Map<String, Node> fields = new LinkedHashMap<>();
        fields.put(RiskAcceptanceService.FIELD_TITLE, title);
        fields.put(RiskAcceptanceService.FIELD_REASON, reason);
        fields.put(RiskAcceptanceService.FIELD_REASON_DETAIL, detail);
        fields.put(RiskAcceptanceService.FIELD_REPLACEMENT, replacement);
        fields.put(RiskAcceptanceService.FIELD_STATEMENT, statement);
        fields.put(RiskAcceptanceService.FIELD_SCOPE, scope);
        fields.put(RiskAcceptanceService.FIELD_CONTROLS, controls);
        fields.put(RiskAcceptanceService.FIELD_LIKELIHOOD, likelihood);
        fields.put(RiskAcceptanceService.FIELD_SEVERITY, severity);
        fields.put(RiskAcceptanceService.FIELD_DECISION, decision);
        fields.put(RiskAcceptanceService.FIELD_START, start);
        fields.put(RiskAcceptanceService.FIELD_DURATION, months);

        int row = 0;
        form.addRow(row++, new Label(RiskAcceptanceService.FIELD_TITLE), title);
        form.addRow(row++, new Label(RiskAcceptanceService.FIELD_REASON), reason);
        form.addRow(row++, new Label(RiskAcceptanceService.FIELD_REASON_DETAIL), detail);
        form.addRow(row++, new Label(RiskAcceptanceService.FIELD_REPLACEMENT), replacement);
        form.addRow(row++, new Label(RiskAcceptanceService.FIELD_STATEMENT), statement);
        form.addRow(row++, new Label(RiskAcceptanceService.FIELD_SCOPE), scope);
        form.addRow(row++, new Label(""), protocol);
        form.addRow(row++, new Label(RiskAcceptanceService.FIELD_CONTROLS), controls);
        form.addRow(row++, new Label(""), controlWarnings);
        form.addRow(row++, new Label(RiskAcceptanceService.FIELD_LIKELIHOOD + " (1-5)"), likelihood);
        form.addRow(row++, new Label(RiskAcceptanceService.FIELD_SEVERITY + " (1-5)"), severity);
        form.addRow(row++, new Label("Residual risk"), residual);
        form.addRow(row++, new Label(RiskAcceptanceService.FIELD_DECISION), decision);
        form.addRow(row++, new Label(RiskAcceptanceService.FIELD_START), start);
        form.addRow(row, new Label(RiskAcceptanceService.FIELD_DURATION + " (months, at most " + maxMonths + ")"), months);

        return show(existing == null ? "New risk acceptance" : "Edit " + existing.number(), "acceptanceDialog",
                existing == null ? "Create draft" : "Save draft", form, fields, () -> {
                    LocalDate startDate = read(start, RiskAcceptanceService.FIELD_START);
                    if (startDate == null) {
                        throw new InvalidFieldException(RiskAcceptanceService.FIELD_START, "Enter the start date of the risk acceptance");
                    }
                    AcceptanceValues values = new AcceptanceValues(title.getText(), reason.getValue(), detail.getText(),
                            read(replacement, RiskAcceptanceService.FIELD_REPLACEMENT), statement.getText(), likelihood.getValue(), severity.getValue(),
                            decision.getValue(), months.getValue(), startDate, devices.getItems().stream().map(DeviceRef::id).toList(),
                            findings.getItems().stream().map(FindingRef::id).toList(),
                            controls.getSelectionModel().getSelectedItems().stream().map(CompensatingControl::id).toList());
                    return save.apply(values);
                });
    }

    private static List<Long> scopeDeviceIds(ListView<DeviceRef> devices, ListView<FindingRef> findings) {
        return java.util.stream.Stream.concat(devices.getItems().stream().map(DeviceRef::id),
                findings.getItems().stream().map(FindingRef::deviceId)).distinct().toList();
    }

    /**
     * Builds the scope picker: a device search and a finding search (part of the CVE ID, KEV only,
     * and the device text), their results, and the chosen devices and findings. Selecting a device
     * lists its findings under the same CVE and KEV filters.
     */
    private VBox scopePicker(ListView<DeviceRef> devices, ListView<FindingRef> findings, Runnable changed) {
        TextField search = new TextField();
        search.setId("acceptanceDeviceSearch");
        search.setPromptText("Asset tag, department, manufacturer or model");
        TextField cve = new TextField();
        cve.setId("acceptanceCveSearch");
        cve.setPromptText("Part of a CVE ID, such as 2024-12");
        CheckBox kevOnly = new CheckBox("KEV only");
        kevOnly.setId("acceptanceKevOnly");
        ListView<DeviceRef> results = list("acceptanceDeviceResults", DeviceRef::label);
        ListView<ScopeFinding> foundFindings = list("acceptanceFindingResults", ScopeFinding::label);
        foundFindings.setPlaceholder(new Label("Search findings, or select a device to list its findings"));
        Button find = new Button("Search devices");
        find.setId("acceptanceDeviceSearchButton");
        find.setOnAction(event -> results.getItems().setAll(service.searchDevices(search.getText())));
        search.setOnAction(event -> find.fire());
        Button findFindings = new Button("Search findings");
        findFindings.setId("acceptanceFindingSearchButton");
        findFindings.setOnAction(event -> {
            results.getSelectionModel().clearSelection();
            foundFindings.getItems().setAll(service.searchFindings(new FindingSearch(cve.getText(), kevOnly.isSelected(), search.getText(),
                    null, false)));
        });
        cve.setOnAction(event -> findFindings.fire());
        results.getSelectionModel().selectedItemProperty().addListener((observable, old, device) -> {
            if (device != null) {
                foundFindings.getItems().setAll(service.searchFindings(new FindingSearch(cve.getText(), kevOnly.isSelected(), null,
                        device.id(), false)));
            }
        });
        Button addDevice = new Button("Add device");
        addDevice.setId("acceptanceAddDeviceButton");
        addDevice.setOnAction(event -> {
            DeviceRef device = results.getSelectionModel().getSelectedItem();
            if (device != null && devices.getItems().stream().noneMatch(chosen -> chosen.id() == device.id())) {
                devices.getItems().add(device);
                changed.run();
            }
        });
        Button addFinding = new Button("Add finding");
        addFinding.setId("acceptanceAddFindingButton");
        addFinding.setOnAction(event -> {
            ScopeFinding finding = foundFindings.getSelectionModel().getSelectedItem();
            if (finding != null && findings.getItems().stream().noneMatch(chosen -> chosen.id() == finding.id())) {
                findings.getItems().add(finding.ref());
                changed.run();
            }
        });
        Button remove = new Button("Remove from scope");
        remove.setId("acceptanceRemoveScopeButton");
        remove.setOnAction(event -> {
            devices.getItems().remove(devices.getSelectionModel().getSelectedItem());
            findings.getItems().remove(findings.getSelectionModel().getSelectedItem());
            changed.run();
        });
        for (ListView<?> view : List.of(results, foundFindings, devices, findings)) {
            view.setPrefHeight(90);
        }
        HBox deviceRow = new HBox(6, search, find);
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox findingRow = new HBox(6, cve, kevOnly, findFindings);
        findingRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(cve, Priority.ALWAYS);
        HBox found = new HBox(6, labeled("Devices found", results), labeled("Findings found", foundFindings));
        HBox.setHgrow(found.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(found.getChildren().get(1), Priority.ALWAYS);
        HBox buttons = new HBox(6, addDevice, addFinding, remove);
        HBox chosen = new HBox(6, labeled("Devices in scope (all their findings)", devices), labeled("Findings in scope", findings));
        return new VBox(6, deviceRow, findingRow, found, buttons, chosen);
    }

    /**
     * Shows the electronic signature dialog for an acceptance: user name (the signed-in user by
     * default), password, meaning, the role signed for, and a comment; signs with {@code sign}.
     */
    Optional<RiskAcceptance> sign(RiskAcceptance acceptance, List<Role> missing, String signedInUser,
                                  Function<SignInput, RiskAcceptance> sign) {
        GridPane form = grid();
        Label about = new Label(acceptance.number() + ": " + acceptance.title() + "\nResidual risk " + acceptance.residualScore() + " ("
                + acceptance.level().label() + "); still needed: " + (missing.isEmpty() ? "none" : Role.labels(missing))
                + "\nThe requester (" + acceptance.requesterName() + ") cannot sign.");
        about.setWrapText(true);
        TextField user = new TextField(signedInUser == null ? "" : signedInUser);
        user.setId("signUserField");
        PasswordField password = new PasswordField();
        password.setId("signPasswordField");
        ComboBox<SignatureMeaning> meaning = new ComboBox<>(FXCollections.observableArrayList(SignatureMeaning.values()));
        meaning.setId("signMeaningField");
        meaning.setValue(SignatureMeaning.APPROVED);
        meaning.setConverter(converter(SignatureMeaning::label));
        ComboBox<Role> role = new ComboBox<>(FXCollections.observableArrayList(missing));
        role.setId("signRoleField");
        role.setPromptText("The first needed role the signer holds");
        TextArea comment = new TextArea();
        comment.setId("signCommentField");
        comment.setPrefRowCount(2);
        comment.setWrapText(true);
        form.add(about, 0, 0, 2, 1);
        form.addRow(1, new Label("User name"), user);
        form.addRow(2, new Label("Password"), password);
        form.addRow(3, new Label("Meaning"), meaning);
        form.addRow(4, new Label("Signing as"), role);
        form.addRow(5, new Label("Comment"), comment);
        return show("Sign " + acceptance.number(), "signDialog", "Sign", form, Map.of(), () -> {
            char[] typed = password.getText().toCharArray();
            try {
                return sign.apply(new SignInput(user.getText(), typed, meaning.getValue(), comment.getText(), role.getValue()));
            } finally {
                java.util.Arrays.fill(typed, '\0');
                password.clear();
            }
        });
    }

    /**
     * Shows a form in a dialog whose fields scroll under a message line that stays in view. Pressing
     * {@code action} runs {@code save}. A rejected input keeps the dialog open with the message at
     * the top; when the message names a field of {@code fields}, the field is marked, scrolled into
     * view and focused, and the message starts with its name.
     */
    private <T> Optional<T> show(String title, String id, String action, GridPane form, Map<String, Node> fields, Supplier<T> save) {
        Label problem = new Label();
        problem.setId("dialogProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setVisible(false);
        problem.setManaged(false);

        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setId(id);
        // The draft form is taller than a laptop screen, so it scrolls inside a dialog of fixed height.
        ScrollPane scroll = new ScrollPane(form);
        scroll.setId(id + "Scroll");
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(480);
        scroll.setPrefViewportWidth(form.getPrefWidth() + 10);
        VBox content = new VBox(8, problem, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        ButtonType saveButton = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(saveButton, ButtonType.CANCEL);

        AtomicReference<T> saved = new AtomicReference<>();
        dialog.getDialogPane().lookupButton(saveButton).addEventFilter(ActionEvent.ACTION, event -> {
            fields.values().forEach(field -> field.getStyleClass().remove("invalid"));
            try {
                saved.set(save.get());
            } catch (IllegalArgumentException | IllegalStateException e) {
                String message = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
                Node field = e instanceof InvalidFieldException invalid ? fields.get(invalid.field()) : null;
                if (field != null) {
                    message = ((InvalidFieldException) e).field() + ": " + message;
                    field.getStyleClass().add("invalid");
                    scrollTo(scroll, form, field);
                    field.requestFocus();
                }
                problem.setText(message);
                problem.setVisible(true);
                problem.setManaged(true);
                event.consume();
            }
        });
        Optional<ButtonType> pressed = dialog.showAndWait();
        if (pressed.filter(saveButton::equals).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(saved.get());
    }

    /** Scrolls {@code scroll} so that the top of {@code field}, a node inside {@code form}, is in view. */
    private static void scrollTo(ScrollPane scroll, GridPane form, Node field) {
        double fieldTop = form.sceneToLocal(field.localToScene(field.getBoundsInLocal())).getMinY();
        double hidden = form.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden > 0) {
            scroll.setVvalue(Math.max(0, Math.min(1, (fieldTop - 8) / hidden)));
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPrefWidth(700);
        ColumnConstraints labels = new ColumnConstraints();
        // Field names keep their full width; the fields take what is left.
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        return grid;
    }

    private static VBox labeled(String text, Node node) {
        return new VBox(2, new Label(text), node);
    }

    private static ComboBox<Integer> scale(String id, int value) {
        ComboBox<Integer> box = new ComboBox<>(FXCollections.observableArrayList(1, 2, 3, 4, 5));
        box.setId(id);
        box.setValue(value);
        return box;
    }

    private static <T> ListView<T> list(String id, Function<T, String> text) {
        ListView<T> view = new ListView<>();
        view.setId(id);
        view.setCellFactory(ignored -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return view;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    private static DatePicker picker(String id, LocalDate value) {
        DatePicker picker = new DatePicker(value);
        picker.setId(id);
        picker.setPrefWidth(140);
        picker.setPromptText("YYYY-MM-DD");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : date.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                return text == null || text.isBlank() ? null : SpreadsheetDates.parse(text).orElse(null);
            }
        });
        return picker;
    }

    /**
     * Returns the date typed or picked, or null when the field is empty.
     *
     * @throws IllegalArgumentException when the text is not a date
     */
    private static LocalDate read(DatePicker picker, String label) {
        String text = picker.getEditor().getText();
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = SpreadsheetDates.parse(text).orElseThrow(() -> new InvalidFieldException(label,
                label + " '" + text.strip() + "' is not a date; write it as 2026-12-04"));
        picker.setValue(date);
        return date;
    }
}
