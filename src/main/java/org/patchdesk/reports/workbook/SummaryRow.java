package org.patchdesk.reports.workbook;

import java.util.Objects;

/**
 * A figure the caller adds to the workbook's Summary sheet, under its own section, such as the
 * governance metrics: a label, a value (text, a number or a date, which stay numbers and dates in
 * the sheet) and a note with its definition or source, which may be null.
 */
public record SummaryRow(String section, String label, Object value, String note) {

    public SummaryRow {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(label, "label");
    }
}
