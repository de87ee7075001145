package org.patchdesk.patchlog;

import java.util.Locale;

/** What became of an update on a device. Every outcome but installed needs a reason. */
public enum PatchOutcome {
    INSTALLED("installed"),
    FAILED("failed"),
    ROLLED_BACK("rolled-back"),
    DEFERRED("deferred");

    private final String word;

    PatchOutcome(String word) {
        this.word = word;
    }

    /** Returns the outcome as stored, exported and typed on the command line, such as "rolled-back". */
    public String word() {
        return word;
    }

    /** Returns the outcome as screens show it, such as "rolled back". */
    public String label() {
        return word.replace('-', ' ');
    }

    public boolean needsReason() {
        return this != INSTALLED;
    }

    /** Reads an outcome as a user writes it: "rolled back", "rolled-back" and "ROLLED_BACK" all work. */
    public static PatchOutcome parse(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (PatchOutcome outcome : values()) {
            if (outcome.name().equals(key)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a patch outcome; use installed, failed, rolled-back or deferred");
    }
}
