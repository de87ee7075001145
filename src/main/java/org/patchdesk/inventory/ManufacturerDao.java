package org.patchdesk.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface ManufacturerDao {

    @SqlQuery("SELECT manufacturer_id FROM manufacturer_alias WHERE alias_key = :aliasKey")
    Optional<Long> findIdByAliasKey(@Bind("aliasKey") String aliasKey);

    @SqlQuery("SELECT name FROM manufacturer WHERE id = :id")
    Optional<String> findName(@Bind("id") long id);

    @SqlQuery("SELECT alias_key, manufacturer_id FROM manufacturer_alias")
    @KeyColumn("alias_key")
    @ValueColumn("manufacturer_id")
    Map<String, Long> aliasKeyToId();

    @SqlUpdate("INSERT INTO manufacturer (name, name_key) VALUES (:name, :nameKey)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("nameKey") String nameKey);

    @SqlUpdate("INSERT INTO manufacturer_alias (alias_key, alias, manufacturer_id) VALUES (:aliasKey, :alias, :manufacturerId)")
    void insertAlias(@Bind("aliasKey") String aliasKey, @Bind("alias") String alias, @Bind("manufacturerId") long manufacturerId);

    @SqlUpdate("DELETE FROM manufacturer_alias WHERE alias_key = :aliasKey")
    int deleteAlias(@Bind("aliasKey") String aliasKey);

    @SqlQuery("SELECT alias FROM manufacturer_alias WHERE manufacturer_id = :id ORDER BY LOWER(alias)")
    List<String> listAliases(@Bind("id") long id);

    /** A manufacturer with its number of devices. */
    record NameAndCount(long id, String name, long deviceCount) {
    }

    @SqlQuery("SELECT m.id, m.name, (SELECT COUNT(*) FROM device d WHERE d.manufacturer_id = m.id) AS device_count"
            + " FROM manufacturer m ORDER BY LOWER(m.name)")
    @RegisterConstructorMapper(NameAndCount.class)
    List<NameAndCount> listWithCounts();

    @SqlUpdate("UPDATE manufacturer SET name = :name, name_key = :nameKey WHERE id = :id")
    int rename(@Bind("id") long id, @Bind("name") String name, @Bind("nameKey") String nameKey);

    @SqlUpdate("UPDATE manufacturer_alias SET manufacturer_id = :into WHERE manufacturer_id = :from")
    int moveAliases(@Bind("from") long from, @Bind("into") long into);

    @SqlUpdate("UPDATE device SET manufacturer_id = :into WHERE manufacturer_id = :from")
    int moveDevices(@Bind("from") long from, @Bind("into") long into);

    /** Moves the vendor contacts of a manufacturer that is merged into another. */
    @SqlUpdate("UPDATE vendor_contact SET manufacturer_id = :into WHERE manufacturer_id = :from")
    int moveVendorContacts(@Bind("from") long from, @Bind("into") long into);

    @SqlUpdate("DELETE FROM manufacturer WHERE id = :id")
    int delete(@Bind("id") long id);
}
