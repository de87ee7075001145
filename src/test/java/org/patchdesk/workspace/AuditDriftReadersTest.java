package org.patchdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchdesk.acceptance.AcceptanceReason;
import org.patchdesk.acceptance.AcceptanceValues;
import org.patchdesk.acceptance.RiskAcceptance;
import org.patchdesk.acceptance.RiskAcceptanceService;
import org.patchdesk.acceptance.RiskDecision;
import org.patchdesk.audit.AuditProblem;
import org.patchdesk.audit.AuditProblem.Kind;
import org.patchdesk.audit.AuditVerification;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlService;
import org.patchdesk.controls.ControlValues;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.recovery.RecoveryProtocol;
import org.patchdesk.recovery.RecoveryProtocolValues;
import org.patchdesk.storage.Database;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.users.SignatureMeaning;

/**
 * The audit check of risk acceptances, signatures, user accounts, compensating controls and
 * recovery protocols on the demo data: untouched, then changed through the services, and then with
 * one field of each type changed with plain SQL. The demo is loaded once and copied for each test.
 */
class AuditDriftReadersTest {

    private static final Actor ADMIN = new Actor("kwong");
    private static final Actor TECHNICIAN = new Actor("jtech");
    private static final LocalDate TODAY = LocalDate.now(TestSites.CLOCK);

    @TempDir
    static Path shared;

    private static Path demo;
    private static Path changed;
    private static AuditVerification untouched;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadDemoAndChangeThroughServices() throws Exception {
        demo = shared.resolve("demo");
        try (Services services = TestSites.open(demo)) {
            DemoData.loadIfEmpty(services, TestSites.TECHNICIAN, ProgressMonitor.NONE);
            untouched = services.auditVerifier().verify(ProgressMonitor.NONE);
        }
        changed = shared.resolve("changed");
        copyFolder(demo, changed);
        Path site = shared.resolve("site");
        try (Services siteServices = TestSites.open(site); Services services = TestSites.open(changed)) {
            siteServices.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", "Clinical Engineering", Set.of()),
                    password("kwong"), new Actor("kim"));
            siteServices.users().create(new NewUser("mlee", "Morgan Lee", null, Set.of(Role.HTM_TECHNICIAN)), password("mlee"), ADMIN);
            services.users().copyAccounts(siteServices.users().storedAccounts(), Actor.SYSTEM);
            changeThroughServices(services);
            siteServices.users().setRoles("mlee", Set.of(Role.IT_NETWORK), ADMIN);
            services.users().copyAccounts(siteServices.users().storedAccounts(), Actor.SYSTEM);
            services.users().reactivate("jtech", ADMIN);
            services.users().setRoles("jtech", Set.of(Role.HTM_TECHNICIAN, Role.HTM_MANAGER), ADMIN);
        }
    }

    private static char[] password(String userName) {
        return (userName + "-pass1").toCharArray();
    }

    /** Changes accounts, controls, protocols and acceptances through the services, as users of the demo would. */
    private static void changeThroughServices(Services services) {
        services.users().create(new NewUser("jtech", "Jamie Tech", "Clinical Engineering", Set.of(Role.HTM_TECHNICIAN)),
                password("jtech"), ADMIN);
        services.users().create(new NewUser("mmanager", "Morgan Manager", "Clinical Engineering", Set.of(Role.HTM_MANAGER)),
                password("mmanager"), ADMIN);
        services.users().create(new NewUser("cso", "Casey Lee", "Information Security", Set.of(Role.INFOSEC)), password("cso"), ADMIN);
        services.users().setRoles("mlee", Set.of(Role.HTM_TECHNICIAN, Role.AUDITOR), ADMIN);
        services.users().resetPassword("cso", password("cso"), ADMIN);
        services.users().changeOwnPassword(new Actor("mmanager"), password("mmanager"), password("mmanager"));
        services.users().deactivate("mlee", ADMIN);

        List<Long> devices = ids(services, "SELECT id FROM device WHERE id IN (SELECT device_id FROM finding) ORDER BY id LIMIT 6");
        List<Long> findings = ids(services, "SELECT id FROM finding WHERE device_id = " + devices.get(2) + " ORDER BY id");
        ControlService controls = services.controls();
        CompensatingControl vlan = controls.create(new ControlValues("network-segmentation", "Pumps on VLAN 40", "ACL on the core switch",
                "Network team", TODAY.minusMonths(1), TODAY.plusMonths(5), "ACL-40"), TECHNICIAN);
        controls.coverDevices(vlan.id(), List.of(devices.get(1), devices.get(0), devices.get(3)), TECHNICIAN);
        controls.uncoverDevices(vlan.id(), List.of(devices.get(0)), TECHNICIAN);
        controls.coverFindings(vlan.id(), findings, TECHNICIAN);
        long evidence = controls.addDocument(vlan.id(), "/share/evidence/vlan40.pdf", TECHNICIAN).id();
        controls.addDocument(vlan.id(), "/share/evidence/acl-export.txt", TECHNICIAN);
        controls.removeDocument(evidence, TECHNICIAN);
        controls.update(vlan.id(), new ControlValues("firewall-acl", "Pumps behind ACL 40", null, "Network team", TODAY.minusMonths(1),
                TODAY.plusMonths(5), "ACL-40"), TECHNICIAN);
        controls.recordVerification(vlan.id(), null, TODAY.plusMonths(6), TECHNICIAN);
        CompensatingControl lapsed = controls.create(new ControlValues("monitoring", "Pump traffic monitoring", null, "InfoSec",
                TODAY.minusMonths(8), TODAY.minusMonths(2), null), TECHNICIAN);
        controls.coverDevices(lapsed.id(), List.of(devices.get(4)), TECHNICIAN);
        controls.applyOverdue(TECHNICIAN);
        CompensatingControl removed = controls.create(new ControlValues("other", "Temporary cart lock", null, "HTM", null, null, null),
                TECHNICIAN);
        controls.coverDevices(removed.id(), List.of(devices.get(1)), TECHNICIAN);
        controls.delete(removed.id(), TECHNICIAN);

        long product = ids(services, "SELECT product_id FROM device WHERE id = " + devices.get(1)).get(0);
        RecoveryProtocol forProduct = services.recoveryProtocols().create(new RecoveryProtocolValues(product, null,
                "Use the standby pumps", "Unplug the network cable", "Reimage from the vendor USB", null, null, "HTM manager", null,
                TODAY.minusDays(10), "Morgan Manager", TODAY.plusMonths(12), List.of("/share/b.pdf", "/share/a.pdf")), TECHNICIAN);
        services.recoveryProtocols().update(forProduct.id(), new RecoveryProtocolValues(product, null, "Use the standby pumps",
                null, "Reimage from the vendor USB", "Backup server 2", null, "HTM manager", "Morgan Manager", TODAY.minusDays(10),
                "Morgan Manager", TODAY.plusMonths(12), List.of("/share/a.pdf", "/share/b.pdf", "/share/c.pdf")), TECHNICIAN);
        services.recoveryProtocols().create(new RecoveryProtocolValues(null, devices.get(3), "Paper charting", null, null, null,
                "Vendor hotline 1-800-555-0100", null, "Dana Reyes", null, null, null, null), TECHNICIAN);
        Device retagged = services.devices().findById(devices.get(3)).orElseThrow();
        services.devices().update(retagged.id(), retagged.values().copy().set(DeviceField.ASSET_TAG, "RETAGGED-1"), TECHNICIAN);
        services.recoveryProtocols().create(new RecoveryProtocolValues(null, devices.get(5), "Paper charting", null, null, null, null,
                "Charge nurse", null, null, null, null, null), TECHNICIAN);
        services.devices().delete(devices.get(5), TECHNICIAN);
        services.devices().delete(devices.get(4), TECHNICIAN);

        RiskAcceptanceService acceptances = services.acceptances();
        AcceptanceValues values = new AcceptanceValues("Pumps awaiting the vendor patch", AcceptanceReason.AWAITING_VALIDATION, null,
                null, "Remote code execution could stop infusions; the pumps sit behind ACL 40.", 3, 3, RiskDecision.ACCEPT, 12, TODAY,
                List.of(devices.get(3), devices.get(1)), List.of(findings.get(findings.size() - 1)), List.of(vlan.id()));
        RiskAcceptance active = acceptances.createDraft(values, TECHNICIAN);
        acceptances.updateDraft(active.id(), new AcceptanceValues(values.title(), AcceptanceReason.OTHER, "Vendor validation pending",
                null, values.riskStatement(), 3, 4, RiskDecision.MITIGATE, 6, TODAY, List.of(devices.get(1), devices.get(3)),
                values.findingIds(), values.controlIds()), TECHNICIAN);
        acceptances.submit(active.id(), TECHNICIAN);
        acceptances.sign(active.id(), "mmanager", password("mmanager"), SignatureMeaning.APPROVED, null, null);
        acceptances.sign(active.id(), "cso", password("cso"), SignatureMeaning.APPROVED, "ACL 40 checked", null);
        RiskAcceptance rejected = acceptances.createDraft(values, TECHNICIAN);
        acceptances.submit(rejected.id(), TECHNICIAN);
        acceptances.sign(rejected.id(), "cso", password("cso"), SignatureMeaning.REJECTED, "Patch the pumps instead", null);
        RiskAcceptance withdrawn = acceptances.createDraft(values, TECHNICIAN);
        acceptances.close(withdrawn.id(), "Raised in error", TECHNICIAN);
        acceptances.close(active.id(), "Vendor patch installed", TECHNICIAN);
        acceptances.renew(active.id(), TECHNICIAN);
    }

    private static List<Long> ids(Services services, String sql) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).list());
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private Path copyOf(Path source) {
        try {
            copyFolder(source, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    private static void execute(Path data, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve(Database.DEFAULT_NAME),
                Database.USER, Database.PASSWORD); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                assertThat(statement.executeUpdate(sql)).as(sql).isPositive();
            }
        }
    }

    private static AuditVerification verify(Path data) {
        try (Services services = TestSites.open(data)) {
            return services.auditVerifier().verify(ProgressMonitor.NONE);
        }
    }

    @Test
    void untouchedDemoVerifiesClean() {
        assertThat(untouched.problems()).isEmpty();
        assertThat(untouched.comparedRecordTypes()).contains("risk_acceptance", "electronic_signature", "user_account",
                "compensating_control", "compensating_control_device", "compensating_control_finding", "compensating_control_document",
                "recovery_protocol");
    }

    @Test
    void serviceChangesVerifyClean() {
        Path data = copyOf(changed);
        List<String> types;
        try (Services services = TestSites.open(data)) {
            types = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT DISTINCT record_type || ' ' || action"
                    + " || CASE WHEN record_id IS NULL THEN ' without id' ELSE '' END FROM audit_entry").mapTo(String.class).list());
        }

        AuditVerification result = verify(data);

        assertThat(types).contains("risk_acceptance create", "risk_acceptance update", "electronic_signature create",
                "user_account create", "user_account update", "user_account update without id", "compensating_control create",
                "compensating_control update", "compensating_control delete", "compensating_control_device create",
                "compensating_control_device delete", "compensating_control_finding create", "compensating_control_document create",
                "compensating_control_document delete", "recovery_protocol create", "recovery_protocol update");
        assertThat(result.problems()).isEmpty();
        assertThat(result.uncomparedRecordTypes()).doesNotContain("risk_acceptance", "electronic_signature", "user_account",
                "compensating_control", "compensating_control_device", "compensating_control_finding", "compensating_control_document",
                "recovery_protocol");
    }

    static Stream<Arguments> changesOutside() {
        return Stream.of(
                Arguments.of("risk_acceptance", "likelihood", "UPDATE risk_acceptance SET likelihood = 1 WHERE state = 'closed'"),
                Arguments.of("risk_acceptance", "state", "UPDATE risk_acceptance SET state = 'active' WHERE state = 'rejected'"),
                Arguments.of("risk_acceptance", "controls", "DELETE FROM risk_acceptance_control WHERE acceptance_id ="
                        + " (SELECT MIN(id) FROM risk_acceptance)"),
                Arguments.of("risk_acceptance", "end_note", "UPDATE risk_acceptance SET end_note = 'Forged' WHERE end_note = 'Raised in error'"),
                Arguments.of("electronic_signature", "comment", "UPDATE electronic_signature SET comment = 'Forged'"
                        + " WHERE comment = 'ACL 40 checked'"),
                Arguments.of("electronic_signature", "meaning", "UPDATE electronic_signature SET meaning = 'approved'"
                        + " WHERE meaning = 'rejected'"),
                Arguments.of("user_account", "active", "UPDATE user_account SET active = FALSE WHERE user_name = 'jtech'"),
                Arguments.of("user_account", "roles", "INSERT INTO user_role (user_id, role)"
                        + " SELECT id, 'administrator' FROM user_account WHERE user_name = 'jtech'"),
                Arguments.of("user_account", "password_changed_at", "UPDATE user_account SET password_changed_at = TIMESTAMP WITH TIME ZONE"
                        + " '2026-12-01 00:00:00+00' WHERE user_name = 'cso'"),
                Arguments.of("compensating_control", "next_verification_on", "UPDATE compensating_control"
                        + " SET next_verification_on = DATE '2030-01-01' WHERE title = 'Pumps behind ACL 40'"),
                Arguments.of("compensating_control", "verified_on", "UPDATE compensating_control SET verified_on = DATE '2026-04-01'"
                        + " WHERE title = 'Pump traffic monitoring'"),
                Arguments.of("compensating_control", "devices", "DELETE FROM compensating_control_device WHERE control_id ="
                        + " (SELECT id FROM compensating_control WHERE title = 'Pumps behind ACL 40') AND device_id ="
                        + " (SELECT MIN(device_id) FROM compensating_control_device)"),
                Arguments.of("compensating_control", "findings", "DELETE FROM compensating_control_finding WHERE finding_id ="
                        + " (SELECT MIN(finding_id) FROM compensating_control_finding)"),
                Arguments.of("compensating_control", "documents", "INSERT INTO compensating_control_document (control_id, path, added_by,"
                        + " added_at) SELECT id, '/share/forged.pdf', 'someone', CURRENT_TIMESTAMP FROM compensating_control"
                        + " WHERE title = 'Pumps behind ACL 40'"),
                Arguments.of("recovery_protocol", "restore_steps", "UPDATE recovery_protocol SET restore_steps = 'Nothing'"
                        + " WHERE product_id IS NOT NULL"),
                Arguments.of("recovery_protocol", "device", "UPDATE recovery_protocol SET device_id ="
                        + " (SELECT MIN(id) FROM device WHERE id NOT IN (SELECT device_id FROM recovery_protocol WHERE device_id IS NOT NULL))"
                        + " WHERE device_id IS NOT NULL"),
                Arguments.of("recovery_protocol", "documents", "UPDATE recovery_protocol_document SET position = 4 - position"
                        + " WHERE protocol_id = (SELECT id FROM recovery_protocol WHERE product_id IS NOT NULL)"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("changesOutside")
    void changeOutsideIsNamed(String recordType, String field, String sql) throws SQLException {
        Path data = copyOf(changed);
        execute(data, sql);

        AuditVerification result = verify(data);

        assertThat(result.problems()).hasSize(1);
        AuditProblem problem = result.problems().get(0);
        assertThat(problem.kind()).isEqualTo(Kind.RECORD_CHANGED);
        assertThat(problem.recordType()).isEqualTo(recordType);
        assertThat(problem.recordId()).isNotNull();
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.message()).contains("(record " + problem.recordId() + ")", "was changed outside PatchDesk");
    }

    @Test
    void protocolDeletedOutsideIsReported() throws SQLException {
        Path data = copyOf(changed);
        execute(data, "DELETE FROM recovery_protocol WHERE product_id IS NOT NULL");

        AuditVerification result = verify(data);

        assertThat(result.problems()).extracting(AuditProblem::kind, AuditProblem::recordType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.RECORD_DELETED, "recovery_protocol"));
    }

    @Test
    void signatureAddedOutsideIsReported() throws SQLException {
        Path data = copyOf(changed);
        execute(data, "INSERT INTO electronic_signature (record_type, record_id, user_id, user_name, printed_name, signer_roles,"
                + " signed_at, meaning) SELECT 'risk_acceptance', 1, id, user_name, full_name, 'HTM manager', CURRENT_TIMESTAMP,"
                + " 'approved' FROM user_account WHERE user_name = 'jtech'");

        AuditProblem problem = verify(data).problems().get(0);

        assertThat(problem.kind()).isEqualTo(Kind.RECORD_NOT_AUDITED);
        assertThat(problem.recordType()).isEqualTo("electronic_signature");
        assertThat(problem.recordLabel()).isEqualTo("risk_acceptance 1");
    }

    @Test
    void siteAccountEditsOutsideAreReported() throws SQLException {
        Path site = copyOf(shared.resolve("site"));
        execute(site, "UPDATE user_account SET full_name = 'Someone Else' WHERE user_name = 'mlee'");

        AuditProblem changedName = verify(site).problems().get(0);
        execute(site, "UPDATE user_account SET full_name = 'Morgan Lee' WHERE user_name = 'mlee'",
                "INSERT INTO user_account (user_name, user_name_key, full_name, active, password_algorithm, password_iterations,"
                        + " password_salt, password_hash, password_changed_at, created_at, created_by, updated_at, updated_by)"
                        + " VALUES ('intruder', 'intruder', 'Intruder', TRUE, 'PBKDF2WithHmacSHA256', 1, 'c2FsdA==', 'aGFzaA==',"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'x', CURRENT_TIMESTAMP, 'x')");
        AuditProblem added = verify(site).problems().get(0);

        assertThat(changedName.field()).isEqualTo("full_name");
        assertThat(changedName.recorded()).isEqualTo("Morgan Lee");
        assertThat(changedName.current()).isEqualTo("Someone Else");
        assertThat(added.kind()).isEqualTo(Kind.RECORD_NOT_AUDITED);
        assertThat(added.recordLabel()).isEqualTo("intruder");
    }
}
