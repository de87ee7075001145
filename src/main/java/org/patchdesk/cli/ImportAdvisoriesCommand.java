package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.risk.IntelligenceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the per-file results of a CSAF or CVE record import; shared by both commands. */
final class ImportAdvisoriesCommand {

    private ImportAdvisoriesCommand() {
    }

    static int print(IntelligenceService.BatchResult result, PrintWriter out, PrintWriter err) {
        for (IntelligenceService.FileResult file : result.files()) {
            if (file.imported()) {
                out.println(file.file().getFileName() + ": " + file.message());
            } else {
                err.println("Rejected: " + file.message());
            }
        }
        out.println(result.summary());
        out.flush();
        err.flush();
        return result.failures() == 0 ? 0 : 1;
    }

    @Command(name = "csaf", mixinStandardHelpOptions = true,
            description = {"Imports CSAF 2.0 advisories: files, or folders of .json files.",
                    "A .sha512 file beside an advisory is verified. Each file imports whole or not at all; a rejected file is"
                            + " reported and the others go on. A newer revision of an advisory replaces the older one.",
                    "Exit code 1 when any file was rejected."})
    static final class Csaf implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Advisory files or folders.")
        List<Path> paths;

        Csaf(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            IntelligenceService.BatchResult result = context.services().intelligence().importCsaf(paths, context.actor(),
                    ProgressMonitor.NONE);
            return print(result, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "cve", mixinStandardHelpOptions = true,
            description = {"Imports CVE JSON 5 records: files, or folders of .json files.",
                    "Each file imports whole or not at all; a rejected file is reported and the others go on.",
                    "Exit code 1 when any file was rejected."})
    static final class Cve implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "CVE record files or folders.")
        List<Path> paths;

        Cve(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            IntelligenceService.BatchResult result = context.services().intelligence().importCveRecords(paths, context.actor(),
                    ProgressMonitor.NONE);
            return print(result, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
