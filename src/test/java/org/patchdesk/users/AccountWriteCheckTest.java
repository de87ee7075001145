package org.patchdesk.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/** The write rule of user accounts, through real services that append to the audit trail. */
class AccountWriteCheckTest {

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

    private static DeviceValues pump(String tag) {
        return new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.DEVICE_TYPE, "Infusion pump");
    }

    private void accounts() {
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of()), "admin-pass-1".toCharArray(),
                new Actor("kim"));
        services.users().create(new NewUser("audrey", "Audrey Auditor", null, Set.of(Role.AUDITOR)), "audit-pass".toCharArray(),
                new Actor("kwong"));
        services.users().create(new NewUser("jtech", "Jordan Tech", null, Set.of(Role.HTM_TECHNICIAN)), "tech-pass-1".toCharArray(),
                new Actor("kwong"));
    }

    @Test
    void anyoneWritesWhileNoUserExists() {
        services.devices().create(pump("P-1"), new Actor("osuser"));

        assertThat(services.devices().findByAssetTag("P-1")).isPresent();
    }

    @Test
    void auditorChangesNothing() {
        accounts();

        assertThatThrownBy(() -> services.devices().create(pump("P-1"), new Actor("audrey")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("User audrey has the role Auditor (read-only) and cannot change records; auditors only read");
        assertThat(services.devices().findByAssetTag("P-1")).isEmpty();
    }

    @Test
    void nameWithoutAccountIsRefusedOnceAccountsExist() {
        accounts();

        assertThatThrownBy(() -> services.devices().create(pump("P-1"), new Actor("osuser")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("osuser is not a PatchDesk user, and PatchDesk has user accounts: sign in as a user to change records");
        assertThat(services.devices().findByAssetTag("P-1")).isEmpty();
    }

    @Test
    void technicianWritesUnderTheAccountName() {
        accounts();

        services.devices().create(pump("P-1"), new Actor("JTech"));

        assertThat(services.devices().findByAssetTag("P-1")).isPresent();
    }

    @Test
    void deactivatedUserChangesNothing() {
        accounts();
        services.users().deactivate("jtech", new Actor("kwong"));

        assertThatThrownBy(() -> services.devices().create(pump("P-1"), new Actor("jtech")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("User jtech is deactivated and cannot change records");
    }
}
