package org.patchdesk.inventory.importing;

import java.util.List;

/** One row of a sheet: the row number the user sees and the text of its cells by column. */
public record SheetRow(int number, List<String> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** Returns the text of a column, or "" beyond the last cell. */
    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
