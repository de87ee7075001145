package org.patchdesk.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.patchdesk.common.ProgressMonitor;

/**
 * Reads an .xlsx workbook one row at a time: a StAX pass over each sheet's XML, with the shared
 * strings read once into a list. The workbook is opened read-only and never loaded whole.
 */
final class XlsxFile implements TabularFile {

    private static final int PROGRESS_EVERY = 1000;

    private final Path path;
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final List<String> sheetNames;
    private List<String> sharedStrings;
    private StylesTable styles;
    private final NumberText numberText = new NumberText();

    private XlsxFile(Path path, OPCPackage pkg, XSSFReader reader, List<String> sheetNames) {
        this.path = path;
        this.pkg = pkg;
        this.reader = reader;
        this.sheetNames = sheetNames;
    }

    static XlsxFile open(Path path) throws TabularFileException {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            List<String> names = new ArrayList<>();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                sheets.next().close();
                names.add(sheets.getSheetName());
            }
            return new XlsxFile(path, pkg, reader, Collections.unmodifiableList(names));
        } catch (InvalidFormatException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            revert(pkg);
            throw new TabularFileException(path.getFileName() + " is not a valid .xlsx workbook (" + e.getMessage() + ")", e);
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            revert(pkg);
            throw new TabularFileException("Cannot read the workbook " + path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Closes a package opened for reading without saving anything back. */
    private static void revert(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<String> sheetNames() {
        return sheetNames;
    }

    @Override
    public void readRows(String sheet, RowVisitor visitor, ProgressMonitor monitor) throws TabularFileException {
        try {
            loadSharedParts();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    if (sheets.getSheetName().equals(sheet)) {
                        readSheet(in, visitor, monitor);
                        return;
                    }
                }
            }
        } catch (IOException | InvalidFormatException | org.xml.sax.SAXException e) {
            throw new TabularFileException("Cannot read the workbook " + path.getFileName() + ": " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new TabularFileException("The sheet '" + sheet + "' of " + path.getFileName() + " is damaged: " + e.getMessage(), e);
        }
        throw new TabularFileException(path.getFileName() + " has no sheet named '" + sheet + "'");
    }

    private void loadSharedParts() throws IOException, InvalidFormatException, org.xml.sax.SAXException {
        if (sharedStrings == null) {
            List<String> strings = new ArrayList<>();
            if (!pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType()).isEmpty()) {
                ReadOnlySharedStringsTable table = new ReadOnlySharedStringsTable(pkg, false);
                for (int i = 0; i < table.getUniqueCount(); i++) {
                    RichTextString item = table.getItemAt(i);
                    strings.add(item == null ? "" : item.getString());
                }
            }
            sharedStrings = strings;
        }
        if (styles == null) {
            styles = reader.getStylesTable();
        }
    }

    private void readSheet(InputStream in, RowVisitor visitor, ProgressMonitor monitor) throws XMLStreamException {
        XMLStreamReader xml = newXmlInputFactory().createXMLStreamReader(in);
        try {
            new SheetParser(xml, visitor, monitor).parse();
        } finally {
            xml.close();
        }
    }

    private static XMLInputFactory newXmlInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** The state of one pass over a sheet's XML. */
    private final class SheetParser {
        private final XMLStreamReader xml;
        private final RowVisitor visitor;
        private final ProgressMonitor monitor;
        private int totalRows;
        private int rowsSeen;

        SheetParser(XMLStreamReader xml, RowVisitor visitor, ProgressMonitor monitor) {
            this.xml = xml;
            this.visitor = visitor;
            this.monitor = monitor;
        }

        void parse() throws XMLStreamException {
            int lastRowNumber = 0;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if ("dimension".equals(name)) {
                    totalRows = lastRowOf(xml.getAttributeValue(null, "ref"));
                } else if ("row".equals(name)) {
                    String r = xml.getAttributeValue(null, "r");
                    int rowNumber = r != null ? Integer.parseInt(r) : lastRowNumber + 1;
                    lastRowNumber = rowNumber;
                    List<String> cells = readRow();
                    if (++rowsSeen % PROGRESS_EVERY == 0) {
                        monitor.checkCancelled();
                        monitor.progress(rowNumber, totalRows, "Reading row " + rowNumber);
                    }
                    if (!cells.isEmpty() && !visitor.visit(rowNumber, cells)) {
                        return;
                    }
                }
            }
        }

        /** Reads the cells of the current row element up to its end tag. */
        private List<String> readRow() throws XMLStreamException {
            List<String> cells = new ArrayList<>();
            int nextColumn = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT || !"c".equals(xml.getLocalName())) {
                    continue;
                }
                String reference = xml.getAttributeValue(null, "r");
                int column = reference != null ? columnIndex(reference) : nextColumn;
                nextColumn = column + 1;
                String text = readCell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
                if (text.isEmpty()) {
                    continue;
                }
                while (cells.size() < column) {
                    cells.add("");
                }
                cells.add(text);
            }
            return cells;
        }

        /** Reads the current cell element up to its end tag and returns its displayed text. */
        private String readCell(String type, String styleIndex) throws XMLStreamException {
            String value = null;
            StringBuilder inline = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if ("v".equals(name)) {
                    value = xml.getElementText();
                } else if ("t".equals(name)) {
                    if (inline == null) {
                        inline = new StringBuilder();
                    }
                    inline.append(xml.getElementText());
                } else if ("rPh".equals(name)) {
                    skipElement("rPh");
                }
            }
            if ("inlineStr".equals(type)) {
                return inline == null ? "" : inline.toString();
            }
            if (value == null) {
                return "";
            }
            return cellText(type, styleIndex, value);
        }

        private void skipElement(String name) throws XMLStreamException {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.END_ELEMENT && name.equals(xml.getLocalName())) {
                    return;
                }
            }
        }
    }

    private String cellText(String type, String styleIndex, String value) {
        if (type == null || "n".equals(type)) {
            return numberCellText(styleIndex, value);
        }
        return switch (type) {
            case "s" -> sharedString(value);
            case "b" -> "1".equals(value) ? "TRUE" : "FALSE";
            default -> value;
        };
    }

    private String sharedString(String index) {
        try {
            int i = Integer.parseInt(index.trim());
            return i >= 0 && i < sharedStrings.size() ? sharedStrings.get(i) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private String numberCellText(String styleIndex, String value) {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return value;
        }
        if (styleIndex == null || styles == null) {
            return NumberText.general(number);
        }
        try {
            XSSFCellStyle style = styles.getStyleAt(Integer.parseInt(styleIndex));
            if (style == null) {
                return NumberText.general(number);
            }
            return numberText.format(number, style.getDataFormat(), style.getDataFormatString());
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return NumberText.general(number);
        }
    }

    /** Returns the zero-based column of a cell reference such as "AB12". */
    static int columnIndex(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    /** Returns the last row number of a dimension reference such as "A1:S100001", or 0 when unknown. */
    static int lastRowOf(String ref) {
        if (ref == null) {
            return 0;
        }
        String last = ref.contains(":") ? ref.substring(ref.indexOf(':') + 1) : ref;
        String digits = last.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    @Override
    public void close() {
        pkg.revert();
    }

}
