package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.patchdesk.inventory.Manufacturer;
import org.patchdesk.vendors.FdaClock;
import org.patchdesk.vendors.RequestCsv;
import org.patchdesk.vendors.RequestFilter;
import org.patchdesk.vendors.RequestStatus;
import org.patchdesk.vendors.ValidationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "vendors", mixinStandardHelpOptions = true,
        description = "Shows vendor coordination: validation requests to manufacturers.",
        subcommands = {VendorsCommand.Requests.class})
final class VendorsCommand extends CommandGroup {

    @Command(name = "requests", mixinStandardHelpOptions = true,
            description = {"Lists validation requests, the most recently requested first, with their follow-up dates and, for"
                    + " vulnerabilities the manufacturer calls uncontrolled, the FDA clocks: customer communication by day 30 and"
                    + " fix by day 60. Days left are negative when past due.",
                    "The CSV (UTF-8, comma, ISO dates) has one row per request. Exit code 1 when --overdue lists a request."})
    static final class Requests implements Callable<Integer> {

        enum Format { table, csv }

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--open", description = "Only open requests: requested or acknowledged.")
        boolean open;

        @Option(names = "--overdue", description = "Only open requests whose follow-up date is before today, the longest overdue first.")
        boolean overdue;

        @Option(names = "--vendor", paramLabel = "NAME", description = "Only requests to this manufacturer, by name or alias.")
        String vendor;

        @Option(names = "--status", paramLabel = "S", split = ",",
                description = "Only requests with these statuses: requested, acknowledged, validated, rejected, no-response"
                        + " (repeatable or comma-separated).")
        List<String> statuses = new ArrayList<>();

        Requests(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            RequestFilter filter = filter();
            List<ValidationRequest> requests = context.services().validationRequests().list(filter);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.csv) {
                RequestCsv.write(requests, out);
            } else {
                printTable(requests, out);
            }
            out.flush();
            return overdue && !requests.isEmpty() ? CommandLineRunner.EXIT_FAILED : CommandLineRunner.EXIT_DONE;
        }

        private RequestFilter filter() {
            Set<RequestStatus> chosen = EnumSet.noneOf(RequestStatus.class);
            for (String word : statuses) {
                try {
                    chosen.add(RequestStatus.parse(word));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "Invalid --status: " + e.getMessage());
                }
            }
            Long manufacturerId = null;
            if (vendor != null) {
                manufacturerId = context.services().manufacturers().findByAlias(vendor).map(Manufacturer::id)
                        .orElseThrow(() -> new IllegalArgumentException("No manufacturer is named '" + vendor.strip()
                                + "'; the Manufacturers screen lists the names and aliases"));
            }
            return RequestFilter.all().withManufacturer(manufacturerId).withStatuses(chosen).withOpenOnly(open).withOverdueOnly(overdue);
        }

        private static void printTable(List<ValidationRequest> requests, PrintWriter out) {
            if (requests.isEmpty()) {
                out.println("No validation request matches.");
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Id", "Manufacturer", "Model", "Subject", "Requested", "Status", "Follow-up", "FDA day 30", "FDA day 60"));
            for (ValidationRequest r : requests) {
                FdaClock clock = r.fdaClock();
                String followUp = r.followUpOn() == null ? "" : r.followUpOn() + (r.followUpOverdue() ? " overdue" : "");
                rows.add(List.of(String.valueOf(r.id()), r.manufacturer(), r.model(), r.subject(), r.requestedOn().toString(),
                        r.status().label() + " " + r.statusOn(), followUp, clockText(clock, true), clockText(clock, false)));
            }
            TextTable.print(rows, out);
            out.println(requests.size() + (requests.size() == 1 ? " request" : " requests"));
        }

        private static String clockText(FdaClock clock, boolean communication) {
            if (clock == null) {
                return "";
            }
            if (!clock.known()) {
                return "start unknown";
            }
            return communication ? clock.communicationText() : clock.fixText();
        }
    }
}
