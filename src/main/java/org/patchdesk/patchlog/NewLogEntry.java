package org.patchdesk.patchlog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One patch log entry to record: the update applied to a device, when and by whom, and the outcome.
 *
 * @param deviceId            the device
 * @param update              the update applied, such as "Alaris PCU firmware 12.3.1" or "KB5034441"
 * @param versionBefore       the device's software version before; null takes the version the inventory holds
 * @param versionAfter        the software version after; for an installed entry it becomes the device's version, and a
 *                            blank one (an operating-system update that leaves the device software as it was) changes nothing
 * @param performedAt         when the work was done
 * @param performedBy         who did it: a technician, or a vendor's field engineer
 * @param outcome             the outcome
 * @param reason              why it failed, was rolled back or was deferred; required for those outcomes
 * @param fixesCves           the CVE ids the update fixes; an installed entry closes the device's open findings of them
 * @param patchWindowId       the patch window the work was done in, or null
 * @param validationRequestId the vendor validation request that enabled the update, or null
 * @param validatedOn         the date the vendor validated the update, or null when unknown
 * @param notes               free text, or null
 */
public record NewLogEntry(long deviceId, String update, String versionBefore, String versionAfter, Instant performedAt,
                          String performedBy, PatchOutcome outcome, String reason, List<String> fixesCves, Long patchWindowId,
                          Long validationRequestId, LocalDate validatedOn, String notes) {

    public NewLogEntry {
        fixesCves = fixesCves == null ? List.of() : List.copyOf(fixesCves);
    }

    /** Returns an entry for a device on its own, outside any patch window or validation request. */
    public static NewLogEntry of(long deviceId, String update, String versionBefore, String versionAfter, Instant performedAt,
                                 String performedBy, PatchOutcome outcome, String reason, List<String> fixesCves) {
        return new NewLogEntry(deviceId, update, versionBefore, versionAfter, performedAt, performedBy, outcome, reason, fixesCves,
                null, null, null, null);
    }

    public NewLogEntry withPatchWindow(Long windowId) {
        return new NewLogEntry(deviceId, update, versionBefore, versionAfter, performedAt, performedBy, outcome, reason, fixesCves,
                windowId, validationRequestId, validatedOn, notes);
    }

    public NewLogEntry withValidation(Long requestId, LocalDate validatedDate) {
        return new NewLogEntry(deviceId, update, versionBefore, versionAfter, performedAt, performedBy, outcome, reason, fixesCves,
                patchWindowId, requestId, validatedDate, notes);
    }

    public NewLogEntry withNotes(String text) {
        return new NewLogEntry(deviceId, update, versionBefore, versionAfter, performedAt, performedBy, outcome, reason, fixesCves,
                patchWindowId, validationRequestId, validatedOn, text);
    }
}
