package org.patchdesk.inventory.ui;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.patchdesk.inventory.DeviceField;

/**
 * The grid's filter: search terms that must all occur somewhere in a row, and per-column texts
 * that must occur in that column. Matching ignores case.
 */
public final class InventoryFilter implements Predicate<DeviceRow> {

    public static final InventoryFilter NONE = new InventoryFilter("", Map.of());

    private final String[] terms;
    private final Map<DeviceField, String> columns;

    public InventoryFilter(String search, Map<DeviceField, String> columnTexts) {
        String cleaned = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        this.terms = cleaned.isEmpty() ? new String[0] : cleaned.split("\\s+");
        Map<DeviceField, String> columnFilters = new EnumMap<>(DeviceField.class);
        columnTexts.forEach((field, text) -> {
            if (text != null && !text.isBlank()) {
                columnFilters.put(field, text.strip().toLowerCase(Locale.ROOT));
            }
        });
        this.columns = Map.copyOf(columnFilters);
    }

    public boolean isEmpty() {
        return terms.length == 0 && columns.isEmpty();
    }

    @Override
    public boolean test(DeviceRow row) {
        if (terms.length > 0 && !row.containsAll(terms)) {
            return false;
        }
        for (Map.Entry<DeviceField, String> entry : columns.entrySet()) {
            if (!row.text(entry.getKey()).toLowerCase(Locale.ROOT).contains(entry.getValue())) {
                return false;
            }
        }
        return true;
    }
}
