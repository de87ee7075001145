package org.patchdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.ManualVulnerabilities;
import org.patchdesk.intel.MatchDecision;
import org.patchdesk.intel.MatchView;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.YesNoUnknown;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/**
 * Links advisories to devices and follows findings through revisions, version changes, match
 * decisions and status changes, on a real database with the real advisories.
 */
class FindingLifecycleTest {

    private static final String PCU_ADVISORY = "/intel/csaf/icsma-23-194-01.json";
    private static final String MEDFUSION_ADVISORY = "/intel/csaf/icsma-17-250-02a.json";

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

    private int count(String sql) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private Device device(String tag, String manufacturer, String model, String version) {
        DeviceValues values = new DeviceValues()
                .set(DeviceField.ASSET_TAG, tag)
                .set(DeviceField.MANUFACTURER, manufacturer)
                .set(DeviceField.MODEL, model)
                .set(DeviceField.DEPARTMENT, "ICU")
                .set(DeviceField.NETWORKED, YesNoUnknown.YES);
        if (version != null) {
            values.set(DeviceField.SOFTWARE_VERSION, version);
        }
        return services.devices().create(values, TestSites.TECHNICIAN);
    }

    private IntelligenceService.BatchResult importCsaf(Path... paths) throws Exception {
        return services.intelligence().importCsaf(List.of(paths), TestSites.TECHNICIAN, ProgressMonitor.NONE);
    }

    private Path copy(String resource) throws Exception {
        return TestSites.copyResource(resource, files);
    }

    private List<Finding> findingsOf(String tag) {
        Device device = services.devices().findByAssetTag(tag).orElseThrow();
        return services.findings().forDevice(device.id()).stream().map(WorklistRow::finding).toList();
    }

    private Optional<Finding> finding(String tag, String cve) {
        return services.findings().find(tag, cve).map(WorklistRow::finding);
    }

    private MatchView match(String sourceProductPart, String inventorySide) {
        return services.intelligence().listMatches().stream()
                .filter(match -> match.sourceProduct().contains(sourceProductPart) && match.inventorySide().equals(inventorySide))
                .findFirst().orElseThrow(() -> new AssertionError("no match of " + sourceProductPart + " to " + inventorySide));
    }

    @Test
    void exactMatchLinksByVersion() throws Exception {
        device("MF-1", "Smiths Medical", "Medfusion 4000 Wireless Syringe Infusion Pump", "1.5");
        device("MF-2", "Smiths Medical", "Medfusion 4000 Wireless Syringe Infusion Pump", "1.7");
        device("MF-3", "Smiths Medical ASD", "Medfusion 4000 Wireless Syringe Infusion Pump", null);

        importCsaf(copy(MEDFUSION_ADVISORY));

        assertThat(findingsOf("MF-1")).hasSize(8).allSatisfy(finding -> {
            assertThat(finding.statusValue()).isEqualTo(FindingStatus.OPEN);
            assertThat(finding.reviewValue()).isEqualTo(ReviewFlag.NONE);
            assertThat(finding.basis()).contains("ICSMA-17-250-02").contains("1.5");
        });
        assertThat(findingsOf("MF-2")).as("version 1.7 is not among the affected versions").isEmpty();
        assertThat(findingsOf("MF-3")).as("no version recorded").hasSize(8)
                .allSatisfy(finding -> assertThat(finding.reviewValue()).isEqualTo(ReviewFlag.VERSION));
    }

    @Test
    void patchingEndsAPendingVersionReview() throws Exception {
        device("MF-3", "Smiths Medical ASD", "Medfusion 4000 Wireless Syringe Infusion Pump", null);
        importCsaf(copy(MEDFUSION_ADVISORY));
        Finding before = findingsOf("MF-3").get(0);
        assertThat(before.reviewValue()).isEqualTo(ReviewFlag.VERSION);

        WorklistRow patched = services.findings().setStatus(before.id(), FindingStatus.PATCHED, null, TestSites.TECHNICIAN);

        assertThat(patched.finding().reviewValue()).isEqualTo(ReviewFlag.NONE);
        assertThat(services.auditTrail().find(new org.patchdesk.audit.AuditFilter(null, FindingService.RECORD_TYPE, null, null, null,
                null), 10))
                .anySatisfy(entry -> assertThat(entry.newValues()).containsEntry("review", "none"));
    }

    @Test
    void closeMatchAppliesOnceAccepted() throws Exception {
        device("PCU-1", "BD", "Alaris PCU 8015", "12.1.2");
        device("PCU-2", "Becton Dickinson", "Alaris PCU 8015", "12.1.4");

        importCsaf(copy(PCU_ADVISORY));

        MatchView proposal = match("Point-of-Care Unit (PCU) Model 8015", "BD Alaris PCU 8015");
        assertThat(proposal.decision()).isEqualTo(MatchDecision.PROPOSED);
        assertThat(proposal.devices()).isEqualTo(2);
        assertThat(findingsOf("PCU-1")).isEmpty();

        IntelligenceService.FindingChanges accepted = services.intelligence().decideMatch(proposal.id(), MatchDecision.ACCEPTED,
                TestSites.MANAGER);

        assertThat(accepted.refresh().added()).isEqualTo(8);
        assertThat(findingsOf("PCU-1")).hasSize(8);
        assertThat(findingsOf("PCU-2")).as("12.1.4 is after <=12.1.3").isEmpty();
        assertThat(finding("PCU-1", "CVE-2023-30563").orElseThrow().decision()).isNotNull();

        IntelligenceService.FindingChanges rejected = services.intelligence().decideMatch(proposal.id(), MatchDecision.REJECTED,
                TestSites.MANAGER);

        assertThat(rejected.refresh().withdrawn()).isEqualTo(8);
        assertThat(findingsOf("PCU-1")).allSatisfy(finding -> {
            assertThat(finding.statusValue()).isEqualTo(FindingStatus.WITHDRAWN);
            assertThat(finding.statusNote()).contains("rejected");
        });

        importCsaf(copy(PCU_ADVISORY));
        assertThat(match("Point-of-Care Unit (PCU) Model 8015", "BD Alaris PCU 8015").decision())
                .as("the decision is remembered").isEqualTo(MatchDecision.REJECTED);
    }

    @Test
    void matchIdsAreCheckedBeforeAnythingChanges() {
        assertThatThrownBy(() -> services.intelligence().decideMatch("12", MatchDecision.ACCEPTED, TestSites.MANAGER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P12 or O3");
        assertThatThrownBy(() -> services.intelligence().decideMatch("P999", MatchDecision.ACCEPTED, TestSites.MANAGER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("999");
    }

    @Test
    void otherVersionShapeNeedsReview() throws Exception {
        device("SC-1", "B. Braun", "SpaceStation with SpaceCom 2", "012U000040");
        device("SC-2", "B. Braun", "SpaceStation with SpaceCom 2", "012U000093");
        device("SC-3", "B. Braun", "SpaceStation with SpaceCom 2", "vD20");

        importCsaf(copy("/intel/csaf/icsma-21-294-01.json"));

        assertThat(findingsOf("SC-1")).hasSize(5).allSatisfy(finding -> assertThat(finding.reviewValue()).isEqualTo(ReviewFlag.NONE));
        assertThat(findingsOf("SC-2")).as("the fixed version 012U000093 is after <= 012U000061").isEmpty();
        assertThat(findingsOf("SC-3")).hasSize(5).allSatisfy(finding -> {
            assertThat(finding.reviewValue()).isEqualTo(ReviewFlag.VERSION);
            assertThat(finding.applicability()).isEqualTo("needs_review");
        });

        long id = finding("SC-3", "CVE-2021-33885").orElseThrow().id();
        WorklistRow confirmed = services.findings().confirmApplies(id, TestSites.TECHNICIAN);
        assertThat(confirmed.finding().reviewValue()).isEqualTo(ReviewFlag.NONE);
    }

    @Test
    void newerRevisionWithdrawsDroppedCve() throws Exception {
        device("MF-1", "Smiths Medical", "Medfusion 4000 Wireless Syringe Infusion Pump", "1.5");
        Path original = originalRevisionWithExtraCve();

        IntelligenceService.BatchResult first = importCsaf(original);

        assertThat(first.files().get(0).message()).startsWith("ICSMA-17-250-02 version 1 added");
        assertThat(findingsOf("MF-1")).hasSize(9);

        IntelligenceService.BatchResult update = importCsaf(copy(MEDFUSION_ADVISORY));

        assertThat(update.files().get(0).message()).startsWith("ICSMA-17-250-02A version 2 replaced ICSMA-17-250-02 version 1");
        Finding withdrawnFinding = finding("MF-1", "CVE-2017-99999").orElseThrow();
        assertThat(withdrawnFinding.statusValue()).isEqualTo(FindingStatus.WITHDRAWN);
        assertThat(withdrawnFinding.statusNote()).isEqualTo("withdrawn by advisory revision ICSMA-17-250-02A version 2");
        assertThat(findingsOf("MF-1")).filteredOn(finding -> finding.statusValue() == FindingStatus.OPEN).hasSize(8);

        IntelligenceService.BatchResult older = importCsaf(original);

        assertThat(older.files().get(0).message()).contains("skipped").contains("newer revision");
        assertThat(finding("MF-1", "CVE-2017-99999").orElseThrow().statusValue()).isEqualTo(FindingStatus.WITHDRAWN);
        List<String> stored = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT tracking_id FROM advisory")
                .mapTo(String.class).list());
        assertThat(stored).containsExactly("ICSMA-17-250-02A");
    }

    /** Writes ICSMA-17-250-02 as its first revision would have been: version 1, no update letter, one more CVE. */
    private Path originalRevisionWithExtraCve() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode advisory = (ObjectNode) json.readTree(Files.readString(copy(MEDFUSION_ADVISORY)));
        ObjectNode tracking = (ObjectNode) advisory.path("document").path("tracking");
        tracking.put("id", "ICSMA-17-250-02");
        tracking.put("version", "1");
        tracking.put("current_release_date", "2017-09-07T00:00:00.000000Z");
        ArrayNode history = (ArrayNode) tracking.path("revision_history");
        history.remove(1);
        ArrayNode vulnerabilities = (ArrayNode) advisory.path("vulnerabilities");
        ObjectNode extra = vulnerabilities.get(0).deepCopy();
        extra.put("cve", "CVE-2017-99999");
        vulnerabilities.add(extra);
        Path file = files.resolve("icsma-17-250-02.json");
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), advisory);
        return file;
    }

    @Test
    void userStatusSurvivesVersionChange() throws Exception {
        Device pump = device("MF-1", "Smiths Medical", "Medfusion 4000 Wireless Syringe Infusion Pump", "1.5");
        importCsaf(copy(MEDFUSION_ADVISORY));
        long accepted = finding("MF-1", "CVE-2017-12718").orElseThrow().id();
        services.findings().setStatus(accepted, FindingStatus.RISK_ACCEPTED, "Pump is on an isolated VLAN until replacement",
                TestSites.MANAGER);

        assertThatThrownBy(() -> services.findings().setStatus(accepted, FindingStatus.NOT_AFFECTED, " ", TestSites.MANAGER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("justification");
        assertThatThrownBy(() -> services.findings().setStatus(accepted, FindingStatus.WITHDRAWN, "x", TestSites.MANAGER))
                .isInstanceOf(IllegalArgumentException.class);

        services.devices().update(pump.id(), pump.values().copy().set(DeviceField.SOFTWARE_VERSION, "1.8"), TestSites.TECHNICIAN);

        assertThat(finding("MF-1", "CVE-2017-12718").orElseThrow().statusValue()).isEqualTo(FindingStatus.RISK_ACCEPTED);
        Finding closed = finding("MF-1", "CVE-2017-12722").orElseThrow();
        assertThat(closed.statusValue()).isEqualTo(FindingStatus.NOT_AFFECTED);
        assertThat(closed.statusChangedBy()).isEqualTo(FindingEngine.SYSTEM);
        assertThat(closed.statusNote()).contains("1.8");

        Device updated = services.devices().findByAssetTag("MF-1").orElseThrow();
        services.devices().update(pump.id(), updated.values().copy().set(DeviceField.SOFTWARE_VERSION, "1.6"), TestSites.TECHNICIAN);

        Finding reopened = finding("MF-1", "CVE-2017-12722").orElseThrow();
        assertThat(reopened.statusValue()).isEqualTo(FindingStatus.OPEN);
        assertThat(reopened.statusNote()).startsWith("reopened");
        assertThat(reopened.decision()).as("rescored after reopening").isNotNull();
    }

    @Test
    void deviceAddedAfterTheAdvisoryGetsItsFindings() throws Exception {
        importCsaf(copy(MEDFUSION_ADVISORY));

        device("MF-9", "Smiths Medical", "Medfusion 4000 Wireless Syringe Infusion Pump", "1.1");

        assertThat(findingsOf("MF-9")).hasSize(8).allSatisfy(finding -> assertThat(finding.decision()).isNotNull());
    }

    @Test
    void osMatchAppliesOnceAccepted() throws Exception {
        Device workstation = device("WS-1", "GE Healthcare", "Centricity Workstation", "4.2");
        services.devices().update(workstation.id(), workstation.values().copy().set(DeviceField.OS_NAME, "Windows 7"),
                TestSites.TECHNICIAN);

        services.intelligence().importKev(copy("/intel/kev/known_exploited_vulnerabilities.json"), TestSites.TECHNICIAN,
                ProgressMonitor.NONE);

        assertThat(findingsOf("WS-1")).isEmpty();
        MatchView windows = services.intelligence().listMatches().stream()
                .filter(match -> match.target() == MatchView.Target.OPERATING_SYSTEM && match.sourceProduct().equals("Windows")
                        && match.inventorySide().equals("devices running Windows 7"))
                .findFirst().orElseThrow();
        assertThat(windows.decision()).isEqualTo(MatchDecision.PROPOSED);
        assertThat(windows.devices()).isEqualTo(1);

        services.intelligence().decideMatch(windows.id(), MatchDecision.ACCEPTED, TestSites.MANAGER);

        List<Finding> findings = findingsOf("WS-1");
        assertThat(findings).hasSize(windows.cves()).allSatisfy(finding -> {
            assertThat(finding.reviewValue()).isEqualTo(ReviewFlag.VERSION);
            assertThat(finding.kev()).isTrue();
            assertThat(finding.exploitation()).isEqualTo("active");
        });
    }

    @Test
    void manualVulnerabilityLinksByVersion() {
        device("AC-1", "Acme Medical", "InfuseRight 300", "2.3");
        device("AC-2", "Acme Medical", "InfuseRight 300", "2.5");

        IntelligenceService.ManualResult result = services.intelligence().addManual(new ManualVulnerabilities.Entry("cve-2026-12345 ",
                "Acme Medical", "InfuseRight 300", "<=2.4", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "Hard-coded service password (vendor letter 2026-11-30)"), TestSites.TECHNICIAN);

        assertThat(result.cveId()).isEqualTo("CVE-2026-12345");
        assertThat(result.findings().refresh().added()).isEqualTo(1);
        assertThat(result.applyingMatches()).isEqualTo(1);
        assertThat(result.describe()).startsWith("Added CVE-2026-12345 for Acme Medical InfuseRight 300, versions <=2.4.")
                .doesNotContain("Warning");
        Finding finding = finding("AC-1", "CVE-2026-12345").orElseThrow();
        assertThat(finding.cvssScore()).isEqualByComparingTo("9.8");
        assertThat(finding.automatable()).isEqualTo("yes");
        assertThat(finding("AC-2", "CVE-2026-12345")).isEmpty();

        assertThatThrownBy(() -> services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-1", "Acme Medical",
                "InfuseRight 300", null, null, null), TestSites.TECHNICIAN)).hasMessageContaining("not a CVE id");
        assertThatThrownBy(() -> services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-12346", "Acme Medical",
                "InfuseRight 300", null, "CVSS:3.1/AAV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null), TestSites.TECHNICIAN))
                .hasMessageContaining("AAV");
        assertThatThrownBy(() -> services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-12347", "Acme Medical",
                "InfuseRight 300", "before the spring release", null, null), TestSites.TECHNICIAN))
                .hasMessageStartingWith("'before the spring release' is not a version range");
        assertThat(count("SELECT COUNT(*) FROM vulnerability WHERE cve_id IN ('CVE-2026-12346', 'CVE-2026-12347')")).isZero();
    }

    @Test
    void manualVulnerabilityForAnUnknownProductWarns() {
        device("AC-1", "Acme Medical", "InfuseRight 300", "2.3");

        IntelligenceService.ManualResult exact = services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-12350",
                "Acme Medical", "InfuseRight 300", "2.3", null, null), TestSites.TECHNICIAN);
        IntelligenceService.ManualResult unknown = services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-12351",
                "Globex", "Ventilator 9", null, null, null), TestSites.TECHNICIAN);

        assertThat(finding("AC-1", "CVE-2026-12350")).isPresent();
        assertThat(unknown.applyingMatches()).isZero();
        assertThat(unknown.findings().refresh().added()).isZero();
        assertThat(unknown.describe()).contains("Warning: no inventory product matches this manufacturer and model");
        assertThat(exact.describe()).contains(", versions 2.3.").doesNotContain("Warning");
    }

    @Test
    void manualEntryIsReplacedAndRemoved() {
        device("AC-1", "Acme Medical", "InfuseRight 300", "2.3");
        device("AC-2", "Acme Medical", "InfuseRight 300", "2.9");
        services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-4001", "Acme Medical", "InfuseRight 300", "<=2.4",
                null, null), TestSites.TECHNICIAN);

        IntelligenceService.ManualResult corrected = services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-4001",
                "acme medical", "InfuseRight-300", "<=3.0", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null), TestSites.TECHNICIAN);

        assertThat(corrected.summary()).endsWith(", in place of the earlier entry");
        assertThat(corrected.describe()).contains("Affects 2 of the 2 devices of this product.");
        assertThat(services.intelligence().listManual()).singleElement().satisfies(entry -> {
            assertThat(entry.versions()).isEqualTo("<=3.0");
            assertThat(entry.cvssVector()).startsWith("CVSS:3.1/");
        });
        assertThat(finding("AC-2", "CVE-2026-4001")).isPresent();
        assertThat(services.findings().explain(finding("AC-1", "CVE-2026-4001").orElseThrow().id()).asText())
                .containsOnlyOnce("entered by hand: ");

        IntelligenceService.FindingChanges removed = services.intelligence().removeManual("cve-2026-4001", "Acme Medical",
                "InfuseRight 300", TestSites.TECHNICIAN);

        assertThat(removed.refresh().withdrawn()).isEqualTo(2);
        assertThat(finding("AC-1", "CVE-2026-4001").orElseThrow().statusValue()).isEqualTo(FindingStatus.WITHDRAWN);
        assertThat(services.intelligence().listManual()).isEmpty();
        assertThatThrownBy(() -> services.intelligence().removeManual("CVE-2026-4001", "Acme Medical", "InfuseRight 300",
                TestSites.TECHNICIAN)).hasMessageContaining("No vulnerability entered by hand is CVE-2026-4001");
    }

    @Test
    void manualVersionsOutsideEveryDeviceWarn() {
        device("AC-1", "Acme Medical", "InfuseRight 300", "2.3");

        IntelligenceService.ManualResult result = services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-4002",
                "Acme Medical", "InfuseRight 300", ">=5.0", null, null), TestSites.TECHNICIAN);

        assertThat(result.describe()).contains("Warning: none of the 1 devices of this product runs an affected version.");
        assertThatThrownBy(() -> services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-4003", "Acme Medical",
                "InfuseRight 300", "06.00-06.10", null, null), TestSites.TECHNICIAN))
                .hasMessage("'06.00-06.10' could be a range or one version; write the range as >=06.00|<=06.10, or the version as"
                        + " =06.00-06.10");
    }

    @Test
    void groupsHoldTheirFindings() {
        device("GR-1", "Acme Medical", "InfuseRight 300", "2.3");
        device("GR-2", "Acme Medical", "InfuseRight 300", "2.1");
        device("GR-3", "Acme Medical", "InfuseRight 500", "1.0");
        services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-3001", "Acme Medical", "InfuseRight 300", "<=2.4",
                null, null), TestSites.TECHNICIAN);
        services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-3002", "Acme Medical", "InfuseRight 300", "<=2.2",
                null, null), TestSites.TECHNICIAN);
        services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-3003", "Acme Medical", "InfuseRight 500", null,
                null, null), TestSites.TECHNICIAN);
        FindingService findings = services.findings();
        WorklistQuery open = WorklistQuery.openFindings();

        for (Grouping grouping : Grouping.values()) {
            List<WorklistGroup> groups = findings.groups(open, grouping);
            assertThat(groups.stream().mapToInt(WorklistGroup::findings).sum()).as("findings grouped by %s", grouping).isEqualTo(4);
            for (WorklistGroup group : groups) {
                FindingService.Page page = findings.worklist(open.inGroup(grouping, group.key()), 0, 100);
                assertThat(page.rows()).as("group %s of %s", group.label(), grouping).hasSize(group.findings());
                assertThat(page.total()).isEqualTo(group.findings());
            }
        }
        List<WorklistGroup> byCve = findings.groups(open, Grouping.VULNERABILITY);
        assertThat(byCve).extracting(WorklistGroup::key).containsExactlyInAnyOrder("CVE-2026-3001", "CVE-2026-3002", "CVE-2026-3003");
    }

    @Test
    void worklistPagesFollowTheFullOrder() {
        // Devices of one model with the same version score alike, so their findings tie on rank and priority.
        for (int i = 1; i <= 7; i++) {
            device("PG-" + i, "Acme Medical", "InfuseRight 300", i % 3 == 0 ? null : "2.3");
        }
        String[] vectors = {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:H",
                "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N"};
        for (int i = 0; i < vectors.length; i++) {
            services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-2000" + i, "Acme Medical", "InfuseRight 300",
                    "<=2.4", vectors[i], null), TestSites.TECHNICIAN);
        }
        FindingService findings = services.findings();
        for (WorklistQuery query : List.of(WorklistQuery.openFindings(), WorklistQuery.openFindings().withText("pg-"),
                WorklistQuery.everything())) {
            List<Long> whole = findings.worklist(query, 0, 1000).rows().stream().map(row -> row.finding().id()).toList();
            assertThat(whole).as("findings of %s", query).hasSize(28);

            for (int size : new int[] {1, 3, 5, 27}) {
                List<Long> paged = new java.util.ArrayList<>();
                for (int offset = 0; offset < 40; offset += size) {
                    FindingService.Page page = findings.worklist(query, offset, size);
                    assertThat(page.total()).as("total at offset %d", offset).isEqualTo(28);
                    page.rows().forEach(row -> paged.add(row.finding().id()));
                }
                assertThat(paged).as("pages of %d", size).isEqualTo(whole);
            }
        }
    }

    @Test
    void decisionBecomingMoreUrgentRestartsTheClock() throws Exception {
        device("MF-1", "Smiths Medical", "Medfusion 4000 Wireless Syringe Infusion Pump", "1.5");
        importCsaf(copy(MEDFUSION_ADVISORY));
        Finding before = finding("MF-1", "CVE-2017-12725").orElseThrow();
        assertThat(before.clockStartedOn()).isEqualTo(LocalDate.of(2026, 12, 4));
        services.close();

        Clock later = Clock.fixed(Instant.parse("2026-12-24T15:00:00Z"), ZoneId.of("America/Chicago"));
        services = TestSites.open(folder.resolve("data"), later);
        Path kev = Files.writeString(files.resolve("kev.json"), """
                {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.12.24",
                 "dateReleased": "2026-12-24T12:00:00.0000Z", "count": 1, "vulnerabilities": [
                  {"cveID": "CVE-2017-12725", "vendorProject": "Smiths Medical", "product": "Medfusion 4000",
                   "vulnerabilityName": "Smiths Medical Medfusion 4000 Hard-coded Credentials",
                   "dateAdded": "2026-12-24", "shortDescription": "Hard-coded credentials.", "requiredAction": "Apply updates.",
                   "dueDate": "2027-01-14", "knownRansomwareCampaignUse": "Known", "notes": "", "cwes": ["CWE-798"]}]}
                """);

        services.intelligence().importKev(kev, TestSites.TECHNICIAN, ProgressMonitor.NONE);

        Finding after = finding("MF-1", "CVE-2017-12725").orElseThrow();
        assertThat(after.exploitation()).isEqualTo("active");
        assertThat(after.decisionRank()).isGreaterThan(before.decisionRank());
        assertThat(after.clockStartedOn()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(after.kevDueDate()).isEqualTo(LocalDate.of(2027, 1, 14));
        Finding unchanged = finding("MF-1", "CVE-2017-12718").orElseThrow();
        assertThat(unchanged.clockStartedOn()).isEqualTo(LocalDate.of(2026, 12, 4));
    }
}
