package org.patchdesk.cli;

import java.io.PrintWriter;
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
        subcommands = {VulnsCommand.Add.class})
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
}
