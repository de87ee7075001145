package org.patchdesk.inventory.ui;

import java.util.Arrays;
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

    /**
     * True when every row this filter accepts is also accepted by {@code previous}: each of the
     * previous search terms and column texts occurs inside one of this filter's, so this filter
     * can test only the rows the previous one kept.
     */
    public boolean narrows(InventoryFilter previous) {
        for (String term : previous.terms) {
            boolean kept = false;
            for (String mine : terms) {
                kept |= mine.contains(term);
            }
            if (!kept) {
                return false;
            }
        }
        for (Map.Entry<DeviceField, String> entry : previous.columns.entrySet()) {
            String mine = columns.get(entry.getKey());
            if (mine == null || !mine.contains(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InventoryFilter that && Arrays.equals(terms, that.terms) && columns.equals(that.columns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(terms) * 31 + columns.hashCode();
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
