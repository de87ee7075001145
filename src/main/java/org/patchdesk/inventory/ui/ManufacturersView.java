package org.patchdesk.inventory.ui;

import java.util.List;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.patchdesk.common.Actor;
import org.patchdesk.inventory.Manufacturer;
import org.patchdesk.inventory.ManufacturerService;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;

/**
 * The manufacturer alias list: each manufacturer with the names that lead to it. Adding another
 * manufacturer's name as an alias merges the two after confirmation.
 */
public final class ManufacturersView extends BorderPane {

    private final ManufacturerService service;
    private final DialogService dialogs;
    private final Actor actor;
    private final Runnable onChanged;
    private final TableView<Manufacturer> table = new TableView<>();
    private final ListView<String> aliases = new ListView<>();
    private final TextField newAlias = new TextField();
    private final Label selectedTitle = new Label("Select a manufacturer");

    public ManufacturersView(ManufacturerService service, DialogService dialogs, Actor actor, Runnable onChanged) {
        this.service = service;
        this.dialogs = dialogs;
        this.actor = actor;
        this.onChanged = onChanged;
        setId("manufacturersView");

        table.setId("manufacturerTable");
        table.getColumns().setAll(List.of(
                column("Manufacturer", 220, Manufacturer::name),
                column("Devices", 80, manufacturer -> Long.toString(manufacturer.deviceCount())),
                column("Aliases", 360, manufacturer -> String.join(", ", manufacturer.aliases()))));
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) -> showAliases(selected));

        aliases.setId("aliasList");
        newAlias.setId("newAliasField");
        newAlias.setPromptText("Another spelling, such as Becton Dickinson");
        HBox.setHgrow(newAlias, Priority.ALWAYS);
        Button add = new Button("Add alias");
        add.setId("addAliasButton");
        add.setOnAction(event -> addAlias());
        newAlias.setOnAction(event -> addAlias());
        Button remove = new Button("Remove alias");
        remove.setId("removeAliasButton");
        remove.setOnAction(event -> removeAlias());
        Button rename = new Button("Rename…");
        rename.setId("renameManufacturerButton");
        rename.setOnAction(event -> rename());
        selectedTitle.getStyleClass().add("section-title");
        Label help = new Label("Names in imports and advisories are matched through these aliases, ignoring case, punctuation"
                + " and legal forms such as Inc. or GmbH. Adding the name of another manufacturer merges it into this one.");
        help.setWrapText(true);
        VBox side = new VBox(8, selectedTitle, aliases, new HBox(8, newAlias, add), new HBox(8, remove, rename), help);
        side.setPadding(new Insets(8));
        VBox.setVgrow(aliases, Priority.ALWAYS);

        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.6);
        setCenter(split);
    }

    private static TableColumn<Manufacturer, String> column(String title, double width, Function<Manufacturer, String> text) {
        return TableColumns.text(title, width, text);
    }

    public void refresh() {
        Manufacturer selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(service.list());
        if (selected != null) {
            table.getItems().stream().filter(m -> m.id() == selected.id()).findFirst()
                    .ifPresent(m -> table.getSelectionModel().select(m));
        }
    }

    private void showAliases(Manufacturer manufacturer) {
        if (manufacturer == null) {
            selectedTitle.setText("Select a manufacturer");
            aliases.getItems().clear();
            return;
        }
        selectedTitle.setText("Names that lead to " + manufacturer.name());
        aliases.getItems().setAll(manufacturer.aliases());
    }

    private void addAlias() {
        Manufacturer manufacturer = table.getSelectionModel().getSelectedItem();
        String alias = newAlias.getText() == null ? "" : newAlias.getText().strip();
        if (manufacturer == null || alias.isEmpty()) {
            return;
        }
        ManufacturerService.AliasOutcome preview = service.previewAlias(manufacturer.id(), alias);
        if (preview instanceof ManufacturerService.AlreadyPresent) {
            dialogs.showInformation("Alias already there", "'" + alias + "' already leads to " + manufacturer.name()
                    + " (names are compared without case, punctuation and legal forms such as Inc.).");
            return;
        }
        if (preview instanceof ManufacturerService.Conflict conflict) {
            dialogs.showError("Alias not added", conflict.message() + ".");
            return;
        }
        if (preview instanceof ManufacturerService.WouldMerge merge) {
            Manufacturer other = merge.other();
            boolean confirmed = dialogs.confirm("Merge manufacturers", "'" + alias + "' is the manufacturer " + other.name() + " with "
                            + other.deviceCount() + " devices. Merge " + other.name() + " into " + manufacturer.name()
                            + "? Its devices, products and aliases move to " + manufacturer.name() + ". The merge is"
                            + " recorded in the audit trail but cannot be undone here.",
                    "Merge into " + manufacturer.name());
            if (!confirmed) {
                return;
            }
        }
        service.addAlias(manufacturer.id(), alias, actor);
        newAlias.clear();
        refresh();
        onChanged.run();
    }

    private void removeAlias() {
        Manufacturer manufacturer = table.getSelectionModel().getSelectedItem();
        String alias = aliases.getSelectionModel().getSelectedItem();
        if (manufacturer == null || alias == null) {
            return;
        }
        try {
            service.removeAlias(manufacturer.id(), alias, actor);
            refresh();
        } catch (IllegalArgumentException e) {
            dialogs.showError("Alias not removed", e.getMessage() + ".");
        }
    }

    private void rename() {
        Manufacturer manufacturer = table.getSelectionModel().getSelectedItem();
        if (manufacturer == null) {
            return;
        }
        dialogs.askText("Rename manufacturer", "New name for " + manufacturer.name() + ":", manufacturer.name()).ifPresent(name -> {
            try {
                service.rename(manufacturer.id(), name, actor);
                refresh();
                onChanged.run();
            } catch (IllegalArgumentException e) {
                dialogs.showError("Manufacturer not renamed", e.getMessage() + ".");
            }
        });
    }
}
