package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.patchdesk.common.AtomicFiles;
import org.patchdesk.reports.department.DepartmentSummary;
import org.patchdesk.reports.department.DepartmentSummaryPdf;
import org.patchdesk.reports.department.DepartmentSummaryService;
import org.patchdesk.workspace.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "department", mixinStandardHelpOptions = true,
        description = {"Writes a department's one-page leadership summary as a PDF: its patch windows of the coming days with the"
                + " devices and downtime, its open immediate and out-of-cycle findings with what is planned, and the decisions"
                + " that wait for clinical leadership."})
final class ReportDepartmentCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--department", paramLabel = "D", required = true,
            description = "The department as the inventory names it; case and extra spaces do not matter.")
    String department;

    @Option(names = "--days", paramLabel = "N", defaultValue = "" + DepartmentSummaryService.DEFAULT_HORIZON_DAYS,
            description = "The days, today included, whose patch windows are listed (default: ${DEFAULT-VALUE}).")
    int days;

    @Parameters(index = "0", paramLabel = "FILE.pdf", description = "The file to write; an existing file is replaced.")
    Path file;

    ReportDepartmentCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            throw new ParameterException(spec.commandLine(), file + ": the file name must end in .pdf");
        }
        AtomicFiles.requireFolder(file);
        if (days < 1 || days > DepartmentSummaryService.MAX_HORIZON_DAYS) {
            throw new ParameterException(spec.commandLine(), "--days " + days + ": use 1 to " + DepartmentSummaryService.MAX_HORIZON_DAYS);
        }
        Services services = context.services();
        String chosen = DepartmentOption.resolve(spec, department, services.departmentSummaries().departments());
        DepartmentSummary summary = services.departmentSummaries().summarize(chosen, days);
        DepartmentSummaryPdf.write(summary, services.reportSite(), context.printedBy().name(), file);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote the " + summary.department() + " summary to " + file + ": " + count(summary.windows().size(), "patch window")
                + ", " + count(summary.findings().size(), "high-priority finding") + ", " + count(summary.decisionsNeeded(), "decision")
                + " needed");
        out.flush();
        return CommandLineRunner.EXIT_DONE;
    }

    private static String count(int count, String noun) {
        return String.format(Locale.US, "%,d %s", count, count == 1 ? noun : noun + "s");
    }
}
