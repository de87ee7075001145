package org.patchdesk.inventory.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.YesNoUnknown;
import org.patchdesk.inventory.importing.ImportFixtures;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class InventoryExportServiceTest {

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void openSite() {
        services = TestSites.open(folder.resolve("data"));
        services.devices().create(new DeviceValues()
                .set(DeviceField.ASSET_TAG, "004512")
                .set(DeviceField.MANUFACTURER, "Phillips")
                .set(DeviceField.MODEL, "PIC iX")
                .set(DeviceField.DEVICE_TYPE, "Central Station")
                .set(DeviceField.IP_ADDRESSES, List.of("10.20.1.15", "10.20.1.16"))
                .set(DeviceField.MAC_ADDRESSES, List.of("00:1A:2B:3C:4D:5E"))
                .set(DeviceField.NETWORKED, YesNoUnknown.YES)
                .set(DeviceField.ACQUISITION_DATE, LocalDate.of(2019, 3, 14))
                .set(DeviceField.NOTES, "=1+1")
                .set(DeviceField.SOFTWARE_VERSION, "-C.03"), TestSites.TECHNICIAN);
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "100235").set(DeviceField.MODEL, "@Life2000"),
                TestSites.TECHNICIAN);
    }

    @AfterEach
    void closeSite() {
        services.close();
    }

    private XSSFWorkbook readBack(Path file, List<OPCPackage> opened) throws Exception {
        OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        opened.add(pkg);
        return new XSSFWorkbook(pkg);
    }

    private static String text(Row row, String header, Row headerRow) {
        for (Cell cell : headerRow) {
            if (cell.getStringCellValue().equals(header)) {
                Cell value = row.getCell(cell.getColumnIndex());
                return value == null ? "" : value.getStringCellValue();
            }
        }
        throw new AssertionError("No column " + header);
    }

    @Test
    void workbookHasHeadersFrozenPaneAndFilter() throws Exception {
        Path file = folder.resolve("inventory.xlsx");
        services.inventoryExport().exportXlsx(services.devices().list(), file, ProgressMonitor.NONE);
        List<OPCPackage> opened = new ArrayList<>();

        try (XSSFWorkbook workbook = readBack(file, opened)) {
            XSSFSheet sheet = workbook.getSheet("Inventory");
            Row header = sheet.getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsSubsequence("Asset Tag", "Manufacturer", "Model", "Serial Number", "Device Type", "Department",
                    "Location", "Status", "IP Address", "MAC Address", "Hostname", "Operating System", "OS Version",
                    "Software Version", "Networked", "Clinical Criticality", "Mission Impact", "Network Exposure", "Acquisition Date");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:AB3");
            assertThat(sheet.getColumnWidth(0)).isGreaterThan(256 * 8);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        } finally {
            opened.forEach(OPCPackage::revert);
        }
    }

    @Test
    void workbookValuesAreTypedAndSafe() throws Exception {
        Path file = folder.resolve("inventory.xlsx");
        services.inventoryExport().exportXlsx(services.devices().list(), file, ProgressMonitor.NONE);
        List<OPCPackage> opened = new ArrayList<>();

        try (XSSFWorkbook workbook = readBack(file, opened)) {
            XSSFSheet sheet = workbook.getSheet("Inventory");
            Row header = sheet.getRow(0);
            Row station = sheet.getRow(1);
            assertThat(text(station, "Asset Tag", header)).isEqualTo("004512");
            assertThat(text(station, "Manufacturer", header)).isEqualTo("Philips");
            assertThat(text(station, "IP Address", header)).isEqualTo("10.20.1.15; 10.20.1.16");
            assertThat(text(station, "Clinical Criticality", header)).isEqualTo("Medium (assumed)");
            assertThat(text(station, "Notes", header)).isEqualTo("=1+1");
            assertThat(text(station, "Software Version", header)).isEqualTo("-C.03");
            assertThat(text(sheet.getRow(2), "Model", header)).isEqualTo("@Life2000");
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
            Cell acquired = station.getCell(DeviceField.ACQUISITION_DATE.ordinal());
            assertThat(acquired.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(acquired)).isTrue();
            assertThat(acquired.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2019, 3, 14));
        } finally {
            opened.forEach(OPCPackage::revert);
        }
    }

    @Test
    void exportedWorkbookImportsBackUnchanged() throws Exception {
        Path file = folder.resolve("inventory.xlsx");
        services.inventoryExport().exportXlsx(services.devices().list(), file, ProgressMonitor.NONE);

        var result = ImportFixtures.importFile(services, file, TestSites.MANAGER);

        assertThat(result.batch().unchanged()).isEqualTo(2);
        assertThat(result.batch().updated()).isZero();
        assertThat(result.batch().rejected()).isZero();
    }

    @Test
    void csvHasExportColumns() throws Exception {
        StringWriter out = new StringWriter();

        services.inventoryExport().writeCsv(services.devices().list(), out);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("Asset Tag,CMMS ID,Manufacturer,Model,Serial Number,Device Type");
        assertThat(lines.get(1)).startsWith("004512,,Philips,PIC iX,,Central Station,")
                .contains(",10.20.1.15; 10.20.1.16,")
                .contains(",2019-03-14,");
    }
}
