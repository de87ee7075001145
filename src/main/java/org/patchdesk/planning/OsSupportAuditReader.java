package org.patchdesk.planning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads operating-system end-of-support dates for the audit check. The migration ships dates
 * without create entries. Each entry's label is the name as saved, so the name is compared too.
 */
public final class OsSupportAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("os_name", "end_of_support", "paid_support_until", "source");

    @Override
    public String recordType() {
        return OsSupportService.RECORD_TYPE;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public boolean createsAreAudited() {
        return false;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        handle.createQuery("SELECT id, os_name, end_of_support, paid_support_until, source FROM os_support ORDER BY id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("os_name", rs.getString("os_name"));
                    values.put("end_of_support", rs.getObject("end_of_support", LocalDate.class).toString());
                    LocalDate paid = rs.getObject("paid_support_until", LocalDate.class);
                    values.put("paid_support_until", paid == null ? null : paid.toString());
                    values.put("source", rs.getString("source"));
                    return new CurrentRecord(rs.getLong("id"), rs.getString("os_name"), values);
                })
                .forEach(sink);
    }

    /** Adds the name in the entry's label to the values it recorded. */
    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        if (values.isEmpty() || entry.recordLabel() == null) {
            return values;
        }
        Map<String, String> result = new LinkedHashMap<>(values);
        result.put("os_name", entry.recordLabel());
        return result;
    }
}
