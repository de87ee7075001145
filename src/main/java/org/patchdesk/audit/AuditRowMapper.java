package org.patchdesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class AuditRowMapper implements RowMapper<AuditEntry> {

    @Override
    public AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        long recordId = rs.getLong("record_id");
        Long record = rs.wasNull() ? null : recordId;
        long batchId = rs.getLong("batch_id");
        Long batch = rs.wasNull() ? null : batchId;
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                AuditAction.fromWord(rs.getString("action")), rs.getString("record_type"), record, rs.getString("record_label"),
                batch, AuditValues.fromJson(rs.getString("old_values")), AuditValues.fromJson(rs.getString("new_values")),
                rs.getString("summary"));
    }
}
