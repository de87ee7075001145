package org.patchdesk.reports.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.governance.MetricsFixtures;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/** The Risk acceptances sheet of the metrics fixture site, whose acceptances cover whole devices. */
class AuditWorkbookAcceptanceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @TempDir
    Path folder;

    @Test
    void deviceScopeCountsHeldFindings() throws Exception {
        Path target = folder.resolve("audit.xlsx");
        MetricsFixtures.build(folder.resolve("site"));
        try (Services services = TestSites.open(folder.resolve("site"), MetricsFixtures.clockOn(TODAY))) {
            services.auditWorkbook().write(new WorkbookRequest("PatchDesk", false, LocalDate.of(2026, 1, 1), TODAY,
                    new Actor("auditor1"), List.of()), target, ProgressMonitor.NONE);

            try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
                XSSFSheet sheet = book.getSheet(RecordSheets.ACCEPTANCES);
                List<String> headers = AuditWorkbookTest.header(sheet);
                int heldColumn = headers.indexOf("Findings Held");
                int namedColumn = headers.indexOf("Findings Named");
                long total = 0;
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    Row row = sheet.getRow(i);
                    long id = (long) row.getCell(0).getNumericCellValue();
                    long expected = services.database().jdbi().withHandle(handle -> handle
                            .createQuery("SELECT COUNT(*) FROM risk_acceptance_hold WHERE acceptance_id = :id")
                            .bind("id", id).mapTo(Long.class).one());
                    assertThat((long) row.getCell(heldColumn).getNumericCellValue()).as("acceptance %d", id).isEqualTo(expected);
                    assertThat(row.getCell(namedColumn).getNumericCellValue()).as("acceptance %d", id).isZero();
                    total += expected;
                }
                assertThat(total).as("findings held by the fixture's device-scoped acceptances").isPositive();
            }
        }
    }

    @Test
    void sheetsPrintLandscapeWithHeader() throws Exception {
        Path target = folder.resolve("audit.xlsx");
        MetricsFixtures.build(folder.resolve("site"));
        try (Services services = TestSites.open(folder.resolve("site"), MetricsFixtures.clockOn(TODAY))) {
            services.auditWorkbook().write(new WorkbookRequest("PatchDesk", false, LocalDate.of(2026, 1, 1), TODAY,
                    new Actor("auditor1"), List.of()), target, ProgressMonitor.NONE);
        }

        try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                XSSFSheet sheet = book.getSheetAt(i);
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getRepeatingRows().formatAsString()).as(sheet.getSheetName()).isEqualTo("1:1");
                assertThat(sheet.getFooter().getRight()).as(sheet.getSheetName()).isEqualTo("Page &P of &N");
            }
            assertThat(book.getSheet(ControlMapping.SHEET).getFitToPage()).as("a narrow sheet fits one page wide").isTrue();
            XSSFSheet findings = book.getSheet(RecordSheets.FINDINGS);
            assertThat(findings.getFitToPage()).as("a wide sheet prints at full size").isFalse();
            assertThat(findings.getRepeatingColumns().formatAsString()).isEqualTo("A:A");
        }
    }
}
