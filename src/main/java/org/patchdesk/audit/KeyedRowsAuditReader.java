package org.patchdesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;

/**
 * A reader for a record type whose record id stands for several stored rows, such as a device
 * type's minimums in several departments: each row's fields are compared under keys that name the
 * row, and every key that {@link #recordedValues} gives is compared. Every record of such a type
 * gets a create entry.
 */
public abstract class KeyedRowsAuditReader implements AuditedRecordReader {

    /** One stored row: the record it belongs to, that record's label, and the row's fields under their keys. */
    public record KeyedRow(long recordId, String label, Map<String, String> values) {
    }

    /** Returns the query of every row, ordered by record id first. */
    protected abstract String rowsQuery();

    /** Reads the current row of {@code rs}. */
    protected abstract KeyedRow row(ResultSet rs) throws SQLException;

    /** Returns no fields: the keys depend on the rows, and every key {@link #recordedValues} gives is compared. */
    @Override
    public final List<String> fields() {
        return List.of();
    }

    @Override
    public final boolean compares(String field) {
        return true;
    }

    @Override
    public final boolean rowsShareRecordId() {
        return true;
    }

    @Override
    public boolean createsAreAudited() {
        return true;
    }

    /** Passes one record per record id, holding the fields of all its rows. */
    @Override
    public final void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        KeyedRow[] previous = {null};
        Map<String, String> values = new LinkedHashMap<>();
        handle.createQuery(rowsQuery())
                .map((rs, ctx) -> row(rs))
                .forEach(row -> {
                    if (previous[0] != null && row.recordId() != previous[0].recordId()) {
                        sink.accept(new CurrentRecord(previous[0].recordId(), previous[0].label(), new LinkedHashMap<>(values)));
                        values.clear();
                    }
                    previous[0] = row;
                    values.putAll(row.values());
                });
        if (previous[0] != null) {
            sink.accept(new CurrentRecord(previous[0].recordId(), previous[0].label(), values));
        }
    }
}
