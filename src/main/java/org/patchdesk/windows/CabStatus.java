package org.patchdesk.windows;

import java.util.Locale;

/** The change-advisory-board status of a window's enterprise change ticket. */
public enum CabStatus {
    NOT_SUBMITTED("Not submitted"),
    PENDING("Pending"),
    APPROVED("Approved"),
    REJECTED("Rejected");

    private final String label;

    CabStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CabStatus fromWord(String word) {
        for (CabStatus status : values()) {
            if (status.word().equalsIgnoreCase(word.strip()) || status.label.equalsIgnoreCase(word.strip())) {
                return status;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not a CAB status; use not-submitted, pending, approved or rejected");
    }
}
