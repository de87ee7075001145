package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the devices, sorted by asset tag.",
                "The table shows the main columns; the CSV (UTF-8, comma, ISO dates) has every column of the .xlsx export."})
final class DevicesListCommand implements Callable<Integer> {

    enum Format { table, csv }

    private static final List<DeviceField> TABLE_FIELDS = List.of(DeviceField.ASSET_TAG, DeviceField.MANUFACTURER, DeviceField.MODEL,
            DeviceField.DEVICE_TYPE, DeviceField.DEPARTMENT, DeviceField.STATUS, DeviceField.SOFTWARE_VERSION,
            DeviceField.IP_ADDRESSES, DeviceField.CRITICALITY);
    private static final int MAX_CELL_WIDTH = 32;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    DevicesListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        List<Device> devices = context.services().devices().list();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.csv) {
            context.services().inventoryExport().writeCsv(devices, out);
        } else {
            printTable(devices, out);
        }
        out.flush();
        return 0;
    }

    private static void printTable(List<Device> devices, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (DeviceField field : TABLE_FIELDS) {
            header.add(field.label());
        }
        rows.add(header);
        for (Device device : devices) {
            List<String> row = new ArrayList<>();
            for (DeviceField field : TABLE_FIELDS) {
                row.add(shorten(device.display(field)));
            }
            rows.add(row);
        }
        int[] widths = new int[TABLE_FIELDS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    line.append("  ");
                }
                line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(devices.size() + (devices.size() == 1 ? " device" : " devices"));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_CELL_WIDTH ? text : text.substring(0, MAX_CELL_WIDTH - 1) + "…";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
