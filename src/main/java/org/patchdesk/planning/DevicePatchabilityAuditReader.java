package org.patchdesk.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads the patchability set for single devices for the audit check; the record id is the
 * device's id. A device deleted through PatchDesk takes its own patchability with it, with an
 * entry for the device only.
 */
public final class DevicePatchabilityAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("patchability", "reason", "source");

    @Override
    public String recordType() {
        return PatchabilityService.DEVICE_RECORD;
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
    public boolean goneWithOwner(Handle handle, long recordId) {
        return handle.createQuery("SELECT COUNT(*) FROM device WHERE id = :id").bind("id", recordId).mapTo(Integer.class).one() == 0;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        handle.createQuery("SELECT p.device_id, d.asset_tag, p.patchability, p.reason, p.source FROM device_patchability p"
                        + " JOIN device d ON d.id = p.device_id ORDER BY p.device_id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String field : FIELDS) {
                        values.put(field, rs.getString(field));
                    }
                    return new CurrentRecord(rs.getLong("device_id"), rs.getString("asset_tag"), values);
                })
                .forEach(sink);
    }
}
