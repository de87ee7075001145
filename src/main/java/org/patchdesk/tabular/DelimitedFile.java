package org.patchdesk.tabular;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.patchdesk.common.ProgressMonitor;

/**
 * Reads delimited text (.csv, .txt, .tsv). The encoding is UTF-8 (with or without byte order mark),
 * UTF-16 when the file starts with a UTF-16 byte order mark, and otherwise Windows-1252 when the bytes are not valid
 * UTF-8. The delimiter is the one of comma, semicolon, tab and pipe that splits the first lines most
 * consistently. Row numbers are record numbers, which match the rows a spreadsheet program shows.
 */
final class DelimitedFile implements TabularFile {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int SAMPLE_LINES = 50;

    private final Path path;
    private final String text;
    private final Charset charset;
    private final char delimiter;
    private final String misleadingExtension;

    private DelimitedFile(Path path, String text, Charset charset, char delimiter, String misleadingExtension) {
        this.path = path;
        this.text = text;
        this.charset = charset;
        this.delimiter = delimiter;
        this.misleadingExtension = misleadingExtension;
    }

    /** Returns this file noted as text saved under a workbook extension such as "xls". */
    DelimitedFile namedAs(String extension) {
        return new DelimitedFile(path, text, charset, delimiter, extension);
    }

    static DelimitedFile open(Path path) throws TabularFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new TabularFileException("Cannot read " + path.getFileName() + ": " + e.getMessage(), e);
        }
        Charset charset = detectCharset(bytes);
        String text = decode(bytes, charset);
        if (text.indexOf('\u0000') >= 0) {
            throw new TabularFileException(path.getFileName() + " is not a text file (it contains binary data)");
        }
        return new DelimitedFile(path, text, charset, detectDelimiter(text), null);
    }

    static Charset detectCharset(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    private static String decode(byte[] bytes, Charset charset) {
        String decoded = new String(bytes, charset);
        return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Chooses the delimiter whose most frequent non-zero count per line occurs on the most sample
     * lines. Title lines above the header usually contain no delimiter, so they do not count.
     */
    static char detectDelimiter(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r\n|\n|\r", SAMPLE_LINES + 1)) {
            if (!line.isBlank() && lines.size() < SAMPLE_LINES) {
                lines.add(line);
            }
        }
        char best = ',';
        int bestScore = 0;
        for (char candidate : DELIMITERS) {
            Map<Integer, Integer> linesByCount = new HashMap<>();
            for (String line : lines) {
                int count = countOutsideQuotes(line, candidate);
                if (count > 0) {
                    linesByCount.merge(count, 1, Integer::sum);
                }
            }
            int score = linesByCount.values().stream().max(Integer::compare).orElse(0);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<String> sheetNames() {
        return List.of(path.getFileName().toString());
    }

    @Override
    public String readingNotes() {
        String delimiterName = switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "pipe";
        };
        String kind = misleadingExtension == null ? "Text file" : "Text file named ." + misleadingExtension;
        return kind + ", " + charset.displayName() + ", " + delimiterName + "-delimited";
    }

    public Charset charset() {
        return charset;
    }

    public char delimiter() {
        return delimiter;
    }

    @Override
    public void readRows(String sheet, RowVisitor visitor, ProgressMonitor monitor) throws TabularFileException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setTrim(false)
                .get();
        long total = text.length();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                long rowNumber = record.getRecordNumber();
                if (rowNumber % 1000 == 0) {
                    monitor.checkCancelled();
                    monitor.progress(record.getCharacterPosition(), total, "Reading row " + rowNumber);
                }
                List<String> cells = new ArrayList<>(record.size());
                boolean any = false;
                for (String value : record) {
                    cells.add(value);
                    any |= !value.isEmpty();
                }
                if (any && !visitor.visit((int) rowNumber, cells)) {
                    return;
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new TabularFileException("Cannot read " + path.getFileName() + ": " + reason
                    + " (a quoted value may be missing its closing quote)", e);
        } catch (IOException e) {
            throw new TabularFileException("Cannot read " + path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // The whole text was read when the file was opened.
    }
}
