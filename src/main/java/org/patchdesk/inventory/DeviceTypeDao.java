package org.patchdesk.inventory;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface DeviceTypeDao {

    @SqlQuery("SELECT id FROM device_type WHERE name_key = :nameKey")
    Optional<Long> findIdByKey(@Bind("nameKey") String nameKey);

    @SqlUpdate("INSERT INTO device_type (name, name_key, fda_product_code, default_criticality, default_mission_impact,"
            + " default_source) VALUES (:name, :nameKey, :code, :criticality, :missionImpact, :source)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("nameKey") String nameKey, @Bind("code") String fdaProductCode,
                @Bind("criticality") String criticality, @Bind("missionImpact") String missionImpact, @Bind("source") String source);

    @SqlQuery("SELECT t.id, t.name, t.fda_product_code, t.default_criticality, t.default_mission_impact, t.default_source,"
            + " (SELECT COUNT(*) FROM device d WHERE d.device_type_id = t.id) AS device_count"
            + " FROM device_type t ORDER BY LOWER(t.name)")
    @RegisterRowMapper(DeviceTypeRowMapper.class)
    List<DeviceType> listAll();

    @SqlQuery("SELECT t.id, t.name, t.fda_product_code, t.default_criticality, t.default_mission_impact, t.default_source,"
            + " (SELECT COUNT(*) FROM device d WHERE d.device_type_id = t.id) AS device_count"
            + " FROM device_type t WHERE t.id = :id")
    @RegisterRowMapper(DeviceTypeRowMapper.class)
    Optional<DeviceType> findById(@Bind("id") long id);

    @SqlUpdate("UPDATE device_type SET fda_product_code = :code, default_criticality = :criticality,"
            + " default_mission_impact = :missionImpact, default_source = :source WHERE id = :id")
    int updateDefaults(@Bind("id") long id, @Bind("code") String fdaProductCode, @Bind("criticality") String criticality,
                       @Bind("missionImpact") String missionImpact, @Bind("source") String source);
}
