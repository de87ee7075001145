package org.patchdesk.governance;

import java.time.LocalDate;

/**
 * The range and scope of a metrics report: both dates are included, and a null department means
 * the whole site.
 */
public record MetricsQuery(LocalDate from, LocalDate to, String department) {

    /** @throws IllegalArgumentException when a date is missing or the range ends before it starts */
    public MetricsQuery {
        if (from == null || to == null) {
            throw new IllegalArgumentException("A metrics report needs both a first and a last day");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The last day " + to + " is before the first day " + from);
        }
        department = department == null || department.isBlank() ? null : department.strip();
    }

    /** Returns the 12 months that end on {@code today}: from the same day a year earlier plus one day, through today. */
    public static MetricsQuery lastTwelveMonths(LocalDate today, String department) {
        return new MetricsQuery(today.minusYears(1).plusDays(1), today, department);
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    public MetricsQuery forDepartment(String name) {
        return new MetricsQuery(from, to, name);
    }
}
