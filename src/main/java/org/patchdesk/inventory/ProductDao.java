package org.patchdesk.inventory;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface ProductDao {

    @SqlQuery("SELECT id FROM product WHERE manufacturer_id = :manufacturerId AND model_key = :modelKey")
    Optional<Long> findId(@Bind("manufacturerId") long manufacturerId, @Bind("modelKey") String modelKey);

    @SqlUpdate("INSERT INTO product (manufacturer_id, model, model_key) VALUES (:manufacturerId, :model, :modelKey)")
    @GetGeneratedKeys("id")
    long insert(@Bind("manufacturerId") long manufacturerId, @Bind("model") String model, @Bind("modelKey") String modelKey);

    /** A product's id and the comparison key of its model. */
    record ProductKey(long id, String modelKey) {
    }

    @SqlQuery("SELECT id, model_key FROM product WHERE manufacturer_id = :manufacturerId")
    @RegisterConstructorMapper(ProductKey.class)
    List<ProductKey> listForManufacturer(@Bind("manufacturerId") long manufacturerId);

    @SqlUpdate("UPDATE product SET manufacturer_id = :into WHERE id = :id")
    int moveProduct(@Bind("id") long id, @Bind("into") long into);

    @SqlUpdate("UPDATE device SET product_id = :into WHERE product_id = :from")
    int moveDevices(@Bind("from") long from, @Bind("into") long into);

    /** Moves the validation requests of a product that a merge replaces with another. */
    @SqlUpdate("UPDATE validation_request SET product_id = :into WHERE product_id = :from")
    int moveValidationRequests(@Bind("from") long from, @Bind("into") long into);

    /**
     * Moves the recovery protocol of a product that a merge replaces to the product kept, when the
     * kept product has none. Otherwise the replaced product's protocol is deleted with it.
     */
    @SqlUpdate("UPDATE recovery_protocol SET product_id = :into WHERE product_id = :from"
            + " AND NOT EXISTS (SELECT 1 FROM recovery_protocol WHERE product_id = :into)")
    int moveRecoveryProtocol(@Bind("from") long from, @Bind("into") long into);

    @SqlUpdate("DELETE FROM product WHERE id = :id")
    int delete(@Bind("id") long id);
}
