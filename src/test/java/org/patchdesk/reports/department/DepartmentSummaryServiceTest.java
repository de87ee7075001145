package org.patchdesk.reports.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.reports.department.DepartmentSummary.HighPriorityFinding;
import org.patchdesk.reports.department.DepartmentSummary.UpcomingWindow;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.Role;
import org.patchdesk.windows.WindowStatus;
import org.patchdesk.workspace.Services;

class DepartmentSummaryServiceTest {

    @TempDir
    Path folder;

    private Services services;
    private DepartmentFixtures site;

    @BeforeEach
    void open() throws Exception {
        services = TestSites.open(folder.resolve("data"));
        site = DepartmentFixtures.build(services, folder);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void windowsInHorizonOfDepartmentOnly() {
        DepartmentSummary icu = services.departmentSummaries().summarize("ICU", 30);

        assertThat(icu.windows()).extracting(UpcomingWindow::id).containsExactly(site.wave1);
        UpcomingWindow wave1 = icu.windows().get(0);
        assertThat(wave1.status()).isEqualTo(WindowStatus.AWAITING_APPROVAL);
        assertThat(wave1.devices()).extracting(DepartmentSummary.AffectedDevice::assetTag).containsExactly("ICU-PUMP-1", "ICU-PUMP-2");
        assertThat(wave1.totalDowntimeMinutes()).isEqualTo(20);
        assertThat(wave1.devicesWithoutEstimate()).isEqualTo(1);
        assertThat(icu.windowDevices()).isEqualTo(2);
        assertThat(icu.totalDowntimeMinutes()).isEqualTo(20);
        assertThat(icu.lastDay()).isEqualTo(LocalDate.of(2027, 1, 2));
    }

    @Test
    void longerHorizonTakesLaterWindow() {
        DepartmentSummary icu = services.departmentSummaries().summarize("icu", 60);

        assertThat(icu.windows()).extracting(UpcomingWindow::id).containsExactly(site.wave1, site.wave2);
        assertThat(icu.windowDevices()).isEqualTo(2);
        assertThat(icu.totalDowntimeMinutes()).isEqualTo(50);
    }

    @Test
    void findingsOfDepartmentKevFirst() {
        DepartmentSummary icu = services.departmentSummaries().summarize("ICU", 30);

        assertThat(icu.findings()).hasSize(4);
        assertThat(icu.findings()).extracting(HighPriorityFinding::assetTag).containsOnly("ICU-PUMP-1", "ICU-PUMP-2");
        assertThat(icu.findings().subList(0, 2)).extracting(HighPriorityFinding::cveId).containsOnly(ControlFixtures.SECOND_CVE);
        assertThat(icu.findings().subList(0, 2)).allMatch(HighPriorityFinding::kev);
        assertThat(icu.kevCount()).isEqualTo(2);
        assertThat(icu.immediateCount() + icu.outOfCycleCount()).isEqualTo(4);
        assertThat(icu.findings().get(2).decision()).isEqualTo(Decision.OUT_OF_CYCLE);
        assertThat(icu.devicesWithFindings()).isEqualTo(2);
        assertThat(icu.byDevice()).hasSize(2);
        assertThat(icu.unplannedCount()).isZero();
    }

    @Test
    void plansNameWindowAcceptanceAndControl() {
        DepartmentSummary icu = services.departmentSummaries().summarize("ICU", 30);

        HighPriorityFinding first = icu.findings().stream().filter(finding -> finding.assetTag().equals("ICU-PUMP-1")).findFirst()
                .orElseThrow();
        HighPriorityFinding second = icu.findings().stream().filter(finding -> finding.assetTag().equals("ICU-PUMP-2")).findFirst()
                .orElseThrow();
        assertThat(first.plans()).containsExactly("Patch window Dec 7 (awaiting clinical approval)",
                "Risk acceptance " + site.icuHigh.number() + " (submitted)");
        assertThat(second.plans()).containsExactly("Patch window Dec 7 (awaiting clinical approval)", "Control: NDR sensor on pump VLAN");
    }

    @Test
    void decisionsNeededOfDepartmentOnly() {
        DepartmentSummary icu = services.departmentSummaries().summarize("ICU", 30);
        DepartmentSummary nicu = services.departmentSummaries().summarize("NICU", 30);

        assertThat(icu.awaitingApproval()).extracting(UpcomingWindow::id).containsExactly(site.wave1, site.wave2);
        assertThat(icu.acceptances()).extracting(DepartmentSummary.PendingAcceptance::id).containsExactly(site.icuHigh.id());
        assertThat(icu.acceptances().get(0).missingRoles()).contains(Role.CLINICAL_LEADER);
        assertThat(icu.acceptances().get(0).devices()).isEqualTo(1);
        assertThat(icu.supportEnding()).hasSize(1);
        assertThat(icu.supportEnding().get(0).what()).isEqualTo("Baxter Life 2000");
        assertThat(icu.supportEnding().get(0).endOfSupport()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(icu.supportEnding().get(0).assetTags()).containsExactly("ICU-PUMP-1", "ICU-PUMP-2");
        assertThat(icu.decisionsNeeded()).isEqualTo(4);

        assertThat(nicu.awaitingApproval()).isEmpty();
        assertThat(nicu.acceptances()).extracting(DepartmentSummary.PendingAcceptance::id).containsExactly(site.nicuHigh.id());
        assertThat(nicu.supportEnding().get(0).assetTags()).containsExactly("NICU-PUMP-1");
        assertThat(nicu.decisionsNeeded()).isEqualTo(2);
    }

    @Test
    void otherDepartmentHoldsOnlyItsItems() {
        DepartmentSummary nicu = services.departmentSummaries().summarize("NICU", 30);

        assertThat(nicu.department()).isEqualTo("NICU");
        assertThat(nicu.devicesInService()).isEqualTo(1);
        assertThat(nicu.windows()).extracting(UpcomingWindow::id).containsExactly(site.nicuWindow);
        assertThat(nicu.windows().get(0).approval().name()).isEqualTo("Noor Patel, RN");
        assertThat(nicu.totalDowntimeMinutes()).isEqualTo(45);
        assertThat(nicu.findings()).hasSize(2).allMatch(finding -> finding.assetTag().equals("NICU-PUMP-1"));
        assertThat(nicu.findings().get(0).plans()).containsExactly("Patch window Dec 8 (approved)",
                "Risk acceptance " + site.nicuHigh.number() + " (submitted)", "Risk acceptance " + site.nicuMedium.number() + " (submitted)");
    }

    @Test
    void unknownDepartmentListsKnownOnes() {
        assertThatThrownBy(() -> services.departmentSummaries().summarize("Burn Unit", 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No device in the inventory has the department 'Burn Unit'; known departments: ICU, NICU");
    }

    @Test
    void horizonOutsideRangeIsRejected() {
        assertThatThrownBy(() -> services.departmentSummaries().summarize("ICU", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The summary covers 1 to 366 days, not 0");
    }

    @Test
    void departmentsListsEachOnce() {
        assertThat(services.departmentSummaries().departments()).isEqualTo(List.of("ICU", "NICU"));
    }
}
