package org.patchdesk.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.testing.TestSites;

class TabularFilesTest {

    @TempDir
    Path folder;

    private static List<List<String>> rows(Path file, String sheet) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (TabularFile tabular = TabularFiles.open(file)) {
            tabular.readRows(sheet == null ? tabular.sheetNames().get(0) : sheet, (number, cells) -> rows.add(cells), ProgressMonitor.NONE);
        }
        return rows;
    }

    @Test
    void xlsxNumbersDisplayAsExcelShowsThem() throws Exception {
        Path file = TestSites.copyResource("/import/cmms-messy.xlsx", folder);

        List<List<String>> rows = rows(file, "Equipment");

        assertThat(rows.get(0)).containsExactly("St. Example Medical Center - Biomed Equipment List");
        assertThat(rows.get(2).get(0)).isEqualTo("Equipment #");
        assertThat(rows.get(3).get(0)).isEqualTo("100234");
        assertThat(rows.get(3).get(3)).isEqualTo("12345678");
        assertThat(rows.get(3).get(8)).isEqualTo("2019-03-14");
        assertThat(rows.get(4).get(0)).isEqualTo("004512");
        assertThat(rows.get(6).get(8)).isEqualTo("43538");
    }

    @Test
    void xlsRowsAreRead() throws Exception {
        Path file = TestSites.copyResource("/import/legacy-devices.xls", folder);

        List<List<String>> rows = rows(file, "Devices");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).containsExactly("00777", "Hamilton Medical", "C6", "1234", "Ventilator", "ICU", "2018-07-02", "Active");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "a,b,c\\n1,2,3#,",
            "a;b;c\\n1;2;3#;",
            "a\tb\tc\\n1\t2\t3#tab",
            "a|b|c\\n1|2|3#|",
            "Title line\\na;'b;x';c\\n1;2;3#;"})
    void delimiterIsDetected(String text, String expected) {
        String lines = text.replace("\\n", "\n").replace('\'', '"');

        assertThat(String.valueOf(DelimitedFile.detectDelimiter(lines))).isEqualTo(expected.equals("tab") ? "\t" : expected);
    }

    @Test
    void invalidUtf8IsReadAsWindows1252() throws Exception {
        Path file = folder.resolve("devices.csv");
        Files.write(file, "Tag,Make\n1,Dräger\n".getBytes(Charset.forName("windows-1252")));

        List<List<String>> rows = rows(file, null);

        assertThat(rows.get(1)).containsExactly("1", "Dräger");
    }

    @Test
    void utf16ExcelUnicodeTextIsRead() throws Exception {
        Path file = folder.resolve("unicode.txt");
        byte[] body = "Tag\tMake\r\n1\tDräger\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(file, withBom);

        List<List<String>> rows = rows(file, null);

        assertThat(rows.get(1)).containsExactly("1", "Dräger");
    }

    @Test
    void htmlSavedAsXlsIsRefused() throws Exception {
        Path file = folder.resolve("export.xls");
        Files.writeString(file, "<html><body><table><tr><td>Tag</td></tr></table></body></html>");

        assertThatThrownBy(() -> TabularFiles.open(file))
                .isInstanceOf(TabularFileException.class)
                .hasMessage("export.xls is a web page (HTML), not a spreadsheet; open it in Excel and save it as .xlsx");
    }

    @Test
    void textNamedXlsIsReadAsText() throws Exception {
        Path file = folder.resolve("cmms-export.xls");
        Files.writeString(file, "Tag\tMake\n1\tBaxter\n");

        List<List<String>> rows = rows(file, null);

        assertThat(rows.get(1)).containsExactly("1", "Baxter");
        try (TabularFile tabular = TabularFiles.open(file)) {
            assertThat(tabular.readingNotes()).isEqualTo("Text file named .xls, UTF-8, tab-delimited");
        }
    }

    @Test
    void binaryNamedXlsxIsRefused() throws Exception {
        Path file = folder.resolve("devices.xlsx");
        Files.write(file, new byte[] {1, 0, 2, 0, 3, 0, 4, 0});

        assertThatThrownBy(() -> TabularFiles.open(file))
                .isInstanceOf(TabularFileException.class)
                .hasMessage("devices.xlsx is neither an Excel workbook nor delimited text, although its name ends in .xlsx;"
                        + " open it in Excel and save it as .xlsx");
    }

    @Test
    void emptyFileIsRefused() throws Exception {
        Path file = folder.resolve("empty.csv");
        Files.writeString(file, "");

        assertThatThrownBy(() -> TabularFiles.open(file))
                .isInstanceOf(TabularFileException.class)
                .hasMessage("empty.csv is empty (0 bytes)");
    }

    @Test
    void missingFileIsRefused() {
        Path file = folder.resolve("nowhere.csv");

        assertThatThrownBy(() -> TabularFiles.open(file))
                .isInstanceOf(TabularFileException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void unclosedQuoteIsReported() throws Exception {
        Path file = folder.resolve("broken.csv");
        Files.writeString(file, "Tag,Make\n1,\"Baxter\n2,GE\n");

        assertThatThrownBy(() -> rows(file, null))
                .isInstanceOf(TabularFileException.class)
                .hasMessageContaining("broken.csv")
                .hasMessageContaining("closing quote");
    }

    @Test
    void sheetBeyondLimitContinuesOnNumberedSheet() throws Exception {
        Path file = folder.resolve("split.xlsx");
        try (XlsxTableWriter writer = new XlsxTableWriter(file, 2)) {
            writer.startSheet("Findings", List.of("A"));
            for (int i = 0; i < 5; i++) {
                writer.addRow(List.of("row " + i));
            }
            writer.finish();

            assertThat(writer.sheetNames()).containsExactly("Findings", "Findings 2", "Findings 3");
        }
        assertThat(rows(file, "Findings 3")).containsExactly(List.of("A"), List.of("row 4"));
    }

    @Test
    void fixedWidthsWrapLongTextAndFitOnePage() throws Exception {
        Path file = folder.resolve("summary.xlsx");
        try (XlsxTableWriter writer = new XlsxTableWriter(file)) {
            writer.startSheet("Summary", List.of("Item", "Note"));
            writer.fixColumnWidths(List.of(10, 20));
            writer.addRow(List.of("short", "a note much longer than twenty characters"));
            writer.addRow(List.of("=lines", "first\nsecond"));
            writer.finish();
        }

        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(file.toFile())) {
            var sheet = book.getSheet("Summary");
            assertThat(sheet.getColumnWidth(0)).isEqualTo(10 * 256);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(20 * 256);
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getWrapText()).as("fits its column").isFalse();
            assertThat(sheet.getRow(1).getCell(1).getCellStyle().getWrapText()).as("longer than its column").isTrue();
            assertThat(sheet.getRow(2).getCell(1).getCellStyle().getWrapText()).as("has a line break").isTrue();
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getFitToPage()).isTrue();
        }
    }

    @Test
    void fixedWidthsMustMatchColumns() throws Exception {
        try (XlsxTableWriter writer = new XlsxTableWriter(folder.resolve("bad.xlsx"))) {
            writer.startSheet("Summary", List.of("Item", "Note"));

            assertThatThrownBy(() -> writer.fixColumnWidths(List.of(10))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2 columns");
        }
    }
}
