package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.patchdesk.common.AtomicFiles;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.reports.workbook.WorkbookRequest;
import org.patchdesk.reports.workbook.WorkbookResult;
import org.patchdesk.workspace.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "workbook", mixinStandardHelpOptions = true,
        description = {"Writes the audit workbook (.xlsx): a Summary, then Inventory, Findings, Patch log, Patch windows, Vendor"
                + " validations, Compensating controls, Risk acceptances, Audit trail and Control mapping sheets.",
                "Without --from the range starts at the first record; without --to it ends today. Both days are included."})
final class ReportWorkbookCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.xlsx", description = "Workbook to write; an existing file is replaced.")
    Path target;

    @Mixin
    ReportRangeOptions range;

    ReportWorkbookCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new ParameterException(spec.commandLine(), "The workbook file must end in .xlsx: " + target);
        }
        AtomicFiles.requireFolder(target);
        ReportRangeOptions.Range days = range.checked(LocalDate.now(context.clock()));
        LocalDate first = days.first();
        LocalDate last = days.last();
        Services services = context.services();
        WorkbookRequest request = new WorkbookRequest(services.siteName(), services.isDemo(), first, last, context.printedBy(), List.of(),
                context.printedByDescription());
        WorkbookResult result = services.auditWorkbook().write(request, target, ProgressMonitor.NONE);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote the audit workbook to " + target);
        for (WorkbookResult.SheetCount sheet : result.sheets()) {
            out.printf(Locale.US, "  %-22s %,d %s%n", sheet.sheet(), sheet.rows(), sheet.rows() == 1 ? "row" : "rows");
        }
        out.println("Audit chain: " + result.chainHead().describe());
        out.println("Audit trail check: " + result.check().outcome());
        out.flush();
        return CommandLineRunner.EXIT_DONE;
    }
}
