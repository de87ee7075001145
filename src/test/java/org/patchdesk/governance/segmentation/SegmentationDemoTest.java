package org.patchdesk.governance.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.MatchDecision;
import org.patchdesk.intel.MatchView;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.risk.WorklistQuery;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.risk.ssvc.SystemExposure;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.DemoData;
import org.patchdesk.workspace.Services;

/**
 * The segmentation case of the demo site after the match decisions the README describes: the
 * Windows 7 entries and the close matches for the Alaris PCU 8015 and the IntelliVue MX100.
 */
class SegmentationDemoTest {

    @TempDir
    static Path folder;

    private static Services services;

    @BeforeAll
    static void loadDemo() throws Exception {
        services = TestSites.open(folder.resolve("data"));
        DemoData.loadIfEmpty(services, TestSites.TECHNICIAN, ProgressMonitor.NONE);
        for (MatchView match : services.intelligence().listMatches()) {
            boolean named = match.inventorySide().equals("devices running Windows 7") || match.inventorySide().equals("BD Alaris PCU 8015")
                    || match.inventorySide().equals("Philips IntelliVue MX100");
            if (match.decision() == MatchDecision.PROPOSED && named) {
                services.intelligence().decideMatch(match.id(), MatchDecision.ACCEPTED, TestSites.MANAGER);
            }
        }
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private static SegmentationCase laboratory() {
        return services.segmentationCases().compute(new SegmentationCriteria("Laboratory", null, null, SystemExposure.SMALL));
    }

    @Test
    void decisionsNowMatchTheWorklist() {
        SegmentationCase laboratory = laboratory();

        WorklistQuery open = WorklistQuery.openFindings().withDepartment("Laboratory");
        assertThat(laboratory.openFindings()).isPositive().isEqualTo(services.findings().count(open));
        for (Decision decision : Decision.values()) {
            assertThat(laboratory.before().get(decision)).as(decision.word())
                    .isEqualTo(services.findings().count(open.withDecisions(Set.of(decision))));
        }
    }

    @Test
    void laboratoryFindingsKeepTheirDecisionAtSmallExposure() {
        SegmentationCase laboratory = laboratory();

        assertThat(laboratory.findingsLowered()).isEqualTo(laboratory.openFindings());
        assertThat(laboratory.findings()).allSatisfy(finding -> {
            assertThat(finding.exposureAfter()).isEqualTo(SystemExposure.SMALL);
            assertThat(finding.before()).as("active exploitation and high human impact stay out-of-cycle at every exposure")
                    .isEqualTo(Decision.OUT_OF_CYCLE);
        });
        assertThat(laboratory.after()).isEqualTo(laboratory.before());
        assertThat(laboratory.kevDevicesLowered()).isPositive().isEqualTo(laboratory.kevDevices());
        assertThat(laboratory.gainingControl()).isNotEmpty()
                .allSatisfy(device -> assertThat(SegmentationCaseService.UNPATCHABLE).contains(device.patchability()));
    }

    @Test
    void emergencyDepartmentGainsOneDeferral() {
        SegmentationCase emergency = services.segmentationCases().compute(new SegmentationCriteria("Emergency Department", null, null,
                SystemExposure.SMALL));

        assertThat(emergency.findingsChangingDecision()).isEqualTo(1);
        assertThat(emergency.after().get(Decision.DEFER)).isEqualTo(emergency.before().get(Decision.DEFER) + 1);
    }

    @Test
    void printedCaseIsOnePageWithTheFigures() throws Exception {
        SegmentationCase laboratory = laboratory();
        Path pdf = Files.createDirectories(Path.of("target", "segmentation")).resolve("demo-laboratory.pdf");

        SegmentationCasePdf.write(laboratory, new ReportSite("PatchDesk", true), "jtech", pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Investment case: Segmenting department Laboratory to small exposure");
            assertThat(text).contains("Out-of-cycle " + number(laboratory.before().get(Decision.OUT_OF_CYCLE)) + " "
                    + number(laboratory.after().get(Decision.OUT_OF_CYCLE)));
            assertThat(text).contains("Scheduled " + number(laboratory.before().get(Decision.SCHEDULED)) + " "
                    + number(laboratory.after().get(Decision.SCHEDULED)));
            for (SegmentationCase.Figure figure : laboratory.figures()) {
                assertThat(text).contains(figure.label() + " " + figure.text());
            }
            assertThat(laboratory.figures().get(0).text()).isEqualTo(number(laboratory.devices()) + ", of which "
                    + number(laboratory.devicesWithOpenFindings()) + " have " + number(laboratory.openFindings()) + " open findings");
            assertThat(text).contains("but the SSVC table gives none of them another decision");
            assertThat(text).contains("Computed on 2026-12-04 from the records as they are; nothing was saved.");
            assertThat(text).contains("Demo data");
        }
    }

    private static String number(int value) {
        return String.format(Locale.US, "%,d", value);
    }
}
