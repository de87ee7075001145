package org.patchdesk.cli;

import picocli.CommandLine.Command;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Governance reports: metrics, the audit workbook, the audit packet and leadership summaries",
        subcommands = {ReportMetricsCommand.class, ReportSnapshotCommand.class, ReportWorkbookCommand.class, ReportPacketCommand.class,
                ReportDepartmentCommand.class, ReportSegmentationCommand.class})
final class ReportCommand extends CommandGroup {
}
