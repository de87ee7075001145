package org.patchdesk.planning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads products' end-of-support dates for the audit check; the record id is the product's id. A
 * manufacturer merge that joins two products of the same model deletes one of them with its dates,
 * with an entry for the manufacturer only.
 */
public final class ProductSupportAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("end_of_support", "end_of_sale", "source");

    @Override
    public String recordType() {
        return ProductSupportService.RECORD_TYPE;
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
        return PlanningAudit.productIsGone(handle, recordId);
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        handle.createQuery("SELECT x.product_id, " + PlanningAudit.PRODUCT_NAME + " AS product, x.end_of_support, x.end_of_sale,"
                        + " x.source FROM product_support x " + PlanningAudit.PRODUCT_JOIN + " ORDER BY x.product_id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("end_of_support", rs.getObject("end_of_support", LocalDate.class).toString());
                    LocalDate sale = rs.getObject("end_of_sale", LocalDate.class);
                    values.put("end_of_sale", sale == null ? null : sale.toString());
                    values.put("source", rs.getString("source"));
                    return new CurrentRecord(rs.getLong("product_id"), rs.getString("product"), values);
                })
                .forEach(sink);
    }
}
