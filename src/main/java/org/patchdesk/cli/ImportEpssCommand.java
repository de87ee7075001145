package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.feeds.FeedFormatException;
import org.patchdesk.risk.IntelligenceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "epss", mixinStandardHelpOptions = true,
        description = {"Imports a FIRST EPSS daily file (.csv or .csv.gz) and rescores all findings.",
                "The scores it replaces are kept as the previous import, so changes can be shown."})
final class ImportEpssCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The EPSS file, as downloaded from FIRST.")
    Path file;

    ImportEpssCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws FeedFormatException, IOException {
        IntelligenceService.EpssResult result = context.services().intelligence().importEpss(file, context.actor(), ProgressMonitor.NONE);
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.feedImport().summary());
        out.flush();
        return 0;
    }
}
