package org.patchdesk.tabular;

import java.util.List;

/** Receives the rows of a sheet in order. */
@FunctionalInterface
public interface RowVisitor {

    /**
     * Takes one row that has at least one cell. {@code rowNumber} is the row number the user sees in
     * a spreadsheet program (1 for the first row; for delimited text, the record number). Cells are
     * indexed by column, with {@code ""} for empty cells. Returns false to stop reading.
     */
    boolean visit(int rowNumber, List<String> cells);
}
