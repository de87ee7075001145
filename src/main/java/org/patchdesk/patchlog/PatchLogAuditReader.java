package org.patchdesk.patchlog;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads patch log entries for the audit check, in the form their create entries record them. The
 * validation date is not compared: an entry without one takes it from its validation request. The
 * fixed CVEs are compared in sorted order.
 */
public final class PatchLogAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("update_applied", "version_before", "version_after", "performed_at",
            "performed_by", "outcome", "reason", "fixes_cves", "patch_window_id", "validation_request_id", "notes");
    private static final String CVE_SEPARATOR = "; ";

    @Override
    public String recordType() {
        return PatchLogService.ENTRY_RECORD;
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
        handle.createQuery("SELECT e.id, e.asset_tag, e.update_applied, e.version_before, e.version_after, e.performed_at,"
                        + " e.performed_by, e.outcome, e.reason, e.patch_window_id, e.validation_request_id, e.notes,"
                        + " (SELECT LISTAGG(c.cve_id, '; ') WITHIN GROUP (ORDER BY c.cve_id) FROM patch_log_cve c"
                        + " WHERE c.entry_id = e.id) AS fixes_cves"
                        + " FROM patch_log_entry e ORDER BY e.id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String field : FIELDS) {
                        values.put(field, rs.getString(field));
                    }
                    values.put("performed_at", rs.getObject("performed_at", OffsetDateTime.class).toInstant().toString());
                    return new CurrentRecord(rs.getLong("id"), rs.getString("asset_tag"), values);
                })
                .forEach(sink);
    }

    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        String cves = values.get("fixes_cves");
        if (cves == null) {
            return values;
        }
        Map<String, String> result = new LinkedHashMap<>(values);
        result.put("fixes_cves", Arrays.stream(cves.split(CVE_SEPARATOR)).sorted().collect(Collectors.joining(CVE_SEPARATOR)));
        return result;
    }
}
