package org.patchdesk.vendors;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditRowMapper;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads the document paths kept with validation requests for the audit check. A request deleted
 * through PatchDesk takes its documents with it, with one entry for the request only.
 */
public final class ValidationDocumentAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("request_id", "path");

    @Override
    public String recordType() {
        return ValidationRequestService.DOCUMENT_RECORD_TYPE;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public boolean createsAreAudited() {
        return true;
    }

    /** Returns whether the request that the document's create entry names no longer exists. */
    @Override
    public boolean goneWithOwner(Handle handle, long recordId) {
        List<String> requestIds = handle.createQuery("SELECT * FROM audit_entry WHERE record_type = :type AND record_id = :id"
                        + " AND action = 'create' ORDER BY id")
                .bind("type", recordType()).bind("id", recordId)
                .map(new AuditRowMapper())
                .map(entry -> entry.newValues().get("request_id"))
                .list();
        if (requestIds.isEmpty() || requestIds.get(0) == null) {
            return false;
        }
        return handle.createQuery("SELECT COUNT(*) FROM validation_request WHERE id = :id").bind("id", Long.parseLong(requestIds.get(0)))
                .mapTo(Integer.class).one() == 0;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        handle.createQuery("SELECT id, request_id, path FROM validation_document ORDER BY id")
                .map((rs, ctx) -> new CurrentRecord(rs.getLong("id"), rs.getString("path"),
                        Map.of("request_id", rs.getString("request_id"), "path", rs.getString("path"))))
                .forEach(sink);
    }
}
