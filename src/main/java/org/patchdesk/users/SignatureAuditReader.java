package org.patchdesk.users;

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
 * Reads electronic signatures for the audit check. A signature is never changed or deleted, so each
 * is compared with its create entry: the signed record, the meaning, the signer's printed name and
 * roles, the time and the comment. The entry records the signer's user name as its user.
 */
public final class SignatureAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("record_type", "record_id", "user_name", "printed_name", "signer_roles",
            "meaning", "signed_at", "comment");

    @Override
    public String recordType() {
        return SignatureService.RECORD_TYPE;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public String fieldLabel(String field) {
        return "user_name".equals(field) ? "signer" : AuditedRecordReader.super.fieldLabel(field);
    }

    @Override
    public boolean createsAreAudited() {
        return true;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        handle.createQuery("SELECT id, record_type, record_id, user_name, printed_name, signer_roles, meaning, signed_at, comment"
                        + " FROM electronic_signature ORDER BY id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String field : FIELDS) {
                        values.put(field, rs.getString(field));
                    }
                    values.put("signed_at", rs.getObject("signed_at", OffsetDateTime.class).toInstant().toString());
                    return new CurrentRecord(rs.getLong("id"), rs.getString("record_type") + " " + rs.getLong("record_id"), values);
                })
                .forEach(sink);
    }

    /** Adds the signer from the entry's user, and brings the signing time to the precision the database stores. */
    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        if (values.isEmpty()) {
            return values;
        }
        Map<String, String> result = new LinkedHashMap<>(values);
        result.putIfAbsent("user_name", entry.actor());
        result.computeIfPresent("signed_at", (field, value) -> StoredInstants.asStored(value));
        return result;
    }
}
