package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.reports.packet.AuditPacket;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** The report packet command, run as a user runs it. */
class ReportPacketCommandTest {

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void addDevice() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "PUMP-0001").set(DeviceField.DEPARTMENT, "ICU"),
                    TestSites.TECHNICIAN);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of("PATCHDESK_DATA_DIR", folder.resolve("data").toString()), TestSites.CLOCK,
                Workspace::open);
        int code = CommandLineRunner.run(args, context, dataFolder -> {
            throw new AssertionError("The window must not open in a command-line test");
        }, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void packetWrittenWithEverySection() throws Exception {
        Path target = folder.resolve("packet.pdf");

        Run run = run("report", "packet", target.toString(), "--from", "2026-01-01", "--to", "2026-12-04");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote the audit packet to " + target).containsPattern("Executive summary\\s+page 2");
        try (PDDocument document = Loader.loadPDF(target.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Audit packet, 2026-01-01 to 2026-12-04");
            for (String section : AuditPacket.SECTIONS) {
                assertThat(text).contains(section);
            }
        }
    }

    @Test
    void badDateNamesOption() {
        Run run = run("report", "packet", folder.resolve("packet.pdf").toString(), "--to", "2026-02-30");

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).contains("--to '2026-02-30' is not a date");
        assertThat(folder.resolve("packet.pdf")).doesNotExist();
    }

    @Test
    void reversedRangeIsUsageError() {
        Run run = run("report", "packet", folder.resolve("packet.pdf").toString(), "--from", "2026-12-01", "--to", "2026-11-01");

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).contains("--to 2026-11-01 is before --from 2026-12-01");
    }

    @Test
    void wrongExtensionIsUsageError() {
        Run run = run("report", "packet", folder.resolve("packet.xlsx").toString());

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).contains("must end in .pdf");
    }
}
