package org.patchdesk.reports.workbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.tabular.XlsxTableWriter;

/**
 * Streams the rows of a query into the current sheet of a workbook, one result row at a time, and
 * reads result columns as the cell values the writer turns into text, number and date cells.
 */
final class SheetWriter {

    /** Times written inside text, such as in a signature line. */
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

    private static final int CHECK_EVERY = 1_000;

    private final XlsxTableWriter writer;
    private final ProgressMonitor monitor;
    private final ZoneId zone;
    private final int sheetCount;
    private int sheetNumber;

    SheetWriter(XlsxTableWriter writer, ProgressMonitor monitor, ZoneId zone, int sheetCount) {
        this.writer = writer;
        this.monitor = monitor;
        this.zone = zone;
        this.sheetCount = sheetCount;
    }

    XlsxTableWriter writer() {
        return writer;
    }

    /** Starts the next sheet and reports it as the next step of the progress. */
    void start(String name, List<String> headers) {
        monitor.checkCancelled();
        monitor.progress(sheetNumber, sheetCount, "Writing the " + name + " sheet");
        sheetNumber++;
        writer.startSheet(name, headers);
    }

    /** Writes a row, checking for cancellation and reporting progress every thousand rows. */
    void add(List<?> cells) {
        writer.addRow(cells);
        long rows = writer.rowsInSheet();
        if (rows % CHECK_EVERY == 0) {
            monitor.checkCancelled();
            monitor.progress(sheetNumber - 1, sheetCount, String.format(Locale.US, "Writing %,d rows", rows));
        }
    }

    /** Runs the query and writes one row per result row, without holding the result in memory. */
    void stream(Query query, RowMapper<List<Object>> mapper) {
        query.setFetchSize(CHECK_EVERY).map(mapper).useStream(rows -> rows.forEach(this::add));
    }

    /** Binds each name of the map to its value. */
    static Query bind(Query query, Map<String, ?> values) {
        values.forEach(query::bind);
        return query;
    }

    /** Returns a timestamp column as a local date and time in the site's zone, to the minute, or null. */
    LocalDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : local(value.toInstant());
    }

    LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES);
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** Returns a numeric column as a Long or Double, or null when it is NULL. */
    static Number number(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        return ((Number) value).doubleValue();
    }

    /** Returns a boolean column as "yes" or "no", or null when it is NULL. */
    static String yesNo(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        if (rs.wasNull()) {
            return null;
        }
        return value ? "yes" : "no";
    }

    /** Returns a list stored joined by ";" as the "; "-joined text exports show, or null when empty. */
    static String list(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null || value.isEmpty() ? null : String.join("; ", value.split(";"));
    }
}
