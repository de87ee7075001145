package org.patchdesk.intel;

import java.util.Locale;

/** Whether a product or operating-system match applies: automatically, once accepted, or not. */
public enum MatchDecision {
    /** Exact and alias matches, which apply without a decision. */
    AUTO,
    /** A close or operating-system match waiting for a user. */
    PROPOSED,
    ACCEPTED,
    REJECTED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MatchDecision fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** True when findings follow from the match. */
    public boolean applies() {
        return this == AUTO || this == ACCEPTED;
    }
}
