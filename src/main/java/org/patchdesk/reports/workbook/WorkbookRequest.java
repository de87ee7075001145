package org.patchdesk.reports.workbook;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.patchdesk.common.Actor;

/**
 * The range of an audit workbook, the site it names and the user who generates it.
 *
 * @param site        the site name printed on the Summary sheet
 * @param demo        true for the demo database, which the Summary marks as not a real record
 * @param from        the first day of the range, or null for no lower bound
 * @param to          the last day of the range, or null for today
 * @param generatedBy the user who generates the workbook
 * @param metrics     rows for the Summary's metrics, in order; when empty, the workbook computes the
 *                    governance metrics of the range for all departments
 * @param author      how the Summary names who generated it, such as "Sam Info (sinfo), InfoSec/CISO"
 */
public record WorkbookRequest(String site, boolean demo, LocalDate from, LocalDate to, Actor generatedBy, List<SummaryRow> metrics,
                              String author) {

    /** Creates a request whose Summary names the generating user by their user name alone. */
    public WorkbookRequest(String site, boolean demo, LocalDate from, LocalDate to, Actor generatedBy, List<SummaryRow> metrics) {
        this(site, demo, from, to, generatedBy, metrics, generatedBy.name());
    }

    public WorkbookRequest {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(author, "author");
        metrics = List.copyOf(metrics);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The last day of the range, " + to + ", is before its first day, " + from);
        }
    }

    /** Returns this request with {@code rows} as the Summary's metrics. */
    public WorkbookRequest withMetrics(List<SummaryRow> rows) {
        return new WorkbookRequest(site, demo, from, to, generatedBy, rows, author);
    }
}
