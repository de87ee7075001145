package org.patchdesk.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class DeviceTypeRowMapper implements RowMapper<DeviceType> {

    @Override
    public DeviceType map(ResultSet rs, StatementContext ctx) throws SQLException {
        String criticality = rs.getString("default_criticality");
        String missionImpact = rs.getString("default_mission_impact");
        TypeDefaults defaults = new TypeDefaults(
                criticality == null ? null : ClinicalCriticality.valueOf(criticality),
                missionImpact == null ? null : MissionImpact.valueOf(missionImpact),
                rs.getString("default_source"));
        return new DeviceType(rs.getLong("id"), rs.getString("name"), rs.getString("fda_product_code"), defaults,
                rs.getLong("device_count"));
    }
}
