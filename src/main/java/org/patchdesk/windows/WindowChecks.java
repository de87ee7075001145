package org.patchdesk.windows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Handle;

/**
 * The warning rules for a window. A device may also be in an overlapping open window, a department
 * blackout may fall in the window, a department may keep fewer devices of a type in service than
 * its minimum, and a window may be past its end with no outcome.
 */
final class WindowChecks {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d, yyyy HH:mm", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);

    private final Clock clock;

    WindowChecks(Clock clock) {
        this.clock = clock;
    }

    List<WindowWarning> check(Handle handle, Long windowId, WindowDraft draft, WindowStatus status) {
        List<WindowWarning> warnings = new ArrayList<>();
        if (draft.startsAt() == null || draft.endsAt() == null || !draft.endsAt().isAfter(draft.startsAt())) {
            return warnings;
        }
        if (status.isOpen() || windowId == null) {
            WindowDao dao = handle.attach(WindowDao.class);
            Map<Long, WindowDao.DeviceRow> devices = devices(handle, draft);
            List<WindowDao.PlacementRow> others = dao.placements(draft.startsAt().atOffset(ZoneOffset.UTC),
                    draft.endsAt().atOffset(ZoneOffset.UTC), windowId == null ? -1 : windowId);
            overlaps(devices, others, warnings);
            blackouts(dao, draft, devices, warnings);
            minimums(dao, devices, others, warnings);
            if (windowId != null && !draft.endsAt().isAfter(clock.instant())) {
                warnings.add(new WindowWarning(WindowWarning.Kind.NO_OUTCOME, "The window ended on " + format(draft.endsAt())
                        + " and no outcome is recorded; complete or cancel it"));
            }
        }
        return warnings;
    }

    private static Map<Long, WindowDao.DeviceRow> devices(Handle handle, WindowDraft draft) {
        Map<Long, WindowDao.DeviceRow> devices = new LinkedHashMap<>();
        if (draft.devices().isEmpty()) {
            return devices;
        }
        List<Long> ids = draft.devices().stream().map(WindowDraft.Planned::deviceId).distinct().toList();
        handle.attach(WindowDao.class).devicesByIds(ids).forEach(row -> devices.put(row.deviceId(), row));
        return devices;
    }

    private void overlaps(Map<Long, WindowDao.DeviceRow> devices, List<WindowDao.PlacementRow> others, List<WindowWarning> warnings) {
        for (WindowDao.PlacementRow other : others) {
            if (devices.containsKey(other.deviceId())) {
                warnings.add(new WindowWarning(WindowWarning.Kind.OVERLAPPING_WINDOW, other.assetTag() + " is also in window "
                        + other.windowId() + " \"" + other.title() + "\" (" + format(other.startsAt().toInstant()) + " to "
                        + endFormat(other.startsAt().toInstant(), other.endsAt().toInstant()) + ")"));
            }
        }
    }

    private void blackouts(WindowDao dao, WindowDraft draft, Map<Long, WindowDao.DeviceRow> devices, List<WindowWarning> warnings) {
        Set<String> keys = new LinkedHashSet<>();
        if (WindowService.blankToNull(draft.department()) != null) {
            keys.add(Departments.key(draft.department()));
        }
        devices.values().stream().map(WindowDao.DeviceRow::department).filter(name -> WindowService.blankToNull(name) != null)
                .forEach(name -> keys.add(Departments.key(name)));
        if (keys.isEmpty()) {
            return;
        }
        ZoneId zone = clock.getZone();
        for (WindowDao.BlackoutRow row : dao.blackoutsOf(keys)) {
            Blackout blackout = WindowRules.blackout(row);
            blackout.firstOverlap(draft.startsAt(), draft.endsAt(), zone).ifPresent(occurrence -> warnings.add(new WindowWarning(
                    WindowWarning.Kind.BLACKOUT, blackout.department() + " blackout " + (blackout.weekly() ? "(every week) " : "")
                    + format(occurrence.start().toInstant()) + " to " + endFormat(occurrence.start().toInstant(),
                    occurrence.end().toInstant()) + ": " + blackout.reason())));
        }
    }

    private static void minimums(WindowDao dao, Map<Long, WindowDao.DeviceRow> devices, List<WindowDao.PlacementRow> others,
                                 List<WindowWarning> warnings) {
        Map<String, Set<Long>> outOfService = new LinkedHashMap<>();
        Map<String, WindowDao.DeviceRow> sample = new HashMap<>();
        for (WindowDao.DeviceRow device : devices.values()) {
            if (device.deviceTypeId() != null && WindowService.blankToNull(device.department()) != null) {
                String group = Departments.key(device.department()) + "\u0000" + device.deviceTypeId();
                outOfService.computeIfAbsent(group, key -> new HashSet<>()).add(device.deviceId());
                sample.putIfAbsent(group, device);
            }
        }
        Map<String, Set<Long>> concurrent = new HashMap<>();
        for (WindowDao.PlacementRow other : others) {
            if (other.deviceTypeId() != null && other.departmentKey() != null) {
                String group = other.departmentKey() + "\u0000" + other.deviceTypeId();
                if (outOfService.containsKey(group)) {
                    concurrent.computeIfAbsent(group, key -> new HashSet<>()).add(other.deviceId());
                }
            }
        }
        for (Map.Entry<String, Set<Long>> entry : outOfService.entrySet()) {
            WindowDao.DeviceRow device = sample.get(entry.getKey());
            String key = Departments.key(device.department());
            dao.minimum(key, device.deviceTypeId()).ifPresent(minimum -> {
                Set<Long> out = new HashSet<>(entry.getValue());
                out.addAll(concurrent.getOrDefault(entry.getKey(), Set.of()));
                int total = dao.activeDevices(key, device.deviceTypeId());
                int left = Math.max(0, total - out.size());
                if (left < minimum.minimum()) {
                    int elsewhere = out.size() - entry.getValue().size();
                    warnings.add(new WindowWarning(WindowWarning.Kind.MINIMUM_IN_SERVICE, minimum.department() + " keeps at least "
                            + minimum.minimum() + " " + device.deviceType() + " in service; taking " + out.size() + " of " + total
                            + " out" + (elsewhere > 0 ? " (" + elsewhere + " in overlapping windows)" : "") + " leaves " + left));
                }
            });
        }
    }

    private String format(Instant instant) {
        return WHEN.format(instant.atZone(clock.getZone()));
    }

    private String endFormat(Instant start, Instant end) {
        boolean sameDay = start.atZone(clock.getZone()).toLocalDate().equals(end.atZone(clock.getZone()).toLocalDate());
        return sameDay ? TIME.format(end.atZone(clock.getZone())) : format(end);
    }
}
