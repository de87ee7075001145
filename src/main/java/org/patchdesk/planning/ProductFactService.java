package org.patchdesk.planning;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
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
 * Stores the security facts of products that users accepted from MDS2 forms. These are facts, not
 * compensating-control records: the MDS2 controls note is kept as the manufacturer wrote it.
 */
public final class ProductFactService {

    public static final String RECORD_TYPE = "product_security_fact";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final Clock clock;

    public ProductFactService(Jdbi jdbi, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A product's facts by kind. A kind without a fact is unknown. */
    public record ProductSecurity(long productId, Map<ProductFact.Kind, ProductFact> facts) {

        public ProductSecurity {
            facts = Map.copyOf(facts);
        }

        public Optional<ProductFact> fact(ProductFact.Kind kind) {
            return Optional.ofNullable(facts.get(kind));
        }

        /** Describes every kind in one line each, with "unknown" for a kind without a fact. */
        public List<String> describe() {
            return java.util.Arrays.stream(ProductFact.Kind.values())
                    .map(kind -> fact(kind).map(ProductFact::describe).orElse(kind.label() + ": unknown"))
                    .toList();
        }
    }

    /** Returns the facts recorded for a product. */
    public ProductSecurity securityOf(long productId) {
        return jdbi.withHandle(handle -> {
            Map<ProductFact.Kind, ProductFact> facts = new EnumMap<>(ProductFact.Kind.class);
            handle.createQuery("SELECT product_id, fact, fact_value, detail, question_ids, mds2_form_id, source_ref, set_by, set_at"
                            + " FROM product_security_fact WHERE product_id = :product")
                    .bind("product", productId)
                    .map((rs, ctx) -> new ProductFact(rs.getLong(1), ProductFact.Kind.fromWord(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), (Long) rs.getObject(6), rs.getString(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class)))
                    .forEach(fact -> facts.put(fact.kind(), fact));
            return new ProductSecurity(productId, facts);
        });
    }

    /**
     * Records a fact for a product inside the caller's transaction, replacing the product's earlier
     * value of the same kind, and appends the change to the audit trail.
     *
     * @throws IllegalArgumentException when the value is blank
     */
    void record(Handle handle, long productId, ProductFact.Kind kind, String value, String detail, String questionIds, Long formId,
                String sourceRef, Actor actor) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A value is required for " + kind.label());
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, Object> old = handle.createQuery("SELECT fact_value, detail, question_ids, source_ref FROM product_security_fact"
                        + " WHERE product_id = :product AND fact = :fact")
                .bind("product", productId).bind("fact", kind.word()).mapToMap().findOne().orElse(Map.of());
        handle.createUpdate("MERGE INTO product_security_fact (product_id, fact, fact_value, detail, question_ids, mds2_form_id,"
                        + " source_ref, set_by, set_at) KEY (product_id, fact) VALUES (:product, :fact, :value, :detail, :ids, :form,"
                        + " :ref, :by, :at)")
                .bind("product", productId).bind("fact", kind.word()).bind("value", value.strip()).bind("detail", detail)
                .bind("ids", questionIds).bind("form", formId).bind("ref", sourceRef).bind("by", actor.name()).bind("at", now)
                .execute();
        Map<String, String> before = new HashMap<>();
        old.forEach((key, column) -> before.put(key, String.valueOf(column)));
        auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), old.isEmpty() ? AuditAction.CREATE
                : AuditAction.UPDATE, RECORD_TYPE, productId, PatchabilityService.productLabel(handle, productId) + ": " + kind.label(),
                null, before, Map.of("fact_value", value.strip(), "detail", detail, "question_ids", questionIds, "source_ref", sourceRef),
                kind.label() + ": " + Mds2Service.shorten(value.strip())));
    }
}
