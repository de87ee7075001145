package org.patchdesk.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.acceptance.AcceptanceFixtures.password;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.controls.ControlValues;
import org.patchdesk.inventory.Device;
import org.patchdesk.recovery.RecoveryProtocolValues;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.workspace.Services;

/** The printed risk acceptance form, read back as text. */
class RiskAcceptancePdfTest {

    @TempDir
    Path folder;

    private Services services;
    private Device pump;
    private CompensatingControl vlan;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        pump = AcceptanceFixtures.site(services);
        vlan = services.controls().create(new ControlValues("network-segmentation", "Pumps on VLAN 40", null, "Network team",
                LocalDate.of(2026, 11, 20), LocalDate.of(2027, 5, 20), "ACL 140"), TestSites.TECHNICIAN);
        services.recoveryProtocols().create(new RecoveryProtocolValues(null, pump.id(), "Use the spare pumps from biomed", null, null,
                null, null, "Charge nurse", null, null, null, null, List.of()), TestSites.TECHNICIAN);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ").strip();
        }
    }

    private Path print(long id) throws IOException {
        Path pdf = folder.resolve("RA-" + id + ".pdf");
        RiskAcceptancePdf.write(services.acceptances().form(id), ReportSite.of("General Hospital"), "Jamie Tech",
                ZonedDateTime.now(TestSites.CLOCK), pdf);
        return pdf;
    }

    @Test
    void formContainsEveryFieldControlsProtocolAndSignatures() throws IOException {
        RiskAcceptanceService acceptances = services.acceptances();
        AcceptanceValues base = AcceptanceFixtures.values(pump.id(), List.of(vlan.id()), AcceptanceFixtures.today(), 4, 4, 6);
        AcceptanceValues values = new AcceptanceValues(base.title(), AcceptanceReason.END_OF_LIFE, "Model retired by Baxter",
                LocalDate.of(2027, 5, 1), base.riskStatement(), 4, 4, RiskDecision.MITIGATE, 6, base.startDate(), base.deviceIds(),
                List.of(), base.controlIds());
        long id = acceptances.createDraft(values, TestSites.TECHNICIAN).id();
        acceptances.submit(id, TestSites.TECHNICIAN);
        acceptances.sign(id, "mmanager", password("mmanager"), SignatureMeaning.APPROVED, "Spare pumps ready", null);
        acceptances.sign(id, "cso", password("cso"), SignatureMeaning.APPROVED, null, null);

        String text = text(print(id));

        assertThat(text).contains("Risk acceptance RA-" + id + ": Pump server awaiting vendor patch")
                .contains("State Submitted on 2026-12-04")
                .contains("Requester Jamie Tech (jtech)")
                .contains("Reason End of life, with a replacement date")
                .contains("Reason details Model retired by Baxter")
                .contains("Replacement date 2027-05-01")
                .contains("Decision Mitigate")
                .contains("Requested duration 6 months (maximum 12)")
                .contains("Start date 2026-12-04")
                .contains("End date 2027-06-03")
                .contains("Remote code execution on the pump server could stop infusions")
                .contains("Likelihood 4 of 5").contains("Severity 4 of 5")
                .contains("Residual risk 4 x 4 = 16, High")
                .contains("Required approvers HTM manager, InfoSec/CISO, Clinical leader")
                .contains(AcceptanceFixtures.ICU_TAG).contains("Baxter").contains("Life 2000").contains("ICU")
                .contains("Network segmentation / VLAN").contains("Pumps on VLAN 40").contains("2027-05-20").contains("SC-7, AC-4")
                .contains("PR.IR-01")
                .contains("Morgan Manager (mmanager)").contains("HTM manager").contains("2026-12-04 07:00:00 CST").contains("Approved")
                .contains("Spare pumps ready")
                .contains("Casey Lee (cso)").contains("InfoSec/CISO")
                .contains("Signatures still required").contains("Clinical leader")
                .contains("Incident recovery protocol").contains("Use the spare pumps from biomed")
                .contains("Printed 2026-12-04 07:00 CST by Jamie Tech");
    }

    @Test
    void draftFormShowsEmptySignatureLines() throws IOException {
        long id = services.acceptances().createDraft(AcceptanceFixtures.medium(pump.id(), List.of(), AcceptanceFixtures.today()),
                TestSites.TECHNICIAN).id();

        String text = text(print(id));

        assertThat(text).contains("State Draft").contains("Submitted not yet").contains("No compensating control is linked.")
                .contains("No electronic signature has been given.").contains("Signatures still required")
                .contains("HTM manager").contains("InfoSec/CISO").contains("Residual risk 3 x 3 = 9, Medium");
    }

    @Test
    void formSaysWhenNoRecoveryProtocolApplies() throws IOException {
        services.recoveryProtocols().list().forEach(protocol -> services.recoveryProtocols().delete(protocol.id(), TestSites.TECHNICIAN));
        long id = services.acceptances().createDraft(AcceptanceFixtures.medium(pump.id(), List.of(), AcceptanceFixtures.today()),
                TestSites.TECHNICIAN).id();

        assertThat(text(print(id))).contains("Incident recovery protocol")
                .contains("No recovery protocol applies to the devices in scope");
    }

    @Test
    void scopeListsDeviceAndFindingFacts() throws IOException {
        CompensatingControl lapsing = services.controls().create(new ControlValues("firewall-acl", "Pump server ACL", null, "Network team",
                LocalDate.of(2026, 11, 20), LocalDate.of(2027, 2, 1), "ACL 7"), TestSites.TECHNICIAN);
        long id = services.acceptances().createDraft(AcceptanceFixtures.medium(pump.id(), List.of(vlan.id(), lapsing.id()),
                AcceptanceFixtures.today()), TestSites.TECHNICIAN).id();

        String text = text(print(id));

        assertThat(text).contains("Asset tag Device type Manufacturer Model Department")
                .contains("Device Department Findings Highest CVSS Status now CVEs")
                .contains(ControlFixtures.FIRST_CVE).contains(ControlFixtures.SECOND_CVE).contains("Critical 9.8")
                .contains("No finding is held at risk accepted: the acceptance has not been active.")
                .contains("Warnings about the controls")
                .contains("The control \"Pumps on VLAN 40\" is due for verification on 2027-05-20, before the acceptance ends on 2027-12-03")
                .contains("The control \"Pump server ACL\" is due for verification on 2027-02-01")
                .doesNotContain("Demo data");
    }

    @Test
    void demoFormCarriesDemoMarkOnEveryPage() throws IOException {
        long id = services.acceptances().createDraft(AcceptanceFixtures.medium(pump.id(), List.of(vlan.id()), AcceptanceFixtures.today()),
                TestSites.TECHNICIAN).id();
        Path pdf = folder.resolve("demo.pdf");

        RiskAcceptancePdf.write(services.acceptances().form(id), new ReportSite("Demo Hospital", true), "Jamie Tech",
                ZonedDateTime.now(TestSites.CLOCK), pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).as("page %d", page).contains(ReportSite.DEMO_MARK);
            }
        }
    }
}
