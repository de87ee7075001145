package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlCsv;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.controls.ControlService;
import org.patchdesk.controls.ControlValues;
import org.patchdesk.inventory.Device;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** The controls command on controls recorded through the service; the test clock's today is 2026-12-04. */
class ControlsCommandTest {

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void recordControls() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            Device icu = ControlFixtures.pump(services, "ICU-PUMP-1", "ICU");
            ControlFixtures.pump(services, "NICU-PUMP-1", "NICU");
            ControlFixtures.vulnerabilities(services);
            ControlService controls = services.controls();
            CompensatingControl vlan = controls.create(new ControlValues("network-segmentation", "Pumps on VLAN 40", null, "Network team",
                    LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 10), "ACL 140"), TestSites.TECHNICIAN);
            controls.coverDevices(vlan.id(), List.of(icu.id()), TestSites.TECHNICIAN);
            long nicuFinding = services.findings().find("NICU-PUMP-1", ControlFixtures.FIRST_CVE).orElseThrow().finding().id();
            CompensatingControl ips = controls.create(new ControlValues("virtual-patching", "IPS signature 2049001", null, "InfoSec",
                    LocalDate.of(2026, 12, 1), LocalDate.of(2027, 3, 1), "SID 2049001"), TestSites.TECHNICIAN);
            controls.coverFindings(ips.id(), List.of(nicuFinding), TestSites.TECHNICIAN);
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
    void listShowsControlsWithState() {
        Run run = run(TestSites.CLOCK, "controls", "list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Pumps on VLAN 40").contains("verified 2026-11-20, next 2026-12-10")
                .contains("Virtual patching / IPS signature").contains("2 controls");
        assertThat(run.out().indexOf("Pumps on VLAN 40")).as("soonest next verification first")
                .isLessThan(run.out().indexOf("IPS signature 2049001"));
    }

    @Test
    void csvListsCoverageAndMappings() throws Exception {
        Run run = run(TestSites.CLOCK, "controls", "list", "--format", "csv");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(String.join(",", ControlCsv.HEADERS) + "\r\n");
        List<CSVRecord> records = csv(run.out());
        assertThat(records).hasSize(2);
        CSVRecord vlan = records.get(0);
        assertThat(vlan.get("Title")).isEqualTo("Pumps on VLAN 40");
        assertThat(vlan.get("Type")).isEqualTo("Network segmentation / VLAN");
        assertThat(vlan.get("State")).isEqualTo("verified");
        assertThat(vlan.get("Covered Devices")).isEqualTo("ICU-PUMP-1");
        assertThat(vlan.get("Covered Findings")).isEmpty();
        assertThat(vlan.get("NIST SP 800-53")).isEqualTo("SC-7, AC-4");
        assertThat(vlan.get("CSF 2.0")).isEqualTo("PR.IR-01");
        assertThat(vlan.get("Evidence Rule IDs")).isEqualTo("ACL 140");
        assertThat(records.get(1).get("Covered Findings")).isEqualTo("NICU-PUMP-1 " + ControlFixtures.FIRST_CVE);
    }

    @Test
    void deviceFilterIncludesFindingCoverage() throws Exception {
        Run nicu = run(TestSites.CLOCK, "controls", "list", "--device", "nicu-pump-1", "--format", "csv");
        Run unknown = run(TestSites.CLOCK, "controls", "list", "--device", "NO-SUCH-TAG");

        assertThat(csv(nicu.out())).extracting(record -> record.get("Title")).containsExactly("IPS signature 2049001");
        assertThat(unknown.exitCode()).isEqualTo(CommandLineRunner.EXIT_FAILED);
        assertThat(unknown.err()).contains("No device has the asset tag 'NO-SUCH-TAG'");
    }

    @Test
    void overdueListFailsAndRescoresAtOpen() {
        Clock later = Clock.fixed(Instant.parse("2026-12-11T13:00:00Z"), ZoneId.of("America/Chicago"));

        Run today = run(TestSites.CLOCK, "controls", "list", "--overdue");
        Run run = run(later, "controls", "list", "--overdue");

        assertThat(today.exitCode()).isZero();
        assertThat(today.out()).contains("No compensating control matches.");
        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_FAILED);
        assertThat(run.out()).contains("Pumps on VLAN 40").contains("verification overdue since 2026-12-11").contains("1 control")
                .doesNotContain("IPS signature");
        try (Services services = TestSites.open(folder.resolve("data"), later)) {
            WorklistRow row = services.findings().find("ICU-PUMP-1", ControlFixtures.FIRST_CVE).orElseThrow();
            assertThat(row.finding().exposure()).as("rescored when the command opened the data folder").isEqualTo("open");
            assertThat(row.finding().decision()).isEqualTo("out-of-cycle");
        }
    }

    @Test
    void unknownTypeIsUsageError() {
        Run run = run(TestSites.CLOCK, "controls", "list", "--type", "vlan");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid --type: 'vlan' is not in the catalog; use one of network-segmentation, firewall-acl");
    }
}
