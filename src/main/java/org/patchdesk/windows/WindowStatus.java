package org.patchdesk.windows;

import java.util.Locale;

/** The state of a patch window: proposed, then awaiting clinical approval, approved, and completed or cancelled. */
public enum WindowStatus {
    PROPOSED("Proposed"),
    AWAITING_APPROVAL("Awaiting clinical approval"),
    APPROVED("Approved"),
    COMPLETED("Completed"),
    CANCELLED("Cancelled");

    private final String label;

    WindowStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Returns the stored and command-line form, such as "awaiting-approval". */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Tells whether the window may still change; completed and cancelled windows are final. */
    public boolean isOpen() {
        return this != COMPLETED && this != CANCELLED;
    }

    public static WindowStatus fromWord(String word) {
        for (WindowStatus status : values()) {
            if (status.word().equalsIgnoreCase(word.strip()) || status.label.equalsIgnoreCase(word.strip())) {
                return status;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not a window status; use proposed, awaiting-approval, approved,"
                + " completed or cancelled");
    }
}
