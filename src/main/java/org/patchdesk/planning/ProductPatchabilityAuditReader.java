package org.patchdesk.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.KeyedRowsAuditReader;

/**
 * Reads product patchability for the audit check. A product has one row for all software versions
 * and one per version range, and the entries of all of them carry the product's id. The range is
 * only in the entry's label ("product, versions &lt;=3.0"). So each row's fields are compared under
 * keys that name the range, such as "patchability (versions &lt;=3.0)".
 */
public final class ProductPatchabilityAuditReader extends KeyedRowsAuditReader {

    private static final List<String> FIELDS = List.of("patchability", "reason", "source");
    private static final String RANGE_MARK = ", versions ";

    @Override
    public String recordType() {
        return PatchabilityService.PRODUCT_RECORD;
    }

    @Override
    public boolean goneWithOwner(Handle handle, long recordId) {
        return PlanningAudit.productIsGone(handle, recordId);
    }

    @Override
    protected String rowsQuery() {
        return "SELECT x.product_id, " + PlanningAudit.PRODUCT_NAME + " AS product, x.version_range, x.patchability, x.reason,"
                + " x.source FROM product_patchability x " + PlanningAudit.PRODUCT_JOIN + " ORDER BY x.product_id, x.version_key";
    }

    @Override
    protected KeyedRow row(ResultSet rs) throws SQLException {
        String range = rs.getString("version_range");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(key("patchability", range), rs.getString("patchability"));
        fields.put(key("reason", range), rs.getString("reason"));
        fields.put(key("source", range), rs.getString("source"));
        return new KeyedRow(rs.getLong("product_id"), rs.getString("product"), fields);
    }

    /**
     * Keys the recorded values by the range that the entry's label names.
     *
     * <p>NOTE: a label longer than the column's 300 characters is cut, which cuts the range too, so
     * such an entry's values would be compared under a range that no row has.
     */
    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        String label = entry.recordLabel() == null ? "" : entry.recordLabel();
        int mark = label.lastIndexOf(RANGE_MARK);
        String range = mark < 0 ? null : label.substring(mark + RANGE_MARK.length());
        Map<String, String> result = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (values.containsKey(field)) {
                result.put(key(field, range), values.get(field));
            }
        }
        return result;
    }

    private static String key(String field, String range) {
        return field + (range == null ? " (all versions)" : " (versions " + range + ")");
    }
}
