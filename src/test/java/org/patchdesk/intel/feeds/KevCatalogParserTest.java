package org.patchdesk.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KevCatalogParserTest {

    private static final String HEADER = "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,"
            + "requiredAction,dueDate,knownRansomwareCampaignUse,notes,cwes\n";

    @TempDir
    Path folder;

    private final KevCatalogParser parser = new KevCatalogParser();

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(KevCatalogParserTest.class.getResource("/intel/kev/" + name).toURI());
    }

    private static Map<String, KevEntry> byId(KevCatalog catalog) {
        return catalog.entries().stream().collect(Collectors.toMap(KevEntry::cveId, Function.identity()));
    }

    private Path write(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void jsonEntriesMatchCount() throws Exception {
        Path file = resource("known_exploited_vulnerabilities.json");
        int count = new ObjectMapper().readTree(file.toFile()).get("count").asInt();

        KevCatalog catalog = parser.parse(file);

        assertThat(count).isEqualTo(1404);
        assertThat(catalog.entries()).hasSize(count);
        assertThat(catalog.title()).isEqualTo("CISA Catalog of Known Exploited Vulnerabilities");
        assertThat(catalog.catalogVersion()).isEqualTo("2025.08.25");
        assertThat(catalog.dateReleased()).isEqualTo("2025-08-25T17:04:19.9796Z");
    }

    @Test
    void otherFeedFilesAreNamed() throws Exception {
        Path advisory = Path.of(KevCatalogParserTest.class.getResource("/intel/csaf/icsma-25-030-01.json").toURI());
        Path record = Path.of(KevCatalogParserTest.class.getResource("/intel/cve/CVE-2025-0626.json").toURI());

        assertThatThrownBy(() -> parser.parse(advisory)).isInstanceOf(FeedFormatException.class)
                .hasMessage("icsma-25-030-01.json is not a KEV catalog: it is a CSAF advisory; import it as a CSAF advisory");
        assertThatThrownBy(() -> parser.parse(record)).isInstanceOf(FeedFormatException.class)
                .hasMessage("CVE-2025-0626.json is not a KEV catalog: it is a CVE record; import it as a CVE record");
    }

    @Test
    void jsonEntryKeepsPublishedValues() throws Exception {
        KevCatalog catalog = parser.parse(resource("known_exploited_vulnerabilities.json"));

        KevEntry git = catalog.entries().get(0);

        assertThat(git.cveId()).isEqualTo("CVE-2025-48384");
        assertThat(git.vendorProject()).isEqualTo("Git");
        assertThat(git.product()).isEqualTo("Git");
        assertThat(git.vulnerabilityName()).isEqualTo("Git Link Following Vulnerability");
        assertThat(git.dateAdded()).isEqualTo(LocalDate.of(2025, 8, 25));
        assertThat(git.dueDate()).isEqualTo(LocalDate.of(2025, 9, 15));
        assertThat(git.shortDescription()).startsWith("Git contains a link following vulnerability that stems from Git\u2019s");
        assertThat(git.requiredAction()).startsWith("Apply mitigations per vendor instructions");
        assertThat(git.knownRansomware()).isFalse();
        assertThat(git.notes()).endsWith("https://nvd.nist.gov/vuln/detail/CVE-2025-48384");
        assertThat(git.cwes()).containsExactly("CWE-59", "CWE-436");
    }

    @Test
    void knownRansomwareUseIsRead() throws Exception {
        Map<String, KevEntry> entries = byId(parser.parse(resource("known_exploited_vulnerabilities.json")));

        KevEntry log4j = entries.get("CVE-2021-44228");

        assertThat(log4j.knownRansomware()).isTrue();
        assertThat(log4j.cwes()).containsExactly("CWE-20", "CWE-400", "CWE-502");
        assertThat(entries.values().stream().filter(KevEntry::knownRansomware).count()).isEqualTo(293);
    }

    @Test
    void textIsTrimmedAndOtherwiseKept() throws Exception {
        Map<String, KevEntry> entries = byId(parser.parse(resource("known_exploited_vulnerabilities.json")));

        String papercut = entries.get("CVE-2023-2533").shortDescription();
        String apache = entries.get("CVE-2021-41773").shortDescription();

        assertThat(papercut).endsWith("execute arbitrary code.");
        assertThat(apache).contains("under default \uFFFDrequire all denied\uFFFD or if CGI");
    }

    @Test
    void dueDateBeforeDateAddedIsKept() throws Exception {
        Map<String, KevEntry> entries = byId(parser.parse(resource("known_exploited_vulnerabilities.json")));

        KevEntry printNightmare = entries.get("CVE-2021-34527");

        assertThat(printNightmare.dateAdded()).isEqualTo(LocalDate.of(2021, 11, 3));
        assertThat(printNightmare.dueDate()).isEqualTo(LocalDate.of(2021, 7, 20));
    }

    @Test
    void csvCatalogEqualsJsonCatalog() throws Exception {
        KevCatalog json = parser.parse(resource("known_exploited_vulnerabilities.json"));

        KevCatalog csv = parser.parse(resource("known_exploited_vulnerabilities.csv"));

        assertThat(csv.entries()).hasSize(json.entries().size());
        assertThat(csv.entries()).isEqualTo(json.entries());
        assertThat(csv.title()).isNull();
        assertThat(csv.catalogVersion()).isNull();
        assertThat(csv.dateReleased()).isNull();
    }

    @Test
    void csvEntriesHaveJsonFieldValues() throws Exception {
        Map<String, KevEntry> json = byId(parser.parse(resource("known_exploited_vulnerabilities.json")));

        Map<String, KevEntry> csv = byId(parser.parse(resource("known_exploited_vulnerabilities.csv")));

        for (String id : List.of("CVE-2025-48384", "CVE-2021-41773", "CVE-2023-2533", "CVE-2021-34527", "CVE-2021-44228")) {
            assertThat(csv.get(id)).as(id).isEqualTo(json.get(id));
        }
        assertThat(csv.get("CVE-2025-48384").cwes()).containsExactly("CWE-59", "CWE-436");
        assertThat(csv.get("CVE-2021-41773").knownRansomware()).isTrue();
        assertThat(csv.get("CVE-2021-34527").dueDate()).isEqualTo(LocalDate.of(2021, 7, 20));
    }

    @Test
    void olderEightColumnCsvIsRead() throws Exception {
        KevCatalog catalog = parser.parse(resource("known_exploited_vulnerabilities-2022-02.csv"));

        KevEntry first = catalog.entries().get(0);
        Map<String, KevEntry> entries = byId(catalog);

        assertThat(catalog.entries()).hasSize(352);
        assertThat(first.cveId()).isEqualTo("CVE-2021-27104");
        assertThat(first.vendorProject()).isEqualTo("Accellion");
        assertThat(first.dateAdded()).isEqualTo(LocalDate.of(2021, 11, 3));
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2021, 11, 17));
        assertThat(first.requiredAction()).isEqualTo("Apply updates per vendor instructions.");
        assertThat(first.knownRansomware()).isFalse();
        assertThat(first.notes()).isNull();
        assertThat(first.cwes()).isEmpty();
        assertThat(entries.get("CVE-2019-0193").vendorProject()).isEqualTo("Apache");
        assertThat(entries.get("CVE-2022-21882").dateAdded()).isEqualTo(LocalDate.of(2022, 2, 4));
        assertThat(entries.get("CVE-2021-34527").vulnerabilityName())
                .isEqualTo("\"PrintNightmare\" - Microsoft Windows Print Spooler Remote Code Execution Vulnerability");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "cveID,dateAdded,dueDate,vendorProject,product,vulnerabilityName,shortDescription,requiredAction\\n"
                    + "CVE-2021-44228,2021-12-10,2021-12-24,Apache,Log4j2,Name,Text,Patch\\n#2021-12-10#2021-12-24#",
            "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate\\r\\n"
                    + "CVE-2021-44228,Apache,Log4j2,Name,12/10/2021,Text,Patch,12/24/2021\\r\\n#2021-12-10#2021-12-24#",
            "\uFEFFCVEID , VendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate\\n"
                    + "' cve-2021-44228 ',Apache,Log4j2,Name,12/10/2021,Text,Patch,2021-12-24#2021-12-10#2021-12-24#",
            "cwes,notes,knownRansomwareCampaignUse,dueDate,requiredAction,shortDescription,dateAdded,"
                    + "vulnerabilityName,product,vendorProject,cveID\\n"
                    + "'CWE-20, CWE-400',' a note ',Known,2021-12-24,Patch,Text,2021-12-10,Name,Log4j2,Apache,CVE-2021-44228\\n"
                    + "#2021-12-10#2021-12-24#CWE-20|CWE-400"})
    void csvLayoutsAreRead(String text, LocalDate dateAdded, LocalDate dueDate, String cwes) throws Exception {
        Path file = write("kev.csv", text.replace("\\n", "\n").replace("\\r", "\r").replace('\'', '"'));

        KevEntry entry = parser.parse(file).entries().get(0);

        assertThat(entry.cveId()).isEqualTo("CVE-2021-44228");
        assertThat(entry.vendorProject()).isEqualTo("Apache");
        assertThat(entry.dateAdded()).isEqualTo(dateAdded);
        assertThat(entry.dueDate()).isEqualTo(dueDate);
        assertThat(entry.cwes()).isEqualTo(cwes == null ? List.of() : List.of(cwes.split("\\|")));
    }

    @Test
    void cwesMayBeTextInJson() throws Exception {
        Path file = write("kev.json", "{\"vulnerabilities\": [" + jsonEntry("CVE-2021-44228", "\"CWE-59, CWE-436\"") + "]}");

        KevEntry entry = parser.parse(file).entries().get(0);

        assertThat(entry.cwes()).containsExactly("CWE-59", "CWE-436");
    }

    @Test
    void jsonSchemaIsRejected() throws Exception {
        Path schema = resource("known_exploited_vulnerabilities_schema.json");

        assertThatThrownBy(() -> parser.parse(schema))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("known_exploited_vulnerabilities_schema.json is not a KEV catalog:"
                        + " it has no \"vulnerabilities\" list (it looks like a JSON schema)");
    }

    @Test
    void htmlPageSavedAsJsonIsRejected() throws Exception {
        Path file = write("page.json", "<!DOCTYPE html>\n<html><head><title>CISA</title></head><body></body></html>\n");

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("page.json is not JSON (it starts with '<!DOCTYPE html')");
    }

    @Test
    void csvWithoutCveIdColumnIsRejected() throws Exception {
        Path file = write("kev.csv", "cve,vendorProject,product\nCVE-2021-44228,Apache,Log4j2\n");

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("kev.csv is not a KEV catalog: its first line has no \"cveID\" column (it starts with 'cve,vendorProj')");
    }

    @Test
    void csvWithoutDueDateColumnIsRejected() throws Exception {
        Path file = write("kev.csv", "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction\n");

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("kev.csv line 1: the header has no \"dueDate\" column");
    }

    @Test
    void jsonWithoutVulnerabilitiesIsRejected() throws Exception {
        Path file = write("kev.json", "{\"title\": \"CISA Catalog of Known Exploited Vulnerabilities\", \"count\": 0}");

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("kev.json is not a KEV catalog: it has no \"vulnerabilities\" list");
    }

    @Test
    void duplicateIdInJsonIsRejected() throws Exception {
        Path file = write("kev.json", "{\"vulnerabilities\": [" + jsonEntry("CVE-2021-44228", "[]") + ","
                + jsonEntry("cve-2021-44228", "[]") + "]}");

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("kev.json at /vulnerabilities/1: CVE-2021-44228 is listed twice (first at /vulnerabilities/0)");
    }

    @Test
    void duplicateIdInCsvIsRejected() throws Exception {
        Path file = write("kev.csv", HEADER
                + "CVE-2021-44228,Apache,Log4j2,Name,2021-12-10,Text,Patch,2021-12-24,Known,,CWE-20\n"
                + "CVE-2021-45046,Apache,Log4j2,Name,2023-05-01,Text,Patch,2023-05-22,Unknown,,CWE-917\n"
                + "CVE-2021-44228,Apache,Log4j2,Name,2021-12-10,Text,Patch,2021-12-24,Known,,CWE-20\n");

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("kev.csv line 4: CVE-2021-44228 is listed twice (first at line 2)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "CVE-21-44228,Apache,Log4j2,Name,2021-12-10,Text,Patch,2021-12-24,Known,,#"
                    + "kev.csv line 2, column cveID: 'CVE-21-44228' is not a CVE id (expected the form CVE-2021-44228)",
            "CVE-2021-44228,Apache,Log4j2,Name,2021-13-10,Text,Patch,2021-12-24,Known,,#"
                    + "kev.csv line 2, column dateAdded: '2021-13-10' is not a date (expected YYYY-MM-DD or M/D/YYYY)",
            "CVE-2021-44228,Apache,Log4j2,Name,2021-12-10,Text,Patch,,Known,,#"
                    + "kev.csv line 2, column dueDate: the date is empty",
            "CVE-2021-44228,Apache,Log4j2,Name,2021-12-10#kev.csv line 2: the row has 5 fields, but the header has 11"})
    void badCsvRowIsRejected(String row, String message) throws Exception {
        Path file = write("kev.csv", HEADER + row + "\n");

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "CVE-2021-44228,Apache,Log4j2,'Name,2021-12-10,Text,Patch,2021-12-24,Known,,\\n"
                    + "#kev.csv line 2: a quoted field starts here and its closing quote is missing",
            "CVE-2021-45046,Apache,Log4j2,Name,2023-05-01,Text,Patch,2023-05-22,Unknown,,CWE-917\\n"
                    + "CVE-2021-44228,Apache,Log4j2,'Name' x,2021-12-10,Text,Patch,2021-12-24,Known,,\\n"
                    + "#kev.csv line 3: a quoted field is followed by other characters before the next comma"})
    void csvSyntaxErrorIsRejected(String rows, String message) throws Exception {
        Path file = write("kev.csv", HEADER + rows.replace("\\n", "\n").replace('\'', '"'));

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage(message);
    }

    @Test
    void countThatDiffersFromListIsRejected() throws Exception {
        Path file = write("kev.json", "{\"count\": 2, \"vulnerabilities\": [" + jsonEntry("CVE-2021-44228", "[]") + "]}");

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("kev.json at /count: the catalog says it has 2 vulnerabilities but lists 1");
    }

    @Test
    void jsonEntryWithoutDueDateIsRejected() throws Exception {
        Path file = write("kev.json", "{\"vulnerabilities\": [{\"cveID\": \"CVE-2021-44228\", \"vendorProject\": \"Apache\","
                + " \"product\": \"Log4j2\", \"vulnerabilityName\": \"Name\", \"dateAdded\": \"2021-12-10\","
                + " \"shortDescription\": \"Text\", \"requiredAction\": \"Patch\"}]}");

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("kev.json at /vulnerabilities/0: \"dueDate\" is missing");
    }

    @Test
    void truncatedJsonIsRejected() throws Exception {
        Path file = write("kev.json", "{\"vulnerabilities\": [" + jsonEntry("CVE-2021-44228", "[]"));

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageStartingWith("kev.json is not valid JSON: it ends early at line 1")
                .hasMessageEndingWith("so the file is probably truncated");
    }

    private static String jsonEntry(String cveId, String cwes) {
        return "{\"cveID\": \"" + cveId + "\", \"vendorProject\": \"Apache\", \"product\": \"Log4j2\","
                + " \"vulnerabilityName\": \"Name\", \"dateAdded\": \"2021-12-10\", \"shortDescription\": \"Text\","
                + " \"requiredAction\": \"Patch\", \"dueDate\": \"2021-12-24\", \"knownRansomwareCampaignUse\": \"Known\","
                + " \"notes\": \"\", \"cwes\": " + cwes + "}";
    }
}
