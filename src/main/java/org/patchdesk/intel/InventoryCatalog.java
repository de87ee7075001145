package org.patchdesk.intel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.patchdesk.inventory.ManufacturerDao;

/** The manufacturers, aliases and products of the inventory, loaded once to match many source names. */
final class InventoryCatalog {

    private final ProductMatcher matcher;

    private InventoryCatalog(ProductMatcher matcher) {
        this.matcher = matcher;
    }

    static InventoryCatalog load(Handle handle) {
        Map<String, Long> aliases = handle.attach(ManufacturerDao.class).aliasKeyToId();
        Map<Long, String> nameKeys = new HashMap<>();
        handle.createQuery("SELECT id, name_key FROM manufacturer")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(entry -> nameKeys.put(entry.getKey(), entry.getValue()));
        Map<Long, List<ProductMatcher.InventoryProduct>> products = new HashMap<>();
        handle.createQuery("SELECT id, manufacturer_id, model, model_key FROM product")
                .map((rs, ctx) -> new ProductMatcher.InventoryProduct(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .forEach(product -> products.computeIfAbsent(product.manufacturerId(), key -> new ArrayList<>()).add(product));
        return new InventoryCatalog(new ProductMatcher(aliases, nameKeys, products));
    }

    ProductMatcher matcher() {
        return matcher;
    }
}
