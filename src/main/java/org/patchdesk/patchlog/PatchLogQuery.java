package org.patchdesk.patchlog;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A selection of the patch log. {@code text} matches, ignoring case, the asset tag, the update,
 * a CVE it fixes and the person who performed or recorded it. Dates are days in the site's time
 * zone and both ends are included. Null or empty parts select everything.
 */
public record PatchLogQuery(String text, Set<PatchOutcome> outcomes, LocalDate from, LocalDate to, String department, Long deviceId) {

    public PatchLogQuery {
        outcomes = outcomes == null || outcomes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outcomes));
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The date range ends on " + to + ", before it starts on " + from);
        }
    }

    public static PatchLogQuery everything() {
        return new PatchLogQuery(null, Set.of(), null, null, null, null);
    }

    public PatchLogQuery withText(String value) {
        return new PatchLogQuery(value, outcomes, from, to, department, deviceId);
    }

    public PatchLogQuery withOutcomes(Set<PatchOutcome> value) {
        return new PatchLogQuery(text, value, from, to, department, deviceId);
    }

    public PatchLogQuery withDates(LocalDate fromDay, LocalDate toDay) {
        return new PatchLogQuery(text, outcomes, fromDay, toDay, department, deviceId);
    }

    public PatchLogQuery withDepartment(String value) {
        return new PatchLogQuery(text, outcomes, from, to, value, deviceId);
    }

    public PatchLogQuery withDevice(Long value) {
        return new PatchLogQuery(text, outcomes, from, to, department, value);
    }
}
