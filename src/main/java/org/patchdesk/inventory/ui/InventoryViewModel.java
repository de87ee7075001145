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
    private final ObservableList<DeviceRow> filtered = FXCollections.observableArrayList();
    private InventoryFilter filter = InventoryFilter.NONE;
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

    /** Returns the rows that pass the current filter, in the order of {@link #rows()}. */
    public ObservableList<DeviceRow> filtered() {
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

    /**
     * Applies the current search and column filter texts to the grid. A filter that only narrows
     * the previous one (the usual case while typing) tests just the rows shown now; the test runs
     * on all cores.
     */
    public void applyFilter() {
        Map<DeviceField, String> texts = new EnumMap<>(DeviceField.class);
        columnFilters.forEach((field, property) -> texts.put(field, property.get()));
        InventoryFilter next = new InventoryFilter(search.get(), texts);
        if (next.equals(filter)) {
            return;
        }
        List<DeviceRow> candidates = !filter.isEmpty() && next.narrows(filter) ? filtered : rows;
        filter = next;
        if (next.isEmpty()) {
            filtered.setAll(rows);
        } else {
            filtered.setAll(candidates.parallelStream().filter(next).toList());
        }
    }

    public boolean isFiltered() {
        return !filter.isEmpty();
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
            setRows(built);
            loading.set(false);
            onLoaded.accept(built.size());
        }, error -> {
            loading.set(false);
            onFailure.accept(error);
        });
    }

    /** Replaces every row and filters them with the current filter. */
    public void setRows(List<DeviceRow> all) {
        rows.setAll(all);
        filtered.setAll(filter.isEmpty() ? rows : rows.parallelStream().filter(filter).toList());
    }

    /** Shows a device that was added or edited, replacing its old row. */
    public void put(Device device) {
        DeviceRow row = new DeviceRow(device);
        replaceOrAdd(rows, row, true);
        replaceOrAdd(filtered, row, filter.test(row));
    }

    private static void replaceOrAdd(List<DeviceRow> list, DeviceRow row, boolean keep) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == row.id()) {
                if (keep) {
                    list.set(i, row);
                } else {
                    list.remove(i);
                }
                return;
            }
        }
        if (keep) {
            list.add(row);
        }
    }

    public void remove(long deviceId) {
        rows.removeIf(row -> row.id() == deviceId);
        filtered.removeIf(row -> row.id() == deviceId);
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
