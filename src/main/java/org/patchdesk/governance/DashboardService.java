package org.patchdesk.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;

/**
 * Gathers what the governance dashboard shows for a date range and an optional department. That is
 * the key metrics with the counts behind them and their change since the newest snapshot, the
 * snapshot series for the trend charts, the open findings of each department, and the patchability
 * of the devices in service.
 */
public final class DashboardService {

    /** The minimum number of months of snapshots read for a trend line, before they are cut to the range. */
    private static final int TREND_MONTHS = 12;

    /**
     * A key metric as a tile shows it.
     *
     * @param detail         the counts behind the value, such as "412 of 530 devices"
     * @param higherIsBetter whether a rise is an improvement, which colors the trend
     * @param trend          the change since the newest snapshot; empty when no snapshot contains the metric
     */
    public record Tile(String key, String title, Metric metric, String detail, boolean higherIsBetter, Optional<Trend> trend) {
    }

    /**
     * A tile's value against the newest snapshot. NOTE: a snapshot's flow metrics (patched in time,
     * closed on time, time to patch) cover the snapshot's month, while the tile covers the chosen
     * range. So for those the difference compares two periods, unlike the point-in-time metrics.
     *
     * @param previous   the snapshot's value, null when it had nothing to measure
     * @param month      the month the snapshot describes
     * @param difference the current value minus the snapshot's, in the metric's unit (percentage
     *                   points for a share); null when either value is missing
     */
    public record Trend(Double previous, LocalDate month, Double difference) {
    }

    /** A metric's snapshot values for a trend chart, oldest first. */
    public record TrendLine(String key, String label, MetricKind kind, List<SnapshotPoint> points) {
    }

    /** The open findings of the in-service devices of one department. */
    public record DepartmentCount(String department, long count) {
    }

    /**
     * Everything the dashboard shows for one query.
     *
     * @param departments   the departments with devices in service, for the department filter
     * @param patchability  in-service devices of the query's department by patchability, in the enum's order
     */
    public record Dashboard(MetricsReport report, List<Tile> tiles, List<TrendLine> shareTrends, List<TrendLine> countTrends,
                            List<DepartmentCount> openFindingsByDepartment, Map<Patchability, Long> patchability,
                            List<String> departments) {
    }

    private final Jdbi jdbi;
    private final MetricsService metrics;
    private final MetricSnapshotService snapshots;
    private final PatchabilityService patchability;
    private final Clock clock;

    public DashboardService(Jdbi jdbi, MetricsService metrics, MetricSnapshotService snapshots, PatchabilityService patchability,
                            Clock clock) {
        this.jdbi = jdbi;
        this.metrics = metrics;
        this.snapshots = snapshots;
        this.patchability = patchability;
        this.clock = clock;
    }

    /** Returns the dashboard's first query: the 12 months through today, for the whole site. */
    public MetricsQuery defaultQuery() {
        return MetricsQuery.lastTwelveMonths(LocalDate.now(clock), null);
    }

    /** Computes the dashboard for the query. */
    public Dashboard load(MetricsQuery query) {
        Map<String, MetricsReport> reports = metrics.computeSiteAndDepartments(query.from(), query.to());
        MetricsReport report = reportFor(query, reports);
        String department = query.department();

        List<DepartmentCount> byDepartment = new ArrayList<>();
        reports.forEach((name, departmentReport) -> {
            if (!name.equals(MetricSnapshotService.SITE)) {
                byDepartment.add(new DepartmentCount(name, Math.round(departmentReport.get(MetricsService.OPEN_FINDINGS).value())));
            }
        });
        List<String> departments = byDepartment.stream().map(DepartmentCount::department).toList();

        List<TrendLine> shares = List.of(trend(report, MetricsService.PATCHED_WITHIN_WINDOW, query),
                trend(report, MetricsService.CLOSED_WITHIN_DUE, query), trend(report, MetricsService.INVENTORY_COMPLETE, query));
        List<TrendLine> counts = List.of(trend(report, MetricsService.KEV_DEVICES, query),
                trend(report, MetricsService.OVERDUE_FINDINGS, query), trend(report, MetricsService.UNPATCHABLE_UNCONTROLLED, query));
        return new Dashboard(report, tiles(report, department), shares, counts, byDepartment, patchabilityOf(department), departments);
    }

    private MetricsReport reportFor(MetricsQuery query, Map<String, MetricsReport> reports) {
        if (query.department() == null) {
            return reports.get(MetricSnapshotService.SITE);
        }
        return reports.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(query.department()))
                .map(Map.Entry::getValue)
                .findFirst()
                // A department without devices in service has no report of its own; compute its empty one.
                .orElseGet(() -> metrics.compute(query));
    }

    private List<Tile> tiles(MetricsReport report, String department) {
        Metric unpatchable = report.get(MetricsService.UNPATCHABLE);
        Metric acceptances = report.get(MetricsService.ACTIVE_ACCEPTANCES);
        Metric openRequests = report.get(MetricsService.REQUESTS_OPEN);
        Metric osEnding = report.get(MetricsService.OS_ENDING);
        Metric p90 = report.get(MetricsService.TIME_TO_PATCH_P90);
        return List.of(
                tile(report, department, MetricsService.PATCHED_WITHIN_WINDOW, "Devices patched within " + report.patchWindowDays()
                        + " days", shareDetail(report.get(MetricsService.PATCHED_WITHIN_WINDOW), "devices"), true),
                tile(report, department, MetricsService.CLOSED_WITHIN_DUE, "Findings closed on time",
                        shareDetail(report.get(MetricsService.CLOSED_WITHIN_DUE), "closed findings") + "; "
                                + count(report.get(MetricsService.CONTROLLED)) + " controlled", true),
                tile(report, department, MetricsService.TIME_TO_PATCH_MEDIAN, "Median time to patch",
                        measured(report.get(MetricsService.TIME_TO_PATCH_MEDIAN)) + (p90.value() == null ? ""
                                : "; 90th percentile " + p90.display()), false),
                tile(report, department, MetricsService.KEV_DEVICES, "Devices with KEV-listed open findings",
                        count(report.get(MetricsService.OPEN_FINDINGS)) + " open findings in all", false),
                tile(report, department, MetricsService.UNPATCHABLE_UNCONTROLLED, "Unpatchable devices without verified controls",
                        "of " + count(unpatchable) + " unpatchable devices", false),
                tile(report, department, MetricsService.UNSUPPORTED_OS, "Devices on an unsupported OS",
                        count(osEnding) + " more within 12 months", false),
                tile(report, department, MetricsService.ACTIVE_ACCEPTANCES, "Active risk acceptances",
                        count(report.get(MetricsService.EXPIRING_ACCEPTANCES)) + " expiring within " + MetricsService.EXPIRING_DAYS
                                + " days", false),
                tile(report, department, MetricsService.REQUESTS_OVERDUE, "Overdue vendor requests",
                        "of " + count(openRequests) + " open requests", false),
                tile(report, department, MetricsService.INVENTORY_COMPLETE, "Inventory completeness",
                        shareDetail(report.get(MetricsService.INVENTORY_COMPLETE), "devices") + " with network, software and"
                                + " criticality data", true));
    }

    private Tile tile(MetricsReport report, String department, String key, String title, String detail, boolean higherIsBetter) {
        Metric metric = report.get(key);
        Optional<Trend> trend = snapshots.previous(key, department).map(point -> new Trend(point.value(), point.month(),
                metric.value() == null || point.value() == null ? null : metric.value() - point.value()));
        return new Tile(key, title, metric, detail, higherIsBetter, trend);
    }

    private static String shareDetail(Metric share, String noun) {
        return String.format(Locale.US, "%,d of %,d %s", share.numerator(), share.denominator(), noun);
    }

    private static String measured(Metric days) {
        long items = days.denominator() == null ? 0 : days.denominator();
        return items == 1 ? "1 installation measured" : String.format(Locale.US, "%,d installations measured", items);
    }

    private static String count(Metric metric) {
        return String.format(Locale.US, "%,d", Math.round(metric.value()));
    }

    /** Returns the metric's snapshot values from the month the range starts in through its last day. */
    private TrendLine trend(MetricsReport report, String key, MetricsQuery query) {
        LocalDate thisMonth = LocalDate.now(clock).withDayOfMonth(1);
        long sinceStart = ChronoUnit.MONTHS.between(query.from().withDayOfMonth(1), thisMonth) + 1;
        int months = (int) Math.max(TREND_MONTHS, sinceStart);
        List<SnapshotPoint> points = snapshots.series(key, query.department(), months).stream()
                .filter(point -> !point.month().isBefore(query.from().withDayOfMonth(1)) && !point.month().isAfter(query.to()))
                .toList();
        Metric metric = report.get(key);
        return new TrendLine(key, metric.label(), metric.kind(), points);
    }

    /** Counts the in-service devices of the department, or of the site when it is null, by resolved patchability. */
    private Map<Patchability, Long> patchabilityOf(String department) {
        Map<Long, String> departments = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT id, department FROM device WHERE status <> 'RETIRED'")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2) == null ? "" : rs.getString(2).strip()))
                .forEach(entry -> departments.put(entry.getKey(), entry.getValue())));
        Map<Patchability, Long> counts = new EnumMap<>(Patchability.class);
        for (Patchability value : Patchability.values()) {
            counts.put(value, 0L);
        }
        for (PatchabilityService.DevicePatchability device : patchability.resolveAll()) {
            String name = departments.getOrDefault(device.deviceId(), "");
            if (department == null || name.equalsIgnoreCase(department)) {
                counts.merge(device.resolved().patchability(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
