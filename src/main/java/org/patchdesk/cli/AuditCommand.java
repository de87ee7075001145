package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditFilter;
import org.patchdesk.audit.AuditVerification;
import org.patchdesk.common.ProgressMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verifies the audit trail's hash chain and exports the trail to an .xlsx workbook.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand extends CommandGroup {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks every audit entry against the hash chain and the anchor file, then compares audited records"
                    + " with the values their last entries recorded.",
                    "Prints one line per problem. Exit code 0 when intact, 1 when the chain is broken or a record drifted,"
                            + " 3 when the database cannot be opened."})
    static final class Verify implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        Verify(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            AuditVerification result = context.services().auditVerifier().verify(ProgressMonitor.NONE);
            PrintWriter out = spec.commandLine().getOut();
            result.reportLines().forEach(out::println);
            out.flush();
            return result.intact() ? CommandLineRunner.EXIT_DONE : CommandLineRunner.EXIT_FAILED;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the audit entries, oldest first, to an .xlsx workbook: one row per entry with the time in the"
                    + " site's time zone, and a second sheet with the filter and the chain head."})
    static final class Export implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.xlsx", description = "Workbook to write; an existing file is replaced.")
        Path target;

        @Option(names = "--from", paramLabel = "DATE", description = "First day, as YYYY-MM-DD.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day, as YYYY-MM-DD.")
        LocalDate to;

        @Option(names = "--by", paramLabel = "USER", description = "Only entries by this user (case is ignored).")
        String user;

        @Option(names = "--record-type", paramLabel = "TYPE", description = "Only entries of this record type, such as device or patch_window.")
        String recordType;

        @Option(names = "--action", paramLabel = "ACTION", description = "Only entries with this action: ${COMPLETION-CANDIDATES}.")
        AuditAction action;

        Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                throw new ParameterException(spec.commandLine(), "The export file must end in .xlsx: " + target);
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
            }
            AuditFilter filter = new AuditFilter(user, recordType, action, null, from, to);
            long written = context.services().auditTrail().export(filter, target, ProgressMonitor.NONE);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.US, "Exported %,d audit %s to %s%n", written, written == 1 ? "entry" : "entries", target);
            out.flush();
            return CommandLineRunner.EXIT_DONE;
        }
    }
}
