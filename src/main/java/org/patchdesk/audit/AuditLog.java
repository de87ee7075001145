package org.patchdesk.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;

/**
 * Appends entries to the audit trail inside the caller's transaction, so that a change and its
 * entry are committed or rolled back together. Each entry is linked to the {@link AuditChain}.
 * Before appending, the log runs its {@link ActorCheck} on each entry's actor; a check that throws
 * rolls the whole change back.
 */
public final class AuditLog {

    /** Decides whether an actor may change records; it throws to refuse, inside the caller's transaction. */
    @FunctionalInterface
    public interface ActorCheck {
        ActorCheck ANYONE = (handle, actor) -> { };

        void check(Handle handle, String actor);
    }

    private static final int BATCH_SIZE = 1000;
    /** The lengths of the summary and label columns; longer texts are cut, and the full values stay in the old and new values. */
    static final int SUMMARY_LENGTH = 1000;
    static final int LABEL_LENGTH = 300;

    private final AuditChain chain;
    private final ActorCheck actorCheck;

    /** Creates an audit log that lets every actor write. */
    public AuditLog(AuditChain chain) {
        this(chain, ActorCheck.ANYONE);
    }

    public AuditLog(AuditChain chain, ActorCheck actorCheck) {
        this.chain = chain;
        this.actorCheck = actorCheck;
    }

    public AuditChain chain() {
        return chain;
    }

    public long append(Handle handle, AuditEntry entry) {
        actorCheck.check(handle, entry.actor());
        AuditDao dao = handle.attach(AuditDao.class);
        List<Map<String, Object>> rows = new ArrayList<>(1);
        rows.add(toRow(entry));
        return chain.append(handle, rows, linked -> dao.insert(linked.get(0)));
    }

    public void appendAll(Handle handle, List<AuditEntry> entries) {
        entries.stream().map(AuditEntry::actor).distinct().forEach(actor -> actorCheck.check(handle, actor));
        AuditDao dao = handle.attach(AuditDao.class);
        List<Map<String, Object>> rows = new ArrayList<>(Math.min(entries.size(), BATCH_SIZE));
        for (AuditEntry entry : entries) {
            rows.add(toRow(entry));
            if (rows.size() == BATCH_SIZE) {
                insertAll(handle, dao, rows);
                rows = new ArrayList<>(BATCH_SIZE);
            }
        }
        if (!rows.isEmpty()) {
            insertAll(handle, dao, rows);
        }
    }

    private void insertAll(Handle handle, AuditDao dao, List<Map<String, Object>> rows) {
        chain.append(handle, rows, linked -> {
            dao.insertAll(linked);
            return null;
        });
    }

    private static Map<String, Object> toRow(AuditEntry entry) {
        Map<String, Object> row = new HashMap<>();
        // The column keeps microseconds; cutting the time here makes the hashed value the stored one.
        row.put("occurred_at", OffsetDateTime.ofInstant(entry.occurredAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        row.put("actor", entry.actor());
        row.put("action", entry.action().word());
        row.put("record_type", entry.recordType());
        row.put("record_id", entry.recordId());
        row.put("record_label", shortened(entry.recordLabel(), LABEL_LENGTH));
        row.put("batch_id", entry.batchId());
        row.put("old_values", AuditValues.toJson(entry.oldValues()));
        row.put("new_values", AuditValues.toJson(entry.newValues()));
        row.put("summary", shortened(entry.summary(), SUMMARY_LENGTH));
        return row;
    }

    private static String shortened(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
    }
}
