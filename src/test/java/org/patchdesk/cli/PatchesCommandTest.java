package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.patchlog.NewLogEntry;
import org.patchdesk.patchlog.PatchDecision;
import org.patchdesk.patchlog.PatchLogFixtures;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** The patches commands on a site with two logged entries, as a user runs them. */
class PatchesCommandTest {

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void logTwoEntries() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            PatchLogFixtures.seed(services);
            long vent1 = services.devices().findByAssetTag("VENT-1").orElseThrow().id();
            long vent2 = services.devices().findByAssetTag("VENT-2").orElseThrow().id();
            services.patchLog().record(NewLogEntry.of(vent1, "Life 2000 firmware 06.20", null, "06.20",
                    Instant.parse("2026-12-02T16:30:00Z"), "jtech", PatchOutcome.INSTALLED, null, List.of("CVE-2026-40001"))
                    .withValidation(null, java.time.LocalDate.of(2026, 11, 30)), TestSites.TECHNICIAN);
            services.patchLog().record(NewLogEntry.of(vent2, "Life 2000 firmware 06.20", null, null,
                    Instant.parse("2026-11-20T16:30:00Z"), "jtech", PatchOutcome.DEFERRED, "ICU census full", List.of()),
                    TestSites.TECHNICIAN);
        }
    }

    private Run run(String... args) {
        return runWith(Map.of("PATCHDESK_DATA_DIR", folder.resolve("data").toString()), args);
    }

    private Run runWithPassword(String password, String... args) {
        return runWith(Map.of("PATCHDESK_DATA_DIR", folder.resolve("data").toString(), CliContext.PASSWORD_VARIABLE, password), args);
    }

    private Run runWith(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(environment, TestSites.CLOCK, Workspace::open, prompt -> null);
        int code = CommandLineRunner.run(args, context, dataFolder -> {
            throw new AssertionError("The window must not open in a command-line test");
        }, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void logListsEntriesAsTable() {
        Run run = run("patches", "log");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Entry").contains("Asset Tag").contains("Outcome");
        assertThat(lines.get(1)).contains("2026-12-02 10:30").contains("VENT-1").contains("06.00 -> 06.20").contains("installed")
                .contains("CVE-2026-40001").contains("  2");
        assertThat(lines.get(2)).contains("VENT-2").contains("deferred").endsWith("ICU census full");
        assertThat(lines.get(3)).isEqualTo("2 entries");
    }

    @Test
    void logFiltersByDateAsCsv() throws Exception {
        Run run = run("patches", "log", "--from", "2026-12-01", "--to", "2026-12-04", "--format", "csv");

        assertThat(run.exitCode()).isZero();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(run.out())).getRecords();
        assertThat(records).singleElement().satisfies(row -> {
            assertThat(row.get("Asset Tag")).isEqualTo("VENT-1");
            assertThat(row.get("Performed At")).isEqualTo("2026-12-02 10:30");
            assertThat(row.get("Days From Validation")).isEqualTo("2");
        });
    }

    @Test
    void logRejectsBadOptions() {
        Run badDate = run("patches", "log", "--from", "12/01/2026");
        Run badOutcome = run("patches", "log", "--outcome", "done");
        Run reversed = run("patches", "log", "--from", "2026-12-04", "--to", "2026-12-01");

        assertThat(badDate.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(badDate.err()).startsWith("Invalid --from '12/01/2026': write the date as YYYY-MM-DD");
        assertThat(badOutcome.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(badOutcome.err()).startsWith("Invalid --outcome: 'done' is not a patch outcome");
        assertThat(reversed.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(reversed.err()).startsWith("Invalid --to 2026-12-01: it is before --from 2026-12-04");
    }

    @Test
    void importReportsConflictAndReviewKeepsLoggedVersion() throws Exception {
        Path file = folder.resolve("cmms.csv");
        Files.writeString(file, "Asset Tag,Manufacturer,Model,Software Version\r\nVENT-1,Baxter,Life 2000,06.00\r\n",
                StandardCharsets.UTF_8);

        Run imported = run("import", "inventory", file.toString());
        Run listed = run("patches", "conflicts");
        String number = listed.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        Run kept = run("patches", "conflicts", "--keep", number);
        Run again = run("patches", "conflicts", "--keep", number);

        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("1 software version set by the patch log was kept and waits for review")
                .contains("Row 2: software version 06.00 of VENT-1 was not imported; patch log entry #1 set 06.20");
        assertThat(listed.out()).contains("cmms.csv").contains("waiting for review").endsWith("1 conflict" + System.lineSeparator());
        assertThat(kept.exitCode()).isZero();
        assertThat(kept.out()).isEqualTo("Conflict " + number + " of VENT-1: patch log value kept" + System.lineSeparator());
        assertThat(again.exitCode()).isEqualTo(CommandLineRunner.EXIT_FAILED);
        assertThat(again.err()).contains("was already resolved");
        assertThat(run("patches", "conflicts").out()).endsWith("0 conflicts" + System.lineSeparator());
    }
    private void createAccounts() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of()), "admin-pass-1".toCharArray(),
                    new Actor("kim"));
            services.users().create(new NewUser("mlee", "Morgan Lee", null, Set.of(Role.HTM_MANAGER)), "manager-pass".toCharArray(),
                    new Actor("kwong"));
            services.users().create(new NewUser("jtech", "Jordan Tech", null, Set.of(Role.HTM_TECHNICIAN)),
                    "tech-pass-1".toCharArray(), new Actor("kwong"));
        }
    }

    private List<PatchDecision> decisions() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            return services.patchLog().decisions("");
        }
    }

    @Test
    void decideRecordsTypedApprover() {
        Run run = run("patches", "decide", "--product", "baxter life 2000", "--update", "Life 2000 firmware 06.20", "--decision",
                "deploy", "--rationale", "Validated by Baxter", "--approver", "Lee Park", "--role", "CISO", "--date", "2026-12-02");

        assertThat(run.exitCode()).as(run.err()).isZero();
        PatchDecision decision = decisions().get(0);
        assertThat(decision.subject()).isEqualTo("Baxter Life 2000");
        assertThat(decision.approverName()).isEqualTo("Lee Park");
        assertThat(decision.signed()).isFalse();
        assertThat(run.out()).isEqualTo("Decision " + decision.id() + " recorded: deploy Life 2000 firmware 06.20 for Baxter Life 2000,"
                + " approved by Lee Park (CISO)" + System.lineSeparator());
    }

    @Test
    void decideSignsAsUser() {
        createAccounts();

        Run run = runWithPassword("manager-pass", "--user", "mlee", "patches", "decide", "--device", "MON-1", "--update",
                "IntelliVue M.00.04", "--decision", "defer", "--rationale", "Philips has not validated it");

        assertThat(run.exitCode()).as(run.err()).isZero();
        PatchDecision decision = decisions().get(0);
        assertThat(decision.signature().userName()).isEqualTo("mlee");
        assertThat(decision.signature().comment()).isEqualTo("Philips has not validated it");
        assertThat(decision.recordedBy()).isEqualTo("mlee");
        assertThat(run.out()).isEqualTo("Decision " + decision.id() + " recorded: defer IntelliVue M.00.04 for MON-1, approved by"
                + " Morgan Lee (HTM manager), signed electronically as mlee on 2026-12-04 07:00" + System.lineSeparator());
    }

    @Test
    void decideRejectsTechnicianSigner() {
        createAccounts();

        Run run = runWithPassword("tech-pass-1", "--user", "jtech", "patches", "decide", "--device", "MON-1", "--update",
                "IntelliVue M.00.04", "--decision", "defer", "--rationale", "Philips has not validated it");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("User jtech (HTM technician) cannot sign a patch decision");
        assertThat(decisions()).isEmpty();
    }

    @Test
    void decideRejectsTypedApproverOnceAccountsExist() {
        createAccounts();

        Run run = runWithPassword("manager-pass", "--user", "mlee", "patches", "decide", "--device", "MON-1", "--update",
                "IntelliVue M.00.04", "--decision", "defer", "--rationale", "r", "--approver", "Lee Park", "--role", "CISO");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--approver, --role and --date are for sites without user accounts");
        assertThat(decisions()).isEmpty();
    }
}
