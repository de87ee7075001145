package org.patchdesk.intel.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CvssVectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A v3.x vector and score that an advisory or CVE record publishes. */
    private record PublishedScore(String source, String vector, double baseScore) {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | V3_1 | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N | V3_0 | CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N",
            "CVSS:3.1/AC:L/AV:A/A:N/C:H/I:H/PR:N/S:U/UI:N | V3_1 | CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N",
            "CVSS:3.1/E:P/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/RL:O/RC:C | V3_1 | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/MAV:X/CR:H | V3_1 | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/CR:H/MAV:X",
            "' CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H ' | V3_1 | CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | V4_0 | CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "CVSS:4.0/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/UI:P/PR:N/AT:P/AC:L/AV:N | V4_0 | CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/AU:Y/U:Amber | V4_0 | CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/AU:Y/U:Amber"})
    void validVectorIsCanonical(String text, CvssVersion version, String canonical) throws Exception {
        CvssVector vector = CvssVector.parse(text);

        assertThat(vector.version()).isEqualTo(version);
        assertThat(vector.canonical()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "CVSS:3.1/AAV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | unknown metric 'AAV' in CVSS:3.1/AAV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; CVSS 3.1 has no such metric",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/I:H/A:H | missing base metric C in CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/I:H/A:H",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U | missing base metrics C, I, A in CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U",
            "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | invalid value 'X' for AV in CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; expected one of N, A, L, P",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L | duplicate metric AV in CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L",
            "CVSS:3.1/av:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | unknown metric 'av' in CVSS:3.1/av:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; metric names are upper case",
            "CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | invalid value 'n' for AV in CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; expected one of N, A, L, P",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Z | invalid value 'Z' for E in CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Z; expected one of X, H, F, P, U",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A: | missing value for A in CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ | invalid part '' in CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/; expected METRIC:VALUE",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/AH | invalid part 'AH' in CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/AH; expected METRIC:VALUE",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AT:N | unknown metric 'AT' in CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AT:N; CVSS 3.1 has no such metric",
            "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | unsupported CVSS version 'CVSS:3.2' in CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; expected CVSS:3.0, CVSS:3.1 or CVSS:4.0",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | invalid value 'R' for UI in CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N; expected one of N, P, A",
            "CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | missing base metric AT in CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:F | invalid value 'F' for E in CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:F; expected one of X, A, P, U",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U: | missing value for U in CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H | unknown metric 'C' in CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H; CVSS 4.0 has no such metric",
            "AV:N/AC:L/Au:N/C:P/I:P/A:P | AV:N/AC:L/Au:N/C:P/I:P/A:P is a CVSS v2 vector; only CVSS 3.0, 3.1 and 4.0 vectors are supported",
            "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | missing version prefix such as CVSS:3.1/ in AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "\"  \" | CVSS vector is empty"})
    void invalidVectorIsRejected(String text, String message) {
        assertThatThrownBy(() -> CvssVector.parse(text))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessage(message);
    }

    @Test
    void v2VectorIsRejectedWhenVersionGiven() {
        String v2 = "AV:N/AC:L/Au:N/C:P/I:P/A:P";

        assertThatThrownBy(() -> CvssVector.parse(v2, CvssVersion.V3_1))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("is a CVSS v2 vector");
    }

    @Test
    void vectorWithoutPrefixTakesGivenVersion() throws Exception {
        String cycloneDx = "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

        CvssVector vector = CvssVector.parse(cycloneDx, CvssVersion.V3_1);

        assertThat(vector.version()).isEqualTo(CvssVersion.V3_1);
        assertThat(vector.canonical()).isEqualTo("CVSS:3.1/" + cycloneDx);
        assertThat(vector.computedBaseScore()).hasValue(9.8);
    }

    @Test
    void prefixTakesPrecedenceOverGivenVersion() throws Exception {
        String text = "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

        CvssVector vector = CvssVector.parse(text, CvssVersion.V3_1);

        assertThat(vector.version()).isEqualTo(CvssVersion.V3_0);
    }

    @Test
    void anyMetricOrderGivesSameScore() throws Exception {
        CvssVector shuffled = CvssVector.parse("CVSS:3.1/AC:L/AV:A/A:N/C:H/I:H/PR:N/S:U/UI:N");
        CvssVector ordered = CvssVector.parse("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N");

        assertThat(shuffled.computedBaseScore()).hasValue(8.1);
        assertThat(ordered.computedBaseScore()).hasValue(8.1);
    }

    @Test
    void threatMetricsDoNotChangeBaseScore() throws Exception {
        CvssVector vector = CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U/MAV:P");

        assertThat(vector.computedBaseScore()).hasValue(9.8);
    }

    @Test
    void v4VectorHasNoComputedScore() throws Exception {
        CvssVector vector = CvssVector.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");

        assertThat(vector.computedBaseScore()).isEmpty();
    }

    @Test
    void metricReturnsValueOrNull() throws Exception {
        CvssVector vector = CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");

        assertThat(vector.metric("AV")).isEqualTo("N");
        assertThat(vector.metric("E")).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0.0, None",
            "0.1, Low",
            "3.9, Low",
            "4.0, Medium",
            "6.9, Medium",
            "7.0, High",
            "8.9, High",
            "9.0, Critical",
            "10.0, Critical"})
    void severityBands(double score, String expected) {
        assertThat(CvssVector.severity(score)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {-0.1, 10.1, Double.NaN})
    void severityRejectsScoreOutsideRange(double score) {
        assertThatThrownBy(() -> CvssVector.severity(score)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, true",
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N, true",
            "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, false",
            "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H, false",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H, false",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H, false",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, true",
            "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N, false",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, false"})
    void automatableNeedsNetworkWithoutHurdles(String text, boolean expected) throws Exception {
        CvssVector vector = CvssVector.parse(text);

        assertThat(vector.automatable()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P, public poc",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:F, public poc",
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:H, public poc",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U, ",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X, ",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, ",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A, active",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P, public poc",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U, ",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, "})
    void exploitationHintFollowsExploitMaturity(String text, String expected) throws Exception {
        CvssVector vector = CvssVector.parse(text);

        assertThat(vector.exploitationHint()).isEqualTo(expected);
    }

    @Test
    void computedScoresMatchPublishedScores() throws Exception {
        List<PublishedScore> published = new ArrayList<>();
        published.addAll(cveScores());
        published.addAll(csafScores());

        List<String> differences = new ArrayList<>();
        for (PublishedScore score : published) {
            double computed = CvssVector.parse(score.vector()).computedBaseScore().orElseThrow();
            if (computed != score.baseScore()) {
                differences.add(score.source() + " " + score.vector() + " published " + score.baseScore() + " computed " + computed);
            }
        }

        assertThat(published).hasSize(118);
        assertThat(differences).isEmpty();
    }

    @Test
    void v4VectorsFoundInCsafReferenceUrls() throws Exception {
        List<String> urls = csafReferenceUrls().stream()
                .filter(url -> url.contains("4.0#CVSS"))
                .collect(Collectors.toList());

        List<CvssVector> vectors = new ArrayList<>();
        for (String url : urls) {
            Optional<String> found = CvssVector.findV4InUrl(url);
            assertThat(found).as(url).isPresent();
            vectors.add(CvssVector.parse(found.get()));
        }

        assertThat(urls).hasSize(21);
        assertThat(vectors).allSatisfy(vector -> assertThat(vector.version()).isEqualTo(CvssVersion.V4_0));
        assertThat(vectors.get(0).canonical())
                .isEqualTo("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://www.first.org/cvss/calculator/4.0#CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "https://www.first.org/cvss/calculator/4.0#CVSS%3A4.0%2FAV%3AN%2FAC%3AL%2FAT%3AN%2FPR%3AN%2FUI%3AN%2FVC%3AH%2FVI%3AH%2FVA%3AH%2FSC%3AN%2FSI%3AN%2FSA%3AN | CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "https://www.first.org/cvss/calculator/3.1#CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | ",
            "https://www.cisa.gov/news-events/ics-medical-advisories/icsma-25-030-01 | "})
    void findV4InUrlExtractsVector(String url, String expected) {
        Optional<String> found = CvssVector.findV4InUrl(url);

        assertThat(found).isEqualTo(Optional.ofNullable(expected));
    }

    private static List<PublishedScore> cveScores() throws IOException, URISyntaxException {
        List<PublishedScore> scores = new ArrayList<>();
        for (Path file : jsonFiles("/intel/cve")) {
            JsonNode record = JSON.readTree(file.toFile());
            for (JsonNode metric : record.path("containers").path("cna").path("metrics")) {
                for (String field : List.of("cvssV3_1", "cvssV3_0")) {
                    JsonNode cvss = metric.path(field);
                    if (cvss.has("vectorString")) {
                        scores.add(new PublishedScore(file.getFileName().toString(),
                                cvss.get("vectorString").asText(), cvss.get("baseScore").asDouble()));
                    }
                }
            }
        }
        return scores;
    }

    private static List<PublishedScore> csafScores() throws IOException, URISyntaxException {
        List<PublishedScore> scores = new ArrayList<>();
        for (Path file : jsonFiles("/intel/csaf")) {
            JsonNode advisory = JSON.readTree(file.toFile());
            for (JsonNode vulnerability : advisory.path("vulnerabilities")) {
                for (JsonNode score : vulnerability.path("scores")) {
                    JsonNode cvss = score.path("cvss_v3");
                    if (cvss.has("vectorString")) {
                        scores.add(new PublishedScore(file.getFileName() + " " + vulnerability.path("cve").asText(),
                                cvss.get("vectorString").asText(), cvss.get("baseScore").asDouble()));
                    }
                }
            }
        }
        return scores;
    }

    private static List<String> csafReferenceUrls() throws IOException, URISyntaxException {
        List<String> urls = new ArrayList<>();
        for (Path file : jsonFiles("/intel/csaf")) {
            JsonNode advisory = JSON.readTree(file.toFile());
            for (JsonNode vulnerability : advisory.path("vulnerabilities")) {
                for (JsonNode reference : vulnerability.path("references")) {
                    urls.add(reference.path("url").asText());
                }
            }
        }
        return urls;
    }

    private static List<Path> jsonFiles(String resourceFolder) throws IOException, URISyntaxException {
        Path folder = Path.of(CvssVectorTest.class.getResource(resourceFolder).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }
}
