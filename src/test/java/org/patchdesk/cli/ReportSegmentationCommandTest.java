package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.ManualVulnerabilities;
import org.patchdesk.inventory.ClinicalCriticality;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.MissionImpact;
import org.patchdesk.inventory.NetworkExposure;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/**
 * report segmentation on one ICU pump whose CVE is in the test KEV catalog: immediate now (SSVC
 * deployer row 71: active, open, automatable, very high) and out-of-cycle at small exposure (row 55).
 */
class ReportSegmentationCommandTest {

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void site() throws Exception {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            Path files = Files.createDirectories(folder.resolve("files"));
            services.intelligence().importKev(TestSites.copyResource("/intel/kev/known_exploited_vulnerabilities.csv", files),
                    TestSites.TECHNICIAN, ProgressMonitor.NONE);
            services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "ICU-PUMP-1").set(DeviceField.DEPARTMENT, "ICU")
                    .set(DeviceField.DEVICE_TYPE, "Infusion Pump").set(DeviceField.MANUFACTURER, "Example Medical")
                    .set(DeviceField.MODEL, "Pump A").set(DeviceField.CRITICALITY, ClinicalCriticality.LIFE_SUSTAINING)
                    .set(DeviceField.MISSION_IMPACT, MissionImpact.MISSION_FAILURE)
                    .set(DeviceField.NETWORK_EXPOSURE, NetworkExposure.OPEN), TestSites.TECHNICIAN);
            services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2025-48384", "Example Medical", "Pump A", "",
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "vendor letter"), TestSites.TECHNICIAN);
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
    void writesTheCaseAndPrintsTheFigures() throws Exception {
        Path pdf = folder.resolve("icu.pdf");

        Run run = run("report", "segmentation", "--department", "ICU", "--exposure", "small", pdf.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Segmenting department ICU to small exposure: 1 device, 1 open finding")
                .contains("immediate          1 now,      0 after").contains("out-of-cycle       0 now,      1 after")
                .contains("Leave immediate: 1; leave out-of-cycle: 0").contains("KEV-exposed devices: 1 (exposure lowered for 1)")
                .contains("Wrote the segmentation case to " + pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("Immediate 1 0 -1")
                    .contains("Out-of-cycle 0 1 +1");
        }
    }

    @Test
    void badInputIsNamed() {
        Path pdf = folder.resolve("case.pdf");

        Run open = run("report", "segmentation", "--department", "ICU", "--exposure", "open", pdf.toString());
        Run none = run("report", "segmentation", "--exposure", "small", pdf.toString());
        Run typo = run("report", "segmentation", "--department", "ICU", "--exposure", "tiny", pdf.toString());
        Run unknown = run("report", "segmentation", "--department", "Cardiology", "--exposure", "small", pdf.toString());

        assertThat(open.exitCode()).isEqualTo(2);
        assertThat(open.err()).startsWith("The target System Exposure must be small or controlled");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("Choose the devices to segment");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).startsWith("--exposure 'tiny' is not a System Exposure; use small or controlled");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("--department 'Cardiology' is not a department of the inventory; departments: ICU");
        assertThat(pdf).doesNotExist();
    }
}
