package org.patchdesk.patchlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.AuthenticationException;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.users.Signature;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.workspace.Services;

/** Patch decisions once PatchDesk has user accounts: electronic signatures of an HTM manager or InfoSec/CISO. */
class SignedDecisionTest {

    private static final Actor ADMIN = new Actor("kwong");
    private static final Actor TECHNICIAN = new Actor("jtech");

    @TempDir
    Path folder;

    private Services services;
    private PatchLogService log;
    private long monitorId;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        log = services.patchLog();
        PatchLogFixtures.seed(services);
        monitorId = services.devices().findByAssetTag("MON-1").orElseThrow().id();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void createAccounts() {
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of()), "admin-pass-1".toCharArray(),
                new Actor("kim"));
        user("mlee", "Morgan Lee", Role.HTM_MANAGER, "manager-pass");
        user("ppatel", "Priya Patel", Role.INFOSEC, "infosec-pass");
        user("jtech", "Jordan Tech", Role.HTM_TECHNICIAN, "tech-pass-1");
        user("dreyes", "Dana Reyes, RN", Role.CLINICAL_LEADER, "leader-pass");
        user("areader", "Alex Reader", Role.AUDITOR, "auditor-pass");
    }

    private void user(String name, String fullName, Role role, String password) {
        services.users().create(new NewUser(name, fullName, null, Set.of(role)), password.toCharArray(), ADMIN);
    }

    private DecisionToSign deferMonitor() {
        return new DecisionToSign(monitorId, null, "IntelliVue M.00.04", PatchDecision.Choice.DEFER, "Philips has not validated it");
    }

    private int count(String sql) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void htmManagerSignsDecision() {
        createAccounts();

        PatchDecision decision = log.signDecision(deferMonitor(), "MLee", "manager-pass".toCharArray(), TECHNICIAN);

        assertThat(log.decisionsAreSigned()).isTrue();
        assertThat(decision.approverName()).isEqualTo("Morgan Lee");
        assertThat(decision.approverRole()).isEqualTo("HTM manager");
        assertThat(decision.decidedAt()).isEqualTo(TestSites.CLOCK.instant());
        assertThat(decision.rationale()).isEqualTo("Philips has not validated it");
        assertThat(decision.recordedBy()).isEqualTo("jtech");
        Signature signature = decision.signature();
        assertThat(signature.userName()).isEqualTo("mlee");
        assertThat(signature.meaning()).isEqualTo(SignatureMeaning.APPROVED);
        assertThat(signature.comment()).isEqualTo("Philips has not validated it");
        assertThat(signature.signedAt()).isEqualTo(TestSites.CLOCK.instant());
        assertThat(services.signatures().signaturesOf(PatchLogService.DECISION_RECORD, decision.id())).containsExactly(signature);
        assertThat(log.decisions("")).containsExactly(decision);
    }

    @Test
    void decisionEntryReferencesSignature() {
        createAccounts();

        PatchDecision decision = log.signDecision(deferMonitor(), "ppatel", "infosec-pass".toCharArray(), TECHNICIAN);

        assertThat(decision.approverRole()).isEqualTo("InfoSec/CISO");
        String recorded = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT new_values FROM audit_entry"
                + " WHERE record_type = 'patch_decision' AND record_id = :id").bind("id", decision.id()).mapTo(String.class).one());
        assertThat(recorded)
                .contains("\"signature_id\":\"" + decision.signature().id() + "\"")
                .contains("\"signed_by\":\"ppatel\"");
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'electronic_signature' AND actor = 'ppatel'"))
                .isEqualTo(1);
        assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems()).isEmpty();
    }

    @Test
    void decisionAtAnInstantWithNanosecondsVerifies() {
        services.close();
        java.time.Clock nanos = java.time.Clock.fixed(java.time.Instant.parse("2026-12-04T13:00:00.168978859Z"),
                TestSites.CLOCK.getZone());
        services = TestSites.open(folder.resolve("nanos"), nanos);
        log = services.patchLog();
        PatchLogFixtures.seed(services);
        monitorId = services.devices().findByAssetTag("MON-1").orElseThrow().id();
        createAccounts();

        log.signDecision(deferMonitor(), "mlee", "manager-pass".toCharArray(), TECHNICIAN);

        assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems())
                .as("the database keeps microseconds; the entry recorded nanoseconds").isEmpty();
    }

    @Test
    void wrongPasswordStoresNothing() {
        createAccounts();

        assertThatThrownBy(() -> log.signDecision(deferMonitor(), "mlee", "manager-PASS".toCharArray(), TECHNICIAN))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("The user name mlee and this password do not match; check both and try again");

        assertThat(count("SELECT COUNT(*) FROM patch_decision")).isZero();
        assertThat(count("SELECT COUNT(*) FROM electronic_signature")).isZero();
    }

    @Test
    void technicianMayNotSign() {
        createAccounts();

        assertThatThrownBy(() -> log.signDecision(deferMonitor(), "jtech", "tech-pass-1".toCharArray(), TECHNICIAN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("User jtech (HTM technician) cannot sign a patch decision: a decision to deploy, defer or reject an update"
                        + " is signed by an HTM manager or InfoSec/CISO, who answer for the devices and for their vulnerability risk;"
                        + " ask one of them to sign");

        assertThat(count("SELECT COUNT(*) FROM patch_decision")).isZero();
        assertThat(count("SELECT COUNT(*) FROM electronic_signature")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE record_type IN ('patch_decision', 'electronic_signature')")).isZero();
    }

    @Test
    void clinicalLeaderMayNotSign() {
        createAccounts();

        assertThatThrownBy(() -> log.signDecision(deferMonitor(), "dreyes", "leader-pass".toCharArray(), TECHNICIAN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("User dreyes (Clinical leader) cannot sign a patch decision");
    }

    @Test
    void auditorMayNotSign() {
        createAccounts();

        assertThatThrownBy(() -> log.signDecision(deferMonitor(), "areader", "auditor-pass".toCharArray(), TECHNICIAN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("User areader has the role Auditor (read-only) only and cannot sign records");

        assertThat(count("SELECT COUNT(*) FROM patch_decision")).isZero();
    }

    @Test
    void auditorMayNotRecordDecision() {
        createAccounts();

        assertThatThrownBy(() -> log.signDecision(deferMonitor(), "mlee", "manager-pass".toCharArray(), new Actor("areader")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auditors only read");

        assertThat(count("SELECT COUNT(*) FROM patch_decision")).isZero();
        assertThat(count("SELECT COUNT(*) FROM electronic_signature")).isZero();
    }

    @Test
    void deactivatedAccountMayNotSign() {
        createAccounts();
        services.users().deactivate("mlee", ADMIN);

        assertThatThrownBy(() -> log.signDecision(deferMonitor(), "mlee", "manager-pass".toCharArray(), TECHNICIAN))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("The account mlee is deactivated; ask an administrator to reactivate it");

        assertThat(count("SELECT COUNT(*) FROM patch_decision")).isZero();
    }

    @Test
    void signedRationaleFitsSignatureComment() {
        createAccounts();
        DecisionToSign longRationale = new DecisionToSign(monitorId, null, "IntelliVue M.00.04", PatchDecision.Choice.DEFER,
                "x".repeat(2001));

        assertThatThrownBy(() -> log.signDecision(longRationale, "mlee", "manager-pass".toCharArray(), TECHNICIAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Rationale is 2001 characters long; at most 2000 fit");
    }

    @Test
    void typedDecisionWorksWithoutAccounts() {
        PatchDecision typed = log.recordDecision(new NewDecision(monitorId, null, "IntelliVue M.00.04", PatchDecision.Choice.REJECT,
                "Lee Park", "CISO", "Philips has not validated it", PatchLogFixtures.TUESDAY), TestSites.MANAGER);

        assertThat(log.decisionsAreSigned()).isFalse();
        assertThat(typed.signed()).isFalse();
        assertThat(typed.approverName()).isEqualTo("Lee Park");
        assertThat(typed.decidedAt()).isEqualTo(PatchLogFixtures.TUESDAY);
    }

    @Test
    void typedDecisionRejectedOnceAccountsExist() {
        PatchDecision earlier = log.recordDecision(new NewDecision(monitorId, null, "IntelliVue M.00.03", PatchDecision.Choice.DEPLOY,
                "Lee Park", "CISO", "Validated by Philips", PatchLogFixtures.TUESDAY), TestSites.MANAGER);
        createAccounts();

        assertThatThrownBy(() -> log.recordDecision(new NewDecision(monitorId, null, "IntelliVue M.00.04", PatchDecision.Choice.REJECT,
                "Lee Park", "CISO", "Philips has not validated it", PatchLogFixtures.TUESDAY), TECHNICIAN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PatchDesk has user accounts, so a patch decision is an electronic signature: the HTM manager or"
                        + " InfoSec/CISO who approves it signs with their user name and password");

        PatchDecision signed = log.signDecision(deferMonitor(), "mlee", "manager-pass".toCharArray(), TECHNICIAN);
        assertThat(log.decisions("")).containsExactly(signed, earlier);
        assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems()).isEmpty();
    }
}
