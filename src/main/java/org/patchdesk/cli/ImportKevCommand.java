package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.feeds.FeedFormatException;
import org.patchdesk.risk.IntelligenceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "kev", mixinStandardHelpOptions = true,
        description = {"Imports the CISA Known Exploited Vulnerabilities catalog (.json or .csv) and rescores all findings.",
                "Prints a summary, then each CVE new since the previous catalog that affects devices, with the devices."})
final class ImportKevCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The catalog file, as downloaded from CISA.")
    Path file;

    ImportKevCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws FeedFormatException, IOException {
        IntelligenceService.KevResult result = context.services().intelligence().importKev(file, context.actor(), ProgressMonitor.NONE);
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.feedImport().summary());
        long affecting = result.newCveDevices().values().stream().filter(devices -> !devices.isEmpty()).count();
        if (!result.newCveDevices().isEmpty()) {
            out.println(affecting + " of the " + result.newCveDevices().size() + " new CVEs affect devices"
                    + (affecting == 0 ? "." : ":"));
        }
        for (Map.Entry<String, List<String>> entry : result.newCveDevices().entrySet()) {
            List<String> devices = entry.getValue();
            if (!devices.isEmpty()) {
                out.println("New: " + entry.getKey() + " affects " + devices.size() + (devices.size() == 1 ? " device: " : " devices: ")
                        + String.join(", ", devices));
            }
        }
        out.flush();
        return 0;
    }
}
