package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchdesk.windows.PatchWindow;
import org.patchdesk.windows.WindowDevice;
import org.patchdesk.windows.WindowService;
import org.patchdesk.windows.WindowWarning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "windows", mixinStandardHelpOptions = true,
        description = "Lists patch windows and exports them as an iCalendar file.",
        subcommands = {WindowsCommand.ListWindows.class, WindowsCommand.Export.class, WindowsCommand.WorkOrder.class})
final class WindowsCommand extends CommandGroup {

    /** The dates of a range, in the site's time zone; both ends are whole days. */
    static final class Range {

        @Option(names = "--from", paramLabel = "DATE", description = "First day, as YYYY-MM-DD.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day, as YYYY-MM-DD.")
        LocalDate to;

        Instant start(ZoneId zone, Instant fallback) {
            return from == null ? fallback : from.atStartOfDay(zone).toInstant();
        }

        Instant end(ZoneId zone) {
            return to == null ? LocalDate.of(9999, 1, 1).atStartOfDay(zone).toInstant() : to.plusDays(1).atStartOfDay(zone).toInstant();
        }

        void check(CommandSpec spec) {
            if (from != null && to != null && to.isBefore(from)) {
                throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists patch windows by start time with their status, devices, approval and warnings.",
                    "Without --from, windows from 30 days ago on; times are in the site's time zone."})
    static final class ListWindows implements Callable<Integer> {

        enum Format { table, csv }

        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.ArgGroup(exclusive = false)
        Range range = new Range();

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        ListWindows(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            range.check(spec);
            ZoneId zone = context.clock().getZone();
            WindowService windows = context.services().windows();
            Instant fallback = LocalDate.now(context.clock()).minusDays(30).atStartOfDay(zone).toInstant();
            List<PatchWindow> found = windows.between(range.start(zone, fallback), range.end(zone));
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.csv) {
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
                printer.printRecord("ID", "Title", "Starts", "Ends", "Time Zone", "Department", "Location", "Type", "Status", "Devices",
                        "Asset Tags", "Planned Actions", "Approver", "Approver Role", "Approved At", "Conditions", "Change Ticket",
                        "CAB Status", "CAB Date", "Outcome", "Warnings");
                for (PatchWindow window : found) {
                    printer.printRecord(window.id(), window.title(), WHEN.format(window.startsAt().atZone(zone)),
                            WHEN.format(window.endsAt().atZone(zone)), zone.getId(), orEmpty(window.department()),
                            orEmpty(window.location()), window.type().word(), window.status().word(), window.devices().size(),
                            tags(window), orEmpty(window.plannedActions()),
                            window.approval() == null ? "" : window.approval().name(),
                            window.approval() == null ? "" : window.approval().role(),
                            window.approval() == null ? "" : WHEN.format(window.approval().approvedAt().atZone(zone)),
                            window.approval() == null ? "" : orEmpty(window.approval().conditions()), orEmpty(window.changeTicket()),
                            window.cabStatus().word(), window.cabDate() == null ? "" : window.cabDate().toString(),
                            orEmpty(window.outcomeNote()), warnings(windows, window).stream().map(WindowWarning::message)
                                    .collect(Collectors.joining("; ")));
                }
                printer.flush();
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("ID", "Starts", "Ends", "Title", "Department", "Type", "Status", "Devices", "Approved By", "Warnings"));
            for (PatchWindow window : found) {
                rows.add(List.of(String.valueOf(window.id()), WHEN.format(window.startsAt().atZone(zone)),
                        WHEN.format(window.endsAt().atZone(zone)), window.title(), orEmpty(window.department()), window.type().word(),
                        window.status().word(), String.valueOf(window.devices().size()),
                        window.approval() == null ? "" : window.approval().name() + " (" + window.approval().role() + ")",
                        String.valueOf(warnings(windows, window).size())));
            }
            TextTable.print(rows, out);
            out.println(found.size() == 1 ? "1 window" : found.size() + " windows");
            out.flush();
            return 0;
        }

        private static List<WindowWarning> warnings(WindowService windows, PatchWindow window) {
            return window.status().isOpen() ? windows.warnings(window) : List.of();
        }

        private static String tags(PatchWindow window) {
            return window.devices().stream().map(WindowDevice::assetTag).collect(Collectors.joining(", "));
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes patch windows to an iCalendar (.ics) file for Outlook, Google Calendar or Apple Calendar.",
                    "Without --from and --to, every window. Each window keeps its event id, so a newer file updates the events."})
    static final class Export implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.ics", description = "The file to write; an existing file is replaced.")
        Path file;

        @picocli.CommandLine.ArgGroup(exclusive = false)
        Range range = new Range();

        Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            range.check(spec);
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ics")) {
                throw new ParameterException(spec.commandLine(), file + ": the file name must end in .ics");
            }
            ZoneId zone = context.clock().getZone();
            List<PatchWindow> windows = context.services().windows().between(range.start(zone, Instant.EPOCH), range.end(zone));
            context.services().windowCalendar().write(windows, file);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Wrote " + (windows.size() == 1 ? "1 window" : windows.size() + " windows") + " to " + file);
            out.flush();
            return 0;
        }
    }

    @Command(name = "work-order", mixinStandardHelpOptions = true,
            description = "Writes a window's work order as a PDF: devices, approval, change ticket, playbook steps and sign-off lines.")
    static final class WorkOrder implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The window's number, as windows list shows it.")
        long windowId;

        @Parameters(index = "1", paramLabel = "FILE.pdf", description = "The file to write; an existing file is replaced.")
        Path file;

        WorkOrder(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                throw new ParameterException(spec.commandLine(), file + ": the file name must end in .pdf");
            }
            context.services().workOrders().write(windowId, file, context.printedBy());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Wrote the work order of window " + windowId + " to " + file);
            out.flush();
            return 0;
        }
    }
}
