package org.patchdesk.windows;

import java.time.Instant;

/**
 * The clinical approver's refusal of a window's schedule, which returned the window to proposed.
 *
 * @param declinedBy  the signer's printed name and roles, such as "Dana Reyes, RN (Clinical leader)". For a decline typed
 *                    before the database had user accounts, it is the user who recorded it.
 * @param reason      why the schedule was not approved
 * @param signatureId the electronic signature with the meaning rejected, or null for a typed decline
 */
public record Decline(Instant declinedAt, String declinedBy, String reason, Long signatureId) {

    /** Returns true when the decline is an electronic signature. */
    public boolean signed() {
        return signatureId != null;
    }
}
