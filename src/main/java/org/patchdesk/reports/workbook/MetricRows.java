package org.patchdesk.reports.workbook;

import java.util.ArrayList;
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

    /** The section of the metric rows on the Summary. */
    static final String SECTION = "Metrics";

    /** Returns a row naming the metrics' range and department, then one row per metric of {@code report}. */
    public static List<SummaryRow> of(MetricsReport report) {
        String department = report.query().department() == null ? "all departments" : report.query().department();
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(new SummaryRow(SECTION, "Metrics range", report.query().from() + " to " + report.query().to() + ", " + department,
                "Counts of open records describe " + report.asOf()));
        report.metrics().forEach(metric -> rows.add(row(SECTION, metric, report.patchWindowDays())));
        return rows;
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
