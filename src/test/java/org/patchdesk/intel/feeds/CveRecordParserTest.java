package org.patchdesk.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CveRecordParserTest {

    @TempDir
    Path folder;

    private final CveRecordParser parser = new CveRecordParser();

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CveRecordParserTest.class.getResource("/intel/cve/" + name).toURI());
    }

    private Path write(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @ParameterizedTest
    @CsvSource({
            "CVE-2019-10964, 1, 11, 0, ''",
            "CVE-2021-33886, 1, 1, 1, ''",
            "CVE-2022-2119, 1, 1, 1, CWE-22",
            "CVE-2023-43208, 1, 1, 0, ''",
            "CVE-2024-10476, 6, 6, 1, CWE-1392",
            "CVE-2024-12248, 1, 3, 1, CWE-787",
            "CVE-2025-0626, 1, 1, 2, CWE-912",
            "CVE-2025-24836, 3, 3, 2, CWE-248"})
    void realRecordIsParsed(String cveId, int affected, int versions, int metrics, String cwe) throws Exception {
        CveRecord record = parser.parse(resource(cveId + ".json"));

        assertThat(record.cveId()).isEqualTo(cveId);
        assertThat(record.state()).isEqualTo("PUBLISHED");
        assertThat(record.description()).isNotBlank();
        assertThat(record.affected()).hasSize(affected);
        assertThat(record.affected()).flatExtracting(CveAffected::versions).hasSize(versions);
        assertThat(record.metrics()).hasSize(metrics);
        if (cwe.isEmpty()) {
            assertThat(record.cwes()).isEmpty();
        } else {
            assertThat(record.cwes()).containsExactly(cwe);
        }
    }

    @Test
    void otherFeedFilesAreNamed() throws Exception {
        Path advisory = Path.of(CveRecordParserTest.class.getResource("/intel/csaf/icsma-25-030-01.json").toURI());

        assertThatThrownBy(() -> parser.parse(advisory)).isInstanceOf(FeedFormatException.class)
                .hasMessage("icsma-25-030-01.json is not a CVE JSON 5 record: it is a CSAF advisory; import it as a CSAF advisory");
    }

    @Test
    void recordWithCvss31And40HasBothMetrics() throws Exception {
        CveRecord record = parser.parse(resource("CVE-2025-0626.json"));

        assertThat(record.metrics()).containsExactly(
                new CveMetric("4.0", "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 7.7),
                new CveMetric("3.1", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.5));
        assertThat(record.datePublished()).isEqualTo(OffsetDateTime.parse("2025-01-30T18:17:29.717Z"));
        assertThat(record.dateUpdated()).isEqualTo(OffsetDateTime.parse("2025-01-31T17:03:36.236Z"));
        assertThat(record.affected()).containsExactly(new CveAffected("Contec Health", "CMS8000 Patient Monitor", "unaffected",
                List.of(new CveVersion("All versions", null, null, "affected", null))));
    }

    @Test
    void placeholderVendorIsKept() throws Exception {
        CveRecord record = parser.parse(resource("CVE-2021-33886.json"));

        assertThat(record.affected()).extracting(CveAffected::vendor).containsExactly("n/a");
        assertThat(record.metrics()).extracting(CveMetric::version).containsExactly("3.1");
    }

    @Test
    void integerBaseScoreIsRead() throws Exception {
        CveRecord record = parser.parse(resource("CVE-2024-10476.json"));

        assertThat(record.metrics()).extracting(CveMetric::baseScore).containsExactly(8.0);
        assertThat(record.affected().get(0).vendor()).isEqualTo("Becton Dickinson & Co");
        assertThat(record.affected().get(0).versions())
                .containsExactly(new CveVersion("0", null, "7.20", "affected", "custom"));
    }

    @Test
    void lessThanRangeIsRead() throws Exception {
        CveRecord record = parser.parse(resource("CVE-2022-2119.json"));

        assertThat(record.affected().get(0).versions())
                .containsExactly(new CveVersion("unspecified", "3.6.7", null, "affected", "custom"));
    }

    @Test
    void timestampWithoutOffsetIsUtc() throws Exception {
        CveRecord record = parser.parse(resource("CVE-2023-43208.json"));

        assertThat(record.datePublished()).isEqualTo(OffsetDateTime.parse("2023-10-26T00:00:00Z"));
        assertThat(record.dateUpdated()).isEqualTo(OffsetDateTime.parse("2023-10-26T17:18:44.103156Z"));
        assertThat(record.description()).startsWith("NextGen Healthcare Mirth Connect before version 4.4.1");
    }

    @Test
    void adpMetricsAreUsedWhenCnaHasNone() throws Exception {
        Path file = write("CVE-2024-0001.json", """
                {"dataType": "CVE_RECORD", "dataVersion": "5.1",
                 "cveMetadata": {"cveId": "CVE-2024-0001", "state": "PUBLISHED"},
                 "containers": {
                   "cna": {"descriptions": [{"lang": "es", "value": "Texto"}, {"lang": "en-US", "value": "Text"}],
                           "affected": [{"vendor": "Example", "product": "Pump", "versions": [{"version": "1.0", "status": "affected"}]}]},
                   "adp": [{"title": "CISA ADP Vulnrichment", "metrics": [{"other": {"type": "ssvc"}},
                     {"cvssV3_1": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8}}]}]}}
                """);

        CveRecord record = parser.parse(file);

        assertThat(record.description()).isEqualTo("Text");
        assertThat(record.metrics()).containsExactly(
                new CveMetric("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8));
    }

    @Test
    void adpMetricsAreIgnoredWhenCnaHasSome() throws Exception {
        Path file = write("CVE-2024-0001.json", """
                {"dataType": "CVE_RECORD", "dataVersion": "5.1",
                 "cveMetadata": {"cveId": "CVE-2024-0001", "state": "PUBLISHED"},
                 "containers": {
                   "cna": {"metrics": [{"cvssV3_0": {"vectorString": "CVSS:3.0/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 8.4}}]},
                   "adp": [{"metrics": [{"cvssV3_1": {"vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8}}]}]}}
                """);

        CveRecord record = parser.parse(file);

        assertThat(record.metrics()).containsExactly(
                new CveMetric("3.0", "CVSS:3.0/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.4));
    }

    @Test
    void rejectedRecordKeepsItsState() throws Exception {
        Path file = write("CVE-2024-0002.json", """
                {"dataType": "CVE_RECORD", "dataVersion": "5.1",
                 "cveMetadata": {"cveId": "cve-2024-0002", "state": "REJECTED", "dateRejected": "2024-02-01T00:00:00Z"},
                 "containers": {"cna": {"rejectedReasons": [{"lang": "en", "value": "This is a duplicate of CVE-2024-0001."}]}}}
                """);

        CveRecord record = parser.parse(file);

        assertThat(record.cveId()).isEqualTo("CVE-2024-0002");
        assertThat(record.state()).isEqualTo("REJECTED");
        assertThat(record.description()).isEqualTo("This is a duplicate of CVE-2024-0001.");
        assertThat(record.affected()).isEmpty();
        assertThat(record.metrics()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"dataType\": \"CVE_RECORD\", \"dataVersion\": \"5.1\", \"containers\": {\"cna\": {}}}"
                    + "|record.json is not a CVE JSON 5 record: it has no cveMetadata.cveId",
            "{\"vulnerabilities\": []}|record.json is not a CVE JSON 5 record: it has no cveMetadata.cveId",
            "{\"data_type\": \"CVE\", \"data_version\": \"4.0\", \"CVE_data_meta\": {\"ID\": \"CVE-2019-10964\"}}"
                    + "|record.json: unsupported CVE record format version 4.0 (PatchDesk reads CVE JSON 5)",
            "{\"dataVersion\": \"6.0\", \"cveMetadata\": {\"cveId\": \"CVE-2024-0001\"}, \"containers\": {\"cna\": {}}}"
                    + "|record.json: unsupported CVE record format version 6.0 (PatchDesk reads CVE JSON 5)",
            "{\"cveMetadata\": {\"cveId\": \"CVE-2024-0001\"}, \"containers\": {\"cna\": {}}}"
                    + "|record.json is not a CVE JSON 5 record: it has no dataVersion",
            "{\"dataVersion\": \"5.1\", \"cveMetadata\": {\"cveId\": \"GHSA-1234\"}, \"containers\": {\"cna\": {}}}"
                    + "|record.json at /cveMetadata/cveId: 'GHSA-1234' is not a CVE id (expected the form CVE-2021-44228)",
            "{\"dataVersion\": \"5.1\", \"cveMetadata\": {\"cveId\": \"CVE-2024-0001\"}}"
                    + "|record.json is not a CVE JSON 5 record: it has no containers.cna",
            "{\"dataVersion\": \"5.1\", \"cveMetadata\": {\"cveId\": \"CVE-2024-0001\", \"datePublished\": \"yesterday\"},"
                    + " \"containers\": {\"cna\": {}}}|record.json at /cveMetadata/datePublished:"
                    + " 'yesterday' is not a date and time such as 2024-12-17T15:16:44.982Z",
            "{\"dataVersion\": \"5.1\", \"cveMetadata\": {\"cveId\": \"CVE-2024-0001\"}, \"containers\": {\"cna\":"
                    + " {\"metrics\": [{\"cvssV3_1\": {\"baseScore\": \"high\"}}]}}}|record.json at"
                    + " /containers/cna/metrics/0/cvssV3_1/baseScore: expected a number, found text \"high\"",
            "<!DOCTYPE html><html></html>|record.json is not JSON (it starts with '<!DOCTYPE html')"})
    void invalidRecordIsRejected(String content, String message) throws Exception {
        Path file = write("record.json", content);

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage(message);
    }
}
