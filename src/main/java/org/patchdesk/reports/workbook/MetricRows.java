package org.patchdesk.reports.workbook;

import java.util.List;
import java.util.Locale;

import org.patchdesk.governance.Metric;
import org.patchdesk.governance.MetricKind;
import org.patchdesk.governance.MetricsReport;

/**
 * Turns governance metrics into rows of the workbook's Summary sheet. A count stays a count and a
 * number of days a number; a share is its percentage, with the counts behind it in the note, so
 * that an auditor can sort and chart the column. A metric with nothing to measure says so.
 */
public final class MetricRows {

    private MetricRows() {
    }

    /** Returns one row per metric of {@code report}, under a section that names its range and department. */
    public static List<SummaryRow> of(MetricsReport report) {
        String department = report.query().department() == null ? "all departments" : report.query().department();
        String section = "Metrics, " + report.query().from() + " to " + report.query().to() + ", " + department;
        return report.metrics().stream().map(metric -> row(section, metric, report.patchWindowDays())).toList();
    }

    private static SummaryRow row(String section, Metric metric, int windowDays) {
        if (metric.value() == null) {
            return new SummaryRow(section, metric.label(), "no data", note(metric, windowDays));
        }
        Object value = metric.kind() == MetricKind.COUNT ? (Object) Math.round(metric.value()) : (Object) round(metric.value());
        return new SummaryRow(section, metric.label(), value, note(metric, windowDays));
    }

    private static String note(Metric metric, int windowDays) {
        String unit = switch (metric.kind()) {
            case COUNT -> "count";
            case SHARE -> metric.value() == null ? "percent; nothing to count"
                    : String.format(Locale.US, "percent: %,d of %,d", metric.numerator(), metric.denominator());
            case DAYS -> String.format(Locale.US, "days, over %,d measured", metric.denominator() == null ? 0 : metric.denominator());
        };
        String window = metric.key().contains("window") ? "; window " + windowDays + " days" : "";
        return unit + window;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
