package org.patchdesk.patchlog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A recorded patch log entry with the device facts the log shows beside it. {@code deviceId} is
 * null once the device was deleted; the asset tag is the one recorded with the entry.
 * {@code closedCves} are the CVEs whose findings this entry closed as patched.
 * {@code daysFromValidation} counts the days from the validation date to the installation date,
 * for installed entries whose validation date is known, else it is null.
 */
public record PatchLogEntry(long id, Long deviceId, String assetTag, String manufacturer, String model, String department,
                            String update, String versionBefore, String versionAfter, Instant performedAt, String performedBy,
                            PatchOutcome outcome, String reason, List<String> fixesCves, List<String> closedCves, Long patchWindowId,
                            Long validationRequestId, LocalDate validatedOn, Integer daysFromValidation, String notes,
                            String recordedBy, Instant recordedAt) {

    public PatchLogEntry {
        fixesCves = List.copyOf(fixesCves);
        closedCves = List.copyOf(closedCves);
    }

    /** Returns the manufacturer and model in one text, such as "BD Alaris PCU 8015". */
    public String device() {
        return ((manufacturer == null ? "" : manufacturer) + " " + (model == null ? "" : model)).strip();
    }
}
