package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.Role;
import org.patchdesk.users.User;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** The users commands and the --user option, with passwords in the environment as a script passes them. */
class UsersCommandTest {

    @TempDir
    Path folder;

    private final List<String> prompts = new java.util.ArrayList<>();

    record Run(int exitCode, String out, String err) {
    }

    private Run run(Map<String, String> variables, String... args) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("PATCHDESK_DATA_DIR", folder.resolve("data").toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(environment, TestSites.CLOCK, Workspace::open, prompt -> {
            prompts.add(prompt);
            return null;
        });
        int code = CommandLineRunner.run(args, context, dataFolder -> {
            throw new AssertionError("The window must not open in a command-line test");
        }, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Run addAdministrator() {
        return run(Map.of("PATCHDESK_NEW_PASSWORD", "admin-pass-1"), "users", "add", "kwong", "--full-name", "Kim Wong", "--department",
                "Clinical Engineering");
    }

    private List<AuditEntry> newestEntries(int count) {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            return services.database().jdbi().withHandle(handle -> handle.attach(AuditDao.class).listNewest(count));
        }
    }

    @Test
    void firstUsersAddCreatesTheAdministrator() {
        Run added = addAdministrator();

        assertThat(added.exitCode()).isZero();
        assertThat(added.out()).startsWith("Created the administrator kwong (Kim Wong): Administrator");
        try (Services services = TestSites.open(folder.resolve("data"))) {
            User admin = services.users().find("kwong").orElseThrow();
            assertThat(admin.roles()).containsExactly(Role.ADMINISTRATOR);
            assertThat(admin.department()).isEqualTo("Clinical Engineering");
        }
    }

    @Test
    void laterUsersAddNeedsAnAdministrator() {
        addAdministrator();

        Run withoutUser = run(Map.of("PATCHDESK_NEW_PASSWORD", "tech-pass-1"), "users", "add", "jtech", "--role", "htm-technician");
        assertThat(withoutUser.exitCode()).isEqualTo(1);
        assertThat(withoutUser.err()).startsWith("This command changes data, and PatchDesk has user accounts: add --user NAME");

        Run added = run(Map.of("PATCHDESK_PASSWORD", "admin-pass-1", "PATCHDESK_NEW_PASSWORD", "tech-pass-1"), "--user", "kwong",
                "users", "add", "jtech", "--role", "htm-technician", "--role", "it-network", "--full-name", "Jordan Tech");
        assertThat(added.exitCode()).isZero();
        assertThat(added.out()).startsWith("Created user jtech (Jordan Tech): HTM technician, IT/network");

        Run listed = run(Map.of(), "users", "list");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("jtech").contains("Jordan Tech").contains("HTM technician, IT/network").contains("kwong");
    }

    @Test
    void unknownRoleIsAUsageError() {
        addAdministrator();

        Run added = run(Map.of("PATCHDESK_PASSWORD", "admin-pass-1", "PATCHDESK_NEW_PASSWORD", "tech-pass-1"), "--user", "kwong",
                "users", "add", "jtech", "--role", "biomed");

        assertThat(added.exitCode()).isEqualTo(2);
        assertThat(added.err()).startsWith("'biomed' is not a role; use one of htm-technician, htm-manager, it-network, infosec,");
    }

    @Test
    void writeIsRefusedWithoutUserOnceAccountsExist() {
        addAdministrator();

        Run refused = run(Map.of(), "vulns", "add", "CVE-2026-40004", "--manufacturer", "Baxter", "--model", "Life 9000");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("This command changes data, and PatchDesk has user accounts: add --user NAME, with the"
                + " password in PATCHDESK_PASSWORD or typed at the prompt" + System.lineSeparator());
        assertThat(run(Map.of(), "vulns", "list").out()).doesNotContain("CVE-2026-40004");
    }

    @Test
    void writeWithUserIsRecordedUnderThatUser() {
        addAdministrator();

        Run added = run(Map.of("PATCHDESK_PASSWORD", "admin-pass-1"), "--user", "KWONG", "vulns", "add", "CVE-2026-40004",
                "--manufacturer", "Baxter", "--model", "Life 9000");

        assertThat(added.exitCode()).isZero();
        assertThat(newestEntries(1).get(0).actor()).isEqualTo("kwong");
    }

    @Test
    void wrongPasswordIsRefused() {
        addAdministrator();

        Run refused = run(Map.of("PATCHDESK_PASSWORD", "not-the-password"), "--user", "kwong", "vulns", "add", "CVE-2026-40004",
                "--manufacturer", "Baxter", "--model", "Life 9000");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("The user name kwong and this password do not match");
    }

    @Test
    void missingPasswordWithoutTerminalNamesTheVariable() {
        addAdministrator();

        Run refused = run(Map.of(), "--user", "kwong", "vulns", "add", "CVE-2026-40004", "--manufacturer", "Baxter", "--model",
                "Life 9000");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(prompts).containsExactly("Password for kwong: ");
        assertThat(refused.err()).startsWith("No terminal to ask for the password; set PATCHDESK_PASSWORD");
    }

    @Test
    void auditorIsRefusedAWrite() {
        addAdministrator();
        run(Map.of("PATCHDESK_PASSWORD", "admin-pass-1", "PATCHDESK_NEW_PASSWORD", "audit-pass-1"), "--user", "kwong", "users", "add",
                "audrey", "--role", "auditor");

        Run refused = run(Map.of("PATCHDESK_PASSWORD", "audit-pass-1"), "--user", "audrey", "vulns", "add", "CVE-2026-40004",
                "--manufacturer", "Baxter", "--model", "Life 9000");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("User audrey has the role Auditor (read-only) and cannot change records");
    }

    @Test
    void readNeedsNoUser() {
        addAdministrator();

        Run listed = run(Map.of(), "vulns", "list");

        assertThat(listed.exitCode()).isZero();
    }

    @Test
    void userBeforeAnyAccountIsRefused() {
        Run refused = run(Map.of("PATCHDESK_PASSWORD", "whatever-1"), "--user", "kwong", "vulns", "add", "CVE-2026-40004",
                "--manufacturer", "Baxter", "--model", "Life 9000");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("PatchDesk has no user accounts yet, so --user kwong cannot sign in");
    }
}
