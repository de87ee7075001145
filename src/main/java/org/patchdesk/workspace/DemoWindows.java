package org.patchdesk.workspace;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

import org.patchdesk.common.Actor;
import org.patchdesk.patchlog.NewLogEntry;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.vendors.RequestFilter;
import org.patchdesk.vendors.ValidationRequest;
import org.patchdesk.windows.CabStatus;
import org.patchdesk.windows.WindowDevice;
import org.patchdesk.windows.WindowDraft;
import org.patchdesk.windows.WindowRules;
import org.patchdesk.windows.WindowService;
import org.patchdesk.windows.WindowType;

/**
 * Patch windows and department rules for the demo data, placed around today: windows in every
 * state, and some that raise each kind of warning, so the calendar shows what the rules do.
 */
final class DemoWindows {

    private final Services demo;
    private final Actor actor;
    private final ZoneId zone;
    private final LocalDate today;

    private DemoWindows(Services demo, Actor actor) {
        this.demo = demo;
        this.actor = actor;
        this.zone = demo.clock().getZone();
        this.today = LocalDate.now(demo.clock());
    }

    /** Plans the demo's windows and rules; returns how many windows were planned. */
    static int plan(Services demo, Actor actor) {
        return new DemoWindows(demo, actor).plan();
    }

    private int plan() {
        WindowRules rules = demo.windowRules();
        WindowService windows = demo.windows();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int day = 0; day < 5; day++) {
            LocalDate date = monday.plusDays(day);
            rules.addBlackout("Operating Room", at(date, 7, 0), at(date, 17, 0), true, "Surgical block schedule", actor);
        }
        rules.deviceTypes().stream().filter(type -> type.name().equals("Ventilator")).findFirst()
                .ifPresent(type -> rules.setMinimum("ICU", type.id(), 15, actor));
        rules.deviceTypes().stream().filter(type -> type.name().equals("Infusion Pump")).findFirst()
                .ifPresent(type -> rules.setMinimum("ICU", type.id(), 20, actor));

        int planned = 0;
        LocalDate nextTuesday = today.with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        long pacs = create("Radiology PACS workstations: validated Windows updates", nextTuesday, 19, 0, nextTuesday, 23, 0,
                "Radiology", "Reading rooms, 1st floor", WindowType.ROUTINE, "Install the vendor-validated Windows cumulative update"
                        + " list; reboot; DICOM send test", devices("Radiology", "PACS Workstation", 6), 40, "CHG0041872",
                CabStatus.APPROVED);
        planned += pacs > 0 ? 1 : 0;
        if (pacs > 0) {
            windows.submitForApproval(pacs, actor);
            windows.approve(pacs, "Priya Natarajan", "Radiology operations manager", "Keep one reading room on the old image until"
                    + " the DICOM test passes", actor);
        }
        LocalDate soon = today.plusDays(2);
        long pumps = create("ICU infusion pumps, wave 1", soon, 22, 0, soon.plusDays(1), 2, 0, "ICU", "ICU, 3rd floor",
                WindowType.OUT_OF_CYCLE, "Drug library and firmware update validated by the vendor", devices("ICU", "Infusion Pump", 6),
                20, "CHG0041903", CabStatus.PENDING);
        if (pumps > 0) {
            planned++;
            windows.submitForApproval(pumps, actor);
        }
        LocalDate wednesday = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        planned += create("Anesthesia machines: vendor service pack", wednesday, 9, 0, wednesday, 11, 0, "Operating Room", "OR 1-3",
                WindowType.ROUTINE, "Vendor field engineer installs service pack 4.2", devices("Operating Room", "Anesthesia Machine", 3),
                60, null, CabStatus.NOT_SUBMITTED) > 0 ? 1 : 0;
        LocalDate lastWeek = today.minusDays(3);
        long telemetry = create("Telemetry transmitters, 4 West", lastWeek, 6, 0, lastWeek, 8, 0, "Med/Surg 4 West", "4 West",
                WindowType.ROUTINE, "Firmware update through the central station", devices("Med/Surg 4 West", "Telemetry Transmitter", 4),
                15, null, CabStatus.NOT_SUBMITTED);
        if (telemetry > 0) {
            planned++;
            windows.submitForApproval(telemetry, actor);
            windows.approve(telemetry, "Marcus Hill, RN", "4 West charge nurse", null, actor);
        }
        LocalDate earlier = today.minusDays(8);
        List<WindowDevice> ultrasounds = devices("Cardiology", "Ultrasound System", 10);
        List<WindowDevice> sameModel = ultrasounds.isEmpty() ? List.of() : ultrasounds.stream()
                .filter(device -> java.util.Objects.equals(device.model(), ultrasounds.get(0).model())).limit(3).toList();
        long ultrasound = create("Cardiology ultrasound: security update", earlier, 17, 0, earlier, 19, 0, "Cardiology", "Echo lab",
                WindowType.ROUTINE, "Install the vendor's security update", sameModel, 30, null, CabStatus.NOT_SUBMITTED);
        if (ultrasound > 0) {
            planned++;
            windows.submitForApproval(ultrasound, actor);
            windows.approve(ultrasound, "Alicia Gomez", "Echo lab supervisor", null, actor);
            java.time.Instant finished = at(earlier, 18, 40);
            List<NewLogEntry> entries = windows.find(ultrasound).orElseThrow().devices().stream()
                    .map(device -> NewLogEntry.of(device.deviceId(), "Vendor security update", null, null, finished,
                            "Alex Kim (biomed)", PatchOutcome.INSTALLED, null, List.of()))
                    .toList();
            windows.complete(ultrasound, "Update installed; image review checked by the sonographer", entries,
                    actor);
        }
        planned += completedX2Window();
        return planned;
    }

    /**
     * Plans and completes a window in which the IntelliVue X2 update that the demo's validated
     * request covers was installed, so the patch log shows closed findings and the days from
     * validation to installation.
     */
    private int completedX2Window() {
        Optional<ValidationRequest> request = demo.validationRequests().list(RequestFilter.all()).stream()
                .filter(candidate -> "IntelliVue X2".equals(candidate.model()) && candidate.validatedOn() != null).findFirst();
        List<WindowDevice> x2 = demo.windows().searchDevices("IntelliVue X2", "", 50).stream()
                .filter(device -> "IntelliVue X2".equals(device.model()) && device.department() != null).limit(1).toList();
        if (request.isEmpty() || x2.isEmpty()) {
            return 0;
        }
        WindowDevice device = x2.get(0);
        LocalDate day = today.minusDays(6);
        long id = create("IntelliVue X2: vendor-validated software update", day, 14, 0, day, 15, 30, device.department(),
                device.location(), WindowType.OUT_OF_CYCLE, "Install the X2 software update Philips validated (" + request.get()
                        .vendorReference() + ")", x2, 45, null, CabStatus.NOT_SUBMITTED);
        WindowService windows = demo.windows();
        windows.submitForApproval(id, actor);
        windows.approve(id, "Renee Park, RN", device.department() + " nurse manager", "Swap in the spare module before starting", actor);
        List<String> fixed = demo.patchLog().openFindings(device.deviceId()).stream().map(row -> row.finding().cveId()).toList();
        NewLogEntry entry = new NewLogEntry(device.deviceId(), "IntelliVue X2 software update", null, "M.00.03", at(day, 15, 10),
                "Alex Kim (biomed)", PatchOutcome.INSTALLED, null, fixed, null, request.get().id(), null, null);
        windows.complete(id, "Updated and returned to service; alarms checked with the simulator", List.of(entry), actor);
        return 1;
    }

    private long create(String title, LocalDate startDay, int startHour, int startMinute, LocalDate endDay, int endHour, int endMinute,
                        String department, String location, WindowType type, String actions, List<WindowDevice> devices, int downtime,
                        String ticket, CabStatus cab) {
        if (devices.isEmpty()) {
            return -1;
        }
        List<WindowDraft.Planned> planned = devices.stream().map(device -> new WindowDraft.Planned(device.deviceId(), downtime)).toList();
        return demo.windows().create(new WindowDraft(title, at(startDay, startHour, startMinute), at(endDay, endHour, endMinute),
                department, location, type, actions, planned, ticket, cab, cab == CabStatus.NOT_SUBMITTED ? null : today.minusDays(1)),
                actor);
    }

    private List<WindowDevice> devices(String department, String type, int count) {
        return demo.windows().searchDevices("", department, 2000).stream().filter(device -> type.equals(device.deviceType()))
                .limit(count).toList();
    }

    private java.time.Instant at(LocalDate date, int hour, int minute) {
        return LocalDateTime.of(date, LocalTime.of(hour, minute)).atZone(zone).toInstant();
    }
}
