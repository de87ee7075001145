package org.patchdesk.vendors;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The FDA postmarket clocks of a vulnerability its manufacturer calls an uncontrolled risk: tell
 * customers by day {@value #COMMUNICATION_DAYS} and fix by day {@value #FIX_DAYS}, counted from the
 * day the manufacturer learned of it, or from the advisory's initial release when that day is not
 * known. Days left count from {@code countedTo}: today while the request is open, the day it closed
 * once it is closed. A negative number is the days past the due date. When no start date is known,
 * {@code start} and every date and count after it are null.
 */
public record FdaClock(Basis basis, LocalDate start, String advisoryId, LocalDate communicationDue, LocalDate fixDue,
                       Long communicationDaysLeft, Long fixDaysLeft, LocalDate countedTo) {

    public static final int COMMUNICATION_DAYS = 30;
    public static final int FIX_DAYS = 60;

    /** The source of the start date. */
    public enum Basis {
        LEARNED("manufacturer learned of it"),
        ADVISORY("advisory initial release"),
        ENTERED_ADVISORY("advisory initial release, entered by hand"),
        UNKNOWN("start date unknown");

        private final String label;

        Basis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Returns the clocks that start on {@code start} (null when unknown), with days left counted to {@code countedTo}. */
    public static FdaClock of(Basis basis, LocalDate start, String advisoryId, LocalDate countedTo) {
        if (start == null) {
            return new FdaClock(Basis.UNKNOWN, null, null, null, null, null, null, countedTo);
        }
        LocalDate communication = start.plusDays(COMMUNICATION_DAYS);
        LocalDate fix = start.plusDays(FIX_DAYS);
        return new FdaClock(basis, start, advisoryId, communication, fix, ChronoUnit.DAYS.between(countedTo, communication),
                ChronoUnit.DAYS.between(countedTo, fix), countedTo);
    }

    public boolean known() {
        return start != null;
    }

    /** Describes the start, such as "2026-10-01 (manufacturer learned of it)" or "2025-01-30 (advisory ICSMA-25-030-01)". */
    public String startText() {
        if (start == null) {
            return "unknown: enter when the manufacturer learned of it or the advisory's release date";
        }
        return start + " (" + (basis == Basis.ADVISORY && advisoryId != null ? "advisory " + advisoryId + " initial release"
                : basis.label()) + ")";
    }

    /** Describes the day-30 communication clock, such as "2026-12-20, 16 days left". */
    public String communicationText() {
        return dueText(communicationDue, communicationDaysLeft);
    }

    /** Describes the day-60 fix clock, such as "2026-11-01, 33 days overdue". */
    public String fixText() {
        return dueText(fixDue, fixDaysLeft);
    }

    static String dueText(LocalDate due, Long daysLeft) {
        if (due == null) {
            return "";
        }
        if (daysLeft == 0) {
            return due + ", due today";
        }
        long days = Math.abs(daysLeft);
        return due + ", " + days + (days == 1 ? " day " : " days ") + (daysLeft > 0 ? "left" : "overdue");
    }
}
