package org.patchdesk.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.controls.ControlValues;
import org.patchdesk.inventory.Device;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.Role;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.workspace.Services;

/** The rules the acceptance screen reads from the service: allowed actions, control warnings, finding search and settings. */
class AcceptanceRulesTest {

    private static final LocalDate TODAY = AcceptanceFixtures.today();
    private static final Actor ADMIN = new Actor("kwong");

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

    private CompensatingControl control(String title, LocalDate verified, LocalDate next) {
        return services.controls().create(new ControlValues("network-segmentation", title, null, "Network team", verified, next, null),
                TestSites.TECHNICIAN);
    }

    @Test
    void rejectionsFollowStoredState() {
        RiskAcceptance draft = acceptances.createDraft(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY), TestSites.TECHNICIAN);

        Map<AcceptanceAction, String> draftRejections = acceptances.rejectedActions(draft);

        assertThat(draftRejections.keySet()).containsExactlyInAnyOrder(AcceptanceAction.SIGN, AcceptanceAction.RENEW);
        assertThat(draftRejections.get(AcceptanceAction.SIGN))
                .isEqualTo("RA-" + draft.id() + " is draft and cannot be signed; only submitted acceptances can");
        assertThat(draftRejections.get(AcceptanceAction.RENEW))
                .isEqualTo("RA-" + draft.id() + " is draft and cannot be renewed; only active, expired or closed acceptances can");

        RiskAcceptance submitted = acceptances.submit(draft.id(), TestSites.TECHNICIAN);

        assertThat(acceptances.rejectedActions(submitted).keySet())
                .containsExactlyInAnyOrder(AcceptanceAction.EDIT, AcceptanceAction.SUBMIT, AcceptanceAction.RENEW);
    }

    @Test
    void rejectionsMatchActionErrors() {
        RiskAcceptance draft = acceptances.createDraft(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY), TestSites.TECHNICIAN);
        String rejection = acceptances.rejectedActions(draft).get(AcceptanceAction.RENEW);

        assertThatThrownBy(() -> acceptances.renew(draft.id(), TestSites.TECHNICIAN))
                .isInstanceOf(IllegalStateException.class).hasMessage(rejection);
    }

    @Test
    void renewalUnderWayRefusesSecondRenewal() {
        RiskAcceptance request = acceptances.submit(acceptances.createDraft(AcceptanceFixtures.medium(pump.id(), List.of(), TODAY),
                TestSites.TECHNICIAN).id(), TestSites.TECHNICIAN);
        acceptances.sign(request.id(), "mmanager", AcceptanceFixtures.password("mmanager"), SignatureMeaning.APPROVED, null, null);
        RiskAcceptance active = acceptances.sign(request.id(), "cso", AcceptanceFixtures.password("cso"), SignatureMeaning.APPROVED, null,
                null);
        assertThat(acceptances.rejectedActions(active)).doesNotContainKey(AcceptanceAction.RENEW);

        RiskAcceptance renewal = acceptances.renew(active.id(), TestSites.TECHNICIAN);

        assertThat(acceptances.rejectedActions(active).get(AcceptanceAction.RENEW))
                .isEqualTo("RA-" + active.id() + " already has the renewal RA-" + renewal.id() + " under way; continue that one");
    }

    @Test
    void rejectionsNameMissingAccounts() {
        services.close();
        services = TestSites.open(folder.resolve("no-accounts"));
        Device device = ControlFixtures.pump(services, "ICU-PUMP-9", "ICU");
        RiskAcceptance draft = services.acceptances().createDraft(AcceptanceFixtures.medium(device.id(), List.of(), TODAY),
                TestSites.TECHNICIAN);

        Map<AcceptanceAction, String> rejections = services.acceptances().rejectedActions(draft);

        assertThat(rejections.get(AcceptanceAction.SUBMIT)).startsWith("This database has no user accounts");
        assertThat(rejections).doesNotContainKey(AcceptanceAction.EDIT);
    }

    @Test
    void controlWarningsForLapsingVerification() {
        CompensatingControl lapsing = control("Pumps on VLAN 40", LocalDate.of(2026, 11, 20), LocalDate.of(2027, 5, 20));
        CompensatingControl overdue = control("Old ACL", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 7, 5));
        CompensatingControl unverified = control("Planned firewall", null, null);
        CompensatingControl lasting = control("Long-term segment", LocalDate.of(2026, 11, 20), LocalDate.of(2028, 1, 31));
        LocalDate end = LocalDate.of(2027, 12, 3);

        List<String> warnings = acceptances.controlWarnings(List.of(lapsing.id(), overdue.id(), unverified.id(), lasting.id()), end);

        assertThat(warnings).containsExactly(
                "The control \"Pumps on VLAN 40\" is due for verification on 2027-05-20, before the acceptance ends on 2027-12-03;"
                        + " if it is not verified again by then, the acceptance relies on an overdue control.",
                "The control \"Old ACL\" is overdue for verification since 2026-07-06 and does not count until it is verified again.",
                "The control \"Planned firewall\" has not been verified, so it does not count as a compensating control yet.");
        assertThat(acceptances.controlWarnings(List.of(lapsing.id()), LocalDate.of(2027, 5, 20))).isEmpty();
    }

    @Test
    void warnedDraftCanStillBeSubmitted() {
        CompensatingControl lapsing = control("Pumps on VLAN 40", LocalDate.of(2026, 11, 20), LocalDate.of(2027, 5, 20));
        RiskAcceptance draft = acceptances.createDraft(AcceptanceFixtures.medium(pump.id(), List.of(lapsing.id()), TODAY),
                TestSites.TECHNICIAN);
        assertThat(acceptances.controlWarnings(draft)).hasSize(1);

        RiskAcceptance submitted = acceptances.submit(draft.id(), TestSites.TECHNICIAN);

        assertThat(submitted.storedState()).isEqualTo(AcceptanceState.SUBMITTED);
        assertThat(acceptances.form(draft.id()).controlWarnings()).isEqualTo(acceptances.controlWarnings(draft));
    }

    @Test
    void findingSearchFiltersByCveKevAndDevice() throws Exception {
        Path kev = Files.writeString(folder.resolve("kev.json"), """
                {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.12.01",
                 "dateReleased": "2026-12-01T12:00:00.0000Z", "count": 1, "vulnerabilities": [
                  {"cveID": "CVE-2026-40002", "vendorProject": "Baxter", "product": "Life 2000",
                   "vulnerabilityName": "Baxter Life 2000 Remote Code Execution",
                   "dateAdded": "2026-12-01", "shortDescription": "Remote code execution.", "requiredAction": "Apply updates.",
                   "dueDate": "2026-12-22", "knownRansomwareCampaignUse": "Unknown", "notes": "", "cwes": []}]}
                """);
        services.intelligence().importKev(kev, TestSites.TECHNICIAN, ProgressMonitor.NONE);

        List<ScopeFinding> byCve = acceptances.searchFindings(new FindingSearch("40001", false, null, null, false));
        List<ScopeFinding> kevOnly = acceptances.searchFindings(new FindingSearch(null, true, null, null, false));
        List<ScopeFinding> kevInNicu = acceptances.searchFindings(new FindingSearch("", true, "nicu", null, false));
        List<ScopeFinding> ofPump = acceptances.searchFindings(new FindingSearch(null, false, null, pump.id(), false));

        assertThat(byCve).extracting(ScopeFinding::label).containsExactly(
                "ICU-PUMP-1 CVE-2026-40001 (Critical 9.8, open)", "NICU-PUMP-1 CVE-2026-40001 (Critical 9.8, open)");
        assertThat(kevOnly).extracting(ScopeFinding::label).containsExactly(
                "ICU-PUMP-1 CVE-2026-40002 (Critical 9.8, KEV, open)", "NICU-PUMP-1 CVE-2026-40002 (Critical 9.8, KEV, open)");
        assertThat(kevInNicu).extracting(ScopeFinding::assetTag).containsExactly(AcceptanceFixtures.NICU_TAG);
        assertThat(ofPump).extracting(ScopeFinding::cveId).containsExactly(ControlFixtures.FIRST_CVE, ControlFixtures.SECOND_CVE);
        assertThat(ofPump.get(0).department()).isEqualTo("ICU");
        assertThat(ofPump.get(0).status()).isEqualTo(FindingStatus.OPEN);
    }

    @Test
    void invalidDraftNamesField() {
        AcceptanceValues base = AcceptanceFixtures.medium(pump.id(), List.of(), TODAY);
        AcceptanceValues noStatement = new AcceptanceValues(base.title(), base.reason(), null, null, " ", 3, 3, base.decision(), 12,
                TODAY, base.deviceIds(), List.of(), List.of());

        assertThatThrownBy(() -> acceptances.createDraft(noStatement, TestSites.TECHNICIAN))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo(RiskAcceptanceService.FIELD_STATEMENT));
    }

    @Test
    void settingsChangeIsAuditedByKey() {
        Map<RiskLevel, List<Role>> approvers = new EnumMap<>(AcceptanceSettings.DEFAULTS.approvers());
        AcceptanceSettings longer = new AcceptanceSettings(8, 15, approvers, 18, 30);

        List<String> changed = acceptances.saveSettings(longer, ADMIN);
        List<String> unchanged = acceptances.saveSettings(longer, ADMIN);

        assertThat(changed).containsExactly(AcceptanceSettings.MAX_MONTHS_KEY);
        assertThat(unchanged).isEmpty();
        assertThat(acceptances.settings().maxMonths()).isEqualTo(18);
        List<AuditEntry> entries = services.database().jdbi().withExtension(AuditDao.class, dao -> dao.listNewest(1000)).stream()
                .filter(entry -> "risk acceptance settings".equals(entry.recordLabel())).toList();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).actor()).isEqualTo("kwong");
        assertThat(entries.get(0).oldValues()).isEqualTo(Map.of(AcceptanceSettings.MAX_MONTHS_KEY, "12"));
        assertThat(entries.get(0).newValues()).isEqualTo(Map.of(AcceptanceSettings.MAX_MONTHS_KEY, "18"));
    }

    @Test
    void onlyAdministratorMayChangeSettings() {
        assertThat(acceptances.settingsRejection(ADMIN)).isEmpty();
        assertThat(acceptances.settingsRejection(TestSites.TECHNICIAN)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("Only an administrator can change the risk acceptance settings.").contains("jtech"));
        assertThatThrownBy(() -> acceptances.saveSettings(AcceptanceSettings.DEFAULTS, TestSites.TECHNICIAN))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void settingsOutsideBoundsAreRejected() {
        assertThatThrownBy(() -> new AcceptanceSettings(8, 15, AcceptanceSettings.DEFAULTS.approvers(), 37, 30))
                .hasMessage("The maximum duration of a risk acceptance needs 1 to 36 months, not 37");
        assertThatThrownBy(() -> new AcceptanceSettings(8, 15, AcceptanceSettings.DEFAULTS.approvers(), 0, 30))
                .hasMessage("The maximum duration of a risk acceptance needs 1 to 36 months, not 0");
        assertThatThrownBy(() -> new AcceptanceSettings(8, 15, AcceptanceSettings.DEFAULTS.approvers(), 12, 366))
                .hasMessage("The warning period of a risk acceptance needs 0 to 365 days, not 366");
    }

    @Test
    void rulesTextListsEverySetting() {
        assertThat(AcceptanceSettings.DEFAULTS.rulesText()).isEqualTo("Residual risk (likelihood x severity): low 1-7, medium 8-14,"
                + " high 15-25. Approvers: low HTM manager; medium HTM manager + InfoSec/CISO; high HTM manager + InfoSec/CISO"
                + " + Clinical leader. Maximum duration 12 months; an active acceptance is expiring 30 days before its end date.");
    }
}
