package org.patchdesk.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.patchdesk.common.AtomicFiles;
import org.patchdesk.demo.DemoDevice.AcquisitionDate;
import org.patchdesk.demo.DemoDevice.AssetTag;

/**
 * The "Equipment Export" sheet of a demo CMMS export, written in the layout such exports have: two
 * title rows and a blank row, the header row (row 4), one row per device, a blank row and a totals
 * row. Rows are streamed through SXSSF, which keeps only a window of rows in memory.
 */
final class EquipmentExportSheet implements AutoCloseable {

    static final String SHEET_NAME = "Equipment Export";
    static final List<String> HEADERS = List.of("Equipment #", "CMMS ID", "Mfr", "Model #", "Serial No.", "Description", "Dept",
            "Location", "Building", "Floor", "Room", "Status", "Acquisition Date", "Software Version", "OS", "OS Version",
            "IP Address", "MAC Address", "Hostname", "VLAN", "Networked (Y/N)", "Remote Access", "PHI", "Notes");
    /** Column widths in characters, in {@link #HEADERS} order. */
    private static final int[] COLUMN_WIDTHS = {12, 11, 22, 30, 16, 28, 22, 34, 18, 7, 8, 11, 16, 32, 28, 24, 28, 40, 20, 24, 16,
        14, 6, 40};
    /** Zero-based index of the header row, below two title rows and a blank row. */
    private static final int HEADER_ROW = 3;
    private static final int ROW_WINDOW = 200;
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.US);

    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle titleStyle;
    private final CellStyle headerStyle;
    private final CellStyle dateStyle;
    private final CellStyle zeroPaddedStyle;
    private int nextRow;
    /** Whether {@code workbook.write} ran, which flushes all rows and closes the row file. */
    private boolean written;

    EquipmentExportSheet() {
        workbook = new SXSSFWorkbook(ROW_WINDOW);
        // The temporary row file stays uncompressed, at about 1.1 KB a device, because compressing it
        // made 100,000 devices take about 1.5 s longer in a measurement on a 2-core machine.
        workbook.setCompressTempFiles(false);
        sheet = workbook.createSheet(SHEET_NAME);
        titleStyle = boldStyle(14);
        headerStyle = boldStyle(11);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("m/d/yyyy"));
        zeroPaddedStyle = workbook.createCellStyle();
        zeroPaddedStyle.setDataFormat(workbook.createDataFormat().getFormat("000000"));
    }

    private CellStyle boldStyle(int points) {
        Font font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) points);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    /** Writes the two title rows and the blank row below them. */
    void writeTitle(String title, String subtitle) {
        Cell titleCell = sheet.createRow(0).createCell(0);
        titleCell.setCellValue(title);
        titleCell.setCellStyle(titleStyle);
        sheet.createRow(1).createCell(0).setCellValue(subtitle);
        nextRow = HEADER_ROW;
    }

    void writeHeader() {
        Row row = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < HEADERS.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(HEADERS.get(i));
            cell.setCellStyle(headerStyle);
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        nextRow = HEADER_ROW + 1;
    }

    void writeDevice(DemoDevice device) {
        Row row = sheet.createRow(nextRow++);
        writeAssetTag(row.createCell(0), device.assetTag());
        List<String> texts = List.of(device.cmmsId(), device.manufacturer(), device.model(), device.serialNumber(),
                device.description(), device.department(), device.location(), device.building());
        for (int i = 0; i < texts.size(); i++) {
            writeText(row, 1 + i, texts.get(i));
        }
        writeFloor(row, 9, device.floor());
        writeText(row, 10, device.room());
        writeText(row, 11, device.status());
        writeAcquisitionDate(row, 12, device.acquisitionDate());
        List<String> rest = List.of(device.softwareVersion(), device.os(), device.osVersion(), device.ipAddresses(),
                device.macAddresses(), device.hostname(), device.vlan(), device.networked(), device.remoteAccess(), device.phi(),
                device.notes());
        for (int i = 0; i < rest.size(); i++) {
            writeText(row, 13 + i, rest.get(i));
        }
    }

    /**
     * Writes a blank row and the totals row below the data, sets the filter on the header row and
     * the column widths. Widths are set last because POI looks up the column of every new cell once
     * widths exist, which made writing rows about three times slower in a measurement with POI 5.5.1.
     */
    void writeTotals(int deviceCount) {
        int lastDataRow = nextRow - 1;
        nextRow++;
        sheet.createRow(nextRow++).createCell(0).setCellValue("Total: " + deviceCount + " devices");
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastDataRow, 0, HEADERS.size() - 1));
        for (int i = 0; i < COLUMN_WIDTHS.length; i++) {
            sheet.setColumnWidth(i, COLUMN_WIDTHS[i] * 256);
        }
    }

    private void writeAssetTag(Cell cell, AssetTag tag) {
        switch (tag.style()) {
            case NUMBER -> cell.setCellValue(tag.number());
            case ZERO_PADDED -> {
                cell.setCellValue(tag.number());
                cell.setCellStyle(zeroPaddedStyle);
            }
            case TEXT -> cell.setCellValue(tag.text());
        }
    }

    private void writeAcquisitionDate(Row row, int column, AcquisitionDate acquired) {
        switch (acquired.style()) {
            case EXCEL_DATE -> {
                Cell cell = row.createCell(column);
                cell.setCellValue(acquired.date());
                cell.setCellStyle(dateStyle);
            }
            case US_TEXT -> writeText(row, column, acquired.date().format(US_DATE));
            case DAY_MONTH_TEXT -> writeText(row, column, acquired.date().format(DAY_MONTH_YEAR));
            case BLANK -> {
            }
        }
    }

    /** Writes floors such as "3" as number cells, as CMMS exports do, and others such as "B1" as text. */
    private static void writeFloor(Row row, int column, String floor) {
        if (!floor.isEmpty() && floor.chars().allMatch(Character::isDigit)) {
            row.createCell(column).setCellValue(Integer.parseInt(floor));
        } else {
            writeText(row, column, floor);
        }
    }

    private static void writeText(Row row, int column, String text) {
        if (!text.isEmpty()) {
            row.createCell(column).setCellValue(text);
        }
    }

    /** Writes the workbook over {@code target}, through a temporary file in the same folder. */
    void save(Path target) throws IOException {
        written = true;
        AtomicFiles.write(target, workbook::write);
    }

    /**
     * Closes the workbook, which in POI 5.5.1 also deletes its temporary row file. When the workbook
     * was not written, the rows still in memory are flushed first, because otherwise POI closes the row
     * file before it flushes them and logs the resulting IOException as a warning.
     */
    @Override
    public void close() {
        try {
            try {
                if (!written) {
                    sheet.flushRows();
                }
            } finally {
                workbook.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Closing the demo workbook failed", e);
        }
    }
}
