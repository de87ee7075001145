package org.patchdesk.tabular;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.patchdesk.common.AtomicFiles;

/**
 * Writes tables to an .xlsx workbook for people to read: each sheet has a bold, frozen header
 * row with filters, column widths fitted to the header and the first rows (up to a limit), and
 * real date cells, and prints landscape with the header on every page. Text is
 * always written as a text cell, so a value such as "=HYPERLINK(...)" is never a formula; text that starts with =, +, - or @ also gets Excel's quote prefix, so that
 * editing the cell in Excel or LibreOffice keeps it text. Rows are streamed through SXSSF, keeping
 * only a window of rows in memory, and a sheet that reaches Excel's row limit continues on a
 * numbered sheet. The workbook is written through {@link AtomicFiles}, so a failed export leaves
 * no partial file behind.
 */
public final class XlsxTableWriter implements AutoCloseable {

    /** Excel's limit of 1,048,576 rows a sheet, less the header row. */
    public static final int MAX_DATA_ROWS = 1_048_575;
    private static final int MAX_WIDTH_CHARS = 60;
    private static final int ROW_WINDOW = 200;
    /**
     * Maximum total column width, in characters, of a sheet printed scaled to one page wide. A
     * wider sheet prints at full size across pages, because its text would be too small to read.
     */
    private static final int FIT_WIDTH_CHARS = 260;
    /** Column widths are measured on the header and this many rows below it, because a streamed sheet cannot be measured whole. */
    static final int WIDTH_SAMPLE_ROWS = 1_000;

    private final Path target;
    private final SXSSFWorkbook workbook;
    private final CellStyle headerStyle;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private final CellStyle quotedTextStyle;
    private final CellStyle wrappedTextStyle;
    private final CellStyle wrappedQuotedTextStyle;
    private final int maxDataRows;

    private SXSSFSheet sheet;
    private String sheetName;
    private int sheetNumber;
    private List<String> headers;
    private int[] widths;
    /** The fixed widths of the current sheet's columns, in characters, or null when they are measured. */
    private int[] fixedWidths;
    private int rowIndex;
    private long dataRows;
    private boolean written;

    public XlsxTableWriter(Path target) {
        this(target, MAX_DATA_ROWS);
    }

    /** Creates a writer whose sheets hold at most {@code maxDataRows} rows below the header; tests use a small limit. */
    XlsxTableWriter(Path target, int maxDataRows) {
        this.target = target;
        this.maxDataRows = maxDataRows;
        this.workbook = new SXSSFWorkbook(ROW_WINDOW);
        this.workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        this.headerStyle = workbook.createCellStyle();
        this.headerStyle.setFont(bold);
        short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
        this.dateStyle = workbook.createCellStyle();
        this.dateStyle.setDataFormat(dateFormat);
        this.dateTimeStyle = workbook.createCellStyle();
        this.dateTimeStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        this.quotedTextStyle = workbook.createCellStyle();
        this.quotedTextStyle.setQuotePrefixed(true);
        this.wrappedTextStyle = workbook.createCellStyle();
        this.wrappedTextStyle.setWrapText(true);
        this.wrappedTextStyle.setVerticalAlignment(VerticalAlignment.TOP);
        this.wrappedQuotedTextStyle = workbook.createCellStyle();
        this.wrappedQuotedTextStyle.cloneStyleFrom(wrappedTextStyle);
        this.wrappedQuotedTextStyle.setQuotePrefixed(true);
    }

    /** Starts a sheet with a header row; the previous sheet is finished. */
    public void startSheet(String name, List<String> columnHeaders) {
        finishSheet();
        this.sheetName = name;
        this.sheetNumber = 1;
        this.headers = List.copyOf(columnHeaders);
        this.dataRows = 0;
        this.fixedWidths = null;
        openSheet(name);
    }

    /**
     * Fixes the widths of the current sheet's columns, in characters, instead of measuring them, and
     * wraps text longer than its column onto more lines. A narrow sheet then prints one page wide
     * at a readable size, and no text runs past its column into empty ones. A column stays wide
     * enough for its header and filter button. Call it after
     * {@link #startSheet}, before the sheet's rows.
     *
     * @throws IllegalArgumentException when the widths do not match the columns or one is not positive
     */
    public void fixColumnWidths(List<Integer> characters) {
        if (sheet == null) {
            throw new IllegalStateException("startSheet must be called before fixColumnWidths");
        }
        if (characters.size() != headers.size() || characters.stream().anyMatch(width -> width == null || width <= 0)) {
            throw new IllegalArgumentException("Give one positive width for each of the " + headers.size() + " columns, not "
                    + characters);
        }
        fixedWidths = new int[characters.size()];
        for (int i = 0; i < fixedWidths.length; i++) {
            // The bold header and its filter button need more room than its characters, as for measured columns.
            fixedWidths[i] = Math.max(characters.get(i), headers.get(i).length() + 3);
        }
    }

    /** Returns the number of rows added since the last {@link #startSheet}, on all the sheets it continued on. */
    public long rowsInSheet() {
        return dataRows;
    }

    /**
     * Moves a sheet to the front of the workbook and makes it the sheet Excel opens on, as for a
     * summary written after the sheets it counts.
     */
    public void moveToFront(String name) {
        if (workbook.getSheetIndex(name) < 0) {
            throw new IllegalArgumentException("The workbook has no sheet named '" + name + "'");
        }
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            workbook.getSheetAt(i).setSelected(false);
        }
        workbook.setSheetOrder(name, 0);
        workbook.setActiveSheet(0);
        workbook.setSelectedTab(0);
    }

    private void openSheet(String name) {
        sheet = workbook.createSheet(name);
        widths = new int[headers.size()];
        rowIndex = 0;
        Row header = sheet.createRow(rowIndex++);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(headerStyle);
            widths[i] = headers.get(i).length() + 3;
        }
        sheet.createFreezePane(0, 1);
        preparePrinting(sheet);
    }

    /** Prints the sheet landscape with gridlines, the header row on every page, and a footer naming the sheet and the page. */
    private static void preparePrinting(SXSSFSheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.setAutobreaks(true);
        sheet.setPrintGridlines(true);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        sheet.getFooter().setLeft("&A");
        sheet.getFooter().setRight("Page &P of &N");
    }

    /** Adds a row; values may be null, text, numbers, booleans, {@link LocalDate} or {@link LocalDateTime}. */
    public void addRow(List<?> values) {
        if (sheet == null) {
            throw new IllegalStateException("startSheet must be called before addRow");
        }
        if (rowIndex > maxDataRows) {
            finishSheet();
            sheetNumber++;
            openSheet(sheetName + " " + sheetNumber);
        }
        boolean measured = rowIndex <= WIDTH_SAMPLE_ROWS;
        Row row = sheet.createRow(rowIndex++);
        dataRows++;
        int lines = 1;
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            int length = write(cell, value);
            if (wraps(i, value, length)) {
                cell.setCellStyle(cell.getCellStyle().getQuotePrefixed() ? wrappedQuotedTextStyle : wrappedTextStyle);
                lines = Math.max(lines, wrappedLines(value.toString(), fixedWidths[i]));
            }
            if (measured && i < widths.length) {
                widths[i] = Math.max(widths[i], Math.min(length + 2, MAX_WIDTH_CHARS));
            }
        }
        if (lines > 1) {
            row.setHeightInPoints(lines * sheet.getDefaultRowHeightInPoints());
        }
    }

    /**
     * Estimates the lines a wrapped text takes in a column of {@code width} characters. The row is
     * given that height, because LibreOffice keeps the stored height of a row when it opens a file.
     * A line is taken as two characters narrower than the column, to leave room for breaks between words.
     */
    private static int wrappedLines(String text, int width) {
        int perLine = Math.max(1, width - 2);
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            lines += Math.max(1, (line.length() + perLine - 1) / perLine);
        }
        return lines;
    }

    /** Returns whether a text cell of a sheet with fixed widths is longer than its column, or has line breaks. */
    private boolean wraps(int column, Object value, int length) {
        if (fixedWidths == null || column >= fixedWidths.length || !(value instanceof CharSequence text)) {
            return false;
        }
        return length >= fixedWidths[column] || text.toString().contains("\n");
    }

    private int write(Cell cell, Object value) {
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle);
            return 10;
        }
        if (value instanceof LocalDateTime dateTime) {
            cell.setCellValue(dateTime);
            cell.setCellStyle(dateTimeStyle);
            return 16;
        }
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            return number.toString().length();
        }
        if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
            return 5;
        }
        String text = value.toString();
        cell.setCellValue(text);
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            cell.setCellStyle(quotedTextStyle);
        }
        int longestLine = 0;
        for (String line : text.split("\n")) {
            longestLine = Math.max(longestLine, line.length());
        }
        return longestLine;
    }

    private void finishSheet() {
        if (sheet == null) {
            return;
        }
        int[] chosen = fixedWidths != null ? fixedWidths : widths;
        int totalWidth = 0;
        for (int i = 0; i < chosen.length; i++) {
            int width = fixedWidths != null ? chosen[i] : Math.min(chosen[i], MAX_WIDTH_CHARS);
            sheet.setColumnWidth(i, width * 256);
            totalWidth += width;
        }
        if (totalWidth <= FIT_WIDTH_CHARS) {
            PrintSetup print = sheet.getPrintSetup();
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
        } else {
            sheet.setRepeatingColumns(CellRangeAddress.valueOf("A:A"));
        }
        if (!headers.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowIndex - 1), 0, headers.size() - 1));
        }
        sheet = null;
    }

    /** Writes the workbook to its target file, replacing any file there. */
    public void finish() throws IOException {
        finishSheet();
        written = true;
        AtomicFiles.write(target, workbook::write);
    }

    /** Returns the sheets written so far, in order. */
    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    @Override
    /**
     * Closes the workbook and deletes its temporary row files. An unwritten workbook's rows are
     * flushed first, because POI 5.5.1 otherwise closes the row file before flushing them and logs
     * the resulting IOException as a warning.
     */
    public void close() {
        try {
            try {
                if (!written && sheet != null) {
                    sheet.flushRows();
                }
            } finally {
                workbook.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Closing the workbook failed", e);
        }
    }
}
