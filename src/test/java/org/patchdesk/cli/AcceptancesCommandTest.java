package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.acceptance.AcceptanceCsv;
import org.patchdesk.controls.FindingRef;
import org.patchdesk.acceptance.AcceptanceFixtures;
import org.patchdesk.acceptance.RiskAcceptance;
import org.patchdesk.acceptance.RiskAcceptanceService;
import org.patchdesk.inventory.Device;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** The acceptances command on acceptances made through the service; the test clock's today is 2026-12-04. */
class AcceptancesCommandTest {

    @TempDir
    Path folder;

    private long activeId;
    private long draftId;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void recordAcceptances() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            Device pump = AcceptanceFixtures.site(services);
            RiskAcceptanceService acceptances = services.acceptances();
            RiskAcceptance request = acceptances.createDraft(AcceptanceFixtures.values(pump.id(), List.of(), AcceptanceFixtures.today(), 2,
                    3, 1), TestSites.TECHNICIAN);
            acceptances.submit(request.id(), TestSites.TECHNICIAN);
            acceptances.sign(request.id(), "mmanager", AcceptanceFixtures.password("mmanager"), SignatureMeaning.APPROVED, null, null);
            activeId = request.id();
            draftId = acceptances.createDraft(AcceptanceFixtures.values(pump.id(), List.of(), AcceptanceFixtures.today(), 4, 4, 12),
                    TestSites.TECHNICIAN).id();
        }
    }

    private Run run(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of("PATCHDESK_DATA_DIR", folder.resolve("data").toString()), clock, Workspace::open);
        int code = CommandLineRunner.run(args, context, dataFolder -> {
            throw new AssertionError("The window must not open in a command-line test");
        }, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    @Test
    void listShowsEveryAcceptance() {
        Run run = run(TestSites.CLOCK, "acceptances", "list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("RA-" + activeId).contains("expiring").contains("Low (2 x 3 = 6)")
                .contains("RA-" + draftId).contains("draft").contains("High (4 x 4 = 16)").contains("2 risk acceptances");
    }

    @Test
    void deviceScopedAcceptanceShowsFindingsHeld() throws Exception {
        List<String> held;
        try (Services services = TestSites.open(folder.resolve("data"))) {
            held = services.acceptances().get(activeId).orElseThrow().heldFindings().stream().map(FindingRef::label).toList();
        }

        Run table = run(TestSites.CLOCK, "acceptances", "list", "--state", "expiring");
        Run listed = run(TestSites.CLOCK, "acceptances", "list", "--state", "expiring", "--format", "csv");

        assertThat(held).isNotEmpty();
        assertThat(table.out()).containsPattern("(?m)^RA-" + activeId + " .* 1 +0 +" + held.size() + " *$")
                .contains("Findings named").contains("Findings held");
        CSVRecord record = csv(listed.out()).get(0);
        assertThat(record.get("Findings Named")).isEmpty();
        assertThat(record.get("Findings Held")).isEqualTo(String.join("; ", held));
    }

    @Test
    void expiringListsActiveWithinDays() throws Exception {
        Run within = run(TestSites.CLOCK, "acceptances", "list", "--expiring", "30", "--format", "csv");
        Run outside = run(TestSites.CLOCK, "acceptances", "list", "--expiring", "29");

        assertThat(within.exitCode()).isEqualTo(CommandLineRunner.EXIT_FAILED);
        assertThat(within.out()).startsWith(String.join(",", AcceptanceCsv.HEADERS) + "\r\n");
        List<CSVRecord> records = csv(within.out());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("Number")).isEqualTo("RA-" + activeId);
        assertThat(records.get(0).get("State")).isEqualTo("expiring");
        assertThat(records.get(0).get("End Date")).isEqualTo("2027-01-03");
        assertThat(records.get(0).get("Days Left")).isEqualTo("30");
        assertThat(records.get(0).get("Devices")).isEqualTo(AcceptanceFixtures.ICU_TAG);
        assertThat(records.get(0).get("Required Roles")).isEqualTo("HTM manager");
        assertThat(outside.exitCode()).isZero();
        assertThat(outside.out()).contains("No risk acceptance matches.");
    }

    @Test
    void stateFilterAndExpiryOnOpen() throws Exception {
        Clock later = Clock.fixed(Instant.parse("2027-01-04T13:00:00Z"), ZoneId.of("America/Chicago"));

        Run drafts = run(TestSites.CLOCK, "acceptances", "list", "--state", "draft", "--format", "csv");
        Run expired = run(later, "acceptances", "list", "--state", "expired", "--format", "csv");

        assertThat(csv(drafts.out())).extracting(record -> record.get("Number")).containsExactly("RA-" + draftId);
        assertThat(csv(expired.out())).extracting(record -> record.get("Number")).containsExactly("RA-" + activeId);
    }

    @Test
    void invalidStateIsUsageError() {
        Run run = run(TestSites.CLOCK, "acceptances", "list", "--state", "pending");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid --state: 'pending' is not a risk acceptance state");
    }
}
