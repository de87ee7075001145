package org.patchdesk.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints rows as a plain-text table: the first row is the header, columns padded to their widest
 * cell. Cells are cut at {@value #MAX_CELL_WIDTH} characters, except in the last column.
 */
final class TextTable {

    static final int MAX_CELL_WIDTH = 40;

    private TextTable() {
    }

    static void print(List<List<String>> rows, PrintWriter out) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.max(widths[i], shorten(row.get(i)).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = i == columns - 1 ? row.get(i).replace('\n', ' ') : shorten(row.get(i));
                if (i > 0) {
                    line.append("  ");
                }
                line.append(i == columns - 1 ? cell : cell + " ".repeat(widths[i] - cell.length()));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String shorten(String text) {
        String single = text.replace('\n', ' ');
        return single.length() <= MAX_CELL_WIDTH ? single : single.substring(0, MAX_CELL_WIDTH - 1) + "…";
    }
}
