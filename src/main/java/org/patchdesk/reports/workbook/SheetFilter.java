package org.patchdesk.reports.workbook;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The rows of a workbook sheet that a Control mapping row counts, as conditions on the sheet's
 * columns that a reader applies with Excel's filters. A row counts when it meets every condition.
 * {@link #ALL} counts every row.
 */
record SheetFilter(List<Condition> conditions) {

    static final SheetFilter ALL = new SheetFilter(List.of());

    /** The comparison of a cell's text with a condition's values. */
    enum Test {
        /** The cell is one of the values. */
        IS_ONE_OF,
        /** The cell differs from every value. */
        IS_NOT,
        /** The cell contains the value. */
        CONTAINS
    }

    /** One condition: the column's header, how it tests the cell, and the values it tests with. */
    record Condition(String column, Test test, List<String> values) {

        boolean matches(String cell) {
            String text = Objects.requireNonNullElse(cell, "");
            return switch (test) {
                case IS_ONE_OF -> values.contains(text);
                case IS_NOT -> !values.contains(text);
                case CONTAINS -> values.stream().anyMatch(text::contains);
            };
        }

        String describe() {
            String quoted = values.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(" or "));
            return switch (test) {
                case IS_ONE_OF -> column + " is " + quoted;
                case IS_NOT -> column + " is not " + quoted;
                case CONTAINS -> column + " contains " + quoted;
            };
        }
    }

    SheetFilter {
        conditions = List.copyOf(conditions);
    }

    static SheetFilter where(String column, Test test, String... values) {
        return new SheetFilter(List.of(new Condition(column, test, List.of(values))));
    }

    SheetFilter and(String column, Test test, String... values) {
        List<Condition> all = new java.util.ArrayList<>(conditions);
        all.add(new Condition(column, test, List.of(values)));
        return new SheetFilter(all);
    }

    /** Returns the filter as the Control mapping prints it, or "every row". */
    String describe() {
        return conditions.isEmpty() ? "every row" : conditions.stream().map(Condition::describe).collect(Collectors.joining("; "));
    }
}
