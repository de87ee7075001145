package org.patchdesk.governance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One metric's value in one snapshot, a point of a trend line.
 *
 * @param month the first day of the month the snapshot describes
 * @param value the value, null when the metric had nothing to measure
 */
public record SnapshotPoint(long snapshotId, LocalDate month, Instant takenAt, Double value, Long numerator, Long denominator) {
}
