package org.patchdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.playbooks.Playbook;
import org.patchdesk.playbooks.PlaybookSummary;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class WorkOrderPdfTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @TempDir
    Path folder;

    /** Returns the text of each page, with every run of white space made one space. */
    static List<String> pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replaceAll("\\s+", " ").strip());
            }
            return pages;
        }
    }

    private Playbook seededPumpPlaybook(Services services) {
        PlaybookSummary pumps = services.playbooks().list().stream().filter(summary -> summary.name().startsWith("Networked infusion"))
                .findFirst().orElseThrow();
        return services.playbooks().get(pumps.id()).orElseThrow();
    }

    private static List<WorkOrder.Device> pumps(int count) {
        List<WorkOrder.Device> devices = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            devices.add(new WorkOrder.Device(String.format("IP-%04d", i), "Infusion pump", "BD", "Alaris 8015 PC unit",
                    "Main Tower, 4 West, Room " + (400 + i), "12.1.2", i % 5 == 0 ? null : 20));
        }
        return devices;
    }

    private static WorkOrder order(List<WorkOrder.Device> devices, List<WorkOrder.PlaybookSection> playbooks) {
        return new WorkOrder(ReportSite.of("St. Example Regional Medical Center"), "4 West pump firmware, wave 1", "PW-2026-0142", "Firmware update",
                "Scheduled", ZonedDateTime.of(2026, 12, 12, 22, 0, 0, 0, CHICAGO), ZonedDateTime.of(2026, 12, 13, 2, 30, 0, 0, CHICAGO),
                "4 West Medical-Surgical", "Main Tower, 4th floor", new WorkOrder.ChangeTicket("CHG0031877", "approved",
                LocalDate.of(2026, 12, 8)), new WorkOrder.Approval("Dana Whitfield", "Director of Clinical Engineering",
                ZonedDateTime.of(2026, 12, 9, 14, 5, 0, 0, CHICAGO), "Keep at least 30 pumps in service on 4 West."),
                List.of("Upgrade the pump firmware from 12.1.2 to 12.3.0.", "Confirm each pump reconnects to the pump server."),
                devices, playbooks, "jtech", ZonedDateTime.of(2026, 12, 4, 7, 0, 0, 0, CHICAGO));
    }

    @Test
    void workOrderPrintsDevicesStepsAndPageNumbers() throws IOException {
        Path pdf = folder.resolve("work-order.pdf");
        try (Services services = TestSites.open(folder.resolve("data"))) {
            Playbook playbook = seededPumpPlaybook(services);
            List<WorkOrder.Device> devices = pumps(12);

            WorkOrderPdf.write(order(devices, List.of(playbook.toWorkOrderSection())), pdf);

            List<String> pages = pages(pdf);
            String all = String.join(" ", pages);
            assertThat(pages).hasSizeGreaterThan(1);
            for (WorkOrder.Device device : devices) {
                assertThat(all).contains(device.assetTag());
            }
            for (var step : playbook.steps()) {
                assertThat(all).as("step %s %d", step.phase(), step.position()).contains(step.text());
            }
            for (int page = 1; page <= pages.size(); page++) {
                assertThat(pages.get(page - 1)).contains("Page " + page + " of " + pages.size())
                        .contains("St. Example Regional Medical Center").contains("Work order: 4 West pump firmware, wave 1")
                        .contains("Printed 2026-12-04 07:00 CST by jtech");
            }
            assertThat(all).contains("Start Sat 2026-12-12 22:00 CST (America/Chicago)").contains("Length 4 h 30 min")
                    .contains("CHG0031877, CAB approved on 2026-12-08")
                    .contains("Approved by Dana Whitfield (Director of Clinical Engineering), signed 2026-12-09 14:05 CST")
                    .contains("Keep at least 30 pumps in service on 4 West.")
                    .contains("1. Upgrade the pump firmware from 12.1.2 to 12.3.0.")
                    .contains("Expected downtime of all devices together: 200 min, not counting 2 devices without an estimate.")
                    .contains("Playbook: Networked infusion pump fleet: staged update")
                    .contains("Pre-checks").contains("Procedure").contains("Verification").contains("Rollback")
                    .contains("HTM technician").contains("Clinical unit").contains("Printed name").contains("Signature");
            assertThat(all.indexOf("Pre-checks")).isLessThan(all.indexOf("Rollback"));
        }
    }

    @Test
    void demoWorkOrderCarriesDemoMark() throws IOException {
        Path pdf = folder.resolve("demo-order.pdf");
        WorkOrder order = new WorkOrder(new ReportSite("Demo Hospital", true), "Imaging workstation KBs", "PW-7", null, "Draft", null,
                null, null, null, null, null, null, null, null, null, null);

        WorkOrderPdf.write(order, pdf);

        assertThat(pages(pdf)).allSatisfy(page -> assertThat(page).contains(ReportSite.DEMO_MARK));
    }

    @Test
    void workOrderWithoutApprovalOrTicketSaysSo() throws IOException {
        Path pdf = folder.resolve("unapproved.pdf");
        WorkOrder order = new WorkOrder(ReportSite.of("Site"), "Imaging workstation KBs", "PW-7", null, "Draft", null, null, null, null, null, null,
                null, null, null, null, null);

        WorkOrderPdf.write(order, pdf);

        String all = String.join(" ", pages(pdf));
        assertThat(all).contains("Change ticket no change ticket").contains("Approval not approved")
                .contains("No action is planned.").contains("No device is in this window.")
                .contains("No playbook is attached to this window.").contains("Page 1 of 1");
        assertThat(all).doesNotContain("Conditions");
    }

    @Test
    void workOrderPrintsDeclinedApproval() throws IOException {
        Path pdf = folder.resolve("declined.pdf");
        WorkOrder order = new WorkOrder(ReportSite.of("Site"), "ICU pumps", "PW-8", null, "Proposed", null, null, null, null, null, null, null, null,
                null, null, null, new WorkOrder.DeclinedApproval("Dana Reyes, RN (Clinical leader)",
                ZonedDateTime.of(2026, 12, 4, 7, 0, 0, 0, CHICAGO), "Census too high this week", true));

        WorkOrderPdf.write(order, pdf);

        String all = String.join(" ", pages(pdf));
        assertThat(all).contains("Approval not approved");
        assertThat(all).contains("Approval declined Rejected by Dana Reyes, RN (Clinical leader), signed 2026-12-04 07:00 CST; reason:"
                + " Census too high this week");
    }

    @Test
    void deviceTableRepeatsItsHeaderOnEveryPage() throws IOException {
        Path pdf = folder.resolve("long.pdf");
        List<WorkOrder.Device> devices = pumps(90);

        WorkOrderPdf.write(order(devices, List.of()), pdf);

        List<String> pages = pages(pdf);
        int lastDevicePage = 0;
        for (int page = 0; page < pages.size(); page++) {
            if (pages.get(page).contains("IP-0")) {
                lastDevicePage = page;
            }
        }
        assertThat(lastDevicePage).isGreaterThanOrEqualTo(2);
        for (int page = 0; page <= lastDevicePage; page++) {
            assertThat(pages.get(page)).as("page %d", page + 1)
                    .contains("Done Asset tag Type Manufacturer / model Location Software version Downtime (min)");
        }
        String all = String.join(" ", pages);
        int previous = -1;
        for (WorkOrder.Device device : devices) {
            int at = all.indexOf(device.assetTag());
            assertThat(at).as(device.assetTag()).isGreaterThan(previous);
            previous = at;
        }
    }

    @Test
    void pagesAreUsLetter() throws IOException {
        Path pdf = folder.resolve("letter.pdf");

        WorkOrderPdf.write(order(pumps(2), List.of()), pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.LETTER.getWidth());
            assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.LETTER.getHeight());
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Work order: 4 West pump firmware, wave 1");
        }
        assertThat(Files.size(pdf)).isGreaterThan(1000);
    }
}
