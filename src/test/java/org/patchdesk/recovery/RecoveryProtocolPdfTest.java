package org.patchdesk.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.reports.ReportDocument;
import org.patchdesk.reports.ReportSite;

class RecoveryProtocolPdfTest {

    private static final ZonedDateTime PRINTED = ZonedDateTime.of(2026, 12, 4, 7, 30, 0, 0, ZoneId.of("America/Chicago"));

    @TempDir
    Path folder;

    /** Returns the text of the whole document, with every run of white space made one space. */
    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ").strip();
        }
    }

    private static RecoveryProtocol productProtocol() {
        return new RecoveryProtocol(7, 3L, null, "Baxter Sigma Spectrum", null,
                "Move patients to the spare pumps kept in biomed; nurses document infusions on paper.",
                "Unplug the network cable and turn off Wi-Fi from the biomed menu.",
                "Reimage the pump server from the vendor's recovery kit, then reload the drug library.",
                "Nightly image on \\\\backup01\\pumps; drug library export in the biomed safe.",
                "Baxter technical support 1-800-555-0100, contract 44-1",
                "ICU nurse manager", "Jane Roe", LocalDate.of(2026, 11, 2), "jtech", LocalDate.of(2027, 11, 2),
                List.of("/srv/docs/pump-downtime.pdf", "/srv/docs/pump-reimage.pdf"), Instant.parse("2026-11-02T15:00:00Z"), "jtech");
    }

    @Test
    void protocolPrintsEveryField() throws IOException {
        Path pdf = folder.resolve("protocol.pdf");

        RecoveryProtocolPdf.write(productProtocol(), ReportSite.of("General Hospital"), "jtech", PRINTED, pdf);

        String text = text(pdf);
        assertThat(text).contains("General Hospital", "Recovery protocol: Baxter Sigma Spectrum",
                "Incident recovery protocol: Baxter Sigma Spectrum",
                "Product Baxter Sigma Spectrum",
                "Return to service decided by Jane Roe (ICU nurse manager)",
                "Last reviewed 2026-11-02 by jtech", "Next review 2027-11-02",
                "Clinical downtime procedure Move patients to the spare pumps kept in biomed; nurses document infusions on paper.",
                "Isolating the device Unplug the network cable and turn off Wi-Fi from the biomed menu.",
                "Restore or reimage Reimage the pump server from the vendor's recovery kit, then reload the drug library.",
                "Backups Nightly image on \\\\backup01\\pumps; drug library export in the biomed safe.",
                "Vendor emergency contact Baxter technical support 1-800-555-0100, contract 44-1",
                "Documents /srv/docs/pump-downtime.pdf /srv/docs/pump-reimage.pdf",
                "Printed 2026-12-04 07:30 CST by jtech", "Page 1 of 1");
    }

    @Test
    void demoProtocolCarriesDemoMark() throws IOException {
        Path pdf = folder.resolve("demo-protocol.pdf");

        RecoveryProtocolPdf.write(productProtocol(), new ReportSite("Demo Hospital", true), "jtech", PRINTED, pdf);

        assertThat(text(pdf)).contains(ReportSite.DEMO_MARK);
    }

    @Test
    void missingPartsPrintAsNotRecorded() throws IOException {
        RecoveryProtocol device = new RecoveryProtocol(8, null, 12L, null, "LOOSE-1", "Paper charting", null, null, null, null,
                "Charge nurse", null, null, null, null, List.of(), null, "jtech");
        Path pdf = folder.resolve("device.pdf");

        RecoveryProtocolPdf.write(device, ReportSite.of("General Hospital"), null, null, pdf);

        String text = text(pdf);
        assertThat(text).contains("Incident recovery protocol: Device LOOSE-1", "Device LOOSE-1", "Product no model recorded",
                "Return to service decided by Charge nurse", "Last reviewed never", "Next review not scheduled",
                "Isolating the device Not recorded.", "Restore or reimage Not recorded.", "Backups Not recorded.",
                "Vendor emergency contact Not recorded.", "Documents No document is listed.");
    }

    @Test
    void protocolAppendsToAnotherDocument() throws IOException {
        Path pdf = folder.resolve("form.pdf");

        try (ReportDocument document = new ReportDocument("General Hospital", "Risk acceptance")) {
            document.heading("Risk acceptance 12").paragraph("Accepted until 2027-06-30.");
            assertThat(RecoveryProtocolPdf.appendTo(document, productProtocol())).isSameAs(document);
            document.save(pdf);
        }

        String text = text(pdf);
        assertThat(text).contains("Risk acceptance 12 Accepted until 2027-06-30. Incident recovery protocol: Baxter Sigma Spectrum",
                "Vendor emergency contact Baxter technical support 1-800-555-0100");
    }
}
