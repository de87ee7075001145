package org.patchdesk.inventory.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.patchdesk.common.Actor;
import org.patchdesk.inventory.ClinicalCriticality;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceStatus;
import org.patchdesk.inventory.Labeled;
import org.patchdesk.inventory.MissionImpact;
import org.patchdesk.inventory.NetworkExposure;
import org.patchdesk.inventory.YesNoUnknown;

/**
 * The form to add or edit a device. Each field is checked when the user leaves it and its
 * message appears under it; Save checks every field and stays open, with the problems shown,
 * until they are fixed.
 */
public final class DeviceFormDialog extends Dialog<Device> {

    private static final List<List<DeviceField>> SECTIONS = List.of(
            List.of(DeviceField.ASSET_TAG, DeviceField.CMMS_ID, DeviceField.STATUS, DeviceField.STATUS_CHANGED_ON,
                    DeviceField.MANUFACTURER, DeviceField.MODEL, DeviceField.SERIAL_NUMBER, DeviceField.DEVICE_TYPE,
                    DeviceField.ACQUISITION_DATE),
            List.of(DeviceField.DEPARTMENT, DeviceField.LOCATION, DeviceField.BUILDING, DeviceField.FLOOR, DeviceField.ROOM),
            List.of(DeviceField.NETWORKED, DeviceField.IP_ADDRESSES, DeviceField.MAC_ADDRESSES, DeviceField.HOSTNAME,
                    DeviceField.NETWORK_SEGMENT, DeviceField.VENDOR_REMOTE_ACCESS, DeviceField.STORES_PHI, DeviceField.OS_NAME,
                    DeviceField.OS_VERSION, DeviceField.SOFTWARE_VERSION),
            List.of(DeviceField.CRITICALITY, DeviceField.MISSION_IMPACT, DeviceField.NETWORK_EXPOSURE));
    private static final List<String> SECTION_TITLES = List.of("Device", "Location", "Network and software", "Risk");
    private static final int COLUMNS = 3;

    private final DeviceFormViewModel model;
    private final Map<DeviceField, List<String>> choices;
    private final Label summary = new Label();

    /**
     * Creates the form. {@code choices} gives, for some text fields, the values already in use, which
     * the field offers in a list while still accepting new text.
     */
    public DeviceFormDialog(Window owner, DeviceFormViewModel model, Actor actor, Map<DeviceField, List<String>> choices) {
        this(owner, model, actor, choices, null);
    }

    /**
     * Creates the form with a second tab, such as the device's vulnerabilities, beside the fields;
     * {@code vulnerabilities} may be null for none.
     */
    public DeviceFormDialog(Window owner, DeviceFormViewModel model, Actor actor, Map<DeviceField, List<String>> choices,
                            Node vulnerabilities) {
        this.model = model;
        this.choices = choices;
        initOwner(owner);
        setTitle(model.isNew() ? "Add device" : "Edit device " + model.existing().assetTag());
        setResizable(true);
        getDialogPane().setId("deviceForm");

        ButtonType save = new ButtonType(model.isNew() ? "Add device" : "Save changes", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("saveDeviceButton");
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            Optional<Device> saved = model.save(actor);
            if (saved.isEmpty()) {
                event.consume();
                updateSummary();
                return;
            }
            setResult(saved.get());
        });
        setResultConverter(button -> button == save ? getResult() : null);

        summary.setId("formSummary");
        summary.getStyleClass().add("field-error");
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        for (DeviceField field : DeviceField.values()) {
            model.error(field).addListener((observable, old, message) -> {
                if (!summary.getText().isEmpty()) {
                    updateSummary();
                }
            });
        }
        VBox content = new VBox(12, summary);
        content.setPadding(new Insets(8));
        for (int i = 0; i < SECTIONS.size(); i++) {
            Label title = new Label(SECTION_TITLES.get(i));
            title.getStyleClass().add("section-title");
            content.getChildren().addAll(title, grid(SECTIONS.get(i)));
        }
        Label notesLabel = new Label("Notes");
        notesLabel.getStyleClass().add("section-title");
        TextArea notes = new TextArea();
        notes.setId("field-notes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(model.text(DeviceField.NOTES));
        content.getChildren().addAll(notesLabel, notes);

        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        scroll.setPrefViewportWidth(840);
        if (vulnerabilities == null) {
            getDialogPane().setContent(scroll);
        } else {
            Tab details = new Tab("Details", scroll);
            Tab findings = new Tab("Vulnerabilities", vulnerabilities);
            findings.setId("vulnerabilitiesTab");
            TabPane tabs = new TabPane(details, findings);
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            getDialogPane().setContent(tabs);
        }
        getDialogPane().getStylesheets().add(DeviceFormDialog.class.getResource("/org/patchdesk/ui/patchdesk.css").toExternalForm());
    }

    /** Shows how many fields still need attention, or nothing once all are fixed. */
    private void updateSummary() {
        long problems = model.problemCount();
        if (problems == 0) {
            summary.setText("");
        } else {
            summary.setText(problems == 1 ? "One field needs attention." : problems + " fields need attention.");
        }
    }

    private GridPane grid(List<DeviceField> fields) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        for (int i = 0; i < fields.size(); i++) {
            grid.add(fieldBox(fields.get(i)), i % COLUMNS, i / COLUMNS);
        }
        for (int i = 0; i < COLUMNS; i++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setPercentWidth(100.0 / COLUMNS);
            grid.getColumnConstraints().add(constraints);
        }
        return grid;
    }

    private VBox fieldBox(DeviceField field) {
        Label label = new Label(field.label() + (field == DeviceField.ASSET_TAG ? " *" : ""));
        Node input;
        if (DeviceFormViewModel.isChoice(field)) {
            input = choiceBox(field);
        } else if (choices.containsKey(field)) {
            input = suggestingField(field, choices.get(field));
        } else {
            input = textField(field);
        }
        label.setLabelFor(input);
        Label error = new Label();
        error.setId("error-" + field.key());
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(model.error(field));
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        model.error(field).addListener((observable, old, message) -> {
            if (message.isEmpty()) {
                input.getStyleClass().remove("invalid");
            } else if (!input.getStyleClass().contains("invalid")) {
                input.getStyleClass().add("invalid");
            }
        });
        return new VBox(2, label, input, error);
    }

    private TextInputControl textField(DeviceField field) {
        TextField text = new TextField();
        text.setId("field-" + field.key());
        text.textProperty().bindBidirectional(model.text(field));
        text.setPromptText(prompt(field));
        text.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                model.validate(field);
            }
        });
        return text;
    }

    /** Builds a text field with a list of the values already in use; typing a new value is allowed. */
    private ComboBox<String> suggestingField(DeviceField field, List<String> values) {
        ComboBox<String> box = new ComboBox<>();
        box.setId("field-" + field.key());
        box.setEditable(true);
        box.getItems().setAll(values);
        box.setMaxWidth(Double.MAX_VALUE);
        box.getEditor().textProperty().bindBidirectional(model.text(field));
        box.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                model.validate(field);
            }
        });
        return box;
    }

    private static String prompt(DeviceField field) {
        return switch (field.kind()) {
            case DATE -> "YYYY-MM-DD or M/D/YYYY";
            case IP_LIST -> "10.1.2.3; 10.1.2.4";
            case MAC_LIST -> "00:1A:2B:3C:4D:5E";
            default -> "";
        };
    }

    private ComboBox<Object> choiceBox(DeviceField field) {
        ComboBox<Object> box = new ComboBox<>();
        box.setId("field-" + field.key());
        box.getItems().add(null);
        box.getItems().addAll(List.of(choicesOf(field)));
        box.valueProperty().bindBidirectional(model.choice(field));
        box.setMaxWidth(Double.MAX_VALUE);
        String empty = emptyChoiceText(field);
        box.setButtonCell(choiceCell(empty));
        box.setCellFactory(list -> choiceCell(empty));
        return box;
    }

    private static Object[] choicesOf(DeviceField field) {
        return switch (field.kind()) {
            case STATUS -> DeviceStatus.values();
            case YES_NO -> new Object[] {YesNoUnknown.YES, YesNoUnknown.NO};
            case CRITICALITY -> ClinicalCriticality.values();
            case MISSION_IMPACT -> MissionImpact.values();
            case NETWORK_EXPOSURE -> NetworkExposure.values();
            default -> new Object[0];
        };
    }

    private String emptyChoiceText(DeviceField field) {
        Device existing = model.existing();
        return switch (field) {
            case STATUS -> model.isNew() ? "Active (default)" : "";
            case CRITICALITY -> existing == null
                    ? "Not set: the device type's default applies"
                    : "Not set: " + existing.criticality().display();
            case MISSION_IMPACT -> existing == null
                    ? "Not set: the device type's default applies"
                    : "Not set: " + existing.missionImpact().display();
            case NETWORK_EXPOSURE -> "Not set";
            default -> "Unknown";
        };
    }

    private static ListCell<Object> choiceCell(String emptyText) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                if (empty) {
                    setText(null);
                } else if (item == null) {
                    setText(emptyText);
                } else {
                    setText(((Labeled) item).label());
                }
            }
        };
    }
}
