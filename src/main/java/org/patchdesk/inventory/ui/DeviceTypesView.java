package org.patchdesk.inventory.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.patchdesk.common.Actor;
import org.patchdesk.inventory.ClinicalCriticality;
import org.patchdesk.inventory.DeviceType;
import org.patchdesk.inventory.DeviceTypeService;
import org.patchdesk.inventory.FdaProductCode;
import org.patchdesk.inventory.Labeled;
import org.patchdesk.inventory.MissionImpact;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;

/**
 * The editable table of device types and their default clinical criticality and mission impact,
 * seeded from the FDA product classification and changeable by hand or by choosing another FDA
 * product code.
 */
public final class DeviceTypesView extends BorderPane {

    private final DeviceTypeService service;
    private final DialogService dialogs;
    private final Actor actor;
    private final Runnable onChanged;
    private final TableView<DeviceType> table = new TableView<>();

    public DeviceTypesView(DeviceTypeService service, DialogService dialogs, Actor actor, Runnable onChanged) {
        this.service = service;
        this.dialogs = dialogs;
        this.actor = actor;
        this.onChanged = onChanged;
        setId("deviceTypesView");

        Button edit = new Button("Edit defaults…");
        edit.setId("editTypeDefaultsButton");
        edit.setOnAction(event -> editDefaults());
        Button fda = new Button("Use FDA product code…");
        fda.setId("chooseFdaCodeButton");
        fda.setOnAction(event -> chooseFdaCode());
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        fda.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Label help = new Label("Devices without their own criticality or mission impact take their type's default,"
                + " marked as assumed. Without a default, High and mef support crippled apply.");
        setTop(new VBox(new ToolBar(edit, fda), help));
        VBox.setMargin(help, new Insets(4, 8, 4, 8));

        table.setId("deviceTypeTable");
        table.setPlaceholder(new Label("Device types appear here as devices are imported or added."));
        table.getColumns().setAll(List.of(
                column("Device type", 200, DeviceType::name),
                column("Devices", 70, type -> Long.toString(type.deviceCount())),
                column("FDA code", 80, type -> type.fdaProductCode() == null ? "" : type.fdaProductCode()),
                column("Default criticality", 140, type -> label(type.defaults().criticality())),
                column("Default mission impact", 170, type -> label(type.defaults().missionImpact())),
                column("Source of the defaults", 420, type -> type.defaults().source() == null ? "" : type.defaults().source())));
        table.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                editDefaults();
            }
        });
        setCenter(table);
    }

    private static String label(Labeled value) {
        return value == null ? "none" : value.label();
    }

    private static TableColumn<DeviceType, String> column(String title, double width, Function<DeviceType, String> text) {
        return TableColumns.text(title, width, text);
    }

    public void refresh() {
        int selected = table.getSelectionModel().getSelectedIndex();
        table.getItems().setAll(service.list());
        if (selected >= 0 && selected < table.getItems().size()) {
            table.getSelectionModel().select(selected);
        }
    }

    private void editDefaults() {
        DeviceType type = table.getSelectionModel().getSelectedItem();
        if (type == null) {
            return;
        }
        ComboBox<ClinicalCriticality> criticality = new ComboBox<>(FXCollections.observableArrayList(ClinicalCriticality.values()));
        criticality.getItems().add(0, null);
        criticality.setValue(type.defaults().criticality());
        criticality.setId("typeCriticality");
        ComboBox<MissionImpact> mission = new ComboBox<>(FXCollections.observableArrayList(MissionImpact.values()));
        mission.getItems().add(0, null);
        mission.setValue(type.defaults().missionImpact());
        mission.setId("typeMissionImpact");
        criticality.setConverter(labelConverter());
        mission.setConverter(labelConverter());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Default criticality"), criticality);
        grid.addRow(1, new Label("Default mission impact"), mission);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Defaults of " + type.name());
        dialog.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType("Save defaults", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        dialog.showAndWait().filter(save::equals).ifPresent(button -> {
            service.setDefaults(type.id(), criticality.getValue(), mission.getValue(), actor);
            refresh();
            onChanged.run();
        });
    }

    private static <T extends Labeled> StringConverter<T> labelConverter() {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "none" : value.label();
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("The choice is not editable");
            }
        };
    }

    private void chooseFdaCode() {
        DeviceType type = table.getSelectionModel().getSelectedItem();
        if (type == null) {
            return;
        }
        List<FdaProductCode> all = service.fdaClassification().all().stream()
                .sorted(Comparator.comparing(FdaProductCode::deviceName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        FilteredList<FdaProductCode> shown = new FilteredList<>(FXCollections.observableArrayList(all));
        TextField filter = new TextField(type.name());
        filter.setId("fdaCodeFilter");
        filter.setPromptText("Words of the FDA device name, or the product code");
        ListView<FdaProductCode> list = new ListView<>(shown);
        list.setId("fdaCodeList");
        list.setPrefSize(640, 360);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(FdaProductCode code, boolean empty) {
                super.updateItem(code, empty);
                setText(empty || code == null ? null : code.code() + "  " + code.deviceName() + "  (class " + code.deviceClass()
                        + (code.lifeSustaining() ? ", life-sustaining" : "") + ")");
            }
        });
        Runnable applyFilter = () -> {
            String[] words = filter.getText().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+");
            shown.setPredicate(code -> {
                String text = (code.code() + " " + code.deviceName()).toLowerCase(Locale.ROOT);
                for (String word : words) {
                    if (!word.isEmpty() && !text.contains(word)) {
                        return false;
                    }
                }
                return true;
            });
        };
        filter.textProperty().addListener((observable, old, text) -> applyFilter.run());
        applyFilter.run();
        if (shown.isEmpty()) {
            filter.setText("");
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("FDA product code for " + type.name());
        VBox content = new VBox(8, filter, list);
        dialog.getDialogPane().setContent(content);
        ButtonType use = new ButtonType("Use this code", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(use, ButtonType.CANCEL);
        dialog.showAndWait().filter(use::equals).ifPresent(button -> {
            FdaProductCode chosen = list.getSelectionModel().getSelectedItem();
            if (chosen == null) {
                dialogs.showError("No code chosen", "Select an FDA product code in the list.");
                return;
            }
            service.applyFdaProductCode(type.id(), chosen.code(), actor);
            refresh();
            onChanged.run();
        });
    }
}
