package org.patchdesk.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/** The demo database signs with the site's accounts, copied with their password hashes. */
class AccountCopyTest {

    @TempDir
    Path folder;

    @Test
    void demoSignsWithTheSiteAccounts() {
        try (Services site = TestSites.open(folder.resolve("site")); Services demo = TestSites.open(folder.resolve("demo"))) {
            site.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of(Role.HTM_MANAGER)),
                    "first-password".toCharArray(), TestSites.TECHNICIAN);
            site.users().create(new NewUser("mlee", "Morgan Lee", null, Set.of(Role.INFOSEC)), "second-password".toCharArray(),
                    new Actor("kwong"));

            assertThat(demo.users().copyAccounts(site.users().storedAccounts(), Actor.SYSTEM)).isEqualTo(2);

            assertThat(demo.users().authenticate("mlee", "second-password".toCharArray()).roles()).containsExactly(Role.INFOSEC);
            assertThatThrownBy(() -> demo.users().authenticate("mlee", "wrong-password".toCharArray()))
                    .isInstanceOf(AuthenticationException.class);
            Signature signed = demo.signatures().sign("risk_acceptance", 1, "mlee", "second-password".toCharArray(),
                    SignatureMeaning.APPROVED, null, Role.INFOSEC);
            assertThat(signed.printedName()).isEqualTo("Morgan Lee");

            site.users().deactivate("mlee", new Actor("kwong"));
            demo.users().copyAccounts(site.users().storedAccounts(), Actor.SYSTEM);
            assertThatThrownBy(() -> demo.users().authenticate("mlee", "second-password".toCharArray()))
                    .isInstanceOf(AuthenticationException.class);
            assertThat(demo.signatures().signaturesOf("risk_acceptance", 1)).singleElement()
                    .satisfies(signature -> assertThat(signature.userName()).isEqualTo("mlee"));
        }
    }
}
