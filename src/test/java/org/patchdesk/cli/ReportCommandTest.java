package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** The report metrics, report snapshot and settings commands, as a user runs them. */
class ReportCommandTest {

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void site() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            ControlFixtures.pump(services, "ICU-1", "ICU");
            ControlFixtures.pump(services, "NICU-1", "NICU");
            ControlFixtures.vulnerabilities(services);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of("PATCHDESK_DATA_DIR", folder.resolve("data").toString()), TestSites.CLOCK,
                Workspace::open);
        int code = CommandLineRunner.run(args, context, dataFolder -> {
            throw new AssertionError("The window must not open in a command-line test");
        }, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void metricsAsText() {
        Run run = run("report", "metrics");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Metrics for PatchDesk, 2025-12-05 to 2026-12-04, all departments");
        assertThat(run.out()).contains("Counts of open items are as of 2026-12-04; patch window 90 days.");
        assertThat(run.out()).containsPattern("(?m)^4 +Open findings$");
        assertThat(run.out()).containsPattern("(?m)^no data \\(0 of 0\\) +Devices patched within 90 days of validation$");
        assertThat(run.out()).containsPattern("(?m)^2 of 2 \\(100.0 %\\) +Devices with network, software version and criticality data$");
    }

    @Test
    void metricsAsCsvForDepartment() throws Exception {
        Run run = run("report", "metrics", "--from", "2026-01-01", "--to", "2026-12-04", "--department", "icu", "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(run.out())).getRecords();
        CSVRecord open = rows.stream().filter(row -> row.get("Key").equals("open_findings")).findFirst().orElseThrow();
        assertThat(open.get("Value")).isEqualTo("2");
        assertThat(open.get("Department")).isEqualTo("ICU");
        assertThat(open.get("From")).isEqualTo("2026-01-01");
        CSVRecord complete = rows.stream().filter(row -> row.get("Key").equals("inventory_complete")).findFirst().orElseThrow();
        assertThat(complete.get("Value")).isEqualTo("100");
        assertThat(complete.get("Numerator")).isEqualTo("1");
        assertThat(complete.get("Denominator")).isEqualTo("1");
    }

    @Test
    void badDateNamesOption() {
        Run run = run("report", "metrics", "--from", "2026-13-01");

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).contains("--from").contains("2026-13-01");
    }

    @Test
    void reversedRangeIsUsageError() {
        Run run = run("report", "metrics", "--from", "2026-12-01", "--to", "2026-11-01");

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).contains("--to 2026-11-01 is before --from 2026-12-01");
    }

    @Test
    void unknownDepartmentListsKnownOnes() {
        Run run = run("report", "metrics", "--department", "Oncology");

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).contains("--department 'Oncology' is not a department of the inventory; departments: ICU, NICU");
    }

    @Test
    void snapshotOnDemand() {
        Run run = run("report", "snapshot");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).matches("Stored snapshot \\d+ of 2026-12-01 to 2026-12-04 with \\d+ values\\R");
        try (Services services = TestSites.open(folder.resolve("data"))) {
            assertThat(services.metricSnapshots().list()).hasSize(1);
        }
    }

    @Test
    void siteSettingsSetAndShown() {
        Run set = run("settings", "site", "--name", "St. Anne Medical Center");
        Run shown = run("settings", "site");
        Run bad = run("settings", "site", "--logo", folder.resolve("missing.png").toString());

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(shown.out()).isEqualTo("Site name: St. Anne Medical Center" + System.lineSeparator() + "Logo: none"
                + System.lineSeparator());
        assertThat(bad.exitCode()).isEqualTo(CommandLineRunner.EXIT_FAILED);
        assertThat(bad.err()).contains("missing.png does not exist");
        assertThat(run("report", "metrics").out()).startsWith("Metrics for St. Anne Medical Center,");
        assertThat(run("audit", "verify").exitCode()).isZero();
    }

    @Test
    void metricsWindowSetting() {
        Run set = run("settings", "metrics", "--window-days", "60");
        Run bad = run("settings", "metrics", "--window-days", "400");

        assertThat(set.out()).isEqualTo("Patch window: 60 days" + System.lineSeparator());
        assertThat(bad.exitCode()).isEqualTo(CommandLineRunner.EXIT_FAILED);
        assertThat(bad.err()).contains("from 1 to 365, not 400");
        assertThat(run("report", "metrics").out()).contains("Devices patched within 60 days of validation");
    }

    @Test
    void scoringSettingsSetAndShown() {
        Run set = run("settings", "scoring", "--set", "due.days.immediate=10", "--set", "feed.stale.kev.days=21");
        Run bad = run("settings", "scoring", "--set", "priority.weight.kev=120");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("due.days.immediate = 10" + System.lineSeparator())
                .contains("feed.stale.kev.days = 21" + System.lineSeparator())
                .contains("priority.weight.kev = 20.0" + System.lineSeparator());
        assertThat(bad.exitCode()).isEqualTo(CommandLineRunner.EXIT_FAILED);
        assertThat(bad.err()).contains("Setting priority.weight.kev must be between 0 and 100");
        assertThat(run("settings", "scoring").out()).contains("due.days.immediate = 10").contains("priority.weight.kev = 20.0");
        assertThat(run("audit", "verify").exitCode()).isZero();
    }

    @Test
    void lockSettingSetAndShown() {
        Run shown = run("settings", "lock");
        Run set = run("settings", "lock", "--minutes", "0");
        Run bad = run("settings", "lock", "--minutes", "500");

        assertThat(shown.out()).isEqualTo("Inactivity lock: after 15 minutes" + System.lineSeparator());
        assertThat(set.out()).isEqualTo("Inactivity lock: off" + System.lineSeparator());
        assertThat(bad.exitCode()).isEqualTo(CommandLineRunner.EXIT_FAILED);
        assertThat(bad.err()).contains("The lock needs 0 (off) to 480 minutes, not 500");
    }
}
