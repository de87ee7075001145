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
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.common.Actor;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class UserServiceTest {

    private static final char[] ADMIN_PASSWORD = "admin-pass-1".toCharArray();

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

    private User firstAdministrator() {
        return services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", "Clinical Engineering",
                Set.of(Role.HTM_MANAGER)), ADMIN_PASSWORD, new Actor("kim"));
    }

    private List<AuditEntry> entriesOf(long userId) {
        return services.database().jdbi().withHandle(handle -> handle.attach(org.patchdesk.audit.AuditDao.class)
                .listByRecord(UserService.RECORD_TYPE, userId));
    }

    @Test
    void firstAdministratorNeedsNoSignIn() {
        assertThat(services.users().hasUsers()).isFalse();

        User admin = firstAdministrator();

        assertThat(services.users().hasUsers()).isTrue();
        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.ADMINISTRATOR, Role.HTM_MANAGER);
        assertThat(admin.fullName()).isEqualTo("Kim Wong");
        assertThat(admin.department()).isEqualTo("Clinical Engineering");
        assertThat(admin.active()).isTrue();
        List<AuditEntry> entries = entriesOf(admin.id());
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).actor()).isEqualTo("kwong");
        assertThat(entries.get(0).summary()).contains("operating-system account kim");
    }

    @Test
    void secondFirstAdministratorIsRefused() {
        firstAdministrator();

        assertThatThrownBy(() -> services.users().createFirstAdministrator(new NewUser("other", null, null, Set.of()),
                "another-pass".toCharArray(), new Actor("kim")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PatchDesk already has user accounts; an administrator signs in to add more");
    }

    @Test
    void authenticateChecksThePasswordAndIgnoresNameCase() {
        User admin = firstAdministrator();

        assertThat(services.users().authenticate("KWong", ADMIN_PASSWORD).id()).isEqualTo(admin.id());
        assertThatThrownBy(() -> services.users().authenticate("kwong", "wrong-password".toCharArray()))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("The user name kwong and this password do not match; check both and try again");
        assertThatThrownBy(() -> services.users().authenticate("nobody", ADMIN_PASSWORD))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void userNamesAreUniqueIgnoringCase() {
        firstAdministrator();

        assertThatThrownBy(() -> services.users().create(new NewUser("KWONG", "K. Wong", null, Set.of(Role.AUDITOR)),
                "password-2".toCharArray(), new Actor("kwong")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The user name KWONG is taken (user names ignore case); choose another");
    }

    @Test
    void shortPasswordIsRefused() {
        assertThatThrownBy(() -> services.users().createFirstAdministrator(new NewUser("kwong", null, null, Set.of()),
                "short".toCharArray(), new Actor("kim")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A password needs at least 8 characters");
        assertThat(services.users().hasUsers()).isFalse();
    }

    @Test
    void onlyAdministratorsCreateUsers() {
        firstAdministrator();
        services.users().create(new NewUser("jtech", "Jordan Tech", "Clinical Engineering", Set.of(Role.HTM_TECHNICIAN)),
                "tech-pass-1".toCharArray(), new Actor("kwong"));

        assertThatThrownBy(() -> services.users().create(new NewUser("other", null, null, Set.of(Role.HTM_TECHNICIAN)),
                "other-pass".toCharArray(), new Actor("jtech")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("User jtech (HTM technician) cannot do this; it needs the role Administrator");
    }

    @Test
    void lastAdministratorKeepsTheRole() {
        firstAdministrator();
        Actor admin = new Actor("kwong");

        assertThatThrownBy(() -> services.users().setRoles("kwong", Set.of(Role.HTM_MANAGER), admin))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("kwong is the last active administrator and keeps the administrator role; give another user that role first");

        services.users().create(new NewUser("second", "Second Admin", null, Set.of(Role.ADMINISTRATOR)), "second-pass".toCharArray(),
                admin);
        User changed = services.users().setRoles("kwong", Set.of(Role.HTM_MANAGER), admin);
        assertThat(changed.roles()).containsExactly(Role.HTM_MANAGER);
        assertThatThrownBy(() -> services.users().deactivate("second", new Actor("second")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("You cannot deactivate your own account; another administrator can");
    }

    @Test
    void deactivatedUserCannotSignIn() {
        firstAdministrator();
        Actor admin = new Actor("kwong");
        services.users().create(new NewUser("jtech", null, null, Set.of(Role.HTM_TECHNICIAN)), "tech-pass-1".toCharArray(), admin);

        services.users().deactivate("jtech", admin);

        assertThatThrownBy(() -> services.users().authenticate("jtech", "tech-pass-1".toCharArray()))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("The account jtech is deactivated; ask an administrator to reactivate it");
        services.users().reactivate("jtech", admin);
        assertThat(services.users().authenticate("jtech", "tech-pass-1".toCharArray()).active()).isTrue();
    }

    @Test
    void passwordChangesAreAuditedWithoutThePassword() {
        User admin = firstAdministrator();

        services.users().changeOwnPassword(new Actor("kwong"), ADMIN_PASSWORD, "new-admin-pass".toCharArray());

        assertThat(services.users().authenticate("kwong", "new-admin-pass".toCharArray()).id()).isEqualTo(admin.id());
        assertThatThrownBy(() -> services.users().authenticate("kwong", ADMIN_PASSWORD)).isInstanceOf(AuthenticationException.class);
        List<AuditEntry> entries = entriesOf(admin.id());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).newValues()).containsOnlyKeys("password_changed_at");
        assertThat(entries.toString()).doesNotContain("new-admin-pass").doesNotContain("admin-pass-1");
    }

    @Test
    void requireRoleNamesTheUserAndTheRoleNeeded() {
        firstAdministrator();
        services.users().create(new NewUser("audrey", "Audrey Auditor", null, Set.of(Role.AUDITOR)), "audit-pass".toCharArray(),
                new Actor("kwong"));

        services.users().requireRole(new Actor("kwong"), Role.ADMINISTRATOR, Role.INFOSEC);
        assertThatThrownBy(() -> services.users().requireRole(new Actor("audrey"), Role.INFOSEC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("User audrey (Auditor (read-only)) cannot do this; it needs the role InfoSec/CISO");
        assertThatThrownBy(() -> services.users().requireRole(new Actor("stranger"), Role.INFOSEC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stranger is not a PatchDesk user; sign in as a user with the role InfoSec/CISO");
    }

    @Test
    void requireRoleAllowsEveryoneWhileNoUserExists() {
        services.users().requireRole(TestSites.TECHNICIAN, Role.INFOSEC);

        assertThat(services.users().hasUsers()).isFalse();
    }

    @Test
    void lockSettingDefaultsToFifteenMinutes() {
        firstAdministrator();
        assertThat(services.users().lockAfterMinutes()).isEqualTo(15);

        services.users().setLockAfterMinutes(0, new Actor("kwong"));

        assertThat(services.users().lockAfterMinutes()).isZero();
        assertThatThrownBy(() -> services.users().setLockAfterMinutes(-1, new Actor("kwong")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The lock needs 0 (off) to 480 minutes, not -1");
    }
}
