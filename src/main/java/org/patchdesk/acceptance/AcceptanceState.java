package org.patchdesk.acceptance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The life-cycle state of a risk acceptance: draft → submitted → approved or rejected → active →
 * expiring → expired, or closed early. Every state but {@link #EXPIRING} is stored; an acceptance is
 * expiring while it is active and its end date falls within the warning period.
 */
public enum AcceptanceState {
    DRAFT("draft"),
    SUBMITTED("submitted"),
    APPROVED("approved"),
    REJECTED("rejected"),
    ACTIVE("active"),
    EXPIRING("expiring"),
    EXPIRED("expired"),
    CLOSED("closed");

    private final String word;

    AcceptanceState(String word) {
        this.word = word;
    }

    /** Returns the lower-case word stored in the database and typed after {@code --state}. */
    public String word() {
        return word;
    }

    /** Returns the word with a capital, as lists show it. */
    public String label() {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** True for the states in which the acceptance holds its findings at "risk accepted". */
    public boolean holdsFindings() {
        return this == ACTIVE || this == EXPIRING;
    }

    /** True for the states after which nothing changes but a renewal. */
    public boolean isFinal() {
        return this == REJECTED || this == EXPIRED || this == CLOSED;
    }

    /**
     * Parses a state from its word, ignoring case.
     *
     * @throws IllegalArgumentException naming the valid words
     */
    public static AcceptanceState parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (AcceptanceState state : values()) {
            if (state.word.equals(key)) {
                return state;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a risk acceptance state; use one of "
                + Arrays.stream(values()).map(AcceptanceState::word).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label();
    }
}
