package org.patchdesk.audit;

import java.time.LocalDate;

/**
 * What the audit viewer and export show: entries by a user, of a record type, with an action,
 * whose record id or label contains a text, from and to a day in the site's time zone (both days
 * included). A null or blank part does not filter.
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
