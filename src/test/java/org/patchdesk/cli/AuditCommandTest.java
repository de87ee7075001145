package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.storage.Database;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** The audit commands on a trail written through the services, as a user runs them. */
class AuditCommandTest {

    @TempDir
    Path folder;

    private long deviceId;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void changeDevices() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            Device pump = services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "PUMP-0001")
                    .set(DeviceField.DEPARTMENT, "Oncology").set(DeviceField.NOTES, "=HYPERLINK(\"http://example.invalid\")"),
                    TestSites.TECHNICIAN);
            services.devices().update(pump.id(), pump.values().copy().set(DeviceField.DEPARTMENT, "ICU"), TestSites.MANAGER);
            deviceId = pump.id();
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of("PATCHDESK_DATA_DIR", folder.resolve("data").toString()), TestSites.CLOCK,
                Workspace::open);
        int code = CommandLineRunner.run(args, context, dataFolder -> {
            throw new AssertionError("The window must not open in a command-line test");
        }, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void verifyIntactExitsWithZero() {
        Run run = run("audit", "verify");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Intact: ");
        assertThat(run.out()).contains("Compared with their last audit entries: devices, manufacturers, device types");
    }

    @Test
    void verifyDriftedDeviceExitsWithOne() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("data").resolve(Database.DEFAULT_NAME),
                Database.USER, Database.PASSWORD)) {
            connection.createStatement().executeUpdate("UPDATE device SET department = 'Radiology' WHERE id = " + deviceId);
        }

        Run run = run("audit", "verify");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("BROKEN: Device PUMP-0001 (record " + deviceId + ") was"
                + " changed outside PatchDesk: Department is 'Radiology'");
    }

    @Test
    void verifyLockedFolderExitsWithThree() {
        try (Workspace held = Workspace.open(folder.resolve("data"), TestSites.CLOCK)) {

            Run run = run("audit", "verify");

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("PatchDesk is already open on");
        }
    }

    @Test
    void exportReadsBackWithDatesAndText() throws Exception {
        Path file = folder.resolve("audit.xlsx");

        Run run = run("audit", "export", file.toString(), "--record-type", "device", "--from", "2026-12-04", "--to", "2026-12-04");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Exported 2 audit entries to " + file + System.lineSeparator());
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ); XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            Sheet sheet = workbook.getSheet("Audit trail");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Time");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row created = sheet.getRow(1);
            Cell time = created.getCell(1);
            assertThat(time.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(time)).isTrue();
            assertThat(time.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 12, 4, 7, 0));
            assertThat(created.getCell(2).getStringCellValue()).isEqualTo("jtech");
            assertThat(created.getCell(3).getStringCellValue()).isEqualTo("create");
            assertThat(created.getCell(9).getCellType()).isEqualTo(CellType.STRING);
            assertThat(created.getCell(9).getStringCellValue()).contains("notes: =HYPERLINK(");
            Row updated = sheet.getRow(2);
            assertThat(updated.getCell(8).getStringCellValue()).isEqualTo("department: Oncology");
            assertThat(updated.getCell(9).getStringCellValue()).isEqualTo("department: ICU");
            assertThat(updated.getCell(11).getStringCellValue()).matches("[0-9a-f]{64}");
            Sheet about = workbook.getSheet("Export");
            assertThat(about.getRow(3).getCell(1).getStringCellValue()).isEqualTo("record type device, from 2026-12-04, to 2026-12-04");
        }
    }

    @Test
    void exportByOtherUserWritesOnlyTheirEntries() throws Exception {
        Path file = folder.resolve("manager.xlsx");

        Run run = run("audit", "export", file.toString(), "--by", "MManager");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Exported 1 audit entry to ");
    }

    @Test
    void exportToWrongExtensionIsUsageError() {
        Run run = run("audit", "export", folder.resolve("audit.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("must end in .xlsx");
    }
}
