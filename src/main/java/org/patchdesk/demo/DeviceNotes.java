package org.patchdesk.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

/** Makes the Notes column: blank for most rows, otherwise a short note of the kind technicians leave. */
final class DeviceNotes {

    private static final int NOTE_PERCENT = 30;
    private static final int RETIRED_NOTE_PERCENT = 60;
    private static final int NOTE_FORMS = 11;

    private DeviceNotes() {
    }

    /**
     * Returns a note, or empty text. Dates in notes are months before {@code today}.
     *
     * @param dhcp whether the device is networked without an IP address on record
     */
    static String note(SplittableRandom random, LocalDate today, String status, Department department, boolean dhcp) {
        if ("Retired".equals(status) && random.nextInt(100) < RETIRED_NOTE_PERCENT) {
            String month = pastMonth(random, today);
            return random.nextBoolean() ? "Disposed " + month : "Sent to surplus " + month;
        }
        if (random.nextInt(100) >= NOTE_PERCENT) {
            return "";
        }
        return switch (random.nextInt(NOTE_FORMS)) {
            case 0 -> "PM due Q" + random.nextInt(1, 5);
            case 1 -> "PM completed " + pastMonth(random, today);
            case 2 -> "Loaner returned " + pastMonth(random, today);
            case 3 -> "Battery replaced " + pastMonth(random, today);
            case 4 -> "Awaiting parts";
            case 5 -> "Relocated from " + otherDepartment(random, department).displayName;
            case 6 -> "Covered by vendor service contract";
            case 7 -> "Spare unit";
            case 8 -> "Asset tag replaced " + pastMonth(random, today);
            case 9 -> "Scheduled for replacement FY" + Identifiers.zeroPad((today.getYear() + 1) % 100, 2);
            default -> dhcp ? "Wireless, DHCP" : "Failed electrical safety test " + pastMonth(random, today) + ", repaired";
        };
    }

    /** Returns a month in the two years before {@code today}, such as 2025-03. */
    private static String pastMonth(SplittableRandom random, LocalDate today) {
        return YearMonth.from(today).minusMonths(random.nextInt(1, 25)).toString();
    }

    private static Department otherDepartment(SplittableRandom random, Department department) {
        Department[] departments = Department.values();
        Department other = departments[random.nextInt(departments.length)];
        return other == department ? departments[(other.ordinal() + 1) % departments.length] : other;
    }
}
