package org.patchdesk.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Runs one INSERT or UPDATE for many rows through a plain JDBC batch, binding each row's values
 * by column name in a fixed order. Bulk imports use it because binding a map per row through JDBI
 * looks up an argument factory for every value, which costs more than H2's own work.
 */
public final class JdbcBatches {

    private JdbcBatches() {
    }

    /**
     * Executes {@code sql}, whose {@code ?} placeholders stand for {@code columns} in order, once per
     * row, and returns the generated {@code id} of each row when {@code returnIds} is set.
     */
    public static long[] execute(Handle handle, String sql, List<String> columns, List<Map<String, Object>> rows, boolean returnIds) {
        Connection connection = handle.getConnection();
        try (PreparedStatement statement = returnIds
                ? connection.prepareStatement(sql, new String[] {"ID"})
                : connection.prepareStatement(sql)) {
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(statement, i + 1, row.get(columns.get(i)));
                }
                statement.addBatch();
            }
            statement.executeBatch();
            if (!returnIds) {
                return new long[0];
            }
            long[] ids = new long[rows.size()];
            try (ResultSet keys = statement.getGeneratedKeys()) {
                int i = 0;
                while (keys.next()) {
                    ids[i++] = keys.getLong(1);
                }
                if (i != rows.size()) {
                    throw new IllegalStateException("The database returned " + i + " generated keys for " + rows.size() + " rows");
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof LocalDate || value instanceof OffsetDateTime) {
            statement.setObject(index, value);
        } else {
            throw new IllegalArgumentException("No binding for a " + value.getClass().getName() + " value");
        }
    }
}
