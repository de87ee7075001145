package org.patchdesk.recovery.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.patchdesk.common.Actor;
import org.patchdesk.recovery.DeviceWithoutProtocol;
import org.patchdesk.recovery.ProductWithoutProtocol;
import org.patchdesk.recovery.RecoveryProtocol;
import org.patchdesk.recovery.RecoveryProtocolPdf;
import org.patchdesk.recovery.RecoveryProtocolService;
import org.patchdesk.recovery.RecoveryProtocolValues;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.DocumentOpener;
import org.patchdesk.ui.TableColumns;

/**
 * The recovery protocols screen: the protocols with their review dates, overdue reviews
 * highlighted, and below them the products and devices the owner cannot patch that have no
 * protocol, each with an action to create one. Protocols are created, edited, deleted and
 * printed here.
 */
public final class RecoveryProtocolsView extends BorderPane {

    /** The style class of a protocol row whose next review date has passed. */
    static final String OVERDUE_STYLE = "review-overdue";

    /** The protocols and gap lists of the screen, loaded together off the JavaFX thread. */
    private record Snapshot(List<RecoveryProtocol> protocols, RecoveryProtocolService.Gaps gaps) {
    }

    private final RecoveryProtocolService service;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final DocumentOpener opener;
    private final Actor actor;
    private final Clock clock;
    private final ReportSite site;
    private final TableView<RecoveryProtocol> protocols = new TableView<>();
    private final TableView<ProductWithoutProtocol> products = new TableView<>();
    private final TableView<DeviceWithoutProtocol> devices = new TableView<>();
    private final Label summary = new Label();
    private final Tab productsTab = new Tab();
    private final Tab devicesTab = new Tab();

    public RecoveryProtocolsView(RecoveryProtocolService service, BackgroundTasks tasks, DialogService dialogs, DocumentOpener opener,
                                 Actor actor, Clock clock, ReportSite site) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.opener = opener;
        this.actor = actor;
        this.clock = clock;
        this.site = site;
        setId("recoveryProtocolsView");

        SplitPane split = new SplitPane(protocolPane(), gapPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    /** Loads the protocols and the gap lists again. */
    public void refresh() {
        refresh(null);
    }

    private void refresh(Long selectId) {
        summary.setText("Loading…");
        tasks.submit("Loading recovery protocols", monitor -> new Snapshot(service.list(), service.gaps()),
                snapshot -> show(snapshot, selectId),
                error -> {
                    summary.setText("");
                    dialogs.showFailure("Recovery protocols not loaded", "Loading the recovery protocols failed.", error);
                });
    }

    private void show(Snapshot snapshot, Long selectId) {
        LocalDate today = LocalDate.now(clock);
        protocols.getItems().setAll(snapshot.protocols());
        products.getItems().setAll(snapshot.gaps().products());
        devices.getItems().setAll(snapshot.gaps().devices());
        long overdue = snapshot.protocols().stream().filter(protocol -> protocol.isReviewOverdue(today)).count();
        summary.setText(count(snapshot.protocols().size(), "protocol", "protocols") + "; "
                + (overdue == 0 ? "no review overdue" : count(overdue, "review", "reviews") + " overdue"));
        productsTab.setText("Products without a protocol (" + snapshot.gaps().products().size() + ")");
        devicesTab.setText("Devices without a protocol (" + snapshot.gaps().devices().size() + ")");
        if (selectId != null) {
            protocols.getItems().stream().filter(protocol -> protocol.id() == selectId).findFirst().ifPresent(protocol -> {
                protocols.getSelectionModel().select(protocol);
                protocols.scrollTo(protocol);
            });
        }
    }

    private VBox protocolPane() {
        Button create = button("New protocol…", "newProtocolButton", () -> create(RecoveryProtocolValues.empty(), null));
        Button edit = button("Edit…", "editProtocolButton", this::editSelected);
        Button delete = button("Delete", "deleteProtocolButton", this::deleteSelected);
        Button print = button("Print…", "printProtocolButton", this::printSelected);
        var noneSelected = protocols.getSelectionModel().selectedItemProperty().isNull();
        edit.disableProperty().bind(noneSelected);
        delete.disableProperty().bind(noneSelected);
        print.disableProperty().bind(noneSelected);
        Region spacer = new Region();
        summary.setId("protocolSummary");

        protocols.setId("protocolTable");
        protocols.setPlaceholder(new Label("No recovery protocol yet. Create one with New protocol, or from the lists below."));
        protocols.getColumns().setAll(List.of(
                TableColumns.text("For", 70, RecoveryProtocol::scope),
                TableColumns.text("Product or device", 260, RecoveryProtocol::target),
                TableColumns.text(RecoveryProtocol.RETURN_TO_SERVICE, 220, RecoveryProtocol::returnToServiceDecider),
                TableColumns.text("Last reviewed", 170, protocol -> protocol.lastReviewedOn() == null ? "never"
                        : protocol.lastReviewedOn() + " by " + protocol.lastReviewedBy()),
                TableColumns.text("Next review", 150, this::nextReview),
                TableColumns.text("Not recorded", 320, protocol -> String.join(", ", protocol.missingParts()))));
        protocols.setRowFactory(table -> {
            TableRow<RecoveryProtocol> row = new TableRow<>() {
                @Override
                protected void updateItem(RecoveryProtocol item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove(OVERDUE_STYLE);
                    if (!empty && item != null && item.isReviewOverdue(LocalDate.now(clock))) {
                        getStyleClass().add(OVERDUE_STYLE);
                    }
                }
            };
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    editSelected();
                }
            });
            return row;
        });
        VBox box = new VBox(new ToolBar(create, edit, delete, print, spacer, summary), protocols);
        VBox.setVgrow(protocols, Priority.ALWAYS);
        return box;
    }

    private String nextReview(RecoveryProtocol protocol) {
        if (protocol.nextReviewOn() == null) {
            return "not scheduled";
        }
        return protocol.nextReviewOn() + (protocol.isReviewOverdue(LocalDate.now(clock)) ? " overdue" : "");
    }

    private VBox gapPane() {
        Label rule = new Label("Devices the owner cannot patch: every in-service device whose patchability is not owner-installable"
                + " after vendor validation, unknown included. A device is covered by its own protocol or its product's.");
        rule.setWrapText(true);
        rule.setPadding(new Insets(6, 8, 0, 8));

        products.setId("productGapTable");
        products.setPlaceholder(new Label("Every product with devices the owner cannot patch has a recovery protocol."));
        products.getColumns().setAll(List.of(
                TableColumns.text("Product", 300, ProductWithoutProtocol::label),
                TableColumns.text("Devices the owner cannot patch", 200, product -> Integer.toString(product.devices())),
                TableColumns.text("Patchability", 420, ProductWithoutProtocol::patchabilitySummary)));
        Button forProduct = button("Create protocol for product…", "createForProductButton", this::createForSelectedProduct);
        forProduct.disableProperty().bind(products.getSelectionModel().selectedItemProperty().isNull());
        VBox productBox = new VBox(new ToolBar(forProduct), products);
        VBox.setVgrow(products, Priority.ALWAYS);
        productsTab.setContent(productBox);
        productsTab.setId("productGapTab");
        productsTab.setClosable(false);
        productsTab.setText("Products without a protocol");

        devices.setId("deviceGapTable");
        devices.setPlaceholder(new Label("No device with a patchability of its own, or without a model, lacks a protocol."));
        devices.getColumns().setAll(List.of(
                TableColumns.text("Asset tag", 120, DeviceWithoutProtocol::assetTag),
                TableColumns.text("Product", 240, device -> device.productLabel() == null ? "no model recorded" : device.productLabel()),
                TableColumns.text("Patchability", 220, device -> device.patchability().label()
                        + (device.setForDevice() ? " (set for this device)" : "")),
                TableColumns.text("Reason", 420, DeviceWithoutProtocol::reason)));
        Button forDevice = button("Create protocol for device…", "createForDeviceButton", this::createForSelectedDevice);
        forDevice.disableProperty().bind(devices.getSelectionModel().selectedItemProperty().isNull());
        Label deviceNote = new Label("Devices whose patchability was set for the device itself, and devices with no model recorded.");
        deviceNote.setWrapText(true);
        VBox deviceBox = new VBox(new ToolBar(forDevice), deviceNote, devices);
        VBox.setVgrow(devices, Priority.ALWAYS);
        devicesTab.setContent(deviceBox);
        devicesTab.setId("deviceGapTab");
        devicesTab.setClosable(false);
        devicesTab.setText("Devices without a protocol");

        TabPane tabs = new TabPane(productsTab, devicesTab);
        tabs.setId("gapTabs");
        VBox box = new VBox(rule, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return box;
    }

    private void createForSelectedProduct() {
        ProductWithoutProtocol product = products.getSelectionModel().getSelectedItem();
        if (product != null) {
            create(RecoveryProtocolValues.forProduct(product.productId()), null);
        }
    }

    private void createForSelectedDevice() {
        DeviceWithoutProtocol device = devices.getSelectionModel().getSelectedItem();
        if (device != null) {
            create(RecoveryProtocolValues.forDevice(device.deviceId()), device.assetTag());
        }
    }

    private void create(RecoveryProtocolValues initial, String assetTag) {
        new ProtocolDialog(service, dialogs, this).show("New recovery protocol", "Create protocol", initial, assetTag,
                values -> service.create(values, actor)).ifPresent(created -> refresh(created.id()));
    }

    private void editSelected() {
        RecoveryProtocol selected = protocols.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        Optional<RecoveryProtocol> fresh = service.get(selected.id());
        if (fresh.isEmpty()) {
            dialogs.showError("Protocol not found", "The recovery protocol of " + selected.target() + " no longer exists; the list is"
                    + " reloaded.");
            refresh();
            return;
        }
        RecoveryProtocol protocol = fresh.get();
        new ProtocolDialog(service, dialogs, this).show("Edit recovery protocol of " + protocol.target(), "Save protocol",
                protocol.values(), protocol.assetTag(), values -> service.update(protocol.id(), values, actor))
                .ifPresent(updated -> refresh(updated.id()));
    }

    private void deleteSelected() {
        RecoveryProtocol selected = protocols.getSelectionModel().getSelectedItem();
        if (selected == null || !dialogs.confirm("Delete recovery protocol", "Delete the recovery protocol of " + selected.target()
                + "? The deletion and its values are kept in the audit trail.", "Delete protocol")) {
            return;
        }
        try {
            service.delete(selected.id(), actor);
        } catch (IllegalArgumentException e) {
            dialogs.showError("Protocol not deleted", e.getMessage() + ".");
        }
        refresh();
    }

    private void printSelected() {
        RecoveryProtocol selected = protocols.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        dialogs.chooseFileToSave("Save the recovery protocol", fileName(selected), "pdf").ifPresent(path ->
                tasks.submit("Writing the recovery protocol", monitor -> {
                    RecoveryProtocol current = service.get(selected.id()).orElseThrow(() -> new IllegalArgumentException(
                            "The recovery protocol of " + selected.target() + " no longer exists"));
                    RecoveryProtocolPdf.write(current, site, actor.name(), ZonedDateTime.now(clock), path);
                    return path;
                }, written -> open(written), error -> dialogs.showFailure("Protocol not written",
                        "Writing the recovery protocol to " + path + " failed.", error)));
    }

    private void open(Path written) {
        tasks.submit("Opening the recovery protocol", monitor -> {
            opener.open(written);
            return written;
        }, opened -> { }, error -> dialogs.showInformation("Protocol saved", "The recovery protocol was saved to " + written
                + ". PatchDesk could not open it with the computer's PDF viewer (" + error.getMessage() + "); open it from the"
                + " file manager to print it."));
    }

    /** Returns a file name such as "recovery-protocol-baxter-sigma-spectrum.pdf". */
    static String fileName(RecoveryProtocol protocol) {
        String slug = protocol.target().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return "recovery-protocol-" + (slug.isEmpty() ? Long.toString(protocol.id()) : slug) + ".pdf";
    }

    private static String count(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }
}
