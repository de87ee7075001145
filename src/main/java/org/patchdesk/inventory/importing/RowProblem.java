package org.patchdesk.inventory.importing;

/**
 * Why a row was rejected: the file row number, the column header (null when the problem concerns
 * the whole row), the cell text and the reason.
 */
public record RowProblem(int rowNumber, String column, String value, String reason) {

    /** Returns the problem as one sentence, such as "Row 12, column 'IP Address': '10.1.300.4' is not a valid IP address". */
    public String describe() {
        StringBuilder text = new StringBuilder("Row ").append(rowNumber);
        if (column != null) {
            text.append(", column '").append(column).append('\'');
        }
        return text.append(": ").append(valueAndReason()).toString();
    }

    /** Returns the problem without the row, such as "IP Address: '10.1.300.4' is not a valid IP address", for lists that show the row apart. */
    public String describeInRow() {
        return column == null ? valueAndReason() : column + ": " + valueAndReason();
    }

    private String valueAndReason() {
        if (value != null && !value.isEmpty() && !reason.startsWith("'")) {
            return "'" + value + "' " + reason;
        }
        return reason;
    }
}
