package org.patchdesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** An audit entry row exactly as stored, with its JSON values unparsed, for hashing and checking. */
record StoredEntry(long id, Instant occurredAt, String actor, String action, String recordType, Long recordId, String recordLabel,
                   Long batchId, String oldValues, String newValues, String summary, String previousHash, String entryHash) {

    static final String SELECT = "SELECT id, occurred_at, actor, action, record_type, record_id, record_label, batch_id,"
            + " old_values, new_values, summary, previous_hash, entry_hash FROM audit_entry";

    static StoredEntry read(ResultSet rs) throws SQLException {
        long recordId = rs.getLong("record_id");
        Long record = rs.wasNull() ? null : recordId;
        long batchId = rs.getLong("batch_id");
        Long batch = rs.wasNull() ? null : batchId;
        return new StoredEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("record_type"), record, rs.getString("record_label"), batch,
                rs.getString("old_values"), rs.getString("new_values"), rs.getString("summary"), rs.getString("previous_hash"),
                rs.getString("entry_hash"));
    }

    String computeHash(AuditHasher hasher, String previous) {
        return hasher.hash(previous, occurredAt, actor, action, recordType, recordId, recordLabel, batchId, oldValues, newValues,
                summary);
    }

    /** Returns the entry with its values parsed, as the rest of PatchDesk reads it. */
    AuditEntry toEntry() {
        return new AuditEntry(id, occurredAt, actor, AuditAction.fromWord(action), recordType, recordId, recordLabel, batchId,
                AuditValues.fromJson(oldValues), AuditValues.fromJson(newValues), summary);
    }
}
