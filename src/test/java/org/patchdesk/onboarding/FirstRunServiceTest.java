package org.patchdesk.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditFilter;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.workspace.Services;

class FirstRunServiceTest {

    private static final Actor ADMIN = new Actor("kwong");

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void open() {
        services = TestSites.open(folder);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void createAdministrator() {
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", "Clinical Engineering", Set.of()),
                "correct horse battery".toCharArray(), new Actor("osuser"));
    }

    @Test
    void guideNotDueBeforeAdministratorExists() {
        assertThat(services.firstRun().guideDue()).isFalse();
    }

    @Test
    void guideDueOnNewDatabaseAfterAdministrator() {
        createAdministrator();

        assertThat(services.firstRun().guideDue()).isTrue();
        assertThat(services.firstRun().completion()).isEmpty();
    }

    @Test
    void guideNotDueAfterCompletion() {
        createAdministrator();

        FirstRunCompletion done = services.firstRun().complete(ADMIN);

        assertThat(services.firstRun().guideDue()).isFalse();
        assertThat(done.completedBy()).isEqualTo("kwong");
        assertThat(done.completedAt()).isEqualTo(OffsetDateTime.parse("2026-12-04T07:00-06:00"));
        assertThat(services.firstRun().completion()).contains(done);
    }

    @Test
    void completionIsAuditedAndVerifies() {
        createAdministrator();

        services.firstRun().complete(ADMIN);

        AuditEntry entry = services.auditTrail().find(AuditFilter.ALL, 1).get(0);
        assertThat(entry.actor()).isEqualTo("kwong");
        assertThat(entry.recordType()).isEqualTo("setting");
        assertThat(entry.newValues()).containsEntry(FirstRunService.COMPLETED_KEY, "2026-12-04T07:00-06:00");
        assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).intact()).isTrue();
    }

    @Test
    void reopeningFromHelpKeepsFirstCompletion() {
        createAdministrator();
        FirstRunCompletion first = services.firstRun().complete(ADMIN);
        long entries = services.auditTrail().count(AuditFilter.ALL);
        services.users().create(new NewUser("jtech", "Jo Tech", null, Set.of(Role.HTM_TECHNICIAN)), "another long password".toCharArray(),
                ADMIN);

        FirstRunCompletion again = services.firstRun().complete(new Actor("jtech"));

        assertThat(again).isEqualTo(first);
        assertThat(services.auditTrail().count(AuditFilter.ALL)).isEqualTo(entries + 1);
        assertThat(services.firstRun().guideDue()).isFalse();
    }

    @Test
    void guideNotDueWhenInventoryHoldsDevices() {
        createAdministrator();

        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "PUMP-1").set(DeviceField.MANUFACTURER, "BD")
                .set(DeviceField.MODEL, "Alaris 8015"), ADMIN);

        assertThat(services.firstRun().guideDue()).isFalse();
    }

    @Test
    void auditorCannotRecordCompletion() {
        createAdministrator();
        services.users().create(new NewUser("audit1", "Ann Auditor", null, Set.of(Role.AUDITOR)), "another long password".toCharArray(),
                ADMIN);

        assertThatThrownBy(() -> services.firstRun().complete(new Actor("audit1"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auditors only read");
        assertThat(services.firstRun().guideDue()).isTrue();
    }
}
