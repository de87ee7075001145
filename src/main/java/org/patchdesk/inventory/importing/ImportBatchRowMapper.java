package org.patchdesk.inventory.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class ImportBatchRowMapper implements RowMapper<ImportBatch> {

    @Override
    public ImportBatch map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ImportBatch(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"), rs.getString("file_path"),
                rs.getString("file_sha256"), rs.getString("sheet_name"), (Integer) rs.getObject("header_row"),
                instant(rs, "imported_at"), rs.getString("imported_by"), rs.getInt("rows_read"), rs.getInt("added"),
                rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("rejected"), rs.getInt("skipped"),
                instant(rs, "undone_at"), rs.getString("undone_by"), (Integer) rs.getObject("undo_reverted"),
                (Integer) rs.getObject("undo_kept"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
