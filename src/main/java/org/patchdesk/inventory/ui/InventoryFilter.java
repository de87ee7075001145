package org.patchdesk.inventory.ui;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

import org.patchdesk.inventory.DeviceField;

/**
 * The grid's filter: search terms that must all occur somewhere in a row, and per-column texts
 * that must each start a word of their column. Matching ignores case and accents.
 */
public final class InventoryFilter implements Predicate<DeviceRow> {

    public static final InventoryFilter NONE = new InventoryFilter("", Map.of());

    private final String[] terms;
    private final Map<DeviceField, String> columns;

    public InventoryFilter(String search, Map<DeviceField, String> columnTexts) {
        String cleaned = search == null ? "" : SearchText.normalize(search.strip());
        this.terms = cleaned.isEmpty() ? new String[0] : cleaned.split("\\s+");
        Map<DeviceField, String> columnFilters = new EnumMap<>(DeviceField.class);
        columnTexts.forEach((field, text) -> {
            if (text != null && !text.isBlank()) {
                columnFilters.put(field, SearchText.normalize(text.strip()));
            }
        });
        this.columns = Map.copyOf(columnFilters);
    }

    public boolean isEmpty() {
        return terms.length == 0 && columns.isEmpty();
    }

    /**
     * True when every row this filter accepts is also accepted by {@code previous}: each previous
     * search term occurs inside one of this filter's, and each previous column text begins the
     * column's text here. Then this filter can test only the rows the previous one kept.
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
            if (mine == null || !mine.startsWith(entry.getValue())) {
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
            if (!SearchText.startsAWord(SearchText.normalize(row.text(entry.getKey())), entry.getValue())) {
                return false;
            }
        }
        return true;
    }
}
