package org.patchdesk.acceptance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Why a risk is accepted instead of remediated. */
public enum AcceptanceReason {
    NO_VENDOR_PATCH("no-vendor-patch", "No vendor patch available"),
    AWAITING_VALIDATION("awaiting-validation", "Patch awaiting vendor validation"),
    CLINICAL_UPTIME("clinical-uptime", "Clinical uptime: the device cannot be taken out of service"),
    END_OF_LIFE("end-of-life", "End of life, with a replacement date"),
    OTHER("other", "Other");

    private final String word;
    private final String label;

    AcceptanceReason(String word, String label) {
        this.word = word;
        this.label = label;
    }

    /** Returns the word stored in the database. */
    public String word() {
        return word;
    }

    public String label() {
        return label;
    }

    /**
     * Parses a reason from its word, ignoring case.
     *
     * @throws IllegalArgumentException naming the valid words
     */
    public static AcceptanceReason parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (AcceptanceReason reason : values()) {
            if (reason.word.equals(key)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a reason for a risk acceptance; use one of "
                + Arrays.stream(values()).map(AcceptanceReason::word).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
