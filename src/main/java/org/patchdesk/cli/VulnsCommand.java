package org.patchdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchdesk.intel.ManualVulnerabilities;
import org.patchdesk.risk.IntelligenceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "vulns", mixinStandardHelpOptions = true,
        description = "Works with vulnerabilities.",
        subcommands = {VulnsCommand.Add.class, VulnsCommand.ListManual.class, VulnsCommand.Remove.class})
final class VulnsCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a vulnerability by hand, for example from a vendor letter, and the findings it causes.",
                    "Prints what was added and the findings it changed."})
    static final class Add implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CVE", description = "The CVE id, such as CVE-2024-12345.")
        String cve;

        @Option(names = "--manufacturer", required = true, paramLabel = "NAME", description = "The affected product's manufacturer.")
        String manufacturer;

        @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The affected product's model.")
        String model;

        @Option(names = "--versions", paramLabel = "RANGE",
                description = "The affected versions, such as '<=2.4' or '>=1.0|<2.0' (default: all versions).")
        String versions;

        @Option(names = "--cvss", paramLabel = "VECTOR", description = "A CVSS 3.0, 3.1 or 4.0 vector, such as CVSS:3.1/AV:N/AC:L/...")
        String cvss;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the vulnerability is.")
        String description;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            IntelligenceService.ManualResult result = context.services().intelligence().addManual(
                    new ManualVulnerabilities.Entry(cve, manufacturer, model, versions, cvss, description), context.actor());
            PrintWriter out = spec.commandLine().getOut();
            out.println(result.describe());
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the vulnerabilities entered by hand.")
    static final class ListManual implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        ListManual(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<ManualVulnerabilities.Stored> entries = context.services().intelligence().listManual();
            PrintWriter out = spec.commandLine().getOut();
            if (entries.isEmpty()) {
                out.println("No vulnerability was entered by hand.");
            } else {
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of("CVE", "Manufacturer", "Model", "Versions", "CVSS", "Entered by", "Entered on"));
                for (ManualVulnerabilities.Stored entry : entries) {
                    rows.add(List.of(entry.cveId(), entry.manufacturer(), entry.model(),
                            entry.versions() == null ? "all" : entry.versions(), entry.cvssVector() == null ? "" : entry.cvssVector(),
                            entry.enteredBy(), entry.enteredAt().toLocalDate().toString()));
                }
                TextTable.print(rows, out);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Removes a vulnerability entered by hand for one manufacturer and model.",
                    "Findings that no other source supports are withdrawn. Prints the findings it changed."})
    static final class Remove implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CVE", description = "The CVE id, as vulns list shows it.")
        String cve;

        @Option(names = "--manufacturer", required = true, paramLabel = "NAME", description = "The manufacturer, as entered.")
        String manufacturer;

        @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model, as entered.")
        String model;

        Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            IntelligenceService.FindingChanges changes = context.services().intelligence().removeManual(cve, manufacturer, model,
                    context.actor());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Removed " + cve.strip().toUpperCase(java.util.Locale.ROOT) + " for " + manufacturer.strip() + " " + model.strip()
                    + "; " + changes.describe());
            out.flush();
            return 0;
        }
    }
}
