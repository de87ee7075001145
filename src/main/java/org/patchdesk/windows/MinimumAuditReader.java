package org.patchdesk.windows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.KeyedRowsAuditReader;

/**
 * Reads departments' minimums in service for the audit check. The entries of a device type's
 * minimums in every department carry the device type's id, and the department is only in the
 * entry's label ("ICU: Infusion Pump"). So each minimum is compared under a key that names the
 * department, in the lower-case form that identifies a department. A device type deleted through
 * PatchDesk takes its minimums with it, with an entry for the device type only.
 */
public final class MinimumAuditReader extends KeyedRowsAuditReader {

    private static final String FIELD = "minimum";

    @Override
    public String recordType() {
        return WindowRules.MINIMUM_RECORD;
    }

    @Override
    public boolean goneWithOwner(Handle handle, long recordId) {
        return handle.createQuery("SELECT COUNT(*) FROM device_type WHERE id = :id").bind("id", recordId).mapTo(Integer.class).one() == 0;
    }

    @Override
    protected String rowsQuery() {
        return "SELECT m.device_type_id, t.name, m.department_key, m.minimum FROM department_minimum m"
                + " JOIN device_type t ON t.id = m.device_type_id ORDER BY m.device_type_id, m.department_key";
    }

    @Override
    protected KeyedRow row(ResultSet rs) throws SQLException {
        return new KeyedRow(rs.getLong("device_type_id"), rs.getString("name"), Map.of(key(rs.getString("department_key")),
                rs.getString("minimum")));
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
