package org.patchdesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.patchdesk.risk.FeedStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = {"Shows each vulnerability feed's version, date and age, and warns when KEV or EPSS data is stale.",
                "A feed never imported shows 'not checked'. Exit code 1 when the KEV or EPSS feed is stale or not checked."})
final class FeedsCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    FeedsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean attention = false;
        for (FeedStatus status : context.services().feedStatus().statuses()) {
            out.println(status.describe());
            if (status.staleAfterDays() != null && (status.stale() || !status.checked())) {
                attention = true;
            }
        }
        out.flush();
        return attention ? 1 : 0;
    }
}
