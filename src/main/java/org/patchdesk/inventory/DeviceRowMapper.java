package org.patchdesk.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a row of {@link DeviceDao#SELECT} to a {@link Device}. */
public final class DeviceRowMapper implements RowMapper<Device> {

    @Override
    public Device map(ResultSet rs, StatementContext ctx) throws SQLException {
        DeviceValues values = new DeviceValues();
        for (DeviceField field : DeviceField.values()) {
            values.set(field, read(rs, field));
        }
        TypeDefaults defaults = new TypeDefaults(
                enumOrNull(ClinicalCriticality.class, rs.getString("type_criticality")),
                enumOrNull(MissionImpact.class, rs.getString("type_mission_impact")),
                rs.getString("type_source"));
        return new Device(rs.getLong("id"), values, defaults,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
    }

    private static Object read(ResultSet rs, DeviceField field) throws SQLException {
        return switch (field) {
            case MANUFACTURER -> rs.getString("manufacturer_name");
            case DEVICE_TYPE -> rs.getString("device_type_name");
            default -> field.kind() == DeviceField.ValueKind.DATE
                    ? rs.getObject(field.key(), LocalDate.class)
                    : FieldValues.fromStored(field, rs.getString(field.key()));
        };
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
