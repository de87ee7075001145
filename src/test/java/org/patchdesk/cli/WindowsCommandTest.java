package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.TestSites;
import org.patchdesk.windows.CabStatus;
import org.patchdesk.windows.WindowDraft;
import org.patchdesk.windows.WindowType;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** The windows commands on windows planned through the services, as a user runs them. */
class WindowsCommandTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @TempDir
    Path folder;

    private long approvedId;
    private long cancelledId;

    record Run(int exitCode, String out, String err) {
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
    }

    @BeforeEach
    void planWindows() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            Device pump = services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "PUMP-0001")
                    .set(DeviceField.DEVICE_TYPE, "Infusion pump").set(DeviceField.DEPARTMENT, "Oncology")
                    .set(DeviceField.MANUFACTURER, "Baxter").set(DeviceField.MODEL, "Sigma Spectrum"), TestSites.TECHNICIAN);
            Device monitor = services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "MON-0042")
                    .set(DeviceField.DEVICE_TYPE, "Patient monitor").set(DeviceField.DEPARTMENT, "Oncology"), TestSites.TECHNICIAN);
            approvedId = services.windows().create(new WindowDraft("Oncology pumps, wave 1", at("2026-12-09T22:00"),
                    at("2026-12-10T01:30"), "Oncology", "5 East", WindowType.ROUTINE, "Install drug library server update 8.2; a long"
                    + " description, so that the iCalendar line is folded at 75 octets as RFC 5545 requires",
                    List.of(new WindowDraft.Planned(pump.id(), 20), new WindowDraft.Planned(monitor.id(), null)), "CHG0031337",
                    CabStatus.APPROVED, java.time.LocalDate.of(2026, 12, 3)), TestSites.TECHNICIAN);
            services.windows().submitForApproval(approvedId, TestSites.TECHNICIAN);
            services.windows().approve(approvedId, "Maria Lopez, RN", "Oncology nurse manager", "Pharmacy on call", TestSites.MANAGER);
            cancelledId = services.windows().create(new WindowDraft("Monitor reboot", at("2026-12-20T06:00"), at("2026-12-20T07:00"),
                    "Oncology", null, WindowType.OUT_OF_CYCLE, null, List.of(new WindowDraft.Planned(monitor.id(), 10)), null,
                    CabStatus.NOT_SUBMITTED, null), TestSites.TECHNICIAN);
            services.windows().cancel(cancelledId, "Vendor withdrew the update", TestSites.TECHNICIAN);
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
    void exportedCalendarReadsBack() throws Exception {
        Path file = folder.resolve("windows.ics");
        Run export = run("windows", "export", file.toString());

        assertThat(export.exitCode()).isZero();
        assertThat(export.out()).isEqualTo("Wrote 2 windows to " + file + System.lineSeparator());
        String text = Files.readString(file);
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        ICalendar calendar = Biweekly.parse(text).first();
        assertThat(calendar.getEvents()).hasSize(2);
        VEvent approved = calendar.getEvents().get(0);
        assertThat(approved.getUid().getValue()).isEqualTo("patchdesk-window-" + approvedId);
        assertThat(approved.getSummary().getValue()).isEqualTo("Oncology pumps, wave 1");
        assertThat(approved.getDateStart().getValue().toInstant()).isEqualTo(at("2026-12-09T22:00"));
        assertThat(approved.getDateEnd().getValue().toInstant()).isEqualTo(at("2026-12-10T01:30"));
        assertThat(approved.getLocation().getValue()).isEqualTo("Oncology, 5 East");
        assertThat(approved.getStatus().isConfirmed()).isTrue();
        assertThat(approved.getSequence().getValue()).isEqualTo(3);
        assertThat(approved.getDescription().getValue())
                .contains("Clinical approval: Maria Lopez, RN, Oncology nurse manager, Dec 4, 2026 07:00; conditions: Pharmacy on call")
                .contains("Change CHG0031337, CAB approved 2026-12-03")
                .contains("so that the iCalendar line is folded at 75 octets as RFC 5545 requires")
                .contains("- MON-0042, Patient monitor\n- PUMP-0001, Infusion pump, Baxter, Sigma Spectrum, 20 min downtime");
        VEvent cancelled = calendar.getEvents().get(1);
        assertThat(cancelled.getSummary().getValue()).isEqualTo("[Cancelled] Monitor reboot");
        assertThat(cancelled.getStatus().isCancelled()).isTrue();
        assertThat(cancelled.getSequence().getValue()).isEqualTo(2);

        Run december = run("windows", "export", file.toString(), "--from", "2026-12-15", "--to", "2026-12-31");
        assertThat(december.out()).startsWith("Wrote 1 window to");
        assertThat(Biweekly.parse(file.toFile()).first().getEvents()).singleElement()
                .satisfies(event -> assertThat(event.getUid().getValue()).isEqualTo("patchdesk-window-" + cancelledId));
    }

    @Test
    void listsWindowsAsTableAndCsv() throws Exception {
        Run table = run("windows", "list");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("2026-12-09 22:00").contains("Oncology pumps, wave 1").contains("approved")
                .contains("Maria Lopez, RN (Oncology nurse manager)").contains("cancelled").contains("2 windows");

        Run csv = run("windows", "list", "--format", "csv", "--from", "2026-12-09", "--to", "2026-12-09");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv.out())).getRecords();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("ID")).isEqualTo(String.valueOf(approvedId));
            assertThat(row.get("Starts")).isEqualTo("2026-12-09 22:00");
            assertThat(row.get("Ends")).isEqualTo("2026-12-10 01:30");
            assertThat(row.get("Time Zone")).isEqualTo("America/Chicago");
            assertThat(row.get("Asset Tags")).isEqualTo("MON-0042, PUMP-0001");
            assertThat(row.get("Status")).isEqualTo("approved");
            assertThat(row.get("CAB Status")).isEqualTo("approved");
            assertThat(row.get("Warnings")).isEmpty();
        });

        Run backwards = run("windows", "list", "--from", "2026-12-10", "--to", "2026-12-01");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).startsWith("--to 2026-12-01 is before --from 2026-12-10");
        Run notIcs = run("windows", "export", folder.resolve("windows.txt").toString());
        assertThat(notIcs.err()).startsWith(folder.resolve("windows.txt") + ": the file name must end in .ics");
    }

    @Test
    void writesAWorkOrder() throws Exception {
        Path pdf = folder.resolve("order.pdf");
        Run written = run("windows", "work-order", String.valueOf(approvedId), pdf.toString());

        assertThat(written.exitCode()).isZero();
        assertThat(written.out()).startsWith("Wrote the work order of window " + approvedId);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("PUMP-0001").contains("MON-0042")
                    .contains("Maria Lopez, RN");
        }
        Run missing = run("windows", "work-order", "999", pdf.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("Patch window 999 not found");
    }
}
