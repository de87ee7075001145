package org.patchdesk.inventory.ui;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.prefs.Preferences;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.event.Event;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import org.patchdesk.inventory.DeviceField;
import org.patchdesk.ui.NaturalOrder;

/**
 * The inventory grid. It has one column per device field with a filter box under each header, a
 * search box across all columns, sorting and a column chooser (the "+" button at the right of the
 * header). Rows can be selected together and copied as tab-separated text, and a status bar counts them.
 */
public final class InventoryView extends BorderPane {

    /** Columns shown until the user chooses others. */
    static final Set<DeviceField> DEFAULT_COLUMNS = EnumSet.of(DeviceField.ASSET_TAG, DeviceField.MANUFACTURER, DeviceField.MODEL,
            DeviceField.DEVICE_TYPE, DeviceField.DEPARTMENT, DeviceField.STATUS, DeviceField.IP_ADDRESSES, DeviceField.OS_NAME,
            DeviceField.SOFTWARE_VERSION, DeviceField.CRITICALITY);

    private static final Duration FILTER_DELAY = Duration.millis(150);

    private final InventoryViewModel model;
    private final Preferences preferences;
    private final TableView<DeviceRow> table = new TableView<>();
    private final TextField searchField = new TextField();
    private final Label statusLabel = new Label();
    private final PauseTransition filterDelay = new PauseTransition(FILTER_DELAY);
    private final List<TableColumn<DeviceRow, String>> columns = new ArrayList<>();
    private final InventoryActions actions;

    /** The actions of the grid's buttons and menus, which the main window supplies. */
    public interface InventoryActions {
        void addDevice();

        void editDevice(DeviceRow row);

        void deleteDevices(List<DeviceRow> rows);

        void importInventory();

        void exportInventory(List<DeviceRow> shown, boolean filtered);
    }

    public InventoryView(InventoryViewModel model, Preferences preferences, InventoryActions actions) {
        this.model = model;
        this.preferences = preferences;
        this.actions = actions;
        setId("inventoryView");
        setTop(buildToolBar());
        setCenter(buildTable());
        setBottom(buildStatusBar());
        filterDelay.setOnFinished(event -> model.applyFilter());
        model.searchProperty().addListener((observable, old, text) -> filterDelay.playFromStart());
    }

    public TableView<DeviceRow> table() {
        return table;
    }

    private ToolBar buildToolBar() {
        Button add = button("addDeviceButton", "Add device", "Add a device by hand", actions::addDevice);
        Button edit = button("editDeviceButton", "Edit", "Edit the selected device", this::editSelected);
        Button delete = button("deleteDeviceButton", "Delete", "Delete the selected devices", this::deleteSelected);
        Button importButton = button("importButton", "Import…", "Import a CMMS export or vendor spreadsheet", actions::importInventory);
        Button export = button("exportButton", "Export…", "Export the devices shown to an Excel workbook", this::export);
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());

        searchField.setId("searchField");
        searchField.setPromptText("Search all columns");
        searchField.setPrefColumnCount(24);
        searchField.textProperty().bindBidirectional(model.searchProperty());
        Button clear = button("clearFiltersButton", "Clear filters", "Clear the search and every column filter", model::clearFilters);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(add, edit, delete, new Separator(), importButton, export, spacer, searchField, clear);
    }

    private static Button button(String id, String text, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(event -> action.run());
        return button;
    }

    private TableView<DeviceRow> buildTable() {
        table.setId("inventoryTable");
        table.setTableMenuButtonVisible(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No devices match the search and filters."));
        for (DeviceField field : DeviceField.values()) {
            TableColumn<DeviceRow, String> column = column(field);
            columns.add(column);
            table.getColumns().add(column);
        }
        SortedList<DeviceRow> sorted = new SortedList<>(model.filtered());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        table.setRowFactory(view -> {
            TableRow<DeviceRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    actions.editDevice(row.getItem());
                }
            });
            return row;
        });
        table.setContextMenu(contextMenu());
        table.setOnKeyPressed(event -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(event)) {
                copySelection();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                editSelected();
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE && table.getSelectionModel().getSelectedItem() != null) {
                deleteSelected();
                event.consume();
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<DeviceRow>) change ->
                model.selectedCountProperty().set(table.getSelectionModel().getSelectedItems().size()));
        return table;
    }

    private TableColumn<DeviceRow, String> column(DeviceField field) {
        TableColumn<DeviceRow, String> column = new TableColumn<>(field.label());
        column.setId("column-" + field.key());
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(data.getValue().text(field)));
        column.setComparator(NaturalOrder.INSTANCE);
        column.setPrefWidth(preferredWidth(field));
        column.setVisible(preferences.getBoolean("visible." + field.key(), DEFAULT_COLUMNS.contains(field)));
        column.visibleProperty().addListener((observable, old, visible) -> preferences.putBoolean("visible." + field.key(), visible));

        TextField filter = new TextField();
        filter.setId("filter-" + field.key());
        filter.setPromptText("Filter");
        filter.getStyleClass().add("column-filter");
        filter.setMinWidth(20);
        filter.prefWidthProperty().bind(column.widthProperty().subtract(10));
        filter.textProperty().bindBidirectional(model.columnFilterProperty(field));
        filter.textProperty().addListener((observable, old, text) -> filterDelay.playFromStart());
        // The header sorts on mouse clicks; clicks that edit the filter must not reach it.
        filter.addEventHandler(MouseEvent.ANY, Event::consume);
        column.setGraphic(filter);

        if (field == DeviceField.CRITICALITY || field == DeviceField.MISSION_IMPACT) {
            column.setCellFactory(view -> new AssumedValueCell(field));
        }
        return column;
    }

    private static double preferredWidth(DeviceField field) {
        return switch (field) {
            case STATUS, FLOOR, ROOM, NETWORKED, STORES_PHI -> 90;
            case ASSET_TAG, CMMS_ID, STATUS_CHANGED_ON, ACQUISITION_DATE -> 100;
            case IP_ADDRESSES, MAC_ADDRESSES -> 140;
            case CRITICALITY, MISSION_IMPACT -> 175;
            case LOCATION, DEVICE_TYPE, NOTES -> 150;
            default -> 115;
        };
    }

    /** Shows a criticality or mission impact in italics when it is assumed from a default. */
    private static final class AssumedValueCell extends TableCell<DeviceRow, String> {
        private final DeviceField field;

        AssumedValueCell(DeviceField field) {
            this.field = field;
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().remove("assumed-value");
            if (empty || text == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(text);
            DeviceRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (row != null && row.isAssumed(field)) {
                getStyleClass().add("assumed-value");
                String source = field == DeviceField.CRITICALITY ? row.device().criticality().source() : row.device().missionImpact().source();
                setTooltip(new Tooltip("Assumed from the " + source));
            } else {
                setTooltip(null);
            }
        }
    }

    private ContextMenu contextMenu() {
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(event -> copySelection());
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        MenuItem edit = new MenuItem("Edit…");
        edit.setOnAction(event -> editSelected());
        MenuItem delete = new MenuItem("Delete…");
        delete.setOnAction(event -> deleteSelected());
        return new ContextMenu(copy, new SeparatorMenuItem(), edit, delete);
    }

    private HBox buildStatusBar() {
        statusLabel.setId("statusLabel");
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(16, 16);
        loading.visibleProperty().bind(model.loadingProperty());
        loading.managedProperty().bind(model.loadingProperty());
        HBox bar = new HBox(8, loading, statusLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("status-bar");
        ObservableValue<Number> total = model.totalCount();
        ObservableValue<Number> shown = model.shownCount();
        total.addListener((observable, old, value) -> updateStatus());
        shown.addListener((observable, old, value) -> updateStatus());
        model.selectedCountProperty().addListener((observable, old, value) -> updateStatus());
        model.loadingProperty().addListener((observable, old, value) -> updateStatus());
        updateStatus();
        return bar;
    }

    private void updateStatus() {
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.US);
        int total = model.totalCount().get();
        int shown = model.shownCount().get();
        int selected = model.selectedCountProperty().get();
        if (model.loadingProperty().get()) {
            statusLabel.setText("Loading devices…");
            return;
        }
        statusLabel.setText(numbers.format(total) + (total == 1 ? " device" : " devices")
                + " · " + numbers.format(shown) + " shown"
                + " · " + numbers.format(selected) + " selected");
    }

    private void editSelected() {
        DeviceRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            actions.editDevice(row);
        }
    }

    private void deleteSelected() {
        List<DeviceRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (!selected.isEmpty()) {
            actions.deleteDevices(selected);
        }
    }

    private void export() {
        actions.exportInventory(List.copyOf(table.getItems()), model.isFiltered());
    }

    /** Selects the row of a device and scrolls to it, when the filter shows it. */
    public void select(long deviceId) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).id() == deviceId) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(Math.max(0, i - 3));
                table.requestFocus();
                return;
            }
        }
    }

    /** Copies the selected rows, in the visible columns, as tab-separated text with a header line. */
    public void copySelection() {
        List<DeviceRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(InventoryViewModel.toTabSeparated(selected, visibleFields()));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Returns the fields of the visible columns, in their current order. */
    public List<DeviceField> visibleFields() {
        List<DeviceField> fields = new ArrayList<>();
        for (TableColumn<DeviceRow, ?> column : table.getVisibleLeafColumns()) {
            String key = column.getId().substring("column-".length());
            for (DeviceField field : DeviceField.values()) {
                if (field.key().equals(key)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
