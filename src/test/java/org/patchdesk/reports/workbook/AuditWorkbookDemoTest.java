package org.patchdesk.reports.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.DemoData;
import org.patchdesk.workspace.Services;

/** The audit workbook of the demo data, with its feeds, vendor requests and patch windows, checked against the database. */
class AuditWorkbookDemoTest {

    @TempDir
    static Path folder;

    private static Services services;
    private static WorkbookResult result;
    private static Path target;

    @BeforeAll
    static void writeDemoWorkbook() throws Exception {
        services = TestSites.open(folder.resolve("demo"));
        DemoData.loadIfEmpty(services, TestSites.TECHNICIAN, ProgressMonitor.NONE);
        target = folder.resolve("demo-audit.xlsx");
        result = services.auditWorkbook().write(new WorkbookRequest("PatchDesk", true, null, null, new Actor("auditor1"), List.of()),
                target, ProgressMonitor.NONE);
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private static long count(String sql) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void demoRowCountsMatchDatabase() throws Exception {
        try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
            assertThat(AuditWorkbookTest.dataRows(book, "Inventory")).isEqualTo(count("SELECT COUNT(*) FROM device")).isGreaterThan(400);
            assertThat(AuditWorkbookTest.dataRows(book, "Findings")).isEqualTo(count("SELECT COUNT(*) FROM finding f JOIN device d"
                    + " ON d.id = f.device_id WHERE d.status <> 'RETIRED' AND f.status IN ('open', 'mitigated', 'risk_accepted')"))
                    .isPositive();
            assertThat(AuditWorkbookTest.dataRows(book, "Patch log")).isEqualTo(count("SELECT COUNT(*) FROM patch_log_entry"
                    + " WHERE performed_at < TIMESTAMP WITH TIME ZONE '2026-12-05 06:00:00+00'"));
            assertThat(AuditWorkbookTest.dataRows(book, "Patch windows")).isEqualTo(count("SELECT COUNT(*) FROM patch_window w"
                    + " WHERE starts_at < TIMESTAMP WITH TIME ZONE '2026-12-05 06:00:00+00' OR EXISTS (SELECT 1 FROM patch_window_event e"
                    + " WHERE e.window_id = w.id AND e.occurred_at < TIMESTAMP WITH TIME ZONE '2026-12-05 06:00:00+00')")).isPositive();
            assertThat(AuditWorkbookTest.dataRows(book, "Vendor validations")).isEqualTo(count("SELECT COUNT(*) FROM validation_request"
                    + " WHERE requested_on <= DATE '2026-12-04'")).isPositive();
            assertThat(AuditWorkbookTest.dataRows(book, "Audit trail")).isEqualTo(count("SELECT COUNT(*) FROM audit_entry"));
        }
    }

    @Test
    void demoSummaryCarriesMarkAndFeeds() throws Exception {
        try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
            var summary = book.getSheet("Summary");
            assertThat(AuditWorkbookTest.value(summary, "Data")).isEqualTo("Demo data — not a real record");
            assertThat(AuditWorkbookTest.value(summary, "CISA KEV catalog, newest import")).isNotEqualTo("never imported");
            assertThat(AuditWorkbookTest.value(summary, "Inventory")).isEqualTo(String.valueOf(result.rows("Inventory")));
        }
    }

    @Test
    void controlMappingCountedWithoutWorkbook() throws Exception {
        List<ControlEvidence> counted = services.auditWorkbook().controlMapping(null, java.time.LocalDate.of(2026, 12, 4));

        List<String> expected = new java.util.ArrayList<>();
        try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
            var sheet = book.getSheet(ControlMapping.SHEET);
            for (int row = 1; row <= sheet.getLastRowNum(); row++) {
                var cells = sheet.getRow(row);
                expected.add(cells.getCell(1).getStringCellValue() + " | " + cells.getCell(3).getStringCellValue() + " | "
                        + cells.getCell(4).getStringCellValue() + " | " + cells.getCell(5).getStringCellValue() + " | "
                        + (long) cells.getCell(6).getNumericCellValue());
            }
        }
        assertThat(counted).extracting(row -> row.control() + " | " + row.evidence() + " | " + row.sheet() + " | " + row.filter() + " | "
                        + row.records())
                .containsExactlyElementsOf(expected);
        assertThat(counted).anySatisfy(row -> assertThat(row.records()).isPositive());
    }

    @Test
    void demoControlMappingMatchesFilteredSheets() throws Exception {
        try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
            AuditEvidenceTest.assertControlMappingReproducible(book);
            assertThat(AuditWorkbookTest.dataRows(book, EvidenceSheets.FEED_IMPORTS)).isEqualTo(count("SELECT COUNT(*) FROM feed_import"))
                    .isPositive();
            assertThat(AuditWorkbookTest.dataRows(book, EvidenceSheets.SUPPORT_DATES)).isEqualTo(count("SELECT"
                    + " (SELECT COUNT(*) FROM product_support) + (SELECT COUNT(*) FROM os_support)"));
        }
    }
}
