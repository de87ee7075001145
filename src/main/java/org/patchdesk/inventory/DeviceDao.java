package org.patchdesk.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.patchdesk.storage.JdbcBatches;

@RegisterRowMapper(DeviceRowMapper.class)
public interface DeviceDao extends SqlObject {

    String SELECT = "SELECT d.*, m.name AS manufacturer_name, t.name AS device_type_name,"
            + " t.default_criticality AS type_criticality, t.default_mission_impact AS type_mission_impact,"
            + " t.default_source AS type_source"
            + " FROM device d"
            + " LEFT JOIN manufacturer m ON m.id = d.manufacturer_id"
            + " LEFT JOIN device_type t ON t.id = d.device_type_id";

    String COLUMNS = "asset_tag, asset_tag_key, cmms_id, manufacturer_id, model, product_id, serial_number, device_type_id,"
            + " department, location, building, floor, room, status, status_changed_on, acquisition_date, software_version,"
            + " os_name, os_version, networked, ip_addresses, mac_addresses, hostname, network_segment, vendor_remote_access,"
            + " stores_phi, criticality, mission_impact, network_exposure, notes, created_at, created_by, updated_at, updated_by";

    String INSERT = "INSERT INTO device (" + COLUMNS + ") VALUES (:asset_tag, :asset_tag_key, :cmms_id, :manufacturer_id,"
            + " :model, :product_id, :serial_number, :device_type_id, :department, :location, :building, :floor, :room, :status,"
            + " :status_changed_on, :acquisition_date, :software_version, :os_name, :os_version, :networked, :ip_addresses,"
            + " :mac_addresses, :hostname, :network_segment, :vendor_remote_access, :stores_phi, :criticality, :mission_impact,"
            + " :network_exposure, :notes, :created_at, :created_by, :updated_at, :updated_by)";

    String UPDATE = "UPDATE device SET asset_tag = :asset_tag, asset_tag_key = :asset_tag_key, cmms_id = :cmms_id,"
            + " manufacturer_id = :manufacturer_id, model = :model, product_id = :product_id, serial_number = :serial_number,"
            + " device_type_id = :device_type_id, department = :department, location = :location, building = :building,"
            + " floor = :floor, room = :room, status = :status, status_changed_on = :status_changed_on,"
            + " acquisition_date = :acquisition_date, software_version = :software_version, os_name = :os_name,"
            + " os_version = :os_version, networked = :networked, ip_addresses = :ip_addresses, mac_addresses = :mac_addresses,"
            + " hostname = :hostname, network_segment = :network_segment, vendor_remote_access = :vendor_remote_access,"
            + " stores_phi = :stores_phi, criticality = :criticality, mission_impact = :mission_impact,"
            + " network_exposure = :network_exposure, notes = :notes, updated_at = :updated_at, updated_by = :updated_by"
            + " WHERE id = :id";

    @SqlQuery(SELECT + " ORDER BY d.asset_tag_key")
    List<Device> listAll();

    @SqlQuery(SELECT + " WHERE d.id = :id")
    Optional<Device> findById(@Bind("id") long id);

    @SqlQuery(SELECT + " WHERE d.asset_tag_key = :key")
    Optional<Device> findByAssetTagKey(@Bind("key") String assetTagKey);

    @SqlQuery(SELECT + " WHERE d.asset_tag_key IN (<keys>)")
    List<Device> findByAssetTagKeys(@BindList("keys") List<String> assetTagKeys);

    @SqlUpdate(INSERT)
    @GetGeneratedKeys("id")
    long insert(@BindMap Map<String, Object> row);

    /** The columns of {@link #INSERT}, in order, for positional batches. */
    List<String> INSERT_COLUMNS = List.of(COLUMNS.split(",\\s*"));

    /** The columns of {@link #UPDATE}, in order, for positional batches. */
    List<String> UPDATE_COLUMNS = java.util.stream.Stream.concat(INSERT_COLUMNS.stream()
            .filter(column -> !column.equals("created_at") && !column.equals("created_by")), java.util.stream.Stream.of("id")).toList();

    /** Inserts many devices at once; returns their ids in the order of {@code rows}. */
    default long[] insertAll(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return new long[0];
        }
        return JdbcBatches.execute(getHandle(), positional(INSERT, INSERT_COLUMNS), INSERT_COLUMNS, rows, true);
    }

    @SqlUpdate(UPDATE)
    int update(@BindMap Map<String, Object> row);

    /** Updates many devices at once, each row holding the columns of {@link #UPDATE} including {@code id}. */
    default void updateAll(List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            JdbcBatches.execute(getHandle(), positional(UPDATE, UPDATE_COLUMNS), UPDATE_COLUMNS, rows, false);
        }
    }

    /** Replaces the named parameters of {@code sql} with {@code ?}, checking that they are {@code columns} in order. */
    private static String positional(String sql, List<String> columns) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(":(\\w+)").matcher(sql);
        StringBuilder result = new StringBuilder();
        int index = 0;
        while (matcher.find()) {
            if (index >= columns.size() || !matcher.group(1).equals(columns.get(index))) {
                throw new IllegalStateException("Parameter :" + matcher.group(1) + " is not column " + index + " of the batch");
            }
            index++;
            matcher.appendReplacement(result, "?");
        }
        matcher.appendTail(result);
        return result.toString();
    }

    @SqlUpdate("DELETE FROM device WHERE id = :id")
    int delete(@Bind("id") long id);

    @SqlQuery("SELECT COUNT(*) FROM device")
    long count();

    /** Returns the distinct values of a text column of the device table, sorted; {@code column} is a field key, never user input. */
    @SqlQuery("SELECT DISTINCT <column> FROM device WHERE <column> IS NOT NULL ORDER BY 1")
    List<String> distinctValues(@Define("column") String column);

    @SqlQuery("SELECT name FROM manufacturer ORDER BY LOWER(name)")
    List<String> manufacturerNames();

    @SqlQuery("SELECT name FROM device_type ORDER BY LOWER(name)")
    List<String> deviceTypeNames();
}
