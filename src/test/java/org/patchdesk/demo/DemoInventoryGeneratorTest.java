package org.patchdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.patchdesk.audit.AuditChain;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.OperationCancelledException;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.FdaProductClassification;
import org.patchdesk.inventory.InventoryChangeListener;
import org.patchdesk.inventory.importing.ImportRequest;
import org.patchdesk.inventory.importing.ImportResult;
import org.patchdesk.inventory.importing.InventoryImportService;
import org.patchdesk.inventory.importing.SheetPreview;
import org.patchdesk.storage.Database;

class DemoInventoryGeneratorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T13:00:00Z"), ZoneId.of("America/Chicago"));
    private static final long SEED = 42;
    private static final int DEVICE_COUNT = 3000;
    /** Zero-based index of the header row, which a spreadsheet program shows as row 4. */
    private static final int HEADER_ROW = 3;
    private static final int COLUMN_COUNT = 24;
    private static final List<String> HEADERS = List.of("Equipment #", "CMMS ID", "Mfr", "Model #", "Serial No.", "Description",
            "Dept", "Location", "Building", "Floor", "Room", "Status", "Acquisition Date", "Software Version", "OS", "OS Version",
            "IP Address", "MAC Address", "Hostname", "VLAN", "Networked (Y/N)", "Remote Access", "PHI", "Notes");
    private static final int MFR = HEADERS.indexOf("Mfr");
    private static final int MODEL = HEADERS.indexOf("Model #");
    private static final int SOFTWARE_VERSION = HEADERS.indexOf("Software Version");

    @TempDir
    static Path sharedFolder;

    private static Path standardFile;
    private static List<List<String>> standardRows;

    @BeforeAll
    static void generateStandardFile() throws Exception {
        standardFile = sharedFolder.resolve("standard.xlsx");
        new DemoInventoryGenerator(SEED, CLOCK).write(DEVICE_COUNT, standardFile, ProgressMonitor.NONE);
        standardRows = readSheet(standardFile, DemoInventoryGeneratorTest::texts);
    }

    @Test
    void writesTitleRowsAboveHeader() {
        List<String> title = standardRows.get(0);
        List<String> generated = standardRows.get(1);
        List<String> blank = standardRows.get(2);

        assertThat(title.get(0)).endsWith("Clinical Engineering Equipment Inventory");
        assertThat(generated.get(0)).isEqualTo("Report generated 2026-12-04 07:00 by CMMS (Nuvolo)");
        assertThat(blank).allMatch(String::isEmpty);
    }

    @Test
    void writesHeaderBelowTitleRows() {
        List<String> header = standardRows.get(HEADER_ROW);

        assertThat(header).containsExactlyElementsOf(HEADERS);
    }

    @Test
    void writesRequestedNumberOfDataRows() {
        List<List<String>> rowsBelowHeader = standardRows.subList(HEADER_ROW + 1, standardRows.size());

        int dataRows = 0;
        while (dataRows < rowsBelowHeader.size() && !rowsBelowHeader.get(dataRows).get(0).isEmpty()) {
            dataRows++;
        }

        assertThat(dataRows).isEqualTo(DEVICE_COUNT);
    }

    @Test
    void writesTotalsRowAfterBlankRow() {
        int blankRow = HEADER_ROW + 1 + DEVICE_COUNT;

        List<String> blank = standardRows.get(blankRow);
        List<String> totals = standardRows.get(blankRow + 1);

        assertThat(blank).allMatch(String::isEmpty);
        assertThat(totals.get(0)).isEqualTo("Total: 3000 devices");
        assertThat(standardRows).hasSize(blankRow + 2);
    }

    @Test
    void writesUniqueAssetTags() {
        List<String> tags = dataRows(standardRows).stream().map(row -> row.get(0)).toList();

        Set<String> distinct = new HashSet<>(tags);

        assertThat(tags).doesNotContain("");
        assertThat(distinct).hasSize(DEVICE_COUNT);
    }

    @Test
    void showsZeroPaddedTagsWithLeadingZeros() throws Exception {
        DataFormatter formatter = new DataFormatter(Locale.US);

        List<String> zeroPadded = readSheet(standardFile, sheet -> {
            List<String> displayed = new ArrayList<>();
            for (int i = HEADER_ROW + 1; i <= HEADER_ROW + DEVICE_COUNT; i++) {
                Cell tag = sheet.getRow(i).getCell(0);
                if ("000000".equals(tag.getCellStyle().getDataFormatString())) {
                    displayed.add(formatter.formatCellValue(tag));
                }
            }
            return displayed;
        });

        assertThat(zeroPadded).hasSizeGreaterThan(DEVICE_COUNT / 20);
        assertThat(zeroPadded).allMatch(text -> text.matches("0\\d{5}"), "six digits with a leading zero");
    }

    @ParameterizedTest
    @EnumSource(AdvisoryCase.class)
    void includesAdvisoryVersionsInsideAndOutsideRange(AdvisoryCase product) {
        List<String> versions = dataRows(standardRows).stream()
                .filter(row -> row.get(MFR).matches(product.manufacturer) && row.get(MODEL).matches(product.model))
                .map(row -> row.get(SOFTWARE_VERSION))
                .filter(version -> !version.isEmpty())
                .toList();

        List<String> inside = versions.stream().filter(product::isInsideRange).toList();
        List<String> outside = versions.stream().filter(version -> !product.isInsideRange(version)).toList();

        assertThat(inside).as("versions of %s inside the affected range", product).isNotEmpty();
        assertThat(outside).as("versions of %s outside the affected range", product).isNotEmpty();
    }

    @Test
    void sameSeedGivesIdenticalRows(@TempDir Path folder) throws Exception {
        Path again = folder.resolve("again.xlsx");

        new DemoInventoryGenerator(SEED, CLOCK).write(DEVICE_COUNT, again, ProgressMonitor.NONE);

        List<List<String>> rows = readSheet(again, DemoInventoryGeneratorTest::texts);
        assertThat(dataRows(rows)).containsExactlyElementsOf(dataRows(standardRows));
    }

    @Test
    void differentSeedGivesDifferentRows(@TempDir Path folder) throws Exception {
        Path other = folder.resolve("other.xlsx");

        new DemoInventoryGenerator(SEED + 1, CLOCK).write(DEVICE_COUNT, other, ProgressMonitor.NONE);

        List<List<String>> rows = readSheet(other, DemoInventoryGeneratorTest::texts);
        assertThat(dataRows(rows)).hasSize(DEVICE_COUNT);
        assertThat(dataRows(rows)).isNotEqualTo(dataRows(standardRows));
    }

    @Test
    void importsWithoutRejectedRows(@TempDir Path dataFolder) throws Exception {
        try (Database database = Database.open(dataFolder, "demo")) {
            InventoryImportService importer = new InventoryImportService(database.jdbi(), new AuditLog(new AuditChain(database.jdbi(),
                    AuditChain.anchorFileOf(database.file()), CLOCK)),
                    FdaProductClassification.load(), CLOCK, InventoryChangeListener.NONE);
            SheetPreview preview = importer.preview(standardFile, null);
            ImportRequest request = new ImportRequest(standardFile, preview.sheet(), preview.headerRow().number(),
                    importer.suggestMapping(preview.headers()));

            ImportResult result = importer.importFile(request, Actor.SYSTEM, ProgressMonitor.NONE);

            assertThat(preview.headerRow().number()).isEqualTo(HEADER_ROW + 1);
            assertThat(result.rejected()).isEmpty();
            assertThat(result.batch().added()).isEqualTo(DEVICE_COUNT);
        }
    }

    @Test
    void reportsProgressEveryThousandDevices(@TempDir Path folder) throws Exception {
        List<Long> reported = new ArrayList<>();
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                reported.add(done);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        new DemoInventoryGenerator(SEED, CLOCK).write(2500, folder.resolve("progress.xlsx"), monitor);

        assertThat(reported).containsExactly(1000L, 2000L, 2500L);
    }

    @Test
    void cancelledRunLeavesNoFile(@TempDir Path folder) {
        ProgressMonitor cancelled = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        DemoInventoryGenerator generator = new DemoInventoryGenerator(SEED, CLOCK);

        assertThatThrownBy(() -> generator.write(2500, folder.resolve("cancelled.xlsx"), cancelled))
                .isInstanceOf(OperationCancelledException.class);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void rejectsNegativeDeviceCount(@TempDir Path folder) {
        DemoInventoryGenerator generator = new DemoInventoryGenerator(SEED, CLOCK);

        assertThatThrownBy(() -> generator.write(-1, folder.resolve("negative.xlsx"), ProgressMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    /**
     * Products named in CISA ICS medical advisories, with the affected range as each advisory states
     * it, matched by the spellings a CMMS uses.
     */
    enum AdvisoryCase {
        /** ICSMA-23-194-01: 12.1.3 and earlier. Its remediation notes state that three of the CVEs remain in 12.3.1. */
        BD_ALARIS_PCU_8015("BD|Becton Dickinson|CareFusion|BD Medical", ".*\\b8015\\b.*") {
            @Override
            boolean isInsideRange(String version) {
                return compareVersions(version, "12.1.3") <= 0;
            }
        },
        /** ICSMA-24-319-01: 06.08.00.00 and earlier, with no fixed version. */
        BAXTER_LIFE2000("Baxter.*|Breathe Technologies|Hill-Rom", "(?i)(life ?2000|L2K).*") {
            @Override
            boolean isInsideRange(String version) {
                return compareVersions(version, "06.08.00.00") <= 0;
            }
        },
        /** ICSMA-20-254-01 (Update C): B.02, C.02 and C.03. */
        PHILIPS_PIC_IX("Philips.*|Phillips.*", "(?i).*(PIC ?iX|Patient Information Center iX).*") {
            @Override
            boolean isInsideRange(String version) {
                return List.of("B.02", "C.02", "C.03").contains(version);
            }
        },
        /** ICSMA-18-058-02: all versions of IntelliSpace Portal 7.0.x and 8.0.x. */
        PHILIPS_INTELLISPACE_PORTAL("Philips.*|Phillips.*", "(?i)(.*IntelliSpace Portal.*|ISP)") {
            @Override
            boolean isInsideRange(String version) {
                return version.startsWith("7.0.") || version.startsWith("8.0.");
            }
        },
        /**
         * ICSMA-22-244-01: the three firmware builds it lists and earlier ones. ICSMA-25-030-01 later
         * names all CMS8000 versions, so builds outside this range are affected as well.
         */
        CONTEC_CMS8000("(?i)contec.*", "(?i)CMS[- ]?8000.*") {
            @Override
            boolean isInsideRange(String version) {
                return List.of("smart3250-2.6.27-wlan2.1.7.cramfs", "CMS7.820.075.08/0.74(0.75)", "CMS7.820.120.01/0.93(0.95)")
                        .contains(version);
            }
        },
        /** ICSMA-21-294-01: SpaceCom 2 software 012U000061 and earlier (U.S. versions), fixed in 012U000093. */
        BBRAUN_SPACECOM("(?i)b\\.? ?braun.*", "(?i).*SpaceCom.*") {
            @Override
            boolean isInsideRange(String version) {
                return version.matches("012U\\d{6}") && Integer.parseInt(version.substring(4)) <= 61;
            }
        },
        /** ICSMA-17-250-02A: 1.1, 1.5 and 1.6, fixed in 1.6.1. */
        SMITHS_MEDFUSION_4000("Smiths.*", "(?i)(Medfusion )?4000.*") {
            @Override
            boolean isInsideRange(String version) {
                return compareVersions(version, "1.6.1") < 0;
            }
        };

        final String manufacturer;
        final String model;

        AdvisoryCase(String manufacturer, String model) {
            this.manufacturer = manufacturer;
            this.model = model;
        }

        abstract boolean isInsideRange(String version);
    }

    /** Compares dotted version numbers part by part as numbers, so that 12.1.3 is below 12.3.1 and 06.08 equals 6.8. */
    static int compareVersions(String left, String right) {
        String[] leftParts = left.split("\\.");
        String[] rightParts = right.split("\\.");
        for (int i = 0; i < Math.max(leftParts.length, rightParts.length); i++) {
            int leftPart = i < leftParts.length ? Integer.parseInt(leftParts[i]) : 0;
            int rightPart = i < rightParts.length ? Integer.parseInt(rightParts[i]) : 0;
            if (leftPart != rightPart) {
                return Integer.compare(leftPart, rightPart);
            }
        }
        return 0;
    }

    private static List<List<String>> dataRows(List<List<String>> rows) {
        return rows.subList(HEADER_ROW + 1, HEADER_ROW + 1 + DEVICE_COUNT);
    }

    /** Opens the workbook read-only, applies {@code reader} to its export sheet and closes it without saving. */
    private static <T> T readSheet(Path file, Function<Sheet, T> reader) throws Exception {
        OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            XSSFWorkbook workbook = new XSSFWorkbook(pkg);
            return reader.apply(workbook.getSheet("Equipment Export"));
        } finally {
            pkg.revert();
        }
    }

    /** Returns the displayed text of every cell, with "" for blank cells and empty rows. */
    private static List<List<String>> texts(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(Locale.US);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            List<String> cells = new ArrayList<>(COLUMN_COUNT);
            for (int column = 0; column < COLUMN_COUNT; column++) {
                Cell cell = row == null ? null : row.getCell(column);
                cells.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
            rows.add(cells);
        }
        return rows;
    }
}
