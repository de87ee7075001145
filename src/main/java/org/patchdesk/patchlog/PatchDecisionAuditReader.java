package org.patchdesk.patchlog;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditedRecordReader;
import org.patchdesk.audit.StoredInstants;

/**
 * Reads patch decisions for the audit check, in the form their create entries record them. A
 * signed decision's entry also records the id of its electronic signature, which a typed decision
 * leaves out.
 */
public final class PatchDecisionAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("update_name", "decision", "approver_name", "approver_role", "rationale",
            "decided_at", "signature_id");

    @Override
    public String recordType() {
        return PatchLogService.DECISION_RECORD;
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
        handle.createQuery("SELECT id, COALESCE(asset_tag, product_name) AS label, update_name, decision, approver_name, approver_role,"
                        + " rationale, decided_at, signature_id FROM patch_decision ORDER BY id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String field : FIELDS) {
                        values.put(field, rs.getString(field));
                    }
                    values.put("decided_at", rs.getObject("decided_at", OffsetDateTime.class).toInstant().toString());
                    return new CurrentRecord(rs.getLong("id"), rs.getString("label"), values);
                })
                .forEach(sink);
    }

    /** Brings the decision time, recorded to the nanosecond, to the microseconds the database keeps. */
    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        if (!values.containsKey("decided_at")) {
            return values;
        }
        Map<String, String> result = new LinkedHashMap<>(values);
        result.put("decided_at", StoredInstants.asStored(values.get("decided_at")));
        return result;
    }
}
