package org.patchdesk.windows;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import org.patchdesk.common.AtomicFiles;

/**
 * Writes patch windows as an iCalendar (RFC 5545) file that Outlook, Google Calendar and Apple
 * Calendar import. Each window is one event whose UID stays the same across exports, so importing
 * a newer file updates the events instead of adding copies.
 */
public final class WindowCalendarExport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.US);

    private final Clock clock;

    public WindowCalendarExport(Clock clock) {
        this.clock = clock;
    }

    /** Writes the windows to {@code file}, replacing it only once the whole calendar is written. */
    public void write(List<PatchWindow> windows, Path file) throws IOException {
        ICalendar calendar = calendar(windows);
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Biweekly.write(calendar).go(writer);
            writer.flush();
        });
    }

    /** Returns the windows as iCalendar text. */
    public String text(List<PatchWindow> windows) {
        return Biweekly.write(calendar(windows)).go();
    }

    private ICalendar calendar(List<PatchWindow> windows) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//PatchDesk//Patch windows//EN");
        calendar.setName("PatchDesk patch windows");
        for (PatchWindow window : windows) {
            calendar.addEvent(event(window));
        }
        return calendar;
    }

    private VEvent event(PatchWindow window) {
        VEvent event = new VEvent();
        event.setUid("patchdesk-window-" + window.id());
        event.setDateTimeStamp(Date.from(clock.instant()));
        event.setLastModified(Date.from(window.updatedAt()));
        event.setSequence(window.revision());
        event.setDateStart(Date.from(window.startsAt()));
        event.setDateEnd(Date.from(window.endsAt()));
        event.setSummary((window.status() == WindowStatus.APPROVED || window.status() == WindowStatus.COMPLETED ? "" : "["
                + window.status().label() + "] ") + window.title());
        String place = join(window.department(), window.location());
        if (!place.isEmpty()) {
            event.setLocation(place);
        }
        event.setStatus(switch (window.status()) {
            case PROPOSED, AWAITING_APPROVAL -> Status.tentative();
            case APPROVED, COMPLETED -> Status.confirmed();
            case CANCELLED -> Status.cancelled();
        });
        event.addCategories(window.type().label() + " patch window");
        event.setDescription(description(window));
        return event;
    }

    private String description(PatchWindow window) {
        ZoneId zone = clock.getZone();
        StringBuilder text = new StringBuilder();
        text.append("PatchDesk window ").append(window.id()).append(": ").append(window.type().label()).append(", ")
                .append(window.status().label().toLowerCase(Locale.ROOT)).append('\n');
        text.append("Times in ").append(zone.getId()).append(": ").append(WHEN.format(window.startsAt().atZone(zone))).append(" to ")
                .append(WHEN.format(window.endsAt().atZone(zone))).append('\n');
        if (window.approval() != null) {
            text.append("Clinical approval: ").append(window.approval().name()).append(", ").append(window.approval().role())
                    .append(", ").append(WHEN.format(window.approval().approvedAt().atZone(zone)));
            if (window.approval().conditions() != null) {
                text.append("; conditions: ").append(window.approval().conditions());
            }
            text.append('\n');
        }
        if (window.changeTicket() != null) {
            text.append("Change ").append(window.changeTicket()).append(", CAB ").append(window.cabStatus().label().toLowerCase(Locale.ROOT))
                    .append(window.cabDate() == null ? "" : " " + window.cabDate()).append('\n');
        }
        if (window.plannedActions() != null) {
            text.append("Planned: ").append(window.plannedActions()).append('\n');
        }
        text.append("Devices (").append(window.devices().size()).append("):\n");
        for (WindowDevice device : window.devices()) {
            text.append("- ").append(device.assetTag());
            String what = join(device.deviceType(), join(device.manufacturer(), device.model()));
            if (!what.isEmpty()) {
                text.append(", ").append(what);
            }
            if (device.downtimeMinutes() != null) {
                text.append(", ").append(device.downtimeMinutes()).append(" min downtime");
            }
            text.append('\n');
        }
        return text.toString().strip();
    }

    private static String join(String first, String second) {
        String a = first == null ? "" : first.strip();
        String b = second == null ? "" : second.strip();
        return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
    }
}
