package org.patchdesk.controls;

import java.time.LocalDate;

/**
 * Whether a control counts for scoring on a day. A control counts from the day it was verified up
 * to and including its next verification date, and is overdue from the day after.
 */
public enum VerificationState {
    NOT_VERIFIED("not verified"),
    VERIFIED("verified"),
    OVERDUE("verification overdue");

    private final String label;

    VerificationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Returns the state on {@code today}; a verification dated after today does not count yet. */
    public static VerificationState of(LocalDate verifiedOn, LocalDate nextVerificationOn, LocalDate today) {
        if (verifiedOn == null || nextVerificationOn == null || verifiedOn.isAfter(today)) {
            return NOT_VERIFIED;
        }
        return today.isAfter(nextVerificationOn) ? OVERDUE : VERIFIED;
    }
}
