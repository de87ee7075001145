package org.patchdesk.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.common.Actor;
import org.patchdesk.inventory.Device;
import org.patchdesk.risk.Explanation;
import org.patchdesk.risk.Finding;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.risk.ssvc.SystemExposure;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/** Compensating controls on a real database; the test clock's today is 2026-12-04. */
class ControlServiceTest {

    private static final LocalDate VERIFIED = LocalDate.of(2026, 11, 20);
    private static final LocalDate NEXT = LocalDate.of(2026, 12, 10);

    @TempDir
    Path folder;

    private Services services;
    private ControlService controls;
    private Device pump;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        controls = services.controls();
        pump = ControlFixtures.pump(services, "ICU-PUMP-1", "ICU");
        ControlFixtures.pump(services, "NICU-PUMP-1", "NICU");
        ControlFixtures.vulnerabilities(services);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Finding finding(String tag, String cve) {
        return services.findings().find(tag, cve).map(WorklistRow::finding).orElseThrow();
    }

    private Explanation.Item item(Explanation explanation, String section, String name) {
        return explanation.sections().stream().filter(candidate -> candidate.heading().equals(section)).findFirst().orElseThrow()
                .items().stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + name + " in " + section + ":\n" + explanation.asText()));
    }

    private CompensatingControl segmentation(LocalDate verified, LocalDate next) {
        return controls.create(new ControlValues("network-segmentation", "Pumps on VLAN 40", "ACL on the core switch",
                "Network team", verified, next, "ACL 140 lines 10-40"), TestSites.TECHNICIAN);
    }

    private List<AuditEntry> audit(String recordType, long id) {
        return services.database().jdbi().withExtension(AuditDao.class, dao -> dao.listByRecord(recordType, id));
    }

    @Test
    void catalogIsSeededWithMappings() {
        List<ControlType> catalog = controls.catalog();

        assertThat(catalog).extracting(ControlType::code).containsExactly("network-segmentation", "firewall-acl", "virtual-patching",
                "monitoring", "application-allowlisting", "disabled-services", "remote-access-removed", "physical-access",
                "backup-recovery", "other");
        ControlType segmentation = catalog.get(0);
        assertThat(segmentation.name()).isEqualTo("Network segmentation / VLAN");
        assertThat(segmentation.nist80053()).containsExactly("SC-7", "AC-4");
        assertThat(segmentation.csfSubcategories()).containsExactly("PR.IR-01");
        assertThat(catalog.get(3).nist80053()).containsExactly("SI-4");
        assertThat(catalog.get(3).csfSubcategories()).containsExactly("DE.CM-01");
        assertThat(catalog.get(5).nist80053()).containsExactly("CM-7");
        assertThat(catalog.get(7).nist80053()).isEmpty();
        assertThat(catalog.stream().filter(ControlType::lowersExposure).map(ControlType::code))
                .containsExactly("network-segmentation", "firewall-acl", "remote-access-removed");
    }

    @Test
    void openFindingsStartOutOfCycle() {
        Finding before = finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE);

        assertThat(before.exposure()).isEqualTo("open");
        assertThat(before.decision()).isEqualTo("out-of-cycle");
        assertThat(before.priority()).isEqualTo(44.4);
    }

    @Test
    void verifiedSegmentationLowersExposureOfCoveredDevice() {
        CompensatingControl control = segmentation(VERIFIED, NEXT);

        controls.coverDevices(control.id(), List.of(pump.id()), TestSites.TECHNICIAN);

        for (String cve : List.of(ControlFixtures.FIRST_CVE, ControlFixtures.SECOND_CVE)) {
            Finding covered = finding("ICU-PUMP-1", cve);
            assertThat(covered.exposure()).isEqualTo("controlled");
            assertThat(covered.decision()).isEqualTo("scheduled");
            assertThat(covered.priority()).isEqualTo(39.4);
        }
        assertThat(finding("NICU-PUMP-1", ControlFixtures.FIRST_CVE).exposure()).as("another device").isEqualTo("open");
        Explanation explanation = services.findings().explain(finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE).id());
        Explanation.Item named = item(explanation, "Compensating controls", "Pumps on VLAN 40");
        assertThat(named.value()).isEqualTo("Network segmentation / VLAN; covers the device; verified 2026-11-20, next verification 2026-12-10");
        assertThat(named.source()).isEqualTo("counted: lowers System Exposure from open to controlled");
        Explanation.Item exposure = item(explanation, "SSVC deployer decision", "System Exposure");
        assertThat(exposure.value()).isEqualTo("controlled");
        assertThat(exposure.source()).isEqualTo("assumed: the device is networked and no segment is recorded; lowered from open to"
                + " controlled by verified compensating control 'Pumps on VLAN 40' (Network segmentation / VLAN)");
        assertThat(explanation.title()).contains("scheduled");
    }

    @Test
    void overdueControlStopsCountingAtStartCheck() {
        CompensatingControl control = segmentation(VERIFIED, NEXT);
        controls.coverDevices(control.id(), List.of(pump.id()), TestSites.TECHNICIAN);
        services.close();
        Clock later = Clock.fixed(Instant.parse("2026-12-11T13:00:00Z"), ZoneId.of("America/Chicago"));
        services = TestSites.open(folder.resolve("data"), later);
        controls = services.controls();
        long findingId = finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE).id();
        assertThat(finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE).exposure()).as("scores stored before the check").isEqualTo("controlled");

        int overdue = controls.applyOverdue(Actor.SYSTEM);

        assertThat(overdue).isEqualTo(1);
        Finding after = finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE);
        assertThat(after.exposure()).isEqualTo("open");
        assertThat(after.decision()).isEqualTo("out-of-cycle");
        assertThat(after.priority()).isEqualTo(44.4);
        Explanation explanation = services.findings().explain(findingId);
        assertThat(item(explanation, "Compensating controls", "Pumps on VLAN 40").source())
                .isEqualTo("not counted: verification overdue since 2026-12-11 (the next verification was due 2026-12-10)");
        assertThat(item(explanation, "SSVC deployer decision", "System Exposure").source())
                .isEqualTo("assumed: the device is networked and no segment is recorded");
        assertThat(controls.list(ControlFilter.all().withOverdueOnly(true))).extracting(CompensatingControl::id)
                .containsExactly(control.id());
        assertThat(controls.effectiveControls(pump.id(), controls.today())).isEmpty();
        AuditEntry entry = audit(ControlService.CONTROL_RECORD, control.id()).get(1);
        assertThat(entry.actor()).isEqualTo("system");
        assertThat(entry.summary()).isEqualTo("Verification overdue since 2026-12-11; the control no longer counts for scoring, and the"
                + " findings of 1 device were rescored");
        assertThat(controls.applyOverdue(Actor.SYSTEM)).as("each lapse is applied once").isZero();
    }

    @Test
    void lastDayBeforeNextVerificationStillCounts() {
        CompensatingControl control = segmentation(VERIFIED, LocalDate.of(2026, 12, 4));

        controls.coverDevices(control.id(), List.of(pump.id()), TestSites.TECHNICIAN);

        assertThat(finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE).exposure()).isEqualTo("controlled");
        assertThat(controls.get(control.id()).orElseThrow().state(controls.today())).isEqualTo(VerificationState.VERIFIED);
    }

    @Test
    void newVerificationRestoresEffect() {
        CompensatingControl control = segmentation(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 11, 1));
        controls.coverDevices(control.id(), List.of(pump.id()), TestSites.TECHNICIAN);
        assertThat(finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE).exposure()).isEqualTo("open");

        CompensatingControl verified = controls.recordVerification(control.id(), null, LocalDate.of(2027, 6, 1), TestSites.MANAGER);

        assertThat(verified.verifiedOn()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(verified.state(controls.today())).isEqualTo(VerificationState.VERIFIED);
        assertThat(finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE).exposure()).isEqualTo("controlled");
        AuditEntry entry = audit(ControlService.CONTROL_RECORD, control.id()).get(1);
        assertThat(entry.actor()).isEqualTo("mmanager");
        assertThat(entry.oldValues()).containsEntry("next_verification_on", "2026-11-01");
        assertThat(entry.newValues()).containsEntry("verified_on", "2026-12-04").containsEntry("next_verification_on", "2027-06-01");
        assertThat(controls.applyOverdue(Actor.SYSTEM)).as("a control created already overdue was scored as such").isZero();
    }

    @Test
    void findingCoverageAppliesToThatFindingOnly() {
        CompensatingControl control = segmentation(VERIFIED, NEXT);
        Finding first = finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE);

        controls.coverFindings(control.id(), List.of(first.id()), TestSites.TECHNICIAN);

        assertThat(finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE).exposure()).isEqualTo("controlled");
        assertThat(finding("ICU-PUMP-1", ControlFixtures.SECOND_CVE).exposure()).isEqualTo("open");
        Explanation covered = services.findings().explain(first.id());
        assertThat(item(covered, "Compensating controls", "Pumps on VLAN 40").value()).contains("covers this finding");
        Explanation other = services.findings().explain(finding("ICU-PUMP-1", ControlFixtures.SECOND_CVE).id());
        assertThat(item(other, "Compensating controls", "Compensating controls").value()).isEqualTo("none cover this device or finding");
        assertThat(controls.controlsFor(pump.id())).extracting(CompensatingControl::id).containsExactly(control.id());
        assertThat(controls.get(control.id()).orElseThrow().findings()).extracting(FindingRef::label)
                .containsExactly("ICU-PUMP-1 " + ControlFixtures.FIRST_CVE);
    }

    @Test
    void monitoringIsNamedWithoutChangingDecision() {
        CompensatingControl control = controls.create(new ControlValues("monitoring", "Pump traffic watched by the NDR sensor", null,
                "InfoSec", VERIFIED, NEXT, null), TestSites.TECHNICIAN);

        controls.coverDevices(control.id(), List.of(pump.id()), TestSites.TECHNICIAN);

        Finding covered = finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE);
        assertThat(covered.exposure()).isEqualTo("open");
        assertThat(covered.decision()).isEqualTo("out-of-cycle");
        assertThat(item(services.findings().explain(covered.id()), "Compensating controls", "Pump traffic watched by the NDR sensor")
                .source()).isEqualTo("counted, for information: this type of control changes no SSVC decision point");
    }

    @Test
    void userOverrideOfExposureWins() {
        Finding first = finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE);
        services.findings().setOverrides(first.id(), SystemExposure.OPEN, null, TestSites.TECHNICIAN);
        CompensatingControl control = segmentation(VERIFIED, NEXT);

        controls.coverDevices(control.id(), List.of(pump.id()), TestSites.TECHNICIAN);

        assertThat(finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE).exposure()).isEqualTo("open");
        assertThat(finding("ICU-PUMP-1", ControlFixtures.SECOND_CVE).exposure()).isEqualTo("controlled");
        assertThat(item(services.findings().explain(first.id()), "Compensating controls", "Pumps on VLAN 40").source())
                .isEqualTo("counted, but System Exposure stays as a user set it for this finding");
    }

    @Test
    void uncoverAndDeleteRestoreExposure() {
        CompensatingControl control = segmentation(VERIFIED, NEXT);
        controls.coverDevices(control.id(), List.of(pump.id()), TestSites.TECHNICIAN);
        Finding first = finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE);
        controls.coverFindings(control.id(), List.of(first.id()), TestSites.TECHNICIAN);

        controls.uncoverDevices(control.id(), Set.of(pump.id()), TestSites.TECHNICIAN);

        assertThat(finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE).exposure()).as("still covered as a finding").isEqualTo("controlled");
        assertThat(finding("ICU-PUMP-1", ControlFixtures.SECOND_CVE).exposure()).isEqualTo("open");

        controls.delete(control.id(), TestSites.MANAGER);

        assertThat(finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE).exposure()).isEqualTo("open");
        assertThat(controls.get(control.id())).isEmpty();
    }

    @Test
    void changesAreAudited() {
        CompensatingControl control = segmentation(VERIFIED, NEXT);
        controls.coverDevices(control.id(), List.of(pump.id()), TestSites.TECHNICIAN);
        Finding first = finding("ICU-PUMP-1", ControlFixtures.FIRST_CVE);
        controls.coverFindings(control.id(), List.of(first.id()), TestSites.TECHNICIAN);
        ControlDocument document = controls.addDocument(control.id(), folder.resolve("acl-change-4411.pdf").toString(), TestSites.TECHNICIAN);
        controls.update(control.id(), new ControlValues("firewall-acl", "Pumps behind ACL 140", null, "Network team", VERIFIED, NEXT,
                null), TestSites.MANAGER);
        controls.removeDocument(document.id(), TestSites.TECHNICIAN);
        controls.delete(control.id(), TestSites.MANAGER);

        List<AuditEntry> entries = audit(ControlService.CONTROL_RECORD, control.id());
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE);
        assertThat(entries.get(0).newValues()).containsEntry("type", "network-segmentation").containsEntry("owner", "Network team")
                .containsEntry("verified_on", "2026-11-20").containsEntry("evidence_rule_ids", "ACL 140 lines 10-40");
        assertThat(entries.get(1).oldValues()).containsEntry("type", "network-segmentation").containsEntry("title", "Pumps on VLAN 40")
                .containsEntry("description", "ACL on the core switch");
        assertThat(entries.get(1).newValues()).containsEntry("type", "firewall-acl").doesNotContainKey("owner");
        assertThat(entries.get(2).oldValues()).containsEntry("devices", "ICU-PUMP-1")
                .containsEntry("findings", "ICU-PUMP-1 " + ControlFixtures.FIRST_CVE).containsEntry("documents", "");
        assertThat(entries.get(2).actor()).isEqualTo("mmanager");
        List<AuditEntry> device = audit(ControlService.DEVICE_RECORD, control.id());
        assertThat(device).hasSize(1);
        assertThat(device.get(0).summary()).isEqualTo("Control now covers device ICU-PUMP-1");
        assertThat(device.get(0).newValues()).containsEntry("asset_tag", "ICU-PUMP-1");
        assertThat(audit(ControlService.FINDING_RECORD, control.id())).extracting(AuditEntry::summary)
                .containsExactly("Control now covers finding ICU-PUMP-1 " + ControlFixtures.FIRST_CVE);
        assertThat(audit(ControlService.DOCUMENT_RECORD, document.id())).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATE, AuditAction.DELETE);
    }

    @Test
    void listFiltersByTypeDeviceAndOverdue() {
        CompensatingControl vlan = segmentation(VERIFIED, NEXT);
        CompensatingControl old = controls.create(new ControlValues("monitoring", "NDR sensor", null, "InfoSec",
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 7, 5), null), TestSites.TECHNICIAN);
        CompensatingControl planned = controls.create(new ControlValues("physical-access", "Locked pump room", null, "Facilities",
                null, null, null), TestSites.TECHNICIAN);
        controls.coverDevices(vlan.id(), List.of(pump.id()), TestSites.TECHNICIAN);
        Finding nicu = finding("NICU-PUMP-1", ControlFixtures.SECOND_CVE);
        controls.coverFindings(old.id(), List.of(nicu.id()), TestSites.TECHNICIAN);

        assertThat(controls.list(ControlFilter.all())).extracting(CompensatingControl::id)
                .containsExactly(old.id(), vlan.id(), planned.id());
        assertThat(controls.list(ControlFilter.all().withType("monitoring"))).extracting(CompensatingControl::id).containsExactly(old.id());
        assertThat(controls.list(ControlFilter.all().withDevice(nicu.deviceId()))).extracting(CompensatingControl::id)
                .containsExactly(old.id());
        assertThat(controls.list(ControlFilter.all().withOverdueOnly(true))).extracting(CompensatingControl::id).containsExactly(old.id());
        assertThat(controls.effectiveControls(pump.id(), controls.today())).extracting(CompensatingControl::id).containsExactly(vlan.id());
        assertThat(controls.get(planned.id()).orElseThrow().stateText(controls.today())).isEqualTo("not verified");
        assertThat(controls.get(old.id()).orElseThrow().stateText(controls.today())).isEqualTo("verification overdue since 2026-07-06");
    }

    @Test
    void searchFindsDevicesByTagDepartmentAndModel() {
        assertThat(controls.searchDevices("nicu")).extracting(DeviceRef::assetTag).containsExactly("NICU-PUMP-1");
        assertThat(controls.searchDevices("life 2000")).extracting(DeviceRef::assetTag).containsExactly("ICU-PUMP-1", "NICU-PUMP-1");
        assertThat(controls.searchDevices("icu-pump")).extracting(DeviceRef::label)
                .containsExactly("ICU-PUMP-1 (Baxter Life 2000, ICU)", "NICU-PUMP-1 (Baxter Life 2000, NICU)");
        assertThat(controls.searchDevices("100%")).isEmpty();
        assertThat(controls.findingsOf(pump.id())).extracting(FindingRef::cveId)
                .containsExactly(ControlFixtures.FIRST_CVE, ControlFixtures.SECOND_CVE);
    }

    @Test
    void invalidValuesAreRejected() {
        assertThatThrownBy(() -> controls.create(new ControlValues("vlan", "Pumps", null, "Network team", null, null, null),
                TestSites.TECHNICIAN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Control type 'vlan' is not in the catalog; use one of network-segmentation, firewall-acl");
        assertThatThrownBy(() -> controls.create(new ControlValues("firewall-acl", " ", null, "Network team", null, null, null),
                TestSites.TECHNICIAN)).hasMessage("A control needs a title, such as 'Infusion pumps on VLAN 40'");
        assertThatThrownBy(() -> controls.create(new ControlValues("firewall-acl", "ACL 140", null, "", null, null, null),
                TestSites.TECHNICIAN)).hasMessageStartingWith("A control needs an owner");
        assertThatThrownBy(() -> controls.create(new ControlValues("firewall-acl", "ACL 140", null, "Network team", VERIFIED, null, null),
                TestSites.TECHNICIAN)).hasMessage("Enter both the verified date and the next verification date, or neither for a control"
                + " not verified yet");
        assertThatThrownBy(() -> controls.create(new ControlValues("firewall-acl", "ACL 140", null, "Network team",
                LocalDate.of(2026, 12, 5), LocalDate.of(2027, 1, 5), null), TestSites.TECHNICIAN))
                .hasMessage("The verified date 2026-12-05 is after today (2026-12-04); record a verification once it is done");
        CompensatingControl control = segmentation(VERIFIED, NEXT);
        assertThatThrownBy(() -> controls.recordVerification(control.id(), VERIFIED, VERIFIED, TestSites.TECHNICIAN))
                .hasMessage("The next verification date 2026-11-20 must be after the verified date 2026-11-20");
        assertThatThrownBy(() -> controls.coverDevices(control.id(), List.of(99_999L), TestSites.TECHNICIAN))
                .hasMessage("Device 99999 not found; it may have been deleted");
        assertThat(controls.list(ControlFilter.all())).hasSize(1);
    }
}
