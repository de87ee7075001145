package org.patchdesk.intel.feeds;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses the CISA Known Exploited Vulnerabilities catalog from its JSON file or from its CSV file. The current CSV has
 * 11 columns, and files from 2022 have only the first 8, with M/D/YYYY dates and CRLF line ends. CSV columns are found
 * by header name in any order. Text is trimmed and otherwise kept as published, including U+FFFD and curly quotes.
 */
public final class KevCatalogParser {

    /** Fields every entry has: required by CISA's schema for the JSON file and present in every CSV layout. */
    private static final List<String> REQUIRED_FIELDS = List.of("cveID", "vendorProject", "product", "vulnerabilityName",
            "dateAdded", "shortDescription", "requiredAction", "dueDate");
    private static final List<String> OPTIONAL_FIELDS = List.of("knownRansomwareCampaignUse", "notes", "cwes");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final ObjectMapper mapper = FeedJson.newMapper();

    /**
     * Parses a catalog file. The format is detected by content: JSON when the file starts with '{' or '[', CSV when
     * its first line names a cveID column.
     */
    public KevCatalog parse(Path file) throws FeedFormatException, IOException {
        String fileName = file.getFileName().toString();
        byte[] content = Files.readAllBytes(file);
        String start = FeedJson.startOf(content);
        if (start.isEmpty()) {
            throw new FeedFormatException(fileName + " is empty");
        }

        boolean csvHeader = firstLine(content).toLowerCase(Locale.ROOT).contains("cveid");
        if (FeedJson.startsLikeJson(start) || (!csvHeader && fileName.toLowerCase(Locale.ROOT).endsWith(".json"))) {
            return parseJson(fileName, FeedJson.readTree(mapper, fileName, content));
        }
        if (!csvHeader) {
            throw new FeedFormatException(fileName + " is not a KEV catalog: its first line has no \"cveID\" column"
                    + " (it starts with '" + start + "')");
        }
        return parseCsv(fileName, decodeUtf8(fileName, content));
    }

    private KevCatalog parseJson(String fileName, JsonNode root) throws FeedFormatException {
        if (!root.isObject()) {
            throw new FeedFormatException(fileName + " is not a KEV catalog: it is a JSON list, not the catalog object");
        }
        String other = FeedJson.otherFeed(root);
        if (!other.isEmpty() && !other.contains("KEV")) {
            throw new FeedFormatException(fileName + " is not a KEV catalog" + other);
        }
        JsonNode vulnerabilities = root.get("vulnerabilities");
        if (vulnerabilities == null) {
            boolean schema = root.has("$schema") || root.has("properties");
            throw new FeedFormatException(fileName + " is not a KEV catalog: it has no \"vulnerabilities\" list"
                    + (schema ? " (it looks like a JSON schema)" : ""));
        }
        if (!vulnerabilities.isArray()) {
            throw FeedFormatException.atPointer(fileName, "/vulnerabilities",
                    "expected a list, found " + FeedJson.kind(vulnerabilities));
        }

        List<KevEntry> entries = new ArrayList<>(vulnerabilities.size());
        Map<String, String> firstSeen = new HashMap<>();
        for (int i = 0; i < vulnerabilities.size(); i++) {
            String pointer = "/vulnerabilities/" + i;
            JsonNode node = vulnerabilities.get(i);
            if (!node.isObject()) {
                throw FeedFormatException.atPointer(fileName, pointer, "expected an object, found " + FeedJson.kind(node));
            }
            KevEntry entry = entry(new JsonFields(fileName, pointer, node));
            String first = firstSeen.putIfAbsent(entry.cveId(), pointer);
            if (first != null) {
                throw FeedFormatException.atPointer(fileName, pointer, listedTwice(entry.cveId(), first));
            }
            entries.add(entry);
        }
        checkCount(fileName, root, entries.size());

        return new KevCatalog(FeedJson.optionalText(root, "title", fileName, ""),
                FeedJson.optionalText(root, "catalogVersion", fileName, ""),
                FeedJson.optionalText(root, "dateReleased", fileName, ""), entries);
    }

    /** Rejects a catalog whose "count" differs from its list, which happens when the file was cut or edited. */
    private static void checkCount(String fileName, JsonNode root, int listed) throws FeedFormatException {
        JsonNode count = root.get("count");
        if (count == null || count.isNull()) {
            return;
        }
        if (!count.canConvertToInt() || count.asInt() != listed) {
            throw FeedFormatException.atPointer(fileName, "/count",
                    "the catalog says it has " + count.asText() + " vulnerabilities but lists " + listed);
        }
    }

    private KevCatalog parseCsv(String fileName, String text) throws FeedFormatException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        long nextRecordLine = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            LineCounter lines = new LineCounter(text);
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = records.next();
            Map<String, Integer> columns = columns(fileName, header);

            List<KevEntry> entries = new ArrayList<>();
            Map<String, String> firstSeen = new HashMap<>();
            while (true) {
                nextRecordLine = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                long line = lines.lineAt(record.getCharacterPosition());
                if (record.size() != header.size()) {
                    throw FeedFormatException.atLine(fileName, line,
                            "the row has " + record.size() + " fields, but the header has " + header.size());
                }
                KevEntry entry = entry(new CsvFields(fileName, line, record, columns));
                String first = firstSeen.putIfAbsent(entry.cveId(), "line " + line);
                if (first != null) {
                    throw FeedFormatException.atLine(fileName, line, listedTwice(entry.cveId(), first));
                }
                entries.add(entry);
            }
            return new KevCatalog(null, null, null, entries);
        } catch (UncheckedIOException e) {
            throw csvSyntaxError(fileName, nextRecordLine, e.getCause());
        } catch (IOException e) {
            throw csvSyntaxError(fileName, nextRecordLine, e);
        }
    }

    /** Restates the syntax errors of Commons CSV in plain words, at the line where the bad record starts. */
    private static FeedFormatException csvSyntaxError(String fileName, long line, IOException cause) {
        String message = String.valueOf(cause.getMessage());
        String problem;
        if (message.contains("EOF reached before encapsulated token finished")) {
            problem = "a quoted field starts here and its closing quote is missing";
        } else if (message.contains("Invalid character between encapsulated token and delimiter")) {
            problem = "a quoted field is followed by other characters before the next comma";
        } else {
            problem = "the CSV syntax is invalid (" + message + ")";
        }
        return new FeedFormatException(fileName + " line " + line + ": " + problem, cause);
    }

    /** Maps each known column name to its index, ignoring case and surrounding spaces in the header. */
    private static Map<String, Integer> columns(String fileName, CSVRecord header) throws FeedFormatException {
        Map<String, Integer> byLowerCase = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byLowerCase.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> columns = new HashMap<>();
        for (String field : REQUIRED_FIELDS) {
            Integer index = byLowerCase.get(field.toLowerCase(Locale.ROOT));
            if (index == null) {
                throw FeedFormatException.atLine(fileName, 1, "the header has no \"" + field + "\" column");
            }
            columns.put(field, index);
        }
        for (String field : OPTIONAL_FIELDS) {
            Integer index = byLowerCase.get(field.toLowerCase(Locale.ROOT));
            if (index != null) {
                columns.put(field, index);
            }
        }
        return columns;
    }

    private static KevEntry entry(EntryFields fields) throws FeedFormatException {
        String rawId = fields.text("cveID");
        String cveId = CveIds.normalize(rawId);
        if (cveId == null) {
            throw fields.invalid("cveID", CveIds.invalid(rawId));
        }
        LocalDate dateAdded = date(fields, "dateAdded");
        LocalDate dueDate = date(fields, "dueDate");
        boolean knownRansomware = "Known".equalsIgnoreCase(fields.text("knownRansomwareCampaignUse"));

        return new KevEntry(cveId, fields.text("vendorProject"), fields.text("product"),
                fields.text("vulnerabilityName"), dateAdded, fields.text("shortDescription"),
                fields.text("requiredAction"), dueDate, knownRansomware, fields.text("notes"), cwes(fields.text("cwes")));
    }

    /** Reads a date written as 2021-11-03 (current files) or 11/3/2021 (CSV files from 2022). */
    private static LocalDate date(EntryFields fields, String field) throws FeedFormatException {
        String text = fields.text(field);
        if (text == null || text.isEmpty()) {
            throw fields.invalid(field, "the date is empty");
        }
        try {
            return text.indexOf('/') >= 0 ? LocalDate.parse(text, US_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw fields.invalid(field, "'" + text + "' is not a date (expected YYYY-MM-DD or M/D/YYYY)");
        }
    }

    /** Splits "CWE-59, CWE-436" into its ids. A JSON array arrives here joined in that form. */
    private static List<String> cwes(String text) {
        List<String> cwes = new ArrayList<>();
        if (text == null) {
            return cwes;
        }
        for (String part : text.split(",")) {
            String cwe = part.strip();
            if (!cwe.isEmpty()) {
                cwes.add(cwe);
            }
        }
        return cwes;
    }

    private static String listedTwice(String cveId, String firstLocation) {
        return cveId + " is listed twice (first at " + firstLocation + ")";
    }

    private static String decodeUtf8(String fileName, byte[] content) throws FeedFormatException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new FeedFormatException(fileName + " is not UTF-8 text, as CISA publishes the catalog;"
                    + " it may have been saved by a spreadsheet program, so download it again", e);
        }
    }

    private static String firstLine(byte[] content) {
        int end = 0;
        while (end < content.length && end < 4096 && content[end] != '\n') {
            end++;
        }
        return new String(content, 0, end, StandardCharsets.UTF_8);
    }

    /** One entry's fields, from a JSON object or a CSV row. Text comes back trimmed, or null when absent. */
    private interface EntryFields {
        String text(String field) throws FeedFormatException;

        FeedFormatException invalid(String field, String problem);
    }

    private static final class JsonFields implements EntryFields {
        private final String fileName;
        private final String pointer;
        private final JsonNode node;

        JsonFields(String fileName, String pointer, JsonNode node) throws FeedFormatException {
            this.fileName = fileName;
            this.pointer = pointer;
            this.node = node;
            for (String field : REQUIRED_FIELDS) {
                if (!node.has(field)) {
                    throw FeedFormatException.atPointer(fileName, pointer, "\"" + field + "\" is missing");
                }
            }
        }

        @Override
        public String text(String field) throws FeedFormatException {
            JsonNode value = node.get(field);
            if (value != null && value.isArray()) {
                return joinedArray(field, value);
            }
            String text = FeedJson.optionalText(node, field, fileName, pointer);
            return text == null ? null : text.strip();
        }

        private String joinedArray(String field, JsonNode array) throws FeedFormatException {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (!item.isTextual()) {
                    throw FeedFormatException.atPointer(fileName, pointer + "/" + field + "/" + i,
                            "expected text, found " + FeedJson.kind(item));
                }
                items.add(item.asText().strip());
            }
            return String.join(", ", items);
        }

        @Override
        public FeedFormatException invalid(String field, String problem) {
            return FeedFormatException.atPointer(fileName, pointer + "/" + field, problem);
        }
    }

    private static final class CsvFields implements EntryFields {
        private final String fileName;
        private final long line;
        private final CSVRecord record;
        private final Map<String, Integer> columns;

        CsvFields(String fileName, long line, CSVRecord record, Map<String, Integer> columns) {
            this.fileName = fileName;
            this.line = line;
            this.record = record;
            this.columns = columns;
        }

        @Override
        public String text(String field) {
            Integer index = columns.get(field);
            return index == null ? null : record.get(index).strip();
        }

        @Override
        public FeedFormatException invalid(String field, String problem) {
            return new FeedFormatException(fileName + " line " + line + ", column " + field + ": " + problem);
        }
    }

    /** Converts character positions of CSV records to line numbers, counting forward as the records advance. */
    private static final class LineCounter {
        private final String text;
        private int position;
        private long line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        long lineAt(long characterPosition) {
            int target = (int) Math.min(characterPosition, text.length());
            for (; position < target; position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
