package org.patchdesk.vendors;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state of a validation request. A request starts as requested, may be acknowledged, and ends
 * validated, rejected or without response; the three closed states are final.
 */
public enum RequestStatus {
    REQUESTED("requested"),
    ACKNOWLEDGED("acknowledged"),
    VALIDATED("validated"),
    REJECTED("rejected"),
    NO_RESPONSE("no response");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Returns the word stored in the database and used on the command line, such as "no-response". */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns true for requested and acknowledged, the states that still wait on the vendor. */
    public boolean isOpen() {
        return this == REQUESTED || this == ACKNOWLEDGED;
    }

    /** Returns the states a request in this state may move to; none once it is closed. */
    public Set<RequestStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(ACKNOWLEDGED, VALIDATED, REJECTED, NO_RESPONSE);
            case ACKNOWLEDGED -> EnumSet.of(VALIDATED, REJECTED, NO_RESPONSE);
            default -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    /**
     * Reads a word or label such as "no-response", "no response" or "NO_RESPONSE".
     *
     * @throws IllegalArgumentException when the text names no status
     */
    public static RequestStatus parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (RequestStatus status : values()) {
            if (status.word().equals(key)) {
                return status;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a request status; use one of "
                + Arrays.stream(values()).map(RequestStatus::word).collect(Collectors.joining(", ")));
    }
}
