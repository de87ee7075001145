package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.patchdesk.common.AtomicFiles;
import org.patchdesk.governance.segmentation.SegmentationCase;
import org.patchdesk.governance.segmentation.SegmentationCasePdf;
import org.patchdesk.governance.segmentation.SegmentationCriteria;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.risk.ssvc.SystemExposure;
import org.patchdesk.workspace.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "segmentation", mixinStandardHelpOptions = true,
        description = {"Writes the investment case for segmenting a group of devices as a one-page PDF: each open finding's SSVC"
                + " decision now and with the target System Exposure, KEV-exposed devices, and unpatchable devices that would gain"
                + " a control. Nothing is saved.",
                "Choose the devices with at least one of --department, --device-type and --product; a device must match all given."})
final class ReportSegmentationCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--department", paramLabel = "D", description = "Devices of this department (case is ignored).")
    String department;

    @Option(names = "--device-type", paramLabel = "T", description = "Devices of this device type (case is ignored).")
    String deviceType;

    @Option(names = "--product", paramLabel = "P", description = "Devices of this product: the model, or manufacturer and model.")
    String product;

    @Option(names = "--exposure", required = true, paramLabel = "small|controlled",
            description = "The SSVC System Exposure the segmentation gives the devices: small or controlled.")
    String exposure;

    @Parameters(index = "0", paramLabel = "FILE.pdf", description = "The file to write; an existing file is replaced.")
    Path file;

    ReportSegmentationCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            throw new ParameterException(spec.commandLine(), file + ": the file name must end in .pdf");
        }
        AtomicFiles.requireFolder(file);
        Services services = context.services();
        SegmentationCriteria criteria = criteria(services);
        SegmentationCase result = services.segmentationCases().compute(criteria);
        SegmentationCasePdf.write(result, services.reportSite(), context.printedBy().name(), file);

        PrintWriter out = spec.commandLine().getOut();
        out.println(result.title() + ": " + SegmentationCase.count(result.devices(), "device", "devices") + ", "
                + SegmentationCase.count(result.openFindings(), "open finding", "open findings"));
        for (Decision decision : new Decision[] {Decision.IMMEDIATE, Decision.OUT_OF_CYCLE, Decision.SCHEDULED, Decision.DEFER}) {
            out.printf(Locale.US, "  %-13s %,6d now, %,6d after%n", decision.word(), result.before().get(decision),
                    result.after().get(decision));
        }
        out.printf(Locale.US, "Leave immediate: %,d; leave out-of-cycle: %,d%n", result.leavingImmediate(), result.leavingOutOfCycle());
        out.printf(Locale.US, "KEV-exposed devices: %,d (exposure lowered for %,d)%n", result.kevDevices(), result.kevDevicesLowered());
        out.printf(Locale.US, "Unpatchable devices: %,d, of which %,d would gain a control%n", result.unpatchableDevices(),
                result.gainingControl().size());
        out.println("Wrote the segmentation case to " + file);
        out.flush();
        return CommandLineRunner.EXIT_DONE;
    }

    private SegmentationCriteria criteria(Services services) {
        SystemExposure target;
        try {
            target = SystemExposure.fromWord(exposure);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--exposure '" + exposure + "' is not a System Exposure; use small or controlled");
        }
        try {
            String chosen = department == null ? null
                    : DepartmentOption.resolve(spec, department, services.segmentationCases().choices().departments());
            return new SegmentationCriteria(chosen, deviceType, product, target);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
