package org.patchdesk.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.patchlog.NewLogEntry;
import org.patchdesk.patchlog.PatchLogEntry;
import org.patchdesk.patchlog.PatchLogFixtures;
import org.patchdesk.patchlog.PatchLogQuery;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.playbooks.PlaybookSummary;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class WindowServiceTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

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

    private Device device(String tag, String type, String department) {
        return services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.DEVICE_TYPE, type)
                .set(DeviceField.DEPARTMENT, department).set(DeviceField.MANUFACTURER, "Hamilton Medical")
                .set(DeviceField.MODEL, "C6"), TestSites.TECHNICIAN);
    }

    private long typeId(Device device) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT device_type_id FROM device WHERE id = :id")
                .bind("id", device.id()).mapTo(Long.class).one());
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
    }

    private static WindowDraft draft(String title, String start, String end, String department, Device... devices) {
        List<WindowDraft.Planned> planned = new ArrayList<>();
        for (Device device : devices) {
            planned.add(new WindowDraft.Planned(device.id(), 45));
        }
        return new WindowDraft(title, at(start), at(end), department, "4 West", WindowType.ROUTINE, "Install validated update 7.1",
                planned, null, CabStatus.NOT_SUBMITTED, null);
    }

    private static NewLogEntry installed(Device device, String version) {
        return NewLogEntry.of(device.id(), "Update " + version, null, version, at("2026-12-03T07:30"), "jtech", PatchOutcome.INSTALLED,
                null, List.of());
    }

    private List<AuditEntry> audit() {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT summary FROM audit_entry WHERE record_type ="
                + " 'patch_window' ORDER BY id").mapTo(String.class).list()).stream()
                .map(summary -> new AuditEntry(null, null, null, null, null, null, null, null, null, null, summary)).toList();
    }

    @Test
    void windowGoesFromProposedToCompleted() {
        Device vent = device("VENT-01", "Ventilator", "ICU");
        long id = services.windows().create(draft("ICU ventilators wave 1", "2026-12-10T06:00", "2026-12-10T08:00", "ICU", vent),
                TestSites.TECHNICIAN);

        PatchWindow proposed = services.windows().find(id).orElseThrow();
        assertThat(proposed.status()).isEqualTo(WindowStatus.PROPOSED);
        assertThat(proposed.devices()).singleElement().satisfies(device -> {
            assertThat(device.assetTag()).isEqualTo("VENT-01");
            assertThat(device.deviceType()).isEqualTo("Ventilator");
            assertThat(device.downtimeMinutes()).isEqualTo(45);
        });
        assertThatThrownBy(() -> services.windows().approve(id, "Dana Reyes", "ICU nurse manager", null, TestSites.MANAGER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Window " + id + " is proposed; only a window that is awaiting clinical approval can be approved");

        services.windows().submitForApproval(id, TestSites.TECHNICIAN);
        assertThatThrownBy(() -> services.windows().approve(id, " ", "ICU nurse manager", null, TestSites.MANAGER))
                .hasMessage("Enter the name of the clinical approver");
        services.windows().approve(id, "Dana Reyes", "ICU nurse manager", "Keep two ventilators on standby", TestSites.MANAGER);

        PatchWindow approved = services.windows().find(id).orElseThrow();
        assertThat(approved.status()).isEqualTo(WindowStatus.APPROVED);
        assertThat(approved.approval()).isEqualTo(new Approval("Dana Reyes", "ICU nurse manager", TestSites.CLOCK.instant(),
                "Keep two ventilators on standby"));

        assertThatThrownBy(() -> services.windows().complete(id, "Update 7.1 installed", List.of(), TestSites.TECHNICIAN))
                .hasMessage("Record what was done to every device of the window; missing: VENT-01");
        services.windows().complete(id, "Update 7.1 installed on all devices", List.of(installed(vent, "7.1")), TestSites.TECHNICIAN);
        PatchWindow completed = services.windows().find(id).orElseThrow();
        assertThat(completed.status()).isEqualTo(WindowStatus.COMPLETED);
        assertThat(completed.outcomeNote()).isEqualTo("Update 7.1 installed on all devices");
        assertThat(completed.closedBy()).isEqualTo("jtech");
        assertThat(services.windows().history(id)).extracting(WindowEvent::to)
                .containsExactly(WindowStatus.PROPOSED, WindowStatus.AWAITING_APPROVAL, WindowStatus.APPROVED, WindowStatus.COMPLETED);
        assertThatThrownBy(() -> services.windows().cancel(id, "No longer needed", TestSites.MANAGER))
                .hasMessage("Window " + id + " is completed and cannot be cancelled");
        assertThat(audit()).extracting(AuditEntry::summary).hasSize(4).last().asString()
                .isEqualTo("Approved to Completed: Update 7.1 installed on all devices");
    }

    @Test
    void movingAnApprovedWindowNeedsApprovalAgain() {
        Device vent = device("VENT-01", "Ventilator", "ICU");
        long id = services.windows().create(draft("ICU ventilators", "2026-12-10T06:00", "2026-12-10T08:00", "ICU", vent),
                TestSites.TECHNICIAN);
        services.windows().submitForApproval(id, TestSites.TECHNICIAN);
        services.windows().approve(id, "Dana Reyes", "ICU nurse manager", null, TestSites.MANAGER);

        PatchWindow sameTime = services.windows().update(id, services.windows().find(id).orElseThrow().toDraft(), TestSites.TECHNICIAN);
        assertThat(sameTime.status()).isEqualTo(WindowStatus.APPROVED);

        PatchWindow moved = services.windows().reschedule(id, at("2026-12-11T06:00"), at("2026-12-11T08:00"), TestSites.TECHNICIAN);
        assertThat(moved.status()).isEqualTo(WindowStatus.AWAITING_APPROVAL);
        assertThat(moved.approval()).isNull();
        assertThat(moved.rescheduleCount()).isEqualTo(1);
        assertThat(services.windows().history(id)).last().satisfies(event -> {
            assertThat(event.from()).isEqualTo(WindowStatus.APPROVED);
            assertThat(event.note()).isEqualTo("Moved from 2026-12-10T06:00 - 2026-12-10T08:00; the clinical approval no longer applies");
        });

        services.windows().approve(id, "Dana Reyes", "ICU nurse manager", null, TestSites.MANAGER);
        Device second = device("VENT-02", "Ventilator", "ICU");
        WindowDraft more = draft("ICU ventilators", "2026-12-11T06:00", "2026-12-11T08:00", "ICU", vent, second);
        assertThat(services.windows().update(id, more, TestSites.TECHNICIAN).status()).isEqualTo(WindowStatus.AWAITING_APPROVAL);

        services.windows().declineApproval(id, "Census too high this week", TestSites.MANAGER);
        assertThat(services.windows().find(id).orElseThrow().status()).isEqualTo(WindowStatus.PROPOSED);
        assertThat(services.windows().find(id).orElseThrow().decline()).isEqualTo(new Decline(TestSites.CLOCK.instant(), "mmanager",
                "Census too high this week", null));
    }

    @Test
    void draftsAreCheckedBeforeSaving() {
        assertThatThrownBy(() -> services.windows().create(draft(" ", "2026-12-10T06:00", "2026-12-10T08:00", "ICU"),
                TestSites.TECHNICIAN)).hasMessage("Enter a title for the window");
        assertThatThrownBy(() -> services.windows().create(draft("Backwards", "2026-12-10T08:00", "2026-12-10T06:00", "ICU"),
                TestSites.TECHNICIAN)).hasMessage("The window must end after it starts");
        WindowDraft pending = new WindowDraft("CAB", at("2026-12-10T06:00"), at("2026-12-10T08:00"), "ICU", null, WindowType.EMERGENCY,
                null, List.of(), " ", CabStatus.PENDING, null);
        assertThatThrownBy(() -> services.windows().create(pending, TestSites.TECHNICIAN))
                .hasMessage("Enter the change ticket number for CAB status pending");
        assertThat(services.windows().between(at("2026-12-01T00:00"), at("2027-01-01T00:00"))).isEmpty();
    }

    @Test
    void siteCanRequireAnApprovedChange() {
        Device vent = device("VENT-01", "Ventilator", "ICU");
        WindowDraft ticketed = new WindowDraft("ICU", at("2026-12-10T06:00"), at("2026-12-10T08:00"), "ICU", null, WindowType.ROUTINE,
                null, List.of(new WindowDraft.Planned(vent.id(), null)), "CHG0012345", CabStatus.PENDING, null);
        long id = services.windows().create(ticketed, TestSites.TECHNICIAN);
        services.windows().submitForApproval(id, TestSites.TECHNICIAN);
        services.windows().approve(id, "Dana Reyes", "ICU nurse manager", null, TestSites.MANAGER);
        services.windowRules().setRequiresApprovedChange(true, TestSites.MANAGER);

        assertThatThrownBy(() -> services.windows().complete(id, "Done", List.of(installed(vent, "7.1")), TestSites.TECHNICIAN))
                .hasMessage("Window " + id + " cannot be completed: this site requires an approved change, and the change CHG0012345"
                        + " is pending");

        WindowDraft cabApproved = new WindowDraft("ICU", ticketed.startsAt(), ticketed.endsAt(), "ICU", null, WindowType.ROUTINE, null,
                ticketed.devices(), "CHG0012345", CabStatus.APPROVED, java.time.LocalDate.of(2026, 12, 8));
        assertThat(services.windows().update(id, cabApproved, TestSites.TECHNICIAN).status()).isEqualTo(WindowStatus.APPROVED);
        services.windows().complete(id, "Done", List.of(installed(vent, "7.1")), TestSites.TECHNICIAN);
        assertThat(services.windows().find(id).orElseThrow().status()).isEqualTo(WindowStatus.COMPLETED);
    }

    @Test
    void deviceInTwoOverlappingWindowsIsWarned() {
        Device vent = device("VENT-01", "Ventilator", "ICU");
        long first = services.windows().create(draft("Wave 1", "2026-12-10T06:00", "2026-12-10T08:00", "ICU", vent), TestSites.TECHNICIAN);

        List<WindowWarning> warnings = services.windows().check(null, draft("Wave 2", "2026-12-10T07:30", "2026-12-10T09:00", "ICU", vent));
        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(WindowWarning.Kind.OVERLAPPING_WINDOW);
            assertThat(warning.message()).isEqualTo("VENT-01 is also in window " + first + " \"Wave 1\" (Thu Dec 10, 2026 06:00 to 08:00)");
        });
        assertThat(services.windows().check(null, draft("Later", "2026-12-10T08:00", "2026-12-10T09:00", "ICU", vent))).isEmpty();
        assertThat(services.windows().check(first, draft("Wave 1", "2026-12-10T06:00", "2026-12-10T08:00", "ICU", vent))).isEmpty();

        services.windows().cancel(first, "Vendor postponed the update", TestSites.TECHNICIAN);
        assertThat(services.windows().check(null, draft("Wave 2", "2026-12-10T07:30", "2026-12-10T09:00", "ICU", vent))).isEmpty();
    }

    @Test
    void blackoutsWarnOnceAndEveryWeek() {
        Device vent = device("VENT-01", "Ventilator", "icu ");
        services.windowRules().addBlackout("ICU", at("2026-12-14T00:00"), at("2026-12-18T00:00"), false, "Joint Commission survey",
                TestSites.MANAGER);
        services.windowRules().addBlackout("Surgery", at("2026-12-07T07:00"), at("2026-12-07T17:00"), true, "OR block schedule",
                TestSites.MANAGER);

        assertThat(services.windows().check(null, draft("Survey week", "2026-12-15T06:00", "2026-12-15T07:00", null, vent)))
                .singleElement().extracting(WindowWarning::message)
                .isEqualTo("ICU blackout Mon Dec 14, 2026 00:00 to Fri Dec 18, 2026 00:00: Joint Commission survey");
        assertThat(services.windows().check(null, draft("Monday OR", "2027-01-04T16:00", "2027-01-04T18:00", "surgery")))
                .singleElement().extracting(WindowWarning::message)
                .isEqualTo("Surgery blackout (every week) Mon Jan 4, 2027 07:00 to 17:00: OR block schedule");
        assertThat(services.windows().check(null, draft("Monday evening", "2027-01-04T17:00", "2027-01-04T19:00", "Surgery"))).isEmpty();
        assertThat(services.windows().check(null, draft("Before it began", "2026-11-30T08:00", "2026-11-30T09:00", "Surgery"))).isEmpty();
        assertThatThrownBy(() -> services.windowRules().addBlackout("ICU", at("2026-12-14T00:00"), at("2026-12-22T00:00"), true, "Too long",
                TestSites.MANAGER)).hasMessage("A weekly blackout cannot be longer than a week");
    }

    @Test
    void minimumInServiceCountsOverlappingWindows() {
        List<Device> vents = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            vents.add(device("VENT-0" + i, "Ventilator", "ICU"));
        }
        device("VENT-OR", "Ventilator", "Surgery");
        services.windowRules().setMinimum("ICU", typeId(vents.get(0)), 4, TestSites.MANAGER);

        assertThat(services.windows().check(null, draft("Two", "2026-12-10T06:00", "2026-12-10T08:00", "ICU", vents.get(0),
                vents.get(1)))).isEmpty();
        assertThat(services.windows().check(null, draft("Three", "2026-12-10T06:00", "2026-12-10T08:00", "ICU", vents.get(0),
                vents.get(1), vents.get(2)))).singleElement().extracting(WindowWarning::message)
                .isEqualTo("ICU keeps at least 4 Ventilator in service; taking 3 of 6 out leaves 3");

        services.windows().create(draft("Other wave", "2026-12-10T07:00", "2026-12-10T09:00", "ICU", vents.get(5)), TestSites.TECHNICIAN);
        assertThat(services.windows().check(null, draft("Two more", "2026-12-10T06:00", "2026-12-10T08:00", "ICU", vents.get(0),
                vents.get(1)))).singleElement().extracting(WindowWarning::message)
                .isEqualTo("ICU keeps at least 4 Ventilator in service; taking 3 of 6 out (1 in overlapping windows) leaves 3");
    }

    @Test
    void windowPastItsEndWithoutOutcomeIsWarned() {
        Device vent = device("VENT-01", "Ventilator", "ICU");
        long id = services.windows().create(draft("Last week", "2026-11-30T06:00", "2026-11-30T08:00", "ICU", vent), TestSites.TECHNICIAN);
        PatchWindow window = services.windows().find(id).orElseThrow();

        assertThat(services.windows().warnings(window)).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(WindowWarning.Kind.NO_OUTCOME);
            assertThat(warning.message()).isEqualTo("The window ended on Mon Nov 30, 2026 08:00 and no outcome is recorded; complete or"
                    + " cancel it");
        });
        assertThat(services.windows().endedWithoutOutcome()).extracting(PatchWindow::id).containsExactly(id);

        try (Services later = TestSites.open(folder.resolve("data-2"), Clock.offset(TestSites.CLOCK, Duration.ofDays(-30)))) {
            long early = later.windows().create(draft("Later", "2026-11-30T06:00", "2026-11-30T08:00", "ICU"), TestSites.TECHNICIAN);
            assertThat(later.windows().warnings(later.windows().find(early).orElseThrow())).isEmpty();
        }
        services.windows().cancel(id, "Device sent for repair", TestSites.TECHNICIAN);
        assertThat(services.windows().warnings(services.windows().find(id).orElseThrow())).isEmpty();
    }

    @Test
    void workOrderPrintsDevicesApprovalAndPlaybooks() throws Exception {
        Device pump = device("PUMP-0007", "Infusion pump", "ICU");
        PlaybookSummary fleet = services.playbooks().list().stream().filter(p -> p.name().toLowerCase().contains("infusion"))
                .findFirst().orElseThrow();
        WindowDraft planned = new WindowDraft("ICU pumps", at("2026-12-10T22:00"), at("2026-12-11T01:00"), "ICU", "3rd floor",
                WindowType.ROUTINE, "Firmware 12.3.1\nDrug library refresh", List.of(new WindowDraft.Planned(pump.id(), 25)),
                "CHG0012345", CabStatus.APPROVED, java.time.LocalDate.of(2026, 12, 3), List.of(fleet.id()));
        long id = services.windows().create(planned, TestSites.TECHNICIAN);
        services.windows().submitForApproval(id, TestSites.TECHNICIAN);
        services.windows().approve(id, "Dana Reyes", "ICU nurse manager", "Pharmacy on call", TestSites.MANAGER);
        assertThat(services.windows().find(id).orElseThrow().playbooks()).extracting(PatchWindow.Attached::name)
                .containsExactly(fleet.name());

        org.patchdesk.reports.WorkOrder order = services.workOrders().workOrder(id, TestSites.TECHNICIAN);
        assertThat(order.plannedActions()).containsExactly("Firmware 12.3.1", "Drug library refresh");
        assertThat(order.approval().name()).isEqualTo("Dana Reyes");
        assertThat(order.devices()).singleElement().satisfies(device -> {
            assertThat(device.assetTag()).isEqualTo("PUMP-0007");
            assertThat(device.expectedDowntimeMinutes()).isEqualTo(25);
        });
        assertThat(order.playbooks()).singleElement().satisfies(section -> assertThat(section.name()).isEqualTo(fleet.name()));

        Path pdf = folder.resolve("work-order.pdf");
        services.workOrders().write(id, pdf, TestSites.TECHNICIAN);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("ICU pumps").contains("PUMP-0007").contains("Dana Reyes").contains("CHG0012345")
                    .contains(fleet.name());
        }
        assertThatThrownBy(() -> services.playbooks().delete(fleet.id(), TestSites.MANAGER))
                .hasMessageContaining("is attached to a patch window");

        WindowDraft without = new WindowDraft("ICU pumps", planned.startsAt(), planned.endsAt(), "ICU", "3rd floor", WindowType.ROUTINE,
                null, planned.devices(), "CHG0012345", CabStatus.APPROVED, planned.cabDate(), List.of());
        PatchWindow saved = services.windows().update(id, without, TestSites.TECHNICIAN);
        assertThat(saved.playbooks()).isEmpty();
        assertThat(saved.status()).isEqualTo(WindowStatus.APPROVED);
    }

    @Test
    void completingAWindowLogsEachDeviceAndClosesFixedFindings() {
        PatchLogFixtures.seed(services);
        long vent1 = services.devices().findByAssetTag("VENT-1").orElseThrow().id();
        long vent2 = services.devices().findByAssetTag("VENT-2").orElseThrow().id();
        long id = services.windows().create(new WindowDraft("Life 2000 firmware", at("2026-12-02T09:00"), at("2026-12-02T11:00"),
                "Respiratory", null, WindowType.ROUTINE, "Firmware 06.20", List.of(new WindowDraft.Planned(vent1, 30),
                new WindowDraft.Planned(vent2, 30)), null, CabStatus.NOT_SUBMITTED, null), TestSites.TECHNICIAN);
        services.windows().submitForApproval(id, TestSites.TECHNICIAN);
        services.windows().approve(id, "Dana Reyes", "Respiratory therapy manager", null, TestSites.MANAGER);
        List<String> fixes = List.of("CVE-2026-40001", "CVE-2026-40002");
        NewLogEntry done = NewLogEntry.of(vent1, "Life 2000 firmware 06.20", null, "06.20", at("2026-12-02T10:30"), "R. Ortiz",
                PatchOutcome.INSTALLED, null, fixes);
        NewLogEntry deferred = NewLogEntry.of(vent2, "Life 2000 firmware 06.20", null, null, at("2026-12-02T10:30"), "R. Ortiz",
                PatchOutcome.DEFERRED, "Patient on the ventilator", fixes);

        List<PatchLogEntry> entries = services.windows().complete(id, "One done, one deferred", List.of(done, deferred),
                TestSites.TECHNICIAN);

        assertThat(entries).extracting(PatchLogEntry::patchWindowId).containsOnly(id);
        assertThat(services.patchLog().search(PatchLogQuery.everything())).hasSize(2);
        assertThat(services.findings().find("VENT-1", "CVE-2026-40001").map(WorklistRow::finding).orElseThrow().statusValue())
                .isEqualTo(FindingStatus.PATCHED);
        assertThat(services.findings().find("VENT-1", "CVE-2026-40003").map(WorklistRow::finding).orElseThrow().statusValue())
                .isEqualTo(FindingStatus.OPEN);
        assertThat(services.findings().find("VENT-2", "CVE-2026-40001").map(WorklistRow::finding).orElseThrow().statusValue())
                .isEqualTo(FindingStatus.OPEN);
        assertThat(services.devices().findByAssetTag("VENT-1").orElseThrow().values().text(org.patchdesk.inventory.DeviceField
                .SOFTWARE_VERSION)).isEqualTo("06.20");
        assertThat(services.windows().find(id).orElseThrow().status()).isEqualTo(WindowStatus.COMPLETED);
    }

    @Test
    void failedLogEntryLeavesTheWindowApproved() {
        Device vent = device("VENT-01", "Ventilator", "ICU");
        long id = services.windows().create(draft("ICU", "2026-12-03T06:00", "2026-12-03T08:00", "ICU", vent), TestSites.TECHNICIAN);
        services.windows().submitForApproval(id, TestSites.TECHNICIAN);
        services.windows().approve(id, "Dana Reyes", "ICU nurse manager", null, TestSites.MANAGER);
        NewLogEntry noReason = NewLogEntry.of(vent.id(), "Update 7.1", null, null, at("2026-12-03T07:30"), "jtech", PatchOutcome.FAILED,
                null, List.of());

        assertThatThrownBy(() -> services.windows().complete(id, "Failed", List.of(noReason), TestSites.TECHNICIAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThat(services.windows().find(id).orElseThrow().status()).isEqualTo(WindowStatus.APPROVED);
        assertThat(services.patchLog().search(PatchLogQuery.everything())).isEmpty();
    }
}
