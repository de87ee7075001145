package org.patchdesk.planning;

import java.time.LocalDate;

/** An operating system's end of support, with paid extended support where the vendor sells it, and the source of the dates. */
public record OsSupport(long id, String osName, String osKey, LocalDate endOfSupport, LocalDate paidSupportUntil, String source) {

    /** Whether a device on this operating system still gets security updates. */
    public enum State {
        /** Past its end of support. */
        UNSUPPORTED,
        /** Its end of support falls within the next 12 months. */
        ENDING,
        SUPPORTED,
        /** No end-of-support date is recorded for the operating system. */
        UNKNOWN
    }

    /** Returns the state on a day: unsupported after the end date, ending within 12 months of it, else supported. */
    public State stateOn(LocalDate day) {
        if (day.isAfter(endOfSupport)) {
            return State.UNSUPPORTED;
        }
        return day.plusMonths(12).isAfter(endOfSupport) ? State.ENDING : State.SUPPORTED;
    }
}
