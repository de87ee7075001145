package org.patchdesk.reports.packet;

import java.time.LocalDate;
import java.util.Objects;

import org.patchdesk.common.Actor;

/**
 * The range of an audit packet and the user who generates it.
 *
 * @param from        the first day of the range, or null to start at the first recorded device
 * @param to          the last day of the range, or null for today
 * @param generatedBy the user the cover page names
 */
public record PacketRequest(LocalDate from, LocalDate to, Actor generatedBy) {

    /** @throws IllegalArgumentException when the last day is before the first day */
    public PacketRequest {
        Objects.requireNonNull(generatedBy, "generatedBy");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The last day of the range, " + to + ", is before its first day, " + from);
        }
    }
}
