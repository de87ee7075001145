package org.patchdesk.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads the metric snapshots for the audit check. Besides the snapshot's own fields it compares
 * the SHA-256 of its stored values, recomputed from the value rows, so a value changed or removed
 * after the snapshot was taken shows up as drift.
 */
public final class MetricSnapshotAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("month", "range_from", "range_to", "kind", "taken_by", "value_count",
            "values_sha256");

    @Override
    public String recordType() {
        return MetricSnapshotService.RECORD_TYPE;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public boolean createsAreAudited() {
        return true;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        handle.createQuery("SELECT id, month_start, range_from, range_to, kind, taken_at, taken_by FROM metric_snapshot ORDER BY id")
                .map((rs, ctx) -> new MetricSnapshot(rs.getLong("id"), rs.getObject("month_start", LocalDate.class),
                        rs.getObject("range_from", LocalDate.class), rs.getObject("range_to", LocalDate.class), rs.getString("kind"),
                        rs.getObject("taken_at", OffsetDateTime.class).toInstant(), rs.getString("taken_by"), 0))
                .list()
                .forEach(stored -> {
                    int count = handle.createQuery("SELECT COUNT(*) FROM metric_snapshot_value WHERE snapshot_id = :id")
                            .bind("id", stored.id()).mapTo(Integer.class).one();
                    MetricSnapshot snapshot = new MetricSnapshot(stored.id(), stored.month(), stored.from(), stored.to(), stored.kind(),
                            stored.takenAt(), stored.takenBy(), count);
                    sink.accept(new CurrentRecord(snapshot.id(), MetricSnapshotService.label(snapshot.month()),
                            MetricSnapshotService.auditValues(snapshot, MetricSnapshotService.valuesHash(handle, snapshot.id()))));
                });
    }
}
