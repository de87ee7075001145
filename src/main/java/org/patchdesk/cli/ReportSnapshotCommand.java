package org.patchdesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.patchdesk.governance.MetricSnapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Stores a snapshot of every metric for this month so far, for the site and each department.",
                "PatchDesk also takes one of last month by itself at the first start in a new month."})
final class ReportSnapshotCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    ReportSnapshotCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MetricSnapshot snapshot = context.services().metricSnapshots().takeNow(context.actor());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Stored snapshot " + snapshot.id() + " of " + snapshot.from() + " to " + snapshot.to() + " with "
                + snapshot.valueCount() + " values");
        out.flush();
        return CommandLineRunner.EXIT_DONE;
    }
}
