package org.patchdesk.governance;

import java.util.Locale;

/**
 * One computed metric. For a share, {@code value} is the percentage and {@code numerator} and
 * {@code denominator} are the counts behind it; a share with a zero denominator, or a number of days
 * with nothing to measure, has a null value.
 *
 * @param key         the stable key stored in snapshots and printed in CSV, such as {@code devices_patched_within_window}
 * @param label       the name a report prints
 * @param kind        whether the value is a count, a percentage or days
 * @param value       the count, the percentage (0 to 100) or the days; null when there is nothing to measure
 * @param numerator   the counted part of a share, else null
 * @param denominator the whole of a share, or for days the number of measured items, else null
 */
public record Metric(String key, String label, MetricKind kind, Double value, Long numerator, Long denominator) {

    public static Metric count(String key, String label, long count) {
        return new Metric(key, label, MetricKind.COUNT, (double) count, null, null);
    }

    /** Returns a share; its value is null when the denominator is 0. */
    public static Metric share(String key, String label, long numerator, long denominator) {
        Double percent = denominator == 0 ? null : 100.0 * numerator / denominator;
        return new Metric(key, label, MetricKind.SHARE, percent, numerator, denominator);
    }

    /** Returns a number of days measured over {@code measured} items; null days when none was measured. */
    public static Metric days(String key, String label, Double days, long measured) {
        return new Metric(key, label, MetricKind.DAYS, days, null, measured);
    }

    /**
     * Returns the value as a report prints it: "412 of 530 (77.7 %)", "12", "14.5 days", or "no data"
     * when there is nothing to measure.
     */
    public String display() {
        return switch (kind) {
            case COUNT -> String.format(Locale.US, "%,d", Math.round(value));
            case SHARE -> value == null
                    ? "no data (0 of 0)"
                    : String.format(Locale.US, "%,d of %,d (%.1f %%)", numerator, denominator, value);
            case DAYS -> value == null ? "no data" : String.format(Locale.US, "%s days", plain(value));
        };
    }

    private static String plain(double days) {
        return days == Math.rint(days) ? String.format(Locale.US, "%d", (long) days) : String.format(Locale.US, "%.1f", days);
    }
}
