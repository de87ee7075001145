package org.patchdesk.tabular;

import java.nio.file.Path;
import java.util.List;

import org.patchdesk.common.ProgressMonitor;

/**
 * A spreadsheet (.xlsx, .xls) or delimited text file (.csv, .txt) opened read-only. Its rows are
 * presented as text the way a spreadsheet program displays them: dates as ISO dates, whole numbers
 * without a trailing ".0", numbers with a custom format (such as leading zeros) as formatted.
 */
public interface TabularFile extends AutoCloseable {

    Path path();

    /** The sheets in workbook order; a delimited file has one sheet named after the file. */
    List<String> sheetNames();

    /**
     * Reads the rows of {@code sheet} in order until the visitor returns false.
     *
     * @throws TabularFileException when the sheet is missing or its content cannot be read
     */
    void readRows(String sheet, RowVisitor visitor, ProgressMonitor monitor) throws TabularFileException;

    /** Returns how the file was read, such as "Text file, windows-1252, semicolon-delimited", or "" when there is nothing to add. */
    default String readingNotes() {
        return "";
    }

    @Override
    void close();
}
