package org.patchdesk.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;

/**
 * The editable table of product end-of-support dates, and the devices whose product is past its
 * end of support or reaches it within 12 months.
 */
public final class ProductSupportService {

    public static final String RECORD_TYPE = "product_support";

    private static final String SELECT = "SELECT s.product_id, m.name, p.model, s.end_of_support, s.end_of_sale, s.source"
            + " FROM product_support s JOIN product p ON p.id = s.product_id JOIN manufacturer m ON m.id = p.manufacturer_id";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final Clock clock;

    public ProductSupportService(Jdbi jdbi, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A device whose product is past or near its end of support. */
    public record DeviceSupport(long deviceId, String assetTag, ProductSupport support, OsSupport.State state) {
    }

    /** Lists the products with an end-of-support date, by manufacturer and model. */
    public List<ProductSupport> list() {
        return jdbi.withHandle(ProductSupportService::load);
    }

    public Optional<ProductSupport> find(long productId) {
        return list().stream().filter(entry -> entry.productId() == productId).findFirst();
    }

    /**
     * Returns the in-service devices whose product is past its end of support or reaches it within
     * 12 months, the unsupported ones first.
     */
    public List<DeviceSupport> devicesNeedingAttention() {
        LocalDate today = LocalDate.now(clock);
        return jdbi.withHandle(handle -> {
            Map<Long, ProductSupport> byProduct = byProduct(handle);
            return handle.createQuery("SELECT id, asset_tag, product_id FROM device WHERE status <> 'RETIRED' AND product_id IS NOT NULL"
                            + " ORDER BY asset_tag_key")
                    .map((rs, ctx) -> {
                        ProductSupport support = byProduct.get(rs.getLong(3));
                        return support == null ? null : new DeviceSupport(rs.getLong(1), rs.getString(2), support, support.stateOn(today));
                    })
                    .stream()
                    .filter(device -> device != null && device.state() != OsSupport.State.SUPPORTED)
                    .sorted(Comparator.comparing(DeviceSupport::state))
                    .toList();
        });
    }

    /**
     * Adds or changes the end of support of a product.
     *
     * @throws IllegalArgumentException when the date or the source is missing, the end of sale is
     *                                  after the end of support, or the product is not found
     */
    public ProductSupport save(long productId, LocalDate endOfSupport, LocalDate endOfSale, String source, Actor actor) {
        if (endOfSupport == null) {
            throw new IllegalArgumentException("An end-of-support date is required");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("A source is required for the end-of-support date, such as the manufacturer's letter"
                    + " and its date");
        }
        if (endOfSale != null && endOfSale.isAfter(endOfSupport)) {
            throw new IllegalArgumentException("End of sale " + endOfSale + " is after the end of support " + endOfSupport
                    + "; a manufacturer stops selling a product before it stops supporting it");
        }
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            String product = PatchabilityService.productLabel(handle, productId);
            Optional<ProductSupport> old = Optional.ofNullable(byProduct(handle).get(productId));
            handle.createUpdate("MERGE INTO product_support (product_id, end_of_support, end_of_sale, source, changed_by, changed_at)"
                            + " KEY (product_id) VALUES (:product, :end, :sale, :source, :by, :at)")
                    .bind("product", productId).bind("end", endOfSupport).bind("sale", endOfSale).bind("source", source.strip())
                    .bind("by", actor.name()).bind("at", now).execute();
            ProductSupport saved = byProduct(handle).get(productId);
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), old.isPresent() ? AuditAction.UPDATE
                    : AuditAction.CREATE, RECORD_TYPE, productId, product, null, old.map(ProductSupportService::values).orElse(Map.of()),
                    values(saved), "End of support of " + product + ": " + endOfSupport));
            return saved;
        });
    }

    /** Removes a product's end-of-support date; does nothing when it has none. */
    public void remove(long productId, Actor actor) {
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            ProductSupport old = byProduct(handle).get(productId);
            if (old == null) {
                return;
            }
            handle.createUpdate("DELETE FROM product_support WHERE product_id = :product").bind("product", productId).execute();
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.DELETE, RECORD_TYPE, productId,
                    old.label(), null, values(old), Map.of(), "End of support of " + old.label() + " removed"));
        });
    }

    static List<ProductSupport> load(Handle handle) {
        return handle.createQuery(SELECT + " ORDER BY LOWER(m.name), LOWER(p.model)")
                .map((rs, ctx) -> new ProductSupport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list();
    }

    static Map<Long, ProductSupport> byProduct(Handle handle) {
        Map<Long, ProductSupport> byProduct = new HashMap<>();
        load(handle).forEach(entry -> byProduct.put(entry.productId(), entry));
        return byProduct;
    }

    private static Map<String, String> values(ProductSupport entry) {
        Map<String, String> values = new HashMap<>();
        values.put("end_of_support", entry.endOfSupport().toString());
        if (entry.endOfSale() != null) {
            values.put("end_of_sale", entry.endOfSale().toString());
        }
        values.put("source", entry.source());
        return values;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
