package org.patchdesk.controls;

import java.time.LocalDate;

/**
 * A control as scoring sees it for one finding: its title and type, its verification dates, and
 * whether it covers the finding's whole device or this finding alone.
 */
public record CoveringControl(long id, String title, String typeCode, String typeName, boolean lowersExposure, LocalDate verifiedOn,
                              LocalDate nextVerificationOn, boolean coversDevice) {

    public VerificationState state(LocalDate today) {
        return VerificationState.of(verifiedOn, nextVerificationOn, today);
    }

    /** Returns true when the control counts for scoring on {@code today}: verified, and its next verification not yet overdue. */
    public boolean countsOn(LocalDate today) {
        return state(today) == VerificationState.VERIFIED;
    }

    /** Returns the first day the verification is overdue, or null when the control was never verified. */
    public LocalDate overdueSince() {
        return nextVerificationOn == null ? null : nextVerificationOn.plusDays(1);
    }
}
