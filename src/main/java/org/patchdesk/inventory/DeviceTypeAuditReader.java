package org.patchdesk.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditedRecordReader;

/** Reads device types for the audit check: the name, the FDA product code and the defaults taken from it or set by hand. */
public final class DeviceTypeAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("name", "fda_product_code", "default_criticality", "default_mission_impact");

    @Override
    public String recordType() {
        return DeviceTypeService.RECORD_TYPE;
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
        handle.createQuery("SELECT id, " + String.join(", ", FIELDS) + " FROM device_type ORDER BY id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new HashMap<>();
                    for (String field : FIELDS) {
                        values.put(field, rs.getString(field));
                    }
                    return new CurrentRecord(rs.getLong("id"), rs.getString("name"), values);
                })
                .forEach(sink);
    }
}
