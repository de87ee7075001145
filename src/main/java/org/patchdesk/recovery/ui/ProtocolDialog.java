package org.patchdesk.recovery.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

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
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.patchdesk.recovery.RecoveryProtocol;
import org.patchdesk.recovery.RecoveryProtocolService;
import org.patchdesk.recovery.RecoveryProtocolService.ProductChoice;
import org.patchdesk.recovery.RecoveryProtocolValues;
import org.patchdesk.ui.DateFields;
import org.patchdesk.ui.DialogService;

/**
 * The editor of a recovery protocol, with every field and the document paths. Saving calls the
 * service while the dialog is open: a value the service rejects is shown under the form and the
 * dialog stays open for a correction. The write changes one protocol, so it runs on the JavaFX
 * thread.
 */
final class ProtocolDialog {

    /** The file types the document chooser offers first; "All files" is always offered too. */
    private static final List<String> DOCUMENT_TYPES = List.of("pdf", "docx", "doc", "xlsx", "txt", "msg", "eml");

    private final RecoveryProtocolService service;
    private final DialogService dialogs;
    private final Node owner;

    private final RadioButton forProduct = new RadioButton("Product");
    private final RadioButton forDevice = new RadioButton("One device, asset tag");
    private final ComboBox<ProductChoice> product = new ComboBox<>();
    private final TextField device = new TextField();
    private final TextArea downtime = area("downtimeField", "How the unit cares for patients while the device is out of use:"
            + " spare or loaner devices, paper charting, transfer, who is told");
    private final TextArea isolation = area("isolationField", "How to take the device off the network without harming a patient:"
            + " which cable, port, VLAN or Wi-Fi setting, and who does it");
    private final TextArea restore = area("restoreField", "How to restore or reimage the device and verify it before clinical use");
    private final TextArea backups = area("backupsField", "Where the backups, images, configuration and license keys are kept,"
            + " and how recent they are");
    private final TextArea vendorContact = area("vendorContactField", "The manufacturer's emergency or 24/7 line, contract number,"
            + " and what to have ready when calling");
    private final TextField deciderRole = field("deciderRoleField", "such as ICU nurse manager");
    private final TextField deciderName = field("deciderNameField", "such as Jane Roe");
    private final DatePicker reviewedOn = DateFields.picker("reviewedOnField", null);
    private final TextField reviewedBy = field("reviewedByField", "who reviewed it");
    private final DatePicker nextReview = DateFields.picker("nextReviewField", null);
    private final ListView<String> documents = new ListView<>();
    private final Label problem = new Label();

    ProtocolDialog(RecoveryProtocolService service, DialogService dialogs, Node owner) {
        this.service = service;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    /**
     * Shows the editor filled with {@code initial}; {@code assetTag} is the tag of the device the
     * initial values name, or null. Returns the saved protocol, or empty when cancelled.
     */
    Optional<RecoveryProtocol> show(String title, String action, RecoveryProtocolValues initial, String assetTag,
                                    Function<RecoveryProtocolValues, RecoveryProtocol> save) {
        fill(initial, assetTag);
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setId("protocolDialog");
        ScrollPane scroll = new ScrollPane(form());
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(620);
        dialog.getDialogPane().setContent(scroll);
        ButtonType saveButton = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(saveButton, ButtonType.CANCEL);

        AtomicReference<RecoveryProtocol> saved = new AtomicReference<>();
        dialog.getDialogPane().lookupButton(saveButton).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                saved.set(save.apply(values()));
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

    private void fill(RecoveryProtocolValues initial, String assetTag) {
        ToggleGroup target = new ToggleGroup();
        forProduct.setToggleGroup(target);
        forProduct.setId("targetProduct");
        forDevice.setToggleGroup(target);
        forDevice.setId("targetDevice");
        List<ProductChoice> choices = service.productChoices();
        product.setItems(FXCollections.observableArrayList(choices));
        product.setId("protocolProduct");
        product.setMaxWidth(Double.MAX_VALUE);
        product.setConverter(productLabels());
        product.setValue(choices.stream().filter(choice -> Objects.equals(choice.id(), initial.productId())).findFirst().orElse(null));
        device.setId("protocolDevice");
        device.setPromptText("such as 100234");
        device.setText(assetTag == null ? "" : assetTag);
        (initial.deviceId() != null ? forDevice : forProduct).setSelected(true);
        product.disableProperty().bind(forDevice.selectedProperty());
        device.disableProperty().bind(forProduct.selectedProperty());

        downtime.setText(orEmpty(initial.downtimeProcedure()));
        isolation.setText(orEmpty(initial.isolationSteps()));
        restore.setText(orEmpty(initial.restoreSteps()));
        backups.setText(orEmpty(initial.backupLocation()));
        vendorContact.setText(orEmpty(initial.vendorEmergencyContact()));
        deciderRole.setText(orEmpty(initial.returnDeciderRole()));
        deciderName.setText(orEmpty(initial.returnDeciderName()));
        reviewedOn.setValue(initial.lastReviewedOn());
        reviewedBy.setText(orEmpty(initial.lastReviewedBy()));
        nextReview.setValue(initial.nextReviewOn());
        documents.setId("documentList");
        documents.setPrefHeight(110);
        documents.setPlaceholder(new Label("No document yet. Add the unit's downtime procedure or the vendor's recovery guide."));
        documents.getItems().setAll(initial.documentPaths());
        problem.setId("dialogProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
    }

    private GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPrefWidth(720);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);

        int row = 0;
        grid.addRow(row++, new Label("For"), new HBox(8, forProduct, product));
        grid.addRow(row++, new Label(""), new HBox(8, forDevice, device));
        Label precedence = new Label("A device's own protocol takes precedence over its product's.");
        precedence.setWrapText(true);
        grid.add(precedence, 1, row++);
        grid.addRow(row++, new Label(RecoveryProtocol.DOWNTIME_PROCEDURE + " (required)"), downtime);
        grid.addRow(row++, new Label(RecoveryProtocol.ISOLATION), isolation);
        grid.addRow(row++, new Label(RecoveryProtocol.RESTORE), restore);
        grid.addRow(row++, new Label(RecoveryProtocol.BACKUPS), backups);
        grid.addRow(row++, new Label(RecoveryProtocol.VENDOR_CONTACT), vendorContact);
        Label decider = new Label(RecoveryProtocol.RETURN_TO_SERVICE + " (role, name or both)");
        decider.setWrapText(true);
        grid.addRow(row++, decider, new HBox(8, deciderRole, deciderName));
        grid.addRow(row++, new Label("Last reviewed"), new HBox(8, reviewedOn, new Label("by"), reviewedBy));
        grid.addRow(row++, new Label("Next review"), nextReview);
        grid.addRow(row++, new Label("Documents"), documentsPane());
        grid.add(problem, 0, row, 2, 1);
        return grid;
    }

    private VBox documentsPane() {
        Button add = new Button("Add documents…");
        add.setId("addDocumentButton");
        add.setOnAction(event -> {
            for (Path path : dialogs.chooseFilesToOpen("Add documents to the recovery protocol", DOCUMENT_TYPES)) {
                String text = path.toString();
                if (!documents.getItems().contains(text)) {
                    documents.getItems().add(text);
                }
            }
        });
        Button remove = new Button("Remove");
        remove.setId("removeDocumentButton");
        remove.disableProperty().bind(documents.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> documents.getItems().remove(documents.getSelectionModel().getSelectedItem()));
        Label note = new Label("PatchDesk keeps the paths only; the files stay where they are.");
        note.setWrapText(true);
        return new VBox(6, documents, new HBox(8, add, remove), note);
    }

    /**
     * Reads the form into values.
     *
     * @throws IllegalArgumentException when the asset tag names no device or a date cannot be read
     */
    private RecoveryProtocolValues values() {
        Long productId = null;
        Long deviceId = null;
        if (forProduct.isSelected()) {
            productId = product.getValue() == null ? null : product.getValue().id();
        } else {
            deviceId = service.deviceIdForAssetTag(device.getText());
        }
        return new RecoveryProtocolValues(productId, deviceId, downtime.getText(), isolation.getText(), restore.getText(),
                backups.getText(), vendorContact.getText(), deciderRole.getText(), deciderName.getText(),
                DateFields.read(reviewedOn, "The last review date"), reviewedBy.getText(), DateFields.read(nextReview, "The next review date"),
                List.copyOf(documents.getItems()));
    }

    private static TextArea area(String id, String prompt) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPromptText(prompt);
        area.setWrapText(true);
        area.setPrefRowCount(3);
        return area;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Shows products by label. The box is not editable, so no text is read back. */
    private static StringConverter<ProductChoice> productLabels() {
        return new StringConverter<>() {
            @Override
            public String toString(ProductChoice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public ProductChoice fromString(String text) {
                return null;
            }
        };
    }
}
