package org.patchdesk.planning;

import org.jdbi.v3.core.Handle;

/** Checks that the audit readers of per-product planning records share. */
final class PlanningAudit {

    /** The name of the product of a row aliased {@code x}, as "manufacturer model", given {@link #PRODUCT_JOIN}. */
    static final String PRODUCT_NAME = "m.name || ' ' || p.model";
    static final String PRODUCT_JOIN = "JOIN product p ON p.id = x.product_id JOIN manufacturer m ON m.id = p.manufacturer_id";

    private PlanningAudit() {
    }

    /**
     * Returns whether a product no longer exists. A manufacturer merge deletes a product when the
     * kept manufacturer has one of the same model, and its planning records go with it.
     */
    static boolean productIsGone(Handle handle, long productId) {
        return handle.createQuery("SELECT COUNT(*) FROM product WHERE id = :id").bind("id", productId).mapTo(Integer.class).one() == 0;
    }
}
