package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.inventory.Device;
import org.patchdesk.testing.TestSites;
import org.patchdesk.windows.CabStatus;
import org.patchdesk.windows.WindowDraft;
import org.patchdesk.windows.WindowType;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** The report department command on a site with pumps in the ICU and the NICU. */
class ReportDepartmentCommandTest {

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void site() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            Device pump = ControlFixtures.pump(services, "ICU-PUMP-1", "ICU");
            ControlFixtures.pump(services, "NICU-PUMP-1", "NICU");
            ControlFixtures.vulnerabilities(services);
            Instant start = LocalDateTime.parse("2026-12-09T22:00").atZone(TestSites.CLOCK.getZone()).toInstant();
            services.windows().create(new WindowDraft("ICU pump update", start, start.plusSeconds(3600), "ICU", null, WindowType.ROUTINE,
                    null, List.of(new WindowDraft.Planned(pump.id(), 25)), null, CabStatus.NOT_SUBMITTED, null), TestSites.TECHNICIAN);
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
    void departmentSummaryIsWritten() throws Exception {
        Path file = folder.resolve("icu.pdf");

        Run run = run("report", "department", "--department", "icu", file.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Wrote the ICU summary to " + file + ": 1 patch window, 2 high-priority findings, 0 decisions"
                + " needed" + System.lineSeparator());
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("ICU pump update").contains("25 min").doesNotContain("NICU-PUMP-1");
        }
    }

    @Test
    void unknownDepartmentListsKnownOnes() {
        Run run = run("report", "department", "--department", "Burn Unit", folder.resolve("burn.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).startsWith("--department 'Burn Unit' is not a department of the inventory; departments: ICU, NICU");
        assertThat(folder.resolve("burn.pdf")).doesNotExist();
    }

    @Test
    void horizonOutsideRangeNamesOption() {
        Run run = run("report", "department", "--department", "ICU", "--days", "0", folder.resolve("icu.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).startsWith("--days 0: use 1 to 366");
    }

    @Test
    void missingDepartmentIsUsageError() {
        Run run = run("report", "department", folder.resolve("icu.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).contains("--department");
    }
}
