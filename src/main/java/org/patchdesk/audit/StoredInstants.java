package org.patchdesk.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Brings an instant that an audit entry recorded with nanoseconds to the precision the database
 * stores it with. H2 keeps microseconds in a {@code TIMESTAMP WITH TIME ZONE} column and rounds half
 * up, so that {@code 12:00:00.1234565Z} is stored as {@code 12:00:00.123457Z}.
 */
public final class StoredInstants {

    private static final long NANOS_PER_MICRO = 1_000;

    private StoredInstants() {
    }

    /** Returns the recorded instant as the database stores it, or the text unchanged when it is empty or not an instant. */
    public static String asStored(String recorded) {
        if (recorded == null || recorded.isEmpty()) {
            return recorded;
        }
        Instant instant;
        try {
            instant = Instant.parse(recorded);
        } catch (DateTimeParseException e) {
            return recorded;
        }
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        if (instant.getNano() % NANOS_PER_MICRO >= NANOS_PER_MICRO / 2) {
            micros = micros.plus(1, ChronoUnit.MICROS);
        }
        return micros.toString();
    }
}
