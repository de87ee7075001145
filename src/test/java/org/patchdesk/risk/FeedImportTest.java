package org.patchdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.FeedImport;
import org.patchdesk.intel.FeedKind;
import org.patchdesk.intel.feeds.FeedFormatException;
import org.patchdesk.intel.feeds.KevCatalogParser;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/** Imports every real feed file under the test resources into a real database and checks what was stored. */
class FeedImportTest {

    @TempDir
    Path folder;

    private Path files;
    private Services services;

    @BeforeEach
    void open() throws Exception {
        files = Files.createDirectories(folder.resolve("files"));
        services = TestSites.open(folder.resolve("data"));
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Path copy(String resource) throws Exception {
        return TestSites.copyResource(resource, files);
    }

    private int count(String sql) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private IntelligenceService intel() {
        return services.intelligence();
    }

    @Test
    void kevJsonStoresEveryEntry() throws Exception {
        Path file = copy("/intel/kev/known_exploited_vulnerabilities.json");

        IntelligenceService.KevResult result = intel().importKev(file, TestSites.TECHNICIAN, ProgressMonitor.NONE);

        FeedImport feedImport = result.feedImport();
        assertThat(feedImport.feed()).isEqualTo(FeedKind.KEV);
        assertThat(feedImport.records()).isEqualTo(1404);
        assertThat(feedImport.feedVersion()).isEqualTo("2025.08.25");
        assertThat(feedImport.feedDate()).startsWith("2025-08-25");
        assertThat(feedImport.fileName()).isEqualTo("known_exploited_vulnerabilities.json");
        assertThat(feedImport.fileSha256()).hasSize(64);
        assertThat(feedImport.importedBy()).isEqualTo("jtech");
        assertThat(count("SELECT COUNT(*) FROM kev_entry")).isEqualTo(1404);
        assertThat(count("SELECT COUNT(*) FROM kev_entry WHERE known_ransomware")).isEqualTo(293);
        assertThat(result.newCveDevices()).as("the first catalog has nothing to compare with").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'import' AND record_type = 'feed_import'")).isEqualTo(1);
    }

    @Test
    void kevCsvMatchesJsonCatalog() throws Exception {
        intel().importKev(copy("/intel/kev/known_exploited_vulnerabilities.json"), TestSites.TECHNICIAN, ProgressMonitor.NONE);
        List<String> fromJson = services.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT cve_id || '|' || vendor_project || '|' || product || '|' || date_added || '|' || COALESCE(due_date, '')"
                        + " || '|' || known_ransomware FROM kev_entry ORDER BY cve_id").mapTo(String.class).list());

        IntelligenceService.KevResult result = intel().importKev(copy("/intel/kev/known_exploited_vulnerabilities.csv"),
                TestSites.TECHNICIAN, ProgressMonitor.NONE);

        List<String> fromCsv = services.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT cve_id || '|' || vendor_project || '|' || product || '|' || date_added || '|' || COALESCE(due_date, '')"
                        + " || '|' || known_ransomware FROM kev_entry ORDER BY cve_id").mapTo(String.class).list());
        assertThat(result.feedImport().records()).isEqualTo(1404);
        assertThat(fromCsv).isEqualTo(fromJson);
        assertThat(result.newCveDevices()).isEmpty();
        assertThat(result.removedCves()).isEmpty();
    }

    @Test
    void newerKevCatalogReportsNewEntries() throws Exception {
        Path older = copy("/intel/kev/known_exploited_vulnerabilities-2022-02.csv");
        Path newer = copy("/intel/kev/known_exploited_vulnerabilities.json");

        IntelligenceService.KevResult first = intel().importKev(older, TestSites.TECHNICIAN, ProgressMonitor.NONE);
        IntelligenceService.KevResult second = intel().importKev(newer, TestSites.TECHNICIAN, ProgressMonitor.NONE);

        assertThat(first.feedImport().records()).isEqualTo(352);
        Set<String> olderIds = new HashSet<>();
        new KevCatalogParser().parse(older).entries().forEach(entry -> olderIds.add(entry.cveId()));
        Set<String> newerIds = new HashSet<>();
        new KevCatalogParser().parse(newer).entries().forEach(entry -> newerIds.add(entry.cveId()));
        Set<String> expectedNew = new HashSet<>(newerIds);
        expectedNew.removeAll(olderIds);
        Set<String> expectedRemoved = new HashSet<>(olderIds);
        expectedRemoved.removeAll(newerIds);
        assertThat(second.newCveDevices().keySet()).containsExactlyInAnyOrderElementsOf(expectedNew);
        assertThat(second.removedCves()).containsExactlyInAnyOrderElementsOf(expectedRemoved);
        assertThat(second.feedImport().added()).isEqualTo(expectedNew.size());
        assertThat(second.feedImport().summary()).contains(String.format("%,d new since the previous catalog", expectedNew.size()));
    }

    @Test
    void olderKevCatalogIsRefused() throws Exception {
        intel().importKev(copy("/intel/kev/known_exploited_vulnerabilities.json"), TestSites.TECHNICIAN, ProgressMonitor.NONE);
        Path older = copy("/intel/kev/known_exploited_vulnerabilities-2022-02.csv");

        assertThatThrownBy(() -> intel().importKev(older, TestSites.TECHNICIAN, ProgressMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("known_exploited_vulnerabilities-2022-02.csv")
                .hasMessageContaining("nothing was changed");

        assertThat(count("SELECT COUNT(*) FROM kev_entry")).isEqualTo(1404);
        assertThat(count("SELECT COUNT(*) FROM feed_import")).isEqualTo(1);
    }

    @Test
    void kevSchemaFileIsRejected() throws Exception {
        intel().importKev(copy("/intel/kev/known_exploited_vulnerabilities-2022-02.csv"), TestSites.TECHNICIAN, ProgressMonitor.NONE);
        Path schema = copy("/intel/kev/known_exploited_vulnerabilities_schema.json");

        assertThatThrownBy(() -> intel().importKev(schema, TestSites.TECHNICIAN, ProgressMonitor.NONE))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("known_exploited_vulnerabilities_schema.json")
                .hasMessageContaining("not a KEV catalog");

        assertThat(count("SELECT COUNT(*) FROM kev_entry")).isEqualTo(352);
        assertThat(count("SELECT COUNT(*) FROM feed_import")).isEqualTo(1);
    }

    @Test
    void kevHtmlPageIsRejected() throws Exception {
        Path page = Files.writeString(files.resolve("known_exploited_vulnerabilities.json"),
                "<!DOCTYPE html>\n<html><head><title>Access Denied</title></head><body>Access Denied</body></html>\n");

        assertThatThrownBy(() -> intel().importKev(page, TestSites.TECHNICIAN, ProgressMonitor.NONE))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("known_exploited_vulnerabilities.json")
                .hasMessageContaining("<!DOCTYPE html");
        assertThat(count("SELECT COUNT(*) FROM feed_import")).isZero();
    }

    @Test
    void epssImportKeepsPreviousScores() throws Exception {
        Path sample = copy("/intel/epss/epss_scores-sample.csv");

        IntelligenceService.EpssResult first = intel().importEpss(sample, TestSites.TECHNICIAN, ProgressMonitor.NONE);

        assertThat(first.feedImport().records()).isEqualTo(534);
        assertThat(first.feedImport().feedVersion()).isEqualTo("v2026.06.15");
        assertThat(first.feedImport().feedDate()).isEqualTo("2026-09-29T12:00:22Z");

        Path next = files.resolve("epss_scores-2026-09-30.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(next))) {
            out.write(("#model_version:v2026.06.15,score_date:2026-09-30T12:00:00Z\ncve,epss,percentile\n"
                    + "CVE-1999-0001,4.5e-02,0.9\nCVE-2026-0001,0.5,0.99\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        IntelligenceService.EpssResult second = intel().importEpss(next, TestSites.TECHNICIAN, ProgressMonitor.NONE);

        assertThat(second.feedImport().records()).isEqualTo(2);
        assertThat(second.feedImport().added()).as("CVE-2026-0001 is new").isEqualTo(1);
        String current = services.database().jdbi().withHandle(handle -> org.patchdesk.intel.EpssStore.tables(handle).current());
        String previous = services.database().jdbi().withHandle(handle -> org.patchdesk.intel.EpssStore.tables(handle).previous());
        assertThat(count("SELECT COUNT(*) FROM " + current)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM " + previous)).isEqualTo(534);
        Double score = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT epss FROM " + current
                + " WHERE cve_id = 'CVE-1999-0001'").mapTo(Double.class).one());
        assertThat(score).isEqualTo(0.045);
    }

    @Test
    void epssTruncatedGzipIsRejected() throws Exception {
        intel().importEpss(copy("/intel/epss/epss_scores-sample.csv"), TestSites.TECHNICIAN, ProgressMonitor.NONE);
        Path whole = files.resolve("whole.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write(Files.readAllBytes(files.resolve("epss_scores-sample.csv")));
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(files.resolve("epss_scores-2026-10-01.csv.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> intel().importEpss(truncated, TestSites.TECHNICIAN, ProgressMonitor.NONE))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("epss_scores-2026-10-01.csv.gz")
                .hasMessageContaining("truncated");

        assertThat(count("SELECT COUNT(*) FROM feed_import WHERE feed = 'epss'")).isEqualTo(1);
        String current = services.database().jdbi().withHandle(handle -> org.patchdesk.intel.EpssStore.tables(handle).current());
        assertThat(count("SELECT COUNT(*) FROM " + current)).isEqualTo(534);
    }

    @Test
    void epssRejectsKevFile() throws Exception {
        Path kev = copy("/intel/kev/known_exploited_vulnerabilities.csv");

        assertThatThrownBy(() -> intel().importEpss(kev, TestSites.TECHNICIAN, ProgressMonitor.NONE))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("known_exploited_vulnerabilities.csv");
        assertThat(count("SELECT COUNT(*) FROM feed_import")).isZero();
    }

    @Test
    void csafFolderImportsEveryAdvisory() throws Exception {
        Path csaf = Files.createDirectories(files.resolve("csaf"));
        for (String name : List.of("icsma-17-250-02a.json", "icsma-18-058-02.json", "icsma-20-254-01.json", "icsma-20-296-02.json",
                "icsma-21-294-01.json", "icsma-21-355-01.json", "icsma-22-174-01.json", "icsma-22-244-01.json", "icsma-23-194-01.json",
                "icsma-24-319-01.json", "icsma-25-030-01.json", "icsma-25-030-01.json.sha512", "icsma-25-044-01.json")) {
            TestSites.copyResource("/intel/csaf/" + name, csaf);
        }

        IntelligenceService.BatchResult result = intel().importCsaf(List.of(csaf), TestSites.TECHNICIAN, ProgressMonitor.NONE);

        assertThat(result.files()).hasSize(12).allMatch(IntelligenceService.FileResult::imported);
        assertThat(result.files().get(0).message()).isEqualTo(
                "ICSMA-17-250-02A version 2 added: 8 CVEs, 24 product statements");
        assertThat(count("SELECT COUNT(*) FROM advisory")).isEqualTo(12);
        List<String> cvesPerAdvisory = services.database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT base_id || ':' || (SELECT COUNT(DISTINCT cve_id) FROM affected_statement s WHERE s.source_ref = a.base_id)"
                                + " FROM advisory a ORDER BY base_id").mapTo(String.class).list());
        assertThat(cvesPerAdvisory).containsExactly("ICSMA-17-250-02:8", "ICSMA-18-058-02:35", "ICSMA-20-254-01:8", "ICSMA-20-296-02:11",
                        "ICSMA-21-294-01:5", "ICSMA-21-355-01:13", "ICSMA-22-174-01:3", "ICSMA-22-244-01:5", "ICSMA-23-194-01:8",
                        "ICSMA-24-319-01:9", "ICSMA-25-030-01:4", "ICSMA-25-044-01:3");
        assertThat(count("SELECT COUNT(*) FROM cvss_score WHERE source_kind = 'csaf' AND version IN ('3.0', '3.1')")).isEqualTo(113);
        assertThat(count("SELECT COUNT(*) FROM cvss_score WHERE source_kind = 'csaf' AND version = '4.0'")).isEqualTo(21);
        assertThat(count("SELECT COUNT(*) FROM cvss_score WHERE published_score <> computed_score")).isZero();
        assertThat(count("SELECT COUNT(*) FROM remediation")).isEqualTo(720);
    }

    @Test
    void csafFolderSkipsBadFile() throws Exception {
        Path csaf = Files.createDirectories(files.resolve("csaf"));
        TestSites.copyResource("/intel/csaf/icsma-22-174-01.json", csaf);
        TestSites.copyResource("/intel/csaf/icsma-25-044-01.json", csaf);
        Files.writeString(csaf.resolve("icsma-99-000-00.json"), "{\"document\": {\"csaf_version\": \"2.0\", ");

        IntelligenceService.BatchResult result = intel().importCsaf(List.of(csaf), TestSites.TECHNICIAN, ProgressMonitor.NONE);

        assertThat(result.files()).extracting(IntelligenceService.FileResult::imported).containsExactly(true, true, false);
        assertThat(result.files().get(2).message()).contains("icsma-99-000-00.json");
        assertThat(count("SELECT COUNT(*) FROM advisory")).isEqualTo(2);
    }

    @Test
    void csafWrongChecksumIsRejected() throws Exception {
        Path advisory = copy("/intel/csaf/icsma-25-030-01.json");
        Files.writeString(files.resolve("icsma-25-030-01.json.sha512"), "0".repeat(128) + "  icsma-25-030-01.json\n");

        IntelligenceService.BatchResult result = intel().importCsaf(List.of(advisory), TestSites.TECHNICIAN, ProgressMonitor.NONE);

        assertThat(result.failures()).isEqualTo(1);
        assertThat(result.files().get(0).message()).contains("icsma-25-030-01.json").contains("does not match the checksum");
        assertThat(count("SELECT COUNT(*) FROM advisory")).isZero();
    }

    @Test
    void csafVersionAndVectorTyposRejected() throws Exception {
        String text = Files.readString(copy("/intel/csaf/icsma-22-174-01.json"));
        Path version = Files.writeString(files.resolve("csaf-version.json"), text.replace("\"csaf_version\": \"2.0\"",
                "\"csaf_version\": \"1.2\""));
        Path typo = Files.writeString(files.resolve("typo.json"), text.replaceFirst("\"vectorString\": \"CVSS:3\\.0/AV:", "\"vectorString\": \"CVSS:3.0/AAV:"));

        IntelligenceService.BatchResult result = intel().importCsaf(List.of(version, typo), TestSites.TECHNICIAN, ProgressMonitor.NONE);

        assertThat(result.files()).noneMatch(IntelligenceService.FileResult::imported);
        assertThat(result.files().get(0).message()).contains("csaf-version.json").contains("1.2");
        assertThat(result.files().get(1).message()).contains("typo.json").contains("/vulnerabilities/0/scores/0").contains("AAV");
        assertThat(count("SELECT COUNT(*) FROM advisory")).isZero();
        assertThat(count("SELECT COUNT(*) FROM affected_statement")).isZero();
    }

    @Test
    void cveFolderImportsEveryRecord() throws Exception {
        Path cve = Files.createDirectories(files.resolve("cve"));
        for (String id : List.of("CVE-2019-10964", "CVE-2021-33886", "CVE-2022-2119", "CVE-2023-43208", "CVE-2024-10476",
                "CVE-2024-12248", "CVE-2025-0626", "CVE-2025-24836")) {
            TestSites.copyResource("/intel/cve/" + id + ".json", cve);
        }

        IntelligenceService.BatchResult result = intel().importCveRecords(List.of(cve), TestSites.TECHNICIAN, ProgressMonitor.NONE);

        assertThat(result.files()).hasSize(8).allMatch(IntelligenceService.FileResult::imported);
        assertThat(count("SELECT COUNT(*) FROM cve_record")).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM feed_import WHERE feed = 'cve'")).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM cvss_score WHERE source_kind = 'cve'")).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM cvss_score WHERE source_kind = 'cve' AND version = '4.0'")).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM cvss_score WHERE published_score <> computed_score")).isZero();
        assertThat(count("SELECT COUNT(*) FROM vulnerability WHERE description IS NOT NULL")).isEqualTo(8);
    }

    @Test
    void cveIdCaseAndTruncationHandled() throws Exception {
        String text = Files.readString(copy("/intel/cve/CVE-2022-2119.json"));
        Path lower = Files.writeString(files.resolve("lower.json"), text.replace("\"cveId\": \"CVE-2022-2119\"",
                "\"cveId\": \" cve-2022-2119 \""));
        Path broken = Files.writeString(files.resolve("broken.json"), text.substring(0, text.length() / 2));

        IntelligenceService.BatchResult result = intel().importCveRecords(List.of(lower, broken), TestSites.TECHNICIAN,
                ProgressMonitor.NONE);

        assertThat(result.files().get(0).imported()).isTrue();
        assertThat(result.files().get(1).imported()).isFalse();
        assertThat(result.files().get(1).message()).contains("broken.json");
        assertThat(count("SELECT COUNT(*) FROM cve_record WHERE cve_id = 'CVE-2022-2119'")).isEqualTo(1);
    }

    @Test
    void feedStatusNotCheckedThenStale() throws Exception {
        FeedStatus before = services.feedStatus().status(FeedKind.KEV);
        assertThat(before.checked()).isFalse();
        assertThat(before.describe()).contains("not checked");

        intel().importKev(copy("/intel/kev/known_exploited_vulnerabilities.json"), TestSites.TECHNICIAN, ProgressMonitor.NONE);

        FeedStatus after = services.feedStatus().status(FeedKind.KEV);
        assertThat(after.dataDate()).isEqualTo(java.time.LocalDate.of(2025, 8, 25));
        assertThat(after.ageDays()).isEqualTo(466);
        assertThat(after.stale()).isTrue();
        assertThat(after.describe()).contains("2025.08.25").contains("stale: older than 14 days");
        assertThat(services.feedStatus().status(FeedKind.EPSS).describe()).contains("not checked");
    }
}
