package org.patchdesk.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads product patchability for the audit check. A product has one row for all software versions
 * and one per version range, and the entries of all of them carry the product's id. The range is
 * only in the entry's label ("product, versions &lt;=3.0"). So each row's fields are compared under
 * keys that name the range, such as "patchability (versions &lt;=3.0)".
 */
public final class ProductPatchabilityAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("patchability", "reason", "source");
    private static final String RANGE_MARK = ", versions ";

    @Override
    public String recordType() {
        return PatchabilityService.PRODUCT_RECORD;
    }

    /** Returns no fields: the keys depend on the ranges, and every key {@link #recordedValues} gives is compared. */
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
        return PlanningAudit.productIsGone(handle, recordId);
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        Row[] previous = {null};
        Map<String, String> values = new LinkedHashMap<>();
        handle.createQuery("SELECT x.product_id, " + PlanningAudit.PRODUCT_NAME + " AS product, x.version_range, x.patchability,"
                        + " x.reason, x.source FROM product_patchability x " + PlanningAudit.PRODUCT_JOIN
                        + " ORDER BY x.product_id, x.version_key")
                .map((rs, ctx) -> new Row(rs.getLong("product_id"), rs.getString("product"), rs.getString("version_range"),
                        rs.getString("patchability"), rs.getString("reason"), rs.getString("source")))
                .forEach(row -> {
                    if (previous[0] != null && row.productId() != previous[0].productId()) {
                        sink.accept(new CurrentRecord(previous[0].productId(), previous[0].product(), new LinkedHashMap<>(values)));
                        values.clear();
                    }
                    previous[0] = row;
                    values.put(key("patchability", row.range()), row.patchability());
                    values.put(key("reason", row.range()), row.reason());
                    values.put(key("source", row.range()), row.source());
                });
        if (previous[0] != null) {
            sink.accept(new CurrentRecord(previous[0].productId(), previous[0].product(), values));
        }
    }

    private record Row(long productId, String product, String range, String patchability, String reason, String source) {
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
