package org.patchdesk.inventory.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of a sheet, with the row PatchDesk takes for the header. {@code headerIndex} is
 * an index into {@code rows}.
 */
public record SheetPreview(String fileName, List<String> sheets, String sheet, List<SheetRow> rows, int headerIndex,
                           String readingNotes) {

    public SheetPreview {
        sheets = List.copyOf(sheets);
        rows = List.copyOf(rows);
    }

    public SheetRow headerRow() {
        return rows.get(headerIndex);
    }

    /** Returns the header texts, with "Column N" in place of empty header cells. */
    public List<String> headers() {
        return headersOf(headerRow(), rows.stream().mapToInt(row -> row.cells().size()).max().orElse(0));
    }

    public List<SheetRow> dataRows() {
        return rows.subList(headerIndex + 1, rows.size());
    }

    public SheetPreview withHeaderIndex(int index) {
        if (index < 0 || index >= rows.size()) {
            throw new IllegalArgumentException("Header row index " + index + " is outside the preview");
        }
        return new SheetPreview(fileName, sheets, sheet, rows, index, readingNotes);
    }

    static List<String> headersOf(SheetRow header, int width) {
        ArrayList<String> headers = new ArrayList<>();
        int columns = Math.max(width, header.cells().size());
        for (int i = 0; i < columns; i++) {
            String text = header.cell(i).strip();
            headers.add(text.isEmpty() ? "Column " + columnLetters(i) : text);
        }
        return headers;
    }

    /** Returns the spreadsheet letters of a zero-based column: A, B, ... Z, AA. */
    public static String columnLetters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
