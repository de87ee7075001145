package org.patchdesk.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.common.Actor;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class SignatureServiceTest {

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of()), "admin-pass-1".toCharArray(),
                new Actor("kim"));
        services.users().create(new NewUser("cso", "Morgan Lee", "Information Security", Set.of(Role.INFOSEC)),
                "infosec-pass".toCharArray(), new Actor("kwong"));
        services.users().create(new NewUser("audrey", "Audrey Auditor", null, Set.of(Role.AUDITOR)), "audit-pass".toCharArray(),
                new Actor("kwong"));
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void signatureStoresPrintedNameMeaningAndTime() {
        Signature signature = services.signatures().sign("risk_acceptance", 7, "CSO", "infosec-pass".toCharArray(),
                SignatureMeaning.APPROVED, "  Segmented on VLAN 40 until the vendor patch  ", Role.INFOSEC);

        assertThat(signature.userName()).isEqualTo("cso");
        assertThat(signature.printedName()).isEqualTo("Morgan Lee");
        assertThat(signature.signerRoles()).isEqualTo("InfoSec/CISO");
        assertThat(signature.signedAt()).isEqualTo(TestSites.CLOCK.instant());
        assertThat(signature.meaning()).isEqualTo(SignatureMeaning.APPROVED);
        assertThat(signature.comment()).isEqualTo("Segmented on VLAN 40 until the vendor patch");
        assertThat(services.signatures().signaturesOf("risk_acceptance", 7)).containsExactly(signature);
        assertThat(signature.describe(TestSites.CLOCK.getZone()))
                .isEqualTo("Approved by Morgan Lee (InfoSec/CISO) on 2026-12-04 07:00:00 CST: Segmented on VLAN 40 until the vendor patch");
    }

    @Test
    void signatureIsAuditedUnderTheSigner() {
        Signature signature = services.signatures().sign("risk_acceptance", 7, "cso", "infosec-pass".toCharArray(),
                SignatureMeaning.REVIEWED, null);

        List<AuditEntry> entries = services.database().jdbi().withHandle(handle -> handle.attach(AuditDao.class)
                .listByRecord(SignatureService.RECORD_TYPE, signature.id()));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).actor()).isEqualTo("cso");
        assertThat(entries.get(0).newValues()).containsEntry("meaning", "reviewed").containsEntry("printed_name", "Morgan Lee")
                .containsEntry("record_type", "risk_acceptance").containsEntry("record_id", "7");
        assertThat(entries.get(0).toString()).doesNotContain("infosec-pass");
    }

    @Test
    void wrongPasswordStoresNothing() {
        assertThatThrownBy(() -> services.signatures().sign("risk_acceptance", 7, "cso", "infosec-PASS".toCharArray(),
                SignatureMeaning.APPROVED, null))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("The user name cso and this password do not match; check both and try again");

        assertThat(services.signatures().signaturesOf("risk_acceptance", 7)).isEmpty();
    }

    @Test
    void failedSignatureRollsBackTheCallersChange() {
        assertThatThrownBy(() -> services.database().jdbi().useTransaction(handle -> {
            handle.execute("INSERT INTO setting (setting_key, setting_value, updated_at, updated_by) VALUES ('test.key', 'x',"
                    + " CURRENT_TIMESTAMP, 'cso')");
            services.signatures().sign(handle, "risk_acceptance", 7, "cso", "wrong-password".toCharArray(),
                    SignatureMeaning.APPROVED, null);
        })).isInstanceOf(AuthenticationException.class);

        long settings = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM setting WHERE"
                + " setting_key = 'test.key'").mapTo(Long.class).one());
        assertThat(settings).isZero();
    }

    @Test
    void signerNeedsTheRequiredRole() {
        assertThatThrownBy(() -> services.signatures().sign("risk_acceptance", 7, "kwong", "admin-pass-1".toCharArray(),
                SignatureMeaning.APPROVED, null, Role.INFOSEC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("User kwong (Administrator) cannot do this; it needs the role InfoSec/CISO");
        assertThat(services.signatures().signaturesOf("risk_acceptance", 7)).isEmpty();
    }

    @Test
    void auditorCannotSign() {
        assertThatThrownBy(() -> services.signatures().sign("risk_acceptance", 7, "audrey", "audit-pass".toCharArray(),
                SignatureMeaning.REVIEWED, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("User audrey has the role Auditor (read-only) only and cannot sign records");
    }
}
