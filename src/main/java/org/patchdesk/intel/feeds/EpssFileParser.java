package org.patchdesk.intel.feeds;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Parses a daily EPSS scores file from FIRST ({@code epss_scores-YYYY-MM-DD.csv.gz}) row by row, because a current file
 * has about 350,000 rows. Plain and gzip files are both read. Gzip is recognized by its first two bytes, not by the
 * file name. The optional first line {@code #model_version:...,score_date:...} becomes the returned header. The column
 * header is {@code cve,epss,percentile}, or {@code cve,epss} in the oldest files. Scores may be written in scientific
 * notation such as {@code 5e-05}.
 *
 * <p>Rows reach the consumer while the file is read, so when this parser throws, the consumer has already received
 * the rows before the bad one. A caller that must not keep partial data collects the rows and discards them on an
 * exception, for example by rolling back a transaction.
 */
public final class EpssFileParser {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final List<String> COLUMNS_WITH_PERCENTILE = List.of("cve", "epss", "percentile");
    private static final List<String> COLUMNS_WITHOUT_PERCENTILE = List.of("cve", "epss");

    public EpssHeader parse(Path file, EpssRowConsumer consumer) throws FeedFormatException, IOException {
        String fileName = file.getFileName().toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE)) {
            boolean gzip = startsWithGzipMagic(raw);
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(gzip ? new GZIPInputStream(raw, BUFFER_SIZE) : raw, StandardCharsets.UTF_8),
                    BUFFER_SIZE)) {
                return readLines(fileName, reader, consumer);
            } catch (EOFException | ZipException e) {
                if (gzip) {
                    throw new FeedFormatException(fileName + " is truncated or not gzip data", e);
                }
                throw e;
            }
        }
    }

    /** Checks for the gzip magic bytes 1f 8b and rewinds the stream. */
    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static EpssHeader readLines(String fileName, BufferedReader reader, EpssRowConsumer consumer)
            throws FeedFormatException, IOException {
        String line = reader.readLine();
        long lineNumber = 1;
        if (line == null) {
            throw new FeedFormatException(fileName + " is empty");
        }
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }

        EpssHeader header = new EpssHeader(null, null);
        if (line.startsWith("#")) {
            header = comment(line);
            line = reader.readLine();
            lineNumber++;
            if (line == null) {
                throw FeedFormatException.atLine(fileName, lineNumber, "the column header cve,epss,percentile is missing");
            }
        }
        boolean hasPercentile = hasPercentileColumn(fileName, lineNumber, line);

        Set<String> seen = new HashSet<>();
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (!line.isBlank()) {
                row(fileName, lineNumber, line, hasPercentile, seen, consumer);
            }
        }
        return header;
    }

    /** Reads the key:value pairs of the comment line, ignoring keys other than model_version and score_date. */
    private static EpssHeader comment(String line) {
        String modelVersion = null;
        String scoreDate = null;
        for (String pair : line.substring(1).split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = pair.substring(0, colon).strip();
            String value = pair.substring(colon + 1).strip();
            if (key.equals("model_version")) {
                modelVersion = value;
            } else if (key.equals("score_date")) {
                scoreDate = value;
            }
        }
        return new EpssHeader(modelVersion, scoreDate);
    }

    private static boolean hasPercentileColumn(String fileName, long lineNumber, String line) throws FeedFormatException {
        List<String> columns = new ArrayList<>();
        for (String column : line.split(",", -1)) {
            columns.add(column.strip().toLowerCase(Locale.ROOT));
        }
        if (columns.equals(COLUMNS_WITH_PERCENTILE)) {
            return true;
        }
        if (columns.equals(COLUMNS_WITHOUT_PERCENTILE)) {
            return false;
        }
        String quoted = line.length() > 60 ? line.substring(0, 60) + "..." : line;
        String hint = "";
        if (line.stripLeading().startsWith("{") || line.stripLeading().startsWith("[")) {
            hint = " (this is a JSON file; KEV catalogs, CSAF advisories and CVE records are JSON and have their own imports)";
        } else if (columns.contains("cveid") && columns.contains("vendorproject")) {
            hint = " (this is a KEV catalog; import it as a KEV catalog)";
        }
        throw FeedFormatException.atLine(fileName, lineNumber,
                "the column header is '" + quoted + "', expected 'cve,epss,percentile' or 'cve,epss'" + hint);
    }

    /** Splits one row at its commas by hand, because EPSS rows contain no quotes and a file has about 350,000 rows. */
    private static void row(String fileName, long lineNumber, String line, boolean hasPercentile, Set<String> seen,
            EpssRowConsumer consumer) throws FeedFormatException {
        int firstComma = line.indexOf(',');
        int secondComma = firstComma < 0 ? -1 : line.indexOf(',', firstComma + 1);
        boolean fieldCountMatches = hasPercentile
                ? secondComma >= 0 && line.indexOf(',', secondComma + 1) < 0
                : firstComma >= 0 && secondComma < 0;
        if (!fieldCountMatches) {
            throw FeedFormatException.atLine(fileName, lineNumber, "the row has " + fieldCount(line) + " fields, expected "
                    + (hasPercentile ? "3 (cve,epss,percentile)" : "2 (cve,epss)"));
        }

        String rawId = line.substring(0, firstComma);
        String cveId = CveIds.normalize(rawId);
        if (cveId == null) {
            throw FeedFormatException.atLine(fileName, lineNumber, CveIds.invalid(rawId));
        }
        String epssText = hasPercentile ? line.substring(firstComma + 1, secondComma) : line.substring(firstComma + 1);
        double epss = probability(fileName, lineNumber, epssText, "an EPSS probability");
        Double percentile = hasPercentile
                ? probability(fileName, lineNumber, line.substring(secondComma + 1), "a percentile")
                : null;
        if (!seen.add(cveId)) {
            throw FeedFormatException.atLine(fileName, lineNumber, cveId + " is listed twice");
        }

        consumer.accept(cveId, epss, percentile);
    }

    /**
     * Parses a number from 0 to 1 in plain or scientific notation. The characters are checked first, because
     * {@link Double#parseDouble} also accepts forms such as "NaN", "0x1p-3" and "0.5d".
     */
    private static double probability(String fileName, long lineNumber, String text, String expected)
            throws FeedFormatException {
        String number = text.strip();
        if (!isDecimal(number)) {
            throw FeedFormatException.atLine(fileName, lineNumber, "'" + text + "' is not " + expected);
        }
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw FeedFormatException.atLine(fileName, lineNumber, "'" + text + "' is not " + expected);
        }
        if (value < 0 || value > 1) {
            throw FeedFormatException.atLine(fileName, lineNumber,
                    "'" + text + "' is not " + expected + " (it must be between 0 and 1)");
        }
        return value;
    }

    private static boolean isDecimal(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static int fieldCount(String line) {
        int count = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                count++;
            }
        }
        return count;
    }
}
