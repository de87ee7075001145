package org.patchdesk.windows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A period in which a department takes no patch window. A weekly blackout repeats every week from
 * its first occurrence, at the same local times.
 */
public record Blackout(long id, String department, Instant startsAt, Instant endsAt, boolean weekly, String reason) {

    /** One occurrence of a blackout. */
    public record Occurrence(ZonedDateTime start, ZonedDateTime end) {
    }

    /** Returns the first occurrence of this blackout that overlaps the range from {@code from} to {@code to}. */
    public Optional<Occurrence> firstOverlap(Instant from, Instant to, ZoneId zone) {
        ZonedDateTime start = startsAt.atZone(zone);
        ZonedDateTime end = endsAt.atZone(zone);
        if (!weekly) {
            return overlaps(start, end, from, to) ? Optional.of(new Occurrence(start, end)) : Optional.empty();
        }
        long week = Math.max(0, ChronoUnit.WEEKS.between(start, from.atZone(zone)) - 1);
        while (start.plusWeeks(week).toInstant().isBefore(to)) {
            ZonedDateTime occurrenceStart = start.plusWeeks(week);
            ZonedDateTime occurrenceEnd = end.plusWeeks(week);
            if (overlaps(occurrenceStart, occurrenceEnd, from, to)) {
                return Optional.of(new Occurrence(occurrenceStart, occurrenceEnd));
            }
            week++;
        }
        return Optional.empty();
    }

    private static boolean overlaps(ZonedDateTime start, ZonedDateTime end, Instant from, Instant to) {
        return start.toInstant().isBefore(to) && end.toInstant().isAfter(from);
    }
}
