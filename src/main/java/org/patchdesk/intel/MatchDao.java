package org.patchdesk.intel;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Product and operating-system matches with their decisions. */
public interface MatchDao {

    /** A stored product match. */
    record ProductMatchRow(long id, String vendorKey, String productKey, String vendor, String product, long productId, String kind,
                           double score, String reason, String decision, String decidedBy, OffsetDateTime decidedAt) {
    }

    /** A stored operating-system match: an operating-system family and one operating system that devices run. */
    record OsMatchRow(long id, String family, String osKey, String osName, String decision, String decidedBy, OffsetDateTime decidedAt) {

        public OperatingSystems.Family familyValue() {
            return OperatingSystems.Family.valueOf(family);
        }
    }

    @SqlQuery("SELECT * FROM product_match")
    @RegisterConstructorMapper(ProductMatchRow.class)
    List<ProductMatchRow> listProductMatches();

    @SqlQuery("SELECT decision FROM product_match WHERE vendor_key = :vendorKey AND product_key = :productKey")
    List<String> decisionsFor(@Bind("vendorKey") String vendorKey, @Bind("productKey") String productKey);

    @SqlQuery("SELECT * FROM product_match WHERE id = :id")
    @RegisterConstructorMapper(ProductMatchRow.class)
    Optional<ProductMatchRow> findProductMatch(@Bind("id") long id);

    @SqlUpdate("INSERT INTO product_match (vendor_key, product_key, vendor, product, product_id, kind, score, reason, decision)"
            + " VALUES (:vendorKey, :productKey, :vendor, :product, :productId, :kind, :score, :reason, :decision)")
    void insertProductMatch(@Bind("vendorKey") String vendorKey, @Bind("productKey") String productKey, @Bind("vendor") String vendor,
                            @Bind("product") String product, @Bind("productId") long productId, @Bind("kind") String kind,
                            @Bind("score") double score, @Bind("reason") String reason, @Bind("decision") String decision);

    @SqlUpdate("UPDATE product_match SET kind = :kind, score = :score, reason = :reason, decision = :decision WHERE id = :id")
    void updateProductMatch(@Bind("id") long id, @Bind("kind") String kind, @Bind("score") double score, @Bind("reason") String reason,
                            @Bind("decision") String decision);

    @SqlUpdate("UPDATE product_match SET decision = :decision, decided_by = :by, decided_at = :at WHERE id = :id")
    int decideProductMatch(@Bind("id") long id, @Bind("decision") String decision, @Bind("by") String by,
                           @Bind("at") OffsetDateTime at);

    @SqlUpdate("DELETE FROM product_match WHERE id = :id")
    void deleteProductMatch(@Bind("id") long id);

    @SqlQuery("SELECT * FROM os_match")
    @RegisterConstructorMapper(OsMatchRow.class)
    List<OsMatchRow> listOsMatches();

    @SqlQuery("SELECT * FROM os_match WHERE id = :id")
    @RegisterConstructorMapper(OsMatchRow.class)
    Optional<OsMatchRow> findOsMatch(@Bind("id") long id);

    @SqlUpdate("INSERT INTO os_match (family, os_key, os_name, decision) VALUES (:family, :osKey, :osName, 'proposed')")
    void insertOsMatch(@Bind("family") String family, @Bind("osKey") String osKey, @Bind("osName") String osName);

    @SqlUpdate("UPDATE os_match SET decision = :decision, decided_by = :by, decided_at = :at WHERE id = :id")
    int decideOsMatch(@Bind("id") long id, @Bind("decision") String decision, @Bind("by") String by, @Bind("at") OffsetDateTime at);

    @SqlUpdate("DELETE FROM os_match WHERE id = :id")
    void deleteOsMatch(@Bind("id") long id);
}
