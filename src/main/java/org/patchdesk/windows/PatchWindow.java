package org.patchdesk.windows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored patch window with its devices. {@code approval} is null until the current schedule is
 * approved. {@code decline} is set while the window is proposed because the clinical approver
 * declined it, and null once it is sent for approval again. {@code revision} grows with every change of status or time, for calendars that keep
 * the newest copy of an event.
 */
public record PatchWindow(long id, String title, Instant startsAt, Instant endsAt, String department, String location, WindowType type,
                          String plannedActions, WindowStatus status, Approval approval, String changeTicket, CabStatus cabStatus,
                          LocalDate cabDate, String outcomeNote, Instant closedAt, String closedBy, int rescheduleCount,
                          List<WindowDevice> devices, List<Attached> playbooks, String createdBy, Instant updatedAt,
                          int revision, Decline decline) {

    /** A playbook attached to the window. */
    public record Attached(long id, String name) {
    }

    public PatchWindow {
        devices = List.copyOf(devices);
        playbooks = List.copyOf(playbooks);
    }

    /** Returns the window as a draft to edit. */
    public WindowDraft toDraft() {
        return new WindowDraft(title, startsAt, endsAt, department, location, type, plannedActions,
                devices.stream().map(device -> new WindowDraft.Planned(device.deviceId(), device.downtimeMinutes())).toList(),
                changeTicket, cabStatus, cabDate, playbooks.stream().map(Attached::id).toList());
    }
}
