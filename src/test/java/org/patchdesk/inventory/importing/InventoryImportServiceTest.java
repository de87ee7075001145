package org.patchdesk.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patchdesk.inventory.importing.ImportFixtures.importFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.OperationCancelledException;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.common.Sha256;
import org.patchdesk.inventory.ClinicalCriticality;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceStatus;
import org.patchdesk.inventory.MissionImpact;
import org.patchdesk.inventory.YesNoUnknown;
import org.patchdesk.tabular.TabularFileException;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class InventoryImportServiceTest {

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void openSite() {
        services = TestSites.open(folder.resolve("data"));
    }

    @AfterEach
    void closeSite() {
        services.close();
    }

    private Device device(String assetTag) {
        return services.devices().findByAssetTag(assetTag).orElseThrow(() -> new AssertionError("No device " + assetTag));
    }

    @Test
    void messyWorkbookImportsExpectedRows() throws Exception {
        Path file = TestSites.copyResource("/import/cmms-messy.xlsx", folder);

        ImportResult result = importFile(services, file, TestSites.TECHNICIAN);

        assertThat(result.batch().added()).isEqualTo(5);
        assertThat(result.batch().updated()).isZero();
        assertThat(result.batch().rejected()).isEqualTo(4);
        assertThat(result.batch().skipped()).isEqualTo(2);
        assertThat(result.batch().headerRow()).isEqualTo(4);
        assertThat(services.devices().list()).extracting(Device::assetTag)
                .containsExactly("004512", "100234", "100235", "100238", "BME-0042");
    }

    @Test
    void messyWorkbookNormalizesValues() throws Exception {
        Path file = TestSites.copyResource("/import/cmms-messy.xlsx", folder);

        importFile(services, file, TestSites.TECHNICIAN);

        Device pump = device("100234");
        assertThat(pump.values().get(DeviceField.MANUFACTURER)).isEqualTo("BD");
        assertThat(pump.values().get(DeviceField.SERIAL_NUMBER)).isEqualTo("12345678");
        assertThat(pump.values().get(DeviceField.ACQUISITION_DATE)).isEqualTo(LocalDate.of(2019, 3, 14));
        assertThat(pump.values().get(DeviceField.NETWORKED)).isEqualTo(YesNoUnknown.NO);
        assertThat(pump.values().get(DeviceField.STATUS)).isEqualTo(DeviceStatus.ACTIVE);
        assertThat(pump.values().get(DeviceField.STATUS_CHANGED_ON)).isNull();

        Device station = device("004512");
        assertThat(station.values().get(DeviceField.IP_ADDRESSES)).isEqualTo(List.of("10.20.1.15", "10.20.1.16"));
        assertThat(station.values().get(DeviceField.MAC_ADDRESSES)).isEqualTo(List.of("00:1A:2B:3C:4D:5E"));
        assertThat(station.values().get(DeviceField.ACQUISITION_DATE)).isEqualTo(LocalDate.of(2019, 3, 14));
        assertThat(station.values().get(DeviceField.STATUS)).isEqualTo(DeviceStatus.ACTIVE);

        Device monitor = device("BME-0042");
        assertThat(monitor.values().get(DeviceField.MAC_ADDRESSES)).isEqualTo(List.of("00:1A:2B:3C:4D:60"));
        assertThat(monitor.values().get(DeviceField.ACQUISITION_DATE)).isEqualTo(LocalDate.of(2019, 3, 14));
        assertThat(monitor.values().get(DeviceField.STATUS)).isEqualTo(DeviceStatus.INACTIVE);
        assertThat(monitor.values().get(DeviceField.NOTES)).isEqualTo("=HYPERLINK(\"http://example.invalid\")");

        Device ventilator = device("100235");
        assertThat(ventilator.values().get(DeviceField.ACQUISITION_DATE)).isEqualTo(LocalDate.of(2019, 3, 14));
        assertThat(ventilator.values().get(DeviceField.SOFTWARE_VERSION)).isEqualTo("06.10");

        Device contec = device("100238");
        assertThat(contec.values().get(DeviceField.IP_ADDRESSES)).isEqualTo(List.of("2001:db8::10"));
        assertThat(contec.values().get(DeviceField.MAC_ADDRESSES)).isEqualTo(List.of("00:1A:2B:3C:4D:61"));
    }

    @Test
    void messyWorkbookRejectsRowsWithReasons() throws Exception {
        Path file = TestSites.copyResource("/import/cmms-messy.xlsx", folder);

        ImportResult result = importFile(services, file, TestSites.TECHNICIAN);

        List<String> problems = result.rejected().stream().flatMap(row -> row.problems().stream()).map(RowProblem::describe).toList();
        assertThat(problems).containsExactly(
                "Row 10, column 'IP Address': '10.40.1.300' is not a valid IP address",
                "Row 11, column 'MAC Address': '00:1A:2B:3C:4D' is not a valid MAC address",
                "Row 12, column 'Equipment #': '100234' repeats the asset tag of row 5",
                "Row 13, column 'Equipment #': the asset tag is missing");
        assertThat(result.summaryLine())
                .isEqualTo("Imported cmms-messy.xlsx: 5 added, 0 updated, 0 unchanged, 4 rejected (2 blank or totals rows skipped)");
    }

    @Test
    void windows1252SemicolonCsvImports() throws Exception {
        Path file = TestSites.copyResource("/import/cmms-semicolon-1252.csv", folder);

        ImportResult result = importFile(services, file, TestSites.TECHNICIAN);

        assertThat(result.readingNotes()).isEqualTo("Text file, windows-1252, semicolon-delimited");
        assertThat(result.batch().added()).isEqualTo(4);
        assertThat(result.batch().rejected()).isEqualTo(1);
        assertThat(result.batch().skipped()).isEqualTo(1);
        assertThat(result.rejected().get(0).problems().get(0).describe())
                .isEqualTo("Row 7, column 'Acquisition Date': '31/12/2019' is not a date (use YYYY-MM-DD or M/D/YYYY)");
        assertThat(device("00123").values().get(DeviceField.MANUFACTURER)).isEqualTo("Dräger");
        assertThat(device("00123").values().get(DeviceField.LOCATION)).isEqualTo("Hôpital Nord 2F");
        assertThat(device("00124").values().get(DeviceField.MODEL)).isEqualTo("Infusomat® Space");
        assertThat(device("00124").values().get(DeviceField.MANUFACTURER)).isEqualTo("B. Braun");
        assertThat(device("00125").values().get(DeviceField.ACQUISITION_DATE)).isEqualTo(LocalDate.of(2019, 3, 14));
        assertThat(device("00125").values().get(DeviceField.MAC_ADDRESSES)).isEqualTo(List.of("00:1A:2B:00:00:02"));
        assertThat(device("00126").values().get(DeviceField.MANUFACTURER)).isEqualTo("BD");
        assertThat(device("00126").values().get(DeviceField.DEPARTMENT)).isEqualTo("ICU; step-down");
        assertThat(device("00126").values().get(DeviceField.ACQUISITION_DATE)).isEqualTo(LocalDate.of(2019, 3, 14));
    }

    @Test
    void utf8TabTextWithBomImports() throws Exception {
        Path file = TestSites.copyResource("/import/vendor-list-utf8-bom.txt", folder);

        ImportResult result = importFile(services, file, TestSites.TECHNICIAN);

        assertThat(result.readingNotes()).isEqualTo("Text file, UTF-8, tab-delimited");
        assertThat(result.batch().added()).isEqualTo(2);
        Device workstation = device("RAD-0001");
        assertThat(workstation.values().get(DeviceField.MANUFACTURER)).isEqualTo("Philips");
        assertThat(workstation.values().get(DeviceField.OS_NAME)).isEqualTo("Windows 7");
        assertThat(workstation.values().get(DeviceField.NETWORKED)).isEqualTo(YesNoUnknown.YES);
        Device scanner = device("RAD-0002");
        assertThat(scanner.values().get(DeviceField.IP_ADDRESSES)).isEqualTo(List.of("10.60.0.12", "10.60.0.13"));
        assertThat(scanner.values().get(DeviceField.MAC_ADDRESSES)).isEqualTo(List.of("00:50:56:AA:00:02", "00:50:56:AA:00:03"));
        assertThat(scanner.values().get(DeviceField.MANUFACTURER)).isEqualTo("Siemens Healthineers");
    }

    @Test
    void pipeDelimitedCsvImports() throws Exception {
        Path file = TestSites.copyResource("/import/lab-pipe.csv", folder);

        ImportResult result = importFile(services, file, TestSites.TECHNICIAN);

        assertThat(result.readingNotes()).isEqualTo("Text file, UTF-8, pipe-delimited");
        assertThat(result.batch().added()).isEqualTo(2);
        assertThat(device("LAB-101").values().get(DeviceField.ACQUISITION_DATE)).isEqualTo(LocalDate.of(2021, 6, 1));
        assertThat(device("LAB-101").values().get(DeviceField.SERIAL_NUMBER)).isEqualTo("SX-1000-7");
    }

    @Test
    void legacyXlsImports() throws Exception {
        Path file = TestSites.copyResource("/import/legacy-devices.xls", folder);

        ImportResult result = importFile(services, file, TestSites.TECHNICIAN);

        assertThat(result.batch().added()).isEqualTo(2);
        assertThat(services.devices().list()).extracting(Device::assetTag).containsExactly("00777", "00778");
        Device ventilator = device("00777");
        assertThat(ventilator.values().get(DeviceField.SERIAL_NUMBER)).isEqualTo("1234");
        assertThat(ventilator.values().get(DeviceField.ACQUISITION_DATE)).isEqualTo(LocalDate.of(2018, 7, 2));
        assertThat(device("00778").values().get(DeviceField.MANUFACTURER)).isEqualTo("Dräger");
    }

    @Test
    void deviceTypeDefaultsComeFromFdaClassification() throws Exception {
        Path file = TestSites.copyResource("/import/legacy-devices.xls", folder);

        importFile(services, file, TestSites.TECHNICIAN);

        Device ventilator = device("00777");
        assertThat(ventilator.criticality().value()).isEqualTo(ClinicalCriticality.LIFE_SUSTAINING);
        assertThat(ventilator.criticality().assumed()).isTrue();
        assertThat(ventilator.criticality().source()).contains("CBK").contains("life-sustaining");
        assertThat(ventilator.missionImpact().value()).isEqualTo(MissionImpact.MEF_FAILURE);
        assertThat(ventilator.display(DeviceField.CRITICALITY)).isEqualTo("Life-sustaining (assumed)");
    }

    @Test
    void secondSheetCanBeChosen() throws Exception {
        Path file = TestSites.copyResource("/import/vendor-two-sheets.xlsx", folder);
        SheetPreview preview = services.inventoryImport().preview(file, "Vendor devices");
        ImportRequest request = new ImportRequest(file, "Vendor devices", preview.headerRow().number(),
                services.inventoryImport().suggestMapping(preview.headers()));

        ImportResult result = services.inventoryImport().importFile(request, TestSites.TECHNICIAN, ProgressMonitor.NONE);

        assertThat(services.inventoryImport().sheets(file)).containsExactly("Read me", "Vendor devices");
        assertThat(result.batch().added()).isEqualTo(1);
        assertThat(device("V-1").values().get(DeviceField.MANUFACTURER)).isEqualTo("B. Braun");
        assertThat(device("V-1").values().get(DeviceField.SOFTWARE_VERSION)).isEqualTo("012U000050");
    }

    @Test
    void importNeverWritesTheUsersFile() throws Exception {
        Path file = TestSites.copyResource("/import/cmms-messy.xlsx", folder);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_600_000_000_000L));
        String before = Sha256.ofFile(file);

        importFile(services, file, TestSites.TECHNICIAN);

        assertThat(Sha256.ofFile(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(1_600_000_000_000L);
    }

    @Test
    void batchRecordsFileAndUser() throws Exception {
        Path file = TestSites.copyResource("/import/lab-pipe.csv", folder);

        ImportResult result = importFile(services, file, TestSites.TECHNICIAN);

        ImportBatch batch = services.inventoryImport().history().get(0);
        assertThat(batch.id()).isEqualTo(result.batch().id());
        assertThat(batch.fileName()).isEqualTo("lab-pipe.csv");
        assertThat(batch.fileSha256()).isEqualTo(Sha256.ofFile(file));
        assertThat(batch.importedBy()).isEqualTo("jtech");
        assertThat(batch.importedAt()).isEqualTo(TestSites.CLOCK.instant());
        assertThat(services.inventoryImport().earlierImportsOf(file)).extracting(ImportBatch::id).containsExactly(batch.id());
    }

    @Test
    void rejectedRowsAreKeptWithTheBatch() throws Exception {
        Path file = TestSites.copyResource("/import/cmms-messy.xlsx", folder);

        ImportResult result = importFile(services, file, TestSites.TECHNICIAN);

        List<RejectedRow> stored = services.inventoryImport().rejections(result.batch().id());
        assertThat(stored).extracting(RejectedRow::rowNumber).containsExactly(10, 11, 12, 13);
        assertThat(stored.get(0).cells()).startsWith("100236", "Smiths Medical", "Medfusion 4000");
        assertThat(services.inventoryImport().batchHeaders(result.batch().id())).startsWith("Equipment #", "Mfr", "Model #");
    }

    @Test
    void reimportUpdatesWithoutErasingStoredValues() throws Exception {
        Path first = folder.resolve("first.csv");
        Files.writeString(first, "Asset Tag,Manufacturer,Model,Software Version,Department\nA-1,Baxter,Life2000,06.08,ICU\nA-2,Baxter,Life2000,06.08,ICU\n");
        importFile(services, first, TestSites.TECHNICIAN);
        Path second = folder.resolve("second.csv");
        Files.writeString(second, "Asset Tag,Software Version,Department\nA-1,06.10,\nA-2,06.08,ICU\nA-3,1.0,Lab\n");

        ImportResult result = importFile(services, second, TestSites.MANAGER);

        assertThat(result.batch().added()).isEqualTo(1);
        assertThat(result.batch().updated()).isEqualTo(1);
        assertThat(result.batch().unchanged()).isEqualTo(1);
        Device updated = device("A-1");
        assertThat(updated.values().get(DeviceField.SOFTWARE_VERSION)).isEqualTo("06.10");
        assertThat(updated.values().get(DeviceField.DEPARTMENT)).isEqualTo("ICU");
        assertThat(updated.values().get(DeviceField.MODEL)).isEqualTo("Life2000");
        assertThat(updated.updatedBy()).isEqualTo("mmanager");
        assertThat(updated.createdBy()).isEqualTo("jtech");
    }

    @Test
    void addressPlaceholdersCountAsEmpty() throws Exception {
        Path file = folder.resolve("placeholders.csv");
        Files.writeString(file, "Asset Tag,IP Address,MAC Address,Status\nA-1,DHCP,N/A,Under Repair\nA-2,TBD,none,Loaner\n"
                + "A-3,10.1.1.1; dhcp,-,Lost/Stolen\n");

        ImportResult result = importFile(services, file, TestSites.TECHNICIAN);

        assertThat(result.batch().added()).isEqualTo(3);
        assertThat(device("A-1").values().get(DeviceField.IP_ADDRESSES)).isNull();
        assertThat(device("A-1").values().get(DeviceField.STATUS)).isEqualTo(DeviceStatus.INACTIVE);
        assertThat(device("A-2").values().get(DeviceField.STATUS)).isEqualTo(DeviceStatus.ACTIVE);
        assertThat(device("A-3").values().get(DeviceField.IP_ADDRESSES)).isEqualTo(List.of("10.1.1.1"));
    }

    @Test
    void statusChangeStampsTheStatusDate() throws Exception {
        Clock later = Clock.offset(TestSites.CLOCK, Duration.ofDays(10));
        Path first = folder.resolve("first.csv");
        Files.writeString(first, "Asset Tag,Status\nA-1,Active\n");
        importFile(services, first, TestSites.TECHNICIAN);
        services.close();
        services = TestSites.open(folder.resolve("data"), later);
        Path second = folder.resolve("second.csv");
        Files.writeString(second, "Asset Tag,Status\nA-1,Retired\n");

        importFile(services, second, TestSites.TECHNICIAN);

        assertThat(device("A-1").values().get(DeviceField.STATUS)).isEqualTo(DeviceStatus.RETIRED);
        assertThat(device("A-1").values().get(DeviceField.STATUS_CHANGED_ON)).isEqualTo(LocalDate.of(2026, 12, 14));
    }

    @Test
    void fileWithNoImportableRowChangesNothing() throws Exception {
        Path file = folder.resolve("bad.csv");
        Files.writeString(file, "Asset Tag,IP Address\nA-1,10.0.0.999\n,10.0.0.1\n");

        assertThatThrownBy(() -> importFile(services, file, TestSites.TECHNICIAN))
                .isInstanceOf(ImportException.class)
                .hasMessage("No row of bad.csv could be imported (2 rejected)")
                .satisfies(error -> assertThat(((ImportException) error).rejected()).hasSize(2));
        assertThat(services.devices().count()).isZero();
        assertThat(services.inventoryImport().history()).isEmpty();
    }

    @Test
    void mappingWithoutAssetTagIsRefused() throws Exception {
        Path file = folder.resolve("no-tag.csv");
        Files.writeString(file, "Manufacturer,Model\nBaxter,Life2000\n");
        ImportRequest request = ImportFixtures.defaultRequest(services, file);

        assertThatThrownBy(() -> services.inventoryImport().importFile(request, TestSites.TECHNICIAN,
                ProgressMonitor.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("mapped to Asset Tag");
    }

    @Test
    void cancelledImportRollsBack() throws Exception {
        Path first = folder.resolve("first.csv");
        Files.writeString(first, "Asset Tag,Software Version\nA-1,1.0\n");
        importFile(services, first, TestSites.TECHNICIAN);
        StringBuilder csv = new StringBuilder("Asset Tag,Software Version\n");
        for (int i = 0; i < 2500; i++) {
            csv.append("B-").append(i).append(",2.0\n");
        }
        csv.append("A-1,9.9\n");
        Path big = folder.resolve("big.csv");
        Files.writeString(big, csv.toString());
        ImportRequest request = ImportFixtures.defaultRequest(services, big);
        CancelAfterProgress monitor = new CancelAfterProgress(1);

        assertThatThrownBy(() -> services.inventoryImport().importFile(request, TestSites.TECHNICIAN, monitor))
                .isInstanceOf(OperationCancelledException.class);

        assertThat(services.devices().count()).isEqualTo(1);
        assertThat(device("A-1").values().get(DeviceField.SOFTWARE_VERSION)).isEqualTo("1.0");
        assertThat(services.inventoryImport().history()).hasSize(1);
    }

    @Test
    void rolledBackImportLeavesNoGapInNumbers() throws Exception {
        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, "Asset Tag,IP Address\nA-1,10.0.0.999\n");
        Path good = folder.resolve("good.csv");
        Files.writeString(good, "Asset Tag\nA-1\n");

        assertThatThrownBy(() -> importFile(services, bad, TestSites.TECHNICIAN)).isInstanceOf(ImportException.class);
        ImportResult result = importFile(services, good, TestSites.TECHNICIAN);

        assertThat(result.batch().id()).isEqualTo(1);
    }

    @Test
    void readFailureLateInFileRollsBack() throws Exception {
        StringBuilder csv = new StringBuilder("Asset Tag,Software Version\n");
        for (int i = 0; i < 2500; i++) {
            csv.append("B-").append(i).append(",2.0\n");
        }
        csv.append("B-9999,\"unclosed\n");
        Path broken = folder.resolve("broken.csv");
        Files.writeString(broken, csv.toString());
        ImportRequest request = ImportFixtures.defaultRequest(services, broken);

        assertThatThrownBy(() -> services.inventoryImport().importFile(request, TestSites.TECHNICIAN,
                ProgressMonitor.NONE))
                .isInstanceOf(TabularFileException.class)
                .hasMessageContaining("broken.csv");
        assertThat(services.devices().count()).isZero();
        assertThat(services.inventoryImport().history()).isEmpty();
    }

    @Test
    void rememberedMappingIsOfferedForSameHeaders() throws Exception {
        Path first = folder.resolve("export-1.csv");
        Files.writeString(first, "Tag No,Vendor Name,Box\nA-1,Baxter,ICU\n");
        SheetPreview preview = services.inventoryImport().preview(first, null);
        ColumnMapping corrected = ColumnMapping.fromSynonyms(preview.headers())
                .with(0, DeviceField.ASSET_TAG)
                .with(1, DeviceField.MANUFACTURER)
                .with(2, DeviceField.LOCATION);
        services.inventoryImport().importFile(new ImportRequest(first, preview.sheet(), 1, corrected), TestSites.TECHNICIAN,
                ProgressMonitor.NONE);
        Path second = folder.resolve("export-2.csv");
        Files.writeString(second, "Tag No,Vendor Name,Box\nA-2,Philips,ED\n");

        ColumnMapping suggested = services.inventoryImport().suggestMapping(services.inventoryImport().preview(second, null).headers());

        assertThat(suggested.fields()).containsExactly(DeviceField.ASSET_TAG, DeviceField.MANUFACTURER, DeviceField.LOCATION);
    }

    /** A monitor that requests cancellation after a number of progress reports. */
    private static final class CancelAfterProgress implements ProgressMonitor {
        private final int reports;
        private int seen;

        CancelAfterProgress(int reports) {
            this.reports = reports;
        }

        @Override
        public void progress(long done, long total, String message) {
            seen++;
        }

        @Override
        public boolean isCancelled() {
            return seen >= reports;
        }
    }
}
