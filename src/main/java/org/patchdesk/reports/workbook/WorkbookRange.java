package org.patchdesk.reports.workbook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The days a workbook covers, both ends included, in the site's time zone. Without a first day the
 * range starts at the oldest record; the last day defaults to today.
 */
record WorkbookRange(LocalDate from, LocalDate to, ZoneId zone) {

    /** The day that stands for "no lower bound" in queries on date columns. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** Returns the first day to compare date columns with. */
    LocalDate firstDay() {
        return from == null ? EARLIEST : from;
    }

    /** Returns the start of the first day, for timestamp columns. */
    OffsetDateTime start() {
        return utc(firstDay().atStartOfDay(zone).toInstant());
    }

    /** Returns the start of the day after the last day: timestamps in the range are before it. */
    OffsetDateTime endExclusive() {
        return utc(to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Returns the bindings :from and :to of a query on a timestamp column: the start of the first day, and of the day after the last. */
    Map<String, Object> times() {
        return Map.of("from", start(), "to", endExclusive());
    }

    /** Returns the range in words, such as "2026-01-01 to 2026-12-04" or "from the first record to 2026-12-04". */
    String describe() {
        return (from == null ? "from the first record" : from.toString()) + " to " + to;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
