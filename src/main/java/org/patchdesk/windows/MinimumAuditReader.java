package org.patchdesk.windows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads departments' minimums in service for the audit check. The entries of a device type's
 * minimums in every department carry the device type's id, and the department is only in the
 * entry's label ("ICU: Infusion Pump"). So each minimum is compared under a key that names the
 * department, in the lower-case form that identifies a department. A device type deleted through
 * PatchDesk takes its minimums with it, with an entry for the device type only.
 */
public final class MinimumAuditReader implements AuditedRecordReader {

    private static final String FIELD = "minimum";

    @Override
    public String recordType() {
        return WindowRules.MINIMUM_RECORD;
    }

    /** Returns no fields: the keys depend on the departments, and every key {@link #recordedValues} gives is compared. */
    @Override
    public List<String> fields() {
        return List.of();
    }

    @Override
    public boolean compares(String field) {
        return true;
    }

    @Override
    public boolean rowsShareRecordId() {
        return true;
    }

    @Override
    public boolean createsAreAudited() {
        return true;
    }

    @Override
    public boolean goneWithOwner(Handle handle, long recordId) {
        return handle.createQuery("SELECT COUNT(*) FROM device_type WHERE id = :id").bind("id", recordId).mapTo(Integer.class).one() == 0;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        Row[] previous = {null};
        Map<String, String> values = new LinkedHashMap<>();
        handle.createQuery("SELECT m.device_type_id, t.name, m.department_key, m.minimum FROM department_minimum m"
                        + " JOIN device_type t ON t.id = m.device_type_id ORDER BY m.device_type_id, m.department_key")
                .map((rs, ctx) -> new Row(rs.getLong("device_type_id"), rs.getString("name"), rs.getString("department_key"),
                        rs.getString("minimum")))
                .forEach(row -> {
                    if (previous[0] != null && row.typeId() != previous[0].typeId()) {
                        sink.accept(new CurrentRecord(previous[0].typeId(), previous[0].typeName(), new LinkedHashMap<>(values)));
                        values.clear();
                    }
                    previous[0] = row;
                    values.put(key(row.departmentKey()), row.minimum());
                });
        if (previous[0] != null) {
            sink.accept(new CurrentRecord(previous[0].typeId(), previous[0].typeName(), values));
        }
    }

    private record Row(long typeId, String typeName, String departmentKey, String minimum) {
    }

    /**
     * Keys the recorded minimum by the department that starts the entry's label, up to its first
     * ": ". NOTE: a department name that itself contains ": " is cut there, so its minimum would be
     * compared under another key than its row's.
     */
    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        String label = entry.recordLabel();
        if (label == null || !values.containsKey(FIELD)) {
            return Map.of();
        }
        int colon = label.indexOf(": ");
        String department = colon < 0 ? label : label.substring(0, colon);
        Map<String, String> result = new LinkedHashMap<>();
        result.put(key(Departments.key(department)), values.get(FIELD));
        return result;
    }

    private static String key(String departmentKey) {
        return "minimum in " + departmentKey;
    }
}
