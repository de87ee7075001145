package org.patchdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.patchdesk.intel.MatchDecision;
import org.patchdesk.intel.MatchView;
import org.patchdesk.risk.IntelligenceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "matches", mixinStandardHelpOptions = true,
        description = {"Reviews the links between the product names advisories use and the inventory.",
                "Exact and alias matches apply at once; close matches and operating-system matches apply once accepted."},
        subcommands = {MatchesCommand.ListMatches.class, MatchesCommand.Accept.class, MatchesCommand.Reject.class})
final class MatchesCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the matches, those waiting for a decision first. IDs start with P (product) or O (operating system).")
    static final class ListMatches implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--all", description = "Also list exact and alias matches, which apply without a decision.")
        boolean all;

        ListMatches(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<MatchView> matches = context.services().intelligence().listMatches();
            PrintWriter out = spec.commandLine().getOut();
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("ID", "Decision", "Kind", "Source product", "Inventory", "Devices", "CVEs", "Reason"));
            int listed = 0;
            for (MatchView match : matches) {
                if (!all && match.decision() == MatchDecision.AUTO) {
                    continue;
                }
                rows.add(List.of(match.id(), match.decision().word(), match.kind(), match.sourceVendor() + " " + match.sourceProduct(),
                        match.inventorySide(), Integer.toString(match.devices()), Integer.toString(match.cves()),
                        match.reason() == null ? "" : match.reason()));
                listed++;
            }
            TextTable.print(rows, out);
            long automatic = matches.stream().filter(match -> match.decision() == MatchDecision.AUTO).count();
            out.println(listed + (listed == 1 ? " match" : " matches") + (all ? "" : "; " + automatic
                    + " exact and alias matches apply without a decision (--all lists them)"));
            out.flush();
            return 0;
        }
    }

    /** Accepts or rejects a match; the two commands differ only in the decision. */
    abstract static class Decide implements Callable<Integer> {

        private final CliContext context;
        private final MatchDecision decision;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The match id that 'matches list' shows, such as P12 or O3.")
        String id;

        Decide(CliContext context, MatchDecision decision) {
            this.context = context;
            this.decision = decision;
        }

        @Override
        public Integer call() {
            IntelligenceService.FindingChanges changes = context.services().intelligence().decideMatch(id, decision, context.actor());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Match " + id.strip().toUpperCase(Locale.ROOT) + " " + decision.word() + "; " + changes.describe());
            out.flush();
            return 0;
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true, description = "Accepts a match, so its advisories apply to the devices.")
    static final class Accept extends Decide {
        Accept(CliContext context) {
            super(context, MatchDecision.ACCEPTED);
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Rejects a match; the decision is kept when advisories are imported again.")
    static final class Reject extends Decide {
        Reject(CliContext context) {
            super(context, MatchDecision.REJECTED);
        }
    }
}
