package org.patchdesk.playbooks;

import java.util.Locale;

/** The part of a patch window a playbook step belongs to, in the order the phases happen. */
public enum Phase {
    PRE_CHECK("pre-check", "Pre-checks"),
    PROCEDURE("procedure", "Procedure"),
    VERIFICATION("verification", "Verification"),
    ROLLBACK("rollback", "Rollback");

    private final String word;
    private final String label;

    Phase(String word, String label) {
        this.word = word;
        this.label = label;
    }

    /** Returns the word stored in the database, such as "pre-check". */
    public String word() {
        return word;
    }

    /** Returns the heading the phase has on screens and work orders, such as "Pre-checks". */
    public String label() {
        return label;
    }

    /**
     * Returns the phase a stored word or a label names, ignoring case.
     *
     * @throws IllegalArgumentException when no phase has that word or label
     */
    public static Phase fromWord(String word) {
        String key = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        for (Phase phase : values()) {
            if (phase.word.equals(key) || phase.label.toLowerCase(Locale.ROOT).equals(key)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not a playbook phase; use pre-check, procedure, verification or rollback");
    }
}
