package org.patchdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Writes every device to an .xlsx workbook with one column per field, replacing FILE.")
final class ExportInventoryCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.xlsx", description = "The workbook to write.")
    Path file;

    ExportInventoryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new ParameterException(spec.commandLine(), "The export file must end in .xlsx: " + file);
        }
        List<Device> devices = context.services().devices().list();
        context.services().inventoryExport().exportXlsx(devices, file, ProgressMonitor.NONE);
        spec.commandLine().getOut().println("Exported " + devices.size() + " devices to " + file);
        return 0;
    }
}
