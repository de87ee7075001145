package org.patchdesk.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.tabular.XlsxTableWriter;

/** Reads the audit trail for the viewer and exports it to an .xlsx workbook, filtered by user, record, action and dates. */
public final class AuditTrail {

    /** The columns of the export's entries sheet. */
    public static final List<String> EXPORT_HEADERS = List.of("Entry", "Time", "User", "Action", "Record Type", "Record ID", "Record",
            "Import Batch", "Old Values", "New Values", "Summary", "Entry Hash");

    private static final int PAGE = 2_000;

    private final Jdbi jdbi;
    private final AuditChain chain;
    private final Clock clock;

    public AuditTrail(Jdbi jdbi, AuditChain chain, Clock clock) {
        this.jdbi = jdbi;
        this.chain = chain;
        this.clock = clock;
    }

    /** Returns the newest entries that match, newest first, at most {@code limit}. */
    public List<AuditEntry> find(AuditFilter filter, int limit) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT * FROM audit_entry WHERE " + where(filter) + " ORDER BY id DESC LIMIT :limit");
            bind(query, filter);
            return query.bind("limit", limit).map(new AuditRowMapper()).list();
        });
    }

    /** Returns how many entries match. */
    public long count(AuditFilter filter) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT COUNT(*) FROM audit_entry WHERE " + where(filter));
            bind(query, filter);
            return query.mapTo(Long.class).one();
        });
    }

    /** Returns the users that appear in the trail, sorted. */
    public List<String> actors() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT DISTINCT actor FROM audit_entry ORDER BY actor").mapTo(String.class).list());
    }

    /** Returns the record types that appear in the trail, sorted. */
    public List<String> recordTypes() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT DISTINCT record_type FROM audit_entry ORDER BY record_type")
                .mapTo(String.class).list());
    }

    /**
     * Writes the matching entries, oldest first, to an .xlsx workbook: one row per entry with the
     * time as a date cell in the site's time zone, then a sheet with the filter and the chain head.
     *
     * @return the number of entries written
     */
    public long export(AuditFilter filter, Path target, ProgressMonitor monitor) throws IOException {
        ZoneId zone = clock.getZone();
        long total = count(filter);
        ChainHead head = chain.head();
        long written = 0;
        try (XlsxTableWriter writer = new XlsxTableWriter(target)) {
            writer.startSheet("Audit trail", EXPORT_HEADERS);
            long afterId = Long.MIN_VALUE;
            List<Map<String, Object>> page;
            do {
                monitor.checkCancelled();
                page = exportPage(filter, afterId);
                for (Map<String, Object> row : page) {
                    AuditEntry entry = (AuditEntry) row.get("entry");
                    writer.addRow(exportRow(entry, (String) row.get("hash"), zone));
                    afterId = entry.id();
                    written++;
                }
                monitor.progress(written, total, "Exporting audit entries");
            } while (page.size() == PAGE);
            writer.startSheet("Export", List.of("Item", "Value"));
            writer.addRow(List.of("Exported", LocalDateTime.ofInstant(clock.instant(), zone)));
            writer.addRow(List.of("Time zone", zone.getId()));
            writer.addRow(List.of("Filter", describe(filter)));
            writer.addRow(List.of("Entries exported", written));
            writer.addRow(List.of("Audit entries in the chain", head.entryCount()));
            writer.addRow(List.of("Chain head hash", head.hash()));
            writer.finish();
        }
        return written;
    }

    private List<Map<String, Object>> exportPage(AuditFilter filter, long afterId) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT * FROM audit_entry WHERE " + where(filter) + " AND id > :after ORDER BY id LIMIT "
                    + PAGE);
            bind(query, filter);
            AuditRowMapper mapper = new AuditRowMapper();
            return query.bind("after", afterId)
                    .map((rs, ctx) -> Map.<String, Object>of("entry", mapper.map(rs, ctx), "hash", String.valueOf(rs.getString("entry_hash"))))
                    .list();
        });
    }

    /** Returns the cells of one entry under {@link #EXPORT_HEADERS}, with the time in {@code zone}. */
    public static List<Object> exportRow(AuditEntry entry, String hash, ZoneId zone) {
        List<Object> row = new ArrayList<>();
        row.add(entry.id());
        row.add(LocalDateTime.ofInstant(entry.occurredAt(), zone));
        row.add(entry.actor());
        row.add(entry.action().word());
        row.add(entry.recordType());
        row.add(entry.recordId());
        row.add(entry.recordLabel());
        row.add(entry.batchId());
        row.add(valuesText(entry.oldValues()));
        row.add(valuesText(entry.newValues()));
        row.add(entry.summary());
        row.add(hash);
        return row;
    }

    /** Returns values one per line as "field: value", the form the viewer and the export show. */
    public static String valuesText(Map<String, String> values) {
        return values.entrySet().stream().map(value -> value.getKey() + ": " + value.getValue()).collect(Collectors.joining("\n"));
    }

    /** Returns the filter in words, for the export's header sheet. */
    static String describe(AuditFilter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.actor() != null) {
            parts.add("user " + filter.actor());
        }
        if (filter.recordType() != null) {
            parts.add("record type " + filter.recordType());
        }
        if (filter.action() != null) {
            parts.add("action " + filter.action().word());
        }
        if (filter.record() != null) {
            parts.add("record containing '" + filter.record() + "'");
        }
        if (filter.from() != null) {
            parts.add("from " + filter.from());
        }
        if (filter.to() != null) {
            parts.add("to " + filter.to());
        }
        return parts.isEmpty() ? "all entries" : String.join(", ", parts);
    }

    private static String where(AuditFilter filter) {
        List<String> conditions = new ArrayList<>();
        conditions.add("TRUE");
        if (filter.actor() != null) {
            conditions.add("LOWER(actor) = :actor");
        }
        if (filter.recordType() != null) {
            conditions.add("record_type = :recordType");
        }
        if (filter.action() != null) {
            conditions.add("action = :action");
        }
        if (filter.record() != null) {
            conditions.add("(LOWER(record_label) LIKE :record ESCAPE '!' OR CAST(record_id AS VARCHAR) = :recordId)");
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= :from");
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < :to");
        }
        return String.join(" AND ", conditions);
    }

    private void bind(Query query, AuditFilter filter) {
        ZoneId zone = clock.getZone();
        if (filter.actor() != null) {
            query.bind("actor", filter.actor().toLowerCase(Locale.ROOT));
        }
        if (filter.recordType() != null) {
            query.bind("recordType", filter.recordType());
        }
        if (filter.action() != null) {
            query.bind("action", filter.action().word());
        }
        if (filter.record() != null) {
            String text = filter.record().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            query.bind("record", "%" + text + "%");
            query.bind("recordId", filter.record());
        }
        if (filter.from() != null) {
            query.bind("from", OffsetDateTime.ofInstant(filter.from().atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            query.bind("to", OffsetDateTime.ofInstant(filter.to().plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
        }
    }
}
