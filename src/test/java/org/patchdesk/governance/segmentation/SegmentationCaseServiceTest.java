package org.patchdesk.governance.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.ChainHead;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlValues;
import org.patchdesk.intel.ManualVulnerabilities;
import org.patchdesk.inventory.ClinicalCriticality;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceStatus;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.MissionImpact;
import org.patchdesk.inventory.NetworkExposure;
import org.patchdesk.inventory.YesNoUnknown;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.risk.ssvc.SystemExposure;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/**
 * A small ICU on a real database. The expected decisions come from the CERT/CC SSVC tables
 * (human impact 1.0.0 and deployer patch application priority 1.0.0), row by row:
 *
 * <pre>
 * Human impact: PUMP-1 life-sustaining (catastrophic) x mission failure      -> very high (row 15)
 *               MON-2  high (critical) x MEF failure                          -> high      (row 10)
 *               WS-3   high (critical) x MEF failure                          -> high      (row 10)
 *               CART-4 low (negligible) x degraded                            -> low       (row 0)
 *
 * Finding        exploitation  exposure now                automatable  now (row)          controlled (row)      small (row)
 * PUMP-1 KEV     active (KEV)  open (device field)         yes          immediate (71)     out-of-cycle (63)     out-of-cycle (55)
 * PUMP-1 V4      none          controlled (user override)  yes          scheduled (15)     unchanged             scheduled (7)
 * MON-2  V2      active (mark) controlled (verified VLAN)  no           out-of-cycle (58)  unchanged             out-of-cycle (50)
 * WS-3   V3      public poc    open (device field)         yes          out-of-cycle (46)  scheduled (38)        scheduled (30)
 * CART-4 KEV     active (KEV)  small (device field)        yes          scheduled (52)     unchanged             unchanged
 * </pre>
 */
class SegmentationCaseServiceTest {

    /** Listed in the test KEV catalog. */
    private static final String KEV_CVE = "CVE-2025-48384";
    private static final String V2 = "CVE-2026-10002";
    private static final String V3 = "CVE-2026-10003";
    private static final String V4 = "CVE-2026-10004";
    private static final String NETWORK = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private static final String ADJACENT = "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void open() throws Exception {
        services = TestSites.open(folder.resolve("data"));
        Path files = Files.createDirectories(folder.resolve("files"));
        services.intelligence().importKev(TestSites.copyResource("/intel/kev/known_exploited_vulnerabilities.csv", files),
                TestSites.TECHNICIAN, ProgressMonitor.NONE);

        Device pump = device("ICU-PUMP-1", "ICU", "Infusion Pump", "Pump A", ClinicalCriticality.LIFE_SUSTAINING,
                MissionImpact.MISSION_FAILURE, NetworkExposure.OPEN);
        Device monitor = device("ICU-MON-2", "ICU", "Patient Monitor", "Monitor B", ClinicalCriticality.HIGH, MissionImpact.MEF_FAILURE,
                NetworkExposure.OPEN);
        device("ICU-WS-3", "ICU", "Workstation", "Workstation C", ClinicalCriticality.HIGH, MissionImpact.MEF_FAILURE,
                NetworkExposure.OPEN);
        device("ICU-CART-4", "ICU", "Workstation", "Cart D", ClinicalCriticality.LOW, MissionImpact.DEGRADED, NetworkExposure.SMALL);
        Device old = device("ICU-OLD-5", "ICU", "Patient Monitor", "Monitor Z", ClinicalCriticality.HIGH, MissionImpact.MEF_FAILURE,
                NetworkExposure.OPEN);
        Device retired = device(DeviceStatus.RETIRED, "ICU-RET-6", "ICU", "Infusion Pump", "Pump A", ClinicalCriticality.LIFE_SUSTAINING,
                MissionImpact.MISSION_FAILURE, NetworkExposure.OPEN);
        Device radiology = device("RAD-7", "Radiology", "Infusion Pump", "Pump A", ClinicalCriticality.LIFE_SUSTAINING,
                MissionImpact.MISSION_FAILURE, NetworkExposure.OPEN);

        manual(KEV_CVE, "Pump A", NETWORK);
        manual(KEV_CVE, "Cart D", NETWORK);
        manual(V2, "Monitor B", ADJACENT);
        manual(V3, "Workstation C", NETWORK);
        manual(V4, "Pump A", NETWORK);
        services.findings().markVulnerability(V2, true, false, TestSites.TECHNICIAN);
        services.findings().markVulnerability(V3, false, true, TestSites.TECHNICIAN);
        long v4 = services.findings().find("ICU-PUMP-1", V4).orElseThrow().finding().id();
        services.findings().setOverrides(v4, SystemExposure.CONTROLLED, null, TestSites.TECHNICIAN);

        CompensatingControl vlan = services.controls().create(new ControlValues("network-segmentation", "Monitor VLAN", "VLAN 110",
                "IT network", LocalDate.of(2026, 11, 1), LocalDate.of(2027, 5, 1), "ACL 110"), TestSites.TECHNICIAN);
        services.controls().coverDevices(vlan.id(), List.of(monitor.id()), TestSites.TECHNICIAN);

        unpatchable(pump, Patchability.PROHIBITED_OR_NONE);
        unpatchable(monitor, Patchability.UNSUPPORTED);
        unpatchable(old, Patchability.PROHIBITED_OR_NONE);
        unpatchable(retired, Patchability.PROHIBITED_OR_NONE);
        unpatchable(radiology, Patchability.PROHIBITED_OR_NONE);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Device device(String tag, String department, String type, String model, ClinicalCriticality criticality,
                          MissionImpact mission, NetworkExposure exposure) {
        return device(DeviceStatus.ACTIVE, tag, department, type, model, criticality, mission, exposure);
    }

    private Device device(DeviceStatus status, String tag, String department, String type, String model, ClinicalCriticality criticality,
                          MissionImpact mission, NetworkExposure exposure) {
        return services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.STATUS, status).set(DeviceField.DEPARTMENT, department)
                .set(DeviceField.DEVICE_TYPE, type).set(DeviceField.MANUFACTURER, "Example Medical").set(DeviceField.MODEL, model)
                .set(DeviceField.CRITICALITY, criticality).set(DeviceField.MISSION_IMPACT, mission)
                .set(DeviceField.NETWORK_EXPOSURE, exposure).set(DeviceField.NETWORKED, YesNoUnknown.YES), TestSites.TECHNICIAN);
    }

    private void manual(String cve, String model, String vector) {
        services.intelligence().addManual(new ManualVulnerabilities.Entry(cve, "Example Medical", model, "", vector, "vendor letter"),
                TestSites.TECHNICIAN);
    }

    private void unpatchable(Device device, Patchability value) {
        services.patchability().setForDevice(device.id(), value, "vendor letter", PatchabilityService.Source.VENDOR_LETTER,
                TestSites.MANAGER);
    }

    private SegmentationCase compute(String department, SystemExposure target) {
        return services.segmentationCases().compute(new SegmentationCriteria(department, null, null, target));
    }

    private static Map<String, String> decisions(SegmentationCase result, boolean now) {
        Map<String, String> decisions = new TreeMap<>();
        for (SegmentationCase.FindingChange finding : result.findings()) {
            decisions.put(finding.assetTag() + " " + finding.cveId(), (now ? finding.before() : finding.after()).word());
        }
        return decisions;
    }

    @Test
    void controlledTargetMatchesTheTables() {
        SegmentationCase result = compute("icu", SystemExposure.CONTROLLED);

        assertThat(decisions(result, true)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "ICU-CART-4 " + KEV_CVE, "scheduled",
                "ICU-MON-2 " + V2, "out-of-cycle",
                "ICU-PUMP-1 " + KEV_CVE, "immediate",
                "ICU-PUMP-1 " + V4, "scheduled",
                "ICU-WS-3 " + V3, "out-of-cycle")));
        assertThat(decisions(result, false)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "ICU-CART-4 " + KEV_CVE, "scheduled",
                "ICU-MON-2 " + V2, "out-of-cycle",
                "ICU-PUMP-1 " + KEV_CVE, "out-of-cycle",
                "ICU-PUMP-1 " + V4, "scheduled",
                "ICU-WS-3 " + V3, "scheduled")));
        assertThat(result.before()).containsEntry(Decision.IMMEDIATE, 1).containsEntry(Decision.OUT_OF_CYCLE, 2)
                .containsEntry(Decision.SCHEDULED, 2).containsEntry(Decision.DEFER, 0);
        assertThat(result.after()).containsEntry(Decision.IMMEDIATE, 0).containsEntry(Decision.OUT_OF_CYCLE, 2)
                .containsEntry(Decision.SCHEDULED, 3).containsEntry(Decision.DEFER, 0);
        assertThat(result.leavingImmediate()).isEqualTo(1);
        assertThat(result.leavingOutOfCycle()).isEqualTo(1);
        assertThat(result.findingsLowered()).isEqualTo(2);
        assertThat(result.findingsChangingDecision()).isEqualTo(2);
    }

    @Test
    void smallTargetLowersControlledFindingsToo() {
        SegmentationCase result = compute("ICU", SystemExposure.SMALL);

        assertThat(decisions(result, false)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "ICU-CART-4 " + KEV_CVE, "scheduled",
                "ICU-MON-2 " + V2, "out-of-cycle",
                "ICU-PUMP-1 " + KEV_CVE, "out-of-cycle",
                "ICU-PUMP-1 " + V4, "scheduled",
                "ICU-WS-3 " + V3, "scheduled")));
        assertThat(result.findingsLowered()).as("every finding but the cart's, which is small already").isEqualTo(4);
        assertThat(result.findings()).filteredOn(finding -> finding.assetTag().equals("ICU-CART-4")).singleElement()
                .satisfies(finding -> assertThat(finding.lowered()).isFalse());
    }

    @Test
    void exposureNowNamesItsSource() {
        SegmentationCase result = compute("ICU", SystemExposure.CONTROLLED);

        assertThat(result.findings()).filteredOn(finding -> finding.cveId().equals(V4)).singleElement()
                .satisfies(finding -> assertThat(finding.exposureReason()).isEqualTo("set for this finding by a user"));
        assertThat(result.findings()).filteredOn(finding -> finding.cveId().equals(V2)).singleElement().satisfies(finding -> {
            assertThat(finding.exposureBefore()).isEqualTo(SystemExposure.CONTROLLED);
            assertThat(finding.exposureReason()).contains("lowered from open to controlled").contains("Monitor VLAN");
        });
    }

    @Test
    void kevDevicesAndUnpatchableDevicesAreCounted() {
        SegmentationCase result = compute("ICU", SystemExposure.CONTROLLED);

        assertThat(result.devices()).as("the retired pump and the Radiology pump are left out").isEqualTo(5);
        assertThat(result.devicesWithOpenFindings()).isEqualTo(4);
        assertThat(result.kevDevices()).as("the pump and the cart").isEqualTo(2);
        assertThat(result.kevDevicesLowered()).as("the cart is small already").isEqualTo(1);
        assertThat(result.unpatchableDevices()).isEqualTo(3);
        assertThat(result.gainingControl()).extracting(SegmentationCase.UnpatchableDevice::assetTag)
                .as("the monitor already has a verified VLAN").containsExactly("ICU-OLD-5", "ICU-PUMP-1");
    }

    @Test
    void groupsByDeviceTypeWithinADepartment() {
        SegmentationCase result = compute("ICU", SystemExposure.CONTROLLED);

        assertThat(result.groupedBy()).isEqualTo("Device type");
        assertThat(result.groups()).containsExactly(
                new SegmentationCase.GroupRow("Infusion Pump", 1, 2, 1, 0, 0, 1),
                new SegmentationCase.GroupRow("Patient Monitor", 2, 1, 0, 0, 1, 1),
                new SegmentationCase.GroupRow("Workstation", 2, 2, 0, 0, 1, 0));
    }

    @Test
    void productAcrossDepartmentsGroupsByDepartment() {
        SegmentationCase result = services.segmentationCases().compute(new SegmentationCriteria(null, null, "example medical pump a",
                SystemExposure.CONTROLLED));

        assertThat(result.groupedBy()).isEqualTo("Department");
        assertThat(result.groups()).extracting(SegmentationCase.GroupRow::name, SegmentationCase.GroupRow::devices)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ICU", 1), org.assertj.core.groups.Tuple.tuple("Radiology", 1));
        assertThat(result.gainingControl()).extracting(SegmentationCase.UnpatchableDevice::assetTag)
                .containsExactly("ICU-PUMP-1", "RAD-7");
    }

    @Test
    void computingChangesNothingStored() {
        Map<String, Long> rowsBefore = rowCounts();
        ChainHead headBefore = services.auditChain().head();
        WorklistRow pumpBefore = services.findings().find("ICU-PUMP-1", KEV_CVE).orElseThrow();

        compute("ICU", SystemExposure.SMALL);
        compute("ICU", SystemExposure.CONTROLLED);

        assertThat(rowCounts()).isEqualTo(rowsBefore);
        assertThat(services.auditChain().head()).isEqualTo(headBefore);
        WorklistRow pumpAfter = services.findings().find("ICU-PUMP-1", KEV_CVE).orElseThrow();
        assertThat(pumpAfter.finding().decision()).isEqualTo("immediate");
        assertThat(pumpAfter.finding().exposure()).isEqualTo("open");
        assertThat(pumpAfter.finding().exposureOverride()).isNull();
        assertThat(pumpAfter.finding()).isEqualTo(pumpBefore.finding());
    }

    @Test
    void unknownDepartmentIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> compute("Cardiology", SystemExposure.CONTROLLED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No in-service device has the department 'Cardiology'. Departments: ICU, Radiology");
    }

    @Test
    void criteriaNeedADeviceChoiceAndALowerTarget() {
        assertThatThrownBy(() -> new SegmentationCriteria(" ", null, "", SystemExposure.SMALL))
                .hasMessageStartingWith("Choose the devices to segment");
        assertThatThrownBy(() -> new SegmentationCriteria("ICU", null, null, SystemExposure.OPEN))
                .hasMessageStartingWith("The target System Exposure must be small or controlled");
    }

    @Test
    void choicesListInServiceValues() {
        SegmentationCaseService.Choices choices = services.segmentationCases().choices();

        assertThat(choices.departments()).containsExactly("ICU", "Radiology");
        assertThat(choices.deviceTypes()).containsExactly("Infusion Pump", "Patient Monitor", "Workstation");
        assertThat(choices.products()).contains("Example Medical Pump A", "Example Medical Cart D");
    }

    private Map<String, Long> rowCounts() {
        return services.database().jdbi().withHandle(handle -> {
            Map<String, Long> counts = new TreeMap<>();
            for (String table : handle.createQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'"
                    + " AND table_type = 'BASE TABLE'").mapTo(String.class).list()) {
                counts.put(table, handle.createQuery("SELECT COUNT(*) FROM \"" + table + "\"").mapTo(Long.class).one());
            }
            return counts;
        });
    }
}
