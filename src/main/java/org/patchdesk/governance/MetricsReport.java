package org.patchdesk.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The metrics of one query, in report order.
 *
 * @param query            the range and department
 * @param asOf             the day the point-in-time metrics describe: the day the report was computed
 * @param computedAt       when it was computed
 * @param patchWindowDays  the patch window length the patching metrics used
 * @param metrics          every metric, in the order of docs/metrics.md
 */
public record MetricsReport(MetricsQuery query, LocalDate asOf, Instant computedAt, int patchWindowDays, List<Metric> metrics) {

    public MetricsReport {
        metrics = List.copyOf(metrics);
    }

    public Optional<Metric> find(String key) {
        return metrics.stream().filter(metric -> metric.key().equals(key)).findFirst();
    }

    /**
     * Returns the metric with the key.
     *
     * @throws IllegalArgumentException when the report has no such metric
     */
    public Metric get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("The report has no metric " + key));
    }
}
