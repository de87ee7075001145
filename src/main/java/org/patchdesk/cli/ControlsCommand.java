package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlCsv;
import org.patchdesk.controls.ControlFilter;
import org.patchdesk.controls.ControlService;
import org.patchdesk.controls.ControlType;
import org.patchdesk.inventory.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "controls", mixinStandardHelpOptions = true,
        description = "Shows the compensating controls in place and their verification.",
        subcommands = {ControlsCommand.ListControls.class})
final class ControlsCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists compensating controls, the soonest next verification first, with the devices and findings each"
                    + " covers and its verification state. A control counts for scoring up to and including its next verification"
                    + " date and is overdue from the day after.",
                    "The CSV (UTF-8, comma, ISO dates) has one row per control. Exit code 1 when --overdue lists a control."})
    static final class ListControls implements Callable<Integer> {

        enum Format { table, csv }

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--overdue", description = "Only controls whose verification is overdue.")
        boolean overdue;

        @Option(names = "--device", paramLabel = "TAG", description = "Only controls that cover the device with this asset tag, or one of"
                + " its findings.")
        String device;

        @Option(names = "--type", paramLabel = "CODE", description = "Only controls of this type, by its catalog code such as"
                + " network-segmentation or firewall-acl.")
        String type;

        ListControls(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            ControlService controls = context.services().controls();
            ControlFilter filter = ControlFilter.all().withOverdueOnly(overdue);
            if (type != null) {
                String code = type.strip();
                if (controls.catalog().stream().noneMatch(candidate -> candidate.code().equals(code))) {
                    throw new ParameterException(spec.commandLine(), "Invalid --type: '" + code + "' is not in the catalog; use one of "
                            + String.join(", ", controls.catalog().stream().map(ControlType::code).toList()));
                }
                filter = filter.withType(code);
            }
            if (device != null) {
                Device found = context.services().devices().findByAssetTag(device)
                        .orElseThrow(() -> new IllegalArgumentException("No device has the asset tag '" + device.strip() + "'"));
                filter = filter.withDevice(found.id());
            }
            List<CompensatingControl> listed = controls.list(filter);
            LocalDate today = controls.today();
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.csv) {
                ControlCsv.write(listed, today, out);
            } else {
                printTable(listed, today, out);
            }
            out.flush();
            return overdue && !listed.isEmpty() ? CommandLineRunner.EXIT_FAILED : CommandLineRunner.EXIT_DONE;
        }

        private static void printTable(List<CompensatingControl> controls, LocalDate today, PrintWriter out) {
            if (controls.isEmpty()) {
                out.println("No compensating control matches.");
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Id", "Type", "Title", "Owner", "State", "Devices", "Findings"));
            for (CompensatingControl control : controls) {
                rows.add(List.of(String.valueOf(control.id()), control.type().name(), control.title(), control.owner(),
                        control.stateText(today), String.valueOf(control.devices().size()), String.valueOf(control.findings().size())));
            }
            TextTable.print(rows, out);
            out.println(controls.size() + (controls.size() == 1 ? " control" : " controls"));
        }
    }
}
