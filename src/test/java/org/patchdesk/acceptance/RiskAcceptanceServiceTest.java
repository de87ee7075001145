package org.patchdesk.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patchdesk.acceptance.AcceptanceFixtures.password;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.common.Actor;
import org.patchdesk.inventory.Device;
import org.patchdesk.risk.Finding;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.risk.WorklistQuery;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.AuthenticationException;
import org.patchdesk.users.Role;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.workspace.Services;

/** Risk acceptances on a real database; the test clock's today is 2026-12-04. */
class RiskAcceptanceServiceTest {

    private static final LocalDate TODAY = AcceptanceFixtures.today();
    private static final Actor TECHNICIAN = TestSites.TECHNICIAN;

    @TempDir
    Path folder;

    private Services services;
    private RiskAcceptanceService acceptances;
    private Device pump;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        acceptances = services.acceptances();
        pump = AcceptanceFixtures.site(services);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void reopenOn(LocalDate day) {
        services.close();
        Clock clock = Clock.fixed(day.atTime(7, 0).atZone(ZoneId.of("America/Chicago")).toInstant(), ZoneId.of("America/Chicago"));
        services = TestSites.open(folder.resolve("data"), clock);
        acceptances = services.acceptances();
    }

    private RiskAcceptance submitted(AcceptanceValues values) {
        RiskAcceptance draft = acceptances.createDraft(values, TECHNICIAN);
        return acceptances.submit(draft.id(), TECHNICIAN);
    }

    private RiskAcceptance approveMedium(RiskAcceptance submitted) {
        acceptances.sign(submitted.id(), "mmanager", password("mmanager"), SignatureMeaning.APPROVED, null, null);
        return acceptances.sign(submitted.id(), "cso", password("cso"), SignatureMeaning.APPROVED, "VLAN 40 verified", null);
    }

    private Finding finding(String tag, String cve) {
        return services.findings().find(tag, cve).map(WorklistRow::finding).orElseThrow();
    }

    private List<Finding> pumpFindings() {
        return services.findings().forDevice(pump.id()).stream().map(WorklistRow::finding).toList();
    }

    private int overdueCount() {
        return services.findings().count(WorklistQuery.everything().withOverdueOnly(true));
    }

    @Test
    void levelFollowsProductBands() {
        AcceptanceSettings settings = AcceptanceSettings.DEFAULTS;

        assertThat(settings.level(6)).isEqualTo(RiskLevel.LOW);
        assertThat(settings.level(8)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(settings.level(12)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(settings.level(15)).isEqualTo(RiskLevel.HIGH);
        assertThat(settings.level(25)).isEqualTo(RiskLevel.HIGH);
        assertThat(settings.band(RiskLevel.MEDIUM)).isEqualTo("8-14");
    }

    @Test
    void draftStoresEveryFieldAndRequester() {
        RiskAcceptance draft = acceptances.createDraft(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY), TECHNICIAN);

        assertThat(draft.storedState()).isEqualTo(AcceptanceState.DRAFT);
        assertThat(draft.requester()).isEqualTo("jtech");
        assertThat(draft.requesterName()).isEqualTo("Jamie Tech");
        assertThat(draft.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(draft.residualScore()).isEqualTo(9);
        assertThat(draft.endDate()).isEqualTo(LocalDate.of(2027, 12, 3));
        assertThat(draft.devices()).extracting(d -> d.assetTag()).containsExactly(AcceptanceFixtures.ICU_TAG);
        assertThat(draft.requiredRoles()).containsExactly(Role.HTM_MANAGER, Role.INFOSEC);
    }

    @Test
    void durationAboveMaximumIsRejected() {
        assertThatThrownBy(() -> acceptances.createDraft(AcceptanceFixtures.values(pump.id(), List.of(), TODAY, 3, 3, 13), TECHNICIAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("13 months is longer than the maximum of 12 months");
    }

    @Test
    void endOfLifeNeedsReplacementDate() {
        AcceptanceValues base = AcceptanceFixtures.medium(pump.id(), List.of(), TODAY);
        AcceptanceValues endOfLife = new AcceptanceValues(base.title(), AcceptanceReason.END_OF_LIFE, null, null, base.riskStatement(), 3,
                3, RiskDecision.ACCEPT, 6, TODAY, base.deviceIds(), List.of(), List.of());

        assertThatThrownBy(() -> acceptances.createDraft(endOfLife, TECHNICIAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the date the device is to be replaced");
    }

    @Test
    void approvalByRequiredRolesActivatesAndAcceptsFindings() {
        RiskAcceptance request = submitted(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY));

        RiskAcceptance afterManager = acceptances.sign(request.id(), "mmanager", password("mmanager"), SignatureMeaning.APPROVED, null,
                null);
        assertThat(afterManager.storedState()).isEqualTo(AcceptanceState.SUBMITTED);
        assertThat(acceptances.missingRoles(afterManager)).containsExactly(Role.INFOSEC);

        RiskAcceptance active = acceptances.sign(request.id(), "cso", password("cso"), SignatureMeaning.APPROVED, "VLAN 40 verified", null);

        assertThat(active.storedState()).isEqualTo(AcceptanceState.ACTIVE);
        assertThat(active.activatedOn()).isEqualTo(TODAY);
        assertThat(active.heldFindings()).hasSize(2);
        assertThat(pumpFindings()).extracting(Finding::statusValue).containsOnly(FindingStatus.RISK_ACCEPTED);
        assertThat(pumpFindings()).extracting(Finding::statusNote)
                .allMatch(note -> note.startsWith("Risk accepted under RA-" + request.id() + " until 2027-12-03"));
        assertThat(acceptances.signatures(request.id())).extracting(AcceptanceSignature::role)
                .containsExactly(Role.HTM_MANAGER, Role.INFOSEC);
        assertThat(finding(AcceptanceFixtures.NICU_TAG, "CVE-2026-40001").statusValue()).isEqualTo(FindingStatus.OPEN);
    }

    @Test
    void futureStartStaysApprovedUntilStartDate() {
        RiskAcceptance request = submitted(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY.plusDays(10)));

        RiskAcceptance approved = approveMedium(request);
        assertThat(approved.storedState()).isEqualTo(AcceptanceState.APPROVED);
        assertThat(pumpFindings()).extracting(Finding::statusValue).containsOnly(FindingStatus.OPEN);

        reopenOn(TODAY.plusDays(10));
        assertThat(acceptances.refresh(Actor.SYSTEM)).isEqualTo(1);

        assertThat(acceptances.get(request.id()).orElseThrow().storedState()).isEqualTo(AcceptanceState.ACTIVE);
        assertThat(pumpFindings()).extracting(Finding::statusValue).containsOnly(FindingStatus.RISK_ACCEPTED);
    }

    @Test
    void activeFindingsLeaveOverdueCount() {
        approveMedium(submitted(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY)));

        reopenOn(LocalDate.of(2027, 3, 1));

        assertThat(overdueCount()).isEqualTo(2);
        assertThat(services.findings().count(WorklistQuery.everything().withOverdueOnly(true).withDepartment("ICU")))
                .isZero();
        assertThat(pumpFindings()).noneMatch(f -> f.overdue(LocalDate.of(2027, 3, 1)));
    }

    @Test
    void expiringWithinWarningPeriod() {
        RiskAcceptance active = approveMedium(submitted(AcceptanceFixtures.values(pump.id(), List.of(), TODAY, 3, 3, 1)));

        assertThat(active.endDate()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(active.state(TODAY, 30)).isEqualTo(AcceptanceState.EXPIRING);
        assertThat(active.state(TODAY, 29)).isEqualTo(AcceptanceState.ACTIVE);
        assertThat(acceptances.expiringWithin(30)).extracting(RiskAcceptance::id).containsExactly(active.id());
        assertThat(acceptances.expiringWithin(29)).isEmpty();
        assertThat(acceptances.list(AcceptanceState.EXPIRING)).extracting(RiskAcceptance::id).containsExactly(active.id());
    }

    @Test
    void expiryReopensFindingsWithRestartedDueDates() {
        RiskAcceptance active = approveMedium(submitted(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY)));
        Finding before = finding(AcceptanceFixtures.ICU_TAG, "CVE-2026-40001");
        assertThat(before.clockStartedOn()).isEqualTo(TODAY);

        reopenOn(LocalDate.of(2027, 12, 3));
        assertThat(acceptances.refresh(Actor.SYSTEM)).isZero();
        reopenOn(LocalDate.of(2027, 12, 4));
        assertThat(acceptances.refresh(Actor.SYSTEM)).isEqualTo(1);

        RiskAcceptance expired = acceptances.get(active.id()).orElseThrow();
        assertThat(expired.storedState()).isEqualTo(AcceptanceState.EXPIRED);
        assertThat(expired.endedOn()).isEqualTo(LocalDate.of(2027, 12, 4));
        Finding reopened = finding(AcceptanceFixtures.ICU_TAG, "CVE-2026-40001");
        assertThat(reopened.statusValue()).isEqualTo(FindingStatus.OPEN);
        assertThat(reopened.clockStartedOn()).isEqualTo(LocalDate.of(2027, 12, 4));
        assertThat(reopened.dueDate()).isEqualTo(LocalDate.of(2027, 12, 4).plusDays(before.dueDate().toEpochDay() - TODAY.toEpochDay()));
        assertThat(reopened.statusNote()).contains("expired after 2027-12-03");
        assertThat(overdueCount()).isEqualTo(2);
    }

    @Test
    void closingEarlyReopensOnlyItsFindings() {
        RiskAcceptance active = approveMedium(submitted(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY)));
        services.findings().setStatus(finding(AcceptanceFixtures.ICU_TAG, "CVE-2026-40002").id(), FindingStatus.PATCHED, null,
                TECHNICIAN);

        RiskAcceptance closed = acceptances.close(active.id(), "Vendor patch installed", new Actor("mmanager"));

        assertThat(closed.storedState()).isEqualTo(AcceptanceState.CLOSED);
        assertThat(closed.endNote()).isEqualTo("Vendor patch installed");
        assertThat(finding(AcceptanceFixtures.ICU_TAG, "CVE-2026-40001").statusValue()).isEqualTo(FindingStatus.OPEN);
        assertThat(finding(AcceptanceFixtures.ICU_TAG, "CVE-2026-40002").statusValue()).isEqualTo(FindingStatus.PATCHED);
    }

    @Test
    void renewalCopiesScopeAndKeepsFindingsAccepted() {
        RiskAcceptance active = approveMedium(submitted(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY)));

        RiskAcceptance renewal = acceptances.renew(active.id(), TECHNICIAN);

        assertThat(renewal.storedState()).isEqualTo(AcceptanceState.DRAFT);
        assertThat(renewal.previousId()).isEqualTo(active.id());
        assertThat(renewal.startDate()).isEqualTo(LocalDate.of(2027, 12, 4));
        assertThat(renewal.devices()).isEqualTo(active.devices());
        assertThat(renewal.riskStatement()).isEqualTo(active.riskStatement());
        assertThatThrownBy(() -> acceptances.renew(active.id(), TECHNICIAN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has the renewal RA-" + renewal.id());

        acceptances.submit(renewal.id(), TECHNICIAN);
        approveMedium(acceptances.get(renewal.id()).orElseThrow());
        reopenOn(LocalDate.of(2027, 12, 4));
        assertThat(acceptances.refresh(Actor.SYSTEM)).isEqualTo(2);

        assertThat(acceptances.get(active.id()).orElseThrow().storedState()).isEqualTo(AcceptanceState.EXPIRED);
        assertThat(acceptances.get(renewal.id()).orElseThrow().storedState()).isEqualTo(AcceptanceState.ACTIVE);
        assertThat(pumpFindings()).extracting(Finding::statusValue).containsOnly(FindingStatus.RISK_ACCEPTED);
    }

    @Test
    void requesterCannotSign() {
        RiskAcceptance request = submitted(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY));

        assertThatThrownBy(() -> acceptances.sign(request.id(), "JTECH", password("jtech"), SignatureMeaning.APPROVED, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jtech requested RA-" + request.id() + " and cannot sign it");
        assertThat(acceptances.signatures(request.id())).isEmpty();
    }

    @Test
    void signerWithoutRequiredRoleIsRefused() {
        RiskAcceptance request = submitted(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY));

        assertThatThrownBy(() -> acceptances.sign(request.id(), "icu-lead", password("icu-lead"), SignatureMeaning.APPROVED, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds none of the roles still needed");
        assertThatThrownBy(() -> acceptances.sign(request.id(), "icu-lead", password("icu-lead"), SignatureMeaning.APPROVED, null,
                Role.INFOSEC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs the role InfoSec/CISO");
        assertThat(acceptances.signatures(request.id())).isEmpty();
    }

    @Test
    void oneUserCannotCoverTwoRoles() {
        services.users().setRoles("mmanager", java.util.Set.of(Role.HTM_MANAGER, Role.INFOSEC), new Actor("kwong"));
        RiskAcceptance request = submitted(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY));
        acceptances.sign(request.id(), "mmanager", password("mmanager"), SignatureMeaning.APPROVED, null, Role.HTM_MANAGER);

        assertThatThrownBy(() -> acceptances.sign(request.id(), "mmanager", password("mmanager"), SignatureMeaning.APPROVED, null,
                Role.INFOSEC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Morgan Manager has already signed RA-" + request.id() + " as HTM manager");
        assertThat(acceptances.signatures(request.id())).hasSize(1);
        assertThat(acceptances.get(request.id()).orElseThrow().storedState()).isEqualTo(AcceptanceState.SUBMITTED);
    }

    @Test
    void clinicalLeaderMustBelongToDepartment() {
        RiskAcceptance request = submitted(AcceptanceFixtures.values(pump.id(), List.of(), TODAY, 4, 4, 6));
        assertThat(request.requiredRoles()).containsExactly(Role.HTM_MANAGER, Role.INFOSEC, Role.CLINICAL_LEADER);

        assertThatThrownBy(() -> acceptances.sign(request.id(), "nicu-lead", password("nicu-lead"), SignatureMeaning.APPROVED, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belong to ICU; a clinical leader of that department must sign");
        assertThat(acceptances.signatures(request.id())).isEmpty();

        acceptances.sign(request.id(), "icu-lead", password("icu-lead"), SignatureMeaning.APPROVED, null, null);
        RiskAcceptance active = approveMedium(request);
        assertThat(active.storedState()).isEqualTo(AcceptanceState.ACTIVE);
    }

    @Test
    void wrongPasswordStoresNothing() {
        RiskAcceptance request = submitted(AcceptanceFixtures.values(pump.id(), List.of(), TODAY, 1, 2, 6));

        assertThatThrownBy(() -> acceptances.sign(request.id(), "mmanager", "wrong-password".toCharArray(), SignatureMeaning.APPROVED, null,
                null))
                .isInstanceOf(AuthenticationException.class);

        assertThat(acceptances.signatures(request.id())).isEmpty();
        assertThat(services.signatures().signaturesOf(RiskAcceptanceService.RECORD_TYPE, request.id())).isEmpty();
        assertThat(acceptances.get(request.id()).orElseThrow().storedState()).isEqualTo(AcceptanceState.SUBMITTED);
        assertThat(pumpFindings()).extracting(Finding::statusValue).containsOnly(FindingStatus.OPEN);
    }

    @Test
    void rejectingSignatureRejects() {
        RiskAcceptance request = submitted(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY));

        RiskAcceptance rejected = acceptances.sign(request.id(), "cso", password("cso"), SignatureMeaning.REJECTED, "Segment it first", null);

        assertThat(rejected.storedState()).isEqualTo(AcceptanceState.REJECTED);
        assertThat(rejected.endNote()).isEqualTo("Segment it first");
        assertThat(acceptances.signatures(request.id())).extracting(AcceptanceSignature::role).containsExactly(Role.INFOSEC);
        assertThatThrownBy(() -> acceptances.sign(request.id(), "mmanager", password("mmanager"), SignatureMeaning.APPROVED, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is rejected and cannot be signed");
    }

    @Test
    void lowRiskNeedsOnlyManager() {
        RiskAcceptance request = submitted(AcceptanceFixtures.values(pump.id(), List.of(), TODAY, 2, 3, 6));

        RiskAcceptance active = acceptances.sign(request.id(), "mmanager", password("mmanager"), SignatureMeaning.APPROVED, null, null);

        assertThat(request.level()).isEqualTo(RiskLevel.LOW);
        assertThat(active.storedState()).isEqualTo(AcceptanceState.ACTIVE);
    }

    @Test
    void approverSettingsApplyAtSubmission() {
        Map<RiskLevel, List<Role>> approvers = new java.util.EnumMap<>(AcceptanceSettings.DEFAULTS.approvers());
        approvers.put(RiskLevel.LOW, List.of(Role.INFOSEC));
        acceptances.saveSettings(new AcceptanceSettings(8, 15, approvers, 6, 14), new Actor("kwong"));

        RiskAcceptance request = submitted(AcceptanceFixtures.values(pump.id(), List.of(), TODAY, 1, 1, 6));

        assertThat(request.requiredRoles()).containsExactly(Role.INFOSEC);
        assertThat(acceptances.settings().maxMonths()).isEqualTo(6);
        assertThatThrownBy(() -> acceptances.saveSettings(AcceptanceSettings.DEFAULTS, TECHNICIAN))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void changesAreAudited() {
        RiskAcceptance active = approveMedium(submitted(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY)));

        List<AuditEntry> entries = services.database().jdbi().withExtension(AuditDao.class,
                dao -> dao.listByRecord(RiskAcceptanceService.RECORD_TYPE, active.id()));
        assertThat(entries).extracting(AuditEntry::summary).contains("Created risk acceptance draft",
                "Submitted risk acceptance for approval (medium residual risk)", "Approved risk acceptance",
                "Risk acceptance became active; 2 findings set to risk accepted");
        assertThat(entries).filteredOn(e -> e.summary().equals("Approved risk acceptance")).extracting(AuditEntry::actor)
                .containsExactly("cso");
    }

    @Test
    void noAccountsRefusesSubmission(@TempDir Path other) {
        try (Services empty = TestSites.open(other.resolve("data"))) {
            Device device = org.patchdesk.controls.ControlFixtures.pump(empty, "OR-PUMP-1", "OR");
            RiskAcceptance draft = empty.acceptances().createDraft(AcceptanceFixtures.medium(device.id(), List.of(), TODAY), TECHNICIAN);

            assertThat(empty.acceptances().signaturesAvailable()).isFalse();
            assertThatThrownBy(() -> empty.acceptances().submit(draft.id(), TECHNICIAN))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("this database has none. Create accounts");
        }
    }
}
