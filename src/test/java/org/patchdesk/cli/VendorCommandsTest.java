package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.Manufacturer;
import org.patchdesk.testing.TestSites;
import org.patchdesk.vendors.NewRequest;
import org.patchdesk.vendors.RequestCsv;
import org.patchdesk.vendors.RequestDetails;
import org.patchdesk.vendors.RequestStatus;
import org.patchdesk.vendors.ValidationRequestService;
import org.patchdesk.vendors.VendorResponse;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** The vendors command on requests recorded through the service; the test clock's today is 2026-12-04. */
class VendorCommandsTest {

    @TempDir
    Path folder;

    private long overdueId;
    private long uncontrolledId;
    private long validatedId;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void recordRequests() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            for (String[] device : List.of(new String[] {"BD-1", "BD", "Alaris 8015"}, new String[] {"BAX-1", "Baxter", "Sigma Spectrum"})) {
                services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, device[0]).set(DeviceField.MANUFACTURER, device[1])
                        .set(DeviceField.MODEL, device[2]), TestSites.TECHNICIAN);
            }
            ValidationRequestService requests = services.validationRequests();
            long alaris = requests.products(services.manufacturers().findByAlias("BD").map(Manufacturer::id).orElseThrow()).get(0).id();
            long spectrum = requests.products(services.manufacturers().findByAlias("Baxter").map(Manufacturer::id).orElseThrow()).get(0).id();
            overdueId = requests.create(new NewRequest(alaris, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 2),
                    new RequestDetails("Service Pack 4", null, null, false, null, null, null)), TestSites.TECHNICIAN).id();
            uncontrolledId = requests.create(new NewRequest(spectrum, LocalDate.of(2026, 11, 12), LocalDate.of(2026, 12, 20),
                    new RequestDetails(null, "CVE-2026-40001", null, true, LocalDate.of(2026, 11, 10), null, null)),
                    TestSites.TECHNICIAN).id();
            validatedId = requests.create(new NewRequest(alaris, LocalDate.of(2026, 9, 1), null,
                    new RequestDetails("KB5034441", null, null, false, null, null, null)), TestSites.TECHNICIAN).id();
            requests.changeStatus(validatedId, RequestStatus.VALIDATED, LocalDate.of(2026, 9, 15), null,
                    new VendorResponse(LocalDate.of(2026, 9, 15), "BD-VAL-118", null), TestSites.TECHNICIAN);
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

    private static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    @Test
    void csvListsRequestsWithFdaClocks() throws Exception {
        Run run = run("vendors", "requests", "--format", "csv");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo(String.join(",", RequestCsv.HEADERS));
        List<CSVRecord> rows = csv(run.out());
        assertThat(rows).extracting(row -> row.get("Id")).containsExactly(String.valueOf(uncontrolledId), String.valueOf(overdueId),
                String.valueOf(validatedId));
        CSVRecord clock = rows.get(0);
        assertThat(clock.get("Manufacturer")).isEqualTo("Baxter");
        assertThat(clock.get("CVE")).isEqualTo("CVE-2026-40001");
        assertThat(clock.get("Uncontrolled")).isEqualTo("yes");
        assertThat(clock.get("Clock Start")).isEqualTo("2026-11-10");
        assertThat(clock.get("Clock Start Basis")).isEqualTo("learned");
        assertThat(clock.get("Communication Due")).isEqualTo("2026-12-10");
        assertThat(clock.get("Communication Days Left")).isEqualTo("6");
        assertThat(clock.get("Fix Due")).isEqualTo("2027-01-09");
        assertThat(clock.get("Fix Days Left")).isEqualTo("36");
        assertThat(rows.get(1).get("Follow-up Overdue")).isEqualTo("yes");
        assertThat(rows.get(1).get("Communication Due")).isEmpty();
        assertThat(rows.get(2).get("Validated")).isEqualTo("2026-09-15");
        assertThat(rows.get(2).get("Days to Validation")).isEqualTo("14");
        assertThat(rows.get(2).get("Vendor Reference")).isEqualTo("BD-VAL-118");
    }

    @Test
    void tableShowsClocksAndOverdueFollowUps() {
        Run run = run("vendors", "requests", "--open");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("Id").contains("FDA day 30").endsWith("FDA day 60");
        assertThat(lines.get(1)).startsWith(uncontrolledId + " ").contains("CVE-2026-40001").contains("2026-12-10, 6 days left")
                .endsWith("2027-01-09, 36 days left");
        assertThat(lines.get(2)).startsWith(overdueId + " ").contains("Service Pack 4").contains("2026-11-02 overdue");
        assertThat(lines.get(3)).isEqualTo("2 requests");
    }

    @Test
    void overdueExitsWithOneWhenAnyIsListed() throws Exception {
        Run overdue = run("vendors", "requests", "--overdue", "--format", "csv");
        Run none = run("vendors", "requests", "--overdue", "--vendor", "Baxter");

        assertThat(overdue.exitCode()).isEqualTo(1);
        assertThat(csv(overdue.out())).extracting(row -> row.get("Id")).containsExactly(String.valueOf(overdueId));
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).isEqualTo("No validation request matches." + System.lineSeparator());
    }

    @Test
    void badOptionsAreExplained() {
        Run status = run("vendors", "requests", "--status", "approved");
        Run vendor = run("vendors", "requests", "--vendor", "Acme Medical");

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).startsWith("Invalid --status: 'approved' is not a request status; use one of requested, acknowledged,"
                + " validated, rejected, no-response");
        assertThat(vendor.exitCode()).isEqualTo(1);
        assertThat(vendor.err()).startsWith("No manufacturer is named 'Acme Medical'");
        assertThat(run("vendors", "requests", "--status", "validated,no response").out()).contains("KB5034441").doesNotContain("Service Pack 4");
    }
}
