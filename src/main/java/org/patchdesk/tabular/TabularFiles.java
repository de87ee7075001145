package org.patchdesk.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Opens spreadsheet and text files by their content, not their name: an "xls" file that is really
 * an .xlsx workbook is read as one, and delimited text saved as .xls (as some CMMS "Export to Excel"
 * buttons do) is read as text. An HTML page or PDF is rejected with a message that names what it is.
 */
public final class TabularFiles {

    /** The file name extensions the importers accept. */
    public static final List<String> EXTENSIONS = List.of("xlsx", "xlsm", "xls", "csv", "txt", "tsv");

    private TabularFiles() {
    }

    public static TabularFile open(Path path) throws TabularFileException {
        if (!Files.isRegularFile(path)) {
            throw new TabularFileException(path + " does not exist or is not a file");
        }
        if (!Files.isReadable(path)) {
            throw new TabularFileException(path + " cannot be read (check its permissions)");
        }
        String name = path.getFileName().toString();
        if (sizeOf(path) == 0) {
            throw new TabularFileException(name + " is empty (0 bytes)");
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        FileMagic magic = magicOf(path);
        switch (magic) {
            case OOXML:
                return XlsxFile.open(path);
            case OLE2:
                return XlsFile.open(path);
            case HTML:
                throw new TabularFileException(name + " is a web page (HTML), not a spreadsheet; open it in Excel and save it as .xlsx");
            case PDF:
                throw new TabularFileException(name + " is a PDF document, not a spreadsheet");
            case BIFF2:
            case BIFF3:
            case BIFF4:
                throw new TabularFileException(name + " is in a pre-1997 Excel format; open it in Excel and save it as .xlsx");
            default:
                break;
        }
        if (!EXTENSIONS.contains(extension) && !extension.isEmpty()) {
            throw new TabularFileException(name + " has an unsupported type; use .xlsx, .xls, .csv or .txt");
        }
        boolean namedAsWorkbook = extension.equals("xlsx") || extension.equals("xlsm") || extension.equals("xls");
        DelimitedFile text;
        try {
            text = DelimitedFile.open(path);
        } catch (TabularFileException e) {
            if (namedAsWorkbook) {
                throw new TabularFileException(name + " is neither an Excel workbook nor delimited text, although its name ends in ."
                        + extension + "; open it in Excel and save it as .xlsx", e);
            }
            throw e;
        }
        return namedAsWorkbook ? text.namedAs(extension) : text;
    }

    private static long sizeOf(Path path) throws TabularFileException {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new TabularFileException("Cannot read " + path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static FileMagic magicOf(Path path) throws TabularFileException {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(path))) {
            return FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new TabularFileException("Cannot read " + path.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
