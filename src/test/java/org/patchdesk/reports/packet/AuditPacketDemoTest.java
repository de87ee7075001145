package org.patchdesk.reports.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.DemoData;
import org.patchdesk.workspace.Services;

/** The audit packet of the demo data: every page marked as demo, and long lists cut with a reference to the workbook. */
class AuditPacketDemoTest {

    @TempDir
    static Path folder;

    /** A row limit below the demo's 79 unpatchable devices, so that the list is cut. */
    private static final int ROWS = 30;

    private static Services services;
    private static PacketResult result;
    private static String text;

    @BeforeAll
    static void writeDemoPacket() throws Exception {
        services = TestSites.open(folder.resolve("demo"));
        DemoData.loadIfEmpty(services, TestSites.TECHNICIAN, ProgressMonitor.NONE);
        Path target = folder.resolve("demo-packet.pdf");
        result = services.auditPacket().withRowLimit(ROWS).write(new PacketRequest(LocalDate.of(2025, 12, 5), null,
                new Actor("auditor1")), target, ProgressMonitor.NONE);
        try (PDDocument document = Loader.loadPDF(target.toFile())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private static long count(String sql) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void demoPacketHoldsSections() {
        assertThat(text).contains("Audit packet, 2025-12-05 to 2026-12-04");
        for (String section : AuditPacket.SECTIONS) {
            assertThat(text).contains(section);
        }
        assertThat(result.sections()).allSatisfy(section -> assertThat(section.page()).isBetween(2, result.pages()));
    }

    @Test
    void longListsReferToWorkbook() {
        long unpatchable = Math.round(result.metrics().get(org.patchdesk.governance.MetricsService.UNPATCHABLE).value());
        assertThat(unpatchable).isGreaterThan(ROWS);
        assertThat(text).contains(String.format(Locale.US, "%,d devices in service cannot be patched", unpatchable));
        assertThat(text).contains(String.format(Locale.US, "%,d more — see the audit workbook (Inventory and Compensating controls)",
                unpatchable - ROWS));
    }

    @Test
    void patchLogCountsRange() {
        long entries = count("SELECT COUNT(*) FROM patch_log_entry WHERE performed_at >= TIMESTAMP WITH TIME ZONE '2025-12-05 06:00:00+00'"
                + " AND performed_at < TIMESTAMP WITH TIME ZONE '2026-12-05 06:00:00+00'");
        assertThat(entries).isPositive();
        assertThat(text).contains(entries + (entries == 1 ? " update" : " updates") + " logged as performed from 2025-12-05 to 2026-12-04");
    }
}
