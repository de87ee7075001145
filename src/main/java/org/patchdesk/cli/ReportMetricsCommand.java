package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchdesk.governance.Metric;
import org.patchdesk.governance.MetricsQuery;
import org.patchdesk.governance.MetricsReport;
import org.patchdesk.workspace.Services;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Prints every governance metric for a date range, for the site or one department.",
                "Without --from, the 12 months that end on the last day; without --to, the range ends today. Both days are included. The definitions are in"
                        + " docs/metrics.md."})
final class ReportMetricsCommand implements Callable<Integer> {

    enum Format { text, csv }

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ReportRangeOptions range;

    @Option(names = "--department", paramLabel = "NAME", description = "Only this department, as the inventory spells it (case is ignored).")
    String department;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    ReportMetricsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        LocalDate today = LocalDate.now(context.clock());
        ReportRangeOptions.Range typed = range.checked(today);
        LocalDate last = typed.last() == null ? today : typed.last();
        LocalDate first = typed.first() == null ? last.minusYears(1).plusDays(1) : typed.first();
        Services services = context.services();
        String chosen = department == null ? null : DepartmentOption.resolve(spec, department, services.metrics().departments());
        MetricsReport report = services.metrics().compute(new MetricsQuery(first, last, chosen));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.csv) {
            printCsv(report, out);
        } else {
            printText(services.siteName(), report, out);
        }
        out.flush();
        return CommandLineRunner.EXIT_DONE;
    }

    private static void printText(String site, MetricsReport report, PrintWriter out) {
        MetricsQuery query = report.query();
        out.println("Metrics for " + site + ", " + query.from() + " to " + query.to() + ", "
                + (query.department() == null ? "all departments" : "department " + query.department()));
        out.println("Counts of open items are as of " + report.asOf() + "; patch window " + report.patchWindowDays() + " days.");
        out.println();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Value", "Metric"));
        for (Metric metric : report.metrics()) {
            rows.add(List.of(metric.display(), metric.label()));
        }
        TextTable.print(rows, out);
    }

    private static void printCsv(MetricsReport report, PrintWriter out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        printer.printRecord("Key", "Metric", "Value", "Numerator", "Denominator", "From", "To", "Department", "As Of");
        MetricsQuery query = report.query();
        for (Metric metric : report.metrics()) {
            printer.printRecord(metric.key(), metric.label(), metric.value() == null ? "" : number(metric.value()),
                    metric.numerator() == null ? "" : metric.numerator(), metric.denominator() == null ? "" : metric.denominator(),
                    query.from(), query.to(), query.department() == null ? "" : query.department(), report.asOf());
        }
        printer.flush();
    }

    /** Writes a value with at most one decimal, without a thousands separator, as spreadsheets read it. */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.US, "%.1f", value);
    }
}
