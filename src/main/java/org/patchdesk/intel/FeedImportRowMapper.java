package org.patchdesk.intel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class FeedImportRowMapper implements RowMapper<FeedImport> {

    @Override
    public FeedImport map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new FeedImport(rs.getLong("id"), FeedKind.fromWord(rs.getString("feed")), rs.getString("file_name"),
                rs.getString("file_sha256"), rs.getString("feed_version"), rs.getString("feed_date"),
                rs.getObject("imported_at", OffsetDateTime.class).toInstant(), rs.getString("imported_by"), rs.getInt("records"),
                rs.getInt("added"), rs.getInt("changed"), rs.getInt("removed"), rs.getString("summary"));
    }
}
