package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.patchdesk.acceptance.AcceptanceCsv;
import org.patchdesk.acceptance.AcceptanceState;
import org.patchdesk.acceptance.RiskAcceptance;
import org.patchdesk.acceptance.RiskAcceptanceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "acceptances", mixinStandardHelpOptions = true,
        description = "Shows risk acceptances (exceptions) and when they expire.",
        subcommands = {AcceptancesCommand.ListAcceptances.class})
final class AcceptancesCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists risk acceptances, the soonest end date first, with state, residual risk and scope. An active"
                    + " acceptance is expiring within the warning period before its end date (30 days unless the setting"
                    + " acceptance.warning_days says otherwise). Acceptances whose start or end date passed are started or expired"
                    + " first.",
                    "The CSV (UTF-8, comma, ISO dates) has one row per acceptance. Exit code 1 when --expiring lists an acceptance."})
    static final class ListAcceptances implements Callable<Integer> {

        enum Format { table, csv }

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--expiring", paramLabel = "DAYS", description = "Only active acceptances whose end date is at most DAYS days"
                + " away.")
        Integer expiringDays;

        @Option(names = "--state", paramLabel = "STATE", description = "Only acceptances in this state: draft, submitted, approved,"
                + " rejected, active (not expiring), expiring, expired or closed.")
        String state;

        ListAcceptances(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            RiskAcceptanceService acceptances = context.services().acceptances();
            if (expiringDays != null && expiringDays < 0) {
                throw new ParameterException(spec.commandLine(), "Invalid --expiring: the number of days needs to be 0 or more, not "
                        + expiringDays);
            }
            AcceptanceState wanted;
            try {
                wanted = state == null ? null : AcceptanceState.parse(state);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid --state: " + e.getMessage());
            }
            List<RiskAcceptance> listed = expiringDays == null ? acceptances.list(wanted) : acceptances.expiringWithin(expiringDays);
            LocalDate today = acceptances.today();
            int warningDays = acceptances.settings().warningDays();
            if (expiringDays != null && wanted != null) {
                listed = listed.stream().filter(acceptance -> acceptance.state(today, warningDays) == wanted).toList();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.csv) {
                AcceptanceCsv.write(listed, today, warningDays, out);
            } else {
                printTable(listed, today, warningDays, out);
            }
            out.flush();
            return expiringDays != null && !listed.isEmpty() ? CommandLineRunner.EXIT_FAILED : CommandLineRunner.EXIT_DONE;
        }

        private static void printTable(List<RiskAcceptance> acceptances, LocalDate today, int warningDays, PrintWriter out) {
            if (acceptances.isEmpty()) {
                out.println("No risk acceptance matches.");
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Number", "Title", "State", "Residual risk", "Start", "End", "Days left", "Devices", "Findings named",
                    "Findings held"));
            for (RiskAcceptance acceptance : acceptances) {
                AcceptanceState shown = acceptance.state(today, warningDays);
                rows.add(List.of(acceptance.number(), acceptance.title(), shown.word(),
                        acceptance.level().label() + " (" + acceptance.likelihood() + " x " + acceptance.severity() + " = "
                                + acceptance.residualScore() + ")", acceptance.startDate().toString(), acceptance.endDate().toString(),
                        shown.holdsFindings() ? Long.toString(acceptance.daysLeft(today)) : "",
                        count(acceptance.devices().size()), count(acceptance.findings().size()), count(acceptance.heldFindings().size())));
            }
            TextTable.print(rows, out);
            out.println(count(acceptances.size()) + (acceptances.size() == 1 ? " risk acceptance" : " risk acceptances"));
            out.println("Findings named are chosen one by one; findings held are those at risk accepted, which include every finding"
                    + " of a device in scope.");
        }

        private static String count(int value) {
            return String.format(Locale.US, "%,d", value);
        }
    }
}
