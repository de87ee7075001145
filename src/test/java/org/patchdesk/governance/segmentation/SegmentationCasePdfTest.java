package org.patchdesk.governance.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.planning.Patchability;
import org.patchdesk.risk.ScoringSettings;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.risk.ssvc.SystemExposure;
import org.patchdesk.testing.TestSites;

/** The printed case, built from a case made by hand: a large product spread over many departments. */
class SegmentationCasePdfTest {

    @TempDir
    Path folder;

    /**
     * 20 departments of 3 devices, each with an unpatchable device and 2 findings: an immediate
     * one that becomes out-of-cycle, and an out-of-cycle one that becomes scheduled.
     */
    private static SegmentationCase largeCase() {
        List<SegmentationCase.FindingChange> findings = new ArrayList<>();
        List<SegmentationCase.UnpatchableDevice> gaining = new ArrayList<>();
        List<SegmentationCase.GroupRow> groups = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String department = "Department with a long name number " + i;
            long device = i * 10L;
            findings.add(new SegmentationCase.FindingChange(i * 2L, device, "PUMP-" + i, "CVE-2026-0001", department, true,
                    SystemExposure.OPEN, "the device's network exposure", SystemExposure.CONTROLLED, Decision.IMMEDIATE,
                    Decision.OUT_OF_CYCLE));
            findings.add(new SegmentationCase.FindingChange(i * 2L + 1, device, "PUMP-" + i, "CVE-2026-0002", department, false,
                    SystemExposure.OPEN, "the device's network exposure", SystemExposure.CONTROLLED, Decision.OUT_OF_CYCLE,
                    Decision.SCHEDULED));
            gaining.add(new SegmentationCase.UnpatchableDevice(device, "PUMP-" + i, department, "Infusion Pump", "Example Medical",
                    "Pump A", Patchability.UNSUPPORTED, "Windows 7 reached its end of support on 2020-01-14"));
            groups.add(new SegmentationCase.GroupRow(department, 3, 2, 1, 0, 1, 1));
        }
        return new SegmentationCase(new SegmentationCriteria(null, null, "Example Medical Pump A", SystemExposure.CONTROLLED),
                LocalDate.of(2026, 12, 4), ZonedDateTime.now(TestSites.CLOCK), ScoringSettings.defaults(), 60, 20, findings, gaining,
                "Department", groups);
    }

    @Test
    void largeCaseStaysOnOnePage() throws Exception {
        Path pdf = folder.resolve("large.pdf");

        SegmentationCasePdf.write(largeCase(), "General Hospital", "jtech", pdf);
        java.nio.file.Files.copy(pdf, java.nio.file.Files.createDirectories(Path.of("target", "segmentation")).resolve("large.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("General Hospital");
            assertThat(text).contains("Immediate 20 0 -20");
            assertThat(text).contains("Out-of-cycle 20 20 0");
            assertThat(text).contains("Scheduled 0 20 +20");
            assertThat(text).contains("20 findings would no longer need immediate patching, and 20 findings would move from"
                    + " out-of-cycle");
            assertThat(text).contains("14 others 42 28 14 → 0 14 → 14");
            assertThat(text).contains("Urgent findings 20 leave immediate; 20 leave out-of-cycle");
            assertThat(text).contains("Devices covered 60, of which 20 have 40 open findings");
            assertThat(text).contains("PUMP-1, PUMP-2").contains("and 12 more");
            assertThat(text).contains("Computed 2026-12-04 07:00 CST by jtech; nothing was saved");
        }
    }

    @Test
    void caseWithoutFindingsSaysSo() {
        SegmentationCase empty = new SegmentationCase(new SegmentationCriteria("Pharmacy", null, null, SystemExposure.SMALL),
                LocalDate.of(2026, 12, 4), ZonedDateTime.now(TestSites.CLOCK), ScoringSettings.defaults(), 4, 0, List.of(), List.of(),
                "Device type", List.of(new SegmentationCase.GroupRow("Dispensing Cabinet", 4, 0, 0, 0, 0, 0)));

        assertThat(empty.answer()).isEqualTo("The answer: these devices have no open findings today, so no"
                + " patching decision changes.");
    }
}
