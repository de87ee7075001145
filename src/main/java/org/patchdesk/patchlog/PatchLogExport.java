package org.patchdesk.patchlog;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchdesk.tabular.XlsxTableWriter;

/**
 * Writes patch log entries as CSV (text as stored, ISO dates, times in the site's time zone) or as
 * an .xlsx workbook with real date cells, under the same columns.
 */
final class PatchLogExport {

    /** The columns of the export, in order. */
    static final List<String> HEADERS = List.of("Entry", "Asset Tag", "Manufacturer", "Model", "Department", "Update",
            "Version Before", "Version After", "Performed At", "Performed By", "Outcome", "Reason", "Fixes CVEs", "Closed Findings",
            "Patch Window", "Validation Request", "Validated On", "Days From Validation", "Notes", "Recorded By", "Recorded At");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    PatchLogExport(ZoneId zone) {
        this.zone = zone;
    }

    /** Writes the entries as CSV with a header row; the writer is flushed, not closed. */
    void writeCsv(List<PatchLogEntry> entries, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        printer.printRecord(HEADERS);
        for (PatchLogEntry entry : entries) {
            List<String> values = new ArrayList<>();
            for (Object cell : cells(entry)) {
                values.add(text(cell));
            }
            printer.printRecord(values);
        }
        printer.flush();
    }

    /** Writes the entries to an .xlsx workbook with one sheet; a failure leaves no file behind. */
    void writeXlsx(List<PatchLogEntry> entries, Path target) throws IOException {
        try (XlsxTableWriter writer = new XlsxTableWriter(target)) {
            writer.startSheet("Patch log", HEADERS);
            for (PatchLogEntry entry : entries) {
                writer.addRow(cells(entry));
            }
            writer.finish();
        }
    }

    private List<Object> cells(PatchLogEntry entry) {
        List<Object> cells = new ArrayList<>();
        cells.add(entry.id());
        cells.add(entry.assetTag());
        cells.add(entry.manufacturer());
        cells.add(entry.model());
        cells.add(entry.department());
        cells.add(entry.update());
        cells.add(entry.versionBefore());
        cells.add(entry.versionAfter());
        cells.add(localTime(entry.performedAt()));
        cells.add(entry.performedBy());
        cells.add(entry.outcome().word());
        cells.add(entry.reason());
        cells.add(entry.fixesCves().isEmpty() ? null : String.join("; ", entry.fixesCves()));
        cells.add(entry.closedCves().isEmpty() ? null : String.join("; ", entry.closedCves()));
        cells.add(entry.patchWindowId());
        cells.add(entry.validationRequestId());
        cells.add(entry.validatedOn());
        cells.add(entry.daysFromValidation());
        cells.add(entry.notes());
        cells.add(entry.recordedBy());
        cells.add(localTime(entry.recordedAt()));
        return cells;
    }

    private LocalDateTime localTime(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES);
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof LocalDateTime time) {
            return MINUTES.format(time);
        }
        return cell.toString();
    }
}
