package org.patchdesk.vendors.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.patchdesk.common.Actor;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.DocumentOpener;
import org.patchdesk.ui.TableColumns;
import org.patchdesk.vendors.FdaClock;
import org.patchdesk.vendors.ProductDevice;
import org.patchdesk.vendors.RequestDocument;
import org.patchdesk.vendors.RequestFilter;
import org.patchdesk.vendors.RequestStatus;
import org.patchdesk.vendors.StatusChange;
import org.patchdesk.vendors.ValidationRequest;
import org.patchdesk.vendors.ValidationRequestService;
import org.patchdesk.vendors.Vendor;
import org.patchdesk.vendors.VendorContact;
import org.patchdesk.vendors.VendorContactService;
import org.patchdesk.vendors.VendorStatistics;

/**
 * Vendor coordination: the manufacturers on the left, and for the one chosen (or all) its
 * contacts, its validation requests with follow-up dates and FDA clocks, the overdue follow-ups,
 * and the time each manufacturer takes to validate.
 */
public final class VendorsView extends BorderPane {

    private static final String ALL_REQUESTS = "All requests";
    private static final String OPEN = "Open";
    private static final String OVERDUE = "Follow-up overdue";
    private static final String UNCONTROLLED = "Uncontrolled vulnerabilities (FDA clocks)";
    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

    private final VendorContactService contacts;
    private final ValidationRequestService requests;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final Clock clock;
    private final VendorDialogs forms;

    private final ObservableList<VendorItem> vendorItems = FXCollections.observableArrayList();
    private final FilteredList<VendorItem> shownVendors = new FilteredList<>(vendorItems);
    private final ListView<VendorItem> vendorList = new ListView<>(shownVendors);
    private final TextField vendorSearch = new TextField();
    private final Label title = new Label();
    private final TableView<VendorContact> contactsTable = new TableView<>();
    private final TableView<ValidationRequest> requestsTable = new TableView<>();
    private final TableView<ValidationRequest> overdueTable = new TableView<>();
    private final TableView<VendorStatistics> statisticsTable = new TableView<>();
    private final ComboBox<String> requestFilter = new ComboBox<>();
    private final TextArea requestDetail = new TextArea();
    /** The manufacturer column of the requests table, shown only while every manufacturer is listed. */
    private final TableColumn<ValidationRequest, String> requestManufacturer = TableColumns.text("Manufacturer", 100,
            ValidationRequest::manufacturer);
    private final TabPane tabs = new TabPane();
    /** True while a refresh replaces the manufacturer list, whose selection events then trigger no refresh. */
    private boolean updatingVendors;

    /** One entry of the manufacturer list; a null vendor stands for every manufacturer. */
    record VendorItem(Vendor vendor) {
    }

    /** The records one refresh reads for the chosen manufacturer and request filter. */
    private record Snapshot(List<Vendor> vendors, List<VendorContact> contacts, List<ValidationRequest> requests,
                            List<ValidationRequest> overdue, List<VendorStatistics> statistics) {
    }

    /** The selected request with its history, documents and devices, for the detail pane. */
    private record Detail(ValidationRequest request, List<StatusChange> history, List<RequestDocument> documents,
                          List<ProductDevice> devices, List<ValidationRequestService.EnabledEntry> entries) {
    }

    public VendorsView(VendorContactService contacts, ValidationRequestService requests, BackgroundTasks tasks, DialogService dialogs,
                       DocumentOpener opener, Actor actor, Clock clock) {
        this.contacts = contacts;
        this.requests = requests;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.clock = clock;
        this.forms = new VendorDialogs(() -> getScene().getWindow(), contacts, requests, tasks, dialogs, opener, actor, clock);
        setId("vendorsView");

        setLeft(vendorPane());
        title.setId("vendorTitle");
        title.getStyleClass().add("section-title");
        tabs.setId("vendorTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(tab("Contacts", "contactsTab", contactsPane()), tab("Validation requests", "requestsTab", requestsPane()),
                tab("Overdue follow-ups", "overdueTab", overduePane()), tab("Validation times", "timesTab", statisticsPane()));
        VBox center = new VBox(8, title, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        center.setPadding(new Insets(8));
        setCenter(center);
    }

    private static Tab tab(String text, String id, javafx.scene.Node content) {
        Tab tab = new Tab(text, content);
        tab.setId(id);
        return tab;
    }

    private VBox vendorPane() {
        vendorSearch.setId("vendorSearch");
        vendorSearch.setPromptText("Find a manufacturer");
        vendorSearch.textProperty().addListener((observable, old, text) -> {
            String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            shownVendors.setPredicate(item -> key.isEmpty() || item.vendor() == null
                    || item.vendor().name().toLowerCase(Locale.ROOT).contains(key));
        });
        vendorList.setId("vendorList");
        vendorList.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(VendorItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : vendorLabel(item.vendor()));
            }
        });
        vendorList.getSelectionModel().selectedItemProperty().addListener((observable, old, item) -> {
            if (!updatingVendors && item != null && (old == null || !sameVendor(old, item))) {
                refresh();
            }
        });
        VBox pane = new VBox(6, new Label("Manufacturers"), vendorSearch, vendorList);
        VBox.setVgrow(vendorList, Priority.ALWAYS);
        pane.setPadding(new Insets(8));
        pane.setPrefWidth(190);
        return pane;
    }

    private static String vendorLabel(Vendor vendor) {
        if (vendor == null) {
            return "All manufacturers";
        }
        StringBuilder text = new StringBuilder(vendor.name());
        if (vendor.openRequests() > 0) {
            text.append(" (").append(vendor.openRequests()).append(" open");
            if (vendor.overdueFollowUps() > 0) {
                text.append(", ").append(vendor.overdueFollowUps()).append(" overdue");
            }
            text.append(")");
        }
        return text.toString();
    }

    private static boolean sameVendor(VendorItem a, VendorItem b) {
        return a.vendor() == null ? b.vendor() == null : b.vendor() != null && a.vendor().manufacturerId() == b.vendor().manufacturerId();
    }

    /** Returns the chosen manufacturer, or null when every manufacturer is shown. */
    private Vendor selectedVendor() {
        VendorItem item = vendorList.getSelectionModel().getSelectedItem();
        return item == null ? null : item.vendor();
    }

    private VBox contactsPane() {
        contactsTable.setId("contactsTable");
        contactsTable.setPlaceholder(new Label("No contact. Choose a manufacturer and add the people you reach about updates."));
        contactsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        contactsTable.getColumns().setAll(List.<TableColumn<VendorContact, String>>of(
                TableColumns.text("Manufacturer", 100, VendorContact::manufacturer),
                TableColumns.text("Name", 130, VendorContact::name),
                TableColumns.text("Role", 150, contact -> orEmpty(contact.role())),
                TableColumns.text("Email", 190, contact -> orEmpty(contact.email())),
                TableColumns.text("Phone", 120, contact -> orEmpty(contact.phone())),
                TableColumns.text("Portal URL", 190, contact -> orEmpty(contact.portalUrl())),
                TableColumns.text("Support Contract", 220, contact -> orEmpty(contact.supportContract())),
                TableColumns.text("Requests", 70, contact -> String.valueOf(contact.requests()))));
        contactsTable.setRowFactory(table -> doubleClick(table, this::editContact));

        Button add = new Button("Add contact…");
        add.setId("addContactButton");
        add.disableProperty().bind(vendorList.getSelectionModel().selectedItemProperty().map(item -> item.vendor() == null).orElse(true));
        add.setOnAction(event -> addContact());
        Button edit = new Button("Edit…");
        edit.setId("editContactButton");
        edit.disableProperty().bind(contactsTable.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(event -> editContact(contactsTable.getSelectionModel().getSelectedItem()));
        Button delete = new Button("Delete…");
        delete.setId("deleteContactButton");
        delete.disableProperty().bind(contactsTable.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(event -> deleteContact(contactsTable.getSelectionModel().getSelectedItem()));
        return pane(bar(add, edit, delete), contactsTable);
    }

    private SplitPane requestsPane() {
        requestFilter.setId("requestFilter");
        requestFilter.getItems().setAll(ALL_REQUESTS, OPEN, OVERDUE, UNCONTROLLED);
        for (RequestStatus status : RequestStatus.values()) {
            requestFilter.getItems().add(VendorDialogs.capitalize(status.label()));
        }
        requestFilter.setValue(ALL_REQUESTS);
        requestFilter.valueProperty().addListener((observable, old, value) -> refresh());

        requestsTable.setId("requestsTable");
        requestsTable.setPlaceholder(new Label("No validation request. Choose a manufacturer and record the requests sent to it."));
        requestsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        requestsTable.getColumns().setAll(List.<TableColumn<ValidationRequest, String>>of(
                TableColumns.text("Id", 35, request -> String.valueOf(request.id())),
                requestManufacturer,
                TableColumns.text("Model", 110, ValidationRequest::model),
                TableColumns.text("Update / CVE", 190, ValidationRequest::subject),
                TableColumns.text("Requested", 85, request -> request.requestedOn().toString()),
                TableColumns.text("Status", 190, request -> VendorDialogs.capitalize(request.status().label()) + " " + request.statusOn()),
                TableColumns.text("Follow-up", 150, request -> request.followUpOn() == null ? ""
                        : request.followUpOn() + (request.followUpOverdue() ? " overdue" : "")),
                TableColumns.text("FDA Day 30: Notify Customers", 200, request -> clockText(request.fdaClock(), true)),
                TableColumns.text("FDA Day 60: Fix", 200, request -> clockText(request.fdaClock(), false)),
                TableColumns.text("Contact", 130, request -> orEmpty(request.contactName())),
                TableColumns.text("Vendor Reference", 120, request -> orEmpty(request.vendorReference())),
                TableColumns.text("Days to Validation", 120, request -> request.daysToValidation() == null ? ""
                        : String.valueOf(request.daysToValidation())),
                TableColumns.text("Documents", 75, request -> String.valueOf(request.documents()))));
        requestsTable.setRowFactory(table -> doubleClick(table, this::changeStatus));
        requestsTable.getSelectionModel().selectedItemProperty().addListener((observable, old, request) -> showDetail(request));

        Button add = new Button("New request…");
        add.setId("newRequestButton");
        add.disableProperty().bind(vendorList.getSelectionModel().selectedItemProperty().map(item -> item.vendor() == null).orElse(true));
        add.setOnAction(event -> newRequest());
        Button edit = selectionButton("Edit…", "editRequestButton", requestsTable, this::editRequest);
        Button status = selectionButton("Status and response…", "statusButton", requestsTable, this::changeStatus);
        Button followUp = selectionButton("Follow-up…", "followUpButton", requestsTable, this::followUp);
        Button documents = selectionButton("Documents…", "documentsButton", requestsTable, this::documents);
        Button delete = selectionButton("Delete…", "deleteRequestButton", requestsTable, this::deleteRequest);

        requestDetail.setId("requestDetail");
        requestDetail.setEditable(false);
        requestDetail.setWrapText(true);
        requestDetail.setPromptText("Select a request to see its status history, response, FDA clocks, documents and devices.");
        SplitPane split = new SplitPane(pane(bar(new Label("Show:"), requestFilter, add, edit, status, followUp, documents, delete),
                requestsTable), requestDetail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        return split;
    }

    private VBox overduePane() {
        overdueTable.setId("overdueTable");
        overdueTable.setPlaceholder(new Label("No open request has a follow-up date before today."));
        overdueTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        LocalDate today = LocalDate.now(clock);
        overdueTable.getColumns().setAll(List.<TableColumn<ValidationRequest, String>>of(
                TableColumns.text("Follow-up", 95, request -> request.followUpOn().toString()),
                TableColumns.text("Days Overdue", 105, request -> String.valueOf(ChronoUnit.DAYS.between(request.followUpOn(), today))),
                TableColumns.text("Id", 50, request -> String.valueOf(request.id())),
                TableColumns.text("Manufacturer", 120, ValidationRequest::manufacturer),
                TableColumns.text("Model", 140, ValidationRequest::model),
                TableColumns.text("Update / CVE", 240, ValidationRequest::subject),
                TableColumns.text("Status", 190, request -> VendorDialogs.capitalize(request.status().label()) + " " + request.statusOn()),
                TableColumns.text("Contact", 150, request -> orEmpty(request.contactName())),
                TableColumns.text("Vendor Reference", 130, request -> orEmpty(request.vendorReference()))));
        overdueTable.setRowFactory(table -> doubleClick(table, this::followUp));
        Button followUp = selectionButton("Follow-up…", "overdueFollowUpButton", overdueTable, this::followUp);
        Button status = selectionButton("Status and response…", "overdueStatusButton", overdueTable, this::changeStatus);
        return pane(bar(followUp, status), overdueTable);
    }

    private VBox statisticsPane() {
        statisticsTable.setId("statisticsTable");
        statisticsTable.setPlaceholder(new Label("No validation request yet."));
        statisticsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        statisticsTable.getColumns().setAll(List.<TableColumn<VendorStatistics, String>>of(
                TableColumns.text("Manufacturer", 180, VendorStatistics::manufacturer),
                TableColumns.text("Requests", 80, row -> String.valueOf(row.requests())),
                TableColumns.text("Open", 70, row -> String.valueOf(row.open())),
                TableColumns.text("Follow-up Overdue", 130, row -> String.valueOf(row.overdueFollowUps())),
                TableColumns.text("Validated", 80, row -> String.valueOf(row.validated())),
                TableColumns.text("Median Days to Validation", 190, row -> row.medianDaysToValidation() == null ? ""
                        : days(row.medianDaysToValidation())),
                TableColumns.text("Longest Days to Validation", 190, row -> row.longestDaysToValidation() == null ? ""
                        : String.valueOf(row.longestDaysToValidation()))));
        Label note = new Label("Days to validation count from the requested date to the date the request became validated,"
                + " over every validated request of the manufacturer. Every manufacturer with a request is listed.");
        note.setWrapText(true);
        return pane(note, statisticsTable);
    }

    /** Reads the manufacturers and what the tabs show for the chosen one again, keeping the selections. */
    public void refresh() {
        Vendor vendor = selectedVendor();
        Long manufacturerId = vendor == null ? null : vendor.manufacturerId();
        String choice = requestFilter.getValue();
        tasks.submit("Reading vendor coordination", monitor -> new Snapshot(contacts.vendors(), contacts.list(manufacturerId),
                        requestsFor(manufacturerId, choice), requests.list(RequestFilter.all().withManufacturer(manufacturerId)
                        .withOverdueOnly(true)), requests.statistics()),
                this::show, error -> dialogs.showFailure("Vendors not shown", "Reading the vendor records failed.", error));
    }

    private List<ValidationRequest> requestsFor(Long manufacturerId, String choice) {
        RequestFilter filter = RequestFilter.all().withManufacturer(manufacturerId);
        if (choice == null || ALL_REQUESTS.equals(choice)) {
            return requests.list(filter);
        }
        if (OPEN.equals(choice)) {
            return requests.list(filter.withOpenOnly(true));
        }
        if (OVERDUE.equals(choice)) {
            return requests.list(filter.withOverdueOnly(true));
        }
        if (UNCONTROLLED.equals(choice)) {
            return requests.fdaClocks().stream()
                    .filter(request -> manufacturerId == null || request.manufacturerId() == manufacturerId).toList();
        }
        for (RequestStatus status : RequestStatus.values()) {
            if (VendorDialogs.capitalize(status.label()).equals(choice)) {
                return requests.list(filter.withStatuses(Set.of(status)));
            }
        }
        return requests.list(filter);
    }

    private void show(Snapshot snapshot) {
        Long chosenVendor = selectedVendor() == null ? null : selectedVendor().manufacturerId();
        ValidationRequest chosenRequest = requestsTable.getSelectionModel().getSelectedItem();
        VendorContact chosenContact = contactsTable.getSelectionModel().getSelectedItem();

        List<VendorItem> items = new java.util.ArrayList<>();
        items.add(new VendorItem(null));
        snapshot.vendors().forEach(vendor -> items.add(new VendorItem(vendor)));
        VendorItem again = items.stream().filter(item -> chosenVendor == null ? item.vendor() == null
                : item.vendor() != null && item.vendor().manufacturerId() == chosenVendor).findFirst().orElse(items.get(0));
        updatingVendors = true;
        try {
            vendorItems.setAll(items);
            vendorList.getSelectionModel().select(again);
        } finally {
            updatingVendors = false;
        }
        if (chosenVendor != null && again.vendor() == null) {
            refresh();
            return;
        }
        title.setText(again.vendor() == null ? "All manufacturers (choose one to add contacts or record requests)" : again.vendor().name() + ": " + count(again.vendor().contacts(),
                "contact") + ", " + count(again.vendor().openRequests(), "open request") + ", " + count(again.vendor().devices(), "device"));

        requestManufacturer.setVisible(again.vendor() == null);
        contactsTable.getItems().setAll(snapshot.contacts());
        reselect(contactsTable, chosenContact == null ? null : chosenContact.id(), VendorContact::id);
        requestsTable.getItems().setAll(snapshot.requests());
        reselect(requestsTable, chosenRequest == null ? null : chosenRequest.id(), ValidationRequest::id);
        overdueTable.getItems().setAll(snapshot.overdue());
        statisticsTable.getItems().setAll(snapshot.statistics());
        tabs.getTabs().get(2).setText(snapshot.overdue().isEmpty() ? "Overdue follow-ups" : "Overdue follow-ups (" + snapshot.overdue().size()
                + ")");
        showDetail(requestsTable.getSelectionModel().getSelectedItem());
    }

    private static <T> void reselect(TableView<T> table, Long id, java.util.function.ToLongFunction<T> idOf) {
        if (id == null) {
            return;
        }
        table.getItems().stream().filter(row -> idOf.applyAsLong(row) == id).findFirst()
                .ifPresent(row -> table.getSelectionModel().select(row));
    }

    private void showDetail(ValidationRequest request) {
        if (request == null) {
            requestDetail.clear();
            return;
        }
        long id = request.id();
        tasks.submit("Reading request " + id, monitor -> new Detail(request, requests.history(id), requests.documents(id),
                requests.devicesOf(id), requests.enabledEntries(id)), detail -> {
                    ValidationRequest selected = requestsTable.getSelectionModel().getSelectedItem();
                    if (selected != null && selected.id() == id) {
                        requestDetail.setText(describe(detail));
                    }
                }, error -> requestDetail.setText("Reading request " + id + " failed: " + error.getMessage()));
    }

    /** Returns the detail text of a request: its subject, status history, response, FDA clocks, documents and devices. */
    private String describe(Detail detail) {
        ValidationRequest r = detail.request();
        ZoneId zone = clock.getZone();
        StringBuilder text = new StringBuilder();
        text.append("Request ").append(r.id()).append(": ").append(r.product()).append(", ").append(r.subject()).append('\n');
        text.append("Contact: ").append(r.contactName() == null ? "none" : r.contactName())
                .append(". Recorded by ").append(r.createdBy()).append(".\n");
        if (r.notes() != null) {
            text.append("Notes: ").append(r.notes()).append('\n');
        }

        text.append("\nStatus history:\n");
        LocalDate previous = null;
        for (StatusChange change : detail.history()) {
            text.append("  ").append(change.statusOn()).append("  ").append(change.status().label());
            if (previous != null) {
                text.append(" (after ").append(count((int) ChronoUnit.DAYS.between(previous, change.statusOn()), "day")).append(")");
            }
            text.append(", recorded by ").append(change.changedBy()).append(" on ")
                    .append(RECORDED.format(change.changedAt().atZone(zone)));
            if (change.note() != null) {
                text.append(": ").append(change.note());
            }
            text.append('\n');
            previous = change.statusOn();
        }

        if (r.respondedOn() != null || r.vendorReference() != null || r.responseNotes() != null) {
            text.append("\nVendor response").append(r.respondedOn() == null ? "" : " of " + r.respondedOn())
                    .append(r.vendorReference() == null ? "" : ", reference " + r.vendorReference()).append('\n');
            if (r.responseNotes() != null) {
                text.append("  ").append(r.responseNotes()).append('\n');
            }
        }

        FdaClock clockOfRequest = r.fdaClock();
        if (clockOfRequest != null) {
            text.append("\nFDA clocks of ").append(r.cveId()).append(", an uncontrolled risk by the manufacturer's account:\n")
                    .append("  Start: ").append(clockOfRequest.startText()).append('\n');
            if (clockOfRequest.known()) {
                text.append("  Customer communication by day 30: ").append(clockOfRequest.communicationText()).append('\n')
                        .append("  Fix by day 60: ").append(clockOfRequest.fixText()).append('\n');
                if (!r.isOpen()) {
                    text.append("  Counted to ").append(clockOfRequest.countedTo()).append(", the day the request closed.\n");
                }
            }
        }

        text.append("\nDocuments (").append(detail.documents().size()).append("):\n");
        detail.documents().forEach(document -> text.append("  ").append(document.path()).append('\n'));

        text.append("\nIn-service devices of ").append(r.product()).append(" (").append(detail.devices().size()).append("):\n");
        for (ProductDevice device : detail.devices()) {
            text.append("  ").append(device.assetTag()).append(device.softwareVersion() == null ? "" : ", version " + device.softwareVersion())
                    .append(device.department() == null ? "" : ", " + device.department()).append('\n');
        }

        text.append("\nPatch log entries this validation enabled (").append(detail.entries().size()).append("):\n");
        for (ValidationRequestService.EnabledEntry entry : detail.entries()) {
            text.append("  ").append(RECORDED.format(entry.performedAt().atZone(zone))).append("  ").append(entry.assetTag()).append(", ")
                    .append(entry.update()).append(", ").append(entry.outcome().replace('-', ' '))
                    .append(entry.daysFromValidation() == null ? "" : ", " + count(entry.daysFromValidation(), "day")
                            + " after validation").append('\n');
        }
        return text.toString();
    }

    private void addContact() {
        Vendor vendor = selectedVendor();
        if (vendor != null && forms.contact(vendor, null).isPresent()) {
            refresh();
        }
    }

    private void editContact(VendorContact contact) {
        if (contact != null && forms.contact(null, contact).isPresent()) {
            refresh();
        }
    }

    private void deleteContact(VendorContact contact) {
        if (contact == null || !dialogs.confirm("Delete contact", "Delete " + contact.name() + " of " + contact.manufacturer()
                + "? The deletion is kept in the audit trail.", "Delete " + contact.name())) {
            return;
        }
        run("Deleting the contact", () -> contacts.delete(contact.id(), actor), "Contact not deleted");
    }

    private void newRequest() {
        Vendor vendor = selectedVendor();
        if (vendor == null) {
            return;
        }
        forms.request(vendor, null).ifPresent(created -> {
            requestsTable.getSelectionModel().clearSelection();
            refresh();
        });
    }

    private void editRequest(ValidationRequest request) {
        if (forms.request(null, request).isPresent()) {
            refresh();
        }
    }

    private void changeStatus(ValidationRequest request) {
        Optional<ValidationRequest> changed = forms.statusAndResponse(request);
        if (changed.isEmpty()) {
            return;
        }
        refresh();
        if (request.status() != RequestStatus.VALIDATED && changed.get().status() == RequestStatus.VALIDATED) {
            offerPatchability(changed.get());
        }
    }

    /** Offers to record the product of a newly validated request as owner-installable after vendor validation. */
    private void offerPatchability(ValidationRequest request) {
        Optional<Integer> choice = dialogs.choose("Record patchability", request.manufacturer() + " validated " + request.subject()
                + ". Record " + request.product() + " as owner-installable after vendor validation, from a vendor letter?\n\nReason: "
                + ValidationRequestService.patchabilityReason(request), List.of("Record for every software version",
                "Record for a range of versions…"));
        if (choice.isEmpty()) {
            return;
        }
        String range = null;
        if (choice.get() == 1) {
            Optional<String> typed = dialogs.askText("Software versions", "The software versions the validation covers, such as"
                    + " <=3.0 or >=2.0|<3.0:", "");
            if (typed.isEmpty()) {
                return;
            }
            range = typed.get();
        }
        String versions = range;
        tasks.submit("Recording patchability", monitor -> {
            requests.recordPatchability(request.id(), versions, actor);
            return request;
        }, done -> dialogs.showInformation("Patchability recorded", request.product() + " is owner-installable after vendor"
                + " validation" + (versions == null ? "" : " for software versions " + versions.strip()) + "."),
                error -> showProblem("Patchability not recorded", error));
    }

    private void followUp(ValidationRequest request) {
        if (forms.followUp(request).isPresent()) {
            refresh();
        }
    }

    private void documents(ValidationRequest request) {
        forms.documents(request);
        refresh();
    }

    private void deleteRequest(ValidationRequest request) {
        if (!dialogs.confirm("Delete request", "Delete request " + request.id() + " (" + request.product() + ": " + request.subject()
                + ") with its status history and document paths? Delete only a request recorded by mistake; the deletion is kept in"
                + " the audit trail.", "Delete request " + request.id())) {
            return;
        }
        run("Deleting the request", () -> requests.delete(request.id(), actor), "Request not deleted");
    }

    private void run(String what, Runnable change, String failureTitle) {
        tasks.submit(what, monitor -> {
            change.run();
            return what;
        }, done -> refresh(), error -> showProblem(failureTitle, error));
    }

    private void showProblem(String failureTitle, Throwable error) {
        if (error instanceof IllegalArgumentException) {
            dialogs.showError(failureTitle, error.getMessage());
        } else {
            dialogs.showFailure(failureTitle, failureTitle + ".", error);
        }
        refresh();
    }

    private static <T> Button selectionButton(String text, String id, TableView<T> table, java.util.function.Consumer<T> action) {
        Button button = new Button(text);
        button.setId(id);
        button.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        button.setOnAction(event -> {
            T selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                action.accept(selected);
            }
        });
        return button;
    }

    private static <T> javafx.scene.control.TableRow<T> doubleClick(TableView<T> table, java.util.function.Consumer<T> action) {
        javafx.scene.control.TableRow<T> row = new javafx.scene.control.TableRow<>();
        row.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && !row.isEmpty()) {
                action.accept(row.getItem());
            }
        });
        return row;
    }

    private static FlowPane bar(javafx.scene.Node... nodes) {
        FlowPane bar = new FlowPane(8, 6, nodes);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static VBox pane(javafx.scene.Node top, javafx.scene.Node table) {
        VBox pane = new VBox(8, top, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        pane.setPadding(new Insets(8, 0, 0, 0));
        return pane;
    }

    static String clockText(FdaClock clock, boolean communication) {
        if (clock == null) {
            return "";
        }
        if (!clock.known()) {
            return "start unknown";
        }
        return communication ? clock.communicationText() : clock.fixText();
    }

    private static String days(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.US, "%.1f", value);
    }

    private static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public TableView<ValidationRequest> requestsTable() {
        return requestsTable;
    }

    /** Selects a manufacturer in the list by name, or every manufacturer when {@code name} is null. */
    void selectVendor(String name) {
        vendorItems.stream().filter(item -> name == null ? item.vendor() == null : item.vendor() != null && item.vendor().name().equals(name))
                .findFirst().ifPresent(item -> vendorList.getSelectionModel().select(item));
    }
}
