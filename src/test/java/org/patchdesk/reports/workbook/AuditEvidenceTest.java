package org.patchdesk.reports.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceStatus;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.patchlog.DecisionToSign;
import org.patchdesk.patchlog.PatchDecision;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.windows.CabStatus;
import org.patchdesk.windows.WindowDraft;
import org.patchdesk.windows.WindowType;
import org.patchdesk.workspace.Services;

/**
 * The evidence sheets of the audit workbook on a site with user accounts. The site has a signed
 * patch decision, a signed decline of a window's approval and devices past their end of support;
 * the Summary's audit trail check runs before and after a change made outside PatchDesk.
 */
class AuditEvidenceTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Actor ADMIN = new Actor("kwong");
    private static final Actor TECHNICIAN = new Actor("jtech");

    @TempDir
    Path folder;

    private Services services;
    private long windowId;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        Device vent = services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "VENT-01").set(DeviceField.DEVICE_TYPE,
                "Ventilator").set(DeviceField.DEPARTMENT, "ICU").set(DeviceField.OS_NAME, "Windows 7 Embedded"), TestSites.TECHNICIAN);
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "CART-01").set(DeviceField.DEPARTMENT, "ICU"),
                TestSites.TECHNICIAN);
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "OLD-01").set(DeviceField.OS_NAME, "Windows XP")
                .set(DeviceField.STATUS, DeviceStatus.RETIRED), TestSites.TECHNICIAN);
        windowId = services.windows().create(new WindowDraft("ICU ventilators", LocalDateTime.parse("2026-12-10T06:00").atZone(CHICAGO)
                .toInstant(), LocalDateTime.parse("2026-12-10T08:00").atZone(CHICAGO).toInstant(), "ICU", null, WindowType.ROUTINE, null,
                List.of(new WindowDraft.Planned(vent.id(), 30)), null, CabStatus.NOT_SUBMITTED, null), TestSites.TECHNICIAN);
        services.windows().submitForApproval(windowId, TestSites.TECHNICIAN);
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of()), "admin-pass-1".toCharArray(),
                new Actor("kim"));
        user("dreyes", "Dana Reyes, RN", Role.CLINICAL_LEADER, "leader-pass");
        user("mlee", "Morgan Lee", Role.HTM_MANAGER, "manager-pass");
        user("jtech", "Jordan Tech", Role.HTM_TECHNICIAN, "tech-pass-1");
        services.windows().signDecline(windowId, "dreyes", "leader-pass".toCharArray(), "Census too high this week", TECHNICIAN);
        services.patchLog().signDecision(new DecisionToSign(vent.id(), null, "Ventilator firmware 2.1", PatchDecision.Choice.DEFER,
                "Vendor has not validated it"), "mlee", "manager-pass".toCharArray(), TECHNICIAN);
    }

    private void user(String name, String fullName, Role role, String password) {
        services.users().create(new NewUser(name, fullName, null, Set.of(role)), password.toCharArray(), ADMIN);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private WorkbookResult write(Path target) throws Exception {
        return services.auditWorkbook().write(new WorkbookRequest("PatchDesk", false, null, null, new Actor("mlee"), List.of(),
                "Morgan Lee (mlee), HTM manager"), target, ProgressMonitor.NONE);
    }

    @Test
    void patchDecisionsSheetListsSignedDecision() throws Exception {
        Path target = folder.resolve("audit.xlsx");

        write(target);

        try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
            XSSFSheet decisions = book.getSheet(EvidenceSheets.PATCH_DECISIONS);
            assertThat(decisions.getLastRowNum()).isEqualTo(1);
            Row row = decisions.getRow(1);
            List<String> headers = AuditWorkbookTest.header(decisions);
            assertThat(cell(row, headers, "Asset Tag")).isEqualTo("VENT-01");
            assertThat(cell(row, headers, "Update")).isEqualTo("Ventilator firmware 2.1");
            assertThat(cell(row, headers, "Decision")).isEqualTo("Defer");
            assertThat(cell(row, headers, "Rationale")).isEqualTo("Vendor has not validated it");
            assertThat(cell(row, headers, "Approved By")).isEqualTo("Morgan Lee");
            assertThat(cell(row, headers, "Approver Roles")).isEqualTo("HTM manager");
            assertThat(cell(row, headers, "Signature")).isEqualTo("Electronic signature");
            assertThat(cell(row, headers, "Signed As")).isEqualTo("mlee");
            assertThat(cell(row, headers, "Meaning")).isEqualTo("Approved");
            assertThat(cell(row, headers, "Decided At")).isEqualTo("2026-12-04 07:00");
        }
    }

    @Test
    void patchWindowsShowSignedDecline() throws Exception {
        Path target = folder.resolve("audit.xlsx");

        write(target);

        try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
            XSSFSheet windows = book.getSheet(RecordSheets.PATCH_WINDOWS);
            List<String> headers = AuditWorkbookTest.header(windows);
            Row row = windows.getRow(1);
            assertThat(cell(row, headers, "Approval History")).isEqualTo("2026-12-04 07:00 Approval declined, signed by Dana Reyes, RN"
                    + " (dreyes, Clinical leader): Census too high this week");
            assertThat(cell(row, headers, "Type")).isEqualTo("Routine");
            assertThat(cell(row, headers, "Status")).isEqualTo("Proposed");
            assertThat(cell(row, headers, "CAB Status")).isEqualTo("Not submitted");
        }
    }

    @Test
    void inventoryShowsCriticalitySourceAndSupport() throws Exception {
        Path target = folder.resolve("audit.xlsx");

        write(target);

        try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
            XSSFSheet inventory = book.getSheet(RecordSheets.INVENTORY);
            List<String> headers = AuditWorkbookTest.header(inventory);
            assertThat(cell(row(inventory, "VENT-01"), headers, RecordSheets.CRITICALITY_SOURCE)).isEqualTo(RecordSheets.TYPE_CRITICALITY);
            assertThat(cell(row(inventory, "VENT-01"), headers, RecordSheets.SUPPORT_STATUS)).isEqualTo("OS past end of support 2020-01-14");
            assertThat(cell(row(inventory, "CART-01"), headers, RecordSheets.CRITICALITY_SOURCE))
                    .isEqualTo(RecordSheets.FALLBACK_CRITICALITY);
            assertThat(cell(row(inventory, "CART-01"), headers, RecordSheets.SUPPORT_STATUS)).isEmpty();
            assertThat(cell(row(inventory, "OLD-01"), headers, RecordSheets.SUPPORT_STATUS)).startsWith("OS past end of support");
        }
    }

    @Test
    void summaryStatesPassedCheck() throws Exception {
        Path target = folder.resolve("audit.xlsx");

        WorkbookResult result = write(target);

        assertThat(result.check().intact()).isTrue();
        try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
            XSSFSheet summary = book.getSheet(SummarySheet.NAME);
            assertThat(AuditWorkbookTest.value(summary, SummarySheet.CHECK)).isEqualTo("passed");
            assertThat(items(summary)).noneMatch(item -> item.startsWith("Problem"));
            assertThat(AuditWorkbookTest.value(summary, "Generated by")).isEqualTo("Morgan Lee (mlee), HTM manager");
            assertThat(note(summary, "Site")).isEqualTo(SummarySheet.SITE_NOT_SET);
        }
    }

    @Test
    void summaryListsProblemsAfterOutsideEdit() throws Exception {
        services.database().jdbi().useHandle(handle -> handle.execute("UPDATE device SET department = 'NICU' WHERE asset_tag = 'CART-01'"));
        Path target = folder.resolve("audit.xlsx");

        WorkbookResult result = write(target);

        assertThat(result.check().problems()).hasSize(1);
        try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
            XSSFSheet summary = book.getSheet(SummarySheet.NAME);
            assertThat(AuditWorkbookTest.value(summary, SummarySheet.CHECK)).isEqualTo("FAILED: 1 problem");
            assertThat(AuditWorkbookTest.value(summary, "Problem 1")).contains("CART-01").contains("'NICU'").contains("'ICU'");
        }
    }

    @Test
    void auditTrailNamesRecordKinds() throws Exception {
        Path target = folder.resolve("audit.xlsx");

        write(target);

        try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
            XSSFSheet trail = book.getSheet(RecordSheets.AUDIT_TRAIL);
            List<String> headers = AuditWorkbookTest.header(trail);
            assertThat(headers.indexOf(RecordSheets.RECORD_KIND)).isEqualTo(headers.indexOf("Record Type") + 1);
            Row first = trail.getRow(1);
            assertThat(cell(first, headers, "Record Type")).as("the ventilator's new device type").isEqualTo("device_type");
            assertThat(cell(first, headers, RecordSheets.RECORD_KIND)).isEqualTo("device types");
        }
    }

    @Test
    void controlMappingRowsMatchFilteredSheets() throws Exception {
        Path target = folder.resolve("audit.xlsx");

        write(target);

        try (XSSFWorkbook book = AuditWorkbookTest.read(target)) {
            assertControlMappingReproducible(book);
        }
    }

    /**
     * Checks that every Control mapping row counts exactly the rows its sheet has after the filter
     * the row prints, applied as a reader would with Excel's filters.
     */
    static void assertControlMappingReproducible(XSSFWorkbook book) {
        XSSFSheet mapping = book.getSheet(ControlMapping.SHEET);
        List<String> headers = AuditWorkbookTest.header(mapping);
        assertThat(headers).containsExactlyElementsOf(ControlMapping.HEADERS);
        for (int i = 1; i <= mapping.getLastRowNum(); i++) {
            Row row = mapping.getRow(i);
            String control = cell(row, headers, "Control");
            String sheetName = cell(row, headers, "Sheet");
            String filter = cell(row, headers, "Filter");
            long records = (long) row.getCell(headers.indexOf("Records")).getNumericCellValue();
            XSSFSheet sheet = book.getSheet(sheetName);
            assertThat(sheet).as("%s names the sheet %s", control, sheetName).isNotNull();
            assertThat(filtered(sheet, filter)).as("%s: %s, where %s", control, sheetName, filter).isEqualTo(records);
        }
    }

    private static final Pattern CONDITION = Pattern.compile("(.+?) (is not|is|contains) (\".*\")");
    private static final Pattern VALUE = Pattern.compile("\"([^\"]*)\"");

    /** Counts the rows of a sheet that meet a filter as the Control mapping prints it. */
    private static long filtered(XSSFSheet sheet, String filter) {
        if (filter.equals("every row")) {
            return sheet.getLastRowNum();
        }
        List<String> headers = AuditWorkbookTest.header(sheet);
        long count = 0;
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            boolean matches = true;
            for (String condition : filter.split("; ")) {
                Matcher parts = CONDITION.matcher(condition);
                assertThat(parts.matches()).as(condition).isTrue();
                assertThat(headers).as("the column of %s", condition).contains(parts.group(1));
                List<String> values = new ArrayList<>();
                Matcher value = VALUE.matcher(parts.group(3));
                while (value.find()) {
                    values.add(value.group(1));
                }
                String text = cell(sheet.getRow(i), headers, parts.group(1));
                matches &= switch (parts.group(2)) {
                    case "is" -> values.contains(text);
                    case "is not" -> !values.contains(text);
                    default -> values.stream().anyMatch(text::contains);
                };
            }
            if (matches) {
                count++;
            }
        }
        return count;
    }

    private static String cell(Row row, List<String> headers, String column) {
        var cell = row.getCell(headers.indexOf(column));
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }

    private static Row row(XSSFSheet sheet, String firstCell) {
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            if (firstCell.equals(sheet.getRow(i).getCell(0).getStringCellValue())) {
                return sheet.getRow(i);
            }
        }
        throw new AssertionError("No row starts with " + firstCell);
    }

    private static List<String> items(XSSFSheet summary) {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= summary.getLastRowNum(); i++) {
            items.add(summary.getRow(i).getCell(1).getStringCellValue());
        }
        return items;
    }

    private static String note(XSSFSheet summary, String item) {
        for (int i = 1; i <= summary.getLastRowNum(); i++) {
            Row row = summary.getRow(i);
            if (item.equals(row.getCell(1).getStringCellValue())) {
                return row.getCell(3) == null ? "" : row.getCell(3).getStringCellValue();
            }
        }
        throw new AssertionError("The Summary has no item " + item);
    }
}
