package org.patchdesk.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change in the audit trail. {@code oldValues} and {@code newValues} map field keys to the
 * stored form of each value; a create has no old values and a delete no new ones. {@code batchId}
 * links the entry to the import that made it, or is null.
 */
public record AuditEntry(Long id, Instant occurredAt, String actor, AuditAction action, String recordType, Long recordId,
                         String recordLabel, Long batchId, Map<String, String> oldValues, Map<String, String> newValues,
                         String summary) {

    public AuditEntry {
        oldValues = oldValues == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(oldValues));
        newValues = newValues == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(newValues));
    }
}
