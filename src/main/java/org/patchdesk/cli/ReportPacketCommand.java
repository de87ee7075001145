package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.patchdesk.common.AtomicFiles;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.reports.ReportDocument.Section;
import org.patchdesk.reports.packet.PacketRequest;
import org.patchdesk.reports.packet.PacketResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "packet", mixinStandardHelpOptions = true,
        description = {"Writes the audit packet (PDF): cover page, contents, executive summary, metrics and charts, unpatchable"
                + " devices, active risk acceptances with signatures, overdue findings, patch log and control mapping.",
                "Without --from the range starts at the first record; without --to it ends today. Both days are included."})
final class ReportPacketCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.pdf", description = "Packet to write; an existing file is replaced.")
    Path target;

    @Mixin
    ReportRangeOptions range;

    ReportPacketCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            throw new ParameterException(spec.commandLine(), "The packet file must end in .pdf: " + target);
        }
        AtomicFiles.requireFolder(target);
        ReportRangeOptions.Range days = range.checked(LocalDate.now(context.clock()));
        LocalDate first = days.first();
        LocalDate last = days.last();
        PacketResult result = context.services().auditPacket().write(new PacketRequest(first, last, context.printedBy(),
                context.printedByDescription()), target,
                ProgressMonitor.NONE);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.US, "Wrote the audit packet to %s: %d pages%n", target, result.pages());
        for (Section section : result.sections()) {
            out.printf(Locale.US, "  %-40s page %d%n", section.title(), section.page());
        }
        out.println("Audit chain: " + result.chainHead().describe());
        out.println("Audit trail check: " + result.check().outcome());
        out.flush();
        return CommandLineRunner.EXIT_DONE;
    }
}
