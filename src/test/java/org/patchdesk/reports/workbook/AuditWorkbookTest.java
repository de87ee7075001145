package org.patchdesk.reports.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.common.OperationCancelledException;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.controls.ControlValues;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.patchlog.NewLogEntry;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class AuditWorkbookTest {

    private static final Actor AUDITOR = new Actor("auditor1");

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
    }

    @AfterEach
    void close() {
        services.close();
    }

    /**
     * Adds two pumps with two findings each, a device whose model and notes look like formulas, a
     * verified segmentation control on the NICU pump, and a firmware update of the ICU pump on
     * 2026-12-02 that closes its findings.
     */
    private Device fixtureSite() {
        Device icu = ControlFixtures.pump(services, "ICU-PUMP-1", "ICU");
        Device nicu = ControlFixtures.pump(services, "NICU-PUMP-1", "NICU");
        ControlFixtures.vulnerabilities(services);
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "FORMULA-1").set(DeviceField.MODEL, "=1+1")
                .set(DeviceField.NOTES, "@SUM(A1:A2)").set(DeviceField.ACQUISITION_DATE, LocalDate.of(2019, 3, 14)), TestSites.TECHNICIAN);
        CompensatingControl vlan = services.controls().create(new ControlValues("network-segmentation", "Pump VLAN 40", null, "IT Network",
                LocalDate.of(2026, 11, 1), LocalDate.of(2027, 5, 1), null), TestSites.TECHNICIAN);
        services.controls().coverDevices(vlan.id(), List.of(nicu.id()), TestSites.TECHNICIAN);
        services.patchLog().record(NewLogEntry.of(icu.id(), "Life 2000 firmware 06.20", "06.10", "06.20",
                Instant.parse("2026-12-02T16:30:00Z"), "jtech", PatchOutcome.INSTALLED, null, List.of(ControlFixtures.FIRST_CVE)),
                TestSites.TECHNICIAN);
        return icu;
    }

    private WorkbookResult write(Path target, LocalDate from, LocalDate to, List<SummaryRow> metrics) throws IOException {
        return services.auditWorkbook().write(new WorkbookRequest("Mercy General", false, from, to, AUDITOR, metrics), target,
                ProgressMonitor.NONE);
    }

    private long count(String sql) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void fixtureSheetsAndHeaders() throws Exception {
        fixtureSite();
        Path target = folder.resolve("audit.xlsx");

        write(target, null, null, List.of());

        try (OPCPackage pkg = OPCPackage.open(target.toFile(), PackageAccess.READ); XSSFWorkbook book = new XSSFWorkbook(pkg)) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactlyElementsOf(AuditWorkbook.SHEETS);
            assertThat(book.getActiveSheetIndex()).isZero();
            assertThat(header(book.getSheet("Findings"))).containsExactlyElementsOf(RecordSheets.FINDING_HEADERS);
            assertThat(header(book.getSheet("Patch log"))).containsExactlyElementsOf(RecordSheets.PATCH_LOG_HEADERS);
            assertThat(header(book.getSheet("Risk acceptances"))).containsExactlyElementsOf(RecordSheets.ACCEPTANCE_HEADERS);
            assertThat(header(book.getSheet("Control mapping"))).containsExactlyElementsOf(ControlMapping.HEADERS);
            assertThat(book.getSheet("Inventory").getPaneInformation().isFreezePane()).isTrue();
            assertThat(book.getSheet("Findings").getCTWorksheet().isSetAutoFilter()).isTrue();
        }
    }

    @Test
    void fixtureRowCountsMatchDatabase() throws Exception {
        fixtureSite();
        Path target = folder.resolve("audit.xlsx");

        WorkbookResult result = write(target, null, null, List.of());

        try (XSSFWorkbook book = read(target)) {
            assertThat(dataRows(book, "Inventory")).isEqualTo(count("SELECT COUNT(*) FROM device")).isEqualTo(3);
            assertThat(dataRows(book, "Findings")).isEqualTo(count("SELECT COUNT(*) FROM finding f JOIN device d ON d.id = f.device_id"
                    + " WHERE d.status <> 'RETIRED' AND f.status IN ('open', 'mitigated', 'risk_accepted')"));
            assertThat(dataRows(book, "Patch log")).isEqualTo(1);
            assertThat(dataRows(book, "Compensating controls")).isEqualTo(1);
            assertThat(dataRows(book, "Audit trail")).isEqualTo(count("SELECT COUNT(*) FROM audit_entry"));
            assertThat(result.rows("Audit trail")).isEqualTo(dataRows(book, "Audit trail"));
        }
    }

    @Test
    void findingsShowDecisionInputsAndControls() throws Exception {
        fixtureSite();
        Path target = folder.resolve("audit.xlsx");

        write(target, null, null, List.of());

        try (XSSFWorkbook book = read(target)) {
            XSSFSheet findings = book.getSheet("Findings");
            List<String> headers = header(findings);
            Row first = findings.getRow(1);
            assertThat(first.getCell(headers.indexOf("Rank")).getNumericCellValue()).isEqualTo(1.0);
            assertThat(text(first, headers, "Decision")).as("the segmentation control lowers exposure").isEqualTo("scheduled");
            assertThat(text(first, headers, "Exposure")).isEqualTo("controlled");
            assertThat(text(first, headers, "Human Impact")).isEqualTo("very high");
            assertThat(first.getCell(headers.indexOf("CVSS Score")).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(text(first, headers, "KEV")).as("no KEV catalog imported").isEqualTo("not checked");
            List<String> controls = new ArrayList<>();
            for (int i = 1; i <= findings.getLastRowNum(); i++) {
                controls.add(text(findings.getRow(i), headers, "Controls Applied"));
            }
            assertThat(controls).contains("Pump VLAN 40 (Network segmentation / VLAN, verified)");
        }
    }

    @Test
    void datesAreDateCells() throws Exception {
        fixtureSite();
        Path target = folder.resolve("audit.xlsx");

        write(target, null, null, List.of());

        try (XSSFWorkbook book = read(target)) {
            XSSFSheet log = book.getSheet("Patch log");
            Cell performed = log.getRow(1).getCell(header(log).indexOf("Performed At"));
            assertThat(performed.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(performed)).isTrue();
            assertThat(performed.getLocalDateTimeCellValue()).isEqualTo("2026-12-02T10:30");
            XSSFSheet inventory = book.getSheet("Inventory");
            Row formulaDevice = rowWith(inventory, "FORMULA-1");
            Cell acquired = formulaDevice.getCell(header(inventory).indexOf("Acquisition Date"));
            assertThat(DateUtil.isCellDateFormatted(acquired)).isTrue();
            assertThat(acquired.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2019, 3, 14));
        }
    }

    @Test
    void formulaTextStaysText() throws Exception {
        fixtureSite();
        Path target = folder.resolve("audit.xlsx");

        write(target, null, null, List.of());

        try (XSSFWorkbook book = read(target)) {
            XSSFSheet inventory = book.getSheet("Inventory");
            Row row = rowWith(inventory, "FORMULA-1");
            Cell model = row.getCell(header(inventory).indexOf("Model"));
            Cell notes = row.getCell(header(inventory).indexOf("Notes"));
            assertThat(model.getCellType()).isEqualTo(CellType.STRING);
            assertThat(model.getStringCellValue()).isEqualTo("=1+1");
            assertThat(model.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(notes.getCellType()).isEqualTo(CellType.STRING);
            assertThat(notes.getStringCellValue()).isEqualTo("@SUM(A1:A2)");
        }
    }

    @Test
    void summaryNamesSiteRangeChainAndMetrics() throws Exception {
        fixtureSite();
        Path target = folder.resolve("audit.xlsx");
        List<SummaryRow> metrics = List.of(new SummaryRow("Metrics", "Devices patched within 90 days (%)", 87.5, "definition"));

        WorkbookResult result = write(target, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), metrics);

        try (XSSFWorkbook book = read(target)) {
            XSSFSheet summary = book.getSheet("Summary");
            assertThat(value(summary, "Site")).isEqualTo("Mercy General");
            assertThat(value(summary, "First day")).isEqualTo("2026-01-01");
            assertThat(value(summary, "Last day")).isEqualTo("2026-12-31");
            assertThat(value(summary, "Generated by")).isEqualTo("auditor1");
            assertThat(value(summary, "Generated at")).isEqualTo("2026-12-04 07:00");
            assertThat(value(summary, "Head hash")).isEqualTo(services.auditChain().head().hash()).isEqualTo(result.chainHead().hash());
            assertThat(value(summary, "Devices patched within 90 days (%)")).isEqualTo("87.5");
            assertThat(value(summary, "Findings")).isEqualTo(String.valueOf(result.rows("Findings")));
            assertThat(value(summary, "Audit trail")).isEqualTo(String.valueOf(count("SELECT COUNT(*) FROM audit_entry")));
        }
    }

    @Test
    void summaryComputesMissingMetrics() throws Exception {
        fixtureSite();
        Path target = folder.resolve("audit.xlsx");
        org.patchdesk.governance.MetricsReport expected = services.metrics().compute(new org.patchdesk.governance.MetricsQuery(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null));

        write(target, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of());

        try (XSSFWorkbook book = read(target)) {
            XSSFSheet summary = book.getSheet("Summary");
            assertThat(expected.metrics()).isNotEmpty().allSatisfy(metric -> assertThat(value(summary, metric.label()))
                    .as(metric.key()).isEqualTo(metric.value() == null ? "no data"
                            : new java.math.BigDecimal(String.valueOf(Math.round(metric.value() * 10) / 10.0)).stripTrailingZeros()
                            .toPlainString()));
        }
    }

    @Test
    void rangeLimitsPatchLogAndAuditTrail() throws Exception {
        fixtureSite();
        Path target = folder.resolve("audit.xlsx");

        WorkbookResult result = write(target, LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 31), List.of());

        assertThat(result.rows("Patch log")).as("performed on 2026-12-02").isZero();
        assertThat(result.rows("Inventory")).as("inventory is a snapshot").isEqualTo(3);
        assertThat(result.rows("Audit trail")).as("every entry was made on the clock's day").isEqualTo(count("SELECT COUNT(*) FROM audit_entry"));
        WorkbookResult before = write(folder.resolve("before.xlsx"), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of());
        assertThat(before.rows("Audit trail")).isZero();
    }

    @Test
    void controlMappingCountsEvidence() throws Exception {
        fixtureSite();
        Path target = folder.resolve("audit.xlsx");

        WorkbookResult result = write(target, null, null, List.of());

        try (XSSFWorkbook book = read(target)) {
            XSSFSheet mapping = book.getSheet("Control mapping");
            List<String> controls = new ArrayList<>();
            for (int i = 1; i <= mapping.getLastRowNum(); i++) {
                controls.add(mapping.getRow(i).getCell(1).getStringCellValue());
            }
            assertThat(controls).containsAll(ControlMapping.CONTROLS.stream().map(ControlMapping.Control::id).toList());
            assertThat(records(mapping, "CM-8", "Inventory")).isEqualTo(3);
            assertThat(records(mapping, "SI-2", "Patch log")).isEqualTo(1);
            assertThat(records(mapping, "CA-5", "Findings")).as("open findings").isEqualTo(count("SELECT COUNT(*) FROM finding WHERE status = 'open'"));
            assertThat(records(mapping, "SC-7", "Compensating controls")).as("one segmentation control").isGreaterThanOrEqualTo(1);
            assertThat(result.rows("Control mapping")).isEqualTo(mapping.getLastRowNum());
        }
    }

    @Test
    void rangeAfterTodayIsRejected() {
        assertThatThrownBy(() -> write(folder.resolve("late.xlsx"), LocalDate.of(2027, 1, 1), null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2027-01-01").hasMessageContaining("2026-12-04");
        assertThat(folder.resolve("late.xlsx")).doesNotExist();
    }

    @Test
    void cancelledWorkbookLeavesNoFile() throws Exception {
        fixtureSite();
        Path target = folder.resolve("audit.xlsx");
        ProgressMonitor cancelled = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        assertThatThrownBy(() -> services.auditWorkbook().write(new WorkbookRequest("Mercy General", false, null, null, AUDITOR,
                List.of()), target, cancelled)).isInstanceOf(OperationCancelledException.class);
        assertThat(target).doesNotExist();
        try (var files = Files.list(folder)) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".part"))).isEmpty();
        }
    }

    static XSSFWorkbook read(Path file) throws Exception {
        return new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
    }

    static List<String> header(XSSFSheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    static long dataRows(XSSFWorkbook book, String sheet) {
        return book.getSheet(sheet).getLastRowNum();
    }

    private static String text(Row row, List<String> headers, String column) {
        Cell cell = row.getCell(headers.indexOf(column));
        return cell == null ? null : new DataFormatter().formatCellValue(cell);
    }

    private static Row rowWith(XSSFSheet sheet, String firstCell) {
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            if (firstCell.equals(sheet.getRow(i).getCell(0).getStringCellValue())) {
                return sheet.getRow(i);
            }
        }
        throw new AssertionError("No row starts with " + firstCell + " on " + sheet.getSheetName());
    }

    /** Returns the Value cell of the Summary row with the item, as Excel shows it. */
    static String value(XSSFSheet summary, String item) {
        for (int i = 1; i <= summary.getLastRowNum(); i++) {
            Row row = summary.getRow(i);
            if (item.equals(row.getCell(1).getStringCellValue())) {
                return new DataFormatter().formatCellValue(row.getCell(2));
            }
        }
        throw new AssertionError("The Summary has no item " + item);
    }

    private static long records(XSSFSheet mapping, String control, String sheet) {
        for (int i = 1; i <= mapping.getLastRowNum(); i++) {
            Row row = mapping.getRow(i);
            if (control.equals(row.getCell(1).getStringCellValue()) && sheet.equals(row.getCell(4).getStringCellValue())) {
                return (long) row.getCell(ControlMapping.HEADERS.indexOf("Records")).getNumericCellValue();
            }
        }
        throw new AssertionError("No " + control + " row for the sheet " + sheet);
    }
}
