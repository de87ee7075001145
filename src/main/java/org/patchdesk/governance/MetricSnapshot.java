package org.patchdesk.governance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored snapshot of every metric, for the site and each department.
 *
 * @param month      the first day of the month it describes
 * @param from       the first day of its flow metrics
 * @param to         the last day of its flow metrics
 * @param kind       {@code automatic} (taken at the first open in the next month) or {@code on-demand}
 * @param valueCount the number of stored metric values
 */
public record MetricSnapshot(long id, LocalDate month, LocalDate from, LocalDate to, String kind, Instant takenAt, String takenBy,
                             int valueCount) {

    public static final String AUTOMATIC = "automatic";
    public static final String ON_DEMAND = "on-demand";
}
