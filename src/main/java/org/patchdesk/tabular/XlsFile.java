package org.patchdesk.tabular;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.patchdesk.common.ProgressMonitor;

/**
 * Reads a legacy .xls workbook (Excel 97-2003). The format has at most 65,536 rows a sheet, so
 * the workbook is loaded whole; the file system is opened read-only.
 */
final class XlsFile implements TabularFile {

    private final Path path;
    private final POIFSFileSystem fileSystem;
    private final HSSFWorkbook workbook;
    private final NumberText numberText = new NumberText();

    private XlsFile(Path path, POIFSFileSystem fileSystem, HSSFWorkbook workbook) {
        this.path = path;
        this.fileSystem = fileSystem;
        this.workbook = workbook;
    }

    static XlsFile open(Path path) throws TabularFileException {
        POIFSFileSystem fileSystem = null;
        try {
            fileSystem = new POIFSFileSystem(path.toFile(), true);
            HSSFWorkbook workbook = new HSSFWorkbook(fileSystem.getRoot(), true);
            return new XlsFile(path, fileSystem, workbook);
        } catch (org.apache.poi.EncryptedDocumentException e) {
            closeQuietly(fileSystem);
            throw new TabularFileException(path.getFileName() + " is password-protected; save an unprotected copy and import that", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(fileSystem);
            throw new TabularFileException("Cannot read the workbook " + path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return Collections.unmodifiableList(names);
    }

    @Override
    public void readRows(String sheetName, RowVisitor visitor, ProgressMonitor monitor) throws TabularFileException {
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            throw new TabularFileException(path.getFileName() + " has no sheet named '" + sheetName + "'");
        }
        int total = sheet.getLastRowNum() + 1;
        for (Row row : sheet) {
            int rowNumber = row.getRowNum() + 1;
            if (rowNumber % 1000 == 0) {
                monitor.checkCancelled();
                monitor.progress(rowNumber, total, "Reading row " + rowNumber);
            }
            List<String> cells = new ArrayList<>();
            for (Cell cell : row) {
                String text = cellText(cell, cell.getCellType());
                if (text.isEmpty()) {
                    continue;
                }
                while (cells.size() < cell.getColumnIndex()) {
                    cells.add("");
                }
                cells.add(text);
            }
            if (!cells.isEmpty() && !visitor.visit(rowNumber, cells)) {
                return;
            }
        }
    }

    private String cellText(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> numberText.format(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                    cell.getCellStyle().getDataFormatString());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case FORMULA -> cellText(cell, cell.getCachedFormulaResultType());
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    @Override
    public void close() {
        closeQuietly(fileSystem);
    }

    private static void closeQuietly(POIFSFileSystem fileSystem) {
        if (fileSystem == null) {
            return;
        }
        try {
            fileSystem.close();
        } catch (IOException ignored) {
            // Opened read-only: there is nothing to flush, and the rows were already read.
        }
    }
}
