package org.patchdesk.windows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The values a user enters for a window, before they are checked and stored.
 *
 * @param devices     the devices with the downtime expected for each in minutes (null when not known)
 * @param playbookIds the playbooks to print with the work order, in order
 */
public record WindowDraft(String title, Instant startsAt, Instant endsAt, String department, String location, WindowType type,
                          String plannedActions, List<Planned> devices, String changeTicket, CabStatus cabStatus, LocalDate cabDate,
                          List<Long> playbookIds) {

    /** A device planned in a window. */
    public record Planned(long deviceId, Integer downtimeMinutes) {
    }

    public WindowDraft {
        devices = devices == null ? List.of() : List.copyOf(devices);
        playbookIds = playbookIds == null ? List.of() : playbookIds.stream().distinct().toList();
        cabStatus = cabStatus == null ? CabStatus.NOT_SUBMITTED : cabStatus;
        type = type == null ? WindowType.ROUTINE : type;
    }

    /** Creates a draft without playbooks. */
    public WindowDraft(String title, Instant startsAt, Instant endsAt, String department, String location, WindowType type,
                       String plannedActions, List<Planned> devices, String changeTicket, CabStatus cabStatus, LocalDate cabDate) {
        this(title, startsAt, endsAt, department, location, type, plannedActions, devices, changeTicket, cabStatus, cabDate, List.of());
    }

    /** Returns this draft moved to another time range. */
    public WindowDraft movedTo(Instant newStart, Instant newEnd) {
        return new WindowDraft(title, newStart, newEnd, department, location, type, plannedActions, devices, changeTicket, cabStatus,
                cabDate, playbookIds);
    }
}
