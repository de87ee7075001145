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
 * Reads products' security facts for the audit check. A product has one row per kind of fact, and
 * the entries of all of them carry the product's id. The kind is only in the entry's label
 * ("product: SBOM"), so each fact's fields are compared under keys that name the kind, such as
 * "SBOM: fact_value".
 */
public final class ProductFactAuditReader extends KeyedRowsAuditReader {

    private static final List<String> FIELDS = List.of("fact_value", "detail", "question_ids", "source_ref");

    @Override
    public String recordType() {
        return ProductFactService.RECORD_TYPE;
    }

    @Override
    public boolean goneWithOwner(Handle handle, long recordId) {
        return PlanningAudit.productIsGone(handle, recordId);
    }

    @Override
    protected String rowsQuery() {
        return "SELECT x.product_id, " + PlanningAudit.PRODUCT_NAME + " AS product, x.fact, x.fact_value, x.detail, x.question_ids,"
                + " x.source_ref FROM product_security_fact x " + PlanningAudit.PRODUCT_JOIN + " ORDER BY x.product_id, x.fact";
    }

    @Override
    protected KeyedRow row(ResultSet rs) throws SQLException {
        Map<String, String> fields = new LinkedHashMap<>();
        String kind = ProductFact.Kind.fromWord(rs.getString("fact")).label();
        for (String field : FIELDS) {
            fields.put(key(kind, field), rs.getString(field));
        }
        return new KeyedRow(rs.getLong("product_id"), rs.getString("product"), fields);
    }

    /**
     * Keys the recorded values by the kind that ends the entry's label.
     *
     * <p>NOTE: a label longer than the column's 300 characters is cut and names no kind, so its
     * values are left out and an earlier value of that fact would be reported as drift. That needs
     * a manufacturer and model name of about 270 characters together.
     */
    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        String label = entry.recordLabel() == null ? "" : entry.recordLabel();
        Map<String, String> result = new LinkedHashMap<>();
        for (ProductFact.Kind kind : ProductFact.Kind.values()) {
            if (label.endsWith(": " + kind.label())) {
                for (String field : FIELDS) {
                    if (values.containsKey(field)) {
                        result.put(key(kind.label(), field), values.get(field));
                    }
                }
                return result;
            }
        }
        return result;
    }

    private static String key(String kind, String field) {
        return kind + ": " + field;
    }
}
