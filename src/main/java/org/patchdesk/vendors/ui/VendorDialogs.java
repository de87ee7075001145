package org.patchdesk.vendors.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
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
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.patchdesk.common.Actor;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DateFields;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.DocumentOpener;
import org.patchdesk.vendors.ContactDetails;
import org.patchdesk.vendors.NewRequest;
import org.patchdesk.vendors.RequestDetails;
import org.patchdesk.vendors.RequestDocument;
import org.patchdesk.vendors.RequestStatus;
import org.patchdesk.vendors.ValidationRequest;
import org.patchdesk.vendors.ValidationRequestService;
import org.patchdesk.vendors.Vendor;
import org.patchdesk.vendors.VendorContact;
import org.patchdesk.vendors.VendorContactService;
import org.patchdesk.vendors.VendorProduct;
import org.patchdesk.vendors.VendorResponse;

/**
 * The forms of the Vendors screen: contact, request, status and response, follow-up, and
 * documents. Save runs the service at once; a rejected value keeps the form open with the
 * service's message under the fields.
 */
final class VendorDialogs {

    /** The file types the document chooser offers first; "All files" is always offered too. */
    private static final List<String> DOCUMENT_TYPES = List.of("pdf", "docx", "doc", "xlsx", "xls", "msg", "eml", "txt", "png", "jpg");

    private final Supplier<Window> owner;
    private final VendorContactService contacts;
    private final ValidationRequestService requests;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final DocumentOpener opener;
    private final Actor actor;
    private final Clock clock;

    VendorDialogs(Supplier<Window> owner, VendorContactService contacts, ValidationRequestService requests, BackgroundTasks tasks,
                  DialogService dialogs, DocumentOpener opener, Actor actor, Clock clock) {
        this.owner = owner;
        this.contacts = contacts;
        this.requests = requests;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.opener = opener;
        this.actor = actor;
        this.clock = clock;
    }

    /** Adds a contact at the vendor, or edits {@code existing} when it is not null. */
    Optional<VendorContact> contact(Vendor vendor, VendorContact existing) {
        ContactDetails initial = existing == null ? new ContactDetails(null, null, null, null, null, null) : existing.details();
        TextField name = text("contactName", initial.name(), "Dana Smith");
        TextField role = text("contactRole", initial.role(), "field service engineer, product security officer…");
        TextField email = text("contactEmail", initial.email(), "name@example.com");
        TextField phone = text("contactPhone", initial.phone(), "+1 800 555 0100");
        TextField portal = text("contactPortal", initial.portalUrl(), "https://support.example.com");
        TextArea contract = area("contactContract", initial.supportContract(), "Contract number, level and end date");
        GridPane grid = grid();
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Role"), role);
        grid.addRow(2, new Label("Email"), email);
        grid.addRow(3, new Label("Phone"), phone);
        grid.addRow(4, new Label("Portal URL"), portal);
        grid.addRow(5, new Label("Support contract"), contract);
        String title = existing == null ? "Add a contact at " + vendor.name() : "Edit contact " + existing.name();
        return showForm(title, "contactDialog", grid, existing == null ? "Add contact" : "Save", () -> {
            ContactDetails details = new ContactDetails(name.getText(), role.getText(), email.getText(), phone.getText(),
                    portal.getText(), contract.getText());
            return existing == null ? contacts.create(vendor.manufacturerId(), details, actor)
                    : contacts.update(existing.id(), details, actor);
        });
    }

    /** Records a new request to the vendor, or edits the details of {@code existing} when it is not null. */
    Optional<ValidationRequest> request(Vendor vendor, ValidationRequest existing) {
        long manufacturerId = existing == null ? vendor.manufacturerId() : existing.manufacturerId();
        List<VendorProduct> products = requests.products(manufacturerId);
        ComboBox<VendorProduct> product = new ComboBox<>(FXCollections.observableArrayList(products));
        product.setId("requestProduct");
        product.setConverter(labels(value -> value.model() + " (" + value.devices() + (value.devices() == 1 ? " device)" : " devices)")));
        product.setPromptText(products.isEmpty() ? "No product of this manufacturer is in the inventory" : "Choose the model");
        DatePicker requestedOn = DateFields.picker("requestedOn", existing == null ? LocalDate.now(clock)
                : existing.requestedOn());
        DatePicker followUp = DateFields.picker("requestFollowUp", null);
        if (existing != null) {
            product.setValue(products.stream().filter(value -> value.id() == existing.productId()).findFirst().orElse(null));
            product.setDisable(true);
            requestedOn.setDisable(true);
        } else if (products.size() == 1) {
            product.setValue(products.get(0));
        }

        RequestDetails initial = existing == null ? new RequestDetails(null, null, null, false, null, null, null) : existing.details();
        List<ContactChoice> contactChoices = new ArrayList<>();
        contactChoices.add(new ContactChoice(null));
        contacts.list(manufacturerId).forEach(contact -> contactChoices.add(new ContactChoice(contact)));
        ComboBox<ContactChoice> contact = new ComboBox<>(FXCollections.observableArrayList(contactChoices));
        contact.setId("requestContact");
        contact.setConverter(labels(ContactChoice::label));
        contact.setValue(contactChoices.stream().filter(choice -> choice.contact() != null
                && choice.contact().id() == (initial.contactId() == null ? -1 : initial.contactId())).findFirst()
                .orElse(contactChoices.get(0)));
        TextField update = text("requestUpdate", initial.updateName(), "Service Pack 4, KB5034441, firmware 12.1.3…");
        TextField cve = text("requestCve", initial.cveId(), "CVE-2024-12248");
        CheckBox uncontrolled = new CheckBox("The manufacturer calls this vulnerability an uncontrolled risk");
        uncontrolled.setId("requestUncontrolled");
        uncontrolled.setSelected(initial.uncontrolled());
        DatePicker learnedOn = DateFields.picker("requestLearnedOn", initial.learnedOn());
        DatePicker advisoryOn = DateFields.picker("requestAdvisoryOn", initial.advisoryReleasedOn());
        learnedOn.disableProperty().bind(uncontrolled.selectedProperty().not());
        advisoryOn.disableProperty().bind(uncontrolled.selectedProperty().not());
        TextArea notes = area("requestNotes", initial.notes(), "How it was sent, what was asked");
        Label clockHelp = new Label("The FDA clocks (customer communication by day 30, fix by day 60) start on the day the"
                + " manufacturer learned of the vulnerability. When that day is not known they start on the initial release of a"
                + " stored CSAF advisory naming the CVE, else on the advisory release date entered here.");
        clockHelp.setWrapText(true);
        clockHelp.setMaxWidth(520);
        clockHelp.getStyleClass().add("note");

        GridPane grid = grid();
        int row = 0;
        grid.addRow(row++, new Label("Product"), product);
        grid.addRow(row++, new Label("Requested on"), requestedOn);
        grid.addRow(row++, new Label("Contact"), contact);
        grid.addRow(row++, new Label("Update or patch"), update);
        grid.addRow(row++, new Label("CVE"), cve);
        grid.add(uncontrolled, 1, row++);
        grid.addRow(row++, new Label("Manufacturer learned of it"), learnedOn);
        grid.addRow(row++, new Label("Advisory released"), advisoryOn);
        grid.add(clockHelp, 1, row++);
        if (existing == null) {
            grid.addRow(row++, new Label("Follow up on"), followUp);
        }
        grid.addRow(row, new Label("Notes"), notes);

        String title = existing == null ? "New validation request to " + vendor.name() : "Edit request " + existing.id();
        return showForm(title, "requestDialog", grid, existing == null ? "Record request" : "Save", () -> {
            RequestDetails details = new RequestDetails(update.getText(), cve.getText(), contact.getValue().id(),
                    uncontrolled.isSelected(), DateFields.read(learnedOn, "Learned date"), DateFields.read(advisoryOn, "Advisory release date"),
                    notes.getText());
            if (existing != null) {
                return requests.updateDetails(existing.id(), details, actor);
            }
            if (product.getValue() == null) {
                throw new IllegalArgumentException("Choose the product the request is about");
            }
            return requests.create(new NewRequest(product.getValue().id(), DateFields.read(requestedOn, "Requested date"),
                    DateFields.read(followUp, "Follow-up date"), details), actor);
        });
    }

    /**
     * Moves an open request to another status and records the vendor's response; for a closed
     * request only the response can change.
     */
    Optional<ValidationRequest> statusAndResponse(ValidationRequest request) {
        List<RequestStatus> next = List.copyOf(request.status().next());
        ComboBox<RequestStatus> status = new ComboBox<>(FXCollections.observableArrayList(next));
        status.setId("newStatus");
        status.setConverter(labels(value -> capitalize(value.label())));
        status.setPromptText(next.isEmpty() ? capitalize(request.status().label()) + ", which is final" : "Keep "
                + request.status().label());
        status.setDisable(next.isEmpty());
        DatePicker statusOn = DateFields.picker("statusOn", LocalDate.now(clock));
        statusOn.disableProperty().bind(status.valueProperty().isNull());
        TextField note = text("statusNote", null, "What happened, such as the vendor's answer in a few words");
        note.disableProperty().bind(status.valueProperty().isNull());
        DatePicker respondedOn = DateFields.picker("respondedOn", request.respondedOn());
        TextField reference = text("vendorReference", request.vendorReference(), "The vendor's case, letter or bulletin number");
        TextArea responseNotes = area("responseNotes", request.responseNotes(), "What the vendor answered");

        GridPane grid = grid();
        grid.addRow(0, new Label("Request"), new Label(request.product() + ": " + request.subject()));
        grid.addRow(1, new Label("Now"), new Label(capitalize(request.status().label()) + " since " + request.statusOn()));
        grid.addRow(2, new Label("New status"), status);
        grid.addRow(3, new Label("As of"), statusOn);
        grid.addRow(4, new Label("Note"), note);
        Label response = new Label("Vendor response");
        response.getStyleClass().add("section-title");
        grid.add(response, 0, 5, 2, 1);
        grid.addRow(6, new Label("Response date"), respondedOn);
        grid.addRow(7, new Label("Vendor reference"), reference);
        grid.addRow(8, new Label("Response notes"), responseNotes);

        return showForm("Status and response of request " + request.id(), "statusDialog", grid, "Save", () -> {
            VendorResponse answer = new VendorResponse(DateFields.read(respondedOn, "Response date"), reference.getText(),
                    responseNotes.getText());
            if (status.getValue() == null) {
                return requests.recordResponse(request.id(), answer, actor);
            }
            return requests.changeStatus(request.id(), status.getValue(), DateFields.read(statusOn, "Status date"), note.getText(),
                    answer, actor);
        });
    }

    /** Sets or clears the follow-up date of a request. */
    Optional<ValidationRequest> followUp(ValidationRequest request) {
        DatePicker date = DateFields.picker("followUpOn", request.followUpOn());
        LocalDate today = LocalDate.now(clock);
        Button week = new Button("In 1 week");
        week.setOnAction(event -> date.setValue(today.plusWeeks(1)));
        Button twoWeeks = new Button("In 2 weeks");
        twoWeeks.setOnAction(event -> date.setValue(today.plusWeeks(2)));
        Button clear = new Button("No follow-up");
        clear.setId("clearFollowUp");
        clear.setOnAction(event -> date.setValue(null));
        VBox content = new VBox(8, new Label(request.product() + ": " + request.subject()), new HBox(8, date, week, twoWeeks, clear));
        return showForm("Follow up request " + request.id(), "followUpDialog", content, "Save",
                () -> requests.setFollowUp(request.id(), DateFields.read(date, "Follow-up date"), actor));
    }

    /** Lists the documents of a request, with commands to add, open and remove them; changes are saved at once. */
    void documents(ValidationRequest request) {
        ListView<RequestDocument> list = new ListView<>();
        list.setId("documentsList");
        list.setPrefSize(640, 220);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(RequestDocument item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.path() + "  (added by " + item.addedBy() + ")");
            }
        });
        list.setPlaceholder(new Label("No document yet. Add the vendor's letter, validation report or email."));
        Runnable load = () -> list.getItems().setAll(requests.documents(request.id()));
        Label problem = new Label();
        problem.setId("documentsProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);

        Button add = new Button("Add…");
        add.setId("addDocumentButton");
        add.setOnAction(event -> {
            List<Path> chosen = dialogs.chooseFilesToOpen("Add documents to request " + request.id(), DOCUMENT_TYPES);
            try {
                for (Path path : chosen) {
                    requests.addDocument(request.id(), path.toString(), actor);
                }
                problem.setText("");
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
            }
            load.run();
        });
        Button open = new Button("Open");
        open.setId("openDocumentButton");
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(event -> open(list.getSelectionModel().getSelectedItem().path(), problem));
        Button remove = new Button("Remove");
        remove.setId("removeDocumentButton");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> {
            RequestDocument document = list.getSelectionModel().getSelectedItem();
            if (dialogs.confirm("Remove document", "Remove " + document.path().getFileName() + " from request " + request.id()
                    + "? The file itself stays where it is.", "Remove document")) {
                requests.removeDocument(document.id(), actor);
                load.run();
            }
        });
        load.run();

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("Documents of request " + request.id());
        dialog.getDialogPane().setId("documentsDialog");
        dialog.getDialogPane().setContent(new VBox(8, new Label(request.product() + ": " + request.subject()), list,
                new HBox(8, add, open, remove), problem));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.showAndWait();
    }

    private void open(Path path, Label problem) {
        if (!Files.exists(path)) {
            problem.setText(path + " is not there any more; it may have been moved, or its share is not connected.");
            return;
        }
        problem.setText("");
        tasks.submit("Opening " + path.getFileName(), monitor -> {
            opener.open(path);
            return path;
        }, opened -> { }, error -> problem.setText("Opening " + path.getFileName() + " failed: " + error.getMessage()));
    }

    /** Shows a form whose Save button runs {@code save}; an IllegalArgumentException keeps it open with its message. */
    private <T> Optional<T> showForm(String title, String id, Node content, String saveText, Supplier<T> save) {
        Dialog<T> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setId(id);
        Label problem = new Label();
        problem.setId(id + "Problem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(620);
        dialog.getDialogPane().setContent(new VBox(10, content, problem));
        ButtonType saveType = new ButtonType(saveText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(saveType, ButtonType.CANCEL);
        List<T> saved = new ArrayList<>(1);
        dialog.getDialogPane().lookupButton(saveType).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                saved.add(save.get());
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
                event.consume();
            }
        });
        dialog.setResultConverter(button -> button == saveType && !saved.isEmpty() ? saved.get(0) : null);
        return dialog.showAndWait();
    }

    /** A choice of contact; a null contact is "no contact". */
    private record ContactChoice(VendorContact contact) {

        Long id() {
            return contact == null ? null : contact.id();
        }

        String label() {
            return contact == null ? "No contact" : contact.label();
        }
    }

    private static TextField text(String id, String value, String prompt) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(30);
        return field;
    }

    private static TextArea area(String id, String value, String prompt) {
        TextArea area = new TextArea(value);
        area.setId(id);
        area.setPromptText(prompt);
        area.setPrefRowCount(3);
        area.setPrefColumnCount(30);
        area.setWrapText(true);
        return area;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        return grid;
    }

    /** Shows choices by a label. The combo boxes that use it are not editable, so no text is read back. */
    static <T> StringConverter<T> labels(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
