package org.patchdesk.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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

class CsafAdvisoryParserTest {

    @TempDir
    Path folder;

    private final CsafAdvisoryParser parser = new CsafAdvisoryParser();

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CsafAdvisoryParserTest.class.getResource("/intel/csaf/" + name).toURI());
    }

    private Path write(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static CsafVulnerability vulnerability(CsafAdvisory advisory, String cve) {
        return advisory.vulnerabilities().stream().filter(v -> cve.equals(v.cve())).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
            "icsma-17-250-02a.json, ICSMA-17-250-02A, 2, 3, 8, 8, 64",
            "icsma-18-058-02.json, ICSMA-18-058-02, 1, 2, 35, 35, 140",
            "icsma-20-254-01.json, ICSMA-20-254-01, 4, 9, 8, 8, 120",
            "icsma-20-296-02.json, ICSMA-20-296-02, 1, 3, 11, 11, 55",
            "icsma-21-294-01.json, ICSMA-21-294-01, 1, 5, 5, 5, 25",
            "icsma-21-355-01.json, ICSMA-21-355-01, 2, 3, 13, 13, 78",
            "icsma-22-174-01.json, ICSMA-22-174-01, 1, 1, 3, 3, 3",
            "icsma-22-244-01.json, ICSMA-22-244-01, 2, 3, 5, 5, 5",
            "icsma-23-194-01.json, ICSMA-23-194-01, 2, 6, 8, 9, 167",
            "icsma-24-319-01.json, ICSMA-24-319-01, 1, 1, 9, 9, 36",
            "icsma-25-030-01.json, ICSMA-25-030-01, 2, 4, 4, 4, 12",
            "icsma-25-044-01.json, ICSMA-25-044-01, 1, 3, 3, 3, 15"})
    void realAdvisoryIsParsed(String file, String trackingId, String version, int products, int vulnerabilities,
            int scores, int remediations) throws Exception {
        CsafAdvisory advisory = parser.parse(resource(file));

        assertThat(advisory.trackingId()).isEqualTo(trackingId);
        assertThat(advisory.version()).isEqualTo(version);
        assertThat(advisory.products()).hasSize(products);
        assertThat(advisory.vulnerabilities()).hasSize(vulnerabilities);
        assertThat(advisory.vulnerabilities()).flatExtracting(CsafVulnerability::scores).hasSize(scores);
        assertThat(advisory.vulnerabilities()).flatExtracting(CsafVulnerability::remediations).hasSize(remediations);
        assertThat(advisory.vulnerabilities()).allSatisfy(v -> assertThat(v.cve()).startsWith("CVE-"));
        assertThat(advisory.vulnerabilities()).allSatisfy(v -> assertThat(v.knownAffected()).isNotEmpty());
        assertThat(advisory.publisherName()).isEqualTo("CISA");
    }

    @Test
    void otherFeedFilesAreNamed() throws Exception {
        Path record = Path.of(CsafAdvisoryParserTest.class.getResource("/intel/cve/CVE-2025-0626.json").toURI());
        Path catalog = write("kev.json", "{\"catalogVersion\": \"2026.12.01\", \"vulnerabilities\": []}");

        assertThatThrownBy(() -> parser.parse(record)).isInstanceOf(FeedFormatException.class)
                .hasMessage("CVE-2025-0626.json is not a CSAF advisory: it is a CVE record; import it as a CVE record");
        assertThatThrownBy(() -> parser.parse(catalog)).isInstanceOf(FeedFormatException.class)
                .hasMessage("kev.json is not a CSAF advisory: it is a KEV catalog; import it as a KEV catalog");
    }

    @Test
    void documentFieldsAreRead() throws Exception {
        CsafAdvisory advisory = parser.parse(resource("icsma-17-250-02a.json"));

        assertThat(advisory.title())
                .isEqualTo("Smiths Medical Medfusion 4000 Wireless Syringe Infusion Pump Vulnerabilities (Update A)");
        assertThat(advisory.currentReleaseDate()).isEqualTo(OffsetDateTime.parse("2017-12-12T00:00:00Z"));
        assertThat(advisory.initialReleaseDate()).isEqualTo(OffsetDateTime.parse("2017-09-07T00:00:00Z"));
        assertThat(advisory.products()).containsExactly(
                new CsafProduct("CSAFPID-0001", "Smiths Medical", "Medfusion 4000 Wireless Syringe Infusion Pump", "1.1", false),
                new CsafProduct("CSAFPID-0002", "Smiths Medical", "Medfusion 4000 Wireless Syringe Infusion Pump", "1.6", false),
                new CsafProduct("CSAFPID-0003", "Smiths Medical", "Medfusion 4000 Wireless Syringe Infusion Pump", "1.5", false));
    }

    @Test
    void timestampWithSixFractionalDigitsKeepsItsInstant() throws Exception {
        CsafAdvisory advisory = parser.parse(resource("icsma-25-030-01.json"));

        assertThat(advisory.currentReleaseDate()).isEqualTo(OffsetDateTime.parse("2025-02-25T07:00:00Z"));
        assertThat(advisory.initialReleaseDate()).isEqualTo(OffsetDateTime.parse("2025-01-30T07:00:00Z"));
    }

    @Test
    void versionRangeIsTakenFromLeafBranch() throws Exception {
        CsafAdvisory advisory = parser.parse(resource("icsma-20-254-01.json"));

        assertThat(advisory.products()).contains(
                new CsafProduct("CSAFPID-0004", "Philips", "PerformanceBridge Focal Point", "A.01", false),
                new CsafProduct("CSAFPID-0006", "Philips", "IntelliVue patient monitor MX400-MX850", "<=N", true));
    }

    @Test
    void misspelledVendorIsKeptAsGiven() throws Exception {
        CsafAdvisory advisory = parser.parse(resource("icsma-18-058-02.json"));

        assertThat(advisory.products()).extracting(CsafProduct::vendor).containsOnly("Phillips");
        assertThat(advisory.products()).extracting(CsafProduct::version).containsOnly("vers:all/*");
        assertThat(advisory.products()).allSatisfy(product -> assertThat(product.versionIsRange()).isTrue());
    }

    @Test
    void vulnerabilityFieldsAreRead() throws Exception {
        CsafAdvisory advisory = parser.parse(resource("icsma-23-194-01.json"));

        CsafVulnerability vulnerability = vulnerability(advisory, "CVE-2023-30562");

        assertThat(vulnerability.cweId()).isEqualTo("CWE-345");
        assertThat(vulnerability.cweName()).isEqualTo("Insufficient Verification of Data Authenticity");
        assertThat(vulnerability.summary()).startsWith("BD Alaris Guardrails Editor (GRE) v12.1.2 and prior");
        assertThat(vulnerability.scores()).containsExactly(
                new CsafScore("3.0", "CVSS:3.0/AV:A/AC:L/PR:L/UI:R/S:U/C:N/I:H/A:H", 6.7,
                        List.of("CSAFPID-0001", "CSAFPID-0002", "CSAFPID-0003", "CSAFPID-0004", "CSAFPID-0005")),
                new CsafScore("3.1", "CVSS:3.1/AV:A/AC:L/PR:L/UI:R/S:U/C:N/I:L/A:N", 3.0, List.of("CSAFPID-0006")));
        assertThat(vulnerability.knownAffected()).hasSize(6);
        assertThat(vulnerability.fixed()).isEmpty();
        assertThat(vulnerability.remediations()).hasSize(22);
        assertThat(vulnerability.remediations().get(1))
                .isEqualTo(new CsafRemediation("vendor_fix", vulnerability.remediations().get(1).details(), null,
                        List.of("CSAFPID-0003")));
        assertThat(vulnerability.referenceUrls()).containsExactly(
                "http://web.nvd.nist.gov/view/vuln/detail?vulnId=CVE-2023-30562",
                "https://www.first.org/cvss/calculator/3.0#CVSS:3.0/AV:A/AC:L/PR:L/UI:R/S:U/C:N/I:H/A:H");
    }

    @Test
    void nestedBranchesStatusesAndGroupsAreRead() throws Exception {
        Path file = write("vendor-advisory.json", """
                {
                  "document": {"csaf_version": "2.0", "title": "Pump advisory", "publisher": {"name": "Vendor PSIRT"},
                    "tracking": {"id": "VA-2025-001", "version": "1", "current_release_date": "2025-03-01T10:15:30.123456+01:00",
                      "initial_release_date": "2025-03-01T10:15:30Z"}},
                  "product_tree": {
                    "branches": [{"category": "vendor", "name": "Example Medical", "branches": [
                      {"category": "product_family", "name": "Infusion", "branches": [
                        {"category": "product_name", "name": "Pump 9000", "branches": [
                          {"category": "product_version", "name": "2.1", "product": {"name": "Pump 9000 2.1", "product_id": "P1"}},
                          {"category": "product_version_range", "name": "<2.0", "product": {"name": "Pump 9000 <2.0", "product_id": "P2"}},
                          {"category": "product_version", "name": "2.2", "product": {"name": "Pump 9000 2.2", "product_id": "P3"}}]}]}]}],
                    "full_product_names": [{"name": "Pump Gateway", "product_id": "P4"}],
                    "product_groups": [{"group_id": "G1", "product_ids": ["P1", "P2"]}]
                  },
                  "vulnerabilities": [{
                    "title": "Hard-coded password",
                    "notes": [{"category": "description", "text": "Long text"}, {"category": "summary", "text": "Short text"}],
                    "product_status": {"first_affected": ["P2"], "last_affected": ["P1"], "known_affected": ["P4", "P1"],
                      "first_fixed": ["P3"], "known_not_affected": []},
                    "scores": [{"cvss_v3": {"vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 10},
                      "products": ["P1"]}, {"cvss_v2": {"vectorString": "AV:N/AC:L/Au:N/C:C/I:C/A:C", "baseScore": 10.0},
                      "products": ["P1"]}],
                    "remediations": [{"category": "vendor_fix", "details": "Update to 2.2", "group_ids": ["G1"], "product_ids": ["P1"]}]
                  }]
                }
                """);

        CsafAdvisory advisory = parser.parse(file);

        CsafVulnerability vulnerability = advisory.vulnerabilities().get(0);
        assertThat(advisory.currentReleaseDate()).isEqualTo(OffsetDateTime.parse("2025-03-01T09:15:30.123456Z"));
        assertThat(advisory.products()).containsExactly(
                new CsafProduct("P1", "Example Medical", "Pump 9000", "2.1", false),
                new CsafProduct("P2", "Example Medical", "Pump 9000", "<2.0", true),
                new CsafProduct("P3", "Example Medical", "Pump 9000", "2.2", false),
                new CsafProduct("P4", null, "Pump Gateway", null, false));
        assertThat(vulnerability.cve()).isNull();
        assertThat(vulnerability.title()).isEqualTo("Hard-coded password");
        assertThat(vulnerability.summary()).isEqualTo("Short text");
        assertThat(vulnerability.knownAffected()).containsExactly("P4", "P1", "P2");
        assertThat(vulnerability.fixed()).containsExactly("P3");
        assertThat(vulnerability.scores()).containsExactly(
                new CsafScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 10.0, List.of("P1")));
        assertThat(vulnerability.remediations()).containsExactly(
                new CsafRemediation("vendor_fix", "Update to 2.2", null, List.of("P1", "P2")));
    }

    @Test
    void publishedChecksumMatches() throws Exception {
        Path advisory = resource("icsma-25-030-01.json");

        assertThat(CsafAdvisoryParser.expectedSha512(advisory)).contains("952af9562557970fc38e5faa13897cb242404ee2072730c1f342"
                + "095999fedfe173902afbba07ea5385429523ca4ad6b94c6c38193c7b93184bb4f106ed165ad5");
        assertThatCode(() -> CsafAdvisoryParser.verifySha512(advisory)).doesNotThrowAnyException();
    }

    @Test
    void tamperedAdvisoryIsRejected() throws Exception {
        byte[] content = Files.readAllBytes(resource("icsma-25-030-01.json"));
        content[content.length / 2] ^= 0x01;
        Path advisory = folder.resolve("icsma-25-030-01.json");
        Files.write(advisory, content);
        Files.copy(resource("icsma-25-030-01.json.sha512"), folder.resolve("icsma-25-030-01.json.sha512"));

        assertThatThrownBy(() -> CsafAdvisoryParser.verifySha512(advisory))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("icsma-25-030-01.json does not match the checksum in icsma-25-030-01.json.sha512:"
                        + " the file was changed or not downloaded completely");
    }

    @Test
    void missingChecksumFileIsNotChecked() throws Exception {
        Path advisory = resource("icsma-25-044-01.json");

        assertThat(CsafAdvisoryParser.expectedSha512(advisory)).isEmpty();
        assertThatCode(() -> CsafAdvisoryParser.verifySha512(advisory)).doesNotThrowAnyException();
    }

    @Test
    void malformedChecksumFileIsRejected() throws Exception {
        Path advisory = write("icsma-25-030-01.json", "{}");
        write("icsma-25-030-01.json.sha512", "<html>Not found</html>");

        assertThatThrownBy(() -> CsafAdvisoryParser.verifySha512(advisory))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("icsma-25-030-01.json.sha512 is not a SHA-512 checksum file"
                        + " (expected 128 hexadecimal digits, two spaces and the file name)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"document\": {\"csaf_version\": \"1.2\", \"tracking\": {\"id\": \"X\", \"version\": \"1\"}}}"
                    + "|icsma-x.json: unsupported CSAF version 1.2 (PatchDesk reads CSAF 2.0)",
            "{\"document\": {\"csaf_version\": \"2.1\", \"tracking\": {\"id\": \"X\", \"version\": \"1\"}}}"
                    + "|icsma-x.json: unsupported CSAF version 2.1 (PatchDesk reads CSAF 2.0)",
            "{\"document\": {\"title\": \"Advisory\"}}|icsma-x.json is not a CSAF advisory: it has no document.csaf_version",
            "{\"dataType\": \"CVE_RECORD\"}|icsma-x.json is not a CSAF advisory: it has no \"document\" object",
            "{\"document\": {\"csaf_version\": \"2.0\", \"tracking\": {\"version\": \"1\"}}}"
                    + "|icsma-x.json at /document/tracking: \"id\" is missing",
            "{\"document\": {\"csaf_version\": \"2.0\", \"tracking\": {\"id\": \"X\"}}}"
                    + "|icsma-x.json at /document/tracking: \"version\" is missing",
            "{\"document\": {\"csaf_version\": \"2.0\", \"tracking\": {\"id\": \"X\", \"version\": \"1\","
                    + " \"current_release_date\": \"2025-01-30\"}}}|icsma-x.json at /document/tracking/current_release_date:"
                    + " '2025-01-30' is not a date and time with an offset, such as 2025-01-30T07:00:00.000000Z",
            "{\"document\": {\"csaf_version\": \"2.0\", \"tracking\": {\"id\": \"X\", \"version\": \"1\"}},"
                    + " \"vulnerabilities\": [{\"cve\": \"CVE-2025-1\"}]}"
                    + "|icsma-x.json at /vulnerabilities/0/cve: 'CVE-2025-1' is not a CVE id (expected the form CVE-2021-44228)",
            "<!DOCTYPE html><html></html>|icsma-x.json is not JSON (it starts with '<!DOCTYPE html')",
            "<?xml version=\"1.0\"?><cvrfdoc/>|icsma-x.json is not JSON (it starts with '<?xml version=')"})
    void invalidAdvisoryIsRejected(String content, String message) throws Exception {
        Path file = write("icsma-x.json", content);

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage(message);
    }

    @Test
    void duplicateProductIdIsRejected() throws Exception {
        Path file = write("icsma-x.json", """
                {"document": {"csaf_version": "2.0", "tracking": {"id": "X", "version": "1"}},
                 "product_tree": {"branches": [{"category": "vendor", "name": "V", "branches": [
                   {"category": "product_name", "name": "A", "product": {"name": "A", "product_id": "P1"}},
                   {"category": "product_name", "name": "B", "product": {"name": "B", "product_id": "P1"}}]}]}}
                """);

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("icsma-x.json at /product_tree/branches/0/branches/1/product/product_id:"
                        + " product id P1 is defined twice");
    }
}
