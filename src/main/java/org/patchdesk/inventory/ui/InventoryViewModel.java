package org.patchdesk.inventory.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceService;
import org.patchdesk.ui.BackgroundTasks;

/**
 * The state behind the inventory grid: every device as a row, the filtered view of them, the
 * search and column filter texts, and the counts the status bar shows.
 */
public final class InventoryViewModel {

    private final DeviceService devices;
    private final BackgroundTasks tasks;

    private final ObservableList<DeviceRow> rows = FXCollections.observableArrayList();
    private final FilteredList<DeviceRow> filtered = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty("");
    private final Map<DeviceField, StringProperty> columnFilters = new EnumMap<>(DeviceField.class);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final IntegerProperty selectedCount = new SimpleIntegerProperty(0);
    private final IntegerBinding totalCount = Bindings.size(rows);
    private final IntegerBinding shownCount = Bindings.size(filtered);

    public InventoryViewModel(DeviceService devices, BackgroundTasks tasks) {
        this.devices = devices;
        this.tasks = tasks;
        for (DeviceField field : DeviceField.values()) {
            columnFilters.put(field, new SimpleStringProperty(""));
        }
    }

    public ObservableList<DeviceRow> rows() {
        return rows;
    }

    public FilteredList<DeviceRow> filtered() {
        return filtered;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty columnFilterProperty(DeviceField field) {
        return columnFilters.get(field);
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public IntegerProperty selectedCountProperty() {
        return selectedCount;
    }

    public ObservableIntegerValue totalCount() {
        return totalCount;
    }

    public ObservableIntegerValue shownCount() {
        return shownCount;
    }

    /** Applies the current search and column filter texts to the grid. */
    public void applyFilter() {
        Map<DeviceField, String> texts = new EnumMap<>(DeviceField.class);
        columnFilters.forEach((field, property) -> texts.put(field, property.get()));
        InventoryFilter filter = new InventoryFilter(search.get(), texts);
        filtered.setPredicate(filter.isEmpty() ? null : filter);
    }

    public boolean isFiltered() {
        return filtered.getPredicate() != null;
    }

    public void clearFilters() {
        search.set("");
        columnFilters.values().forEach(property -> property.set(""));
        applyFilter();
    }

    /** Reloads every device in the background, then calls {@code onLoaded} (with the number of devices) on the JavaFX thread. */
    public void reload(Consumer<Integer> onLoaded, Consumer<Throwable> onFailure) {
        loading.set(true);
        tasks.submit("Loading devices", monitor -> {
            List<Device> all = devices.list();
            List<DeviceRow> built = new ArrayList<>(all.size());
            for (Device device : all) {
                built.add(new DeviceRow(device));
            }
            return built;
        }, built -> {
            rows.setAll(built);
            loading.set(false);
            onLoaded.accept(built.size());
        }, error -> {
            loading.set(false);
            onFailure.accept(error);
        });
    }

    /** Shows a device that was added or edited, replacing its old row. */
    public void put(Device device) {
        DeviceRow row = new DeviceRow(device);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == device.id()) {
                rows.set(i, row);
                return;
            }
        }
        rows.add(row);
    }

    public void remove(long deviceId) {
        rows.removeIf(row -> row.id() == deviceId);
    }

    /** Returns the rows as tab-separated text with a header line, in the given columns. */
    public static String toTabSeparated(List<DeviceRow> selected, List<DeviceField> columns) {
        StringBuilder text = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (DeviceField field : columns) {
            header.add(field.label());
        }
        text.append(String.join("\t", header)).append('\n');
        for (DeviceRow row : selected) {
            List<String> cells = new ArrayList<>();
            for (DeviceField field : columns) {
                cells.add(row.text(field).replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
            }
            text.append(String.join("\t", cells)).append('\n');
        }
        return text.toString();
    }

    public DeviceService devices() {
        return devices;
    }
}
