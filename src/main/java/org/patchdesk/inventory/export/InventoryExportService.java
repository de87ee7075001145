package org.patchdesk.inventory.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.tabular.XlsxTableWriter;

/**
 * Writes devices to an .xlsx workbook for auditors, or to CSV for other tools. Both have one column
 * per device field, headed by the field's label; criticality and mission impact that come from a
 * default carry "(assumed)".
 */
public final class InventoryExportService {

    public static final String SHEET_NAME = "Inventory";

    /** Returns the column headers of exports, in order. */
    public static List<String> headers() {
        List<String> headers = new ArrayList<>();
        for (DeviceField field : DeviceField.values()) {
            headers.add(field.label());
        }
        return headers;
    }

    /**
     * Writes the devices to {@code target}, replacing it.
     *
     * @throws org.patchdesk.common.OperationCancelledException when cancelled; no file is written
     */
    public void exportXlsx(List<Device> devices, Path target, ProgressMonitor monitor) throws IOException {
        try (XlsxTableWriter writer = new XlsxTableWriter(target)) {
            writer.startSheet(SHEET_NAME, headers());
            int done = 0;
            for (Device device : devices) {
                writer.addRow(cells(device));
                if (++done % 1000 == 0) {
                    monitor.checkCancelled();
                    monitor.progress(done, devices.size(), "Writing device " + done + " of " + devices.size());
                }
            }
            monitor.progress(devices.size(), devices.size(), "Saving " + target.getFileName());
            writer.finish();
        }
    }

    /** Writes the devices as CSV (comma-separated, ISO dates) to {@code out}, which the caller encodes as UTF-8. */
    public void writeCsv(List<Device> devices, Writer out) throws IOException {
        // The printer is not closed, because closing it would close the caller's writer.
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        printer.printRecord(headers());
        for (Device device : devices) {
            List<String> row = new ArrayList<>();
            for (DeviceField field : DeviceField.values()) {
                row.add(device.display(field));
            }
            printer.printRecord(row);
        }
        printer.flush();
    }

    /** Returns the cells of one device under {@link #headers()}: dates as dates, other fields as the text exports show. */
    public static List<Object> cells(Device device) {
        List<Object> cells = new ArrayList<>();
        for (DeviceField field : DeviceField.values()) {
            Object value = device.values().get(field);
            if (field.kind() == DeviceField.ValueKind.DATE) {
                cells.add(value);
            } else {
                String text = device.display(field);
                cells.add(text.isEmpty() ? null : text);
            }
        }
        return cells;
    }
}
