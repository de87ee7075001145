package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.patchdesk.intel.feeds.CveIds;
import org.patchdesk.risk.Finding;
import org.patchdesk.risk.FindingService;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.risk.WorklistQuery;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.risk.ssvc.Decision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "findings", mixinStandardHelpOptions = true,
        description = "Lists and explains findings: vulnerabilities on devices, ranked by SSVC decision and priority.",
        subcommands = {FindingsCommand.ListFindings.class, FindingsCommand.Explain.class})
final class FindingsCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists findings, most urgent first: by decision (immediate, out-of-cycle, scheduled, defer), then priority.",
                    "By default only open findings. The CSV (UTF-8, comma, ISO dates) holds SSVC values as SSVC words;"
                            + " KEV is yes, no, or 'not checked' when no catalog was ever imported."})
    static final class ListFindings implements Callable<Integer> {

        enum Format { table, csv }

        private static final int TABLE_LIMIT = 200;

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--decision", paramLabel = "D", split = ",",
                description = "Only findings with these decisions: immediate, out-of-cycle, scheduled, defer (repeatable or comma-separated).")
        List<String> decisions = new ArrayList<>();

        @Option(names = "--status", paramLabel = "S", split = ",",
                description = "Only findings with these statuses: open, mitigated, patched, 'risk accepted', 'not affected', withdrawn"
                        + " (default: open).")
        List<String> statuses = new ArrayList<>();

        @Option(names = "--all-statuses", description = "Findings of every status.")
        boolean allStatuses;

        @Option(names = "--kev", description = "Only findings listed in the CISA KEV catalog.")
        boolean kevOnly;

        @Option(names = "--min-epss", paramLabel = "P", description = "Only findings whose EPSS probability is at least P (0 to 1).")
        Double minEpss;

        @Option(names = "--overdue", description = "Only open findings past their due date.")
        boolean overdue;

        @Option(names = "--department", paramLabel = "NAME", description = "Only devices of this department.")
        String department;

        ListFindings(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            WorklistQuery query = query();
            FindingService findings = context.services().findings();
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.csv) {
                findings.writeCsv(query, out);
                out.flush();
                return 0;
            }
            FindingService.Page page = findings.worklist(query, 0, TABLE_LIMIT);
            LocalDate today = LocalDate.now(context.clock());
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Decision", "Priority", "Asset Tag", "Device", "CVE", "CVSS", "EPSS", "KEV", "Due", "Status"));
            for (WorklistRow row : page.rows()) {
                Finding f = row.finding();
                rows.add(List.of(orEmpty(f.decision()), String.format(Locale.US, "%.2f", f.priority()), row.assetTag(),
                        (orEmpty(row.manufacturer()) + " " + orEmpty(row.model())).strip(), f.cveId(),
                        f.cvssScore() == null ? "" : f.cvssScore().toPlainString() + " (" + f.cvssVersion() + ")",
                        f.epss() == null ? "" : String.format(Locale.US, "%.4f", f.epss()), f.kevWord(),
                        f.dueDate() == null ? "" : f.dueDate() + (f.overdue(today) ? " overdue" : ""),
                        f.statusValue().word() + (f.reviewValue() == org.patchdesk.risk.ReviewFlag.VERSION ? ", version needs review" : "")));
            }
            TextTable.print(rows, out);
            out.println(page.total() > page.rows().size()
                    ? "First " + page.rows().size() + " of " + page.total() + " findings; --format csv lists them all"
                    : page.total() + (page.total() == 1 ? " finding" : " findings"));
            out.flush();
            return 0;
        }

        private WorklistQuery query() {
            Set<Decision> decisionSet = EnumSet.noneOf(Decision.class);
            for (String word : decisions) {
                try {
                    decisionSet.add(Decision.fromWord(word));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "Invalid --decision '" + word
                            + "': use immediate, out-of-cycle, scheduled or defer");
                }
            }
            Set<FindingStatus> statusSet = EnumSet.noneOf(FindingStatus.class);
            for (String word : statuses) {
                try {
                    statusSet.add(FindingStatus.parse(word));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "Invalid --status: " + e.getMessage());
                }
            }
            if (statusSet.isEmpty() && !allStatuses) {
                statusSet.add(FindingStatus.OPEN);
            }
            if (minEpss != null && (minEpss < 0 || minEpss > 1)) {
                throw new ParameterException(spec.commandLine(), "Invalid --min-epss " + minEpss + ": an EPSS probability is from 0 to 1");
            }
            return WorklistQuery.everything().withDecisions(decisionSet).withStatuses(statusSet).withKevOnly(kevOnly).withMinEpss(minEpss)
                    .withOverdueOnly(overdue).withDepartment(department);
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Explains a finding: every input of its decision, priority and due date, where each came from, and the table rows used.")
    static final class Explain implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ASSET_TAG", description = "The device's asset tag.")
        String assetTag;

        @Parameters(index = "1", paramLabel = "CVE", description = "The CVE id.")
        String cve;

        Explain(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            FindingService findings = context.services().findings();
            if (CveIds.normalize(cve) == null && CveIds.normalize(assetTag) != null) {
                throw new IllegalArgumentException("'" + cve.strip() + "' is not a CVE id; give the asset tag first:"
                        + " findings explain ASSET_TAG CVE");
            }
            WorklistRow row = findings.find(assetTag, cve).orElseThrow(() -> new IllegalArgumentException(
                    context.services().devices().findByAssetTag(assetTag).isEmpty()
                            ? "No device has the asset tag " + assetTag.strip()
                            : "No finding of " + CveIds.normalize(cve) + " on the device with asset tag " + assetTag.strip()));
            PrintWriter out = spec.commandLine().getOut();
            out.print(findings.explain(row.finding().id()).asText());
            out.flush();
            return 0;
        }
    }
}
