package org.patchdesk.inventory.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.FieldValues;

/**
 * Turns the data rows of a sheet into device values under a column mapping. Blank rows and totals
 * rows are skipped. A row is rejected when it has no asset tag, repeats an asset tag seen earlier in
 * the same file, or has a value its field cannot take (an invalid IP or MAC address, date, status).
 */
final class RowConverter {

    /** The outcome for one row. */
    sealed interface Outcome permits Accepted, Rejected, Skipped {
    }

    record Accepted(int rowNumber, DeviceValues values) implements Outcome {
    }

    record Rejected(RejectedRow row) implements Outcome {
    }

    enum Skipped implements Outcome {
        BLANK, TOTALS
    }

    private static final Pattern TOTALS = Pattern.compile(
            "(?i)^(grand\\s+)?(sub)?totals?\\b\\s*(:|=|\\(|of\\b|\\d|$).*|^(record\\s+count|row\\s+count|count|number\\s+of\\s+\\w+)\\s*[:=].*");

    private static final Pattern NUMBER = Pattern.compile("[$€£]?-?[\\d,.]+%?");

    private final ColumnMapping mapping;
    private final Map<String, Integer> firstRowByAssetTag = new HashMap<>();

    RowConverter(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    Outcome convert(SheetRow row) {
        if (row.isBlank()) {
            return Skipped.BLANK;
        }
        if (isTotals(row)) {
            return Skipped.TOTALS;
        }
        DeviceValues values = new DeviceValues();
        List<RowProblem> problems = new ArrayList<>();
        for (int column = 0; column < mapping.fields().size(); column++) {
            DeviceField field = mapping.fieldOf(column);
            if (field == null) {
                continue;
            }
            String text = row.cell(column);
            FieldValues.Parsed parsed = FieldValues.parse(field, text);
            if (parsed instanceof FieldValues.Value value) {
                values.set(field, value.value());
            } else if (parsed instanceof FieldValues.Invalid invalid) {
                problems.add(new RowProblem(row.number(), mapping.headers().get(column), text.strip(), invalid.reason()));
            }
        }
        checkAssetTag(row, values, problems);
        if (!problems.isEmpty()) {
            return new Rejected(new RejectedRow(row.number(), row.cells(), problems));
        }
        return new Accepted(row.number(), values);
    }

    private void checkAssetTag(SheetRow row, DeviceValues values, List<RowProblem> problems) {
        String column = mapping.columnOf(DeviceField.ASSET_TAG).map(mapping.headers()::get).orElse(null);
        String assetTag = values.assetTag();
        if (assetTag == null) {
            boolean invalid = problems.stream().anyMatch(problem -> column != null && column.equals(problem.column()));
            if (!invalid) {
                problems.add(new RowProblem(row.number(), column, "", "the asset tag is missing"));
            }
            return;
        }
        String key = DeviceValues.assetTagKey(assetTag);
        Integer first = firstRowByAssetTag.putIfAbsent(key, row.number());
        if (first != null) {
            problems.add(new RowProblem(row.number(), column, assetTag, "repeats the asset tag of row " + first));
        }
    }

    /**
     * Tells whether a row is a totals row: its first filled cell starts with a word such as "Total",
     * "Total:" or "Count =" and is the asset tag cell or left of it, and its other cells contain
     * nothing but numbers.
     */
    private boolean isTotals(SheetRow row) {
        int first = -1;
        for (int i = 0; i < row.cells().size(); i++) {
            if (!row.cell(i).isBlank()) {
                first = i;
                break;
            }
        }
        if (first < 0 || !TOTALS.matcher(row.cell(first).strip()).matches()) {
            return false;
        }
        Integer assetTagColumn = mapping.columnOf(DeviceField.ASSET_TAG).orElse(null);
        if (assetTagColumn != null && first > assetTagColumn) {
            return false;
        }
        for (int i = first + 1; i < row.cells().size(); i++) {
            String cell = row.cell(i).strip();
            if (!cell.isEmpty() && !NUMBER.matcher(cell).matches()) {
                return false;
            }
        }
        return true;
    }
}
