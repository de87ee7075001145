package org.patchdesk.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EpssFileParserTest {

    private static final String HEADER = "#model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z\ncve,epss,percentile\n";

    @TempDir
    Path folder;

    private final EpssFileParser parser = new EpssFileParser();

    private record Row(String cveId, double epss, Double percentile) {
    }

    private static Path sample() throws URISyntaxException {
        return Path.of(EpssFileParserTest.class.getResource("/intel/epss/epss_scores-sample.csv").toURI());
    }

    private Path write(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private Path gzip(String name, byte[] content) throws Exception {
        Path file = folder.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }

    private List<Row> rows(Path file) throws Exception {
        List<Row> rows = new ArrayList<>();
        parser.parse(file, (cveId, epss, percentile) -> rows.add(new Row(cveId, epss, percentile)));
        return rows;
    }

    @Test
    void otherFeedFilesAreNamed() throws Exception {
        Path json = write("epss.json", "{\"catalogVersion\": \"2026.12.01\", \"vulnerabilities\": []}\n");
        Path kev = write("kev.csv", "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate\n");

        assertThatThrownBy(() -> parser.parse(json, (cveId, epss, percentile) -> { })).isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("this is a JSON file");
        assertThatThrownBy(() -> parser.parse(kev, (cveId, epss, percentile) -> { })).isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("kev.csv line 1").hasMessageContaining("this is a KEV catalog; import it as a KEV catalog");
    }

    @Test
    void sampleFileDeliversEveryRow() throws Exception {
        List<Row> rows = new ArrayList<>();

        EpssHeader header = parser.parse(sample(), (cveId, epss, percentile) -> rows.add(new Row(cveId, epss, percentile)));

        assertThat(header).isEqualTo(new EpssHeader("v2026.06.15", "2026-09-29T12:00:22Z"));
        assertThat(rows).hasSize(534);
        assertThat(rows.get(0)).isEqualTo(new Row("CVE-1999-0001", 0.03351, 0.88255));
        assertThat(rows.get(533)).isEqualTo(new Row("CVE-1999-0549", 0.0179, 0.77491));
    }

    @Test
    void gzippedSampleGivesSameRows() throws Exception {
        Path gz = gzip("epss_scores-2026-09-29.csv.gz", Files.readAllBytes(sample()));

        List<Row> rows = rows(gz);

        assertThat(rows).isEqualTo(rows(sample()));
    }

    @Test
    void gzipIsRecognizedByContentNotName() throws Exception {
        Path gz = gzip("epss_scores.csv", Files.readAllBytes(sample()));

        List<Row> rows = rows(gz);

        assertThat(rows).hasSize(534);
    }

    @Test
    void truncatedGzipIsRejected() throws Exception {
        byte[] whole = Files.readAllBytes(gzip("whole.csv.gz", Files.readAllBytes(sample())));
        Path truncated = folder.resolve("epss_scores.csv.gz");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> parser.parse(truncated, (cveId, epss, percentile) -> { }))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("epss_scores.csv.gz is truncated or not gzip data");
    }

    @Test
    void gzipHeaderAloneIsRejected() throws Exception {
        Path file = folder.resolve("epss_scores.csv.gz");
        Files.write(file, new byte[] {0x1f, (byte) 0x8b});

        assertThatThrownBy(() -> parser.parse(file, (cveId, epss, percentile) -> { }))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("epss_scores.csv.gz is truncated or not gzip data");
    }

    @Test
    void fileWithoutCommentLineHasNoHeaderValues() throws Exception {
        Path file = write("epss_scores-2021-04-14.csv", "cve,epss,percentile\nCVE-2021-44228,0.97565,0.99995\n");
        List<Row> rows = new ArrayList<>();

        EpssHeader header = parser.parse(file, (cveId, epss, percentile) -> rows.add(new Row(cveId, epss, percentile)));

        assertThat(header).isEqualTo(new EpssHeader(null, null));
        assertThat(rows).containsExactly(new Row("CVE-2021-44228", 0.97565, 0.99995));
    }

    @Test
    void fileWithoutPercentileHasNullPercentiles() throws Exception {
        Path file = write("epss_scores-2021-04-14.csv", "cve,epss\r\nCVE-2021-44228,0.97565\r\nCVE-2021-45046,0.9\r\n");

        List<Row> rows = rows(file);

        assertThat(rows).containsExactly(new Row("CVE-2021-44228", 0.97565, null), new Row("CVE-2021-45046", 0.9, null));
    }

    @ParameterizedTest
    @CsvSource({
            "5e-05, 5.0E-5",
            "1E-4, 1.0E-4",
            "0.00042, 4.2E-4",
            "0, 0.0",
            "1, 1.0",
            "1.0, 1.0",
            "' 0.5 ', 0.5"})
    void scoresInPlainAndScientificNotationAreRead(String text, double expected) throws Exception {
        Path file = write("epss.csv", HEADER + "CVE-2021-44228," + text + ",0.5\n");

        List<Row> rows = rows(file);

        assertThat(rows.get(0).epss()).isEqualTo(expected);
    }

    @Test
    void cveIdsAreNormalized() throws Exception {
        Path file = write("epss.csv", HEADER + " cve-2021-44228 ,0.5,0.5\nCVE-2021- 45046,0.5,0.5\n");

        List<Row> rows = rows(file);

        assertThat(rows).extracting(Row::cveId).containsExactly("CVE-2021-44228", "CVE-2021-45046");
    }

    @Test
    void blankLinesAreSkipped() throws Exception {
        Path file = write("epss.csv", HEADER + "CVE-2021-44228,0.5,0.5\n\nCVE-2021-45046,0.5,0.5\n\n");

        List<Row> rows = rows(file);

        assertThat(rows).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "CVE-2021-44228,abc,0.5#epss.csv.gz line 3: 'abc' is not an EPSS probability",
            "CVE-2021-44228,1.5,0.5#epss.csv.gz line 3: '1.5' is not an EPSS probability (it must be between 0 and 1)",
            "CVE-2021-44228,-0.1,0.5#epss.csv.gz line 3: '-0.1' is not an EPSS probability (it must be between 0 and 1)",
            "CVE-2021-44228,NaN,0.5#epss.csv.gz line 3: 'NaN' is not an EPSS probability",
            "CVE-2021-44228,0x1p-3,0.5#epss.csv.gz line 3: '0x1p-3' is not an EPSS probability",
            "CVE-2021-44228,,0.5#epss.csv.gz line 3: '' is not an EPSS probability",
            "CVE-2021-44228,0.5,1.2#epss.csv.gz line 3: '1.2' is not a percentile (it must be between 0 and 1)",
            "CVE-2021-44228,0.5,1e#epss.csv.gz line 3: '1e' is not a percentile",
            "CVE-21-44228,0.5,0.5#epss.csv.gz line 3: 'CVE-21-44228' is not a CVE id (expected the form CVE-2021-44228)",
            "CVE-2021-44228,0.5#epss.csv.gz line 3: the row has 2 fields, expected 3 (cve,epss,percentile)",
            "CVE-2021-44228,0.5,0.5,0.5#epss.csv.gz line 3: the row has 4 fields, expected 3 (cve,epss,percentile)"})
    void badRowIsRejected(String row, String message) throws Exception {
        Path file = gzip("epss.csv.gz", (HEADER + row + "\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> parser.parse(file, (cveId, epss, percentile) -> { }))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage(message);
    }

    @Test
    void duplicateCveIdIsRejected() throws Exception {
        Path file = write("epss.csv", HEADER + "CVE-2021-44228,0.5,0.5\nCVE-2021-45046,0.5,0.5\ncve-2021-44228,0.5,0.5\n");

        assertThatThrownBy(() -> parser.parse(file, (cveId, epss, percentile) -> { }))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("epss.csv line 5: CVE-2021-44228 is listed twice");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cve,score,percentile\\n|epss.csv line 1: the column header is 'cve,score,percentile',"
                    + " expected 'cve,epss,percentile' or 'cve,epss'",
            "CVE-2021-44228,0.5,0.5\\n|epss.csv line 1: the column header is 'CVE-2021-44228,0.5,0.5',"
                    + " expected 'cve,epss,percentile' or 'cve,epss'",
            "#model_version:v2026.06.15\\n|epss.csv line 2: the column header cve,epss,percentile is missing",
            "<!DOCTYPE html>\\n|epss.csv line 1: the column header is '<!DOCTYPE html>',"
                    + " expected 'cve,epss,percentile' or 'cve,epss'"})
    void fileWithoutColumnHeaderIsRejected(String text, String message) throws Exception {
        Path file = write("epss.csv", text.replace("\\n", "\n"));

        assertThatThrownBy(() -> parser.parse(file, (cveId, epss, percentile) -> { }))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage(message);
    }

    @Test
    void emptyFileIsRejected() throws Exception {
        Path file = write("epss.csv", "");

        assertThatThrownBy(() -> parser.parse(file, (cveId, epss, percentile) -> { }))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("epss.csv is empty");
    }

    @Test
    void writtenFileIsReadBack() throws Exception {
        Path file = folder.resolve("epss_scores-2026-09-29.csv.gz");
        EpssFileWriter.write(file, 20_000);
        List<Row> rows = new ArrayList<>();

        EpssHeader header = parser.parse(file, (cveId, epss, percentile) -> rows.add(new Row(cveId, epss, percentile)));

        assertThat(header).isEqualTo(new EpssHeader("v2026.06.15", "2026-09-29T12:00:22Z"));
        assertThat(rows).hasSize(20_000);
        assertThat(rows).extracting(Row::cveId).isSorted();
        assertThat(rows).extracting(Row::percentile).allSatisfy(percentile -> assertThat(percentile).isBetween(0.0, 1.0));
    }

    @ParameterizedTest
    @CsvSource({
            "0.03351, 0.03351",
            "0.0179, 0.0179",
            "0.00005, 5e-05",
            "0.00001, 1e-05",
            "0.0001, 0.0001",
            "1, 1.0"})
    void writerFormatsScoresLikePublishedFiles(double value, String expected) {
        assertThat(EpssFileWriter.format(value)).isEqualTo(expected);
    }
}
