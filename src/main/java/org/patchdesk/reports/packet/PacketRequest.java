package org.patchdesk.reports.packet;

import java.time.LocalDate;
import java.util.Objects;

import org.patchdesk.common.Actor;

/**
 * The range of an audit packet and the user who generates it.
 *
 * @param from        the first day of the range, or null to start at the first recorded device
 * @param to          the last day of the range, or null for today
 * @param generatedBy the user who generates the packet
 * @param author      how the cover page and footers name who generated it, such as "Sam Info (sinfo), InfoSec/CISO"
 */
public record PacketRequest(LocalDate from, LocalDate to, Actor generatedBy, String author) {

    /** Creates a request whose cover names the generating user by their user name alone. */
    public PacketRequest(LocalDate from, LocalDate to, Actor generatedBy) {
        this(from, to, generatedBy, generatedBy.name());
    }

    /** @throws IllegalArgumentException when the last day is before the first day */
    public PacketRequest {
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(author, "author");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The last day of the range, " + to + ", is before its first day, " + from);
        }
    }
}
