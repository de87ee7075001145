package org.patchdesk.inventory;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads manufacturers' names for the audit check. The manufacturers that the first migration seeds
 * with their aliases have no create entry, so a manufacturer without entries is not reported.
 */
public final class ManufacturerAuditReader implements AuditedRecordReader {

    @Override
    public String recordType() {
        return ManufacturerService.RECORD_TYPE;
    }

    @Override
    public List<String> fields() {
        return List.of("name");
    }

    @Override
    public boolean createsAreAudited() {
        return false;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        handle.createQuery("SELECT id, name FROM manufacturer ORDER BY id")
                .map((rs, ctx) -> new CurrentRecord(rs.getLong("id"), rs.getString("name"), Map.of("name", rs.getString("name"))))
                .forEach(sink);
    }
}
