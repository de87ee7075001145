package org.patchdesk.reports.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.acceptance.RiskLevel;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.reports.department.DepartmentSummary.AffectedDevice;
import org.patchdesk.reports.department.DepartmentSummary.HighPriorityFinding;
import org.patchdesk.reports.department.DepartmentSummary.PendingAcceptance;
import org.patchdesk.reports.department.DepartmentSummary.SupportEnding;
import org.patchdesk.reports.department.DepartmentSummary.UpcomingWindow;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.Role;
import org.patchdesk.windows.WindowStatus;
import org.patchdesk.windows.WindowType;
import org.patchdesk.workspace.Services;

class DepartmentSummaryPdfTest {

    @TempDir
    Path folder;

    private record Printed(int pages, String text) {
    }

    private static Printed read(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            return new Printed(document.getNumberOfPages(), new PDFTextStripper().getText(document).replaceAll("\\s+", " "));
        }
    }

    @Test
    void summaryPrintsEverySectionAndFigure() throws Exception {
        Path file = folder.resolve("icu.pdf");
        try (Services services = TestSites.open(folder.resolve("data"))) {
            DepartmentFixtures site = DepartmentFixtures.build(services, folder);
            DepartmentSummary icu = services.departmentSummaries().summarize("ICU", 30);

            DepartmentSummaryPdf.write(icu, "PatchDesk", "jtech", file);

            Printed printed = read(file);
            assertThat(printed.pages()).isEqualTo(1);
            assertThat(printed.text())
                    .contains("Department summary: ICU")
                    .contains("ICU: patching and device security")
                    .contains("For Friday, December 4, 2026. Patch windows are those of the next 30 days, through Saturday,"
                            + " January 2, 2027. ICU has 2 devices in service.")
                    .contains("1 window in the next 30 days takes 2 devices out of service, 20 min of downtime in total.")
                    .contains("4 high-priority problems on 2 devices")
                    .contains("2 are known to be used in attacks.")
                    .contains("4: 2 window approvals, 1 risk acceptance signature, 1 end-of-support plan.")
                    .contains("Patch windows in the next 30 days (1)")
                    .contains("Mon Dec 7, 10:00 PM to Tue 1:00 AM")
                    .contains("ICU pumps, wave 1 (routine)")
                    .contains("20 min; 1 not estimated")
                    .contains("Waiting for clinical approval")
                    .contains("Security problems that need work soon (4 on 2 devices)")
                    .contains("(CVE-2026-40002). Known to be used in attacks (CISA KEV). Plus 1 more.")
                    .contains("Control: NDR sensor on pump VLAN")
                    .contains("Risk acceptance " + site.icuHigh.number() + " (submitted)")
                    .contains("Decisions needed from clinical leadership (4)")
                    .contains("Approve the patch window ICU pumps, wave 2")
                    .contains("Sign risk acceptance " + site.icuHigh.number())
                    .contains("High remaining risk, 1 device here")
                    .contains("Baxter Life 2000: 2 devices (ICU-PUMP-1, ICU-PUMP-2) will stop getting security updates.")
                    .contains("Ends Jun 30, 2027")
                    .contains("Printed by jtech on 2026-12-04 07:00 CST")
                    .doesNotContain("CVSS:")
                    .doesNotContain("see the audit workbook.");
        }
    }

    @Test
    void twoHundredFindingsStayOnOnePage() throws Exception {
        Path file = folder.resolve("busy.pdf");

        DepartmentSummaryPdf.write(busySummary(), new ReportSite("PatchDesk", true), "jtech", file);

        Printed printed = read(file);
        assertThat(printed.pages()).isEqualTo(1);
        assertThat(printed.text())
                .contains(ReportSite.DEMO_MARK)
                .contains("200 high-priority problems on 200 devices, 50 immediate, 150 out-of-cycle. 40 are known to be used in attacks."
                        + " 10 are overdue. 100 have nothing planned yet.")
                .contains("Patch windows in the next 30 days (15)")
                .contains("Security problems that need work soon (200 on 200 devices)")
                .contains("Decisions needed from clinical leadership (30)")
                .containsPattern("… and 1\\d more windows — see the audit workbook\\.")
                .containsPattern("… and 19\\d more devices — see the audit workbook\\.")
                .containsPattern("… and 2\\d more decisions — see the audit workbook\\.");
    }

    @Test
    void emptyDepartmentSaysSo() throws Exception {
        Path file = folder.resolve("quiet.pdf");
        DepartmentSummary quiet = new DepartmentSummary("Oncology", LocalDate.of(2026, 12, 4), 14, now(), 12, List.of(), List.of(),
                List.of(), List.of(), List.of(), 0);

        DepartmentSummaryPdf.write(quiet, "PatchDesk", "jtech", file);

        Printed printed = read(file);
        assertThat(printed.pages()).isEqualTo(1);
        assertThat(printed.text())
                .contains("Patch windows None in the next 14 days.")
                .contains("No patch window is planned for Oncology devices.")
                .contains("No Oncology device has an open problem that needs immediate or out-of-cycle work.")
                .contains("No window approval, risk acceptance signature or end-of-support plan waits for clinical leadership.")
                .doesNotContain("Out of support");
    }

    @Test
    void devicesOutOfSupportAreNamedWhenNoDecisionWaits() {
        DepartmentSummary none = quiet(0);
        DepartmentSummary one = quiet(1);
        DepartmentSummary many = quiet(1253);

        assertThat(DepartmentSummaryPdf.noDecisionsSentence(none))
                .isEqualTo("No window approval, risk acceptance signature or end-of-support plan waits for clinical leadership.");
        assertThat(DepartmentSummaryPdf.noDecisionsSentence(one)).isEqualTo("No window approval or risk acceptance signature waits for"
                + " clinical leadership, and no support ends in the next 12 months. 1 device already out of support needs a"
                + " replacement or isolation plan with clinical engineering.");
        assertThat(DepartmentSummaryPdf.noDecisionsSentence(many)).endsWith(" 1,253 devices already out of support need a"
                + " replacement or isolation plan with clinical engineering.");
    }

    @Test
    void noFindingsSentenceNeedsNoArticle() {
        assertThat(DepartmentSummaryPdf.noFindingsSentence(quiet(0)))
                .isEqualTo("No Oncology device has an open problem that needs immediate or out-of-cycle work.");
    }

    private static DepartmentSummary quiet(int unsupported) {
        return new DepartmentSummary("Oncology", LocalDate.of(2026, 12, 4), 14, now(), 1300, List.of(), List.of(), List.of(), List.of(),
                List.of(), unsupported);
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.now(TestSites.CLOCK);
    }

    /** Builds a department with 200 findings on 200 devices, 15 windows and 30 decisions, every text long enough to wrap. */
    private static DepartmentSummary busySummary() {
        String longText = " with a name long enough to wrap in its column several times over, as vendor titles sometimes are,"
                + " and then some more words";
        ZonedDateTime start = now().plusDays(2);
        List<UpcomingWindow> windows = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            List<AffectedDevice> devices = new ArrayList<>();
            for (int d = 0; d < 12; d++) {
                devices.add(new AffectedDevice(1000L * i + d, "TAG-" + i + "-" + d, "Infusion Pump Type " + d, 20 + d));
            }
            windows.add(new UpcomingWindow(i, "Window " + i + longText, start.plusDays(i), start.plusDays(i).plusHours(3), "ICU",
                    WindowType.ROUTINE, WindowStatus.AWAITING_APPROVAL, null, null, devices, 14));
        }
        List<HighPriorityFinding> findings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            findings.add(new HighPriorityFinding(i, i, "DEV-" + i, "Clinical Interface Server" + longText, "Philips", "PerformanceBridge",
                    "CVE-2026-" + (10000 + i), "Improper Input Validation" + longText, i % 4 == 0 ? Decision.IMMEDIATE : Decision.OUT_OF_CYCLE,
                    i % 5 == 0, "active", LocalDate.of(2026, i < 10 ? 11 : 12, 20), i % 2 == 0 ? List.of()
                    : List.of("Patch window Dec 9 (proposed)", "Control: a control" + longText)));
        }
        List<PendingAcceptance> acceptances = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            acceptances.add(new PendingAcceptance(i, "RA-" + i, "Acceptance" + longText, RiskLevel.HIGH, LocalDate.of(2026, 12, 10),
                    LocalDate.of(2027, 6, 9), Instant.parse("2026-12-01T15:00:00Z"), "jtech", 3,
                    List.of(Role.HTM_MANAGER, Role.INFOSEC, Role.CLINICAL_LEADER)));
        }
        List<SupportEnding> ending = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ending.add(new SupportEnding("Operating system " + i + longText, LocalDate.of(2027, 3, 1 + i), List.of("A", "B", "C", "D", "E")));
        }
        return new DepartmentSummary("ICU", LocalDate.of(2026, 12, 4), 30, now(), 400, windows, findings, windows, acceptances, ending, 3);
    }
}
