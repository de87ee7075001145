package org.patchdesk.audit;

import java.time.LocalDate;

/**
 * The selection of audit entries that the viewer and the export show: by user, record type,
 * action, a text in the record's id or label, and days in the site's time zone (both included).
 * A null or blank part does not filter.
 */
public record AuditFilter(String actor, String recordType, AuditAction action, String record, LocalDate from, LocalDate to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        recordType = blankToNull(recordType);
        record = blankToNull(record);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The last day " + to + " is before the first day " + from);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
