package org.patchdesk.windows;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads department blackouts for the audit check. A blackout is never edited, only added and
 * removed; its create entry has the department as its label.
 */
public final class BlackoutAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("department", "starts_at", "ends_at", "weekly", "reason");

    @Override
    public String recordType() {
        return WindowRules.BLACKOUT_RECORD;
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
        handle.createQuery("SELECT id, department, starts_at, ends_at, weekly, reason FROM department_blackout ORDER BY id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("department", rs.getString("department"));
                    values.put("starts_at", rs.getObject("starts_at", OffsetDateTime.class).toInstant().toString());
                    values.put("ends_at", rs.getObject("ends_at", OffsetDateTime.class).toInstant().toString());
                    values.put("weekly", String.valueOf(rs.getBoolean("weekly")));
                    values.put("reason", rs.getString("reason"));
                    return new CurrentRecord(rs.getLong("id"), rs.getString("department"), values);
                })
                .forEach(sink);
    }

    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        if (entry.action() != AuditAction.CREATE || entry.recordLabel() == null) {
            return values;
        }
        Map<String, String> result = new LinkedHashMap<>(values);
        result.put("department", entry.recordLabel());
        return result;
    }
}
