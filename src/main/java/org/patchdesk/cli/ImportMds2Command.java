package org.patchdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.patchdesk.planning.Mds2Service;
import org.patchdesk.planning.mds2.Mds2FormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "mds2", mixinStandardHelpOptions = true,
        description = {"Imports a manufacturer's MDS2 form (ANSI/NEMA HN 1-2019 workbook) for an inventory product.",
                "Stores every answer and prints the suggestions the answers give (patchability, remote access, SBOM,",
                "anti-malware, compensating controls), with the question IDs behind each. Suggestions apply only once accepted."})
final class ImportMds2Command implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The MDS2 workbook (.xlsx). It is read, never changed.")
    Path file;

    @Option(names = "--manufacturer", required = true, paramLabel = "NAME",
            description = "The product's manufacturer, as the device list shows it.")
    String manufacturer;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The product's model, as the device list shows it.")
    String model;

    @Option(names = "--version", paramLabel = "VERSIONS",
            description = "The software versions the form covers (default: every version).")
    String version;

    ImportMds2Command(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Mds2FormatException {
        Mds2Service.ImportResult result = context.services().mds2().importForm(file, manufacturer, model, version, context.actor());
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.describe());
        out.flush();
        return 0;
    }
}
