package org.patchdesk.intel;

import java.util.Locale;

/** The kind of match between a source's product name and an inventory product. */
public enum MatchKind {
    /** Same manufacturer name and model. */
    EXACT,
    /** The manufacturer spelled as one of its aliases, and the same model. */
    ALIAS,
    /** A similar name that a user must confirm. */
    CLOSE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MatchKind fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
