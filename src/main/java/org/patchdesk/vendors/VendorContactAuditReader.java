package org.patchdesk.vendors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads vendor contacts for the audit check: the fields a contact form edits. The manufacturer is
 * not compared, because a manufacturer merge moves its contacts without an entry of their own.
 */
public final class VendorContactAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("name", "role", "email", "phone", "portal_url", "support_contract");

    @Override
    public String recordType() {
        return VendorContactService.RECORD_TYPE;
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
        handle.createQuery("SELECT id, name, role, email, phone, portal_url, support_contract FROM vendor_contact ORDER BY id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String field : FIELDS) {
                        values.put(field, rs.getString(field));
                    }
                    return new CurrentRecord(rs.getLong("id"), rs.getString("name"), values);
                })
                .forEach(sink);
    }
}
