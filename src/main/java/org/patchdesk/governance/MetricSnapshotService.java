package org.patchdesk.governance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes and reads the monthly snapshots of the metrics. A snapshot stores every metric for the
 * site and for each department, and is never changed afterwards, so trends survive later changes
 * to the records.
 */
public final class MetricSnapshotService {

    public static final String RECORD_TYPE = "metric_snapshot";
    /** The department under which snapshots store the site's own values. */
    public static final String SITE = "";

    private static final Logger log = LoggerFactory.getLogger(MetricSnapshotService.class);

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final MetricsService metrics;
    private final Clock clock;

    public MetricSnapshotService(Jdbi jdbi, AuditLog auditLog, MetricsService metrics, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Takes the automatic snapshot of the month before this one when none exists yet and the
     * inventory held a device before that month ended. Called when the database opens, so the
     * first open in a new month takes it.
     */
    public Optional<MetricSnapshot> takeMonthlyIfDue(Actor actor) {
        LocalDate previous = LocalDate.now(clock).withDayOfMonth(1).minusMonths(1);
        LocalDate last = previous.plusMonths(1).minusDays(1);
        boolean due = jdbi.withHandle(handle -> {
            boolean taken = handle.createQuery("SELECT COUNT(*) FROM metric_snapshot WHERE month_start = :month AND kind = :kind")
                    .bind("month", previous).bind("kind", MetricSnapshot.AUTOMATIC).mapTo(Integer.class).one() > 0;
            if (taken) {
                return false;
            }
            OffsetDateTime monthEnd = last.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
            return handle.createQuery("SELECT COUNT(*) FROM device WHERE created_at < :end").bind("end", monthEnd)
                    .mapTo(Integer.class).one() > 0;
        });
        if (!due) {
            return Optional.empty();
        }
        MetricSnapshot snapshot = store(previous, previous, last, MetricSnapshot.AUTOMATIC, actor);
        log.info("Took the monthly metrics snapshot of {} ({} values)", previous, snapshot.valueCount());
        return Optional.of(snapshot);
    }

    /** Takes a snapshot of this month so far, from its first day through today. */
    public MetricSnapshot takeNow(Actor actor) {
        LocalDate today = LocalDate.now(clock);
        LocalDate month = today.withDayOfMonth(1);
        return store(month, month, today, MetricSnapshot.ON_DEMAND, actor);
    }

    /** Lists every snapshot, the newest first. */
    public List<MetricSnapshot> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM metric_snapshot ORDER BY taken_at DESC, id DESC")
                .map((rs, ctx) -> new MetricSnapshot(rs.getLong("id"), rs.getObject("month_start", LocalDate.class),
                        rs.getObject("range_from", LocalDate.class), rs.getObject("range_to", LocalDate.class), rs.getString("kind"),
                        rs.getObject("taken_at", OffsetDateTime.class).toInstant(), rs.getString("taken_by"), rs.getInt("value_count")))
                .list());
    }

    /**
     * Returns a metric's values over the last {@code months} months through this one, oldest first,
     * from the newest snapshot of each month; months without a snapshot are left out.
     *
     * @param department a department, or null for the site
     * @throws IllegalArgumentException when {@code months} is less than 1
     */
    public List<SnapshotPoint> series(String key, String department, int months) {
        if (months < 1) {
            throw new IllegalArgumentException("A trend needs at least 1 month, not " + months);
        }
        LocalDate first = LocalDate.now(clock).withDayOfMonth(1).minusMonths(months - 1L);
        Map<LocalDate, SnapshotPoint> newestByMonth = new LinkedHashMap<>();
        points(key, department, first).forEach(point -> newestByMonth.put(point.month(), point));
        return List.copyOf(newestByMonth.values());
    }

    /** Returns the metric's value in the newest snapshot, for a tile's trend arrow. */
    public Optional<SnapshotPoint> previous(String key, String department) {
        List<SnapshotPoint> points = points(key, department, LocalDate.MIN.withYear(1));
        return points.stream().max(java.util.Comparator.comparing(SnapshotPoint::takenAt).thenComparing(SnapshotPoint::snapshotId));
    }

    /** Returns the stored values of a snapshot: department ("" for the site), then key, to the metric. */
    public Map<String, List<Metric>> values(long snapshotId) {
        Map<String, List<Metric>> values = new LinkedHashMap<>();
        jdbi.withHandle(handle -> handle.createQuery("SELECT department, metric_key, label, metric_value, numerator, denominator"
                        + " FROM metric_snapshot_value WHERE snapshot_id = :id ORDER BY department, metric_key")
                .bind("id", snapshotId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), new Metric(rs.getString(2), rs.getString(3), null,
                        (Double) rs.getObject(4), (Long) rs.getObject(5), (Long) rs.getObject(6))))
                .list())
                .forEach(entry -> values.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
        return values;
    }

    /** Returns the newest snapshot's point per month from {@code first} on, oldest first. */
    private List<SnapshotPoint> points(String key, String department, LocalDate first) {
        String scope = department == null ? SITE : department.strip();
        return jdbi.withHandle(handle -> handle.createQuery("SELECT s.id, s.month_start, s.taken_at, v.metric_value, v.numerator, v.denominator"
                        + " FROM metric_snapshot s JOIN metric_snapshot_value v ON v.snapshot_id = s.id"
                        + " WHERE v.metric_key = :key AND LOWER(v.department) = :department AND s.month_start >= :first"
                        + " ORDER BY s.month_start, s.taken_at, s.id")
                .bind("key", key).bind("department", scope.toLowerCase(Locale.ROOT)).bind("first", first)
                .map((rs, ctx) -> new SnapshotPoint(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), (Double) rs.getObject(4), (Long) rs.getObject(5),
                        (Long) rs.getObject(6)))
                .list());
    }

    private MetricSnapshot store(LocalDate month, LocalDate from, LocalDate to, String kind, Actor actor) {
        Map<String, MetricsReport> reports = metrics.computeSiteAndDepartments(from, to);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbi.inTransaction(handle -> {
            long id = handle.createUpdate("INSERT INTO metric_snapshot (month_start, range_from, range_to, kind, taken_at, taken_by,"
                            + " value_count, values_sha256) VALUES (:month, :from, :to, :kind, :at, :by, 0, :none)")
                    .bind("month", month).bind("from", from).bind("to", to).bind("kind", kind).bind("at", now).bind("by", actor.name())
                    .bind("none", "0".repeat(64))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            PreparedBatch batch = handle.prepareBatch("INSERT INTO metric_snapshot_value (snapshot_id, department, metric_key, label,"
                    + " metric_value, numerator, denominator) VALUES (:id, :department, :key, :label, :value, :numerator, :denominator)");
            int count = 0;
            for (Map.Entry<String, MetricsReport> report : reports.entrySet()) {
                for (Metric metric : report.getValue().metrics()) {
                    batch.bind("id", id).bind("department", report.getKey()).bind("key", metric.key()).bind("label", metric.label())
                            .bind("value", metric.value()).bind("numerator", metric.numerator()).bind("denominator", metric.denominator())
                            .add();
                    count++;
                }
            }
            batch.execute();
            String hash = valuesHash(handle, id);
            handle.createUpdate("UPDATE metric_snapshot SET value_count = :count, values_sha256 = :hash WHERE id = :id")
                    .bind("count", count).bind("hash", hash).bind("id", id).execute();
            MetricSnapshot snapshot = new MetricSnapshot(id, month, from, to, kind, now.toInstant(), actor.name(), count);
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.CREATE, RECORD_TYPE, id,
                    label(month), null, Map.of(), auditValues(snapshot, hash),
                    "Took " + ("automatic".equals(kind) ? "the monthly" : "an on-demand") + " metrics snapshot of " + label(month)
                            + " (" + count + " values)"));
            return snapshot;
        });
    }

    static String label(LocalDate month) {
        return "metrics of " + month.toString().substring(0, 7);
    }

    static Map<String, String> auditValues(MetricSnapshot snapshot, String hash) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("month", snapshot.month().toString());
        values.put("range_from", snapshot.from().toString());
        values.put("range_to", snapshot.to().toString());
        values.put("kind", snapshot.kind());
        values.put("taken_by", snapshot.takenBy());
        values.put("value_count", Integer.toString(snapshot.valueCount()));
        values.put("values_sha256", hash);
        return values;
    }

    /**
     * Returns the SHA-256 of a snapshot's stored values, one line per value in department and key
     * order, so that the audit check notices a value changed after the snapshot was taken.
     */
    static String valuesHash(Handle handle, long snapshotId) {
        StringBuilder text = new StringBuilder();
        handle.createQuery("SELECT department, metric_key, metric_value, numerator, denominator FROM metric_snapshot_value"
                        + " WHERE snapshot_id = :id ORDER BY department, metric_key")
                .bind("id", snapshotId)
                .map((rs, ctx) -> rs.getString(1) + '\t' + rs.getString(2) + '\t' + rs.getObject(3) + '\t' + rs.getObject(4) + '\t'
                        + rs.getObject(5) + '\n')
                .forEach(text::append);
        return Sha256.ofBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
