package org.patchdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.demo.DemoInventoryGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a realistic, fictional CMMS inventory export (.xlsx) for demonstrations and benchmarks.",
                "It needs no database and changes no data folder."})
final class DemoGenerateCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--devices", paramLabel = "N", defaultValue = "500", description = "Number of devices (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "2026",
            description = "Seed of the random choices; the same seed writes the same devices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Parameters(index = "0", paramLabel = "FILE.xlsx", description = "The workbook to write; an existing file is replaced.")
    Path file;

    DemoGenerateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (devices < 1 || devices > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "--devices must be between 1 and 1000000, not " + devices);
        }
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new ParameterException(spec.commandLine(), "The demo file must end in .xlsx: " + file);
        }
        new DemoInventoryGenerator(seed, context.clock()).write(devices, file, ProgressMonitor.NONE);
        spec.commandLine().getOut().println("Wrote " + devices + " demo devices to " + file);
        return 0;
    }
}
