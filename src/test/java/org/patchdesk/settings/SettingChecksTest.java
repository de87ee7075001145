package org.patchdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.acceptance.AcceptanceSettings;
import org.patchdesk.acceptance.RiskLevel;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditFilter;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.governance.MetricsService;
import org.patchdesk.risk.SettingsService;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.users.UserService;
import org.patchdesk.workspace.Services;

/** The checks and change rejections of the services whose settings the Settings dialog edits. */
class SettingChecksTest {

    private static final Actor ADMIN = new Actor("kwong");
    private static final Actor AUDITOR = new Actor("aaudit");

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void accounts() {
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of(Role.ADMINISTRATOR)),
                "admin-pass-1".toCharArray(), new Actor("kim"));
        services.users().create(new NewUser("jtech", null, null, Set.of(Role.HTM_TECHNICIAN)), "tech-pass-1".toCharArray(), ADMIN);
        services.users().create(new NewUser("aaudit", null, null, Set.of(Role.AUDITOR)), "audit-pass-1".toCharArray(), ADMIN);
    }

    @Test
    void lockMinutesChecked() {
        assertThatCode(() -> UserService.checkLockMinutes(0)).doesNotThrowAnyException();
        assertThatCode(() -> UserService.checkLockMinutes(480)).doesNotThrowAnyException();
        assertThatThrownBy(() -> UserService.checkLockMinutes(481)).hasMessage("The lock needs 0 (off) to 480 minutes, not 481");
        assertThatThrownBy(() -> UserService.checkLockMinutes(-1)).hasMessage("The lock needs 0 (off) to 480 minutes, not -1");
    }

    @Test
    void windowDaysChecked() {
        assertThatCode(() -> MetricsService.checkWindowDays(1)).doesNotThrowAnyException();
        assertThatCode(() -> MetricsService.checkWindowDays(365)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MetricsService.checkWindowDays(0)).hasMessage("The patch window is a number of days from 1 to 365, not 0");
        assertThatThrownBy(() -> MetricsService.checkWindowDays(366)).hasMessageEndingWith("not 366");
    }

    @Test
    void acceptanceRulesCheckedOneByOne() {
        assertThatCode(() -> AcceptanceSettings.checkBands(2, 25)).doesNotThrowAnyException();
        assertThatThrownBy(() -> AcceptanceSettings.checkBands(10, 10))
                .hasMessage("The residual risk bands need 2 <= medium from < high from <= 25, not medium from 10 and high from 10");
        assertThatThrownBy(() -> AcceptanceSettings.checkMaxMonths(37)).hasMessageEndingWith("needs 1 to 36 months, not 37");
        assertThatThrownBy(() -> AcceptanceSettings.checkWarningDays(366)).hasMessageEndingWith("needs 0 to 365 days, not 366");
        assertThatThrownBy(() -> AcceptanceSettings.checkApprovers(RiskLevel.HIGH, List.of()))
                .hasMessage("A high residual risk needs at least one approving role");
        assertThatThrownBy(() -> AcceptanceSettings.checkApprovers(RiskLevel.LOW, List.of(Role.AUDITOR)))
                .hasMessageStartingWith("Auditors cannot sign");
        assertThat(AcceptanceSettings.SIGNING_ROLES).doesNotContain(Role.AUDITOR).hasSize(Role.values().length - 1);
    }

    @Test
    void everyoneMayChangeWithoutAccounts() {
        assertThat(services.siteSettings().changeRejection(AUDITOR)).isEmpty();
        assertThat(services.settings().changeRejection(AUDITOR)).isEmpty();
        assertThat(services.windowRules().changeRejection(AUDITOR)).isEmpty();
        assertThat(services.users().lockRejection(AUDITOR)).isEmpty();
        assertThat(services.metrics().changeRejection(AUDITOR)).isEmpty();
    }

    @Test
    void technicianChangesScoringButNotAdministratorSettings() {
        accounts();

        assertThat(services.settings().changeRejection(TestSites.TECHNICIAN)).isEmpty();
        assertThat(services.windowRules().changeRejection(TestSites.TECHNICIAN)).isEmpty();
        assertThat(services.users().lockRejection(TestSites.TECHNICIAN)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("Only an administrator can set the inactivity lock. User jtech (HTM technician) cannot do this"));
        assertThat(services.metrics().changeRejection(TestSites.TECHNICIAN)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("Only an administrator can change the patch window of the metrics."));
        assertThat(services.users().lockRejection(ADMIN)).isEmpty();
        assertThat(services.metrics().changeRejection(ADMIN)).isEmpty();
    }

    @Test
    void auditorMayChangeNoSetting() {
        accounts();

        assertThat(services.settings().changeRejection(AUDITOR)).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("Any user but an auditor can change the scoring settings. User aaudit has the role Auditor (read-only) and"
                        + " cannot change records; auditors only read"));
        assertThat(services.windowRules().changeRejection(AUDITOR)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("Any user but an auditor can change the patch window rules."));
        assertThatThrownBy(() -> services.settings().save(Map.of("feed.stale.kev.days", "20"), AUDITOR, ProgressMonitor.NONE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void staleLimitSavedAndAuditedAsOneSetting() {
        services.settings().save(Map.of("feed.stale.epss.days", "10"), TestSites.TECHNICIAN, ProgressMonitor.NONE);

        assertThat(services.settings().current().epssStaleDays()).isEqualTo(10);
        List<AuditEntry> entries = services.auditTrail().find(new AuditFilter(null, SettingsService.RECORD_TYPE, null, null, null, null),
                10);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.summary()).isEqualTo("Changed 1 scoring setting");
            assertThat(entry.oldValues()).containsExactlyEntriesOf(Map.of("feed.stale.epss.days", "7"));
            assertThat(entry.newValues()).containsExactlyEntriesOf(Map.of("feed.stale.epss.days", "10"));
        });
    }
}
